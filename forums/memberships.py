"""Writes of memberships, suspensions and follows: services like those of `forums.services`,
which offers them too. Of these, only a moderator's membership shows on a page (the space's);
a request to join, its answer, a plain member, a suspension or a follow is read per request,
and so is a notification: they bump no cache scope."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import permissions, scopes
from .models import (
    Invitation,
    InvitationStatus,
    Membership,
    MembershipAction,
    MembershipLog,
    MembershipStatus,
    Notification,
    NotificationKind,
    Role,
    Space,
    Subscription,
    Suspension,
    Topic,
)
from .tasks import send_notification_emails

# A moderator's message to the member whose request they answer (the form says so too).
MAX_MESSAGE_LENGTH = 1000


class MembershipError(Exception):
    """A decision that cannot be made (a request answered already); its message is French."""


def clean_message(message: str | None) -> str:
    """A moderator's message as it is kept: without NUL (PostgreSQL refuses it in a text),
    trimmed, at most MAX_MESSAGE_LENGTH characters."""
    return (message or "").replace("\x00", "").strip()[:MAX_MESSAGE_LENGTH].strip()


def notify(notifications: list[Notification]) -> None:
    """Writes on-site notifications; their e-mails go out in the background, after the commit
    (each member's frequency is `send_notification_emails`' business)."""
    if notifications:
        Notification.objects.bulk_create(notifications)
        transaction.on_commit(lambda: send_notification_emails.enqueue())


def subscribe(user, *, space: Space | None = None, topic: Topic | None = None) -> None:
    """`user` follows `space` or `topic` (once)."""
    Subscription.objects.get_or_create(user=user, space=space, topic=topic)


@scopes.explicit
@transaction.atomic
def member_suspend(*, user, space: Space | None, until, reason: str) -> Suspension:
    """Suspends `user` from `space` (None: the whole site) until `until`; they are told why and
    until when."""
    permissions.forget(user)
    suspension = Suspension.objects.create(
        user=user, space=space, until=until, reason=reason.strip()[:300]
    )
    if user.is_active:
        notify(
            [
                Notification(
                    user=user,
                    kind=NotificationKind.SUSPENDED,
                    space=space,
                    text=suspension.reason,
                    until=until,
                )
            ]
        )
    return suspension


@scopes.explicit
@transaction.atomic
def membership_request(*, space: Space, user) -> Membership:
    """Joins an open space at once; asks to join a private one: its moderators decide, and are
    told. A refused request is made again (the views ask `permissions.can_join` first)."""
    status = MembershipStatus.REQUESTED if space.is_private else MembershipStatus.ACTIVE
    membership, created = Membership.objects.get_or_create(
        space=space, user=user, defaults={"status": status}
    )
    asks = created and status == MembershipStatus.REQUESTED
    if not created and membership.status == MembershipStatus.REFUSED:
        membership.status, membership.created_at, membership.decided_at = (
            status,
            timezone.now(),
            None,
        )
        membership.save(update_fields=["status", "created_at", "decided_at"])
        asks = status == MembershipStatus.REQUESTED
    if membership.status == MembershipStatus.ACTIVE:
        subscribe(user, space=space)
    if asks:
        notify(
            [
                Notification(user=moderator, kind=NotificationKind.REQUEST, space=space, actor=user)
                for moderator in permissions.space_moderators(space)
                if moderator.pk != user.pk and permissions.can_moderate(moderator, space)
            ]
        )
    permissions.forget(user)
    return membership


def _decide(membership: Membership, status: str) -> None:
    """Marks the request decided, once: of two moderators answering at the same time, the
    second is told it is answered already."""
    now = timezone.now()
    if not Membership.objects.filter(pk=membership.pk, status=MembershipStatus.REQUESTED).update(
        status=status, decided_at=now
    ):
        raise MembershipError(_("Cette demande a déjà reçu une réponse."))
    membership.status, membership.decided_at = status, now


@scopes.explicit
@transaction.atomic
def membership_approve(*, membership: Membership, moderator=None, message: str = "") -> None:
    """Accepts a request to join: the member is told (with the moderator's message, if any),
    the decision is logged for staff."""
    message = clean_message(message)
    _decide(membership, MembershipStatus.ACTIVE)
    subscribe(membership.user, space=membership.space)
    permissions.forget(membership.user)
    _log_and_tell(membership, moderator, MembershipAction.ACCEPTED, message)


@scopes.explicit
@transaction.atomic
def membership_refuse(*, membership: Membership, moderator, message: str = "") -> None:
    """Refuses a request to join: the member is told (with the moderator's message, if any)
    and may ask again after `permissions.REQUEST_AGAIN_AFTER`; the decision is logged."""
    message = clean_message(message)
    _decide(membership, MembershipStatus.REFUSED)
    permissions.forget(membership.user)
    _log_and_tell(membership, moderator, MembershipAction.REFUSED, message)


def _log_and_tell(membership: Membership, moderator, action: str, message: str) -> None:
    MembershipLog.objects.create(
        space=membership.space,
        member=membership.user,
        actor=moderator,
        action=action,
        message=message,
    )
    kind = (
        NotificationKind.ACCEPTED
        if action == MembershipAction.ACCEPTED
        else NotificationKind.REFUSED
    )
    if membership.user.is_active:
        notify(
            [Notification(user=membership.user, kind=kind, space=membership.space, text=message)]
        )


@scopes.explicit
@transaction.atomic
def membership_add(*, space: Space, user, role: str = Role.MEMBER) -> Membership:
    """Adds a member directly (staff, demo content, invitations accepted)."""
    membership, _created = Membership.objects.update_or_create(
        space=space, user=user, defaults={"role": role, "status": MembershipStatus.ACTIVE}
    )
    subscribe(user, space=space)
    permissions.forget(user)
    scopes.membership_changed(space.pk)  # it may make or unmake a moderator
    return membership


@transaction.atomic
def follow(*, user, space: Space | None = None, topic: Topic | None = None, on: bool) -> None:
    if on:
        subscribe(user, space=space, topic=topic)
    else:
        Subscription.objects.filter(user=user, space=space, topic=topic).delete()


# A space's members managed by its moderators on the site (forums/views/members.py): each
# change is logged for staff.


def log(*, space: Space, actor, action: str, member=None, email: str = "", message: str = ""):
    MembershipLog.objects.create(
        space=space, member=member, email=email, actor=actor, action=action, message=message
    )


def _lock(space: Space) -> None:
    """Serialises the changes of one space's roles: of two moderators demoting each other at
    the same time, the second sees the first's change (and the space keeps a moderator)."""
    list(Space.objects.select_for_update().filter(pk=space.pk).values_list("pk"))


def is_last_moderator(membership: Membership) -> bool:
    """Whether `membership` is its space's only active moderator (who may not go)."""
    others = Membership.objects.moderators().filter(space_id=membership.space_id)
    return (
        membership.role == Role.MODERATOR
        and membership.status == MembershipStatus.ACTIVE
        and not others.exclude(pk=membership.pk).exists()
    )


def _last_moderator_error(membership: Membership) -> MembershipError:
    from .templatetags.forum_tags import display_name  # how the spaces name a member

    return MembershipError(
        _("%(who)s est le dernier modérateur de cet espace : nommez d'abord un autre modérateur.")
        % {"who": display_name(membership.user)}
    )


@scopes.explicit
@transaction.atomic
def member_add(*, space: Space, user, moderator) -> Membership:
    """A moderator adds an existing account to the space (a request waiting is so accepted):
    the member is told, the change is logged."""
    _lock(space)
    current = Membership.objects.filter(space=space, user=user).first()
    if current is not None and current.status == MembershipStatus.ACTIVE:
        raise MembershipError(_("Cette personne est déjà membre de l'espace."))
    membership = membership_add(space=space, user=user)
    log(space=space, actor=moderator, action=MembershipAction.ADDED, member=user)
    notify([Notification(user=user, kind=NotificationKind.ACCEPTED, space=space)])
    return membership


@scopes.explicit
@transaction.atomic
def member_remove(*, membership: Membership, moderator) -> None:
    """A moderator removes a member from the space (they stop following it); never its last
    moderator, which is said so."""
    _lock(membership.space)
    membership = Membership.objects.select_related("user", "space").get(pk=membership.pk)
    if is_last_moderator(membership):
        raise _last_moderator_error(membership)
    membership.delete()
    Subscription.objects.filter(user=membership.user, space=membership.space).delete()
    _withdraw_invitations(membership)
    permissions.forget(membership.user)
    scopes.membership_changed(membership.space_id)
    log(
        space=membership.space,
        actor=moderator,
        action=MembershipAction.REMOVED,
        member=membership.user,
    )


def _withdraw_invitations(membership: Membership) -> None:
    """The invitations to the space still waiting that this member sent: they no longer may
    invite, so their links no longer let anyone in."""
    if not membership.user.is_staff:
        Invitation.objects.filter(
            space=membership.space, invited_by=membership.user, status=InvitationStatus.PENDING
        ).update(status=InvitationStatus.REVOKED, answered_at=timezone.now())


@scopes.explicit
@transaction.atomic
def member_set_role(*, membership: Membership, moderator, role: str) -> bool:
    """Makes or unmakes a moderator of the space (never its last one); False when the member
    had that role already."""
    _lock(membership.space)
    membership = Membership.objects.select_related("user", "space").get(pk=membership.pk)
    if membership.role == role:
        return False
    if role == Role.MEMBER and is_last_moderator(membership):
        raise _last_moderator_error(membership)
    membership.role = role
    membership.save(update_fields=["role"])
    if role == Role.MEMBER:
        _withdraw_invitations(membership)
    permissions.forget(membership.user)
    scopes.membership_changed(membership.space_id)
    log(
        space=membership.space,
        actor=moderator,
        action=MembershipAction.PROMOTED if role == Role.MODERATOR else MembershipAction.DEMOTED,
        member=membership.user,
    )
    return True
