"""The number of SQL queries of each page type does not grow with its related items."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from experiences.models import ExperienceDocument, ExperienceIndexPage
from portal.models import HomePage
from resources.models import (
    CooperationPathPage,
    SeminarEditionPage,
    StepPage,
    ToolBoxPage,
    ToolDocument,
)
from tests import factories

pytestmark = pytest.mark.django_db

# The budget of issue 7 for a page served with its caches filled (what nearly every request
# finds); the first request after a change runs the queries that fill them.
MAX_QUERIES = 10


def grow_sheet(sheet, count):
    for _ in range(count):
        sheet.related_videos.add(factories.video())
        sheet.related_tools.add(factories.tool())
        sheet.documents.add(ExperienceDocument(document=factories.document()))
        factories.sheet(territory=factories.TerritoryFactory(kind=sheet.territory.kind))
    sheet.steps.add(*StepPage.objects.all()[:count])
    sheet.save()


def grow_video(video, count):
    for _ in range(count):
        video.speakers.add(factories.ExpertFactory())
        sheet = factories.sheet()
        sheet.related_videos.add(video)
        sheet.save()
    video.steps.add(*StepPage.objects.all()[:count])
    video.save()


def grow_tool(tool, count):
    for _ in range(count):
        tool.documents.add(ToolDocument(document=factories.document()))
        sheet = factories.sheet()
        sheet.related_tools.add(tool)
        sheet.save()
    tool.steps.add(*StepPage.objects.all()[:count])
    tool.save()


def grow_step(step, count):
    for _ in range(count):
        for page in (factories.sheet(), factories.video(), factories.tool()):
            page.steps.add(step)
            page.save()


def grow_children(make):
    def grow(parent, count):
        for _ in range(count):
            make(parent)

    return grow


def grow_edition(edition, count):
    for _ in range(count):
        factories.video(edition=edition)


def grow_home(home, count):
    for _ in range(count):
        factories.sheet()
        factories.video()


CASES = {
    "accueil": (lambda: HomePage.objects.get(), grow_home),
    "fiche expérience": (lambda: factories.sheet(), grow_sheet),
    "vidéo": (lambda: factories.video(), grow_video),
    "outil": (lambda: factories.tool(), grow_tool),
    "étape": (lambda: StepPage.objects.order_by("path").last(), grow_step),
    "liste des expériences": (
        lambda: ExperienceIndexPage.objects.get(),
        grow_children(lambda parent: factories.sheet(parent=parent)),
    ),
    "liste des vidéos": (
        lambda: factories.video().get_parent().specific,
        grow_children(lambda parent: factories.video(parent=parent)),
    ),
    "boîte à outils": (
        lambda: ToolBoxPage.objects.get(depth=3),
        grow_children(lambda parent: factories.tool(parent=parent)),
    ),
    "chemin": (lambda: CooperationPathPage.objects.get(), lambda page, count: None),
    "édition du séminaire": (
        lambda: SeminarEditionPage.objects.order_by("year").first(),
        grow_edition,
    ),
}


@pytest.fixture
def cached_pages(settings):
    """The caches on, as in production (the test settings turn them off)."""
    settings.PORTAL_PAGE_CACHE_SECONDS = 600


@pytest.mark.parametrize("visitor", ["anonymous", "member"])
@pytest.mark.parametrize("name", CASES)
def test_query_count_does_not_grow_with_related_items(
    name, visitor, cached_pages, client, django_user_model
):
    if visitor == "member":
        client.force_login(django_user_model.objects.create_user("lectrice"))
    make, grow = CASES[name]
    page = make()

    def count(url):
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200, url
        return len(context.captured_queries)

    url = page.url
    grow(page, 1)
    cache.clear()
    with_one = count(url)
    grow(page, 19)
    cache.clear()
    with_twenty = count(url)
    cached = count(url)
    assert with_one == with_twenty, (
        f"{name}: {with_one} requêtes avec 1 élément, {with_twenty} avec 20"
    )
    assert cached <= MAX_QUERIES, f"{name}: {cached} requêtes, cache rempli"
    print(f"{name} ({visitor}): {with_one} requêtes, {cached} cache rempli")  # noqa: T201
