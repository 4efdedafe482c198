"""The one cache helper: what readers see alike, kept until what it shows changes.

Values are kept under the versions of the scopes they depend on: the content version, which a
change of a page, a snippet or an image replaces, and the discussions version, which a change of
a space, a topic or a post replaces (the models' signals, `connect`). A publication or a new
post therefore shows at once. Values no version covers (what is remembered of one member) are
forgotten by name (`forget`). PORTAL_PAGE_CACHE_SECONDS bounds the life of everything kept
(dates); 0 turns the caches off: every value is computed each time and nothing is stored.

The cache must be shared by the server's processes for a new version to reach them all: the
default cache is a folder (CACHE_DIR) for that reason. The site shell's whole-page caches are
built on these versions; templates cache fragments with
`{% cache page_cache_seconds name page.pk page_cache_version %}` (`fragments`).
"""

import contextvars
import uuid
from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.functional import SimpleLazyObject
from wagtail.models import PageViewRestriction

CONTENT = "content"
DISCUSSIONS = "discussions"
Scope = str | tuple[str, ...] | None


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


def now_and_on_commit(action: Callable[[], None]) -> None:
    """Runs `action` now, and again once the transaction is committed: another process may
    read the old data and cache it again in between."""
    action()
    transaction.on_commit(action)


def changed(*scopes: str) -> None:
    """Makes stale what is cached under these scopes' versions, now and once committed."""
    now_and_on_commit(lambda: [bump(scope) for scope in scopes])


def seconds() -> int:
    """How long a value is kept: PORTAL_PAGE_CACHE_SECONDS; 0 (or less): not at all."""
    return max(settings.PORTAL_PAGE_CACHE_SECONDS, 0)


def key(name: str, scope: Scope = CONTENT) -> str:
    """The key of `name` under the versions of `scope` now (one scope, several, or None)."""
    scopes = () if scope is None else (scope,) if isinstance(scope, str) else scope
    return ":".join(["page-cache", name, *(version(each) for each in scopes)])


def remembered(name: str, compute: Callable[[], Any], scope: Scope = CONTENT) -> Any:
    """`compute()`, kept until `scope` changes (None: until `forget`), for `seconds()` at most.
    With the caches off, computed every time. A value of None is never kept."""
    if not seconds():
        return compute()
    full_key = key(name, scope)
    value = cache.get(full_key)
    if value is None:
        value = compute()
        cache.set(full_key, value, seconds())
    return value


def forget(names: Iterable[str], scope: Scope = None) -> None:
    """Drops what is remembered under `names` (and `scope`'s versions then), now and once
    committed."""
    names = list(names)
    now_and_on_commit(lambda: cache.delete_many([key(name, scope) for name in names]))


_memos: contextvars.ContextVar[dict | None] = contextvars.ContextVar("memos", default=None)


def memo(name: str, compute: Callable[[], Any]) -> Any:
    """`compute()` once per request (RequestMemoMiddleware), never shared with another request:
    what access rules read is asked here, not from the cache. Outside a request, computed every
    time."""
    memos = _memos.get()
    if memos is None:
        return compute()
    if name not in memos:
        memos[name] = compute()
    return memos[name]


def depends(*scopes: str) -> None:
    """Says that the response being built shows what these scopes cover (say "topic:12"): the
    site's whole-page cache may keep it for anonymous visitors, under their versions. A response
    that declared nothing is never kept whole."""
    memos = _memos.get()
    if memos is not None:
        memos.setdefault("depends", set()).update(scopes)


def dependencies() -> set[str]:
    """The scopes the response being built declared with `depends`."""
    memos = _memos.get()
    return set(memos.get("depends", ())) if memos is not None else set()


class RequestMemoMiddleware:
    """Gives each request its own `memo`, dropped when the response is ready."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _memos.set({})
        try:
            return self.get_response(request)
        finally:
            _memos.reset(token)


def restricted_sections() -> list[tuple[str, int]]:
    """(path, depth) of the pages under a view restriction, read once per request rather than
    once per listing as Wagtail's `public()` does."""
    return memo(
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


# What `connect` watches: which version a change of a model of these apps replaces, the models
# whose changes no cached page shows, and which version the user model's shown fields replace.
_watched: dict = {"scopes": {}, "unwatched": set(), "user_scope": None, "user_fields": set()}


def _changed(sender, update_fields=None, **kwargs) -> None:
    meta = sender._meta
    if meta.label == settings.AUTH_USER_MODEL:
        scope, fields = _watched["user_scope"], _watched["user_fields"]
        if scope and (update_fields is None or fields.intersection(update_fields)):
            changed(scope)
        return
    scope = _watched["scopes"].get(meta.app_label)
    if scope and meta.label_lower not in _watched["unwatched"]:
        changed(scope)


def connect(
    *,
    scopes: dict[str, str],
    unwatched: Iterable[str] = (),
    user_scope: str | None = None,
    user_fields: Iterable[str] = (),
) -> None:
    """Replaces a scope's version whenever a model of an app of `scopes` (app label: scope) is
    saved or deleted, except the models of `unwatched` ("app_label.model"); and `user_scope`'s
    when a user's `user_fields` change."""
    _watched.update(
        scopes=dict(scopes),
        unwatched=set(unwatched),
        user_scope=user_scope,
        user_fields=set(user_fields),
    )
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_changed, dispatch_uid=f"page-cache-{id(signal)}")
