"""French as typed: accents, ligatures, elisions, stop words, stems and compounds read the same
on every backend (search/french.py), and the text layer's properties hold for any word."""

import pytest
import snowballstemmer
from hypothesis import given
from hypothesis import strategies as st
from wagtail.search.query import Phrase

from core.text import WORD
from search.french import STOP_WORDS, fold, stem, terms
from search.query import parse
from tests.factories import StandardPageFactory

# Each query names "zephyrine" too, so that only its page can match, whatever the ranking.
PAGES = {
    "Zéphyrine et la coopération intercommunale": "zephyrine coopérer",
    "Zéphyrine et la délibération du conseil": "Zéphyrines DELIBERATIONS",
    "Zéphyrine, le rôle de l'élu référent": "zéphyrine élus",
    "Zéphyrine et les chartes": "zephyrine charte",
}


@pytest.fixture
def pages(db):
    for title in PAGES:
        StandardPageFactory(title=title)


def search(client, query):
    return client.get("/recherche/", {"q": query}).content.decode().replace("&#x27;", "'")


def titles(client, query) -> list[str]:
    """The titles of the results, in their order."""
    html = search(client, query)
    links = html.split('class="result__title" href="')[1:]
    return [link.split('">', 1)[1].split("</a>")[0] for link in links]


@pytest.mark.parametrize(("title", "query"), PAGES.items())
def test_french_words_find_their_family(client, pages, title, query):
    html = search(client, query)
    assert f">{title}</a>" in html
    others = [other for other in PAGES if other != title]
    assert not any(f">{other}</a>" in html for other in others)


@pytest.mark.django_db
def test_a_phrase_in_quotes_stays_exact(client):
    StandardPageFactory(title="Charte de fonctionnement du collectif zorglub")
    assert "Charte de fonctionnement du collectif zorglub" in search(
        client, '"charte de fonctionnement"'
    )
    # Its words, not in this order nor next to each other (a word of its own: the demo's pages
    # may hold "fonctionnement. La charte", which PostgreSQL reads as the phrase).
    assert "Aucun résultat" in search(client, '"fonctionnement zorglub"')


@pytest.fixture
def typed(db):
    """Pages whose words people type without their accents, ligatures or hyphens, each with a
    word of its own (the demo site is loaded too)."""
    for title, intro in [
        ("Les collectivités du Quirbouc", "Un réseau de communes."),
        ("Le cœur de la démarche Vorlac", "Le cœur du sujet."),
        ("La mise en œuvre du projet Zendrix", "Les étapes."),
        ("La co-construction du projet Plimbo", "Avec les habitants."),
        ("Une carte mentale Grusk", "Pour préparer le séminaire."),
        ("Mentale, la carte Grusk", "Une autre page : les mots sans la suite."),
        ("Démarrer un collectif de DGS Tarvel", "Réunir les directeurs d'un territoire."),
        ("Le Tarvel et les autres", "Une page qui parle aussi d'autre chose."),
    ]:
        StandardPageFactory(title=title, intro=intro)


@pytest.mark.parametrize(
    ("queries", "expected"),
    [
        (["collectivite quirbouc", "collectivité Quirbouc", "COLLECTIVITES quirbouc"],
         "Les collectivités du Quirbouc"),
        (["coeur vorlac", "cœur vorlac", "Cœurs Vorlac"], "Le cœur de la démarche Vorlac"),
        (["mise en oeuvre zendrix", "mise en œuvre zendrix", '"mise en oeuvre" zendrix'],
         "La mise en œuvre du projet Zendrix"),
        (["co-construction plimbo", "coconstruction plimbo", "co‐construction plimbo"],
         "La co-construction du projet Plimbo"),
        (['"carte mentale" grusk', '"CARTE MENTALE" grusk', "“carte mentale” grusk"],
         "Une carte mentale Grusk"),
        (["comment démarrer un collectif de DGS tarvel", "démarrer collectif DGS tarvel"],
         "Démarrer un collectif de DGS Tarvel"),
    ],
)  # fmt: skip
def test_what_is_typed_finds_what_is_written(client, typed, queries, expected):
    for query in queries:
        assert titles(client, query) == [expected], query


def test_a_phrase_matches_without_its_accents(client, typed):
    assert "La mise en œuvre du projet Zendrix" in titles(client, '"mise en oeuvre"')
    assert "Mentale, la carte Grusk" not in titles(client, '"carte mentale"')


def test_a_minus_excludes_a_word(client, typed):
    assert titles(client, "tarvel -autre") == ["Démarrer un collectif de DGS Tarvel"]
    assert len(titles(client, "tarvel")) == 2
    assert titles(client, "tarvel - autre") == titles(client, "tarvel autre")  # a lone minus


def test_most_of_the_words_when_all_find_nothing(client, typed):
    query = "comment bidulifier un collectif de DGS tarvel"  # no page says "bidulifier"
    assert "Résultats approchants" in search(client, query)
    assert titles(client, query) == ["Démarrer un collectif de DGS Tarvel"]
    assert "Résultats approchants" not in search(client, "démarrer un collectif de DGS")


def test_a_hit_shows_its_matching_words_marked(client, typed):
    assert "<mark>cœur</mark> du sujet" in search(client, "coeur vorlac")


# Text layer


def test_fold_removes_accents_ligatures_and_odd_apostrophes():
    assert fold("Cœur ÆSOP Collectivité l’élu ﬁn") == "coeur aesop collectivite l'elu fin"


def test_terms_drop_elisions_and_stop_words_and_join_compounds():
    assert terms("L’élu et la co-construction d'un projet, jusqu'à aujourd'hui") == (
        "elu co construct coconstruct projet aujourd hui"
    )
    assert terms("Comment démarrer un collectif de DGS") == "demarr collect dg"


def test_stems_fold_accents_and_plurals():
    assert stem("cooperer") == stem(fold("coopération")) == "cooper"
    assert stem(fold("élus")) == stem(fold("élu")) == "elu"
    assert terms("Délibérations des élus") == "deliber elu"


# Accented words of the portal's texts: stemming the folded word gives what Snowball gives the
# word as written, folded (the accented suffixes are put back first: "-ité", "-ée", "-ière").
ACCENTED_TEXT = """collectivité collectivités intercommunalité sécurité qualité identité mobilité
    coopération délibération élu élus démarrer démarche première frontière idée idées engagée
    engagées réalité communauté priorité régulièrement stratégie stratégies déléguée année
    années équipe équipes élaboration évaluation expérience expériences référent référente
    métropole départementale périmètre générale réussite accessibilité entièrement"""
ACCENTED = ACCENTED_TEXT.split()


@pytest.mark.parametrize("word", ACCENTED)
def test_the_stem_of_the_folded_word_is_the_folded_stem(word):
    snowball = snowballstemmer.stemmer("french")
    written = word[:-1] if word[-1] in "sx" else word
    assert stem(fold(word)) == fold(snowball.stemWord(written))


# Words built like French ones: syllables, some with accents or ligatures, some hyphenated.
SYLLABLE = st.sampled_from(
    ["co", "col", "lec", "ti", "vi", "té", "tés", "dé", "mar", "rer", "œu", "vre", "cœur",
     "é", "lu", "ère", "ée", "âge", "ïs", "ça", "ment", "tion", "s", "x", "qu", "in", "ter"]
)  # fmt: skip
FRENCH_WORD = st.lists(SYLLABLE, min_size=1, max_size=5).map("".join)
FRENCH_TEXT = st.lists(
    st.one_of(
        FRENCH_WORD,
        st.tuples(FRENCH_WORD, FRENCH_WORD).map("-".join),
        st.sampled_from(["l'", "d’", "qu'", "jusqu’", "de", "la", "Les", "et", "DGS", "2019"]),
    ),
    max_size=12,
).map(" ".join)


@given(text=st.one_of(FRENCH_TEXT, st.text()))
def test_fold_is_idempotent(text):
    assert fold(fold(text)) == fold(text)


@given(text=FRENCH_TEXT)
def test_terms_ignore_accents_and_case(text):
    assert terms(fold(text)) == terms(text) == terms(text.upper())
    assert fold(terms(text)) == terms(text)


@given(text=FRENCH_TEXT)
def test_terms_are_words_and_stop_words_add_none(text):
    assert all(term.isalnum() for term in terms(text).split())
    assert terms(f"Les {text} et de la, qu’elle") == terms(text)


@given(word=FRENCH_WORD)
def test_a_joined_compound_finds_the_hyphenated_one(word):
    joined = terms(f"co{word}").split()
    assert joined[-1] in terms(f"co-{word}").split() or fold(word) in STOP_WORDS


# Excerpts


def test_an_excerpt_marks_words_by_their_terms_and_escapes_the_rest():
    from search.highlight import excerpt
    from search.query import parse

    text = "Les Collectivités <b>et</b> la co-construction du cœur de ville, une carte mentale."
    marked = excerpt(text, parse('collectivite coconstruction coeur "carte mentale"'))
    assert marked == (
        "Les <mark>Collectivités</mark> &lt;b&gt;et&lt;/b&gt; la <mark>co-construction</mark> "
        "du <mark>cœur</mark> de ville, une <mark>carte</mark> <mark>mentale</mark>."
    )


def test_an_excerpt_is_the_passage_of_a_long_text_that_matches():
    from search.highlight import excerpt
    from search.query import parse

    text = "Préambule sans rapport. " * 400 + "Le modèle d'ordre du jour du codir. " + "Fin. " * 50
    marked = excerpt(text, parse("modèle d'ordre du jour"))
    assert marked.startswith("… ") and marked.endswith(" …")
    marks = "<mark>modèle</mark> d'<mark>ordre</mark> du <mark>jour</mark>"
    assert marks in marked.replace("&#x27;", "'")
    assert len(marked) < 400
    assert excerpt(text, parse("zorglub")).startswith("Préambule")  # no match: the beginning


@given(st.lists(st.text(min_size=1, max_size=12), min_size=2, max_size=30), st.data())
def test_a_phrase_of_a_text_holds_only_pairs_that_its_text_holds(chunks, data):
    """PostgreSQL matches a phrase by the word pairs of a document's folded text
    (search/postgres.py): any run of its words, parsed as a query, has its pairs there."""
    from search.build import word_pairs
    from search.postgres import pairs_of

    text = " ".join(chunks)
    words = WORD.findall(fold(text))
    if len(words) < 2:
        return
    start = data.draw(st.integers(0, len(words) - 2))
    stop = data.draw(st.integers(start + 2, len(words)))
    parsed = parse('"' + " ".join(words[start:stop]) + '"')
    phrases = [Phrase(" ".join(words)) for words in parsed.phrases]
    assert phrases
    assert set(pairs_of(phrases)) <= set(word_pairs(fold(text)).split())


@pytest.mark.django_db
def test_a_phrase_is_found_by_its_words_side_by_side_only(client):
    StandardPageFactory(title="Le zulmar vornique", intro="Un zulmar signé.")
    StandardPageFactory(title="Vornique et zulmar", intro="Du grelin, zulmar.")
    assert titles(client, '"zulmar vornique"') == ["Le zulmar vornique"]
    assert titles(client, '"grelin zulmar"') == ["Vornique et zulmar"]  # across a comma
    assert titles(client, '"vornique zulmar"') == []
