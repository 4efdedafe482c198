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
    "query",
    [
        "",
        "   ",
        "\x00\x07",
        '"non fermé',
        '""',
        "a" * 5000,
        "<script>alert(1)</script>",
        "charte AND (NOT élus OR -maire) title:x* ~2 ^3 ? / \\ {} [] || &&",
        "SELECT * FROM wagtailcore_page; --",
    ],
)
def test_odd_queries_get_a_normal_page(client, query):
    html = search(client, query)
    assert "<script>alert(1)</script>" not in html


def test_the_number_of_queries_does_not_grow_with_the_results(
    count_queries, settings, django_capture_on_commit_callbacks
):
    from django.contrib.auth import get_user_model
    from wagtail.models import Page

    from forums import services
    from forums.models import Space
    from portal.models import StandardPage

    url = "/recherche/?q=zéphyrine"
    home, space = Page.objects.get(depth=2), Space.objects.get(slug="reseau-dgs-sg")
    author = get_user_model().objects.get(username="nadia.benali")
    settings.FORUMS_MIN_SECONDS_BETWEEN_POSTS = 0

    def add(number):
        with django_capture_on_commit_callbacks(execute=True):
            for n in range(number):
                slug = f"zephyrine-{StandardPage.objects.count()}-{n}"
                home.add_child(instance=StandardPage(title=f"Zéphyrine {n}", slug=slug))
                services.topic_create(space=space, author=author, title=f"Zéphyrine {n}", body="…")

    add(2)
    count_queries(url)  # the first request also fills a few caches (the site's root paths)
    _response, few = count_queries(url)
    add(12)
    count_queries(url)  # new pages renew the content caches (portal/page_cache.py): refilled
    response, many = count_queries(url)
    assert "28 résultats" in response.content.decode()  # 14 pages and 14 topics
    assert many == few, (few, many)


def test_a_repeated_search_is_answered_from_the_cache_until_something_changes(
    client, count_queries, settings
):
    from wagtail.models import Page

    from portal.models import StandardPage

    settings.PORTAL_PAGE_CACHE_SECONDS = 600
    url = "/recherche/?q=charte&type=pages"
    count_queries(url)
    _response, first = count_queries(url)  # the site's and the content's caches are warm now
    response, again = count_queries(url)
    assert again == first
    assert "Zéphyrine et la charte" not in response.content.decode()
    home = Page.objects.get(depth=2)
    home.add_child(instance=StandardPage(title="Zéphyrine et la charte", slug="zephyrine-charte"))
    response, after = count_queries(url)
    assert "Zéphyrine et la charte" in response.content.decode()  # a new content version
    _response, cached = count_queries(url)
    assert cached < after  # counted and found once, then read by primary key
