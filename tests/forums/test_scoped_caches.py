"""The discussions' caches are scoped to what changed (caches on): a write empties what shows it
and nothing else, and no access rule is read from what another request kept."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from forums import services
from forums.models import Membership, NotificationSettings
from tests.factories import MembershipFactory, SpaceFactory, TopicFactory, UserFactory

pytestmark = pytest.mark.django_db
# Anonymous visitors get whole pages from the site's cache, kept under what they declare
# (`cache.depends`) and the versions they read; members get pages built on cached fragments.
VISITORS = ["anonymous", "reader"]


@pytest.fixture(autouse=True)
def caches_on(settings, no_posting_delay):
    settings.PORTAL_PAGE_CACHE_SECONDS = 600


@pytest.fixture
def people():
    reader, writer = UserFactory.create_batch(2)
    space, other = SpaceFactory(public=True), SpaceFactory(public=True)
    for person in (reader, writer):
        MembershipFactory(space=space, user=person)
        MembershipFactory(space=other, user=person)
    return {"reader": reader, "writer": writer, "space": space, "other": other}


def queries(client, url) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context), response.content.decode()


def warm(client, url) -> int:
    """The queries of a second look at `url` (the first one kept what it may)."""
    queries(client, url)
    return queries(client, url)[0]


@pytest.mark.parametrize("visitor", VISITORS)
def test_a_reaction_empties_its_topic_only(client, people, visitor):
    a = TopicFactory(space=people["space"], author=people["writer"], posts=2)
    b = TopicFactory(space=people["space"], author=people["writer"], posts=2)
    reactor = UserFactory()
    MembershipFactory(space=people["space"], user=reactor)
    if visitor == "reader":
        client.force_login(people["reader"])
    list_url = reverse("forums:space_list")
    kept = {url: warm(client, url) for url in (b.get_absolute_url(), list_url)}
    services.reaction_toggle(post=a.posts.first(), user=reactor)
    for url, count in kept.items():
        assert queries(client, url)[0] == count, url  # still served from the cache
    assert "1 membre l'a trouvé utile" in queries(client, a.get_absolute_url())[1]


def card(listing: str, space) -> str:
    """The space's card in the space list (other tests' spaces may be listed too)."""
    found = listing[listing.index(f'href="{space.get_absolute_url()}"') :]
    return found[: found.index("</article>")]


@pytest.mark.parametrize("visitor", VISITORS)
def test_a_post_in_a_space_leaves_the_other_spaces_cached(client, people, visitor):
    if visitor == "reader":
        client.force_login(people["reader"])
    here, there = people["space"].get_absolute_url(), people["other"].get_absolute_url()
    kept = warm(client, there)
    warm(client, here)
    services.topic_create(
        space=people["space"], author=people["writer"], title="Tout nouveau sujet", body="Oui"
    )
    assert queries(client, there)[0] == kept
    assert "Tout nouveau sujet" in queries(client, here)[1]
    assert "1 sujet" in card(queries(client, reverse("forums:space_list"))[1], people["space"])


def test_a_member_removed_from_a_private_space_loses_access_at_once(client):
    insider = UserFactory()
    space = SpaceFactory(private=True, members=[insider])
    topic = TopicFactory(space=space, author=insider, title="Entre nous seulement")
    client.force_login(insider)
    for _ in range(2):
        assert client.get(topic.get_absolute_url()).status_code == 200
        assert "Entre nous seulement" in client.get(space.get_absolute_url()).content.decode()
    Membership.objects.filter(space=space, user=insider).delete()  # as the admin does
    assert client.get(topic.get_absolute_url()).status_code == 404
    assert "Entre nous seulement" not in client.get(space.get_absolute_url()).content.decode()
    assert "1 sujet" not in card(client.get(reverse("forums:space_list")).content.decode(), space)


@pytest.mark.parametrize("visitor", ["anonymous", "reader"])
def test_a_hidden_post_disappears_at_once(client, people, visitor):
    topic = TopicFactory(space=people["space"], author=people["writer"], posts=1)
    reply = services.post_create(topic=topic, author=people["writer"], body="Hors sujet total")
    if visitor == "reader":
        client.force_login(people["reader"])
    assert "Hors sujet total" in queries(client, topic.get_absolute_url())[1]
    moderator = UserFactory(is_staff=True)
    services.post_hide(post=reply, moderator=moderator, reason="Hors sujet")
    assert "Hors sujet total" not in queries(client, topic.get_absolute_url())[1]
    client.force_login(moderator)  # moderators still see it, marked
    assert "Hors sujet total" in queries(client, topic.get_absolute_url())[1]


@pytest.mark.parametrize("visitor", ["anonymous", "reader"])
def test_a_renamed_member_shows_renamed_at_once(client, people, visitor):
    writer = people["writer"]
    topic = TopicFactory(space=people["space"], author=writer, posts=1)
    if visitor == "reader":
        client.force_login(people["reader"])
    warm(client, topic.get_absolute_url())
    writer.first_name, writer.last_name = "Camille", "Nouveaunom"
    writer.save(update_fields=["first_name", "last_name"])
    assert "Camille Nouveaunom" in queries(client, topic.get_absolute_url())[1]


def test_the_notification_settings_are_written_only_when_saved(client):
    member = UserFactory()
    client.force_login(member)
    url = reverse("forums:notification_settings")
    for _ in range(2):  # first visits (at once, or one after the other) write nothing
        assert client.get(url).status_code == 200
    assert not NotificationSettings.objects.filter(user=member).exists()
    # Another tab saved in between: this save finds its row rather than a unique constraint.
    NotificationSettings.objects.create(user=member)
    response = client.post(url, {"email_frequency": "weekly"})
    assert response.status_code == 302
    assert NotificationSettings.objects.get(user=member).email_frequency == "weekly"
