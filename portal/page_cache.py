"""Whole pages from the cache for anonymous visitors, each kept under the versions of what it
shows (core.cache).

A view says what its response shows (`cache.depends`: a content page its `page:<pk>` and
`content`, a topic its `topic:<pk>`…); rendering it records every other version it reads (a
fragment's, a list's). The response is stored with {scope: version} of all of them, and served
again only while every one is current, checked in one read: a reply in a topic empties that
topic's pages, not the sheets. A response that declared nothing is never stored.

Only a visitor who sends no session and no message cookie is served a whole page from the
cache, and only a 200 response that sets no cookie (no CSRF token, no session, no message) and
is not private is stored, so nothing of one visitor ever reaches another. Members get each page
rendered, around the cached fragments of what everyone sees alike. Responses this cache could
serve say `X-Cache: hit` (served from it) or `X-Cache: miss` (rendered and stored).
"""

import hashlib

from django.conf import settings
from django.core.cache import cache as django_cache

from core import cache, front_cache
from core.cache import CONTENT

# Which version a change of a model of these apps replaces (pages: Wagtail's signals, see
# core.cache.connect). The forums wire their own scopes.
SCOPES = {
    "core": CONTENT,
    "portal": CONTENT,
    "experiences": CONTENT,
    "resources": CONTENT,
    "wagtailcore": CONTENT,
    "wagtailimages": CONTENT,
    "wagtaildocs": CONTENT,
    "wagtailsearchpromotions": CONTENT,
}
# Changes that no cached page shows: an extracted text, a picture's rendition (made while a page
# renders, the same file at the same address for every page), an editor's draft, the admin's logs.
UNWATCHED_MODELS = {
    "core.documenttext",
    "wagtailimages.rendition",
    "wagtailcore.revision",
    "wagtailcore.referenceindex",
    "wagtailcore.pagelogentry",
    "wagtailcore.modellogentry",
    "wagtailcore.pagesubscription",
    "wagtailcore.workflowstate",
    "wagtailcore.taskstate",
    "wagtailcore.comment",
    "wagtailcore.commentreply",
}
# Never cached whole: the admin, pages of one member, search (it logs each query), and the API
# (rate-limited per client: each request must reach it).
SKIPPED_PREFIXES = (
    "/admin/",
    "/api/",
    "/django-admin/",
    "/recherche/",
    "/documents/",
    "/espaces/notifications/",
    "/espaces/moderation/",
)


def page_key(request) -> str:
    """The cache key of the page at this address."""
    address = f"{request.get_host()}:{request.get_full_path()}"
    return "page-cache:page:" + hashlib.sha256(address.encode()).hexdigest()


def storable(response) -> bool:
    """A complete page that says nothing of one visitor in its headers."""
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in response.get("Cache-Control", "")
    )


class AnonymousPageCacheMiddleware:
    """Whole pages for visitors without a session, before the session is even read: GET
    requests outside SKIPPED_PREFIXES, from a visitor with no message to read."""

    def __init__(self, get_response):
        self.get_response = get_response

    def cacheable(self, request) -> bool:
        return (
            cache.seconds() > 0
            and request.method == "GET"
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and "messages" not in request.COOKIES
            and not request.path.startswith(SKIPPED_PREFIXES)
        )

    def __call__(self, request):
        if not self.cacheable(request):
            return self.get_response(request)
        key = page_key(request)
        kept = django_cache.get(key)
        if kept is not None:
            versions, response = kept
            if cache.current(versions):
                response["X-Cache"] = "hit"
                return response
        response = self.get_response(request)
        if cache.dependencies() and storable(response):
            # The versions read while rendering, the declared ones first (`depends` reads them).
            versions = cache.read()
            # What the front cache may keep, and under which scopes it drops it (front_cache).
            response[front_cache.HEADER] = " ".join(sorted(versions))
            django_cache.set(key, (versions, response), cache.seconds())
            response["X-Cache"] = "miss"
        return response
