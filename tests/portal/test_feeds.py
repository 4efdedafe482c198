"""Atom feeds of new resources (all, per kind, per step, per territory) and of the public
spaces: valid Atom (read back by feedparser), the newest first, never a draft, a restricted page
or a members-only or private space's post; found from the pages they follow (autodiscovery);
as many queries whatever their size."""

import re

import feedparser
import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import Page, PageViewRestriction

from core.text import xml_text
from tests import factories
from tests.factories import SpaceFactory, TopicFactory

pytestmark = pytest.mark.django_db


def read(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    if status != 200:
        return None
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.title and feed.feed.id and feed.feed.updated
    for entry in feed.entries:
        assert entry.title and entry.id and entry.updated and entry.link.startswith("http")
        assert entry.get("author") or feed.feed.get("author")
    return feed


def titles(feed) -> list[str]:
    return [entry.title for entry in feed.entries]


def published(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def restricted(page, kind=PageViewRestriction.LOGIN):
    made = PageViewRestriction.objects.create(page=page, restriction_type=kind, password="x")
    if kind == PageViewRestriction.GROUPS:
        made.groups.add(Group.objects.create(name=f"Groupe {page.pk}"))
    return page


def test_the_feed_of_all_resources_lists_sheets_videos_and_tools_newest_first(client):
    sheet = published(factories.sheet(title="Fiche du flux"))
    video = published(factories.video(title="Vidéo du flux"))
    tool = published(factories.tool(title="Outil du flux"))
    feed = read(client, "/flux/")
    assert titles(feed)[:3] == [tool.title, video.title, sheet.title]
    entry = feed.entries[0]
    assert entry.link == f"http://testserver{tool.url}"
    assert entry.summary == tool.summary
    assert entry.tags[0].term == "outil"
    assert feed.feed.author == "CNFPT"
    assert len(feed.entries) <= 30


def test_no_feed_lists_a_draft_or_a_restricted_page(client):
    step = factories.StepFactory()
    territory = factories.TerritoryFactory()
    draft = factories.sheet(title="Fiche brouillon", territory=territory, steps=[step])
    draft.unpublish()
    members = restricted(factories.sheet(title="Fiche membres", territory=territory, steps=[step]))
    group = restricted(
        factories.video(title="Vidéo groupe", steps=[step]), PageViewRestriction.GROUPS
    )
    shown = published(factories.sheet(title="Fiche visible", territory=territory, steps=[step]))
    hidden = {draft.title, members.title, group.title}
    for url in (
        "/flux/",
        "/flux/fiches/",
        "/flux/videos/",
        f"/flux/etapes/{step.pk}/",
        f"/flux/territoires/{territory.pk}/",
    ):
        listed = set(titles(read(client, url)))
        assert not hidden & listed, url
    assert shown.title in titles(read(client, f"/flux/etapes/{step.pk}/"))


def test_a_feed_of_a_kind_lists_that_kind_only(client):
    published(factories.sheet(title="Fiche seule"))
    published(factories.video(title="Vidéo seule"))
    published(factories.tool(title="Outil seul"))
    assert "Fiche seule" in titles(read(client, "/flux/fiches/"))
    assert {"Vidéo seule", "Outil seul"}.isdisjoint(titles(read(client, "/flux/fiches/")))
    assert "Vidéo seule" in titles(read(client, "/flux/videos/"))
    assert "Outil seul" in titles(read(client, "/flux/outils/"))
    assert read(client, "/flux/videos/").feed.link.endswith("/videos/")
    read(client, "/flux/podcasts/", status=404)


def test_a_feed_of_a_step_lists_what_its_page_lists(client):
    step = factories.StepFactory(title="Une étape suivie")
    other = factories.StepFactory()
    tagged = [
        published(factories.sheet(title="Fiche de l étape", steps=[step])),
        published(factories.video(title="Vidéo de l étape", steps=[step])),
        published(factories.tool(title="Outil de l étape", steps=[step])),
    ]
    published(factories.sheet(title="Fiche d une autre étape", steps=[other]))
    feed = read(client, f"/flux/etapes/{step.pk}/")
    assert set(titles(feed)) == {page.title for page in tagged}
    assert feed.feed.title == "Une étape suivie – Bloc local"
    assert feed.feed.link == f"http://testserver{step.url}"
    step.unpublish()
    read(client, f"/flux/etapes/{step.pk}/", status=404)
    read(client, "/flux/etapes/999999999/", status=404)
    read(client, f"/flux/etapes/{factories.home().pk}/", status=404)  # not a step


def test_a_feed_of_a_territory_lists_its_sheets(client):
    territory = factories.TerritoryFactory(name="Territoire suivi")
    mine = published(factories.sheet(title="Fiche du territoire", territory=territory))
    published(factories.sheet(title="Fiche d ailleurs"))
    feed = read(client, f"/flux/territoires/{territory.pk}/")
    assert titles(feed) == [mine.title]
    assert feed.feed.link.endswith(f"?territoire={territory.pk}")
    read(client, "/flux/territoires/999999999/", status=404)


def test_a_public_space_feed_is_valid_atom_and_others_have_none(client):
    topic = TopicFactory(space=SpaceFactory(public=True), title="Un sujet public", posts=2)
    feed = read(client, f"/espaces/{topic.space.slug}/flux/")
    assert titles(feed) and set(titles(feed)) == {"Un sujet public"}
    for space in (SpaceFactory(members_only=True), SpaceFactory(private=True)):
        TopicFactory(space=space, posts=1)
        read(client, f"/espaces/{space.slug}/flux/", status=404)


# Without NUL: the site strips it from what comes in (portal.middleware), and PostgreSQL
# cannot store it, so no title holds one.
TITLES = st.text(st.characters(exclude_characters="\x00"), min_size=1, max_size=80)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=TITLES.filter(lambda text: xml_text(text).strip()))
def test_any_title_makes_a_valid_feed(client, text):
    sheet = factories.sheet() if not Page.objects.filter(slug="fiche-fuzz").exists() else None
    if sheet is not None:
        Page.objects.filter(pk=sheet.pk).update(slug="fiche-fuzz")
    Page.objects.filter(slug="fiche-fuzz").update(title=text, draft_title=text)
    topic = TopicFactory(space=SpaceFactory(public=True), posts=1)
    type(topic).objects.filter(pk=topic.pk).update(title=text)
    read(client, "/flux/fiches/")
    read(client, f"/espaces/{topic.space.slug}/flux/")


FEED_LINK = r'<link rel="alternate" type="application/atom\+xml" title="[^"]*" href="([^"]+)"'


def alternates(client, url) -> list[str]:
    html = client.get(url).content.decode()
    head = html[: html.index("</head>")]
    return re.findall(
        r'<link rel="alternate" type="application/atom\+xml" title="[^"]*" href="([^"]+)"', head
    )


def test_the_pages_a_feed_follows_point_to_it(client):
    step = factories.StepFactory()
    territory = factories.TerritoryFactory()
    sheet = published(factories.sheet(territory=territory, steps=[step]))
    index = sheet.get_parent()
    assert alternates(client, "/") == ["/flux/"]
    assert alternates(client, index.url) == ["/flux/fiches/"]
    assert alternates(client, factories.ResourceIndexFactory().url) == ["/flux/videos/"]
    assert alternates(client, factories.ToolBoxFactory().url) == ["/flux/outils/"]
    assert alternates(client, step.url) == [f"/flux/etapes/{step.pk}/"]
    assert alternates(client, f"{index.url}?territoire={territory.pk}&etape={step.pk}") == [
        "/flux/fiches/",
        f"/flux/territoires/{territory.pk}/",
        f"/flux/etapes/{step.pk}/",
    ]
    assert alternates(client, f"{index.url}?territoire=abc&etape=99999") == ["/flux/fiches/"]
    assert alternates(client, sheet.url) == []


def test_a_public_space_and_its_topics_point_to_its_feed_and_others_to_none(client):
    topic = TopicFactory(space=SpaceFactory(public=True), posts=1)
    feed = f"/espaces/{topic.space.slug}/flux/"
    assert alternates(client, topic.space.get_absolute_url()) == [feed]
    assert alternates(client, topic.get_absolute_url()) == [feed]
    member = factories.UserFactory()
    client.force_login(member)
    for space in (SpaceFactory(members_only=True), SpaceFactory(private=True, members=[member])):
        hidden = TopicFactory(space=space, posts=1)
        assert alternates(client, space.get_absolute_url()) == []
        assert alternates(client, hidden.get_absolute_url()) == []


# The queries of each feed, whatever its size: the newest pages (then one query per page type for
# the feeds of several kinds), the step or territory it follows, the list page it links to, the
# site's addresses.
QUERIES = {"all": 6, "fiches": 4, "videos": 4, "outils": 4, "step": 7, "territory": 5}


@pytest.mark.parametrize("url", QUERIES)
def test_a_feed_asks_as_many_queries_whatever_its_size(client, url, django_assert_num_queries):
    step = factories.StepFactory()
    territory = factories.TerritoryFactory()
    address = {
        "all": "/flux/",
        "step": f"/flux/etapes/{step.pk}/",
        "territory": f"/flux/territoires/{territory.pk}/",
    }.get(url, f"/flux/{url}/")
    for size in (1, 12):
        for _ in range(size):
            published(factories.sheet(territory=territory, steps=[step]))
            published(factories.video(steps=[step]))
            published(factories.tool(steps=[step]))
        with django_assert_num_queries(QUERIES[url]):
            read(client, address)


def test_a_feed_kept_in_the_page_cache_shows_a_new_resource_at_once(client, settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 600
    cache.clear()
    assert client.get("/flux/fiches/")["X-Cache"] == "miss"
    assert client.get("/flux/fiches/")["X-Cache"] == "hit"
    sheet = published(factories.sheet(title="Fiche toute neuve"))
    assert sheet.title in titles(read(client, "/flux/fiches/"))
