from django.conf import settings
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
