"""The first search page: live, public pages, as an ordered list of links titled like the pages."""

import re

import pytest
from wagtail.models import PageViewRestriction

from experiences.models import ExperienceSheetPage

pytestmark = pytest.mark.django_db


def search(client, query):
    response = client.get("/recherche/", {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def test_results_are_an_ordered_list_of_links_titled_like_the_pages(client):
    sheet = ExperienceSheetPage.objects.get(territory__name="Erdre et Gesvres")
    html = search(client, "charte")
    items = re.findall(
        r'<li class="result">\s*<a class="result__title" href="([^"]+)">([^<]+)</a>', html
    )
    assert "<ol" in html
    assert (sheet.url, sheet.title) in [
        (href, title.replace("&#x27;", "'")) for href, title in items
    ]


def test_unpublished_and_private_pages_are_not_found(client):
    sheet = ExperienceSheetPage.objects.get(territory__name="Pays de Mortagne")
    hidden = ExperienceSheetPage.objects.exclude(pk=sheet.pk).first()
    sheet.unpublish()
    PageViewRestriction.objects.create(page=hidden, restriction_type="login")
    html = search(client, "territoire")
    assert sheet.title not in html
    assert hidden.title not in html


@pytest.mark.parametrize(
    "query", ["", "   ", "\x00\x07", '"non fermé', "a" * 5000, "<script>alert(1)</script>"]
)
def test_odd_queries_get_a_normal_page(client, query):
    html = search(client, query)
    assert "<script>alert(1)</script>" not in html
