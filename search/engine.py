"""Searching what a visitor may read: each kind of content narrowed by permissions and by the
chosen filters, the counts of every filter's values (facets), hits ranked across kinds, and the
database backend answering while OpenSearch is unavailable.

Filters (URL parameters): `type` (kind of content), `territoire`, `etape` (cooperation step),
`edition` (seminar edition) and `espace` (discussion space). Each value is counted given the
other chosen filters, so a count is what its link will show.
"""

import hashlib
from collections import Counter
from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site

from core import cache
from core.cache import CONTENT, DISCUSSIONS
from core.models import PortalPageQuerySet, Territory
from core.text import parse_number
from experiences.models import ExperienceSheetPage
from forums import permissions
from forums.models import Topic, Visibility
from resources.models import SeminarEditionPage, StepPage, ToolPage, VideoPage

from . import backends

PAGE_SIZE = 10
FACET_LIMIT = 10  # values shown for a filter with many (territories, spaces)
MAX_RESULTS = 200  # per kind: deeper pages of results are not worth their cost
SEARCHED = (CONTENT, DISCUSSIONS)  # what a search's counts and hits are kept until

# The "type" filter: key, label, page model (None: every other page; "topics": discussions).
KINDS = [
    ("fiches", _("Fiches expérience"), ExperienceSheetPage),
    ("videos", _("Vidéos"), VideoPage),
    ("outils", _("Outils"), ToolPage),
    ("pages", _("Autres pages"), None),
    ("discussions", _("Discussions"), "topics"),
]
KIND_MODELS = [model for _key, _label, model in KINDS if isinstance(model, type)]

# The filters each kind of content can meet (a kind that cannot meet a chosen filter is left out).
APPLIES = {
    "fiches": {"territoire", "etape"},
    "videos": {"etape", "edition"},
    "outils": {"etape"},
    "pages": set(),
    "discussions": {"territoire", "espace"},
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
    """What a visitor may search in, and the filters they chose."""

    site: object
    user: object
    spaces: dict  # readable space pk -> Space
    private: object  # the Q of the pages under a view restriction
    chosen: dict = field(default_factory=dict)  # filter -> key, or Territory, StepPage…
    unknown: list = field(default_factory=list)  # filters whose value was not understood
    step_paths: dict = field(default_factory=dict)  # page model -> paths of the chosen step's


def scope_for(request) -> Scope:
    spaces = cache.remembered(
        f"readable-spaces-{permissions.audience(request.user)}",
        lambda: {
            space.pk: space
            for space in permissions.readable_spaces(request.user).only(
                "name", "slug", "territory", "visibility"
            )
        },
        DISCUSSIONS,
    )
    scope = Scope(
        site=Site.find_for_request(request),
        user=request.user,
        spaces=spaces,
        private=PortalPageQuerySet(Page).private_q(),  # restricted sections from the cache
    )
    params = request.GET
    if params.get("type"):
        if params["type"] in APPLIES:
            scope.chosen["type"] = params["type"]
        else:
            scope.unknown.append("type")
    by_id = {
        "territoire": Territory.objects.all(),
        "etape": StepPage.objects.live().public(),
        "edition": SeminarEditionPage.objects.live().public(),
    }
    for name in [*by_id, "espace"]:
        value = params.get(name, "")
        if not value:
            continue
        if name == "espace":
            found = next((space for space in spaces.values() if space.slug == value), None)
        else:
            pk = parse_number(value, minimum=1)
            found = by_id[name].filter(pk=pk).first() if pk else None
        if found is None:
            scope.unknown.append(name)
        else:
            scope.chosen[name] = found
    return scope


def applies(scope: Scope, key: str, without: str = "") -> bool:
    """Whether the chosen filters (but `without`) leave this kind in."""
    chosen = [name for name in scope.chosen if name != without]
    if "type" in chosen and scope.chosen["type"] != key:
        return False
    return all(name in APPLIES[key] for name in chosen if name != "type")


def source(scope: Scope, key: str, model, without: str = ""):
    """The queryset of one kind under the chosen filters (but `without`), or None when a
    chosen filter rules this kind out."""
    if not applies(scope, key, without):
        return None
    chosen = {name: value for name, value in scope.chosen.items() if name != without}
    if model == "topics":
        space_ids = [
            pk
            for pk, space in scope.spaces.items()
            if ("territoire" not in chosen or space.territory_id == chosen["territoire"].pk)
            and ("espace" not in chosen or pk == chosen["espace"].pk)
        ]
        return Topic.objects.filter(space_id__in=space_ids).select_related("space")
    if model is None:
        return pages(scope).not_type(*KIND_MODELS).specific()
    queryset = model.objects.live().exclude(scope.private).in_site(scope.site)
    if "territoire" in chosen:
        queryset = queryset.filter(territory_id=chosen["territoire"].pk)
    if "edition" in chosen:
        queryset = queryset.filter(edition_id=chosen["edition"].pk)
    if "etape" in chosen:
        # By path, not by id: the OpenSearch backend ignores a page type's filters on its id
        # (they reach it as the `page_ptr_id` column).
        if model not in scope.step_paths:
            tagged = model.objects.filter(steps=chosen["etape"]).values_list("path", flat=True)
            scope.step_paths[model] = list(tagged)
        queryset = queryset.filter(path__in=scope.step_paths[model])
    return queryset


def pages(scope: Scope):
    """The pages a visitor may find: live, not restricted, of the site, the root left out."""
    return Page.objects.live().exclude(scope.private).in_site(scope.site).exclude(depth__lte=1)


def sources(scope: Scope, without: str = "") -> dict:
    return {
        key: queryset
        for key, _label, model in KINDS
        if (queryset := source(scope, key, model, without)) is not None
    }


@dataclass
class Outcome:
    results: object  # the requested page of hits (a Django paginator page)
    total: int
    facets: list  # (filter name, label, [(value, label, count)])
    degraded: bool = False
    public_total: int = 0  # what an anonymous visitor would have found (see `public_total`)


def run(scope: Scope, query: str, parsed, page_number, present) -> Outcome:
    """Searches with the best backend available; an outcome from the database while
    OpenSearch is unavailable is marked degraded. `present(hits)` turns a page of hits into
    what the page shows of them (plain values, kept in the cache)."""
    outcome, outcome.degraded = backends.with_fallback(
        lambda name: _run(scope, query, parsed, page_number, present, name)
    )
    return outcome


def _run(scope: Scope, query: str, parsed, page_number, present, backend: str) -> Outcome:
    def search(queryset):
        return backends.backend(backend).search(parsed, queryset)

    cache_key = _cache_key(scope, query, backend)
    kind_counts, facets, topics_by_space = cache.remembered(
        cache_key, lambda: _count(scope, search), SEARCHED
    )
    models = {key: model for key, _label, model in KINDS if applies(scope, key)}
    total = sum(kind_counts.get(key, 0) for key in models)
    hits = MergedHits(
        lambda key: search(source(scope, key, models[key])),  # only for a page not in the cache
        {key: min(kind_counts.get(key, 0), MAX_RESULTS) for key in models},
        present=present,
        cache_key=cache_key,
    )
    return Outcome(
        results=Paginator(hits, PAGE_SIZE).get_page(page_number),  # fetched here, in the fallback
        total=total,
        public_total=public_total(scope, total, kind_counts, topics_by_space, models),
        facets=[
            (name, FILTER_LABELS[name], values)
            for name, values in facets
            if values or name in scope.chosen
        ],
    )


def public_total(scope: Scope, total: int, kind_counts: dict, topics_by_space, models) -> int:
    """How many results an anonymous visitor would have had for the same search: what the
    query log keeps, so that it never tells what the spaces of a few hold. Pages are searched
    alike for everyone (restricted ones for nobody); topics differ, and their count per space
    is already known from the space filter's counts, so no second search is run."""
    if not scope.user.is_authenticated or "discussions" not in models:
        return total
    chosen = scope.chosen.get("espace")
    public_topics = sum(
        number
        for pk, number in topics_by_space.items()
        if pk in scope.spaces
        and scope.spaces[pk].visibility == Visibility.PUBLIC
        and (chosen is None or pk == chosen.pk)
    )
    return total - kind_counts.get("discussions", 0) + public_topics


def _count(scope: Scope, search) -> tuple[dict, list, dict]:
    """How many hits each kind has, each value of each filter, and the topics found per
    space."""
    kind_counts = {key: search(qs).count() for key, qs in sources(scope, "type").items()}
    facets = [
        (
            "type",
            [(key, str(label), kind_counts[key]) for key, label, _m in KINDS if key in kind_counts],
        )
    ]
    counted: dict = {}
    if any(kind_counts.values()) or set(scope.chosen) - {"type"}:
        facets += _facet_values(scope, search, counted)  # (nothing anywhere: nothing to count)
    without = "espace" if "espace" in scope.chosen else ""
    return kind_counts, facets, dict(counted.get((without, "discussions", "space_id"), {}))


def _cache_key(scope: Scope, query: str, backend: str) -> str:
    """Everything a search's counts and hits depend on but the versions of the content and the
    discussions (SEARCHED, which core.cache adds): the query, the filters, what the visitor
    may read, the backend."""
    chosen = sorted((name, getattr(value, "pk", value)) for name, value in scope.chosen.items())
    address = repr((backend, query, chosen, sorted(scope.spaces), scope.site.pk))
    return f"search:v2:{hashlib.sha256(address.encode()).hexdigest()}"


def _facet_values(scope: Scope, search, counted: dict) -> list:
    """The values of the territory, step, edition and space filters, with their counts;
    `counted` keeps each count made, by (filter left out, kind, field)."""

    def count(name: str, key: str, field_name: str) -> Counter:
        # Without a filter, "all but this filter" is the same search for every filter: once.
        without = name if name in scope.chosen else ""
        if (without, key, field_name) not in counted:
            queryset = sources(scope, without).get(key)
            found = {} if queryset is None else search(queryset).facet(field_name)
            counted[without, key, field_name] = Counter(found)
        return counted[without, key, field_name]

    territories = Counter(count("territoire", "fiches", "territory_id"))
    for space_id, number in count("territoire", "discussions", "space_id").items():
        if space_id in scope.spaces and scope.spaces[space_id].territory_id:
            territories[scope.spaces[space_id].territory_id] += number
    steps = sum((count("etape", key, "steps") for key in ("fiches", "videos", "outils")), Counter())
    editions = count("edition", "videos", "edition_id")
    territories = _most_common(territories, scope, "territoire")
    spaces = _most_common(count("espace", "discussions", "space_id"), scope, "espace")
    return [
        ("etape", _named(StepPage.objects.live().order_by("path"), steps)),
        ("territoire", _named(Territory.objects.all(), territories, by_count=True)),
        ("edition", _named(SeminarEditionPage.objects.live().order_by("-year"), editions)),
        (
            "espace",
            [
                (scope.spaces[pk].slug, scope.spaces[pk].name, number)
                for pk, number in spaces.items()
                if pk in scope.spaces
            ],
        ),
    ]


def _most_common(counts: Counter, scope: Scope, name: str) -> dict:
    """The FACET_LIMIT values found most often, most frequent first, and the chosen one."""
    found = {pk: number for pk, number in counts.most_common() if pk and number}
    top = dict(list(found.items())[:FACET_LIMIT])
    chosen = scope.chosen.get(name)
    if chosen is not None and chosen.pk in found:
        top.setdefault(chosen.pk, found[chosen.pk])
    return top


def _named(queryset, counts: dict, by_count: bool = False) -> list:
    """(pk, name, count) of the objects counted, most frequent first or in the queryset's
    order."""
    counts = {pk: number for pk, number in counts.items() if pk and number}
    objects = {obj.pk: obj for obj in queryset.filter(pk__in=counts)} if counts else {}
    return [(pk, str(objects[pk]), counts[pk]) for pk in (counts if by_count else objects)]


class MergedHits:
    """The hits of every kind searched, merged by their rank in their own list (relevance
    scores differ from one backend to another and cannot be compared directly), and fetched a
    page at a time: the order follows from the counts alone, so a page of results asks each
    kind for the slice it contributes, never for all its hits. What a page shows of its hits
    is kept in the cache: the same page again costs no search and no query."""

    def __init__(self, search, lengths: dict, present, cache_key: str):
        """`search(kind)`: the search results of that kind; `lengths`: how many each has."""
        self.search, self.present, self.cache_key = search, present, cache_key
        self.order = sorted(
            (number / length, position, key, number)
            for position, (key, length) in enumerate(lengths.items())
            for number in range(length)
        )

    def __len__(self):
        return len(self.order)

    def __getitem__(self, index: slice) -> list:
        wanted = self.order[index]
        return cache.remembered(
            f"{self.cache_key}:{index.start}:{index.stop}",
            lambda: self.present(self._search(wanted)),
            SEARCHED,
        )

    def _search(self, wanted) -> list:
        numbers: dict[str, list[int]] = {}
        for _rank, _position, key, number in wanted:
            numbers.setdefault(key, []).append(number)
        fetched = {}
        for key, taken in numbers.items():
            first, last = min(taken), max(taken)
            for number, hit in enumerate(self.search(key)[first : last + 1], start=first):
                fetched[key, number] = hit
        return [fetched[key, n] for _r, _p, key, n in wanted if (key, n) in fetched]
