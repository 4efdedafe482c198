"""What a page's head says of it to search engines and to the sites it is shared on: its
canonical address, its OpenGraph and Twitter card, its schema.org data (JSON-LD).

Absolute addresses take the request's scheme and host (one of ALLOWED_HOSTS), as the sitemap
does (portal.discovery)."""

import json
import re

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from .core_tags import page_ancestors

register = template.Library()

SITE_NAME = "Bloc local"
PAGE_NUMBER = re.compile(r"[0-9]{1,6}")
# What may not appear as such inside a <script> element, whatever its type: "</script>" or
# "<!--" would end or change it (the escapes of Django's json_script).
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def absolute(request, url: str) -> str:
    """`url` (a path, or already absolute) with the request's scheme and host."""
    return request.build_absolute_uri(url) if request is not None and url else url


@register.simple_tag(takes_context=True)
def absolute_url(context, url: str) -> str:
    return absolute(context.get("request"), url)


@register.simple_tag(takes_context=True)
def canonical_url(context) -> str:
    """The address of what is shown, absolute, without its query (filters, a search, a
    tracker's tag), but for a page of a list beyond the first (`?page=3`), which shows other
    items: the view's `page_number` (a space's topics, a topic's replies), else the one a
    Wagtail page's list reads. Other views never read it (tests/fuzz.py lists what each reads)."""
    request = context.get("request")
    if request is None:
        return ""
    url = request.build_absolute_uri(request.path)
    number = context.get("page_number")
    if number is None and context.get("page") is not None:
        typed = request.GET.get("page", "")
        number = int(typed) if PAGE_NUMBER.fullmatch(typed) else None
    if number and number > 1:
        url += f"?page={number}"
    return url


@register.simple_tag(takes_context=True)
def share_title(context) -> str:
    """The title of a shared link: the view's (`meta_title`: a space's name, a topic's
    title), else the page's search title or title, else the site's name."""
    page = context.get("page")
    candidates = [
        context.get("meta_title"),
        *(getattr(page, name, "") for name in ("seo_title", "title")),
    ]
    return next((str(each) for each in candidates if each), SITE_NAME)


def json_ld(data) -> SafeString:
    """`data` as the content of a <script type="application/ld+json">: JSON that no text of it
    can close or change (no "<", ">" or "&" as such)."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))
    return mark_safe(text.translate(JSON_SCRIPT_ESCAPES))  # noqa: S308 - escaped above


def breadcrumb_list(page, request) -> dict:
    """The schema.org BreadcrumbList of `page`: its ancestors from the home page, then itself
    (as the visible breadcrumb, includes/breadcrumb.html)."""
    trail = [*page_ancestors(page), page]
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": _("Accueil") if each.depth == 2 else each.title,
                "item": absolute(request, each.get_url(request)),
            }
            for position, each in enumerate(trail, start=1)
        ],
    }


@register.simple_tag(takes_context=True)
def structured_data(context, picture=None) -> str:
    """The page's schema.org data in one <script type="application/ld+json">: what the page
    type says of itself (`structured_data(url_of=…, image=…)`: an Article, a VideoObject), and
    its BreadcrumbList below the home page. `picture`: the rendition of its shared image."""
    page = context.get("page")
    request = context.get("request")
    if page is None or request is None:
        return ""

    def url_of(url):
        return absolute(request, url)

    graph = []
    describe = getattr(page, "structured_data", None)
    if describe is not None:
        graph.append(describe(url_of=url_of, image=url_of(picture.url) if picture else ""))
    if page.depth > 2:
        graph.append(breadcrumb_list(page, request))
    if not graph:
        return ""
    data = {"@context": "https://schema.org", "@graph": graph}
    return format_html('<script type="application/ld+json">{}</script>', json_ld(data))
