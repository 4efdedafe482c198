from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import AdminOnlyMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .documents import check_document_access
from .models import Territory
from .views import ReviewDueReportView


class TerritoryViewSet(SnippetViewSet):
    model = Territory
    icon = "site"
    menu_label = _("Territoires")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "kind", "department", "communes", "population"]
    list_filter = {"kind": ["exact"]}
    search_fields = ["name"]


register_snippet(TerritoryViewSet)


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


# Documents have the privacy of the pages that use them (portal.documents).
hooks.register("before_serve_document", check_document_access)
