"""Writes of memberships, suspensions and follows: services like those of `forums.services`,
which offers them too. Of these, only a moderator's membership shows on a page (the space's);
a request to join, a plain member, a suspension or a follow is read per request."""

from django.db import transaction

from . import permissions, scopes
from .models import Membership, MembershipStatus, Role, Space, Subscription, Suspension, Topic


def subscribe(user, *, space: Space | None = None, topic: Topic | None = None) -> None:
    """`user` follows `space` or `topic` (once)."""
    Subscription.objects.get_or_create(user=user, space=space, topic=topic)


@scopes.explicit
@transaction.atomic
def member_suspend(*, user, space: Space | None, until, reason: str) -> Suspension:
    permissions.forget(user)
    return Suspension.objects.create(
        user=user, space=space, until=until, reason=reason.strip()[:300]
    )


@scopes.explicit
@transaction.atomic
def membership_request(*, space: Space, user) -> Membership:
    """Joins an open space at once; asks to join a private one (its moderators decide)."""
    status = MembershipStatus.REQUESTED if space.is_private else MembershipStatus.ACTIVE
    membership, created = Membership.objects.get_or_create(
        space=space, user=user, defaults={"status": status}
    )
    if status == MembershipStatus.ACTIVE:
        subscribe(user, space=space)
    permissions.forget(user)
    return membership


@scopes.explicit
@transaction.atomic
def membership_approve(*, membership: Membership) -> None:
    membership.status = MembershipStatus.ACTIVE
    membership.save(update_fields=["status"])
    subscribe(membership.user, space=membership.space)
    permissions.forget(membership.user)


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
