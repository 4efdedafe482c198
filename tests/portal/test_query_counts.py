"""The number of SQL queries of each page type does not grow with its related items."""

import pytest
from django.core.cache import cache

from experiences.models import ExperienceDocument
from resources.models import ToolDocument
from tests import factories

pytestmark = pytest.mark.django_db

# The budget of issue 7 for a page served with its caches filled (what nearly every request
# finds); the first request after a change runs the queries that fill them.
MAX_QUERIES = 10
# The queries of the first request after a change (cache emptied), by page type and visitor,
# whatever the number of related items.
COLD = {
    "accueil": {"anonymous": 10, "member": 14},
    "fiche expérience": {"anonymous": 17, "member": 21},
    "vidéo": {"anonymous": 14, "member": 18},
    "outil": {"anonymous": 14, "member": 18},
    "étape": {"anonymous": 15, "member": 19},
    "liste des expériences": {"anonymous": 12, "member": 16},
    "liste des vidéos": {"anonymous": 13, "member": 17},
    "boîte à outils": {"anonymous": 12, "member": 16},
    "chemin": {"anonymous": 11, "member": 15},
    "édition du séminaire": {"anonymous": 11, "member": 15},
}


def grow_sheet(sheet, count):
    for _ in range(count):
        sheet.related_videos.add(factories.video())
        sheet.related_tools.add(factories.tool())
        sheet.documents.add(ExperienceDocument(document=factories.document()))
        factories.sheet(territory=factories.TerritoryFactory(kind=sheet.territory.kind))
    sheet.steps.add(*factories.StepFactory.create_batch(count))
    sheet.save()


def grow_video(video, count):
    for _ in range(count):
        video.speakers.add(factories.ExpertFactory())
        sheet = factories.sheet()
        sheet.related_videos.add(video)
        sheet.save()
    video.steps.add(*factories.StepFactory.create_batch(count))
    video.save()


def grow_tool(tool, count):
    for _ in range(count):
        tool.documents.add(ToolDocument(document=factories.document()))
        sheet = factories.sheet()
        sheet.related_tools.add(tool)
        sheet.save()
    tool.steps.add(*factories.StepFactory.create_batch(count))
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
    "accueil": (factories.home, grow_home),
    "fiche expérience": (factories.ExperienceSheetFactory, grow_sheet),
    "vidéo": (factories.VideoFactory, grow_video),
    "outil": (factories.ToolFactory, grow_tool),
    "étape": (factories.StepFactory, grow_step),
    "liste des expériences": (
        factories.ExperienceIndexFactory,
        grow_children(lambda parent: factories.ExperienceSheetFactory(parent=parent)),
    ),
    "liste des vidéos": (
        factories.ResourceIndexFactory,
        grow_children(lambda parent: factories.VideoFactory(parent=parent)),
    ),
    "boîte à outils": (
        factories.ToolBoxFactory,
        grow_children(lambda parent: factories.ToolFactory(parent=parent)),
    ),
    "chemin": (
        factories.CooperationPathFactory,
        grow_children(lambda parent: factories.StepFactory(parent=parent)),
    ),
    "édition du séminaire": (factories.SeminarEditionFactory, grow_edition),
}


@pytest.fixture
def cached_pages(settings):
    """The caches on, as in production (the test settings turn them off)."""
    settings.PORTAL_PAGE_CACHE_SECONDS = 600


@pytest.mark.parametrize("visitor", ["anonymous", "member"])
@pytest.mark.parametrize("name", CASES)
def test_query_count_does_not_grow_with_related_items(
    name, visitor, cached_pages, client, django_assert_num_queries, django_assert_max_num_queries
):
    if visitor == "member":
        client.force_login(factories.UserFactory())
    make, grow = CASES[name]
    page = make()
    url = page.url
    for count in (1, 19):  # one related item, then twenty
        grow(page, count)
        cache.clear()
        with django_assert_num_queries(COLD[name][visitor]):
            assert client.get(url).status_code == 200, url
    with django_assert_max_num_queries(MAX_QUERIES):
        assert client.get(url).status_code == 200, url
