"""A cache of whole pages for anonymous visitors.

Only a visitor who sends no session and no message cookie is served from the cache, and only a
200 response that sets no cookie (no CSRF token, no session, no message) is stored, so nothing
of one visitor ever reaches another. Keys carry a version that any change to the site's content
or discussions replaces (`bump`, connected to the models' signals in `connect`), so a
publication or a new post shows at once; PORTAL_PAGE_CACHE_SECONDS bounds the rest (dates).

The cache must be shared by the server's processes for a bump to reach them all: the default
cache is a folder (CACHE_DIR) for that reason.
"""

import hashlib
import uuid
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

VERSION_KEY = "page-cache:version"
# Never cached: the admin, pages of one member, and search (it logs each query).
SKIPPED_PREFIXES = (
    "/admin/",
    "/django-admin/",
    "/recherche/",
    "/documents/",
    "/espaces/notifications/",
    "/espaces/moderation/",
)
# Models whose changes show on public pages: every model of these apps, but the ones below.
WATCHED_APPS = {"portal", "experiences", "resources", "forums", "wagtailcore", "wagtailimages"}
UNWATCHED_MODELS = {
    "forums.topicvisit",
    "forums.notification",
    "forums.notificationsettings",
    "forums.subscription",
}


def bump(**kwargs) -> None:
    """Makes every cached page stale."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def _version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, None)
        version = cache.get(VERSION_KEY)
    return version


def remembered(name: str, compute: Callable[[], Any]) -> Any:
    """`compute()`, kept in the cache until the content changes."""
    key = f"page-cache:{name}:{_version()}"
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


def _watched(sender) -> bool:
    meta = sender._meta
    return meta.app_label in WATCHED_APPS and meta.label_lower not in UNWATCHED_MODELS


def _changed(sender, **kwargs) -> None:
    if _watched(sender):
        # Now, and again once committed: another process may have read the old content
        # under the new version in between.
        bump()
        transaction.on_commit(bump)


def connect() -> None:
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_changed, dispatch_uid=f"page-cache-{signal}")


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.seconds = settings.PORTAL_PAGE_CACHE_SECONDS

    def cacheable(self, request) -> bool:
        return (
            self.seconds > 0
            and request.method == "GET"
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and "messages" not in request.COOKIES
            and not request.path.startswith(SKIPPED_PREFIXES)
        )

    def __call__(self, request):
        if not self.cacheable(request):
            return self.get_response(request)
        address = f"{_version()}:{request.get_host()}:{request.get_full_path()}"
        key = "page-cache:" + hashlib.sha256(address.encode()).hexdigest()
        response = cache.get(key)
        if response is not None:
            return response
        response = self.get_response(request)
        if (
            response.status_code == 200
            and not response.cookies
            and not response.streaming
            and "private" not in response.get("Cache-Control", "")
        ):
            cache.set(key, response, self.seconds)
        return response
