"""The one cache helper: what readers see alike, kept until what it shows changes.

Values are kept under the versions of the scopes they show (`key`, `remembered`): `content`
(lists of pages, menus, snippets, images), `page:<pk>` (one page), and the forums' own scopes
(`space:<pk>`, `topic:<pk>`, `discussions:<page pk>`…). A write replaces the versions of what
it changes (`changed`; `connect` for models, Wagtail's page signals for pages), so it shows at
once and empties nothing else. Nothing of one member is kept between requests, and access rules
are never read from the cache: `memo` keeps them for one request only.

Each request records the versions it reads and the scopes its response declares (`depends`):
the anonymous whole-page cache (portal.page_cache) keeps a response under exactly those and
serves it while they are all current. Fragments are cached with `{% cache %}` and
`{% wagtailpagecache %}`, which the settings point to core/templatetags/fragment_cache.py.

PORTAL_PAGE_CACHE_SECONDS bounds the life of everything kept (dates); 0 turns every cache off:
nothing is read or stored, not even a version. The cache must be shared by the server's
processes for a new version to reach them all: the default cache is a folder (CACHE_DIR), Redis
when REDIS_URL is set (core/redis_cache.py), shared by several hosts.
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
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from core import front_cache

CONTENT = "content"
DISCUSSIONS = "discussions"
Scope = str | tuple[str, ...] | None


def _version_key(scope: str) -> str:
    return f"page-cache:version:{scope}"


def version(scope: str = CONTENT) -> str:
    """The version of `scope` now, recorded as read by the request being served (`read`).
    With the caches off, a constant: nothing is read."""
    if not seconds():
        return "off"
    key = _version_key(scope)
    value = cache.get(key)
    if value is None:
        cache.add(key, uuid.uuid4().hex, None)
        # None: the cache is out of reach (core/redis_cache.py); a version of this read only,
        # that nothing kept can match.
        value = cache.get(key) or uuid.uuid4().hex
    memos = _memos.get()
    if memos is not None:
        # The first value read: what the response was built from.
        memos.setdefault("versions", {}).setdefault(scope, value)
    return value


def read() -> dict[str, str]:
    """{scope: version} of every version the request being served has read so far."""
    memos = _memos.get()
    return dict(memos.get("versions", {})) if memos is not None else {}


def current(versions: dict[str, str]) -> bool:
    """Whether every one of these {scope: version} is still the version now (one read)."""
    found = cache.get_many([_version_key(scope) for scope in versions])
    return all(found.get(_version_key(scope)) == value for scope, value in versions.items())


def bump(scope: str) -> None:
    """Makes stale everything cached under this scope's version."""
    cache.set(_version_key(scope), uuid.uuid4().hex, None)


def now_and_on_commit(action: Callable[[], None]) -> None:
    """Runs `action` now, and again once the transaction is committed: another process may
    read the old data and cache it again in between."""
    action()
    transaction.on_commit(action)


def changed(*scopes: str) -> None:
    """Makes stale what is cached under these scopes' versions, now and once committed, and
    the front cache's pages built from them once committed (core/front_cache.py). With the
    caches off, nothing is kept: nothing to make stale."""
    if seconds():
        now_and_on_commit(lambda: [bump(scope) for scope in scopes])
    if settings.PORTAL_FRONT_CACHE_URLS:
        # After the new versions: the page the front cache fetches again is rendered anew.
        transaction.on_commit(lambda: front_cache.ban(scopes))


def seconds() -> int:
    """How long a value is kept: PORTAL_PAGE_CACHE_SECONDS; 0 (or less): not at all."""
    return max(settings.PORTAL_PAGE_CACHE_SECONDS, 0)


def key(name: str, scope: Scope = CONTENT) -> str:
    """The key of `name` under the versions of `scope` now (one scope, several, or None)."""
    scopes = () if scope is None else (scope,) if isinstance(scope, str) else scope
    return ":".join(["page-cache", name, *(version(each) for each in scopes)])


def remembered(name: str, compute: Callable[[], Any], scope: Scope = CONTENT) -> Any:
    """`compute()`, kept until `scope` changes, for `seconds()` at most.
    With the caches off, computed every time. A value of None is never kept."""
    if not seconds():
        return compute()
    full_key = key(name, scope)
    value = cache.get(full_key)
    if value is None:
        value = compute()
        cache.set(full_key, value, seconds())
    return value


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
    site's whole-page cache may keep it for anonymous visitors, under their versions (read now,
    before what they cover). A response that declared nothing is never kept whole."""
    memos = _memos.get()
    if memos is not None:
        memos.setdefault("depends", set()).update(scopes)
        for scope in scopes:
            version(scope)


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


def restricted_sections(found: list | None = None) -> list[tuple[str, int]]:
    """(path, depth) of the pages under a view restriction, read once per request rather than
    once per listing as Wagtail's `public()` does. `found`: the sections as another query of
    the request read them (the menu's, portal/routing.py), kept unless they were read before."""
    if found is not None:
        return memo("restricted", lambda: found)
    return memo(
        "restricted",
        lambda: list(PageViewRestriction.objects.values_list("page__path", "page__depth")),
    )


def fragments(request) -> dict:
    """Context of the templates' cached fragments: how long they are kept, and the content
    version, read only by a fragment that is looked up (not with the caches off, nor in a
    preview, where the fragment tags render everything: see templatetags/fragment_cache.py)."""
    return {
        "page_cache_seconds": seconds(),
        "content_version": SimpleLazyObject(version),
    }


# What `connect` watches: which version a change of a model of these apps replaces, and the
# models whose changes no cached page shows.
_watched: dict = {"scopes": {}, "unwatched": set()}


def _changed(sender, **kwargs) -> None:
    meta = sender._meta
    scope = _watched["scopes"].get(meta.app_label)
    if scope and meta.label_lower not in _watched["unwatched"]:
        changed(scope)


def page_changed(instance, **kwargs) -> None:
    """A page published, unpublished, moved or deleted: its own version and the lists'."""
    if isinstance(instance, Page):
        changed(f"page:{instance.pk}", CONTENT)


def connect(*, scopes: dict[str, str], unwatched: Iterable[str] = ()) -> None:
    """Replaces a scope's version whenever a model of an app of `scopes` (app label: scope) is
    saved or deleted, except the models of `unwatched` ("app_label.model"); and a page's
    (`page:<pk>`) and the content's when it is published, unpublished, moved or deleted, from
    the admin or from code. Each call adds to what the previous ones watch."""
    _watched["scopes"].update(scopes)
    _watched["unwatched"].update(unwatched)
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_changed, dispatch_uid=f"page-cache-{id(signal)}")
    for signal in (page_published, page_unpublished, post_page_move, post_delete):
        signal.connect(page_changed, dispatch_uid=f"page-cache-page-{id(signal)}")
