"""The shared cache on a real Redis (scripts/redis.sh starts one of this process's own, on a
free port): versions reach every process at once, and with Redis stopped pages still answer and
members stay logged in (sessions are written through to the database)."""

import logging
import os
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from core import cache, redis_cache
from tests import factories

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RedisServer:
    """One Redis server of this test process, started and stopped by scripts/redis.sh."""

    def __init__(self):
        self.env = {
            **os.environ,
            "REDIS_DIR": str(Path(tempfile.gettempdir()) / f"blocal-redis-test-{os.getpid()}"),
            "REDIS_PORT": str(free_port()),
        }
        self.url = f"redis://127.0.0.1:{self.env['REDIS_PORT']}/0"

    def run(self, command: str) -> None:
        subprocess.run(  # noqa: S603 - our own script
            [ROOT / "scripts" / "redis.sh", command], env=self.env, check=True, capture_output=True
        )


@pytest.fixture(scope="module")
def redis_server():
    server = RedisServer()
    server.run("start")
    yield server
    server.run("stop")


@pytest.fixture
def redis(redis_server, settings):
    """The site's cache on the test's Redis, emptied, its pages cached."""
    redis_server.run("start")
    settings.CACHES = {
        "default": {
            "BACKEND": "core.redis_cache.FailSoftRedisCache",
            "LOCATION": redis_server.url,
            "KEY_PREFIX": "blocal",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    settings.PORTAL_PAGE_CACHE_SECONDS = 600
    from django.core.cache import cache as django_cache

    django_cache.clear()
    yield redis_server
    redis_server.run("start")


def bump_in_another_process(url: str, scope: str) -> None:
    """What a second app server does when it publishes: a new version of `scope`."""
    script = f"import django; django.setup(); from core import cache; cache.bump({scope!r})"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "REDIS_URL": url,
        "REDIS_KEY_PREFIX": "blocal",
    }
    subprocess.run([sys.executable, "-c", script], env=env, cwd=ROOT, check=True)  # noqa: S603


def test_a_version_changed_by_another_process_empties_the_page_here(client, redis):
    sheet = factories.sheet(title="Une fiche partagée")
    assert client.get(sheet.url)["X-Cache"] == "miss"
    assert client.get(sheet.url)["X-Cache"] == "hit"
    before = cache.version(f"page:{sheet.pk}")

    bump_in_another_process(redis.url, f"page:{sheet.pk}")

    assert cache.version(f"page:{sheet.pk}") != before
    assert client.get(sheet.url)["X-Cache"] == "miss"


def test_a_publication_shows_at_once_through_redis(client, redis):
    sheet = factories.sheet(title="Titre de depart")
    client.get(sheet.url)
    sheet.title = "Titre publie ensuite"
    sheet.save_revision().publish()
    assert "Titre publie ensuite" in client.get(sheet.url).content.decode()


def test_pages_answer_when_redis_is_stopped(client, redis, caplog, monkeypatch):
    monkeypatch.setattr(redis_cache, "RETRY_SECONDS", 0)
    sheet = factories.sheet(title="Une fiche sans cache")
    redis.run("stop")
    with caplog.at_level(logging.WARNING, logger="core.redis_cache"):
        for _ in range(3):
            response = client.get(sheet.url)
            assert response.status_code == 200
            assert "Une fiche sans cache" in response.content.decode()
    warnings = [r for r in caplog.records if r.name == "core.redis_cache"]
    assert len(warnings) == 1  # logged once per outage, not at each read
    assert "unreachable" in warnings[0].getMessage()

    redis.run("start")
    assert client.get(sheet.url)["X-Cache"] == "miss"
    assert client.get(sheet.url)["X-Cache"] == "hit"


def test_a_member_stays_logged_in_while_redis_is_stopped(client, redis):
    member = factories.UserFactory()
    client.force_login(member)
    sheet = factories.sheet()
    assert "Se déconnecter" in client.get(sheet.url).content.decode()
    redis.run("stop")
    response = client.get(sheet.url)
    assert response.status_code == 200
    assert "Se déconnecter" in response.content.decode()


def test_redis_is_asked_again_once_the_pause_is_over(redis, monkeypatch):
    from django.core.cache import cache as django_cache

    monkeypatch.setattr(redis_cache, "RETRY_SECONDS", 0)
    redis.run("stop")
    django_cache.set("une-cle", "une valeur")
    assert django_cache.get("une-cle") is None
    assert not django_cache.reachable()
    redis.run("start")
    django_cache.set("une-cle", "une valeur")
    assert django_cache.get("une-cle") == "une valeur"
    assert django_cache.reachable()
