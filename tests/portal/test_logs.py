"""Logs as JSON lines with the request's id, sent back in the response (portal/logs.py)."""

import io
import json
import logging

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from portal import logs

pytestmark = pytest.mark.django_db


@pytest.fixture
def lines():
    """What the portal's console handler writes, as JSON lines."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(logs.RequestIdFilter())
    handler.setFormatter(logs.JsonFormatter())
    logger = logging.getLogger("tests.logs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    logger.removeHandler(handler)


def serve(view, **headers):
    return logs.RequestIdMiddleware(view)(RequestFactory().get("/une-page/", headers=headers))


def test_every_response_says_its_request_id(client):
    first, second = client.get("/"), client.get("/")
    assert len(first["X-Request-ID"]) == 32
    assert first["X-Request-ID"] != second["X-Request-ID"]


def test_the_proxys_request_id_is_kept_when_sensible():
    response = serve(lambda request: HttpResponse(), X_Request_ID="a1b2c3d4e5f6a7b8")
    assert response["X-Request-ID"] == "a1b2c3d4e5f6a7b8"


@pytest.mark.parametrize("given", ["court", "avec espace 123456", "x" * 65, "a\nb12345678"])
def test_a_strange_request_id_is_replaced(given):
    response = serve(lambda request: HttpResponse(), X_Request_ID=given)
    assert response["X-Request-ID"] != given
    assert len(response["X-Request-ID"]) == 32


def test_a_line_logged_while_serving_carries_the_request_id(lines):
    def view(request):
        logging.getLogger("tests.logs").warning("Une alerte %s", "précise", extra={"topic": 12})
        return HttpResponse()

    response = serve(view)
    [line] = lines()
    assert line["request_id"] == response["X-Request-ID"]
    assert line["level"] == "WARNING"
    assert line["message"] == "Une alerte précise"
    assert line["topic"] == 12
    assert line["time"].endswith("+00:00")


def test_a_line_outside_a_request_has_no_id_and_keeps_its_trace(lines):
    try:
        raise ValueError("oups")
    except ValueError:
        logging.getLogger("tests.logs").exception("Échec")
    [line] = lines()
    assert line["request_id"] is None
    assert "ValueError: oups" in line["exception"]


def test_the_logging_setting_writes_json_or_text():
    assert (
        logs.logging_config(json_lines=True, level="INFO")["handlers"]["console"]["formatter"]
        == "json"
    )
    assert logs.logging_config(json_lines=False, level="INFO")["root"]["level"] == "INFO"
