"""The demo content: complete, idempotent, and every link of the site answers."""

import pytest
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Page, Revision

from core.models import Territory
from experiences.models import ExperienceSheetPage
from portal.demo import content
from portal.demo.loader import load_demo
from portal.models import StandardPage
from resources.models import Expert, SeminarEditionPage, StepPage, ToolPage, VideoPage
from tests.conftest import internal_links

pytestmark = pytest.mark.django_db

COUNTED = [
    Page,
    ExperienceSheetPage,
    VideoPage,
    ToolPage,
    StepPage,
    SeminarEditionPage,
    StandardPage,
    Territory,
    Expert,
    Image,
    Document,
    Revision,
]


def counts():
    return {model.__name__: model.objects.count() for model in COUNTED}


def test_demo_holds_the_seed_content():
    assert ExperienceSheetPage.objects.live().count() == len(content.EXPERIENCES) == 4
    assert VideoPage.objects.live().count() == len(content.VIDEOS)
    assert ToolPage.objects.live().count() == len(content.TOOLS)
    assert list(StepPage.objects.order_by("path").values_list("slug", flat=True)) == [
        step["slug"] for step in content.STEPS
    ]
    assert sorted(SeminarEditionPage.objects.values_list("year", flat=True)) == [2017, 2018, 2019]
    ancenis = Territory.objects.get(name="Pays d'Ancenis")
    assert (ancenis.communes, ancenis.population) == (20, 68_000)


def test_loading_the_demo_twice_changes_nothing():
    before = counts()
    load_demo()
    assert counts() == before


def test_every_link_reachable_from_the_home_page_answers(client):
    seen, queue = set(), ["/"]
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url, follow=True)  # permalinks redirect to their page
        assert response.status_code == 200, f"{url} → {response.status_code}"
        if response["Content-Type"].startswith("text/html"):
            queue.extend(
                link
                for link in internal_links(response.content.decode())
                if not link.startswith(("/admin/", "/django-admin/")) and link not in seen
            )
    assert len(seen) > 60
