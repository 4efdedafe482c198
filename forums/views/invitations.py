"""An invitation's link, and the invitations waiting for a member: accept or decline, once.

The link opens the invitation for whoever holds it: to a visitor, how to sign up or log in with
the invited address; to the account that verified it, the answer; to another account, that it
is not theirs. An unknown, expired, revoked or answered link gets a page that says so."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import invitations, permissions
from ..models import Invitation, InvitationStatus


def _answer(request, invitation):
    """Accepts or declines (the button pressed), then goes to the space or to the list."""
    action = request.POST.get("action")
    if action not in ("accept", "decline"):
        messages.error(request, _("Choisissez d'accepter ou de décliner l'invitation."))
        return redirect("forums:invitations")
    try:
        invitations.invitation_answer(
            invitation=invitation, user=request.user, accept=action == "accept"
        )
    except invitations.InvitationError as error:
        messages.error(request, str(error))
        return redirect("forums:invitations")
    if action == "accept":
        messages.success(
            request,
            _("Bienvenue : vous êtes membre de « %(space)s ».") % {"space": invitation.space.name},
        )
        return redirect(invitation.space)
    messages.success(request, _("Invitation déclinée."))
    return redirect("forums:invitations")


def invitation(request, token):
    found = invitations.invitation_for(token)
    if found is None:
        return _unusable(request, _("Ce lien d'invitation n'existe pas."), status=404)
    if found.status == InvitationStatus.REVOKED:
        return _unusable(request, _("Cette invitation a été retirée par les modérateurs."))
    if found.status != InvitationStatus.PENDING:
        return _unusable(request, _("Cette invitation a déjà reçu une réponse."))
    if found.is_expired or not found.space.is_active:
        return _unusable(
            request,
            _(
                "Cette invitation a expiré. Demandez aux modérateurs de l'espace de vous "
                "inviter à nouveau."
            ),
        )
    user = request.user
    may_answer = permissions.can_answer_invitation(user, found)
    if request.method == "POST":
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not may_answer:
            return _unusable(request, _("Cette invitation ne vous est pas adressée."), status=403)
        return _answer(request, found)
    context = {
        "invitation": found,
        "space": found.space,
        "may_answer": may_answer,
        "another_account": user.is_authenticated and not may_answer,
        "next": request.get_full_path(),
    }
    return render(
        request,
        "forums/invitation.html",
        context,
        status=200 if may_answer or not user.is_authenticated else 403,
    )


def _unusable(request, reason, status=410):
    return render(request, "forums/invitation_unusable.html", {"reason": reason}, status=status)


@login_required
def invitation_list(request):
    """The invitations waiting for the member (for the addresses they verified)."""
    waiting = permissions.answerable_invitations(request.user).select_related("invited_by")
    return render(request, "forums/invitations.html", {"invitations": waiting})


@login_required
@require_POST
def invitation_answer(request, pk):
    found = get_object_or_404(Invitation.objects.select_related("space"), pk=pk)
    if not permissions.can_answer_invitation(request.user, found):
        messages.error(request, _("Cette invitation n'est plus valable."))
        return redirect("forums:invitations")
    return _answer(request, found)
