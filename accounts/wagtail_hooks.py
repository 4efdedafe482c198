from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.admin.auth import require_admin_access
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from . import permissions, services
from .models import Approval, Profile


class EmailVerifiedColumn(Column):
    def get_value(self, instance):
        verified = any(address.verified for address in instance.user.emailaddress_set.all())
        return _("Vérifiée") if verified else _("Non vérifiée")


class ActionsColumn(Column):
    """One-click buttons (small POST forms) to approve, refuse, deactivate or reactivate."""

    cell_template_name = "accounts/admin/actions_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        actions = []
        if instance.approval != Approval.APPROVED:
            actions.append(("accounts_member_decide", "approuver", _("Approuver")))
        if instance.approval == Approval.PENDING:
            actions.append(("accounts_member_decide", "refuser", _("Refuser")))
        if instance.user.is_active:
            actions.append(("accounts_member_active", "desactiver", _("Désactiver")))
        else:
            actions.append(("accounts_member_active", "reactiver", _("Réactiver")))
        context["actions"] = [
            (reverse(name, args=[instance.pk, action]), label) for name, action, label in actions
        ]
        context["csrf_token"] = get_token(parent_context["request"])
        return context


class MemberPermissionPolicy(ModelPermissionPolicy):
    """Profiles come with their accounts: staff edit them, never add or delete one alone."""

    def user_has_permission(self, user, action):
        return action not in {"add", "delete"} and super().user_has_permission(user, action)


class ProfileViewSet(ModelViewSet):
    """Staff list, filter and search the members; approve, refuse, deactivate, reactivate."""

    model = Profile
    icon = "user"
    menu_label = gettext_lazy("Membres")
    menu_order = 330
    add_to_admin_menu = True
    add_to_reference_index = False
    list_display = [
        "__str__",
        Column("email", label=gettext_lazy("E-mail"), accessor="user.email"),
        "job",
        "organisation",
        DateColumn("date_joined", label=gettext_lazy("Inscrit le"), accessor="user.date_joined"),
        DateColumn(
            "last_login", label=gettext_lazy("Dernière connexion"), accessor="user.last_login"
        ),
        EmailVerifiedColumn("verified", label=gettext_lazy("Adresse e-mail")),
        "approval",
        BooleanColumn("active", label=gettext_lazy("Compte actif"), accessor="user.is_active"),
        ActionsColumn("actions", label=gettext_lazy("Actions")),
    ]
    list_filter = ["approval", "job", "territory", "user__is_active", "in_directory"]
    search_fields = ["user__first_name", "user__last_name", "user__email", "organisation", "handle"]
    search_backend_name = None  # the database's own search over the fields above
    form_fields = ["job", "organisation", "territory", "networks", "bio", "in_directory"]
    inspect_view_enabled = True

    def get_queryset(self, request):
        return Profile.objects.select_related("user").prefetch_related("user__emailaddress_set")


register_permission_policy(Profile, MemberPermissionPolicy(Profile))
profile_viewset = ProfileViewSet("membres")


@hooks.register("register_admin_viewset")
def register_profile_viewset():
    return profile_viewset


class PendingMembersPanel(Component):
    """On the admin's home page, for staff: how many sign-ups wait for approval."""

    name = "pending_members"
    template_name = "accounts/admin/pending_members_panel.html"
    order = 50

    def __init__(self, pending: int):
        self.pending = pending

    def get_context_data(self, parent_context):
        return {
            "pending": self.pending,
            "url": reverse(profile_viewset.get_url_name("index")) + f"?approval={Approval.PENDING}",
        }


@hooks.register("construct_homepage_panels")
def add_pending_members_panel(request, panels):
    if permissions.can_manage_members(request.user) and (
        pending := Profile.objects.pending().count()
    ):
        panels.append(PendingMembersPanel(pending))


def _staff_only(request):
    if not permissions.can_manage_members(request.user):
        raise PermissionDenied


DECISIONS = {"approuver": True, "refuser": False}  # the URL's word -> approve?
CHANGES = {"reactiver": True, "desactiver": False}  # the URL's word -> active?


@require_admin_access
@require_POST
def member_decide(request, pk: int, decision: str):
    _staff_only(request)
    profile = get_object_or_404(Profile.objects.select_related("user"), pk=pk)
    if decision not in DECISIONS:
        raise Http404
    services.member_decide(profile=profile, approve=DECISIONS[decision])
    messages.success(request, _("%(member)s est prévenu·e par e-mail.") % {"member": profile})
    return redirect(profile_viewset.get_url_name("index"))


@require_admin_access
@require_POST
def member_active(request, pk: int, change: str):
    _staff_only(request)
    profile = get_object_or_404(Profile.objects.select_related("user"), pk=pk)
    if change not in CHANGES:
        raise Http404
    services.member_set_active(user=profile.user, active=CHANGES[change])
    messages.success(request, _("Le compte de %(member)s est modifié.") % {"member": profile})
    return redirect(profile_viewset.get_url_name("index"))


@hooks.register("register_admin_urls")
def register_member_urls():
    return [
        path(
            "membres/<int:pk>/<str:decision>/validation/",
            member_decide,
            name="accounts_member_decide",
        ),
        path("membres/<int:pk>/<str:change>/compte/", member_active, name="accounts_member_active"),
    ]
