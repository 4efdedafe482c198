"""Logs as JSON lines, each with the id of the request it belongs to.

`RequestIdMiddleware` (first of all) gives each request an id: the proxy's `X-Request-ID` when it
sent a sensible one (nginx: `$request_id`), else a new one; it is sent back in the response's
`X-Request-ID`, and every log line written while the request is served carries it
(`RequestIdFilter`), so that a visitor's report, nginx's log and the portal's meet. With
LOG_FORMAT=json (production's default) `JsonFormatter` writes one object a line: time, level,
logger, message, request_id, and the exception's trace when there is one. The standard library
is enough for this; no dependency.
"""

import contextvars
import datetime
import json
import logging
import re
import time
import uuid

HEADER = "X-Request-ID"
_VALID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
_request_id: contextvars.ContextVar[str | None] = contextvars.ContextVar("request_id", default=None)
requests_logger = logging.getLogger("portal.requests")


def request_id() -> str | None:
    """The id of the request being served, if any."""
    return _request_id.get()


class RequestIdMiddleware:
    """Names each request (see the module) and logs it at INFO on `portal.requests`."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.headers.get(HEADER, "")
        rid = given if _VALID.match(given) else uuid.uuid4().hex
        token = _request_id.set(rid)
        request.request_id = rid
        start = time.perf_counter()
        try:
            response = self.get_response(request)
            response[HEADER] = rid
            requests_logger.info(
                "%s %s %s",
                request.method,
                request.path,
                response.status_code,
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": round((time.perf_counter() - start) * 1000, 1),
                },
            )
            return response
        finally:
            _request_id.reset(token)


class RequestIdFilter(logging.Filter):
    """Adds `request_id` to every record (None outside a request)."""

    def filter(self, record):
        record.request_id = _request_id.get()
        return True


# What a LogRecord holds by itself: anything else was given in `extra` and is written out too.
_STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime", "request_id"}


class JsonFormatter(logging.Formatter):
    """One JSON object a line."""

    def format(self, record):
        line = {
            "time": datetime.datetime.fromtimestamp(record.created, datetime.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", None),
        }
        line.update({key: value for key, value in vars(record).items() if key not in _STANDARD})
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False, default=str)


def logging_config(*, json_lines: bool, level: str) -> dict:
    """The LOGGING setting: to the console (stderr), JSON lines or text, with request ids."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": "portal.logs.RequestIdFilter"}},
        "formatters": {
            "json": {"()": "portal.logs.JsonFormatter"},
            "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "filters": ["request_id"],
                "formatter": "json" if json_lines else "text",
            }
        },
        "root": {"handlers": ["console"], "level": level},
    }
