"""What the search tells of restricted content: the readers' query log keeps what anyone would
have found, and promotions never show a page that a password or a log-in protects. Checked for
every kind of visitor, with the caches off and on (filled first by those who may read)."""

import pytest
from django.urls import reverse
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

from forums import services
from search.models import SearchLog
from tests.factories import ExperienceSheetFactory, UserFactory, log_in_with_two_factor

from .conftest import WORD

pytestmark = pytest.mark.django_db

VISITORS = ["anonymous", "outsider", "member", "moderator", "staff"]


@pytest.fixture
def visitors(codir):
    return {
        "outsider": codir.outsider,
        "member": codir.member,
        "moderator": codir.moderator,
        "staff": UserFactory(staff=True),
    }


def search_as(client, visitors, visitor, **params):
    if visitor != "anonymous":
        client.force_login(visitors[visitor])
    response = client.get("/recherche/", params)
    assert response.status_code == 200
    client.logout()
    return response.content.decode()


@pytest.fixture
def secret(codir, catalogue, django_capture_on_commit_callbacks):
    """A private topic holding a rare word, and a word that public pages have too."""
    with django_capture_on_commit_callbacks(execute=True):
        services.topic_create(
            space=codir.space, author=codir.moderator,
            title="Plan social zygomatique", body=f"Un {WORD} zygomatique, confidentiel.",
        )  # fmt: skip
    return codir.space


@pytest.mark.parametrize("cache_on", [False, True])
@pytest.mark.parametrize("visitor", VISITORS)
def test_a_search_finding_only_a_private_space_leaves_no_trace(
    client, secret, visitors, visitor, cache_on, settings
):
    if cache_on:
        settings.PORTAL_PAGE_CACHE_SECONDS = 600
        search_as(client, visitors, "member", q="zygomatique")  # the counts kept first
    SearchLog.objects.all().delete()

    search_as(client, visitors, visitor, q="zygomatique")

    logged = list(SearchLog.objects.filter(query="zygomatique").values_list("results", flat=True))
    if visitor in {"anonymous", "outsider"}:
        assert logged == [0]  # found nothing: a search editors should see
    else:
        assert logged == []  # found what few may read: its words stay with them


@pytest.mark.parametrize("cache_on", [False, True])
@pytest.mark.parametrize("visitor", VISITORS)
def test_a_search_is_logged_with_what_an_anonymous_visitor_finds(
    client, secret, visitors, visitor, cache_on, settings
):
    search_as(client, visitors, "anonymous", q=WORD)
    anonymous = SearchLog.objects.get().results
    assert anonymous > 0
    if cache_on:
        settings.PORTAL_PAGE_CACHE_SECONDS = 600
        search_as(client, visitors, "staff", q=WORD)
    SearchLog.objects.all().delete()

    search_as(client, visitors, visitor, q=WORD)
    search_as(client, visitors, visitor, q=WORD, espace=secret.slug)

    logged = list(SearchLog.objects.values_list("results", flat=True))
    if visitor in {"anonymous", "outsider"}:  # the CoDir filter, unknown to them, is ignored
        assert logged == [anonymous, anonymous]
    else:  # the CoDir alone found only its own topics: not logged
        assert logged == [anonymous]


def test_the_report_never_shows_what_private_members_typed(client, secret, visitors):

    for visitor in ("member", "moderator", "staff"):
        search_as(client, visitors, visitor, q="zygomatique")
    log_in_with_two_factor(client, UserFactory(superuser=True, two_factor=True))
    html = client.get(reverse("search_report"), {"jours": "7"}).content.decode()
    assert "zygomatique" not in html


@pytest.fixture
def promoted():
    """Three sheets promoted for one query: a public one, one behind a password, one behind
    a log-in."""
    titles = ["Promue publique", "Promue protégée par mot de passe", "Promue réservée"]
    sheets = [ExperienceSheetFactory(title=title) for title in titles]
    for sheet in sheets:
        SearchPromotion.objects.create(query=Query.get("gouvernance"), page=sheet)
    PageViewRestriction.objects.create(page=sheets[1], restriction_type="password", password="x")
    PageViewRestriction.objects.create(page=sheets[2], restriction_type="login")
    return sheets


@pytest.mark.parametrize("cache_on", [False, True])
@pytest.mark.parametrize("visitor", VISITORS)
def test_promotions_never_show_a_restricted_page(
    client, promoted, visitors, visitor, cache_on, settings
):
    if cache_on:
        settings.PORTAL_PAGE_CACHE_SECONDS = 600
        search_as(client, visitors, "staff", q="Gouvernance")
    html = search_as(client, visitors, visitor, q="Gouvernance")
    promotions = html[: html.index('class="results"')] if 'class="results"' in html else html
    assert "Promue publique" in promotions
    assert "Promue protégée par mot de passe" not in html
    assert "Promue réservée" not in html
