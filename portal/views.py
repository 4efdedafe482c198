from django.db.models import DateField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.reports import PageReportView

from core.models import REVIEW_INTERVAL, BaseResourcePage


class ReviewDueReportView(PageReportView):
    """Editors' list of the resources nobody has reviewed for a year, oldest review first."""

    page_title = _("Ressources à relire")
    header_icon = "calendar-alt"
    results_template_name = "portal/reports/review_due_results.html"
    index_url_name = "review_due_report"
    index_results_url_name = "review_due_report_results"
    any_permission_required = ["add", "change", "publish"]
    list_export = ["title", "last_reviewed"]
    export_headings = {"title": _("Titre"), "last_reviewed": _("Dernière relecture")}

    def get_queryset(self):
        last_reviewed = Coalesce(
            *[
                Subquery(model.objects.filter(pk=OuterRef("pk")).values("last_reviewed")[:1])
                for model in BaseResourcePage.__subclasses__()
            ],
            output_field=DateField(),
        )
        self.queryset = (
            self.permission_policy.instances_user_has_permission_for(self.request.user, "change")
            .annotate(last_reviewed=last_reviewed)
            .filter(last_reviewed__lt=timezone.localdate() - REVIEW_INTERVAL)
            .select_related("content_type")
            .order_by("last_reviewed")
        )
        return super().get_queryset()
