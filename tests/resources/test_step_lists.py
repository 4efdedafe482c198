"""A step gathers its resources: the latest few of each kind on its page, all of them page by
page on its list of that kind; never a draft nor a restricted page, and as many queries
whatever their number."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from resources.models.path import LIST_SIZE, SHOWN
from tests import factories

pytestmark = pytest.mark.django_db


def tag(step, pages):
    for page in pages:
        page.steps.add(step)
        page.save_revision().publish()


def test_the_step_shows_its_latest_sheets_and_links_to_all_of_them(client):
    step = factories.StepFactory()
    sheets = [factories.sheet(title=f"Fiche numéro {n:02}") for n in range(SHOWN + 3)]
    tag(step, sheets)
    page = client.get(step.url).content.decode()
    shown = [sheet.title for sheet in sheets if sheet.title in page]
    assert len(shown) == SHOWN
    link = step.url + "fiches/"
    assert link in page
    listed = client.get(link).content.decode()
    assert all(sheet.title in listed for sheet in sheets)
    assert f"{len(sheets)} ressources" in listed


def test_a_short_list_has_no_link_and_an_empty_kind_says_so(client):
    step = factories.StepFactory()
    tag(step, [factories.tool(title="Le seul outil")])
    page = client.get(step.url).content.decode()
    assert "Le seul outil" in page
    assert step.url + "outils/" not in page
    assert "Aucune vidéo ne traite encore de cette étape." in page


def test_the_list_of_a_kind_goes_page_by_page_and_refuses_unknown_kinds(client):
    step = factories.StepFactory()
    tag(step, [factories.video(title=f"Vidéo numéro {n:02}") for n in range(LIST_SIZE + 1)])
    first = client.get(step.url + "videos/").content.decode()
    second = client.get(step.url + "videos/?page=2").content.decode()
    assert "Page 1 sur 2" in first and "Page 2 sur 2" in second
    assert client.get(step.url + "cartes/").status_code == 404
    assert client.get(step.url + "videos/?page=999").status_code == 200  # the last page


def test_drafts_and_restricted_pages_are_never_listed(client):
    step = factories.StepFactory()
    public, hidden, draft = (
        factories.sheet(title=title) for title in ("Publique", "Cachée", "Brouillon")
    )
    tag(step, [public, hidden, draft])
    PageViewRestriction.objects.create(page=hidden, restriction_type="login")
    draft.unpublish()
    for url in (step.url, step.url + "fiches/"):
        page = client.get(url).content.decode()
        assert "Publique" in page
        assert "Cachée" not in page and "Brouillon" not in page


@pytest.mark.parametrize("address", ["", "fiches/"])
def test_as_many_queries_whatever_the_number_of_resources(client, address):
    counts = []
    for size in (2, 20):
        step = factories.StepFactory()
        tag(step, [factories.sheet() for _ in range(size)])
        client.get(step.url + address)  # what a process reads once
        with CaptureQueriesContext(connection) as context:
            assert client.get(step.url + address).status_code == 200
        counts.append(len(context))
    assert counts[0] == counts[1] <= 10
