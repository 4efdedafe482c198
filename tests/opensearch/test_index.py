"""`update_index` rebuilds OpenSearch's indexes without downtime and says how far it is."""

import io

import pytest
from django.core.management import call_command
from wagtail.search.backends import get_search_backend

from experiences.models import ExperienceSheetPage

pytestmark = pytest.mark.django_db


def test_update_index_rebuilds_behind_an_alias_and_reports_progress(client):
    backend = get_search_backend()
    page_index = backend.get_index_for_model(ExperienceSheetPage).name
    before = set(backend.es.indices.get_alias(index=page_index))
    output = io.StringIO()
    call_command("update_index", stdout=output)
    after = set(backend.es.indices.get_alias(index=page_index))
    # Atomic rebuild: the name is an alias, moved to a new index once it is complete.
    assert page_index not in after
    assert after and after != before
    assert f"Rebuilding index {page_index}" in output.getvalue()
    assert "indexed" in output.getvalue()
    html = client.get("/recherche/", {"q": "charte"}).content.decode()
    assert "Charte de fonctionnement du collectif des DGS" in html
