"""Every discussion and account page, cold (the test settings turn every cache off), for every
kind of visitor who may see it: as many SQL queries on small and on large data.

A page's count is the site's shell (the site, the menus and the footer, as on every page:
measured here on a 404 page) and what the page reads beyond it (`BEYOND`): for a member, their
account, their memberships and suspensions (one query) and their unread count (`MEMBER`),
then the page's own rows. The new-post marks, follows and visits of a member come with the rows
they are about; a member's reactions are read only on a page of posts that have some.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import Profile
from forums.models import Notification, NotificationKind, Post, Report, Topic
from tests.factories import (
    MembershipFactory,
    PostFactory,
    SpaceFactory,
    TopicFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

MEMBER = 3  # the account, its memberships and suspensions, its unread count (staff: 2 at most)
READERS = ("insider", "moderator", "staff")
LOGGED_IN = ("member", *READERS)
# Queries beyond the shell, per page and per visitor who may see it.
BEYOND = {
    "space list": {"anonymous": 1, "member": 4, "insider": 4, "moderator": 4, "staff": 3},
    # The space row (with the member's follow); then, for its readers, its moderators, a page
    # of its topics (counted by the space's counter) and its resources (the restricted sections
    # are the menu's, read once per request).
    "space, first page": {"anonymous": 1, "member": 4, "insider": 7, "moderator": 7, "staff": 7},
    "space, later page": {"anonymous": 1, "member": 4, "insider": 7, "moderator": 7, "staff": 7},
    # The topic (with the follow, the last visit and whether a hidden post is the reader's own),
    # its posts with their authors (counted by the topic's counters), the reader's reactions.
    "topic, first page": dict.fromkeys(READERS, 6),
    "topic, last page": dict.fromkeys(READERS, 6),
    "new topic form": dict.fromkeys(READERS, 4),
    "reply refused": dict.fromkeys(READERS, 6),
    "edit refused": {"insider": 4, "moderator": 4, "staff": 3},
    "notifications": {"member": 4, "insider": 5, "moderator": 5, "staff": 4},
    "notification settings": {"member": 4, "insider": 4, "moderator": 4, "staff": 3},
    "moderation queue": {"moderator": 5, "staff": 4},
    "member directory": {"member": 7, "insider": 7, "moderator": 7, "staff": 6},
    # The profile, its networks, its contributions the viewer may read: counted, then a page
    # of them (the member reads none of the private space's: no page read).
    "member profile": {"member": 6, "insider": 7, "moderator": 7, "staff": 6},
    # A redirect: it has no menu, whose query reads the restricted sections of the shell. Sent
    # again (as measured), the request waits already: nothing is written.
    "join request": {"member": 2, "staff": 2},
}


def world(size: int) -> dict:
    """A private space with a member, a moderator and `size` topics, one of them with `size`
    posts (a hidden one among them), notifications, reports, requests and profiles."""
    insider, moderator, member = UserFactory(), UserFactory(), UserFactory()
    staff = UserFactory(is_staff=True)
    space = SpaceFactory(private=True, members=[insider], moderators=[moderator])
    for other in SpaceFactory.create_batch(size // 10 + 1, public=True):
        TopicFactory(space=other)
    topics = TopicFactory.create_batch(size // 10 + 21, space=space, author=insider)
    topic = topics[0]
    people = UserFactory.create_batch(size // 10 + 2)
    start = timezone.now() - datetime.timedelta(days=1)
    Post.objects.bulk_create(
        Post(
            topic=topic,
            author=people[n % len(people)],
            body=f"Message {n}",
            body_html=f"<p>Message {n}</p>",
            created_at=start + datetime.timedelta(seconds=n),
        )
        for n in range(size)
    )
    hidden = PostFactory(topic=topic, author=people[0], hidden=True)
    topic.posts.update(useful_count=1)  # every page has posts marked useful
    Topic.objects.filter(pk=topic.pk).update(hidden_count=1)
    for post in topic.posts.all()[: size // 10 + 1]:
        Report.objects.create(post=post, reporter=insider, reason="Hors sujet")
        for user in (insider, moderator, member, staff):
            Notification.objects.create(user=user, kind=NotificationKind.REPLY, post=post)
    MembershipFactory.create_batch(size // 10 + 1, space=space, requested=True)
    for user in [insider, *people]:
        Profile.objects.update_or_create(user=user, defaults={"in_directory": True})
    profile = Profile.objects.get(user=insider)
    profile.networks.set([space])
    mine = topic.posts.filter(author=insider).first() or PostFactory(topic=topic, author=insider)
    return {
        "visitors": {"insider": insider, "moderator": moderator, "member": member, "staff": staff},
        "space": space,
        "topic": Topic.objects.get(pk=topic.pk),
        "post": mine,
        "hidden": hidden,
        "profile": profile,
    }


def requests_of(data) -> dict:
    space, topic = data["space"], data["topic"]
    slug = space.slug
    return {
        "space list": ("get", reverse("forums:space_list"), {}),
        "space, first page": ("get", space.get_absolute_url(), {}),
        "space, later page": ("get", space.get_absolute_url() + "?page=2", {}),
        "topic, first page": ("get", topic.get_absolute_url(), {}),
        "topic, last page": ("get", topic.get_absolute_url() + "?page=last", {}),
        "new topic form": ("get", reverse("forums:topic_create", args=[slug]), {}),
        "reply refused": ("post", reverse("forums:reply", args=[slug, topic.pk]), {"body": ""}),
        "edit refused": ("post", reverse("forums:post_edit", args=[data["post"].pk]), {"body": ""}),
        "notifications": ("get", reverse("forums:notifications"), {}),
        "notification settings": ("get", reverse("forums:notification_settings"), {}),
        "moderation queue": ("get", reverse("forums:moderation"), {}),
        "member directory": ("get", reverse("accounts:directory"), {}),
        "member profile": ("get", reverse("accounts:profile", args=[data["profile"].pk]), {}),
        "join request": ("post", reverse("forums:space_join", args=[slug]), {}),
    }


def shell_queries(client) -> int:
    """The queries of the site's shell: a 404 page's, less the space it looked for, the
    redirect it looked for and the page it looked for."""
    client.logout()
    with CaptureQueriesContext(connection) as context:
        assert client.get("/espaces/aucun-espace/").status_code == 404
    return len(context) - 3


@pytest.mark.parametrize("size", [2, 500])
def test_every_page_runs_as_many_queries_cold_whatever_the_data(
    client, size, django_assert_num_queries, no_posting_delay
):
    data = world(size)
    shell = shell_queries(client)
    for page, (method, url, form) in requests_of(data).items():
        for visitor, beyond in BEYOND[page].items():
            client.logout()
            if visitor != "anonymous":
                client.force_login(data["visitors"][visitor])
            getattr(client, method)(url, form)  # a first visit of a topic is recorded
            with django_assert_num_queries(shell + beyond, info=f"{page}, {visitor}"):
                response = getattr(client, method)(url, form)
            assert response.status_code in (200, 302, 400), (page, visitor)


def test_a_member_costs_three_queries_on_every_page(client):
    """What the content pages count on: the account menu of a member adds their account, their
    memberships and suspensions, and their unread count."""
    member = UserFactory()
    SpaceFactory(private=True, members=[member])
    client.get(reverse("forums:space_list"))  # what a process reads once (content types…)
    counts = []
    for user in (None, member):
        if user:
            client.force_login(user)
        with CaptureQueriesContext(connection) as context:
            assert client.get(reverse("forums:space_list")).status_code == 200
        counts.append(len(context))
    assert counts[1] - counts[0] == MEMBER
