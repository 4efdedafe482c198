"""`/sante/` says what answers, and a database out of reach gives a French 503, not a 500."""

import datetime
import json

import pytest
from django.db import OperationalError, connection
from django.test import Client
from django.utils import timezone

from forums.tasks import send_notification_emails
from portal import errors
from tests import factories

pytestmark = pytest.mark.django_db

SECRET = "mot-de-passe-tres-secret"


@pytest.fixture
def stop_database(monkeypatch):
    """Makes every query from now on fail as when PostgreSQL is stopped (its message names the
    host); `undo()` brings it back."""

    def refuse(*args, **kwargs):
        raise OperationalError(f'connection to server at "10.0.0.5" failed: password={SECRET}')

    def stop():
        monkeypatch.setattr(connection, "ensure_connection", refuse)
        return monkeypatch

    return stop


def health(client, url="/sante/"):
    response = client.get(url)
    return response, json.loads(response.content)


def test_health_answers_200_with_each_check(client):
    response, body = health(client)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "cache", "search", "tasks"}
    assert all(check["ok"] for check in body["checks"].values())


def test_health_is_never_cached(client, settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 600
    for _ in range(2):
        response, _body = health(client)
        assert "X-Cache" not in response
        assert "no-cache" in response["Cache-Control"]
        assert "max-age=0" in response["Cache-Control"]


def test_health_is_answered_over_http_behind_the_https_redirect(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    response, _body = health(client)
    assert response.status_code == 200


def test_health_says_the_database_failed_without_its_secrets(client, stop_database):
    stop_database()
    response, body = health(client)
    assert response.status_code == 503
    assert body["status"] == "fail"
    assert body["checks"]["database"] == {
        "ok": False,
        "error": "OperationalError",
        "ms": body["checks"]["database"]["ms"],
    }
    assert SECRET not in response.content.decode()
    assert "10.0.0.5" not in response.content.decode()


def test_health_says_the_cache_failed(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "core.redis_cache.FailSoftRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
        }
    }
    response, body = health(client)
    assert response.status_code == 503
    assert body["checks"]["cache"] == {"ok": False, "backend": "redis", **_ms(body, "cache")}
    assert body["checks"]["database"]["ok"]


def _ms(body, name):
    return {"ms": body["checks"][name]["ms"]}


def test_the_probe_of_the_front_cache_asks_only_whether_the_server_answers(client, stop_database):
    stop_database()
    response, body = health(client, "/sante/?vivant")
    assert response.status_code == 200
    assert body == {"status": "ok", "checks": {}}


def test_health_reports_the_oldest_pending_task(client, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    from django_tasks_db.models import DBTaskResult

    _response, body = health(client)
    assert body["checks"]["tasks"]["oldest_pending_seconds"] == 0

    send_notification_emails.enqueue()
    DBTaskResult.objects.update(enqueued_at=timezone.now() - datetime.timedelta(hours=1))
    response, body = health(client)
    assert response.status_code == 503
    assert body["checks"]["tasks"]["ok"] is False
    assert body["checks"]["tasks"]["oldest_pending_seconds"] >= 3600


def test_a_page_answers_a_french_503_while_the_database_is_down(stop_database):
    sheet_url = factories.sheet(title="Une fiche").url
    stop_database()
    client = Client(raise_request_exception=False)
    response = client.get(sheet_url)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    page = response.content.decode()
    assert "Le portail revient dans un instant" in page
    assert '<html lang="fr">' in page
    assert "Traceback" not in page
    assert SECRET not in page


def test_the_site_recovers_by_itself_when_the_database_is_back(stop_database):
    sheet_url = factories.sheet(title="Une fiche revenue").url
    client = Client(raise_request_exception=False)
    database = stop_database()
    assert client.get(sheet_url).status_code == 503
    database.undo()
    response = client.get(sheet_url)
    assert response.status_code == 200
    assert "Une fiche revenue" in response.content.decode()


def test_other_errors_are_still_a_500(rf):
    try:
        raise ValueError("oups")
    except ValueError:
        response = errors.server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Retry-After" not in response
