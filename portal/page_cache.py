"""Caches of what readers see alike: whole pages for anonymous visitors, pages shared by the
members of one audience with their account menu rendered for each, fragments of pages
(`{% cache page_cache_seconds name page.pk page_cache_version %}`) and small lists
(`remembered`) for everyone.

Only a visitor who sends no session and no message cookie is served a whole page from the
cache, and only a 200 response that sets no cookie (no CSRF token, no session, no message) is
stored, so nothing of one visitor ever reaches another. Members: see MemberPageCacheMiddleware.

Keys carry versions that the models' signals replace (`connect`): the content version when a
page, a snippet or an image changes, the discussions version when a space, topic or post
changes. A publication or a new post therefore shows at once; PORTAL_PAGE_CACHE_SECONDS bounds
the rest (dates). The cache must be shared by the server's processes for a new version to reach
them all: the default cache is a folder (CACHE_DIR) for that reason.
"""

import hashlib
import uuid
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.functional import SimpleLazyObject

CONTENT = "content"
DISCUSSIONS = "discussions"
# Which version a change of a model of these apps replaces.
SCOPES = {
    "portal": CONTENT,
    "experiences": CONTENT,
    "resources": CONTENT,
    "wagtailcore": CONTENT,
    "wagtailimages": CONTENT,
    "wagtaildocs": CONTENT,
    "wagtailsearchpromotions": CONTENT,
    "forums": DISCUSSIONS,
}
# What of an account its posts show (its name, or "Membre supprimé"); not, say, its last log-in.
SHOWN_USER_FIELDS = {"first_name", "last_name", "is_active"}
# Changes that no cached page shows.
UNWATCHED_MODELS = {
    "forums.topicvisit",
    "forums.notification",
    "forums.notificationsettings",
    "forums.subscription",
}
# Never cached whole: the admin, pages of one member, and search (it logs each query).
SKIPPED_PREFIXES = (
    "/admin/",
    "/django-admin/",
    "/recherche/",
    "/documents/",
    "/espaces/notifications/",
    "/espaces/moderation/",
)


def version(scope: str = CONTENT) -> str:
    key = f"page-cache:version:{scope}"
    value = cache.get(key)
    if value is None:
        cache.add(key, uuid.uuid4().hex, None)
        value = cache.get(key)
    return value


def bump(scope: str) -> None:
    """Makes stale everything cached under this scope's version."""
    cache.set(f"page-cache:version:{scope}", uuid.uuid4().hex, None)


def changed(scope: str) -> None:
    """Makes stale what is cached under this scope's version: now, and again once committed,
    since another process may read the old data under the new version in between."""
    bump(scope)
    transaction.on_commit(lambda: bump(scope))


def remembered(name: str, compute: Callable[[], Any], scope: str = CONTENT) -> Any:
    """`compute()`, kept in the cache until the content (or `scope`) changes."""
    key = f"page-cache:{name}:{version(scope)}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, settings.PORTAL_PAGE_CACHE_SECONDS or 60)
    return value


def restricted_sections() -> list[tuple[str, int]]:
    """(path, depth) of the pages under a view restriction, read once per content version
    rather than once per listing as Wagtail's `public()` does."""
    from wagtail.models import PageViewRestriction

    return remembered(
        "restricted",
        lambda: list(PageViewRestriction.objects.values_list("page__path", "page__depth")),
    )


def fragments(request) -> dict:
    """Context of the templates' cached fragments. A preview renders unsaved content: it
    neither reads nor fills the cache."""
    if getattr(request, "is_preview", False):
        return {"page_cache_seconds": 0, "page_cache_version": uuid.uuid4().hex}
    return {
        "page_cache_seconds": settings.PORTAL_PAGE_CACHE_SECONDS,
        "page_cache_version": SimpleLazyObject(version),
    }


def _changed(sender, update_fields=None, **kwargs) -> None:
    meta = sender._meta
    if meta.label == settings.AUTH_USER_MODEL:
        if update_fields is None or SHOWN_USER_FIELDS.intersection(update_fields):
            changed(DISCUSSIONS)
        return
    scope = SCOPES.get(meta.app_label)
    if scope and meta.label_lower not in UNWATCHED_MODELS:
        changed(scope)


def connect() -> None:
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_changed, dispatch_uid=f"page-cache-{id(signal)}")


def page_key(request, audience: str = "") -> str:
    """The cache key of the page at this address, for this audience, under the versions now."""
    address = (
        f"{version(CONTENT)}:{version(DISCUSSIONS)}:{audience}:"
        f"{request.get_host()}:{request.get_full_path()}"
    )
    return "page-cache:page:" + hashlib.sha256(address.encode()).hexdigest()


def plain(response) -> bool:
    """A complete page that says nothing of one visitor in its headers."""
    return (
        response.status_code == 200
        and not response.streaming
        and "private" not in response.get("Cache-Control", "")
    )


class PageCacheMiddleware:
    """What the page caches below share: GET requests outside SKIPPED_PREFIXES, from a visitor
    with no message to read, that `visitor_cacheable` accepts."""

    skipped_prefixes = SKIPPED_PREFIXES

    def __init__(self, get_response):
        self.get_response = get_response
        self.seconds = settings.PORTAL_PAGE_CACHE_SECONDS

    def cacheable(self, request) -> bool:
        return (
            self.seconds > 0
            and request.method == "GET"
            and "messages" not in request.COOKIES
            and not request.path.startswith(self.skipped_prefixes)
            and self.visitor_cacheable(request)
        )

    def visitor_cacheable(self, request) -> bool:
        raise NotImplementedError


class AnonymousPageCacheMiddleware(PageCacheMiddleware):
    """Whole pages for visitors without a session, before the session is even read."""

    def visitor_cacheable(self, request) -> bool:
        return settings.SESSION_COOKIE_NAME not in request.COOKIES

    def __call__(self, request):
        if not self.cacheable(request):
            return self.get_response(request)
        key = page_key(request)
        response = cache.get(key)
        if response is not None:
            return response
        response = self.get_response(request)
        if plain(response) and not response.cookies:
            cache.set(key, response, self.seconds)
        return response


# Where the account menu, the only part of a page that is one member's own, starts and ends.
ACCOUNT_MENU_START, ACCOUNT_MENU_END = "<!--compte-->", "<!--/compte-->"


class MemberPageCacheMiddleware(PageCacheMiddleware):
    """Pages for logged-in members, shared by the members of one audience.

    A page type says that its page is the same for every member who reads the same spaces
    (`request.shared_by_audience`, see `portal.models.PortalPage`): its content, and the
    discussions of those spaces. The page is then kept under the member's audience
    (`forums.permissions.audience`), and the account menu, with the member's unread count and
    the log-out form's CSRF token, is rendered again for each request. Nothing else of the
    member may be in the page: a page holding another form is not kept. A member with a message
    to read gets the page rendered, with the message.
    """

    skipped_prefixes = SKIPPED_PREFIXES + ("/espaces/", "/compte/", "/membres/")

    def visitor_cacheable(self, request) -> bool:
        return request.user.is_authenticated and "_messages" not in request.session

    def __call__(self, request):
        if not self.cacheable(request):
            return self.get_response(request)
        from forums.permissions import audience

        key = page_key(request, audience(request.user))
        cached = cache.get(key)
        if cached is not None:
            before, after, content_type = cached
            menu = render_to_string("includes/account_menu.html", request=request)
            return HttpResponse(before + menu + after, content_type=content_type)
        response = self.get_response(request)
        if getattr(request, "shared_by_audience", False) and plain(response):
            before, menu, after = self.split(response.content.decode(response.charset))
            if menu and "csrfmiddlewaretoken" not in before + after:
                cache.set(key, (before, after, response["Content-Type"]), self.seconds)
        return response

    @staticmethod
    def split(page: str) -> tuple[str, str, str]:
        """(what comes before the account menu, the menu, what comes after); no menu: ("", "",
        page)."""
        head, start, rest = page.partition(ACCOUNT_MENU_START)
        menu, end, tail = rest.partition(ACCOUNT_MENU_END)
        if not (start and end):
            return "", "", page
        return head + start, menu, end + tail
