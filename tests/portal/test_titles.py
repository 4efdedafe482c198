"""Each page's <title> names it once, then the site: never "Bloc local – Bloc local"."""

import re
from html import unescape

import pytest
from wagtail.models import Page

from portal.models import HomePage
from tests.factories import SpaceFactory, TopicFactory

pytestmark = pytest.mark.django_db

SITE = "Bloc local"


def title_of(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    match = re.search(r"<title>(.*?)</title>", response.content.decode(), re.S)
    return " ".join(unescape(match.group(1)).split())


def test_the_home_page_title_names_the_site_once(client):
    assert title_of(client, "/") == SITE


def test_a_home_page_seo_title_is_followed_by_the_site_unless_it_names_it(client):
    home = HomePage.objects.get()
    home.seo_title = "Coopérer entre communes"
    home.save_revision().publish()
    assert title_of(client, "/") == f"Coopérer entre communes – {SITE}"
    home.seo_title = f"{SITE}, la coopération du bloc local"
    home.save_revision().publish()
    assert title_of(client, "/") == f"{SITE}, la coopération du bloc local"


def one_url_of_each_page_type() -> list[str]:
    """A live page of each type, the space list, a public space and one of its topics."""
    pages, seen = [], set()
    for page in Page.objects.live().filter(depth__gt=1).specific().order_by("path"):
        if type(page) not in seen:
            seen.add(type(page))
            pages.append(page.url)
    topic = TopicFactory(space=SpaceFactory(public=True), posts=2)
    return [*pages, "/espaces/", topic.space.get_absolute_url(), topic.get_absolute_url()]


def test_every_page_type_and_forum_page_has_a_title_without_repetition(client):
    for url in one_url_of_each_page_type():
        title = title_of(client, url)
        parts = title.split(" – ")
        assert parts[-1] == SITE, (url, title)
        assert all(parts) and len(parts) == len(set(parts)), (url, title)
