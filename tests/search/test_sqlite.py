"""search/sqlite.py: SQLite's search joins the documents to the full-text index and ranks them
in one pass; it finds what Wagtail's SQLite backend finds, for any query (Hypothesis), and its
plan reads the matches from the FTS5 table once the statistics exist (update_index)."""

import io

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.db import connection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search import backends
from search.models import SearchDocument
from search.query import autocomplete_text, parse
from tests.factories import StandardPageFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "sqlite" or bool(django_settings.OPENSEARCH_URLS),
        reason="SQLite's own search backend",
    ),
]

WORDS = ["coopération", "élus", "charte", "mutualisation", "projet", "territoire", "cœur"]
TITLES = [
    "Charte de coopération",
    "Projet de territoire",
    "Mutualisation des services",
    "Le cœur du projet",
    "Élus et charte",
    "Territoire et coopération des élus",
]
QUERY = st.lists(
    st.one_of(
        st.sampled_from(WORDS),
        st.sampled_from(WORDS).map(lambda word: f"-{word}"),
        st.lists(st.sampled_from(WORDS), min_size=2, max_size=3).map(
            lambda words: '"' + " ".join(words) + '"'
        ),
    ),
    min_size=1,
    max_size=4,
).map(" ".join)


@pytest.fixture
def documents():
    for n, title in enumerate(TITLES):
        StandardPageFactory(title=title, intro=" ".join(WORDS[n : n + 3]))
    return SearchDocument.objects.all()


@settings(
    deadline=None, max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=QUERY)
def test_the_joined_search_finds_what_wagtails_sqlite_backend_finds(documents, text):
    # Importable on SQLite only (its models are SQLite's)
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

    ours = backends.backend("default")
    wagtails = SQLiteSearchBackend({})
    parsed = parse(text)
    for searched in filter(None, [parsed, parsed and parsed.relaxed()]):
        query = searched.to_wagtail()
        found = [doc.pk for doc in ours.search(query, documents)]
        assert sorted(found) == sorted(doc.pk for doc in wagtails.search(query, documents))
        assert ours.search(query, documents).count() == len(found)
    words = autocomplete_text(text)
    if len(words) >= 2:
        assert {doc.pk for doc in ours.autocomplete(words, documents)} == {
            doc.pk for doc in wagtails.autocomplete(words, documents)
        }


def test_a_page_of_hits_matches_once_driven_by_the_full_text_index(documents):
    StandardPageFactory(title="Le gypaète barbu", intro="Un oiseau.")
    StandardPageFactory(title="Atelier", intro="Le mot gypaète, dans le texte.")
    call_command("update_index", stdout=io.StringIO())  # ends with the planner's statistics
    results = backends.backend("default").search(parse("gypaete").to_wagtail(), documents)
    sql, params = results.get_queryset().query.sql_with_params()
    assert sql.count(" MATCH ") == 1
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        plan = [row[-1] for row in cursor.fetchall()]
    assert "VIRTUAL TABLE" in plan[0], plan
    assert not any("SUBQUERY" in step for step in plan), plan
    hits = list(results)
    assert {doc.title for doc in hits} == {"Le gypaète barbu", "Atelier"}
    assert [doc._score for doc in hits] == sorted(doc._score for doc in hits)  # BM25: best lowest
