from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from .admin_views import ResponseStatsView
from .models import Membership, Space, Suspension


class SpaceViewSet(ModelViewSet):
    model = Space
    icon = "group"
    menu_label = _("Espaces")
    list_display = ["name", "kind", "visibility", "is_active"]
    list_filter = ["kind", "visibility", "is_active"]
    search_fields = ["name", "description"]
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("visibility"),
        FieldPanel("description"),
        FieldPanel("territory"),
        FieldPanel("resources"),
        FieldPanel("is_active"),
    ]


class MembershipViewSet(ModelViewSet):
    model = Membership
    icon = "user"
    menu_label = _("Adhésions")
    list_display = ["user", "space", "role", "status"]
    list_filter = ["space", "role", "status"]
    search_fields = ["user__email", "user__last_name"]
    form_fields = ["space", "user", "role", "status"]


class SuspensionViewSet(ModelViewSet):
    """Staff suspend a member from one space, or from the whole site when no space is given."""

    model = Suspension
    icon = "warning"
    menu_label = _("Suspensions")
    list_display = ["user", "space", "until", "reason"]
    list_filter = ["space"]
    search_fields = ["user__email", "user__last_name", "reason"]
    form_fields = ["user", "space", "until", "reason"]


class ForumsViewSetGroup(ViewSetGroup):
    menu_label = _("Espaces d'échange")
    menu_icon = "group"
    menu_order = 320
    items = (
        SpaceViewSet("espaces"),
        MembershipViewSet("adhesions"),
        SuspensionViewSet("suspensions"),
    )


@hooks.register("register_admin_viewset")
def register_forums_viewsets():
    return ForumsViewSetGroup()


@hooks.register("register_admin_urls")
def register_response_stats_url():
    return [path("espaces/reponses/", ResponseStatsView.as_view(), name="forums_response_stats")]


class StaffMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_staff


@hooks.register("register_reports_menu_item")
def register_response_stats_menu_item():
    return StaffMenuItem(
        _("Réponses aux questions"), reverse("forums_response_stats"), icon_name="help", order=710
    )
