"""The number of SQL queries of each page type does not grow with its related items."""

import pytest
from django.core.cache import cache

from experiences.models import ExperienceDocument
from portal.demo.loader import ensure_image
from resources.models import ToolDocument
from tests import factories

pytestmark = pytest.mark.django_db

# The budget of a page, whatever the state of the caches (issue 14).
MAX_QUERIES = 10
# The queries of a page with the caches off (the test settings), by page type, for an anonymous
# visitor, whatever the number of related items: the site, the routing (page, ancestors, menu,
# footer and the restricted sections in one query), the page's row, then its lists (related
# pages of every type in one query).
COLD = {
    "accueil": 6,  # + the cards' pictures (their renditions), the discussions (both lists)
    "fiche expérience": 7,  # + documents, related pages, their pictures, discussions
    "vidéo": 7,  # + speakers, related pages, discussions, the event it is the replay of
    "outil": 6,  # + documents, related pages, discussions
    "étape": 4,
    "liste des expériences": 6,  # + the filters' choices, count, page
    "liste des vidéos": 7,  # + the filters' choices, count, page, speakers
    "boîte à outils": 6,
    "chemin": 4,
    "liste des séminaires": 4,
    "édition du séminaire": 4,
    "page libre": 3,
    "page introuvable": 3,  # the site, the routing, the redirects
}
# What a member adds: their user row, their memberships and suspensions (one query), their unread
# count (the forums' share: never kept between requests, since access rules are not).
MEMBER = 3
# And on the pages that list discussions kept for many readers, their unread counts.
MEMBER_UNREAD = {"accueil": 1}
# Warm (caches on, filled): an anonymous visitor gets the whole page from the cache; a member's
# page is rendered around the cached fragments: the routing (with the restricted sections), the
# page's row.
WARM_MEMBER = 2


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


def grow_nothing(page, count):
    pass


def grow_home(home, count):
    # The newest videos, which the home page lists, with a picture: their cards' renditions are
    # read in one query, whatever their number.
    picture = ensure_image("Affiche d'essai", "Affiche d'essai", "#0e5a55")
    for _ in range(count):
        factories.sheet()
        factories.video(image=picture)


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
    "liste des séminaires": (
        factories.SeminarIndexFactory,
        grow_children(lambda parent: factories.SeminarEditionFactory(parent=parent)),
    ),
    "édition du séminaire": (factories.SeminarEditionFactory, grow_edition),
    "page libre": (factories.StandardPageFactory, grow_nothing),
    "page introuvable": (factories.home, grow_home),
}


def address(name, page):
    return page.url + "nulle-part/ici/" if name == "page introuvable" else page.url


@pytest.fixture
def cached_pages(settings):
    """The caches on, as in production (the test settings turn them off)."""
    settings.PORTAL_PAGE_CACHE_SECONDS = 600
    cache.clear()


def visit(client, name, url):
    expected = 404 if name == "page introuvable" else 200
    assert client.get(url).status_code == expected, url


@pytest.mark.parametrize("visitor", ["anonymous", "member"])
@pytest.mark.parametrize("name", CASES)
def test_query_count_cold_does_not_grow_with_related_items(
    name, visitor, client, django_assert_num_queries
):
    """Caches off: every request is the first one."""
    if visitor == "member":
        client.force_login(factories.UserFactory())
    make, grow = CASES[name]
    page = make()
    expected = COLD[name] + (MEMBER + MEMBER_UNREAD.get(name, 0) if visitor == "member" else 0)
    assert expected <= MAX_QUERIES
    url = address(name, page)
    for count in (1, 19):  # one related item, then twenty
        grow(page, count)
        with django_assert_num_queries(expected):
            visit(client, name, url)


@pytest.mark.parametrize("visitor", ["anonymous", "member"])
@pytest.mark.parametrize("name", [name for name in CASES if name != "page introuvable"])
def test_query_count_warm(name, visitor, cached_pages, client, django_assert_num_queries):
    if visitor == "member":
        client.force_login(factories.UserFactory())
    make, grow = CASES[name]
    page = make()
    grow(page, 3)
    url = address(name, page)
    visit(client, name, url)
    # The discussions block: from its fragment (the home page's unread counts are the member's).
    member = WARM_MEMBER + MEMBER + MEMBER_UNREAD.get(name, 0)
    with django_assert_num_queries(member if visitor == "member" else 0):
        visit(client, name, url)
