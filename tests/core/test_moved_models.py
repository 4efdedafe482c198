"""Territory and DocumentText moved to core with their rows: a database migrated back to before
the move, given a territory and a document's text there, finds them in core once migrated
forward, under the same content types (what points at them through one still does)."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.documents import get_document_model

from core.models import DocumentText, Territory

# Unapplies core's migrations and every migration that depends on them: the state before.
BEFORE_THE_MOVE = [("core", None)]


@pytest.fixture
def transactional_db(django_db_setup, django_db_blocker):
    """Database access outside any test transaction: migrations change the schema (SQLite
    changes none inside a transaction). Replaces pytest-django's, which would flush the demo
    content afterwards; its name still has these tests run after the others (as in
    tests/forums/test_concurrency.py)."""
    with django_db_blocker.unblock():
        yield


def test_moved_models_keep_their_rows_and_content_types(transactional_db):
    forwards = MigrationExecutor(connection).loader.graph.leaf_nodes()
    before = MigrationExecutor(connection).migrate(BEFORE_THE_MOVE).apps
    try:
        territory = before.get_model("portal", "Territory").objects.create(
            name="Territoire d'avant", kind="rural", communes=4, population=3200
        )
        document = before.get_model("wagtaildocs", "Document").objects.create(
            title="Charte d'avant", file="documents/charte-d-avant.txt"
        )
        before.get_model("search", "DocumentText").objects.create(
            document_id=document.pk, text="Le texte lu avant le déménagement."
        )
        content_types = before.get_model("contenttypes", "ContentType").objects
        type_ids = {
            model: content_types.get(app_label=app, model=model).pk
            for app, model in [("portal", "territory"), ("search", "documenttext")]
        }
    finally:
        MigrationExecutor(connection).migrate(forwards)
        ContentType.objects.clear_cache()
    try:
        assert Territory.objects.get(pk=territory.pk).name == "Territoire d'avant"
        text = DocumentText.objects.get(document_id=document.pk).text
        assert text == "Le texte lu avant le déménagement."
        assert ContentType.objects.get_for_model(Territory).pk == type_ids["territory"]
        assert ContentType.objects.get_for_model(DocumentText).pk == type_ids["documenttext"]
        assert not ContentType.objects.filter(app_label__in=["portal", "search"]).filter(
            model__in=["territory", "documenttext"]
        )
    finally:
        Territory.objects.filter(pk=territory.pk).delete()
        get_document_model().objects.filter(pk=document.pk).delete()  # and its text
