"""The discussions of the home page: what each visitor may read, kept per audience, and its
queries."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from forums import services
from forums.models import TopicVisit
from tests import factories
from tests.factories import (
    MembershipFactory,
    PostFactory,
    SpaceFactory,
    TopicFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def home():
    return factories.home()


def html_of(client, home) -> str:
    response = client.get(home.url)
    assert response.status_code == 200
    return response.content.decode()


def section(html: str, heading_id: str) -> str:
    start = html.index(f'id="{heading_id}"')
    return html[start : html.index("</section>", start)]


@pytest.fixture
def spaces(no_posting_delay):
    """A topic in a public, a members-only and a private space, the last one's insider."""
    insider = UserFactory()
    found = {}
    for kind, options in {
        "public": {"public": True},
        "members": {"visibility": "members"},
        "private": {"private": True, "members": [insider]},
    }.items():
        space = SpaceFactory(**options)
        found[kind] = services.topic_create(
            space=space, author=insider, title=f"Sujet {kind}", body="Une question"
        )
    found["insider"] = insider
    return found


@pytest.mark.parametrize(
    ("visitor", "seen"),
    [
        ("anonymous", {"public"}),
        ("outsider", {"public", "members"}),
        ("insider", {"public", "members", "private"}),
        ("moderator", {"public", "members", "private"}),
        ("staff", {"public", "members", "private"}),
    ],
)
def test_each_visitor_sees_the_discussions_they_may_read(client, home, spaces, visitor, seen):
    users = {
        "outsider": UserFactory(),
        "insider": spaces["insider"],
        "moderator": MembershipFactory(space=spaces["private"].space, moderator=True).user,
        "staff": UserFactory(staff=True),
    }
    if visitor in users:
        client.force_login(users[visitor])
    html = html_of(client, home)
    for kind in ("public", "members", "private"):
        latest = section(html, "dernieres-discussions-titre")
        unanswered = section(html, "sans-reponse-titre")
        shown = kind in seen
        assert (f"Sujet {kind}" in latest) is shown, kind
        assert (f"Sujet {kind}" in unanswered) is shown, kind


def test_a_topic_whose_question_is_hidden_is_listed_to_no_one(client, home, spaces):
    topic = spaces["public"]
    staff = UserFactory(staff=True)
    services.post_hide(post=topic.posts.get(), moderator=staff, reason="Hors sujet")
    client.force_login(staff)
    assert "Sujet public" not in html_of(client, home)


def test_a_closed_space_topic_is_listed_to_no_one(client, home, spaces):
    space = spaces["public"].space
    space.is_active = False
    space.save()
    client.force_login(UserFactory(staff=True))
    assert "Sujet public" not in html_of(client, home)


def test_an_answered_question_leaves_the_unanswered_list(client, home, spaces):
    topic = spaces["public"]
    helper = UserFactory()
    reply = services.post_create(topic=topic, author=helper, body="Voici")
    html = html_of(client, home)
    assert "Sujet public" in section(html, "dernieres-discussions-titre")
    assert "Sujet public" not in section(html, "sans-reponse-titre")
    # A reply hidden by the moderation answers no one.
    services.post_hide(post=reply, moderator=UserFactory(staff=True), reason="Hors sujet")
    assert "Sujet public" in section(html_of(client, home), "sans-reponse-titre")


def test_the_latest_come_first_and_are_few(client, home, no_posting_delay):
    space = SpaceFactory(public=True)
    now = timezone.now()
    for n in range(8):
        TopicFactory(
            space=space,
            title=f"Discussion numero {n}",
            created_at=now - datetime.timedelta(days=30 - n),
            last_post_at=now - datetime.timedelta(days=30 - n),
        )
    latest = section(html_of(client, home), "dernieres-discussions-titre")
    assert latest.index("numero 7") < latest.index("numero 6")
    assert "numero 2" not in latest  # five of them


def test_the_empty_state_is_said_in_french(client, home):
    from forums.models import Space

    Space.objects.update(is_active=False)  # the demo's spaces too
    html = html_of(client, home)
    assert "Aucune discussion à lire pour l" in html


def test_a_member_sees_the_unread_posts_of_the_topics_listed(client, home, spaces):
    insider = spaces["insider"]
    topic = spaces["private"]
    then = timezone.now() - datetime.timedelta(hours=1)
    topic.posts.update(created_at=then - datetime.timedelta(minutes=1))
    TopicVisit.objects.create(topic=topic, user=insider, seen_at=then)
    PostFactory(topic=topic, body="Du nouveau")
    client.force_login(insider)
    html = html_of(client, home)
    assert "1 non lu<" in html
    assert topic.get_unread_url() in html
    client.logout()
    assert "non lu" not in html_of(client, home)


def test_a_private_discussion_never_reaches_another_audience_cache(home, spaces, settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 600
    insider, staff, outsider, anonymous = Client(), Client(), Client(), Client()
    insider.force_login(spaces["insider"])
    staff.force_login(UserFactory(staff=True))
    outsider.force_login(UserFactory())
    for _round in range(2):  # filled, then read from the cache
        assert "Sujet private" in html_of(insider, home)
        assert "Sujet private" in html_of(staff, home)
        assert "Sujet private" not in html_of(outsider, home)
        assert "Sujet private" not in html_of(anonymous, home)
        assert "Sujet members" in html_of(outsider, home)
        assert "Sujet members" not in html_of(anonymous, home)


def test_a_new_discussion_shows_at_once_with_the_caches_on(client, home, spaces, settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 600
    html_of(client, home)
    services.topic_create(
        space=spaces["public"].space, author=spaces["insider"], title="Toute neuve", body="Q"
    )
    assert "Toute neuve" in html_of(client, home)


# The home page's cold queries (tests/portal/test_query_counts.COLD, MEMBER): its discussions
# add one query (both lists); a member's unread counts one more.
COLD = {"anonymous": 5 + 1, "member": 5 + 3 + 2}


@pytest.mark.parametrize("visitor", COLD)
@pytest.mark.parametrize("size", [2, 20])
def test_the_home_page_runs_as_many_queries_cold_whatever_the_discussions(
    client, home, visitor, size, django_assert_num_queries, no_posting_delay
):
    member = UserFactory()
    space = SpaceFactory(private=True, members=[member])
    public = SpaceFactory(public=True)
    for _ in range(size):
        for where in (space, public):
            topic = TopicFactory(space=where, posts=3)
            TopicVisit.objects.create(
                topic=topic, user=member, seen_at=timezone.now() - datetime.timedelta(days=1)
            )
    if visitor == "member":
        client.force_login(member)
    assert COLD[visitor] <= 10
    html_of(client, home)  # what a process reads once (the sites' root paths…)
    with django_assert_num_queries(COLD[visitor]):
        html = html_of(client, home)
    assert html.count('class="topic-row"') >= 5
