"""Each step of the path carries the questions that "se situer" asks: written by editors in the
admin, with defaults in the demo drawn from the seminar's synthesis."""

import pytest

from portal.demo import content
from resources.blocks import DEFAULT_SCALE, KINDS, SCALES, scale_choices
from resources.models import StepPage
from tests import factories
from tests.factories.accounts import log_in_with_two_factor

pytestmark = pytest.mark.django_db


def test_every_demo_step_asks_what_it_needs_its_signs_and_its_vigilance():
    steps = StepPage.objects.filter(slug__in=[step["slug"] for step in content.STEPS])
    assert steps.count() == 12
    for step in steps:
        kinds = [block.value["kind"] for block in step.questions]
        assert sorted(kinds) == sorted(kind for kind, _label in KINDS), step.slug
        for block in step.questions:
            assert block.value["text"].endswith("?")
            assert block.value["scale"] in SCALES


def test_an_editor_finds_the_questions_on_the_steps_form(client, editor):
    step = factories.StepFactory(
        questions=[("question", {"kind": "signe", "text": "Se voit-on ?", "scale": "echelle"})]
    )
    log_in_with_two_factor(client, editor)
    response = client.get(f"/admin/pages/{step.pk}/edit/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Questions pour se situer" in page or "questions pour se situer" in page
    assert "Se voit-on ?" in page


def test_a_scale_no_longer_known_falls_back_to_the_default_one():
    assert scale_choices("disparue") == SCALES[DEFAULT_SCALE][1]
    assert [score for _value, _label, score in scale_choices("echelle")] == [0, 1, 2, 3]
