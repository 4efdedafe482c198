"""A run's result: the territory placed on the path's steps (in words, not colour alone), what
is done and what comes next, the sheets, tools and videos of the next steps (live and public
only), and sheets of territories like the member's that went through them; in few queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from core.models import TerritoryKind
from situate.placement import NEXT_COUNT, Status, place
from situate.selectors import path_steps
from tests import factories

pytestmark = pytest.mark.django_db


class Step:
    def __init__(self, pk):
        self.pk = pk


def given(step, score, out_of):
    return {"step": step.pk, "score": score, "max": out_of}


def test_a_step_is_crossed_from_two_thirds_of_its_points():
    steps = [Step(1), Step(2), Step(3), Step(4)]
    placement = place([given(steps[0], 4, 6), given(steps[1], 3, 6), given(steps[2], 0, 6)], steps)
    assert [each.status for each in placement.places] == [
        Status.CROSSED,
        Status.UNDER_WAY,
        Status.AHEAD,
        Status.UNANSWERED,
    ]
    assert placement.current.rank == 2
    assert [each.rank for each in placement.next] == [2, 3][:NEXT_COUNT]
    assert placement.crossed_count == 1


def test_every_step_crossed_leaves_nothing_next():
    steps = [Step(1), Step(2)]
    placement = place([given(steps[0], 2, 2), given(steps[1], 2, 2)], steps)
    assert placement.current is None and placement.next == []


def test_a_step_gone_since_is_left_out():
    placement = place([given(Step(9), 2, 2)], [Step(1)])
    assert [each.status for each in placement.places] == [Status.UNANSWERED]


@pytest.fixture
def territory():
    return factories.TerritoryFactory(kind=TerritoryKind.SEMI_RURAL, population=30_000)


@pytest.fixture
def member(client, territory):
    user = factories.UserFactory(verified=True, profile__territory=territory)
    client.force_login(user)
    return user


def published(page):
    """As an editor publishes it (with a first publication date: the lists' order)."""
    page.save_revision().publish()
    return page


def result(client, run):
    response = client.get(f"/se-situer/{run.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_result_says_where_the_territory_stands_in_words(client, member, territory):
    run = factories.AssessmentFactory(
        user=member, territory=territory, answers=factories.answers(3)
    )
    steps = path_steps()
    page = result(client, run)
    assert f"{territory.name} sur le chemin de la coopération" in page
    assert "3 sur 12" in page
    assert f"Étape 4 : {escape(steps[3].title)}" in page
    assert "vous êtes ici" in page
    assert page.count('aria-current="step"') == 1
    current = page[: page.index('aria-current="step"')]
    assert current.count('class="situate-path__step') == 4  # the fourth step
    assert page.count("Franchie") >= 3 and "À engager" in page
    assert "<progress" in page  # drawn too, and said in words
    done = page[page.index('id="fait"') : page.index('id="ensuite"')]
    assert all(escape(step.title) in done for step in steps[:3])
    assert escape(steps[4].title) not in done


def test_the_next_steps_bring_their_live_public_sheets_tools_and_videos(client, member):
    steps = path_steps()
    run = factories.AssessmentFactory(user=member, answers=factories.answers(2))
    fourth = steps[3]  # the step after the two next ones
    sheet = published(factories.sheet(title="Fiche pour la suite", steps=[steps[2]]))
    tool = published(factories.tool(title="Outil pour la suite", steps=[steps[3]]))
    video = published(factories.video(title="Video pour la suite", steps=[steps[2]]))
    draft = factories.sheet(title="Fiche en brouillon", steps=[steps[2]], live=False)
    later = published(factories.tool(title="Outil pour plus tard", steps=[steps[5]]))
    page = result(client, run)
    following = page[page.index('id="ensuite"') : page.index('id="comparables"')]
    for shown in (sheet, tool, video):
        assert shown.title in following
    assert draft.title not in page
    assert later.title not in page
    assert escape(fourth.title) in following


def test_sheets_of_territories_like_the_members_are_recommended(client, member, territory):
    steps = path_steps()
    run = factories.AssessmentFactory(
        user=member, territory=territory, answers=factories.answers(0)
    )
    alike = factories.TerritoryFactory(kind=TerritoryKind.SEMI_RURAL, population=45_000)
    bigger = factories.TerritoryFactory(kind=TerritoryKind.SEMI_RURAL, population=90_000)
    urban = factories.TerritoryFactory(kind=TerritoryKind.URBAN, population=30_000)
    shown = published(factories.sheet(title="Fiche comparable", territory=alike, steps=[steps[0]]))
    factories.sheet(title="Fiche trop grande", territory=bigger, steps=[steps[0]])
    factories.sheet(title="Fiche urbaine", territory=urban, steps=[steps[0]])
    factories.sheet(title="Fiche de chez nous", territory=territory, steps=[steps[0]])
    factories.sheet(title="Fiche hors sujet", territory=alike, steps=[steps[6]])
    page = result(client, run)
    similar = page[page.index('id="comparables"') :]
    assert shown.title in similar
    for absent in ("Fiche trop grande", "Fiche urbaine", "Fiche de chez nous", "Fiche hors sujet"):
        assert absent not in similar


def test_without_a_territory_the_member_is_told_how_to_compare(client, member):
    run = factories.AssessmentFactory(user=member)
    page = result(client, run)
    assert "Indiquez votre territoire dans votre profil" in page


def test_the_result_costs_few_queries_whatever_the_resources(client, member, territory):
    steps = path_steps()
    run = factories.AssessmentFactory(
        user=member, territory=territory, answers=factories.answers(1)
    )
    factories.SpaceFactory(kind="territoire", territory=territory, private=True, members=[member])

    def count():
        with CaptureQueriesContext(connection) as context:
            result(client, run)
        return len(context)

    result(client, run)  # the site's root paths, kept for every request
    before = count()
    assert before <= 10
    for number in range(4):
        alike = factories.TerritoryFactory(kind=territory.kind, population=20_000 + number)
        factories.sheet(territory=alike, steps=[steps[1]])
        factories.tool(steps=[steps[2]])
        factories.video(steps=[steps[1]])
    assert count() == before
