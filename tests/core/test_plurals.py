"""Counts in French: 0 and 1 take the singular, whether a catalogue translates the words or not."""

from pathlib import Path

import pytest
from django.conf import settings
from django.template import Context, Template
from django.utils import translation
from django.utils.translation import ngettext, npgettext

COUNTED = Template(
    "{% load i18n %}{% blocktrans count counter=n %}{{ counter }} réponse"
    "{% plural %}{{ counter }} réponses{% endblocktrans %}"
)


@pytest.mark.parametrize(
    ("count", "words"),
    [(0, "0 réponse"), (1, "1 réponse"), (2, "2 réponses"), (1000, "1000 réponses")],
)
def test_a_count_takes_the_french_form(count, words):
    with translation.override("fr"):
        assert ngettext("%(n)s réponse", "%(n)s réponses", count) % {"n": count} == words
        assert npgettext("forum", "%(n)s réponse", "%(n)s réponses", count) % {"n": count} == words
        assert COUNTED.render(Context({"n": count})) == words


def test_the_french_catalogue_states_the_french_plural_rule():
    catalogue = Path(settings.BASE_DIR, "locale", "fr", "LC_MESSAGES", "django.po").read_text()
    assert '"Plural-Forms: nplurals=2; plural=(n > 1);\\n"' in catalogue


def test_a_string_that_a_catalogue_translates_keeps_its_translation():
    with translation.override("fr"):
        for count in (0, 1, 2):
            assert "year" not in ngettext("%(num)d year", "%(num)d years", count)


def test_another_language_keeps_its_own_rule():
    with translation.override("en"):
        assert ngettext("%(n)s reply", "%(n)s replies", 0) % {"n": 0} == "0 replies"
