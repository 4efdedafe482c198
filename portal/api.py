"""The read-only API: Wagtail's API v2 under /api/v2/ (pages, images, documents), and its
OpenAPI 3 description at /api/v2/openapi.json (portal/openapi.py).

What it shows is what a visitor without an account may read, asked of no session:
- pages: live, outside every section under a view restriction of any kind (members, groups,
  password), in the default site; no draft, no alias, no rich text nor stream of blocks, only
  the fields each page type names in `api_fields`;
- images and documents: those a public live page uses, the download rule of the documents
  (core.documents.public_uploads), outside any restricted collection.

It authenticates nobody (a member's session or a password typed for a page changes nothing),
takes a closed list of query parameters, each checked before the database sees it (a 400 with
a JSON `message` otherwise), and has no search: the portal's one search (/recherche/) logs
queries, ranks, and filters each result by who may read it, and a second way into the index
would answer by other rules. It is rate-limited per client address (PORTAL_API_RATE: a 429
with a French message and Retry-After), open to pages of any origin for GET, HEAD and OPTIONS
(no credentials), and never kept by the anonymous page cache (portal/page_cache.py).
"""

import math
import re

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.db.models import prefetch_related_objects
from django.http import Http404
from django.utils.translation import gettext
from rest_framework.exceptions import Throttled
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.throttling import SimpleRateThrottle
from rest_framework.views import APIView
from wagtail.api import APIField
from wagtail.api.v2.filters import (
    AncestorOfFilter,
    ChildOfFilter,
    DescendantOfFilter,
    FieldsFilter,
    OrderingFilter,
)
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import PageParentField
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page, Site, get_page_models

from core import cache
from core.api import RelationField, TagsField
from core.documents import public_uploads
from core.models import PortalPageQuerySet
from core.text import MAX_ID, parse_number

CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
    "Access-Control-Allow-Headers": "Accept, Accept-Language, Content-Type",
    "Access-Control-Max-Age": "86400",
}


def client_address(request) -> str:
    """The address the rate limit counts by: allauth's (behind ALLAUTH_TRUSTED_PROXY_COUNT
    proxies, the one they saw), else the socket's."""
    from allauth.account.adapter import get_adapter

    try:
        return get_adapter(request).get_client_ip(request)
    except (ImproperlyConfigured, PermissionDenied):
        return request.META.get("REMOTE_ADDR", "")


class ClientAddressThrottle(SimpleRateThrottle):
    """PORTAL_API_RATE requests ("120/min") per client address, counted in the shared cache."""

    scope = "portal-api"

    def get_rate(self):
        return settings.PORTAL_API_RATE or None

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": client_address(request)}


# The query parameters each endpoint takes: name -> (kind, what it allows). The OpenAPI
# description is written from the same table (portal/openapi.py): the schema and the checks
# never disagree.
INTEGER, CHOICE, PATTERN, PAGE = "integer", "choice", "pattern", "page"
SLUG = r"^[-a-zA-Z0-9_]{1,255}$"


def page_types() -> list[str]:
    """The page types, as `type=` names them ("experiences.ExperienceSheetPage")."""
    return sorted(
        f"{model._meta.app_label}.{model.__name__}"
        for model in get_page_models()
        if model is not Page
    )


def fields_pattern(names) -> str:
    """`fields=`: `*` or a name first, then names, each `-` to leave it out (no nesting)."""
    alternatives = "|".join(sorted(names))
    return rf"^(?:\*|-?(?:{alternatives}))(?:,-?(?:{alternatives}))*$"


def allowed_value(kind: str, allows, value: str) -> bool:
    if kind == INTEGER:
        return parse_number(value, minimum=allows[0], maximum=allows[1]) is not None
    if kind == PAGE:  # a page's id, or one of the words in `allows`
        return value in allows or parse_number(value, minimum=1) is not None
    if kind == CHOICE:
        return value in allows
    return re.fullmatch(allows, value, flags=re.ASCII) is not None


def listing_parameters(orders: list[str]) -> dict:
    limit = getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20)
    return {
        "limit": (INTEGER, (0, limit)),
        "offset": (INTEGER, (0, MAX_ID)),
        "order": (CHOICE, [way for order in orders for way in (order, f"-{order}")]),
    }


class OpenEndpoint:
    """What every endpoint of the API shares: nobody authenticated, the rate limit, CORS,
    errors as {"message": …}, and its query parameters checked against its `parameters`,
    before any query (a number past MAX_ID would raise in SQLite's driver, not find nothing)."""

    authentication_classes = []
    permission_classes = [AllowAny]
    throttle_classes = [ClientAddressThrottle]
    on_default_site = True

    @classmethod
    def parameters(cls, action: str) -> dict:
        return {}

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)  # the rate limit first
        if self.on_default_site:
            # Every address the API gives is the default site's, whatever the host asked.
            request._request._wagtail_site = default_site(request._request)
        if request.method not in ("GET", "HEAD"):
            return  # refused by the view (405), or answered without reading anything (OPTIONS)
        if "pk" in kwargs and parse_number(str(kwargs["pk"]), minimum=1) is None:
            raise Http404("not found")
        allowed = self.parameters(getattr(self, "action", None) or "")
        unknown = set(request.GET) - set(allowed)
        if unknown:
            named = ", ".join(sorted(name[:50] for name in unknown)[:10])
            raise BadRequestError(f"query parameter is not an operation of this endpoint: {named}")
        for name, values in request.GET.lists():
            if not all(allowed_value(*allowed[name], value) for value in values):
                raise BadRequestError(f"{name}: this value is not allowed")

    def check_query_parameters(self, queryset):
        """Done by `initial`, more strictly than Wagtail does."""

    def handle_exception(self, exc):
        if isinstance(exc, Throttled):
            wait = max(1, math.ceil(exc.wait or 1))
            message = gettext("Trop de requêtes : réessayez dans %(seconds)d secondes.") % {
                "seconds": wait
            }
            return Response({"message": message}, status=429, headers={"Retry-After": str(wait)})
        response = super().handle_exception(exc)
        if isinstance(response.data, dict) and "detail" in response.data:
            response.data = {"message": str(response.data["detail"])}
        return response

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        for header, value in CORS_HEADERS.items():
            response[header] = value
        return response


def related_lookups(model, fields) -> tuple[list[str], list[str]]:
    """The joins and the prefetches that bring the relations among `fields` of `model` with
    its rows (each of core.api's fields names its own), and the tags of images and documents."""
    lookups = {"select": [], "prefetch": []}
    for field in getattr(model, "api_fields", ()):
        serializer = getattr(field, "serializer", None)
        if field.name in fields and isinstance(serializer, RelationField):
            kind, lookup = serializer.lookup(model, field.name)
            if kind:
                lookups[kind].append(lookup)
    if "tags" in fields and hasattr(model, "tags"):
        lookups["prefetch"].append("tags")
    return lookups["select"], lookups["prefetch"]


class RelatedRows:
    """Lists and details bring the relations they show in a fixed number of queries."""

    def listing_view(self, request):
        queryset = self.filter_queryset(self.get_queryset())
        fields = self.get_serializer_class().Meta.fields
        select, prefetch = related_lookups(queryset.model, fields)
        rows = self.paginate_queryset(queryset.select_related(*select).prefetch_related(*prefetch))
        return self.get_paginated_response(self.get_serializer(rows, many=True).data)

    def detail_view(self, request, pk):
        instance = self.get_object()
        select, prefetch = related_lookups(type(instance), self.get_serializer_class().Meta.fields)
        prefetch_related_objects([instance], *select, *prefetch)
        return Response(self.get_serializer(instance).data)


def default_site(request):
    """The default Wagtail site (None when there is none): the request's when it is the default
    one (portal.middleware.CachedSiteMiddleware found it), else kept in the cache until the
    content changes (a site is not an access rule)."""
    site = getattr(request, "_wagtail_site", None)
    if site is not None and site.is_default_site:
        return site
    return cache.remembered(
        "api-default-site",
        lambda: Site.objects.filter(is_default_site=True).select_related("root_page").first(),
    )


class ParentField(PageParentField):
    """Wagtail's `parent`, in one query: the parent page if it is in the API too."""

    def get_attribute(self, instance):
        parent_path = instance.path[: -Page.steplen]
        return self.context["base_queryset"].filter(path=parent_path).first()


PAGE_META_FIELDS = [
    "type",
    "detail_url",
    "html_url",
    "slug",
    "show_in_menus",
    "seo_title",
    "search_description",
    "first_published_at",
    "last_published_at",
    APIField("parent", serializer=ParentField(read_only=True)),
]


class PagesEndpoint(OpenEndpoint, RelatedRows, PagesAPIViewSet):
    """Public live pages of the default site (see the module's rules)."""

    filter_backends = [FieldsFilter, ChildOfFilter, AncestorOfFilter, DescendantOfFilter,
                       OrderingFilter]  # fmt: skip
    meta_fields = PAGE_META_FIELDS

    @classmethod
    def field_names(cls, action: str) -> set[str]:
        """Every field `fields=` may name, of any page type (but `id`, always there)."""
        names = set(cls.get_body_fields_names(Page)) | set(cls.get_meta_fields_names(Page))
        for model in get_page_models():
            names |= {field.name for field in getattr(model, "api_fields", ())}
        if action == "listing_view":
            names -= set(cls.detail_only_fields)
        return names - {"id"}

    @classmethod
    def parameters(cls, action: str) -> dict:
        fields = {"fields": (PATTERN, fields_pattern(cls.field_names(action)))}
        if action != "listing_view":
            return fields
        orders = ["id", "title", "slug", "first_published_at", "last_published_at"]
        return (
            fields
            | listing_parameters(orders)
            | {
                "type": (CHOICE, page_types()),
                "child_of": (PAGE, ["root"]),
                "descendant_of": (PAGE, ["root"]),
                "ancestor_of": (PAGE, []),
                "slug": (PATTERN, SLUG),
            }
        )

    @classmethod
    def get_detail_default_fields(cls, model):
        # Every field but `locale`, which Wagtail removes and this endpoint does not have.
        return super(PagesAPIViewSet, cls).get_detail_default_fields(model)

    def get_root_page(self):
        site = default_site(self.request._request)
        if site is None:
            raise BadRequestError("no site")
        return site.root_page

    def get_base_queryset(self):
        site = default_site(self.request._request)
        pages = PortalPageQuerySet(Page).live().public().filter(alias_of__isnull=True)
        if site is None:
            return pages.none()
        return pages.descendant_of(site.root_page, inclusive=True)


class UploadsEndpoint(OpenEndpoint, RelatedRows):
    """Images or documents that anyone may download (core.documents.public_uploads)."""

    filter_backends = [FieldsFilter, OrderingFilter]
    meta_fields = ["type", "detail_url", APIField("tags", serializer=TagsField()), "download_url"]

    @classmethod
    def field_names(cls, action: str) -> set[str]:
        names = set(cls.get_body_fields_names(None)) | set(cls.get_meta_fields_names(None))
        return names - {"id"}

    @classmethod
    def parameters(cls, action: str) -> dict:
        fields = {"fields": (PATTERN, fields_pattern(cls.field_names(action)))}
        if action != "listing_view":
            return fields
        return fields | listing_parameters(["id", "title"])

    def get_queryset(self):
        return public_uploads(self.model.objects.order_by("id"))


class ImagesEndpoint(UploadsEndpoint, ImagesAPIViewSet):
    pass


class DocumentsEndpoint(UploadsEndpoint, DocumentsAPIViewSet):
    pass


class OpenAPIView(OpenEndpoint, APIView):
    """The OpenAPI 3 description of the endpoints above (it reads no database)."""

    on_default_site = False

    def get(self, request):
        from .openapi import openapi_document

        return Response(openapi_document())


# Mounted at /api/v2/ by portal/urls.py, beside OpenAPIView.
router = WagtailAPIRouter("wagtailapi")
router.register_endpoint("pages", PagesEndpoint)
router.register_endpoint("images", ImagesEndpoint)
router.register_endpoint("documents", DocumentsEndpoint)
