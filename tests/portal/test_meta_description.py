"""Every page says what it is in one meta description: the view's, else the page's own, its
summary or its introduction, else the site's sentence; one line of at most 160 characters."""

import re
from html import unescape

import pytest
from django.template import Context, Template
from hypothesis import given
from hypothesis import strategies as st

from core.templatetags.core_tags import DESCRIPTION_LENGTH, SITE_DESCRIPTION
from tests import factories
from tests.factories import SpaceFactory, TopicFactory
from tests.portal.test_titles import one_url_of_each_page_type

pytestmark = pytest.mark.django_db

TAG = Template("{% load core_tags %}{% meta_description %}")


def descriptions(client, url) -> list[str]:
    response = client.get(url)
    html = response.content.decode()
    found = re.findall(r'<meta name="description" content="([^"]*)">', html)
    return [unescape(text) for text in found]


def test_every_page_type_and_forum_page_has_one_description(client):
    urls = one_url_of_each_page_type()
    urls += ["/recherche/?q=charte", "/compte/login/", "/nulle-part/"]
    for url in urls:
        found = descriptions(client, url)
        assert len(found) == 1, (url, found)
        assert 0 < len(found[0]) <= DESCRIPTION_LENGTH, (url, found)


def test_a_page_says_its_summary_and_a_view_its_own_words(client):
    sheet = factories.sheet(summary="Une fiche   sur\nla charte du collectif.")
    assert descriptions(client, sheet.url) == ["Une fiche sur la charte du collectif."]
    sheet.search_description = "Ce que dit la fiche aux moteurs de recherche."
    sheet.save_revision().publish()
    assert descriptions(client, sheet.url) == [sheet.search_description]
    space = SpaceFactory(public=True, description="Le réseau des DGS du département.")
    topic = TopicFactory(space=space, posts=1)
    first_post = topic.posts.order_by("created_at").first()
    assert descriptions(client, space.get_absolute_url()) == [space.description]
    [said] = descriptions(client, topic.get_absolute_url())
    assert said.split()[:3] == first_post.body.split()[:3]
    assert descriptions(client, "/recherche/?q=charte") == [str(SITE_DESCRIPTION)]


@given(text=st.text(max_size=400))
def test_any_text_makes_one_short_line(text):
    class Page:
        summary = text

    said = TAG.render(Context({"page": Page()}))
    assert "\n" not in said and said == said.strip()
    assert 0 < len(unescape(said)) <= DESCRIPTION_LENGTH
