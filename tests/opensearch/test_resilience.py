"""OpenSearch down or frozen: pages and publishing go on, the search page answers from the
database and says so, and the index updates made meanwhile are applied once it is back."""

import copy
import os
import signal
import socket
import subprocess
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from wagtail.models import Page

from portal.models import StandardPage
from search import backends
from search.models import PendingIndexUpdate, SearchDocument
from search.tasks import retry_index_updates

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
DEGRADED = "mode dégradé"


@contextmanager
def node_stopped():
    """Our node's process stopped (SIGSTOP): it accepts connections and never answers."""
    script = ROOT / "scripts/opensearch.sh"
    pid = int(subprocess.check_output([script, "pid"], text=True))  # noqa: S603
    os.kill(pid, signal.SIGSTOP)
    try:
        yield
    finally:
        os.kill(pid, signal.SIGCONT)
        cache.delete(backends.DOWN_KEY)


@pytest.fixture
def short_timeout(settings):
    search_backends = copy.deepcopy(settings.WAGTAILSEARCH_BACKENDS)
    search_backends["default"]["TIMEOUT"] = 1
    settings.WAGTAILSEARCH_BACKENDS = search_backends
    return search_backends


def search(client, query):
    response = client.get("/recherche/", {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def publish(title, slug):
    page = Page.objects.get(depth=2).add_child(instance=StandardPage(title=title, slug=slug))
    return page


def test_a_stopped_node_degrades_search_and_loses_no_update(client, short_timeout):
    doomed = publish("Zéphyrine avant la panne", "zephyrine-avant")
    assert DEGRADED not in search(client, "zéphyrine")

    with node_stopped():
        page = publish("Zéphyrine pendant la panne", "zephyrine-pendant")
        doomed.delete()
        assert client.get(page.url).status_code == 200
        # The search documents' (one written, one deleted), and the pages' own for the admin.
        documents = ContentType.objects.get_for_model(SearchDocument)
        assert PendingIndexUpdate.objects.filter(content_type=documents).count() == 2
        assert PendingIndexUpdate.objects.count() == 4
        html = search(client, "zéphyrine")
        assert DEGRADED in html
        assert "Zéphyrine pendant la panne" in html  # the database index was kept up to date
        assert "Zéphyrine avant la panne" not in html

    assert retry_index_updates.call() == 0
    assert not PendingIndexUpdate.objects.exists()
    html = search(client, "zéphyrine")
    assert DEGRADED not in html  # OpenSearch answered, with the updates made during the outage
    assert "Zéphyrine pendant la panne" in html
    assert "Zéphyrine avant la panne" not in html


def test_a_node_that_refuses_connections_degrades_search(client, short_timeout):
    with socket.socket() as probe:  # a loopback port where nothing listens
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    short_timeout["default"]["URLS"] = [f"http://127.0.0.1:{port}"]
    page = publish("Zéphyrine sans moteur", "zephyrine-sans-moteur")
    assert PendingIndexUpdate.objects.filter(object_id=str(page.pk)).exists()
    html = search(client, "zéphyrine")
    assert DEGRADED in html
    assert "Zéphyrine sans moteur" in html
    suggestions = client.get("/recherche/suggestions/", {"q": "Zéphyr", "format": "json"}).json()
    assert "Zéphyrine sans moteur" in suggestions["suggestions"]
