"""The permission matrix of the discussion spaces, asserted cell by cell through the web views
(reading, writing, moderating, notifications, the unread counts of the topic lists, the
discussions of the home page, the digests, a profile's contributions, the `@` completion, the
members page and the invitations).

Visitors: anonymous, logged-in non-member ("outsider"), space member, space moderator, suspended
member (site-wide), staff. Spaces: public, members-only, private.
"""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts.models import Profile
from accounts.services import profile_for
from forums import permissions, services
from forums.models import (
    EmailFrequency,
    Invitation,
    Notification,
    Post,
    Space,
    Subscription,
    Topic,
    TopicVisit,
    Visibility,
)
from forums.tasks import send_notification_emails
from tests import factories
from tests.factories import PostFactory, SpaceFactory, UserFactory

pytestmark = pytest.mark.django_db

VISITORS = ["anonymous", "outsider", "member", "moderator", "suspended", "staff"]
SPACES = [Visibility.PUBLIC, Visibility.MEMBERS, Visibility.PRIVATE]

Y, N = True, False
# visitor: {action: (public, members, private)}
EXPECTED = {
    "anonymous": {
        "read": (Y, N, N), "post": (N, N, N), "reply": (N, N, N), "edit_own": (N, N, N),
        "edit_other": (N, N, N), "moderate": (N, N, N), "notified": (N, N, N),
        "unread": (N, N, N), "home": (Y, N, N), "digest": (N, N, N),
        "contributions": (N, N, N), "complete": (N, N, N), "manage": (N, N, N), "invite": (N, N, N),
    },
    "outsider": {
        "read": (Y, Y, N), "post": (Y, Y, N), "reply": (Y, Y, N), "edit_own": (Y, Y, N),
        "edit_other": (N, N, N), "moderate": (N, N, N), "notified": (Y, Y, N),
        "unread": (Y, Y, N), "home": (Y, Y, N), "digest": (Y, Y, N),
        "contributions": (Y, Y, N), "complete": (Y, Y, N), "manage": (N, N, N), "invite": (N, N, N),
    },
    "member": {
        "read": (Y, Y, Y), "post": (Y, Y, Y), "reply": (Y, Y, Y), "edit_own": (Y, Y, Y),
        "edit_other": (N, N, N), "moderate": (N, N, N), "notified": (Y, Y, Y),
        "unread": (Y, Y, Y), "home": (Y, Y, Y), "digest": (Y, Y, Y),
        "contributions": (Y, Y, Y), "complete": (Y, Y, Y), "manage": (N, N, N), "invite": (N, N, N),
    },
    "moderator": {
        "read": (Y, Y, Y), "post": (Y, Y, Y), "reply": (Y, Y, Y), "edit_own": (Y, Y, Y),
        "edit_other": (Y, Y, Y), "moderate": (Y, Y, Y), "notified": (Y, Y, Y),
        "unread": (Y, Y, Y), "home": (Y, Y, Y), "digest": (Y, Y, Y),
        "contributions": (Y, Y, Y), "complete": (Y, Y, Y), "manage": (Y, Y, Y), "invite": (Y, Y, Y),
    },
    "suspended": {
        "read": (Y, Y, Y), "post": (N, N, N), "reply": (N, N, N), "edit_own": (N, N, N),
        "edit_other": (N, N, N), "moderate": (N, N, N), "notified": (Y, Y, Y),
        "unread": (Y, Y, Y), "home": (Y, Y, Y), "digest": (Y, Y, Y),
        "contributions": (Y, Y, Y), "complete": (Y, Y, Y), "manage": (N, N, N), "invite": (N, N, N),
    },
    "staff": {
        "read": (Y, Y, Y), "post": (Y, Y, Y), "reply": (Y, Y, Y), "edit_own": (Y, Y, Y),
        "edit_other": (Y, Y, Y), "moderate": (Y, Y, Y), "notified": (Y, Y, Y),
        "unread": (Y, Y, Y), "home": (Y, Y, Y), "digest": (Y, Y, Y),
        "contributions": (Y, Y, Y), "complete": (Y, Y, Y), "manage": (Y, Y, Y), "invite": (Y, Y, Y),
    },
}  # fmt: skip
CELLS = [
    (visitor, action, visibility)
    for visitor in VISITORS
    for action in EXPECTED[visitor]
    for visibility in SPACES
]


@pytest.fixture
def world(no_posting_delay):
    """Three spaces, each with a topic by an author, and one user of each kind of visitor."""
    author = UserFactory()
    Profile.objects.filter(pk=profile_for(author).pk).update(in_directory=True)
    users = {
        "outsider": UserFactory(),
        "member": UserFactory(),
        "moderator": UserFactory(),
        "suspended": UserFactory(),
        "staff": UserFactory(staff=True),
    }
    spaces = {}
    for visibility in SPACES:
        space = SpaceFactory(
            visibility=visibility,
            members=[author, users["member"], users["suspended"]],
            moderators=[users["moderator"]],
        )
        topic = services.topic_create(
            space=space, author=author, title="Une question", body="Comment faites-vous ?"
        )
        spaces[visibility] = space
        for name, user in users.items():
            # Everyone has a post of their own there (written before any restriction applied).
            PostFactory(topic=topic, author=user, body=f"Avis de {name}")
            Subscription.objects.get_or_create(user=user, space=space)
    services.member_suspend(
        user=users["suspended"],
        space=None,
        until=timezone.now() + datetime.timedelta(days=7),
        reason="Propos déplacés",
    )
    return {"author": author, "users": users, "spaces": spaces}


def act(client, world, visitor, action, visibility) -> bool:
    """Tries `action` as `visitor` in the space of `visibility`; returns whether it was allowed."""
    space = world["spaces"][visibility]
    topic = Topic.objects.get(space=space)
    user = world["users"].get(visitor)
    if user:
        client.force_login(user)
    if action == "read":
        return client.get(topic.get_absolute_url()).status_code == 200
    if action == "post":
        return client.get(reverse("forums:topic_create", args=[space.slug])).status_code == 200
    if action == "reply":
        before = Post.objects.filter(topic=topic).count()
        client.post(reverse("forums:reply", args=[space.slug, topic.pk]), {"body": "Ma réponse"})
        return Post.objects.filter(topic=topic).count() == before + 1
    if action == "edit_own":
        if user is None:
            return False  # an anonymous visitor has written nothing
        own = Post.objects.get(topic=topic, author=user)
        return client.get(reverse("forums:post_edit", args=[own.pk])).status_code == 200
    if action == "edit_other":
        other = Post.objects.filter(topic=topic, author=world["author"]).first()
        return client.get(reverse("forums:post_edit", args=[other.pk])).status_code == 200
    if action == "moderate":
        client.post(
            reverse("forums:topic_moderate", args=[space.slug, topic.pk]), {"action": "pin"}
        )
        return Topic.objects.get(pk=topic.pk).is_pinned
    if action == "notified":
        if user is None:
            return False  # nobody to notify: an anonymous visitor has no inbox
        post = services.topic_create(
            space=space, author=world["author"], title="Nouveau sujet", body="Bonjour"
        )
        return Notification.objects.filter(user=user, post__topic=post).exists()
    if action == "unread":
        return _unread_counted(client, world, user, space, topic)
    if action == "digest":
        if user is None:
            return False  # nobody to write to
        services.topic_create(
            space=space, author=world["author"], title="Au sommaire", body="Un **extrait**"
        )
        mail.outbox.clear()
        send_notification_emails.call(EmailFrequency.DAILY)
        body = "".join(message.body for message in mail.outbox if user.email in message.to)
        return "Au sommaire" in body and " : Un extrait" in body
    if action == "contributions":
        profile = profile_for(world["author"]).get_absolute_url()
        opening = Post.objects.filter(topic=topic, author=world["author"]).first()
        return reverse("forums:post", args=[opening.pk]) in client.get(profile).content.decode()
    if action == "complete":
        url = reverse("forums:mention_lookup", args=[space.slug])
        response = client.get(url, {"q": world["author"].last_name[:3]})
        return (
            response.status_code == 200
            and world["author"].last_name in response.json()["members"].__repr__()
        )
    if action == "manage":
        return client.get(reverse("forums:space_members", args=[space.slug])).status_code == 200
    if action == "invite":
        client.post(
            reverse("forums:member_invite", args=[space.slug]), {"email": "new@example.org"}
        )
        return Invitation.objects.filter(space=space, email="new@example.org").exists()
    if action == "home":
        home = factories.home()
        return f"/sujets/{topic.pk}/" in client.get(home.url).content.decode()
    raise AssertionError(action)


def _unread_counted(client, world, user, space, topic) -> bool:
    """Whether the space's topic list tells `user` of the one post they have not read: the
    other one written since their visit is hidden, and counts for no one."""
    now = timezone.now()
    topic.posts.update(created_at=now - datetime.timedelta(hours=2))
    if user:
        TopicVisit.objects.create(topic=topic, user=user, seen_at=now - datetime.timedelta(hours=1))
    PostFactory(topic=topic, author=world["author"], body="Du nouveau")
    PostFactory(topic=topic, author=world["author"], body="Masqué", hidden=True)
    html = client.get(space.get_absolute_url()).content.decode()
    assert "2 non lus" not in html
    return "1 non lu<" in html and topic.get_unread_url() in html


@pytest.mark.parametrize(("visitor", "action", "visibility"), CELLS)
def test_permission_matrix(client, world, visitor, action, visibility):
    expected = EXPECTED[visitor][action][SPACES.index(visibility)]
    assert act(client, world, visitor, action, visibility) is expected


@pytest.mark.parametrize("visibility", SPACES)
def test_only_public_spaces_have_a_feed_and_it_shows_no_hidden_post(client, world, visibility):
    space = world["spaces"][visibility]
    response = client.get(reverse("forums:space_feed", args=[space.slug]))
    if visibility != Visibility.PUBLIC:
        assert response.status_code == 404
        return
    topic = Topic.objects.get(space=space)
    hidden = Post.objects.filter(topic=topic).last()
    services.post_hide(post=hidden, moderator=world["users"]["moderator"], reason="Hors sujet")
    feed = client.get(reverse("forums:space_feed", args=[space.slug])).content.decode()
    assert "Comment faites-vous ?" in feed
    assert hidden.body not in feed


def test_a_closed_space_exists_for_nobody(client, world):
    space = world["spaces"][Visibility.PUBLIC]
    topic = Topic.objects.get(space=space)
    Space.objects.filter(pk=space.pk).update(is_active=False)
    client.force_login(world["users"]["staff"])
    assert client.get(topic.get_absolute_url()).status_code == 404
    assert client.get(space.get_absolute_url()).status_code == 404


def test_anonymous_cannot_read_members_spaces_by_the_policy_too(world):
    space = world["spaces"][Visibility.MEMBERS]
    assert not permissions.can_read_space(AnonymousUser(), space)
    ours = Space.objects.filter(pk__in=[space.pk for space in world["spaces"].values()])
    readable = permissions.readable_spaces(AnonymousUser(), ours)
    assert list(readable) == [world["spaces"][Visibility.PUBLIC]]
