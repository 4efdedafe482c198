"""The OpenAPI 3 description of the read-only API (portal/api.py), served at
/api/v2/openapi.json.

Written by hand where it says what comes back (each field of `api_fields` has its schema in
FIELDS: a test holds the two lists together), and from the endpoints' own table where it says
what they take (their `parameters`, the very rules they check), so that it stays exact: the
suite validates real responses against it and runs schemathesis on it.
"""

from django.utils.translation import gettext as _

from core.models import Licence
from core.text import MAX_ID

from . import api

OPENAPI_VERSION = "3.1.0"


def ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def nullable(schema: dict) -> dict:
    return {"anyOf": [schema, {"type": "null"}]}


def closed(properties: dict, required=()) -> dict:
    """An object with these properties and no other."""
    schema = {"type": "object", "properties": properties, "additionalProperties": False}
    return schema | {"required": list(required)} if required else schema


STRING = {"type": "string"}
INTEGER = {"type": "integer"}
URL = {"type": "string", "format": "uri"}
DATE_TIME = {"type": ["string", "null"], "format": "date-time"}

# What the API says of each field a page type names in `api_fields` (core.api for relations).
FIELDS = {
    "promise": STRING,
    "intro": STRING,
    "summary": STRING,
    "year": INTEGER,
    "licence": {"type": "string", "enum": list(Licence.values)},
    "licence_url": STRING,
    "last_reviewed": {"type": "string", "format": "date"},
    "image": nullable(ref("ImageRef")),
    "steps": {"type": "array", "items": ref("PageRef")},
    "territory": ref("Territory"),
    "challenge": STRING,
    "facilitator_role": STRING,
    "related_videos": {"type": "array", "items": ref("PageRef")},
    "related_tools": {"type": "array", "items": ref("PageRef")},
    "documents": {"type": "array", "items": ref("DocumentRef")},
    "speakers": {"type": "array", "items": ref("Expert")},
    "duration": {"type": "string", "description": "hh:mm:ss"},
    "video_url": {"type": "string", "description": "an external video, or empty"},
    "video_document": nullable(ref("DocumentRef")),
    "captions_url": nullable({"type": "string", "format": "uri", "description": "WebVTT"}),
    "edition": nullable(ref("PageRef")),
    "purpose": STRING,
    "when_to_use": STRING,
}

PAGE_META = {
    "type": STRING,
    "detail_url": URL,
    "html_url": nullable(URL),
    "slug": STRING,
    "show_in_menus": {"type": "boolean"},
    "seo_title": STRING,
    "search_description": STRING,
    "first_published_at": DATE_TIME,
    "last_published_at": DATE_TIME,
    "parent": nullable(ref("ParentPage")),
}
UPLOAD_META = {
    "type": STRING,
    "detail_url": URL,
    "tags": {"type": "array", "items": STRING},
}

SCHEMAS = {
    "Error": closed({"message": STRING}, ["message"]),
    "PageRef": closed({"id": INTEGER, "title": STRING}, ["id", "title"]),
    "ImageRef": closed({"id": INTEGER, "title": STRING}, ["id", "title"]),
    "DocumentRef": closed(
        {"id": INTEGER, "title": STRING, "download_url": URL}, ["id", "title", "download_url"]
    ),
    "Expert": closed({"name": STRING, "role": STRING}, ["name", "role"]),
    "Territory": closed(
        {
            "id": INTEGER,
            "name": STRING,
            "kind": STRING,
            "kind_label": STRING,
            "department": STRING,
            "communes": INTEGER,
            "population": INTEGER,
            "siren": STRING,
        },
        ["id", "name", "kind", "kind_label", "department", "communes", "population", "siren"],
    ),
    "ParentPage": closed(
        {
            "id": INTEGER,
            "meta": closed({"type": STRING, "detail_url": URL, "html_url": nullable(URL)}),
            "title": STRING,
        },
        ["id"],
    ),
    "Page": closed({"id": INTEGER, "meta": closed(PAGE_META), "title": STRING} | FIELDS, ["id"]),
    "Image": closed(
        {
            "id": INTEGER,
            "meta": closed(UPLOAD_META | {"download_url": {"type": "string"}}),
            "title": STRING,
            "width": INTEGER,
            "height": INTEGER,
        },
        ["id"],
    ),
    "Document": closed(
        {"id": INTEGER, "meta": closed(UPLOAD_META | {"download_url": URL}), "title": STRING},
        ["id"],
    ),
}


SCHEMAS |= {
    f"{name}Listing": closed(
        {
            "meta": closed({"total_count": INTEGER}, ["total_count"]),
            "items": {"type": "array", "items": ref(name)},
        },
        ["meta", "items"],
    )
    for name in ("Page", "Image", "Document")
}


def parameter_schema(kind: str, allows) -> dict:
    if kind == api.INTEGER:
        return {"type": "integer", "minimum": allows[0], "maximum": allows[1]}
    if kind == api.CHOICE:
        return {"type": "string", "enum": list(allows)}
    if kind == api.PATTERN:
        return {"type": "string", "pattern": allows}
    page = {"type": "integer", "minimum": 1, "maximum": MAX_ID}
    return {"oneOf": [page, {"type": "string", "enum": list(allows)}]} if allows else page


def parameters(endpoint, action: str) -> list[dict]:
    return [
        {"name": name, "in": "query", "required": False, "schema": parameter_schema(*rule)}
        for name, rule in sorted(endpoint.parameters(action).items())
    ]


def error(description: str, *, html: bool = False) -> dict:
    content = {"application/json": {"schema": ref("Error")}}
    if html:  # an address that names no endpoint at all: the site's own page
        content["text/html"] = {"schema": STRING}
    return {"description": description, "content": content}


CORS = {"Access-Control-Allow-Origin": {"schema": {"type": "string", "enum": ["*"]}}}
TOO_MANY = error(_("Trop de requêtes")) | {
    "headers": {"Retry-After": {"schema": {"type": "integer", "minimum": 1}, "required": True}}
}


def operations(name: str, endpoint, schema: str, summary: str) -> dict:
    ok = "application/json"
    pk = {
        "name": "id",
        "in": "path",
        "required": True,
        "schema": {"type": "integer", "minimum": 1, "maximum": MAX_ID},
    }
    return {
        f"/{name}/": {
            "get": {
                "operationId": f"{name}_list",
                "summary": summary,
                "parameters": parameters(endpoint, "listing_view"),
                "responses": {
                    "200": {
                        "description": "OK",
                        "headers": CORS,
                        "content": {ok: {"schema": ref(f"{schema}Listing")}},
                    },
                    "400": error(_("Paramètre refusé")),
                    "429": TOO_MANY,
                },
            }
        },
        f"/{name}/{{id}}/": {
            "get": {
                "operationId": f"{name}_detail",
                "summary": summary,
                "parameters": [pk, *parameters(endpoint, "detail_view")],
                "responses": {
                    "200": {
                        "description": "OK",
                        "headers": CORS,
                        "content": {ok: {"schema": ref(schema)}},
                    },
                    "400": error(_("Paramètre refusé")),
                    "404": error(_("Introuvable"), html=True),
                    "429": TOO_MANY,
                },
            }
        },
    }


def openapi_document() -> dict:
    """The description, for the request's site (its addresses are relative to /api/v2/)."""
    paths = (
        operations("pages", api.PagesEndpoint, "Page", _("Pages publiques publiées"))
        | operations("images", api.ImagesEndpoint, "Image", _("Images des pages publiques"))
        | operations(
            "documents", api.DocumentsEndpoint, "Document", _("Documents des pages publiques")
        )
    )
    return {
        "openapi": OPENAPI_VERSION,
        "info": {
            "title": "Bloc local",
            "version": "2",
            "description": _(
                "API en lecture seule du portail Bloc local : les pages publiques publiées "
                "(fiches expérience, vidéos d'experts, outils, étapes du chemin, séminaires), "
                "leurs images et leurs documents. Sans authentification, limitée en nombre de "
                "requêtes par adresse ; contenus sous la licence indiquée pour chaque ressource."
            ),
        },
        "servers": [{"url": "/api/v2"}],
        "paths": paths,
        "components": {"schemas": SCHEMAS},
    }
