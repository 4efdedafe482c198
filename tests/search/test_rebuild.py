"""`update_index` as production runs it, outside any transaction: on PostgreSQL the search
documents' entries are then written by several connections at once (search.postgres
ParallelRebuilder), which only rows committed can show. The page written here is committed and
deleted at the end; the rebuilt documents stay, as any rebuild leaves them."""

import io
from html import unescape

import pytest
from django.core.management import call_command
from django.db import connection
from wagtail.search.models import IndexEntry

from search.models import SearchDocument
from tests.factories import StandardPageFactory


@pytest.fixture
def transactional_db(django_db_setup, django_db_blocker):
    """Database access outside any test transaction, the demo content kept (its name: see
    tests/forums/test_concurrency.py)."""
    made = []
    with django_db_blocker.unblock():
        yield made
        for item in reversed(made):
            item.delete()


def test_a_rebuild_outside_a_transaction_indexes_every_document_once(transactional_db, client):
    page = StandardPageFactory(title="Quinconce reconstruit", intro="Un cormoran huppé.")
    transactional_db.append(page)
    call_command("update_index", stdout=io.StringIO())
    html = unescape(client.get("/recherche/", {"q": "cormoran huppe"}).content.decode())
    assert "Quinconce reconstruit" in html
    documents = SearchDocument.objects.count()
    if connection.vendor == "postgresql":
        entries = IndexEntry.objects.filter(content_type__model="searchdocument")
        assert entries.count() == documents
        assert not entries.filter(title_norm=1.0).exists()  # weighed at the end
