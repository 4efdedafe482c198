import difflib
import hashlib

from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.search.utils import normalise_query_string

from core import cache
from core.text import fold
from forums import permissions

from . import engine, vocabulary
from .models import Kind, Reach, SearchDocument, SearchLog
from .present import present
from .query import autocomplete_text, parse

MAX_QUERY_LENGTH = 200
SUGGESTIONS = 8


def search(request):
    """One search over what the visitor may read.

    Rules (search/engine.py): pages that are live and without view restrictions, the documents
    attached to them, topics and attachments of the spaces the visitor may read (a topic is
    found by its title and the text of its visible posts, never by hidden or deleted ones).
    The query is cut at MAX_QUERY_LENGTH characters, stripped of control characters and
    parsed into words and phrases in double quotes (search/query.py), so no input reaches the
    search backend as syntax; a query without a word searches nothing, and the page says so.
    Unknown filter values are ignored, and said so.
    """
    query = clean_query(request.GET.get("q", ""))
    scope = engine.scope_for(request)
    context = {
        "query": query,
        "scope": scope,
        "kind": scope.chosen.get("type", ("",))[0],
        "filter_params": [
            (name, request.GET[name]) for name in scope.chosen if name in request.GET
        ],
    }
    parsed = parse(query)
    context["no_words"] = bool(query) and parsed is None
    if parsed is not None:
        outcome, searched = find(request, scope, query, parsed)
        context.update(
            approximate=searched.approximate,
            results=outcome.results,
            outcome=outcome,
            facets=facet_links(request, scope, outcome.facets),
            promotions=promotions(normalise_query_string(query), scope)
            if scope.chosen.get("type", (None,))[0] not in (Kind.TOPIC, Kind.DOCUMENT)
            else [],  # promoted pages are neither
        )
        if not outcome.total:
            context.update(
                spelling=spelling(query), ask_spaces=permissions.postable_spaces(request.user)
            )
        if outcome.public_total or not outcome.total:
            # Kept with what anyone would have found; a search that found only what few may
            # read (a private space's topics) is left out: its words would tell them.
            SearchLog.objects.create(
                query=normalise_query_string(query)[:200], results=outcome.public_total
            )
    return render(request, "search/search.html", context)


def find(request, scope, query: str, parsed):
    """(outcome, query searched): all the words first; when they find nothing, most of them
    (`SearchQuery.relaxed`, "Résultats approchants" on the page)."""
    for searched, key in ((parsed, query), (parsed.relaxed(), f"~{query}")):
        if searched is None:
            break
        outcome = engine.run(
            scope,
            key,  # the typed query (its exact title ranks first); "~": the relaxed one's
            searched.to_wagtail(),
            request.GET.get("page"),
            present=lambda hits, searched=searched: present(hits, searched),
        )
        if outcome.total:
            return outcome, searched
    return outcome, parsed


def promotions(query: str, scope) -> list:
    """The pages editors promote for this query that the search itself may list to anyone
    (a live page under no view restriction: a public search document), so a promotion never
    shows the title of a page that a password or a log-in protects. That rule is the same for
    every visitor, so the list is kept in the cache until the content changes."""
    listed = SearchDocument.objects.filter(reach=Reach.PUBLIC).exclude(
        kind__in=[Kind.TOPIC, Kind.DOCUMENT]
    )
    return cache.remembered(
        f"promotions-{hashlib.sha256(query.encode()).hexdigest()}",
        lambda: list(
            SearchPromotion.objects.filter(
                query__query_string=query, page__in=listed.values("page_id")
            ).select_related("page")[:3]
        ),
    )


def suggest(request):
    """Titles starting with what is typed: JSON for the search box, a page without JavaScript."""
    query = clean_query(request.GET.get("q", ""))[:60]
    words = autocomplete_text(query)
    titles = (
        engine.suggestions(engine.reader(request), words, SUGGESTIONS) if len(words) >= 2 else []
    )
    if request.GET.get("format") == "json":
        return JsonResponse({"query": query, "suggestions": [title for title, _url in titles]})
    return render(request, "search/suggestions.html", {"query": query, "suggestions": titles})


def ask(request):
    """ "Ask the community" from a search that found nothing: the new topic form of the chosen
    space, with the query as its title."""
    query = clean_query(request.GET.get("q", ""))
    spaces = permissions.postable_spaces(request.user)
    space = next((space for space in spaces if space.slug == request.GET.get("espace")), None)
    if space is None:
        return redirect(f"{reverse('search:search')}?{urlencode({'q': query})}")
    url = reverse("forums:topic_create", args=[space.slug])
    return redirect(f"{url}?{urlencode({'titre': query})}")


def spelling(query: str) -> str:
    """The query with each unknown word replaced by the closest word of what anyone may find
    (the indexed vocabulary, search/vocabulary.py), or "" when no word was corrected."""
    known = vocabulary.words()
    words, changed = [], False
    for word in query.split():
        folded = fold(word)
        close = [] if folded in known else difflib.get_close_matches(folded, known, 1, 0.75)
        words.append(known[close[0]] if close else word)
        changed |= bool(close)
    return " ".join(words) if changed else ""


def facet_links(request, scope, facets) -> list[dict]:
    """Each filter's values as links to the same search with that value chosen (and back to
    the first page), the chosen one marked, and a link that takes the filter away."""

    def url(name, value=None):
        params = request.GET.copy()
        params.pop("page", None)
        params.pop(name, None)
        if value is not None:
            params[name] = value
        return f"?{params.urlencode()}"

    links = []
    for name, label, values in facets:
        current = request.GET.get(name) if name in scope.chosen else None
        links.append(
            {
                "name": name,
                "label": label,
                "clear": current is not None,
                "clear_url": url(name),
                "values": [
                    {
                        "label": value_label,
                        "count": count,
                        "url": url(name, value),
                        "current": str(value) == current,
                    }
                    for value, value_label, count in values
                ],
            }
        )
    return links


def clean_query(raw: str) -> str:
    printable = "".join(char for char in raw if char.isprintable())
    return " ".join(printable.split())[:MAX_QUERY_LENGTH]
