"""Shared fixtures: the demo site is loaded once per test session, each test rolls back."""

import copy
import io
import os
import re

import hypothesis
import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings
from hypothesis import HealthCheck
from wagtail.search.backends import get_search_backend

from portal.demo.loader import load_demo
from search import backends
from search.models import SearchDocument
from tests.factories import UserFactory


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        if settings.OPENSEARCH_URLS:
            # Loaded without indexing object by object, then indexed in bulk, as in production.
            backends = copy.deepcopy(settings.WAGTAILSEARCH_BACKENDS)
            backends["default"]["AUTO_UPDATE"] = False
            with override_settings(WAGTAILSEARCH_BACKENDS=backends):
                load_demo()
            call_command("update_index", stdout=io.StringIO())
        else:
            load_demo()
    yield
    if settings.OPENSEARCH_URLS:
        backend = get_search_backend()
        backend.es.indices.delete(index=f"{backend.index_prefix}*")


@pytest.fixture(autouse=True)
def search_index_follows_rollbacks(request, monkeypatch):
    """With OpenSearch, the index lives outside the test's transaction: what a test wrote to it
    is put back as the database is after the rollback, before the next test."""
    # Any test with the database, by its marker or by a fixture that asks for it (`db`).
    uses_db = request.node.get_closest_marker("django_db") or {"db", "transactional_db"} & set(
        request.fixturenames
    )
    if not settings.OPENSEARCH_URLS or not uses_db:
        yield
        return
    request.getfixturevalue("db")
    cache.delete(backends.DOWN_KEY)
    backend = get_search_backend()
    if any(rebuilt):  # update_index rewrote the documents: the index is made again from the rows
        rebuilder = backend.rebuilder_class(backend.get_index_for_model(SearchDocument))
        index = rebuilder.start()
        index.add_model(SearchDocument)
        index.add_items(SearchDocument, list(SearchDocument.objects.all()))
        rebuilder.finish()
    rebuilt.clear()
    for model, pk in written_to_index:
        backend.sync(model, pk)
    written_to_index.clear()

    apply = backends.ResilientOpenSearchBackend._apply

    def recorded(self, obj, remove):
        written_to_index.add((type(obj), str(obj.pk)))
        apply(self, obj, remove)

    monkeypatch.setattr(backends.ResilientOpenSearchBackend, "_apply", recorded)
    # update_index rewrites every search document under new ids (not reused on PostgreSQL) and
    # rebuilds their index in bulk: the next test gets it made again from the rolled-back rows
    # (the pages' own indexes serve only the admin's search).
    index_class = type(backend.get_index_for_model(SearchDocument))
    add_items = index_class.add_items

    def recorded_items(self, model, items):
        rebuilt.append(model is SearchDocument)
        return add_items(self, model, items)

    monkeypatch.setattr(index_class, "add_items", recorded_items)
    yield


written_to_index: set[tuple[type, str]] = set()
rebuilt: list[bool] = []


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: what one test cached may be rolled back."""
    cache.clear()


@pytest.fixture
def no_posting_delay(settings):
    settings.FORUMS_MIN_SECONDS_BETWEEN_POSTS = 0


@pytest.fixture
def editor():
    return UserFactory(editor=True)


@pytest.fixture
def reviewer():
    return UserFactory(reviewer=True)


@pytest.fixture
def count_queries(client):
    """GETs a URL and returns (response, number of SQL queries it ran)."""

    def run(url):
        with CaptureQueriesContext(connection) as context:
            response = client.get(url)
        assert response.status_code == 200, url
        return response, len(context.captured_queries)

    return run


def internal_links(html: str) -> set[str]:
    """The site-relative targets of a page's links, without fragments."""
    return {
        href.split("#")[0]
        for href in re.findall(r'<a [^>]*href="(/[^"]*)"', html)
        if href.split("#")[0]
    }


# Hypothesis: few examples per property by default, so the suite stays fast; CI draws the same
# examples at every run (derandomize) and keeps no example database; `thorough` is for a night.
# Choose with HYPOTHESIS_PROFILE=dev|ci|thorough.
hypothesis.settings.register_profile(
    "dev", max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
hypothesis.settings.register_profile(
    "ci", parent=hypothesis.settings.get_profile("dev"), derandomize=True, database=None
)
hypothesis.settings.register_profile(
    "thorough", parent=hypothesis.settings.get_profile("dev"), max_examples=300
)
hypothesis.settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
