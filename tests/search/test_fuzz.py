"""Property-based tests (Hypothesis) of the search on whichever backend the suite runs against
(SQLite FTS5, PostgreSQL, OpenSearch): any text becomes a valid query or "no words", any
value of any parameter the search views read is answered without a 5xx."""

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search import backends
from search.models import SearchDocument
from search.query import autocomplete_text, parse
from tests.factories import StandardPageFactory, UserFactory
from tests.fuzz import GET_PARAMETERS, TEXT, VALUE

pytestmark = pytest.mark.django_db

FIXTURES = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
SEARCH_VIEWS = {"search:search": "/recherche/", "search:suggest": "/recherche/suggestions/",
                "search:ask": "/recherche/demander/"}  # fmt: skip
# Text typed in a search box: words, and the signs the backends read as syntax.
QUERY = st.one_of(
    TEXT,
    st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=2500,
            max_size=3000),
    st.lists(
        st.one_of(st.sampled_from(['"', "*", "?", "%", "-", ":", "(", ")", "«", "»", "'", " ",
                                   "AND", "OR", "NOT", "NEAR", "&", "|", "!", "\\", "^", "~"]),
                  st.sampled_from(["coopération", "élus", "charte", "de", "la", "2019", "²"])),
        max_size=12,
    ).map("".join),
)  # fmt: skip


@settings(deadline=None, suppress_health_check=FIXTURES)
@given(text=QUERY)
def test_any_text_is_a_valid_query_on_every_backend(text):
    parsed = parse(text)
    words = autocomplete_text(text)
    for name in django_settings.WAGTAILSEARCH_BACKENDS:
        backend = backends.backend(name)
        documents = SearchDocument.objects.all()
        for searched in filter(None, [parsed, parsed and parsed.relaxed()]):
            list(backend.search(searched.to_wagtail(), documents)[:5])
            backend.search(searched.to_wagtail(), documents).count()
        if len(words) >= 2:
            list(backend.autocomplete(words, documents)[:5])


@pytest.fixture
def member():
    return UserFactory()


@pytest.mark.parametrize("view", sorted(SEARCH_VIEWS))
@pytest.mark.parametrize("anonymous", [True, False])
@settings(deadline=None, suppress_health_check=FIXTURES)
@given(data=st.data())
def test_search_parameters_never_fail(client, member, view, anonymous, data):
    names = sorted(GET_PARAMETERS[view])
    values = st.one_of(VALUE, QUERY)
    params = data.draw(st.dictionaries(st.sampled_from(names), values, min_size=1), label="query")
    with transaction.atomic():
        cache.clear()
        client.logout()
        if not anonymous:
            client.force_login(member)
        response = client.get(SEARCH_VIEWS[view], params)
        assert response.status_code < 500, params
        transaction.set_rollback(True)


@pytest.fixture
def words_to_find(db):
    """Pages holding the words the generated queries are made of, so that the results page
    also shows hits, excerpts and the relaxed search, not only "no result"."""
    StandardPageFactory(title="Coopération des élus", intro="La charte de la coopération 2019.")
    StandardPageFactory(title="La charte", intro="Les élus de la commune.")


@pytest.mark.parametrize("view", ["search:search", "search:suggest"])
@settings(deadline=None, suppress_health_check=FIXTURES)
@given(text=QUERY)
def test_any_typed_text_is_answered(client, words_to_find, view, text):
    with transaction.atomic():
        cache.clear()
        response = client.get(SEARCH_VIEWS[view], {"q": text, "format": "json"})
        assert response.status_code == 200, text
        transaction.set_rollback(True)
