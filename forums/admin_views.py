from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .selectors import response_stats


class ResponseStatsView(WagtailAdminTemplateMixin, TemplateView):
    """Staff dashboard: are questions answered, and how fast, per space."""

    page_title = _("Réponses aux questions")
    header_icon = "help"
    template_name = "forums/admin/response_stats.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_staff:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["periods"] = [
            (_("30 derniers jours"), response_stats(days=30)),
            (_("365 derniers jours"), response_stats(days=365)),
        ]
        return context
