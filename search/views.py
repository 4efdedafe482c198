from django.core.paginator import Paginator
from django.shortcuts import render
from wagtail.models import Page, Site
from wagtail.search.utils import parse_query_string

PAGE_SIZE = 10
MAX_QUERY_LENGTH = 200


def search(request):
    """Full-text search over the pages a visitor may read.

    Rules: live pages only, without view restrictions, of the current site. The query is cut at
    MAX_QUERY_LENGTH characters and stripped of control characters, then parsed by Wagtail
    (words, and phrases in double quotes; an unclosed quote is closed), so that no input reaches
    the search backend as raw syntax.
    """
    query = clean_query(request.GET.get("q", ""))
    results = None
    if query:
        site = Site.find_for_request(request)
        pages = Page.objects.live().public().in_site(site).exclude(depth__lte=1).specific()
        _filters, parsed = parse_query_string(query, operator="and")
        results = Paginator(pages.search(parsed), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "search/search.html", {"query": query, "results": results})


def clean_query(raw: str) -> str:
    printable = "".join(char for char in raw if char.isprintable())
    return " ".join(printable.split())[:MAX_QUERY_LENGTH]
