"""Invitations to a space by e-mail address: services like those of `forums.memberships`.

A moderator invites an address. Whoever verified that address (allauth) may accept, once,
before it expires (FORUMS_INVITATION_DAYS): a member at once (told on the site and by e-mail),
someone without an account after signing up and verifying it (the invitation waits for the
address, not for a session, and is offered when it is verified). The link's token is only in
the e-mail; the database keeps its SHA-256."""

import datetime
import logging
import secrets
import smtplib

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core import emails

from . import permissions, scopes
from .memberships import MembershipError, log, membership_add, notify
from .models import (
    Invitation,
    InvitationStatus,
    Membership,
    MembershipAction,
    Notification,
    NotificationKind,
    Space,
    token_digest,
)

logger = logging.getLogger(__name__)


class InvitationError(MembershipError):
    """An invitation that cannot be sent or answered; its message is French."""


def normalise(email: str) -> str:
    return email.strip().lower()


def invitation_for(token: str) -> Invitation | None:
    """The invitation a link's token opens, whatever its state (the view says which)."""
    if not token or len(token) > 100:
        return None
    return (
        Invitation.objects.select_related("space", "invited_by")
        .filter(token_digest=token_digest(token))
        .first()
    )


def _accounts_of(email: str):
    """The active accounts whose address is `email` (their sign-up one or a verified one)."""
    return (
        get_user_model()
        .objects.filter(
            Q(email__iexact=email)
            | Q(emailaddress__email__iexact=email, emailaddress__verified=True),
            is_active=True,
        )
        .distinct()
    )


def _check_rate(moderator) -> None:
    """A moderator sends at most FORUMS_INVITATIONS_PER_DAY invitations a day (staff, any)."""
    if moderator.is_staff:
        return
    limit = settings.FORUMS_INVITATIONS_PER_DAY
    since = timezone.now() - datetime.timedelta(days=1)
    if Invitation.objects.filter(invited_by=moderator, created_at__gte=since).count() >= limit:
        raise InvitationError(
            ngettext(
                "Vous avez envoyé %(count)s invitation ces dernières 24 heures : c'est le "
                "maximum. Réessayez demain.",
                "Vous avez envoyé %(count)s invitations ces dernières 24 heures : c'est le "
                "maximum. Réessayez demain.",
                limit,
            )
            % {"count": limit}
        )


@scopes.explicit
@transaction.atomic
def invitation_create(*, space: Space, email: str, moderator) -> tuple[Invitation, bool]:
    """Invites `email` to `space`; False with the invitation already waiting when it was
    invited already (nothing more is sent). An expired one is renewed with a new link. The
    member who owns the address is told on the site; the address gets the link by e-mail."""
    email = normalise(email)
    accounts = list(_accounts_of(email))
    if Membership.objects.active().filter(space=space, user__in=accounts).exists():
        raise InvitationError(_("Cette adresse est celle d'un membre de l'espace."))
    waiting = (
        Invitation.objects.select_for_update()
        .filter(space=space, email=email, status=InvitationStatus.PENDING)
        .first()
    )
    if waiting is not None and not waiting.is_expired:
        return waiting, False
    _check_rate(moderator)
    token = secrets.token_urlsafe(32)
    now = timezone.now()
    values = {
        "invited_by": moderator,
        "token_digest": token_digest(token),
        "created_at": now,
        "expires_at": now + datetime.timedelta(days=settings.FORUMS_INVITATION_DAYS),
    }
    if waiting is not None:
        for field, value in values.items():
            setattr(waiting, field, value)
        waiting.save(update_fields=list(values))
        invitation = waiting
    else:
        try:
            with transaction.atomic():
                invitation = Invitation.objects.create(space=space, email=email, **values)
        except IntegrityError:
            # Sent at the same time by another moderator: theirs is the one.
            invitation = Invitation.objects.get(
                space=space, email=email, status=InvitationStatus.PENDING
            )
            return invitation, False
    # Told on the site: the one account that verified the address (an address typed in an
    # account but not verified yet is offered once it is: `offer_on_verification`).
    verified = [user for user in accounts if email in permissions.verified_addresses(user)]
    member = verified[0] if len(verified) == 1 else None
    log(
        space=space,
        actor=moderator,
        action=MembershipAction.INVITED,
        member=member,
        email=email,
    )
    if member is not None:
        # Its own e-mail (with the link) goes out below: the notification is not mailed again.
        notify(
            [
                Notification(
                    user=member,
                    kind=NotificationKind.INVITED,
                    space=space,
                    actor=moderator,
                    emailed_at=now,
                )
            ]
        )
    transaction.on_commit(lambda: _send(invitation, token, has_account=bool(accounts)))
    return invitation, True


def invitation_url(token: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL + reverse("forums:invitation", args=[token])


def _send(invitation: Invitation, token: str, *, has_account: bool) -> None:
    from .templatetags.forum_tags import display_name  # how the spaces name a member

    context = {
        "space": invitation.space,
        "who": display_name(invitation.invited_by) if invitation.invited_by else "",
        "url": invitation_url(token),
        "expires_at": invitation.expires_at,
        "has_account": has_account,
        "base_url": settings.WAGTAILADMIN_BASE_URL,
    }
    try:
        emails.send(
            subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX
            + _("Invitation à rejoindre « %(space)s »") % {"space": invitation.space.name},
            template="forums/email/invitation",
            to=invitation.email,
            context=context,
        )
    except (smtplib.SMTPException, OSError):
        logger.warning("Invitation e-mail %s failed.", invitation.pk)


@scopes.explicit
@transaction.atomic
def invitation_revoke(*, invitation: Invitation, moderator) -> None:
    """A moderator withdraws an invitation still waiting: its link no longer opens it."""
    if not Invitation.objects.filter(pk=invitation.pk, status=InvitationStatus.PENDING).update(
        status=InvitationStatus.REVOKED, answered_at=timezone.now()
    ):
        raise InvitationError(_("Cette invitation a déjà reçu une réponse."))
    invitation.status = InvitationStatus.REVOKED
    log(
        space=invitation.space,
        actor=moderator,
        action=MembershipAction.INVITATION_REVOKED,
        email=invitation.email,
    )


@scopes.explicit
@transaction.atomic
def invitation_answer(*, invitation: Invitation, user, accept: bool) -> None:
    """`user` (who verified the invited address: the views ask
    `permissions.can_answer_invitation`) accepts or declines, once."""
    invitation = (
        Invitation.objects.select_for_update().select_related("space").get(pk=invitation.pk)
    )
    if not permissions.can_answer_invitation(user, invitation):
        raise InvitationError(_("Cette invitation n'est plus valable."))
    invitation.status = InvitationStatus.ACCEPTED if accept else InvitationStatus.DECLINED
    invitation.answered_at = timezone.now()
    invitation.save(update_fields=["status", "answered_at"])
    if accept and not permissions.is_member(user, invitation.space):
        membership_add(space=invitation.space, user=user)
    log(
        space=invitation.space,
        actor=user,
        action=MembershipAction.INVITATION_ACCEPTED
        if accept
        else MembershipAction.INVITATION_DECLINED,
        member=user,
        email=invitation.email,
    )


def offer_on_verification(*, email_address) -> None:
    """Once an address is verified (allauth's `email_confirmed`), the invitations waiting for it
    are offered to its account on the site (the e-mail with the link went out already)."""
    user = email_address.user
    permissions.forget_addresses(user)
    if not user.is_active:
        return
    invitations = Invitation.objects.pending().for_addresses([email_address.email])
    member = Membership.objects.active().filter(space=OuterRef("space"), user=user)
    notify(
        [
            Notification(
                user=user,
                kind=NotificationKind.INVITED,
                space=invitation.space,
                actor=invitation.invited_by,
                emailed_at=timezone.now(),
            )
            for invitation in invitations.filter(space__is_active=True).exclude(Exists(member))
        ]
    )
