"""A space's members, managed on the site by its moderators (and staff): the list, searched by
name; adding an account, removing a member, making or unmaking a moderator; inviting an address
and revoking an invitation. Every change goes through a service that logs it for staff."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.text import parse_number

from .. import invitations, memberships, permissions
from ..forms import InvitationForm
from ..models import Invitation, InvitationStatus, Membership, Role
from ..templatetags.forum_tags import display_name
from .lookups import open_space

MEMBERS_PER_PAGE = 25
MAX_QUERY_LENGTH = 100


def managed_space(request, slug):
    """The open space `slug`, for whoever manages its members: 404 to a visitor who may not
    read it, 403 to a reader who may not manage it."""
    space = open_space(slug)
    if not permissions.can_read_space(request.user, space):
        raise Http404
    if not permissions.can_manage_members(request.user, space):
        raise PermissionDenied
    return space


def _typed(request, name: str) -> str:
    return request.GET.get(name, "").replace("\x00", "").strip()[:MAX_QUERY_LENGTH]


def _page(request, space, invitation_form=None, status=200):
    query = _typed(request, "q")
    members = Membership.objects.active().filter(space=space).select_related("user")
    for word in query.split()[:5]:
        members = members.filter(
            Q(user__first_name__icontains=word) | Q(user__last_name__icontains=word)
        )
    members = members.order_by("-role", "user__last_name", "user__first_name", "pk")
    page = Paginator(members, MEMBERS_PER_PAGE).get_page(parse_number(request.GET.get("page")))
    context = {
        "space": space,
        "members": page,
        "query": query,
        "invitations": Invitation.objects.pending()
        .filter(space=space)
        .select_related("invited_by")
        .order_by("email"),
        "invitation_form": invitation_form or InvitationForm(days=settings.FORUMS_INVITATION_DAYS),
        "moderator_role": Role.MODERATOR,
    }
    return render(request, "forums/space_members.html", context, status=status)


@login_required
def space_members(request, slug):
    return _page(request, managed_space(request, slug))


def _back(space):
    return redirect(reverse("forums:space_members", args=[space.slug]))


@login_required
def member_add(request, slug):
    """Finds an account by its name or exact address (GET), then adds it (POST)."""
    space = managed_space(request, slug)
    if request.method != "POST":
        chosen = _typed(request, "personne")
        context = {
            "space": space,
            "chosen": chosen,
            "candidates": permissions.member_candidates(request.user, space, chosen),
        }
        return render(request, "forums/member_add.html", context)
    # Only an account that the search typed offers (never any id posted).
    offered = permissions.member_candidates(request.user, space, request.POST.get("personne", ""))
    user = next(
        (each for each in offered if each.pk == parse_number(request.POST.get("user"))), None
    )
    if user is None:
        raise Http404
    try:
        memberships.member_add(space=space, user=user, moderator=request.user)
    except memberships.MembershipError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("%(who)s est membre de l'espace ; il ou elle en est informé·e.")
            % {"who": display_name(user)},
        )
    return _back(space)


def _membership(space, pk):
    return get_object_or_404(Membership.objects.active().select_related("user"), pk=pk, space=space)


@login_required
def member_remove(request, slug, pk):
    """Asks to confirm, then removes the member (never the last moderator: said so)."""
    space = managed_space(request, slug)
    membership = _membership(space, pk)
    if request.method == "POST":
        try:
            memberships.member_remove(membership=membership, moderator=request.user)
        except memberships.MembershipError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("%(who)s ne fait plus partie de l'espace.")
                % {"who": display_name(membership.user)},
            )
        return _back(space)
    context = {
        "space": space,
        "membership": membership,
        "last_moderator": memberships.is_last_moderator(membership),
    }
    return render(request, "forums/member_remove.html", context)


@login_required
@require_POST
def member_role(request, slug, pk):
    space = managed_space(request, slug)
    membership = _membership(space, pk)
    role = request.POST.get("role")
    if role not in Role.values:
        messages.error(request, _("Choisissez un rôle."))
        return _back(space)
    try:
        changed = memberships.member_set_role(
            membership=membership, moderator=request.user, role=role
        )
    except memberships.MembershipError as error:
        messages.error(request, str(error))
    else:
        who = {"who": display_name(membership.user)}
        if not changed:
            messages.info(request, _("Rien n'a changé : %(who)s avait déjà ce rôle.") % who)
        elif role == Role.MODERATOR:
            messages.success(request, _("%(who)s est désormais modérateur de l'espace.") % who)
        else:
            messages.success(request, _("%(who)s n'est plus modérateur de l'espace.") % who)
    return _back(space)


@login_required
@require_POST
def member_invite(request, slug):
    """Invites an address; a mistake (not an address, a member's, too many today) is shown on
    the members page with what was typed."""
    space = managed_space(request, slug)
    form = InvitationForm(request.POST, days=settings.FORUMS_INVITATION_DAYS)
    if form.is_valid():
        try:
            invitation, sent = invitations.invitation_create(
                space=space, email=form.cleaned_data["email"], moderator=request.user
            )
        except invitations.InvitationError as error:
            form.add_error("email", str(error))
        else:
            values = {
                "email": invitation.email,
                "until": date_format(timezone.localtime(invitation.expires_at), "j F Y"),
            }
            if sent:
                messages.success(
                    request,
                    _("Invitation envoyée à %(email)s, valable jusqu'au %(until)s.") % values,
                )
            else:
                messages.info(
                    request,
                    _(
                        "%(email)s est déjà invité·e (jusqu'au %(until)s) : aucune nouvelle "
                        "invitation n'est envoyée."
                    )
                    % values,
                )
            return _back(space)
    return _page(request, space, invitation_form=form, status=400)


@login_required
@require_POST
def invitation_revoke(request, slug, pk):
    space = managed_space(request, slug)
    invitation = get_object_or_404(Invitation, pk=pk, space=space, status=InvitationStatus.PENDING)
    try:
        invitations.invitation_revoke(invitation=invitation, moderator=request.user)
    except invitations.InvitationError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("L'invitation de %(email)s est révoquée : son lien ne fonctionne plus.")
            % {"email": invitation.email},
        )
    return _back(space)
