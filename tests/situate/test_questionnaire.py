"""The questionnaire: for logged-in members, every step's questions on one page; answered
alone or for the territory's collectif; a failed form and a draft keep what was answered; each
run is kept, so the member can redo it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from situate.forms import field_name
from situate.models import Assessment, Scope
from situate.selectors import path_steps, questions_of
from tests import factories

pytestmark = pytest.mark.django_db

URL = "/se-situer/repondre/"


def every_question():
    return [(step, question) for step in path_steps() for question in questions_of(step)]


def answering(choice: int = -1, **data) -> dict:
    """A POST answering every question with its `choice` (the highest by default)."""
    answers = {
        field_name(step, question): question["choices"][choice][0]
        for step, question in every_question()
    }
    return {"scope": Scope.ALONE, **answers, **data}


@pytest.fixture
def territory():
    return factories.TerritoryFactory(name="Communauté du Val Tranquille")


@pytest.fixture
def member(client, territory):
    user = factories.UserFactory(verified=True, profile__territory=territory)
    client.force_login(user)
    return user


def test_an_anonymous_visitor_learns_what_it_is_and_is_asked_to_log_in(client):
    page = client.get("/se-situer/").content.decode()
    assert "Se connecter pour répondre" in page
    response = client.get(URL)
    assert response.status_code == 302
    assert "/compte/login/" in response["Location"]


def test_the_home_page_leads_to_it(client):
    assert 'href="/se-situer/"' in client.get("/").content.decode()


def test_the_questionnaire_asks_every_question_of_every_step_in_order(client, member):
    page = client.get(URL).content.decode()
    questions = every_question()
    assert len(questions) >= 36  # the demo's twelve steps, three each
    assert page.count("<fieldset") == len(questions) + 1  # and who the member answers for
    places = [page.index(f'id="etape-{step.pk}"') for step in path_steps() if questions_of(step)]
    assert places == sorted(places)
    assert "Communauté du Val Tranquille" in page


def test_a_run_is_kept_with_its_answers_and_territory(client, member, territory):
    response = client.post(URL, answering(scope=Scope.COLLECTIF))
    run = Assessment.objects.get(user=member)
    assert response.status_code == 302
    assert response["Location"] == f"/se-situer/{run.pk}/"
    assert run.scope == Scope.COLLECTIF
    assert (run.territory, run.territory_name) == (territory, "Communauté du Val Tranquille")
    assert len(run.answers) == len(every_question())
    assert all(answer["score"] == answer["max"] for answer in run.answers)
    assert {"step_title", "text", "label"} <= set(run.answers[0])


def test_a_question_left_unanswered_is_not_kept(client, member):
    data = answering()
    step, question = every_question()[0]
    del data[field_name(step, question)]
    client.post(URL, data)
    kept = Assessment.objects.get(user=member).answers
    assert question["id"] not in {answer["question"] for answer in kept}


def test_nothing_answered_is_refused_with_a_clear_error(client, member):
    response = client.post(URL, {"scope": Scope.ALONE})
    assert response.status_code == 200
    assert "Répondez à au moins une question." in response.content.decode()
    assert not Assessment.objects.exists()


def test_the_collectif_needs_a_territory_and_the_answers_are_kept(client):
    client.force_login(factories.UserFactory(verified=True))
    step, question = every_question()[4]
    name = field_name(step, question)
    value = question["choices"][1][0]
    response = client.post(URL, {"scope": Scope.COLLECTIF, name: value})
    page = response.content.decode()
    assert response.status_code == 200
    assert "indiquez d&#x27;abord votre territoire" in page
    assert f'name="{name}" value="{value}"' in page
    chosen = page[page.index(f'name="{name}" value="{value}"') :].split(">")[0]
    assert "checked" in chosen
    assert not Assessment.objects.exists()


def test_a_draft_keeps_the_answers_for_later(client, member):
    step, question = every_question()[2]
    name = field_name(step, question)
    value = question["choices"][0][0]
    response = client.post(URL, {"scope": Scope.ALONE, name: value, "draft": "1"})
    assert response["Location"] == "/se-situer/"
    assert not Assessment.objects.exists()
    assert "Reprendre le questionnaire" in client.get("/se-situer/").content.decode()
    page = client.get(URL).content.decode()
    assert "checked" in page[page.index(f'name="{name}" value="{value}"') :].split(">")[0]
    client.post(URL, answering())
    assert "situate_draft" not in client.session


def test_the_member_redoes_it_and_sees_the_history(client, member):
    client.post(URL, answering(choice=0))
    client.post(URL, answering())
    runs = list(Assessment.objects.of(member))
    assert len(runs) == 2
    page = client.get("/se-situer/").content.decode()
    for run in runs:
        assert f'href="/se-situer/{run.pk}/"' in page
    assert "12 sur 12" in page and "0 sur 12" in page
    assert "Refaire le diagnostic" in page


def test_the_questionnaire_and_the_history_cost_few_queries(client, member):
    for _number in range(3):
        factories.AssessmentFactory(user=member)
    for url in (URL, "/se-situer/"):
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        assert len(context) <= 10, url
    factories.AssessmentFactory.create_batch(5, user=member)
    with CaptureQueriesContext(connection) as more:
        client.get("/se-situer/")
    assert len(more) == len(context)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.dictionaries(st.sampled_from(["scope", "draft", "q-1-x", "q-abc"]), st.text()))
def test_no_input_makes_an_error_page(client, member, data):
    names = [field_name(step, question) for step, question in every_question()[:3]]
    posted = {**data, **dict.fromkeys(names, data.get("scope", ""))}
    response = client.post(URL, posted)
    assert response.status_code in (200, 302)
