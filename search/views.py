from django.core.paginator import Paginator
from django.shortcuts import render
from wagtail.models import Page

PAGE_SIZE = 10
MAX_QUERY_LENGTH = 200


def search(request):
    """Full-text search over the pages a visitor may read.

    Rules: live pages only, without view restrictions, of the current site; the query is cut at
    MAX_QUERY_LENGTH characters and stripped of control characters, so no input causes an error.
    """
    query = clean_query(request.GET.get("q", ""))
    results = None
    if query:
        pages = Page.objects.live().public().in_site(request.site).exclude(depth__lte=1).specific()
        results = Paginator(pages.search(query), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "search/search.html", {"query": query, "results": results})


def clean_query(raw: str) -> str:
    printable = "".join(char for char in raw if char.isprintable())
    return " ".join(printable.split())[:MAX_QUERY_LENGTH]
