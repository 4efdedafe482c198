"""Who may do what in the discussion spaces: the one policy that views, templates, feeds, search
and notifications all ask.

Kinds of visitor: anonymous, a logged-in member of the portal, a member of the space, a
moderator of the space, staff (who moderate everywhere). A suspension, site-wide or in one space,
takes away writing but not reading. A closed space (`is_active=False`) exists for nobody.
"""

import datetime
from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.db.models import (
    BigIntegerField,
    BooleanField,
    Exists,
    ExpressionWrapper,
    OuterRef,
    Q,
    Subquery,
    Value,
)
from django.utils import timezone

from . import authors
from .models import (
    Membership,
    MembershipStatus,
    Notification,
    NotificationKind,
    Post,
    Role,
    Space,
    SpaceKind,
    Suspension,
    Topic,
    Visibility,
)

# The permission of writing at all, asked of Django's authentication backends: the accounts app
# answers it with its sign-up policy (`accounts.backends.SignUpPolicyBackend`).
WRITE = "forums.write"
# A refused request to join may be made again after this long: long enough that a refusal is
# not undone by asking again the same day, short enough that a situation may have changed.
REQUEST_AGAIN_AFTER = datetime.timedelta(days=30)


def _member(user) -> tuple[dict[int, Membership], list]:
    """The user's memberships by space and their suspensions still running, read in one query
    once per user object (so once per request: access is never decided on what another request
    read). `forget` drops them after a membership or a suspension of this object changes."""
    if not hasattr(user, "_forum_member"):
        memberships = Membership.objects.filter(user=user).values_list(
            Value("m"), "pk", "space_id", "role", "status", "decided_at"
        )
        suspensions = Suspension.objects.filter(user=user, until__gt=timezone.now()).values_list(
            Value("s"), Value(None, BigIntegerField()), "space_id", Value(""), Value(""), "until"
        )
        by_space, running = {}, []
        for kind, pk, space, role, status, when in memberships.union(suspensions, all=True):
            if kind == "m":
                by_space[space] = Membership(
                    pk=pk, space_id=space, user=user, role=role, status=status, decided_at=when
                )
            else:
                running.append((space, when))
        user._forum_member = (by_space, running)
    return user._forum_member


def _memberships(user) -> dict[int, Membership]:
    """The user's memberships by space."""
    return _member(user)[0]


def _suspended_spaces(user) -> set[int | None]:
    """Spaces where the user is suspended now; None stands for a site-wide suspension."""
    now = timezone.now()
    return {space for space, until in _member(user)[1] if until > now}


def _active_spaces(user) -> list[int]:
    return sorted(
        space
        for space, membership in _memberships(user).items()
        if membership.status == MembershipStatus.ACTIVE
    )


def _moderated_spaces(user) -> list[int]:
    return [
        space
        for space, membership in _memberships(user).items()
        if membership.status == MembershipStatus.ACTIVE and membership.role == Role.MODERATOR
    ]


def forget(user) -> None:
    """Drops what this module read of `user`, after their memberships or suspensions change."""
    if hasattr(user, "_forum_member"):
        del user._forum_member


def membership(user, space: Space) -> Membership | None:
    """The user's membership of `space`, whatever its status."""
    return _memberships(user).get(space.pk) if user.is_authenticated else None


def is_member(user, space: Space) -> bool:
    if not user.is_authenticated:
        return False
    membership = _memberships(user).get(space.pk)
    return membership is not None and membership.status == MembershipStatus.ACTIVE


def can_moderate(user, space: Space) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_staff:
        return True
    membership = _memberships(user).get(space.pk)
    return (
        membership is not None
        and membership.status == MembershipStatus.ACTIVE
        and membership.role == Role.MODERATOR
    )


def moderates_somewhere(user) -> bool:
    """Whether `user` has a moderation queue: staff, or the moderator of a space."""
    return (
        user.is_authenticated
        and user.is_active
        and (user.is_staff or bool(_moderated_spaces(user)))
    )


def moderated_spaces(user):
    """The open spaces whose moderation queue `user` handles: `can_moderate` as a queryset
    (every space for staff)."""
    spaces = Space.objects.active()
    if not user.is_authenticated or not user.is_active:
        return spaces.none()
    if user.is_staff:
        return spaces
    return spaces.filter(pk__in=_moderated_spaces(user))


def can_read_space(user, space: Space) -> bool:
    return space.is_active and can_read(user, space.pk, space.visibility)


def can_read(user, space_id: int, visibility: str) -> bool:
    """`can_read_space` for an open space known by its pk and visibility."""
    return reader(user)(space_id, visibility)


def reader(user) -> Callable[[int, str], bool]:
    """`can_read` for one user and many spaces (a list of them): the user's part of the rule
    read once."""
    if not user.is_authenticated:
        return lambda space_id, visibility: visibility == Visibility.PUBLIC
    if user.is_staff:
        return lambda space_id, visibility: True
    active = set(_active_spaces(user))
    return lambda space_id, visibility: visibility != Visibility.PRIVATE or space_id in active


def can_see_space_activity(user, space: Space) -> bool:
    """What happens inside a space (how many topics, who moderates it) is for its readers: a
    private space's name and description are shown to everyone, so they may ask to join."""
    return can_read_space(user, space)


def readable_spaces(user, spaces=None):
    """The spaces whose content `user` may read: `can_read_space` as a queryset, for lists,
    search and the discussions shown on resource pages."""
    spaces = (spaces if spaces is not None else Space.objects.all()).active()
    if not user.is_authenticated:
        return spaces.filter(visibility=Visibility.PUBLIC)
    if user.is_staff:
        return spaces
    return spaces.filter(~Q(visibility=Visibility.PRIVATE) | Q(pk__in=_active_spaces(user)))


def reading_rule(user) -> tuple[list[str], list[int] | None]:
    """`readable_spaces` for what carries a space's visibility and id (search's documents):
    the visibilities `user` reads whatever the space, and the private spaces they read (None:
    every one). Active spaces only is the documents' own business (a closed space's are kept
    from everyone)."""
    if not user.is_authenticated:
        return [Visibility.PUBLIC], []
    if user.is_staff:
        return [Visibility.PUBLIC, Visibility.MEMBERS, Visibility.PRIVATE], None
    return [Visibility.PUBLIC, Visibility.MEMBERS], _active_spaces(user)


def shown_networks(viewer, owner, networks):
    """The networks that `owner`'s profile lists to `viewer`: of the spaces the owner chose,
    those where their membership is active and that the viewer may read (a profile never
    tells who belongs to a private space to someone outside it)."""
    active = Membership.objects.active().filter(space=OuterRef("pk"), user=owner)
    return readable_spaces(viewer, networks.filter(Exists(active))).order_by("name")


def audience(user) -> str:
    """A name shared by the users who may read the same spaces (`readable_spaces`): staff read
    them all; a member, every space but the private ones, and the private ones where their
    membership is active; anonymous visitors, the public ones."""
    if not user.is_authenticated:
        return "anonymous"
    if user.is_staff:
        return "staff"
    return "member:" + ",".join(map(str, _active_spaces(user)))


def visible_topics(user):
    """The topics of the spaces `user` may read."""
    return Topic.objects.filter(space__in=readable_spaces(user))


def listed_topics(user):
    """The topics that lists outside their space (the home page) show to `user`: those of the
    spaces they may read whose question every reader sees. A topic whose opening post is hidden
    or deleted is listed to no one there, moderators included."""
    shown = ExpressionWrapper(
        Q(hidden_at__isnull=True, deleted_at__isnull=True), output_field=BooleanField()
    )
    opening = Post.objects.filter(topic=OuterRef("pk")).order_by("created_at", "pk")
    return (
        visible_topics(user)
        .annotate(opening_shown=Subquery(opening.annotate(shown=shown).values("shown")[:1]))
        .filter(opening_shown=True)
    )


def readable_contributions(viewer, author):
    """The posts of `author` that their profile lists to `viewer`: those of the spaces the
    viewer may read, never a hidden or a deleted one (even to moderators: a profile is no
    moderation screen)."""
    return Post.objects.filter(
        author=author,
        hidden_at__isnull=True,
        deleted_at__isnull=True,
        topic__space__in=readable_spaces(viewer),
    )


def can_complete_mentions(user, space: Space) -> bool:
    """Whether `user` is offered, while writing in `space`, the members they may mention: a
    logged-in reader of the space (a private space's members are no one else's business)."""
    return user.is_authenticated and user.is_active and can_read_space(user, space)


def mentionable_members(user, space: Space, *, listed: str | None = None):
    """Who `user`'s completion proposes in `space` (`can_complete_mentions` asked first): the
    active members who may read the space (a private one: its members and staff) and whose
    name is no secret there: their profile is in the directory (`listed`, a lookup from the
    user), or they belong to the space."""
    users = get_user_model().objects.filter(is_active=True)
    belongs = Q(space_memberships__space=space, space_memberships__status=MembershipStatus.ACTIVE)
    if space.visibility == Visibility.PRIVATE:
        users = users.filter(belongs | Q(is_staff=True))
    shown = belongs | Q(**{listed: True}) if listed else belongs
    return users.filter(shown).exclude(pk=user.pk).distinct()


def is_suspended(user, space: Space) -> bool:
    suspended = _suspended_spaces(user)
    return None in suspended or space.pk in suspended


def may_write(user) -> bool:
    """Whether this account may write at all: active, and granted `WRITE` (approved, where
    approval is the rule)."""
    return user.is_authenticated and user.is_active and user.has_perm(WRITE)


def can_post(user, space: Space) -> bool:
    """Start a topic in `space`."""
    if not may_write(user) or not can_read_space(user, space) or is_suspended(user, space):
        return False
    if space.visibility == Visibility.PRIVATE:
        return is_member(user, space) or user.is_staff
    return True


def postable_spaces(user) -> list:
    """The spaces where `user` may open a topic: `can_post` over the readable spaces."""
    if not may_write(user):
        return []
    return [space for space in readable_spaces(user) if can_post(user, space)]


def can_reply(user, topic) -> bool:
    if topic.is_locked and not can_moderate(user, topic.space):
        return False
    return can_post(user, topic.space)


def can_edit_post(user, post) -> bool:
    topic = post.topic
    if can_moderate(user, topic.space):
        return True
    return (
        post.author_id == getattr(user, "pk", None)
        and post.deleted_at is None
        and post.hidden_at is None
        and not topic.is_locked
        and can_post(user, topic.space)
    )


def can_delete_post(user, post) -> bool:
    return post.deleted_at is None and can_edit_post(user, post)


def can_see_post(user, post) -> bool:
    """Hidden posts stay visible, marked with the reason, to moderators and to their author;
    deleted ones show as deleted."""
    if not can_read_space(user, post.topic.space):
        return False
    return (
        post.hidden_at is None
        or post.author_id == getattr(user, "pk", None)
        or can_moderate(user, post.topic.space)
    )


def shown_posts(topic):
    """The posts of `topic` that every reader sees: all but the hidden ones."""
    return Post.objects.filter(topic=topic, hidden_at__isnull=True)


def visible_posts(user, topic):
    """The posts of `topic` that `user` sees in its thread (the rule of `can_see_post`): the
    shown ones, and the hidden ones to moderators and to their author."""
    posts = Post.objects.filter(topic=topic)
    if can_moderate(user, topic.space):
        return posts
    mine = Q(author=user) if user.is_authenticated else Q(pk__in=[])
    return posts.filter(Q(hidden_at__isnull=True) | mine)


def unread_posts(user):
    """The posts that count as unread to `user` once they come after their last visit of the
    topic: the posts of the spaces they may read that every reader sees (a hidden post counts
    for no one, moderators included; a deleted one neither), other than their own."""
    if not user.is_authenticated:
        return Post.objects.none()
    return Post.objects.shown().filter(topic__space__in=readable_spaces(user)).exclude(author=user)


def quotable_posts(user, topic):
    """The posts of `topic` that `user` may quote in a reply: those every reader sees (neither
    hidden nor deleted), to a reader who may reply."""
    if not can_reply(user, topic):
        return Post.objects.none()
    return Post.objects.shown().filter(topic=topic)


def feed_spaces():
    """The spaces that have an Atom feed: those anyone may read, since a feed reader cannot
    prove who reads it."""
    return readable_spaces(AnonymousUser())


def has_feed(space: Space) -> bool:
    """`feed_spaces` for one space."""
    return can_read_space(AnonymousUser(), space)


def feed_posts(space: Space):
    """What the feed of `space` shows: the posts every reader sees, less the deleted ones."""
    return Post.objects.shown().filter(topic__space=space)


def can_react(user, post) -> bool:
    return (
        post.author_id != getattr(user, "pk", None)
        and post.deleted_at is None
        and post.hidden_at is None
        and can_post(user, post.topic.space)
    )


def can_accept_answer(user, topic) -> bool:
    if can_moderate(user, topic.space):
        return True
    return topic.author_id == getattr(user, "pk", None) and can_post(user, topic.space)


def shown_accepted_answer(user, topic) -> Post | None:
    """The accepted answer shown under the question of `topic` to `user`: to a reader of its
    space, and only a post that every reader sees. A hidden or deleted answer is shown to no
    one there, moderators included (they find it in the thread, marked)."""
    post = topic.accepted_post if topic.accepted_post_id else None
    if post is None or post.hidden_at is not None or post.deleted_at is not None:
        return None
    return post if can_read_space(user, topic.space) else None


def can_report(user, post) -> bool:
    return (
        user.is_authenticated
        and user.is_active
        and post.author_id != user.pk
        and can_read_space(user, post.topic.space)
    )


def can_join(user, space: Space) -> bool:
    """Ask to join a private space (or join an open one to follow it as a member): not while a
    request waits, nor within REQUEST_AGAIN_AFTER of a refusal."""
    if not (may_write(user) and space.is_active and not is_suspended(user, space)):
        return False
    current = _memberships(user).get(space.pk)
    if current is None:
        return True
    if current.status == MembershipStatus.REFUSED:
        return request_again_at(current) <= timezone.now()
    return current.status not in (MembershipStatus.ACTIVE, MembershipStatus.REQUESTED)


def request_again_at(membership: Membership) -> datetime.datetime:
    """When a refused request may be made again."""
    return (membership.decided_at or membership.created_at) + REQUEST_AGAIN_AFTER


def space_moderators(space: Space):
    """Who is told what a space's moderators handle (a request to join, a report): its active
    moderators; staff when it has none (they moderate everywhere), so that nothing waits
    unseen. Every one of them `can_moderate` the space."""
    users = get_user_model().objects.filter(is_active=True)
    moderators = users.filter(
        space_memberships__space=space,
        space_memberships__status=MembershipStatus.ACTIVE,
        space_memberships__role=Role.MODERATOR,
    )
    if moderators.exists():
        return moderators
    return users.filter(is_staff=True)


def can_be_notified(user, post) -> bool:
    """A notification or an e-mail about `post` may only reach someone who may read it."""
    return user.is_active and can_see_post(user, post) and post.deleted_at is None


def mention_reaches(user, post) -> bool:
    """Whether a mention of `user` in `post` tells them: only someone who may read it (the
    author is told of the others, `selectors.unreachable_mentions`)."""
    return user.pk != post.author_id and can_be_notified(user, post)


def can_see_notification(user, notification) -> bool:
    """Whether `user` may be shown `notification` now, on the site or by e-mail: one about a
    post, if they may see the post (`can_be_notified`); a report or a request to join, if they
    moderate its space; an answer to a request or a suspension, always (the space's name is
    shown to everyone), unless the space is closed. `readable_notifications` is the same rule
    as a queryset."""
    if not user.is_active:
        return False
    kind = notification.kind
    if kind == NotificationKind.REPORT:
        post = notification.post
        return (
            post.deleted_at is None
            and post.topic.space.is_active
            and can_moderate(user, post.topic.space)
        )
    if notification.post_id:
        return can_be_notified(user, notification.post)
    space = notification.space
    if kind == NotificationKind.REQUEST:
        return space is not None and space.is_active and can_moderate(user, space)
    return space is None or space.is_active


def readable_notifications(user):
    """The notifications of `user` that `can_see_notification` lets through now, as a
    queryset: the list and the unread count ask it when they are shown, so that a topic of a
    space its reader has left, a post hidden or deleted since, or a request of a space they no
    longer moderate, no longer shows (nor counts)."""
    if not user.is_authenticated or not user.is_active:
        return Notification.objects.none()
    about_posts = Q(
        post__isnull=False,
        post__deleted_at__isnull=True,
        post__topic__space__in=readable_spaces(user),
    ) & ~Q(kind=NotificationKind.REPORT)
    if not user.is_staff:
        about_posts &= (
            Q(post__hidden_at__isnull=True)
            | Q(post__author=user)
            | Q(post__topic__space__in=_moderated_spaces(user))
        )
    moderated = moderated_spaces(user)
    reports = Q(
        kind=NotificationKind.REPORT,
        post__isnull=False,
        post__deleted_at__isnull=True,
        post__topic__space__in=moderated,
    )
    requests = Q(kind=NotificationKind.REQUEST, space__in=moderated)
    about_spaces = (
        Q(post__isnull=True)
        & ~Q(kind=NotificationKind.REQUEST)
        & (Q(space__isnull=True) | Q(space__is_active=True))
    )
    return Notification.objects.filter(user=user).filter(
        about_posts | reports | requests | about_spaces
    )


def can_manage_members(user, space: Space) -> bool:
    """List, add, remove, promote and invite the members of an open space: its moderators and
    staff. The members page answers 404 to whoever may not read the space (a private one's
    members are its own business) and 403 to a reader who may not manage it."""
    return space.is_active and can_moderate(user, space)


def member_candidates(user, space: Space, query: str):
    """The accounts a manager of `space` may add to it, found by what they typed: an account's
    exact e-mail address, or words of the name of a member in the directory (never by part of
    an address, nor the name of someone who kept out of the directory: that would tell who has
    an account). Active accounts that are not members yet, at most ten."""
    accounts = get_user_model().objects.filter(is_active=True)
    if not can_manage_members(user, space) or not query.strip():
        return accounts.none()
    query = query.strip()
    if "@" in query:
        found = accounts.filter(
            Q(email__iexact=query)
            | Q(emailaddress__email__iexact=query, emailaddress__verified=True)
        )
    else:
        listed = authors.directory_lookup()
        found = accounts.filter(**{listed: True}) if listed else accounts.none()
        for word in query.split()[:5]:
            found = found.filter(Q(first_name__icontains=word) | Q(last_name__icontains=word))
    members = Membership.objects.active().filter(space=space, user=OuterRef("pk"))
    return found.exclude(Exists(members)).distinct().order_by("last_name", "first_name", "pk")[:10]


def verified_addresses(user) -> set[str]:
    """The e-mail addresses `user` proved to be theirs (allauth's verification), in lower case:
    an invitation is for whoever verified its address, and for them only."""
    from allauth.account.models import EmailAddress

    if not user.is_authenticated:
        return set()
    if not hasattr(user, "_verified_addresses"):
        user._verified_addresses = {
            address.lower()
            for address in EmailAddress.objects.filter(user=user, verified=True).values_list(
                "email", flat=True
            )
        }
    return user._verified_addresses


def can_answer_invitation(user, invitation) -> bool:
    """Accept or decline an invitation: a pending one, not expired, of an open space, for an
    active account that verified the invited address."""
    return (
        user.is_authenticated
        and user.is_active
        and invitation.is_pending
        and invitation.space.is_active
        and invitation.email.lower() in verified_addresses(user)
    )


def answerable_invitations(user):
    """`can_answer_invitation` as a queryset: the invitations waiting for `user`."""
    from .models import Invitation

    if not user.is_authenticated or not user.is_active:
        return Invitation.objects.none()
    return (
        Invitation.objects.pending()
        .for_addresses(verified_addresses(user))
        .filter(space__is_active=True)
    )


def forget_addresses(user) -> None:
    """Drops the verified addresses read of `user`, after one is verified."""
    if hasattr(user, "_verified_addresses"):
        del user._verified_addresses


# "Se situer" (the situate app): a member's answers are theirs alone; shared with their
# territory collective's space, that space's active members read them too. Staff read them only
# as members of the space: a run is no post, there is nothing in it to moderate.


def can_manage_assessment(user, assessment) -> bool:
    """Share, download or delete a run: its author only."""
    return user.is_authenticated and user.is_active and assessment.user_id == user.pk


def can_read_assessment(user, assessment) -> bool:
    """Read a run's result: its author, and the active members of the open space it is shared
    with."""
    if can_manage_assessment(user, assessment):
        return True
    space = assessment.shared_with
    return (
        user.is_authenticated
        and user.is_active
        and space is not None
        and space.is_active
        and is_member(user, space)
    )


def assessment_share_spaces(user, territory):
    """The spaces `user` may share a run about `territory` with: the open territory collectives
    of that territory where their membership is active."""
    if territory is None or not user.is_authenticated or not user.is_active:
        return Space.objects.none()
    return Space.objects.active().filter(
        kind=SpaceKind.TERRITORY, territory=territory, pk__in=_active_spaces(user)
    )


def can_share_assessment(user, assessment, space) -> bool:
    """Share `assessment` with `space`: its author, with one of `assessment_share_spaces`."""
    return (
        can_manage_assessment(user, assessment)
        and space.is_active
        and space.kind == SpaceKind.TERRITORY
        and assessment.territory_id is not None
        and space.territory_id == assessment.territory_id
        and is_member(user, space)
    )


def assessment_reading_spaces(user):
    """The spaces whose shared runs `user` reads (`can_read_assessment` as a queryset)."""
    if not user.is_authenticated or not user.is_active:
        return Space.objects.none()
    return Space.objects.active().filter(pk__in=_active_spaces(user))
