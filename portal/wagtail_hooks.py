from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import AdminOnlyMenuItem

from .views import ReviewDueReportView


@hooks.register("register_reports_menu_item")
def register_review_due_menu_item():
    return AdminOnlyMenuItem(
        _("Ressources à relire"),
        reverse("review_due_report"),
        icon_name="calendar-alt",
        order=700,
    )


@hooks.register("register_admin_urls")
def register_review_due_urls():
    return [
        path("reports/a-relire/", ReviewDueReportView.as_view(), name="review_due_report"),
        path(
            "reports/a-relire/results/",
            ReviewDueReportView.as_view(results_only=True),
            name="review_due_report_results",
        ),
    ]
