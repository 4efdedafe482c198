"""Searching what a visitor may read: each kind of content narrowed by permissions and by the
chosen filters, the counts of every filter's values (facets), hits ranked across kinds, and the
database backend answering while OpenSearch is unavailable.

Filters (URL parameters): `type` (kind of content), `territoire`, `etape` (cooperation step),
`edition` (seminar edition) and `espace` (discussion space). Each value is counted given the
other chosen filters, so a count is what its link will show.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from experiences.models import ExperienceSheetPage
from forums import permissions
from forums.models import Topic
from portal.models import Territory
from resources.models import SeminarEditionPage, StepPage, ToolPage, VideoPage

from . import backends

MAX_RESULTS = 200  # per kind: deeper pages of results are not worth their cost

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
    private: object  # the Q of pages under a view restriction (one query, not one per kind)
    chosen: dict = field(default_factory=dict)  # filter -> key, or Territory, StepPage…
    unknown: list = field(default_factory=list)  # filters whose value was not understood


def scope_for(request) -> Scope:
    from wagtail.models import Site

    spaces = {space.pk: space for space in permissions.readable_spaces(request.user)}
    scope = Scope(
        site=Site.find_for_request(request),
        user=request.user,
        spaces=spaces,
        private=Page.objects.private_q(),
    )
    params = request.GET
    if params.get("type"):
        if params["type"] in APPLIES:
            scope.chosen["type"] = params["type"]
        else:
            scope.unknown.append("type")
    lookups = {
        "territoire": lambda value: Territory.objects.filter(pk=int(value)).first(),
        "etape": lambda value: StepPage.objects.live().public().filter(pk=int(value)).first(),
        "edition": lambda value: (
            SeminarEditionPage.objects.live().public().filter(pk=int(value)).first()
        ),
        "espace": lambda value: next(
            (space for space in spaces.values() if space.slug == value), None
        ),
    }
    for name, lookup in lookups.items():
        value = params.get(name, "")
        if not value:
            continue
        try:
            found = lookup(value)
        except (ValueError, OverflowError):
            found = None
        if found is None:
            scope.unknown.append(name)
        else:
            scope.chosen[name] = found
    return scope


def source(scope: Scope, key: str, model, without: str = ""):
    """The queryset of one kind under the chosen filters (but `without`), or None when a
    chosen filter rules this kind out."""
    chosen = {name: value for name, value in scope.chosen.items() if name != without}
    if chosen.get("type", key) != key:
        return None
    if any(name not in APPLIES[key] for name in chosen if name != "type"):
        return None
    if model == "topics":
        space_ids = [
            pk
            for pk, space in scope.spaces.items()
            if ("territoire" not in chosen or space.territory_id == chosen["territoire"].pk)
            and ("espace" not in chosen or pk == chosen["espace"].pk)
        ]
        return Topic.objects.filter(space_id__in=space_ids).select_related("space")
    if model is None:
        pages = Page.objects.live().exclude(scope.private).in_site(scope.site)
        return pages.exclude(depth__lte=1).not_type(*KIND_MODELS).specific()
    queryset = model.objects.live().exclude(scope.private).in_site(scope.site)
    if "territoire" in chosen:
        queryset = queryset.filter(territory_id=chosen["territoire"].pk)
    if "edition" in chosen:
        queryset = queryset.filter(edition_id=chosen["edition"].pk)
    if "etape" in chosen:
        # By path, not by id: the OpenSearch backend ignores a page type's filters on its id
        # (they reach it as the `page_ptr_id` column).
        tagged = model.objects.filter(steps=chosen["etape"]).values_list("path", flat=True)
        queryset = queryset.filter(path__in=list(tagged))
    return queryset


def sources(scope: Scope, without: str = "") -> dict:
    return {
        key: queryset
        for key, _label, model in KINDS
        if (queryset := source(scope, key, model, without)) is not None
    }


@dataclass
class Outcome:
    hits: list
    total: int
    facets: list  # (filter name, label, [(value, label, count, chosen?)])
    degraded: bool = False


def run(scope: Scope, parsed) -> Outcome:
    """Searches with the best backend available; an outcome from the database while
    OpenSearch is unavailable is marked degraded."""
    outcome, outcome.degraded = backends.with_fallback(lambda name: _run(scope, parsed, name))
    return outcome


def _run(scope: Scope, parsed, backend: str) -> Outcome:
    def search(queryset):
        return queryset.search(parsed, backend=backend)

    chosen = sources(scope)
    kind_counts = {key: search(qs).count() for key, qs in sources(scope, "type").items()}
    facets = [
        ("type", [(key, label, kind_counts[key]) for key, label, _m in KINDS if key in kind_counts])
    ]
    hits = MergedHits(
        {key: search(queryset) for key, queryset in chosen.items()},
        {key: min(kind_counts.get(key, 0), MAX_RESULTS) for key in chosen},
    )
    if any(kind_counts.values()) or set(scope.chosen) - {"type"}:
        facets += _facet_values(scope, search)  # (nothing anywhere: nothing to count)
    return Outcome(
        hits=hits,
        total=sum(kind_counts.get(key, 0) for key in chosen),
        facets=[
            (name, FILTER_LABELS[name], values)
            for name, values in facets
            if values or name in scope.chosen
        ],
    )


def _facet_values(scope: Scope, search) -> list:
    """The values of the territory, step, edition and space filters, with their counts."""

    def count(name: str, key: str, field_name: str) -> Counter:
        queryset = sources(scope, name).get(key)
        return Counter() if queryset is None else Counter(search(queryset).facet(field_name))

    territories = count("territoire", "fiches", "territory_id")
    for space_id, number in count("territoire", "discussions", "space_id").items():
        if space_id in scope.spaces and scope.spaces[space_id].territory_id:
            territories[scope.spaces[space_id].territory_id] += number
    steps = sum((count("etape", key, "steps") for key in ("fiches", "videos", "outils")), Counter())
    editions = count("edition", "videos", "edition_id")
    spaces = count("espace", "discussions", "space_id")
    named = [
        ("etape", StepPage.objects.live().order_by("path"), steps),
        ("territoire", Territory.objects.order_by("name"), territories),
        ("edition", SeminarEditionPage.objects.live().order_by("-year"), editions),
    ]
    facets = []
    for name, queryset, counts in named:
        counts = {pk: number for pk, number in counts.items() if pk and number}
        objects = queryset.filter(pk__in=counts) if counts else []
        facets.append((name, [(obj.pk, str(obj), counts[obj.pk]) for obj in objects]))
    facets.append(
        (
            "espace",
            [
                (space.slug, space.name, spaces[pk])
                for pk, space in sorted(scope.spaces.items(), key=lambda item: item[1].name)
                if spaces.get(pk)
            ],
        )
    )
    return facets


class MergedHits:
    """The hits of every kind searched, merged by their rank in their own list (relevance
    scores differ from one backend to another and cannot be compared directly), and fetched a
    page at a time: the order follows from the counts alone, so a page of results asks each
    kind for the slice it contributes, never for all its hits."""

    def __init__(self, results: dict, lengths: dict):
        self.results = results
        self.order = sorted(
            (number / length, position, key, number)
            for position, (key, length) in enumerate(lengths.items())
            for number in range(length)
        )

    def __len__(self):
        return len(self.order)

    def __getitem__(self, index: slice) -> list:
        wanted = self.order[index]
        numbers: dict[str, list[int]] = {}
        for _rank, _position, key, number in wanted:
            numbers.setdefault(key, []).append(number)
        fetched = {}
        for key, taken in numbers.items():
            first, last = min(taken), max(taken)
            for number, hit in enumerate(self.results[key][first : last + 1], start=first):
                fetched[key, number] = hit
        return [fetched[key, n] for _r, _p, key, n in wanted if (key, n) in fetched]
