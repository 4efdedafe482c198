from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core.text import parse_number

from .models import SearchLog

PERIODS = {7: _("7 derniers jours"), 30: _("30 derniers jours"), 365: _("365 derniers jours")}
ROWS = 50


class SearchReportView(WagtailAdminTemplateMixin, TemplateView):
    """Editors' report: what readers search for most, and what found nothing."""

    page_title = _("Recherches des lecteurs")
    header_icon = "search"
    template_name = "search/admin/search_report.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        days = parse_number(self.request.GET.get("jours"))
        days = days if days in PERIODS else 30
        logs = SearchLog.objects.since(days)
        context.update(
            periods=PERIODS.items(),
            days=days,
            frequent=logs.most_frequent()[:ROWS],
            fruitless=logs.without_results().most_frequent()[:ROWS],
        )
        return context
