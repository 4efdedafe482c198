"""The SQL queries and the time of each page type's first request, caches off, through Django's
test client in the bench's process (the cold state of the budgets: ≤ 10 queries, and within
1 s on SQLite at full size)."""

import time

from django.test.utils import CaptureQueriesContext, override_settings


def client_for(cookie: str):
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    for part in filter(None, cookie.split("; ")):
        name, value = part.split("=", 1)
        client.cookies[name] = value
    return client


def cold(samples: list[dict]) -> list[dict]:
    """For each sample (name, who, path, cookie): status, queries and seconds of one request
    with PORTAL_PAGE_CACHE_SECONDS = 0, the first to that page type since the process began."""
    from django.db import connection

    rows = []
    with override_settings(PORTAL_PAGE_CACHE_SECONDS=0):
        for sample in samples:
            client = client_for(sample["cookie"])
            started = time.monotonic()
            with CaptureQueriesContext(connection) as context:
                response = client.get(sample["path"])
            rows.append(
                {
                    "name": sample["name"],
                    "who": sample["who"],
                    "path": sample["path"],
                    "status": response.status_code,
                    "queries": len(context.captured_queries),
                    "seconds": round(time.monotonic() - started, 3),
                }
            )
    return rows
