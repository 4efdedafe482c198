"""What search engines read first: robots.txt asks them to leave the administrations, the
accounts, the search and the discussions' forms alone; sitemap.xml lists the public live pages
only, each with its last publication."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.utils import timezone
from wagtail.models import PageViewRestriction

from portal.discovery import DISALLOWED
from tests import factories
from tests.factories import SpaceFactory, TopicFactory

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap(client) -> dict[str, str]:
    """{location: lastmod} of the sitemap."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own response
    return {
        url.findtext("s:loc", namespaces=NS): url.findtext("s:lastmod", namespaces=NS)
        for url in root.findall("s:url", NS)
    }


def matches(rule: str, url: str) -> bool:
    """Whether a robots.txt rule covers `url`, as crawlers read it ("*": any characters)."""
    return re.match(re.escape(rule).replace(r"\*", ".*"), url) is not None


def test_robots_txt_keeps_crawlers_from_admin_accounts_search_and_forms(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    for path in ("/admin/", "/django-admin/", "/compte/", "/recherche/", "/espaces/*/repondre/"):
        assert f"Disallow: {path}" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


@pytest.mark.parametrize(
    "url",
    [
        "/admin/pages/",
        "/compte/login/",
        "/recherche/?q=charte",
        "/espaces/reseau/nouveau-sujet/",
        "/espaces/reseau/sujets/3/repondre/",
        "/espaces/reseau/sujets/3/suivre/",
        "/espaces/messages/4/modifier/",
    ],
)
def test_every_write_or_private_address_is_disallowed(url):
    assert any(matches(rule, url) for rule in DISALLOWED), url


@pytest.mark.parametrize("url", ["/", "/espaces/", "/espaces/reseau/", "/espaces/reseau/sujets/3/"])
def test_what_anyone_reads_is_not_disallowed(url):
    assert not any(matches(rule, url) for rule in DISALLOWED), url


def test_the_sitemap_lists_a_live_public_page_with_its_last_publication(client):
    sheet = factories.sheet(title="Une fiche publique")
    sheet.save_revision().publish()
    sheet.refresh_from_db()
    found = sitemap(client)
    location = f"http://testserver{sheet.url}"
    assert location in found
    # The day in the site's time zone (Paris), as the sitemap writes it: not UTC's after 23:00.
    assert found[location] == timezone.localdate(sheet.last_published_at).isoformat()
    assert "http://testserver/" in found  # the home page
    assert all(location.startswith("http://testserver/") for location in found)


def test_the_sitemap_leaves_out_a_draft(client):
    draft = factories.sheet(title="Une fiche en brouillon")
    draft.unpublish()
    assert f"http://testserver{draft.url_path}" not in str(sitemap(client))
    assert draft.slug not in str(sitemap(client))


@pytest.mark.parametrize(
    "restriction",
    [PageViewRestriction.LOGIN, PageViewRestriction.GROUPS, PageViewRestriction.PASSWORD],
)
def test_the_sitemap_leaves_out_a_restricted_page_and_its_children(client, restriction):
    section = factories.StandardPageFactory(title="Une rubrique restreinte")
    child = factories.StandardPageFactory(parent=section, title="Une page dedans")
    made = PageViewRestriction.objects.create(
        page=section, restriction_type=restriction, password="secret"
    )
    if restriction == PageViewRestriction.GROUPS:
        made.groups.add(Group.objects.create(name="Animateurs"))
    found = str(sitemap(client))
    assert section.slug not in found and child.slug not in found


def test_the_sitemap_lists_no_discussion_of_a_private_or_members_only_space(client):
    hidden = [
        TopicFactory(space=SpaceFactory(private=True), posts=1),
        TopicFactory(space=SpaceFactory(members_only=True), posts=1),
    ]
    found = str(sitemap(client))
    for topic in hidden:
        assert topic.space.slug not in found
        assert topic.get_absolute_url() not in found


def test_the_sitemap_asks_as_many_queries_whatever_the_number_of_pages(
    client, django_assert_num_queries
):
    for count in (1, 20):
        factories.sheet.create_batch(count)
        factories.video.create_batch(count)
        # The site, the restricted sections, the count of pages (the sitemap's pages of 50 000
        # addresses), the pages.
        with django_assert_num_queries(4):
            sitemap(client)


def test_the_sitemap_kept_in_the_page_cache_shows_a_new_page_at_once(client, settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 600
    cache.clear()
    assert client.get("/sitemap.xml")["X-Cache"] == "miss"
    assert client.get("/sitemap.xml")["X-Cache"] == "hit"
    sheet = factories.sheet(title="Une fiche toute neuve")
    sheet.save_revision().publish()
    assert f"http://testserver{sheet.url}" in sitemap(client)
