"""What search engines read first: `robots.txt` (what not to crawl) and `sitemap.xml` (the
public live pages, with their last publication).

Every absolute address is said with the host the request reached (one of ALLOWED_HOSTS) and its
scheme, as the canonical links of the pages say it (`core_tags.canonical_url`): the Wagtail
site's hostname may name another (the demo's is localhost on port 80)."""

from django.contrib.sitemaps import Sitemap as DjangoSitemap
from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from core import cache
from core.models import PortalPageQuerySet

# What crawlers are asked to leave alone: the administrations, the API (the pages' content again,
# in JSON, for programs), members' accounts and their pages, the search (one result page per
# query typed) and every address that writes in the discussions or is one member's ("*" is any
# run of characters, as crawlers read it).
DISALLOWED = (
    "/admin/",
    "/api/",  # for programs, which read the API's description, not robots.txt
    "/django-admin/",
    "/_util/",
    "/compte/",
    "/membres/",
    "/recherche/",
    "/espaces/notifications/",
    "/espaces/moderation/",
    "/espaces/discuter/",
    "/espaces/messages/",
    "/espaces/invitations/",
    "/espaces/*/membres/",
    "/espaces/*/mentions/",
    "/espaces/*/invitations/",
    "/espaces/*/nouveau-sujet/",
    "/espaces/*/rejoindre/",
    "/espaces/*/suivre/",
    "/espaces/*/suspendre/",
    "/espaces/*/repondre/",
    "/espaces/*/moderer/",
    "/espaces/*/deplacer/",
    "/espaces/*/reponse-acceptee/",
)


@require_GET
def robots_txt(request):
    cache.depends(cache.CONTENT)
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in DISALLOWED)]
    lines += ["", f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


class PageSitemap(Sitemap):
    """The live pages of the request's site that anyone may read (Wagtail's rule: no draft, no
    page under a view restriction, be it for members or for a group), with their last
    publication; in one query of the pages beside the site's and the restricted sections'."""

    def items(self):
        root = self.get_wagtail_site().root_page
        return (
            PortalPageQuerySet(Page)
            .descendant_of(root, inclusive=True)
            .live()
            .public()
            .order_by("path")
            .only("url_path", "path", "depth", "last_published_at", "latest_revision_created_at")
        )

    # Django's addresses (the request's scheme and host) rather than Wagtail's (the site's).
    _urls = DjangoSitemap._urls

    def location(self, page):
        return page.get_url(self.request)


@require_GET
def sitemap(request):
    cache.depends(cache.CONTENT)
    return django_sitemap(request, {"pages": PageSitemap(request)})
