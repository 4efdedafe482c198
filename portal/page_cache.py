"""Whole pages from the cache: for anonymous visitors, and shared by the members of one
audience with their account menu rendered for each. Built on core.cache, whose versions the
tables below tell what to replace.

Only a visitor who sends no session and no message cookie is served a whole page from the
cache, and only a 200 response that sets no cookie (no CSRF token, no session, no message) is
stored, so nothing of one visitor ever reaches another. Members: see MemberPageCacheMiddleware.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.template.loader import render_to_string

from core.cache import CONTENT, DISCUSSIONS, version
from forums.permissions import audience

# Which version a change of a model of these apps replaces.
SCOPES = {
    "core": CONTENT,
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
    "core.documenttext",
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


def page_key(request, shared_by: str = "") -> str:
    """The cache key of the page at this address, for this audience, under the versions now."""
    address = (
        f"{version(CONTENT)}:{version(DISCUSSIONS)}:{shared_by}:"
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
    (`request.shared_by_audience`, see `core.models.PortalPage`): its content, and the
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
