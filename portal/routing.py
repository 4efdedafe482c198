"""Wagtail's page serving, routed in one query.

Wagtail asks the tree one level of the URL at a time, then the page's own row, then the menu,
the footer, the breadcrumb and the view restrictions each in their own query. Here one query
finds the page of the URL with its ancestors (the breadcrumb), the home page's children shown
in the menu or the footer and the pages under a view restriction (the restricted sections that
the menu and every list leave out); a second one reads the page's own row (with its
`serve_select_related`). The rest is Wagtail's:
the deepest page found routes what is left of the URL (a routable page's own paths), only a
live page is served, the `before_serve_page` hooks check its view restrictions.
"""

from django.db.models import Exists, OuterRef, Q
from django.http import Http404, HttpResponse
from wagtail import hooks
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.url_routing import RouteResult
from wagtail.views import serve_chain

from core import cache

FOOTER_SLUGS = ["mentions-legales", "accessibilite", "donnees-personnelles", "a-propos"]


def serve(request, path):
    """Wagtail's `wagtail.views.serve`, with `route` below."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    page, args, kwargs = route(request, site.root_page, path)
    request._wagtail_route_for_request = RouteResult(page, args, kwargs)  # Wagtail's own memo
    on_serve = serve_chain
    for fn in reversed(hooks.get_hooks("on_serve_page")):
        on_serve = fn(on_serve)
    for fn in hooks.get_hooks("before_serve_page"):
        result = fn(page, request, args, kwargs)
        if isinstance(result, HttpResponse):
            return result
    return on_serve(page, request, args, kwargs)


def route(request, root: Page, path: str) -> RouteResult:
    components = [component for component in path.split("/") if component]
    prefixes = [
        root.url_path + "".join(f"{slug}/" for slug in components[:length])
        for length in range(len(components) + 1)
    ]
    pages = shell_pages(root, Q(url_path__in=prefixes, path__startswith=root.path))
    cache.memo("navigation", lambda: navigation_among(root, pages))  # the 404 page's too
    chain = [
        page for page in pages if page.url_path in prefixes and page.path.startswith(root.path)
    ]
    if not chain:
        raise Http404
    found = chain[-1]  # the deepest: in tree order, ancestors come first
    cache.memo(f"ancestors-{found.pk}", lambda: chain[:-1])
    rest = components[found.depth - root.depth :]
    model = found.specific_class or Page
    if rest and model.route is Page.route:
        raise Http404  # Wagtail would look for a child of that slug: none was found
    specific = (
        model._default_manager.select_related(*getattr(model, "serve_select_related", ()))
        .filter(pk=found.pk)
        .first()
    )
    if specific is None:
        raise Http404
    return specific.route(request, rest)


def shell_pages(root: Page, wanted: Q | None = None) -> list[Page]:
    """In one query, in tree order: the pages `wanted`, the root's live children that the menu or
    the footer may show, and the pages under a view restriction (of any site: the callers pick
    theirs by path), which are the request's restricted sections from then on
    (`cache.restricted_sections`)."""
    shell = Q(depth=root.depth + 1, path__startswith=root.path, live=True) & (
        Q(show_in_menus=True) | Q(slug__in=FOOTER_SLUGS)
    ) | Q(pk__in=PageViewRestriction.objects.values("page"))
    restrictions = PageViewRestriction.objects.filter(page=OuterRef("pk"))
    pages = list(
        Page.objects.filter(shell if wanted is None else wanted | shell)
        .annotate(restricted=Exists(restrictions))
        .order_by("path")
    )
    cache.restricted_sections([(page.path, page.depth) for page in pages if page.restricted])
    return pages


def navigation_among(root: Page, pages: list[Page]) -> dict:
    """{"menu": [public pages shown in menus], "footer": {slug: page}} among `pages`."""
    children = [
        page
        for page in pages
        if page.depth == root.depth + 1 and page.path.startswith(root.path) and page.live
    ]
    restricted = [path for path, _depth in cache.restricted_sections()]
    return {
        "menu": [
            page
            for page in children
            if page.show_in_menus and not any(page.path.startswith(path) for path in restricted)
        ],
        "footer": {page.slug: page for page in children if page.slug in FOOTER_SLUGS},
    }


def navigation(request) -> dict:
    """The menu and the footer's pages of the request's site: found by `route` when it served a
    page, else one query (which also reads the restricted sections)."""

    def find():
        site = Site.find_for_request(request)
        if site is None:
            return {"menu": [], "footer": {}}
        root = site.root_page
        return navigation_among(root, shell_pages(root))

    return cache.memo("navigation", find)
