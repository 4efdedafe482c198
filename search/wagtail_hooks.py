from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import SearchReportView, mark_handled


@hooks.register("register_admin_urls")
def register_search_report_url():
    return [
        path("recherches/", SearchReportView.as_view(), name="search_report"),
        path("recherches/traitee/", mark_handled, name="search_report_handled"),
    ]


@hooks.register("register_reports_menu_item")
def register_search_report_menu_item():
    return MenuItem(
        _("Recherches des lecteurs"), reverse("search_report"), icon_name="search", order=720
    )
