from django.contrib.auth import get_user_model
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

from .admin_views import ResponseStatsView
from .models import Invitation, Membership, MembershipLog, Space, Suspension


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


class StaffReadOnlyPolicy(BasePermissionPolicy):
    """A log is read by staff and written by the services only: nobody adds, edits or deletes
    an entry in the admin."""

    def user_has_permission(self, user, action):
        return action == "view" and user.is_active and user.is_staff

    def users_with_any_permission(self, actions):
        users = get_user_model().objects.filter(is_active=True, is_staff=True)
        return users if "view" in actions else users.none()


register_permission_policy(MembershipLog, StaffReadOnlyPolicy(MembershipLog))


class MembershipLogViewSet(ModelViewSet):
    """Who accepted or refused which request to join, added, removed, promoted or invited whom,
    when, and what they wrote."""

    model = MembershipLog
    icon = "list-ul"
    menu_label = _("Journal des adhésions")
    list_display = ["created_at", "space", "member", "email", "action", "actor", "message"]
    list_filter = ["space", "action"]
    search_fields = ["member__email", "member__last_name", "email", "actor__last_name", "message"]
    form_fields = ["space", "member", "email", "action", "message"]
    inspect_view_enabled = True
    copy_view_enabled = False


register_permission_policy(Invitation, StaffReadOnlyPolicy(Invitation))


class InvitationViewSet(ModelViewSet):
    """The invitations sent by the spaces' moderators (revoked on the space's members page)."""

    model = Invitation
    icon = "mail"
    menu_label = _("Invitations")
    list_display = ["email", "space", "status", "invited_by", "created_at", "expires_at"]
    list_filter = ["space", "status"]
    search_fields = ["email"]
    form_fields = ["space", "email", "status", "expires_at"]
    inspect_view_enabled = True
    copy_view_enabled = False


class ForumsViewSetGroup(ViewSetGroup):
    menu_label = _("Espaces d'échange")
    menu_icon = "group"
    menu_order = 320
    items = (
        SpaceViewSet("espaces"),
        MembershipViewSet("adhesions"),
        SuspensionViewSet("suspensions"),
        MembershipLogViewSet("journal-adhesions"),
        InvitationViewSet("invitations"),
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
