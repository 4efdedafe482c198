"""The OpenAPI description of the API says exactly what it answers: real responses are
validated against it, and schemathesis runs every operation it describes against the WSGI
application (no network), with the demo content and factories' pages as data."""

import json

import jsonschema
import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from portal.openapi import FIELDS, openapi_document
from portal.wsgi import application
from tests.factories import (
    ExperienceSheetFactory,
    ExpertFactory,
    StepFactory,
    ToolFactory,
    VideoFactory,
    document,
)

pytestmark = pytest.mark.django_db

CALLS = []


def validate(data, schema_name: str) -> None:
    schema = {
        "$ref": f"#/components/schemas/{schema_name}",
        "components": openapi_document()["components"],
    }
    jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    ).validate(data)


def publish_resources():
    """A sheet, a video and a tool with every relation filled, beside the demo's pages."""
    from experiences.models import ExperienceDocument
    from resources.models import ToolDocument

    step = StepFactory()
    video = VideoFactory(steps=[step], video_document=document("Film"))
    video.speakers.add(ExpertFactory())
    video.save_revision().publish()
    tool = ToolFactory(steps=[step])
    tool.documents = [ToolDocument(document=document("Charte"))]
    tool.save_revision().publish()
    sheet = ExperienceSheetFactory(steps=[step])
    sheet.related_videos.add(video)
    sheet.related_tools.add(tool)
    sheet.documents = [ExperienceDocument(document=document("Compte rendu"))]
    sheet.save_revision().publish()
    return sheet, video, tool


def test_every_field_of_every_page_type_is_described():
    from wagtail.models import get_page_models

    named = {
        field.name for model in get_page_models() for field in getattr(model, "api_fields", ())
    }
    assert named == set(FIELDS)


def test_the_description_is_served_at_a_stable_address_to_anyone(client):
    response = client.get("/api/v2/openapi.json")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    described = response.json()
    assert described == json.loads(json.dumps(openapi_document()))
    assert described["openapi"].startswith("3.")
    assert set(described["paths"]) == {
        "/pages/",
        "/pages/{id}/",
        "/images/",
        "/images/{id}/",
        "/documents/",
        "/documents/{id}/",
    }


def test_real_responses_follow_the_description(client):
    sheet, video, tool = publish_resources()
    for kind in ("experiences.ExperienceSheetPage", "resources.VideoPage", "resources.ToolPage"):
        listing = client.get("/api/v2/pages/", {"type": kind, "fields": "*", "limit": 20})
        validate(listing.json(), "PageListing")
    for page in (sheet, video, tool):
        validate(client.get(f"/api/v2/pages/{page.pk}/").json(), "Page")
    for name, schema in (("images", "Image"), ("documents", "Document")):
        listing = client.get(f"/api/v2/{name}/", {"fields": "*"}).json()
        validate(listing, f"{schema}Listing")
        for item in listing["items"][:3]:
            validate(client.get(f"/api/v2/{name}/{item['id']}/").json(), schema)
    validate(client.get("/api/v2/pages/", {"limit": "x"}).json(), "Error")


@pytest.fixture(scope="module", autouse=True)
def examples_count():
    yield
    if CALLS:  # seen with `pytest -s`
        print(f"\nschemathesis sent {len(CALLS)} requests to {len(set(CALLS))} operations")  # noqa: T201


@pytest.fixture
def resources(db, settings):
    """Published resources. Requests reach the WSGI application itself, not Django's test
    client: like it, they must leave the test's connection open (Django closes, at each request,
    a connection whose autocommit is not its settings', as in a test's transaction: PostgreSQL's
    is then gone)."""
    settings.PORTAL_API_RATE = ""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield publish_resources()
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


# The description as /api/v2/openapi.json serves it (the test above checks they are one), run
# against the WSGI application. (Loaded here rather than fetched: a request needs the database,
# which collection may not use; schemathesis.pytest.from_fixture would fetch it in a fixture,
# but it reaches into pytest internals that pytest 9 no longer has.)
schema = schemathesis.openapi.from_dict(openapi_document())
schema.app = application


# Not `positive_data_acceptance`: OpenAPI cannot say that `fields=territory` is a field of the
# sheets only, nor that `child_of` must name a page that exists; both are a 400 with a message.
# Every other check runs: no 5xx, statuses, types, headers and bodies as described, every value
# the description refuses refused (400), methods it does not name refused (405).
@schema.parametrize()
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
def test_schemathesis_finds_nothing(case, resources):
    CALLS.append(case.operation.label)
    case.call_and_validate(excluded_checks=[positive_data_acceptance])
