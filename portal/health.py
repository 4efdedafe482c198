"""`/sante/`: what an app server needs, checked now, for the monitoring and the proxy.

Answered by a middleware before any other (no HTTPS redirect, no session, no site looked up,
never cached): 200 when every check passes, 503 with the ones that failed otherwise. It names
each service and whether it answered, never an address, a password or an error's text.
`/sante/?vivant` checks nothing but that this app server answers: what the front cache's probe
asks, so that no outage of a shared service takes every app server out (the site works without
Redis and OpenSearch, and answers its own French 503 page while the database is down).

Checks: the database (one query), the cache (Redis answers, or a value written is read back),
the search backend (OpenSearch answers, or the database search), and the oldest task waiting for
the django-tasks database worker (PORTAL_HEALTH_TASK_SECONDS at most).
"""

import datetime
import json
import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers

PATH = "/sante/"


def _database() -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return {}


def _cache() -> dict:
    reachable = getattr(cache, "reachable", None)
    if reachable is not None:
        return {"ok": reachable(), "backend": "redis"}
    token = uuid.uuid4().hex
    cache.set("health:probe", token, 30)
    return {"ok": cache.get("health:probe") == token, "backend": "local"}


def _search() -> dict:
    if not settings.OPENSEARCH_URLS:
        return {"backend": "database"}
    from search.backends import backend

    return {"ok": bool(backend("default").es.ping()), "backend": "opensearch"}


def _tasks() -> dict:
    if settings.TASKS["default"]["BACKEND"] != "django_tasks_db.DatabaseBackend":
        return {"backend": "immediate"}
    from django_tasks_db.models import DBTaskResult, get_date_max

    # Waiting since it was enqueued, or since it became due (a task to run after a date).
    ready = DBTaskResult.objects.ready()
    since = [
        ready.filter(run_after=get_date_max())
        .order_by("enqueued_at")
        .values_list("enqueued_at", flat=True)
        .first(),
        ready.exclude(run_after=get_date_max())
        .order_by("run_after")
        .values_list("run_after", flat=True)
        .first(),
    ]
    waiting = [timezone.now() - moment for moment in since if moment is not None]
    seconds = int(max(waiting, default=datetime.timedelta()).total_seconds())
    return {
        "ok": seconds <= settings.PORTAL_HEALTH_TASK_SECONDS,
        "backend": "database",
        "oldest_pending_seconds": seconds,
    }


CHECKS = {"database": _database, "cache": _cache, "search": _search, "tasks": _tasks}


def run(names=tuple(CHECKS)) -> dict:
    """{name: {"ok": bool, "ms": float, …}} of these checks, each run whatever the others did."""
    results = {}
    for name in names:
        start = time.perf_counter()
        try:
            result = {"ok": True, **CHECKS[name]()}
        except Exception as error:  # noqa: BLE001 - any failure is the check's answer
            result = {"ok": False, "error": type(error).__name__}
        result["ms"] = round((time.perf_counter() - start) * 1000, 1)
        results[name] = result
    return results


def response(request) -> HttpResponse:
    checks = run(() if "vivant" in request.GET else tuple(CHECKS))
    healthy = all(check["ok"] for check in checks.values())
    body = {"status": "ok" if healthy else "fail", "checks": checks}
    answer = HttpResponse(
        json.dumps(body, indent=2),
        content_type="application/json",
        status=200 if healthy else 503,
    )
    add_never_cache_headers(answer)
    answer["X-Robots-Tag"] = "noindex"
    return answer


class HealthMiddleware:
    """Answers `/sante/` before everything else (see the module)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == PATH and request.method in ("GET", "HEAD"):
            return response(request)
        return self.get_response(request)
