"""The search page: live, public pages, as an ordered list of links titled like the pages;
promotions first; a wider search when nothing is found; a video found by its captions links to
that moment; its queries do not grow with the results."""

import re
from html import unescape

import pytest
from django.conf import settings as django_settings
from django.db import connection
from django.urls import reverse
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

from tests.factories import (
    ExperienceSheetFactory,
    SpaceFactory,
    StandardPageFactory,
    UserFactory,
    home,
)

from .conftest import WORD

pytestmark = pytest.mark.django_db

# The queries of a search whatever the number of its results, caches off
# (PORTAL_PAGE_CACHE_SECONDS = 0 in the tests): the page's own (site, restricted sections, menu,
# promotions, the log) and on the databases the search's: the exact titles, one page of hits,
# one for every filter's counts, whose kinds' counts sum to the count (21 when five kinds were
# searched apart). On OpenSearch the search runs outside the database; the hits are then read
# by primary key and the spaces counted named. On PostgreSQL the exact titles are ranked first
# in the hits' query, and two statements set the plans of the search's queries and reset them
# (search/postgres.py). Never more than MAX_QUERIES.
QUERIES = {"sqlite": 6, "postgresql": 6, "opensearch": 7}
MAX_QUERIES = 10


def backend_name() -> str:
    return "opensearch" if django_settings.OPENSEARCH_URLS else connection.vendor


def search(client, query, **params):
    response = client.get("/recherche/", {"q": query, **params})
    assert response.status_code == 200
    return response.content.decode()


def test_results_are_an_ordered_list_of_links_titled_like_the_pages(client, catalogue):
    sheet = catalogue.sheets[0]
    html = search(client, WORD)
    items = re.findall(
        r'<li class="result">\s*<a class="result__title" href="([^"]+)">([^<]+)</a>', html
    )
    assert "<ol" in html
    assert (sheet.url, sheet.title) in [
        (href, title.replace("&#x27;", "'")) for href, title in items
    ]


def test_unpublished_and_private_pages_are_not_found(client, catalogue):
    sheet, hidden = catalogue.sheets
    sheet.unpublish()
    PageViewRestriction.objects.create(page=hidden, restriction_type="login")
    html = search(client, WORD)
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


def test_nothing_found_offers_a_wider_search_and_the_community(client):
    html = search(client, "xylophone", type="videos")
    assert "Aucun résultat" in html
    assert "Chercher dans tous les types de contenu" in html
    assert reverse("forums:space_list") in html


def test_promoted_results_come_first(client, catalogue):
    sheet = ExperienceSheetFactory(summary=f"Gouvernance {WORD}")
    assert "Recommandé" not in search(client, WORD)
    SearchPromotion.objects.create(query=Query.get(WORD), page=sheet, description="À lire d'abord")
    html = search(client, WORD)
    assert html.index("Recommandé") < html.index('class="results"')


def test_a_hit_in_the_captions_links_to_its_moment(client, catalogue):
    video = catalogue.video
    moment = next(cue for cue in video.cues if WORD in cue.text)
    html = unescape(search(client, WORD, type="videos"))
    assert f'href="{video.url}?t={moment.start}#t{moment.start}"' in html
    assert f"À {moment.timecode} :" in html
    page = client.get(video.url, {"t": moment.start}).content.decode()
    assert f'#t={moment.start}"' in page
    assert f'id="t{moment.start}" class="transcript__current"' in page


@pytest.mark.parametrize("count", [2, 10])
def test_a_search_runs_as_many_queries_whatever_its_results(
    client, count, no_posting_delay, django_assert_num_queries, django_capture_on_commit_callbacks
):
    from forums import services

    space, author = SpaceFactory(public=True), UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(count):
            StandardPageFactory(title=f"Zéphyrine {n}")
            services.topic_create(space=space, author=author, title=f"Zéphyrine {n}", body="…")
    url = "/recherche/?q=zéphyrine"
    client.get(url)  # the first request also fills a few caches (the site's root paths)
    with django_assert_num_queries(QUERIES[backend_name()]):
        response = client.get(url)
    assert f"{2 * count} résultats" in response.content.decode()


def test_a_repeated_search_is_answered_from_the_cache_until_something_changes(
    client, count_queries, settings
):
    settings.PORTAL_PAGE_CACHE_SECONDS = 600
    url = "/recherche/?q=charte&type=pages"
    count_queries(url)
    _response, first = count_queries(url)  # the site's and the content's caches are warm now
    response, again = count_queries(url)
    assert again == first
    assert "Zéphyrine et la charte" not in response.content.decode()
    StandardPageFactory(parent=home(), title="Zéphyrine et la charte")
    response, after = count_queries(url)
    assert "Zéphyrine et la charte" in response.content.decode()  # a new content version
    _response, cached = count_queries(url)
    assert cached < after  # counted and found once, then read by primary key


@pytest.mark.parametrize("count", [3, 30])
def test_a_members_search_stays_within_its_budget_whatever_its_results(
    client, codir, count, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    """A member of a private space, whose topics are found beside the pages."""
    from forums import services

    with django_capture_on_commit_callbacks(execute=True):
        for n in range(count):
            StandardPageFactory(title=f"Zéphyrine {n}")
            services.topic_create(
                space=codir.space, author=codir.member, title=f"Zéphyrine {n}", body="…"
            )
    client.force_login(codir.member)
    url = "/recherche/?q=zéphyrine&type=discussions"
    client.get(url)
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(url)
    assert f"{count} résultats" in response.content.decode()
