"""Whatever is typed in the search box becomes a valid query or "no words": never a 500, on
whichever backend the suite runs against."""

import pytest
from django.urls import reverse
from wagtail.search.query import And, Phrase, PlainText

from search.query import MAX_WORDS, parse
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

NO_WORDS = ["?", "%", "*", "€", "«»", "🙂", '"', '""', "« » ? % * €", "-", "_", "()", "'", "\\"]
AWKWARD = [
    'coopération "charte',
    '"charte de fonctionnement',
    'élus "de" "charte de fonctionnement" coop*',
    "coop?ration 100% «charte»",
    "NOT OR AND NEAR",
    "title:charte",
    "a" * 200,
    "élu " * 60,
    "٣ ² 2019",
    "d'élus l’intercommunalité",
]


def test_words_and_phrases_are_parsed():
    assert parse("") is None
    assert parse("€ ? «»") is None
    query = parse('coop* "charte  de fonctionnement" élus "seul"')
    assert isinstance(query, And)
    plain, phrase = query.subqueries
    assert isinstance(plain, PlainText) and plain.query_string == "coop élus seul"
    assert isinstance(phrase, Phrase) and phrase.query_string == "charte de fonctionnement"
    assert parse('"charte').query_string == "charte"  # an unbalanced quote is ignored


def test_a_long_query_keeps_at_most_max_words():
    query = parse(" ".join(f"mot{number}" for number in range(100)))
    assert len(query.query_string.split()) == MAX_WORDS


@pytest.mark.parametrize("text", NO_WORDS)
def test_a_query_without_a_word_says_so(client, text):
    response = client.get(reverse("search:search"), {"q": text})
    assert response.status_code == 200
    assert "ne contient aucun mot" in response.content.decode()


@pytest.mark.parametrize("text", AWKWARD)
def test_an_awkward_query_is_searched(client, text):
    response = client.get(reverse("search:search"), {"q": text})
    assert response.status_code == 200
    assert "ne contient aucun mot" not in response.content.decode()


@pytest.mark.parametrize("text", NO_WORDS + AWKWARD + ['"co', 'co"', "co*", "co?"])
@pytest.mark.parametrize("output", ["json", "page"])
def test_suggestions_accept_any_text(client, text, output):
    response = client.get(reverse("search:suggest"), {"q": text, "format": output})
    assert response.status_code == 200


def test_suggestions_complete_words_after_a_quote(client):
    StandardPageFactory(title="Coopération intercommunale")
    response = client.get(reverse("search:suggest"), {"q": '"coop', "format": "json"})
    assert response.json()["suggestions"]
