"""The lists of sheets, videos and tools are filtered by territory, step and edition: only what
the list holds is offered, never a draft or a restricted page's choice; a choice that is not
offered is said in French and the list stays whole; filters survive the pages of the list; as
many queries whatever the number of pages and choices."""

import pytest
from django.core.cache import cache
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase
from wagtail.models import PageViewRestriction

from tests import factories
from tests.fuzz import VALUE

pytestmark = pytest.mark.django_db


def choices(html: str, name: str) -> list[str]:
    """The labels of the options of the select `name`, its "all" option left out."""
    start = html.index(f'name="{name}"')
    select = html[start : html.index("</select>", start)]
    labels = [part.split(">", 1)[1].split("<", 1)[0] for part in select.split("<option")[1:]]
    return labels[1:]


def test_the_sheets_are_filtered_by_territory_and_step(client):
    here, there = factories.TerritoryFactory(name="Pays de Retz"), factories.TerritoryFactory()
    step = factories.StepFactory(title="Se connaître")
    index = factories.ExperienceIndexFactory()
    sheet = factories.ExperienceSheetFactory.create
    sheet(parent=index, title="Le conseil des DGS de Retz", territory=here, steps=[step])
    sheet(parent=index, title="Une autre fiche de Retz", territory=here)
    sheet(parent=index, title="Une fiche du Vexin", territory=there, steps=[step])
    url = index.url
    page = client.get(url).content.decode()
    assert choices(page, "territoire") == sorted([here.name, there.name])
    assert choices(page, "etape") == ["Se connaître"]

    only_here = client.get(url, {"territoire": here.pk}).content.decode()
    assert "Le conseil des DGS de Retz" in only_here and "Une autre fiche de Retz" in only_here
    assert "Une fiche du Vexin" not in only_here
    assert "2 résultats pour ces filtres." in only_here
    assert f'<option value="{here.pk}" selected>' in only_here

    both = client.get(url, {"territoire": here.pk, "etape": step.pk}).content.decode()
    assert "Le conseil des DGS de Retz" in both
    assert "Une autre fiche de Retz" not in both and "Une fiche du Vexin" not in both
    assert "1 résultat pour ces filtres." in both
    assert f'<a href="{url}">Retirer les filtres</a>' in both


def test_no_draft_nor_restricted_page_gives_a_choice(client):
    published = factories.StepFactory(title="Étape publiée")
    draft = factories.StepFactory(title="Étape en brouillon", live=False)
    hidden_territory = factories.TerritoryFactory(name="Territoire d'une fiche réservée")
    index = factories.ExperienceIndexFactory()
    sheet = factories.ExperienceSheetFactory.create
    shown = sheet(parent=index, steps=[published, draft])
    restricted = sheet(parent=index, territory=hidden_territory, title="Fiche réservée")
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    sheet(parent=index, live=False, territory=factories.TerritoryFactory(name="Brouillon"))
    url = index.url
    page = client.get(url).content.decode()
    assert choices(page, "etape") == ["Étape publiée"]
    assert choices(page, "territoire") == [shown.territory.name]
    # Asked for by its key, the restricted sheet's territory shows nothing of it.
    asked = client.get(url, {"territoire": hidden_territory.pk}).content.decode()
    assert "Fiche réservée" not in asked
    assert "Sélectionnez un choix valide" in asked
    asked = client.get(url, {"etape": draft.pk}).content.decode()
    assert shown.title in asked and "Sélectionnez un choix valide" in asked


def test_a_filter_that_matches_nothing_says_so_and_offers_to_widen(client):
    step = factories.StepFactory(title="Agir ensemble")
    index = factories.ResourceIndexFactory()
    edition = factories.SeminarEditionFactory(title="Séminaire 2101")
    factories.VideoFactory(parent=index, title="Une vidéo sans édition", steps=[step])
    factories.VideoFactory(parent=index, title="Une vidéo du séminaire", edition=edition)
    url = index.url
    page = client.get(url).content.decode()
    assert choices(page, "edition") == ["Séminaire 2101"]
    assert choices(page, "etape") == ["Agir ensemble"]
    nothing = client.get(url, {"etape": step.pk, "edition": edition.pk}).content.decode()
    assert "Aucun résultat ne correspond à ces filtres" in nothing
    assert "0 résultat pour ces filtres." in nothing
    assert "Une vidéo" not in nothing.split("</form>", 1)[1]


def test_a_list_without_choices_has_no_filters(client):
    box = factories.ToolBoxFactory()
    factories.ToolFactory(parent=box, title="Un outil sans étape")
    page = client.get(box.url).content.decode()
    assert "Un outil sans étape" in page
    assert "Filtrer la liste" not in page


def test_the_tools_are_filtered_by_step_and_the_filter_survives_the_pages(client):
    step = factories.StepFactory(title="Formaliser")
    box = factories.ToolBoxFactory()
    for number in range(30):
        factories.ToolFactory(parent=box, title=f"Outil {number:02}", steps=[step])
    factories.ToolFactory(parent=box, title="Outil hors étape")
    first = client.get(box.url, {"etape": step.pk}).content.decode()
    assert "30 résultats pour ces filtres." in first
    assert f"?etape={step.pk}&amp;page=2" in first
    second = client.get(box.url, {"etape": step.pk, "page": 2}).content.decode()
    assert "Outil 29" in second and "Outil hors étape" not in second


def test_filtered_and_whole_lists_are_cached_apart(client, settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 600
    cache.clear()
    here = factories.TerritoryFactory()
    index = factories.ExperienceIndexFactory()
    factories.ExperienceSheetFactory(parent=index, title="Fiche de Retz", territory=here)
    factories.ExperienceSheetFactory(parent=index, title="Fiche du Vexin")
    url = index.url
    client.get(url)
    filtered = client.get(url, {"territoire": here.pk}).content.decode()
    assert "Fiche du Vexin" not in filtered
    assert "Fiche du Vexin" in client.get(url).content.decode()


@pytest.mark.parametrize("visitor", ["anonymous", "member"])
def test_a_filtered_list_asks_as_many_queries_as_a_whole_one(
    visitor, client, django_assert_num_queries
):
    from tests.portal.test_query_counts import COLD, MEMBER

    if visitor == "member":
        client.force_login(factories.UserFactory())
    index = factories.ExperienceIndexFactory()
    expected = COLD["liste des expériences"] + (MEMBER if visitor == "member" else 0)
    for count in (1, 15):
        territory = factories.TerritoryFactory()
        steps = factories.StepFactory.create_batch(count)
        for _ in range(count):
            factories.ExperienceSheetFactory(parent=index, territory=territory, steps=steps)
        for params in ({}, {"territoire": territory.pk, "etape": steps[0].pk}):
            with django_assert_num_queries(expected):  # the filters' choices included
                assert client.get(index.url, params).status_code == 200


class TestAnyFilterValue(TestCase):
    """Whatever the address holds, the list answers, in French, with its filters' form."""

    @classmethod
    def setUpTestData(cls):
        step = factories.StepFactory()
        cls.url = factories.sheet(steps=[step]).get_parent().url

    @settings(deadline=None, max_examples=60)
    @given(params=st.dictionaries(st.sampled_from(["territoire", "etape", "page"]), VALUE))
    def test_any_value(self, params):
        response = self.client.get(self.url, params)
        assert response.status_code == 200
        assert "Filtrer la liste" in response.content.decode()
