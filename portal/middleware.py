from django.conf import settings
from django.http import Http404, QueryDict
from django.http.request import split_domain_port
from wagtail.models import Site

from core import cache


class PermissionsPolicyMiddleware:
    """Sends the Permissions-Policy header: the portal uses no camera, microphone, location…"""

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = settings.PERMISSIONS_POLICY

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.policy)
        return response


class NullCharacterMiddleware:
    """A NUL character has no meaning in an address, and PostgreSQL refuses it in any text it
    compares: removed from the query string's values (a search for "mot\0" is a search for
    "mot"); an address whose path holds one leads nowhere (404)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path:
            raise Http404
        if "%00" in request.META.get("QUERY_STRING", ""):
            cleaned = QueryDict(mutable=True)
            for key, values in request.GET.lists():
                cleaned.setlist(key.replace("\x00", ""), [v.replace("\x00", "") for v in values])
            cleaned._mutable = False
            request.GET = cleaned
        return self.get_response(request)


class CachedSiteMiddleware:
    """Wagtail's site of the request, with its home page, in one query (Wagtail's), kept in the
    cache until the content changes (a site is not an access rule)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        hostname = split_domain_port(request._get_raw_host())[0]
        request._wagtail_site = cache.remembered(
            f"site-{hostname}-{request.get_port()}", lambda: Site._find_for_request(request)
        )
        return self.get_response(request)
