"""Whatever is typed in the search box becomes a valid query or "no words": never a 500, on
whichever backend the suite runs against."""

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st
from wagtail.search.query import Not, Or, Phrase, PlainText

from search.query import MAX_WORDS, WORD, SearchQuery, parse
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
    "mot -autre --encore - -",
    "co-construction -co-construction",
    "de la du le",
    "é" * 3000,
    ('"carte mentale ' * 300)[:3000],
]


def test_words_and_phrases_are_parsed():
    assert parse("") is None
    assert parse("€ ? «»") is None
    query = parse('coop* "charte  de fonctionnement" élus "seul"')
    assert query == SearchQuery(
        required=("coop", "elu", "seul"), phrases=(("charte", "de", "fonctionnement"),)
    )
    plain, phrase = query.to_wagtail().subqueries
    assert isinstance(plain, PlainText) and plain.query_string == "coop elu seul"
    assert isinstance(phrase, Phrase) and phrase.query_string == "charte de fonctionnement"
    assert parse('"charte').required == ("chart",)  # an unbalanced quote is ignored


def test_stop_words_are_required_only_when_nothing_else_is_typed():
    assert parse("comment démarrer un collectif de DGS").required == ("demarr", "collect", "dg")
    assert parse("de la").required == ("de", "la")


def test_a_minus_before_a_word_excludes_it():
    query = parse("mot -autre - co-construction -l'élu")
    assert query.required == ("mot", "coconstruct")
    assert query.excluded == ("autr", "elu")
    positive, negative = query.to_wagtail().subqueries
    assert isinstance(negative, Not) and negative.subquery.query_string == "autr elu"
    assert parse("-autre").required == ("autr",)  # only exclusions: their words are searched


def test_the_relaxed_query_asks_for_two_thirds_of_the_words():
    assert parse("collectif DGS").relaxed() is None
    relaxed = parse("démarrer collectif DGS -autre").relaxed()
    assert relaxed.minimum == 2 and relaxed.approximate and relaxed.relaxed() is None
    either, _not = relaxed.to_wagtail().subqueries
    assert isinstance(either, Or)
    assert [part.query_string for part in either.subqueries] == [
        "demarr collect", "demarr dg", "collect dg"
    ]  # fmt: skip
    many = parse(" ".join(f"mot{number}" for number in range(20))).relaxed()
    assert len(many.to_wagtail().subqueries) <= 50


def test_a_long_query_keeps_at_most_max_words():
    query = parse(" ".join(f"mot{number}" for number in range(100)))
    assert len(query.required) == MAX_WORDS


def query_strings(query):
    """Every text a wagtail query object hands to a backend."""
    if isinstance(query, PlainText | Phrase):
        yield query.query_string
    for part in getattr(query, "subqueries", ()):
        yield from query_strings(part)
    if isinstance(query, Not):
        yield from query_strings(query.subquery)


TYPED = st.one_of(
    st.text(max_size=3000),
    st.text(alphabet='"-*?%():&|!^~«»“” ', max_size=50),
    st.lists(st.sampled_from(['"', "-", "co-", "é", "Œuvre", "de", "l'", "NOT", " ", "*"])).map(
        "".join
    ),
)


@given(text=TYPED)
def test_parse_never_fails_and_hands_backends_only_words(text):
    parsed = parse(text)
    if parsed is None:
        return
    for searched in filter(None, [parsed, parsed.relaxed()]):
        strings = list(query_strings(searched.to_wagtail()))
        assert strings
        for string in strings:
            assert string.split() and all(WORD.fullmatch(word) for word in string.split())
    total = len(parsed.required) + len(parsed.excluded) + sum(map(len, parsed.phrases))
    assert total <= MAX_WORDS


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
