"""Mentions: `@handle` links to the member's profile in the rendered post, safely; a member
who may read the space is told, one who may not is not, and the author is told so."""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from accounts.models import Profile
from forums import services
from forums.markup import ALLOWED_TAGS, mentioned_handles, render
from forums.models import Notification, NotificationKind
from tests.factories import MembershipFactory, SpaceFactory, UserFactory

pytestmark = pytest.mark.django_db

LINKS = {"marie-dupont": "/membres/12/"}


def test_a_known_handle_is_linked_whatever_its_case():
    html = render("Merci **@Marie-Dupont**, et @inconnu.", mentions=LINKS)
    assert '<strong><a href="/membres/12/" rel="nofollow noopener noreferrer ugc">' in html
    assert ">@marie-dupont</a></strong>" in html
    assert "@inconnu" in html and html.count("<a ") == 1


@pytest.mark.parametrize(
    "body",
    [
        "`@marie-dupont`",
        "```\n@marie-dupont\n```",
        "[voir @marie-dupont](https://exemple.org)",
        "marie@marie-dupont.fr",
        "x@marie-dupont",
        '<a title="@marie-dupont" href="https://exemple.org">lien</a>',
    ],
)
def test_no_mention_is_linked_in_code_links_addresses_or_attributes(body):
    assert 'href="/membres/12/"' not in render(body, mentions=LINKS)


def test_handles_are_read_from_the_text_in_lower_case():
    found = mentioned_handles("@Anne-M, @paul. @x @bob- courriel@site.fr")
    assert found == {"anne-m", "paul", "bob"}


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.seen = []

    def handle_starttag(self, tag, attrs):
        self.seen.append((tag, attrs))


HOSTILE = st.sampled_from(
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "[@marie-dupont](javascript:alert(1))",
        '"><a href="javascript:x">@marie-dupont</a>',
        "&lt;script&gt;",
        "<b onclick=x>@marie-dupont</b>",
        "`",
        "**",
        "\n\n",
        "@marie-dupont",
        "@MARIE-DUPONT",
        "<",
        ">",
        "&",
    ]
)


@hypothesis_settings(max_examples=80, deadline=None)
@given(st.lists(st.one_of(HOSTILE, st.text(max_size=20)), max_size=12))
def test_any_body_with_mentions_is_rendered_safe(parts):
    html = render(" ".join(parts), mentions=LINKS)
    tags = Tags()
    tags.feed(html)
    for tag, attributes in tags.seen:
        assert tag in ALLOWED_TAGS
        for name, value in attributes:
            assert name in {"href", "title", "rel"}
            if name == "href":
                assert value == "/membres/12/" or value.startswith(("http:", "https:", "mailto:"))
    # A mention's link holds the handle only.
    for text in re.findall(r'<a href="/membres/12/"[^>]*>(.*?)</a>', html):
        assert text == "@marie-dupont"


@pytest.fixture
def listed():
    """A member in the directory, with a handle."""
    return UserFactory(verified=True, profile__in_directory=True)


def test_a_post_links_a_mention_to_a_profile_in_the_directory(member, space, listed):
    unlisted = UserFactory(verified=True)
    topic = services.topic_create(
        space=space,
        author=member,
        title="Question",
        body=f"Bonjour @{listed.profile.handle.upper()} et @{unlisted.profile.handle}",
    )
    html = topic.posts.get().body_html
    assert f'<a href="{listed.profile.get_absolute_url()}"' in html
    assert f"@{unlisted.profile.handle}" in html
    assert unlisted.profile.get_absolute_url() not in html  # nobody else may open it
    told = Notification.objects.filter(kind=NotificationKind.MENTION, post__topic=topic)
    assert set(told.values_list("user", flat=True)) == {listed.pk, unlisted.pk}


def test_an_edited_post_links_its_new_mentions(member, space, listed):
    topic = services.topic_create(space=space, author=member, title="Question", body="Bonjour")
    post = services.post_edit(
        post=topic.posts.get(), editor=member, body=f"Bonjour @{listed.profile.handle}"
    )
    assert listed.profile.get_absolute_url() in post.body_html


@pytest.fixture
def private(no_posting_delay):
    author, insider = UserFactory.create_batch(2, verified=True)
    space = SpaceFactory(private=True, moderators=[author], members=[insider])
    return space, author, insider


def test_a_mention_of_someone_who_may_not_read_the_space_notifies_no_one_and_says_so(
    client, private
):
    space, author, insider = private
    outsider = UserFactory(verified=True, first_name="Paul", last_name="Ripoche")
    client.force_login(author)
    body = f"Avis de @{insider.profile.handle} et de @{outsider.profile.handle} ?"
    response = client.post(
        reverse("forums:topic_create", args=[space.slug]),
        {"title": "Budget", "body": body},
        follow=True,
    )
    html = response.content.decode()
    assert "Votre sujet est publié" in html
    # Out of the directory, the outsider is named by the handle typed only, not by their name.
    assert f"@{outsider.profile.handle} n&#x27;a pas été prévenu·e" in html
    assert "Paul Ripoche" not in html
    told = html[html.index('class="messages"') :]
    assert f"@{insider.profile.handle}" not in told[: told.index("</ul>")]  # they were told
    assert Notification.objects.filter(user=insider, post__topic__space=space).exists()
    assert not Notification.objects.filter(user=outsider).exists()


def test_a_mention_of_a_member_of_the_directory_who_may_not_read_says_their_name(client, private):
    space, author, _insider = private
    outsider = UserFactory(verified=True, first_name="Paul", last_name="Ripoche")
    Profile.objects.filter(pk=outsider.profile.pk).update(in_directory=True)
    client.force_login(author)
    response = client.post(
        reverse("forums:topic_create", args=[space.slug]),
        {"title": "Budget", "body": f"Avis de @{outsider.profile.handle} ?"},
        follow=True,
    )
    html = response.content.decode()
    assert f"Paul Ripoche (@{outsider.profile.handle}) n&#x27;a pas été prévenu·e" in html


def test_a_reply_naming_only_readers_says_nothing_more(client, space, topic, member, listed):
    MembershipFactory(space=space, user=listed)
    client.force_login(member)
    response = client.post(
        reverse("forums:reply", args=[space.slug, topic.pk]),
        {"body": f"Merci @{listed.profile.handle} et @{member.username}-inconnu"},
        follow=True,
    )
    html = response.content.decode()
    assert "Votre réponse est publiée" in html and "prévenu" not in html
    assert Notification.objects.filter(user=listed, kind=NotificationKind.MENTION).exists()
