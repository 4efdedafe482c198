"""One search over the search documents (search.models.SearchDocument): what the reader may
read, under the filters they chose, ranked as one list by the backend, an exact title first.

A search is one query for every filter's counts (facets.py), the count being their sum, and
one for a page of hits, whatever the number of hits. On PostgreSQL the hits are ranked in the
statement of the counts, from the documents it matched (`backend.ranked`), and the page of
hits is then read by their ids. Permissions are filters on the documents: their
reach (public, members, a private space's members) and space, from `forums.permissions`.

Filters (URL parameters): `type` (kind), `territoire`, `etape` (cooperation step),
`edition` (seminar edition) and `espace` (discussion space). Each value is counted given the
other chosen filters, so a count is what its link will show.
"""

import hashlib
from dataclasses import dataclass, field
from functools import partial

from django.core.paginator import Paginator
from django.db.models import Case, Q, Value, When
from django.utils.translation import gettext_lazy as _

from core import cache
from core.cache import CONTENT, DISCUSSIONS
from core.models import Territory
from core.text import parse_number
from forums import permissions
from resources.models import SeminarEditionPage, StepPage

from . import backends, build, facets
from .models import Kind, Reach, SearchDocument

PAGE_SIZE = 10
MAX_RESULTS = 200  # deeper pages of results are not worth their cost
SEARCHED = (CONTENT, DISCUSSIONS)  # what a search's outcome is kept until
FILTERS = {  # URL parameter -> the document's field it filters
    "type": "kind",
    "territoire": "territory_id",
    "etape": "steps",
    "edition": "edition_id",
    "espace": "space_id",
}
FILTER_LABELS = {
    "type": _("Type de contenu"),
    "etape": _("Étape du chemin"),
    "territoire": _("Territoire"),
    "edition": _("Édition du séminaire"),
    "espace": _("Espace d'échange"),
}


@dataclass
class Scope:
    """Who searches (what they may read) and the filters they chose."""

    user: object
    visibilities: list  # the reaches read whatever the space
    private_spaces: list | None  # the private spaces read (None: all)
    chosen: dict = field(default_factory=dict)  # filter -> (value, object)
    unknown: list = field(default_factory=list)  # filters whose value was not understood
    # The documents tagged with the chosen step, read once: the backends filter a
    # many-to-many field only by the ids of what it holds.
    tagged: list = field(default_factory=list)

    def readable(self) -> Q:
        q = Q(reach__in=self.visibilities)
        if self.private_spaces:
            q |= Q(reach=Reach.PRIVATE, space_id__in=self.private_spaces)
        return q


def reader(request) -> Scope:
    """What the visitor may read, no filter chosen."""
    return Scope(request.user, *permissions.reading_rule(request.user))


def scope_for(request) -> Scope:
    scope = reader(request)
    params = request.GET
    # Made only for a filter chosen: `public()` reads the restricted sections.
    lookups = {
        "territoire": Territory.objects.all,
        "etape": lambda: StepPage.objects.live().public(),
        "edition": lambda: SeminarEditionPage.objects.live().public(),
    }
    for name in FILTERS:
        value = params.get(name, "")
        if not value:
            continue
        if name == "type":
            found = value if value in Kind.values else None
        elif name == "espace":
            found = permissions.readable_spaces(request.user).filter(slug=value[:100]).first()
        else:
            pk = parse_number(value, minimum=1)
            found = lookups[name]().filter(pk=pk).first() if pk else None
        if found is None:
            scope.unknown.append(name)
        else:
            scope.chosen[name] = (getattr(found, "pk", found), found)
    if "etape" in scope.chosen:
        through = SearchDocument.steps.through.objects
        step = scope.chosen["etape"][0]
        scope.tagged = list(
            through.filter(page_id=step).values_list("searchdocument_id", flat=True)
        )
    return scope


def documents(scope: Scope, without: str = ""):
    """The documents the reader may read, under the chosen filters but `without`."""
    queryset = SearchDocument.objects.filter(scope.readable())
    for name, (value, _obj) in scope.chosen.items():
        if name == "etape" and without != name:
            queryset = queryset.filter(id__in=scope.tagged)
        elif name != without:
            queryset = queryset.filter(**{FILTERS[name]: value})
    return queryset.defer("text", "stems", "pairs")


@dataclass
class Outcome:
    results: object  # the requested page of hits (a paginator page of what `present` made)
    total: int
    facets: list  # (filter name, label, [(value, label, count)])
    degraded: bool = False
    public_total: int = 0  # what an anonymous visitor would have found


def run(scope: Scope, query: str, wagtail_query, page_number, present) -> Outcome:
    """Searches with the best backend available; an outcome from the database while
    OpenSearch is unavailable is marked degraded. `present(hits)` turns a page of hits into
    what the page shows of them (plain values, kept in the cache)."""
    number = parse_number(str(page_number or "1"), minimum=1) or 1
    outcome, degraded = backends.with_fallback(
        lambda name: cache.remembered(
            _cache_key(scope, query, name, number),
            lambda: _run(scope, query, wagtail_query, number, name, present),
            SEARCHED,
        )
    )
    outcome.degraded = degraded
    return outcome


def _run(scope: Scope, query: str, wagtail_query, number: int, name: str, present) -> Outcome:
    backend = backends.backend(name)
    searched = documents(scope)
    if getattr(backend, "ranks_exact_titles", False):  # in its ranking, not apart
        exact, searched = [], searched.annotate(exact_title=exact_title(query))
    else:
        exact = exact_titles(scope, query)
    ranked = None
    if hasattr(backend, "ranked"):  # the hits ranked in the statement of the counts
        ranked = partial(backend.ranked, wagtail_query, build.title_key(query), limit=MAX_RESULTS)
    counted, ranked_ids = facets.count(backend, wagtail_query, scope, documents, ranked)
    # The count is the kinds' counts' sum (or the chosen kind's): no query of its own.
    kinds = {value: number for value, _label, number in dict(counted)["type"]}
    chosen = scope.chosen.get("type", (None,))[0]
    total = max(kinds.get(chosen, 0) if chosen else sum(kinds.values()), len(exact))
    if ranked_ids is not None:
        hits = ranked_ids[: min(total, MAX_RESULTS)]
    else:
        hits = RankedHits(backend.search(wagtail_query, searched), exact, min(total, MAX_RESULTS))
    # A paginator of numbers: what is kept in the cache holds plain values only.
    page = Paginator(range(len(hits)), PAGE_SIZE).get_page(number)
    shown = hits[page.start_index() - 1 : page.end_index()] if len(hits) else []
    if ranked_ids is not None:
        found = documents(scope).in_bulk(shown)
        shown = [found[pk] for pk in shown if pk in found]
    page.object_list = present(shown)
    public_total = total
    if scope.user.is_authenticated and total:
        public_total = _public_total(counted, total)
    return Outcome(
        results=page,
        total=total,
        public_total=public_total,
        facets=[
            (name, FILTER_LABELS[name], values)
            for name, values in counted
            if name in FILTER_LABELS and (values or name in scope.chosen)
        ],
    )


def _public_total(counted: list, total: int) -> int:
    """What an anonymous visitor would have found: the log keeps it, so that it never tells
    what the spaces of a few hold. Read from the reach facet, so no second search runs."""
    reaches = {
        value: number for name, values in counted if name == "reach" for value, _l, number in values
    }
    return min(reaches.get(Reach.PUBLIC, 0), total)


def exact_title(query: str):
    """1 for a document titled exactly as the query (accents and case aside), else 0."""
    key = build.title_key(query)
    return Case(When(title_key=key, then=1), default=0) if key else Value(0)


def exact_titles(scope: Scope, query: str) -> list:
    """The documents titled exactly as the query (accents and case aside): they rank first."""
    key = build.title_key(query)
    if not key:
        return []
    return list(documents(scope).filter(title_key=key)[:PAGE_SIZE])


class RankedHits:
    """The backend's ranked hits with the exact titles first, fetched a page at a time."""

    def __init__(self, results, exact: list, total: int):
        self.results, self.exact, self.total = results, exact, total
        self.exact_ids = {doc.pk for doc in exact}

    def __len__(self):
        return self.total

    def __getitem__(self, index: slice) -> list:
        start, stop = index.start or 0, index.stop or self.total
        shown = self.exact[start:stop]
        first = max(start - len(self.exact), 0)
        wanted = stop - start - len(shown)
        if wanted > 0:
            # The exact titles are among the ranked hits too: read that many more.
            fetched = self.results[first : first + wanted + len(self.exact)]
            shown += [doc for doc in fetched if doc.pk not in self.exact_ids][:wanted]
        return shown


def _cache_key(scope: Scope, query: str, backend: str, number: int) -> str:
    """Everything an outcome depends on but the versions of content and discussions: the
    query, the filters, what the reader may read, the backend, the page."""
    chosen = sorted((name, value) for name, (value, _obj) in scope.chosen.items())
    address = repr((backend, query, chosen, scope.visibilities, scope.private_spaces, number))
    return f"search:v3:{hashlib.sha256(address.encode()).hexdigest()}"


def suggestions(scope: Scope, words: str, limit: int) -> list:
    """Titles starting with what is typed, among what the reader may read, at most `limit`."""

    def complete(name: str) -> list:
        found = backends.backend(name).autocomplete(words, documents(scope))
        return [(doc.title, doc.url) for doc in found[:limit]]

    return backends.with_fallback(complete)[0]
