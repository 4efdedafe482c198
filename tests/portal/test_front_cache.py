"""The front cache (Varnish) keeps what the page cache keeps, and is told of each change by
scope once it is committed (core/front_cache.py); Wagtail purges a published page's address."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from wagtail.contrib.frontend_cache import signal_handlers
from wagtail.signals import page_published, page_unpublished

from core import cache, front_cache
from forums import services
from tests import factories

pytestmark = pytest.mark.django_db


class Recorder(BaseHTTPRequestHandler):
    received: list

    def _record(self):
        self.received.append((self.command, self.path, dict(self.headers)))
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_BAN = do_PURGE = _record

    def log_message(self, *args):
        pass


@pytest.fixture
def front(settings):
    """A front cache that records what it is told, at PORTAL_FRONT_CACHE_URLS."""
    received = []
    handler = type("Handler", (Recorder,), {"received": received})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    settings.PORTAL_FRONT_CACHE_URLS = [url]
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": url,
        }
    }
    settings.PORTAL_PAGE_CACHE_SECONDS = 600
    yield received
    server.shutdown()
    server.server_close()


def bans(received) -> list[set[str]]:
    return [
        set(headers["X-Ban-Scopes"].split())
        for method, _path, headers in received
        if method == "BAN"
    ]


def test_a_page_the_cache_may_keep_says_its_scopes(client, settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 600
    sheet = factories.sheet()
    scopes = set(client.get(sheet.url)[front_cache.HEADER].split())
    assert {f"page:{sheet.pk}", cache.CONTENT} <= scopes


def test_a_members_page_says_no_scope(client, settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 600
    sheet = factories.sheet()
    client.force_login(factories.UserFactory())
    assert front_cache.HEADER not in client.get(sheet.url)


def test_a_reply_bans_its_topics_pages_once_committed(
    front, settings, django_capture_on_commit_callbacks
):
    settings.FORUMS_MIN_SECONDS_BETWEEN_POSTS = 0
    space, author = factories.SpaceFactory(public=True), factories.UserFactory()
    topic = services.topic_create(space=space, author=author, title="Un sujet", body="Début")
    front.clear()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.post_create(topic=topic, author=author, body="Une réponse")
    assert bans(front) == []  # nothing before the commit
    for callback in callbacks:
        callback()
    assert any(f"topic:{topic.pk}" in scopes for scopes in bans(front))


def test_a_publication_bans_the_page_and_purges_its_address(
    front, django_capture_on_commit_callbacks
):
    sheet = factories.sheet(title="Avant")
    front.clear()
    for signal, handler in (
        (page_published, signal_handlers.page_published_signal_handler),
        (page_unpublished, signal_handlers.page_unpublished_signal_handler),
    ):
        signal.connect(handler, sender=type(sheet))
    try:
        with django_capture_on_commit_callbacks(execute=True):
            sheet.title = "Apres"
            sheet.save_revision().publish()
    finally:
        page_published.disconnect(signal_handlers.page_published_signal_handler, sender=type(sheet))
        page_unpublished.disconnect(
            signal_handlers.page_unpublished_signal_handler, sender=type(sheet)
        )
    assert any({f"page:{sheet.pk}", cache.CONTENT} <= scopes for scopes in bans(front))
    assert ("PURGE", sheet.url) in [(method, path) for method, path, _headers in front]


def test_a_front_cache_out_of_reach_never_fails_a_write(settings, caplog):
    settings.PORTAL_FRONT_CACHE_URLS = ["http://127.0.0.1:1"]
    front_cache.ban(["topic:1"])
    assert "not told of a change" in caplog.text
