"""The counts of every filter's values among a search's hits, in one request: one SQL query
on the databases (the hits matched once, then grouped per filter by UNION ALL, each with its
label), one
search with an aggregation per filter on OpenSearch (then the labels of the values found).

Each filter is counted under the other chosen filters, not its own, so that a count is what
its link shows. `reach` is counted too, never shown: how many hits anyone may read (the
query log keeps that).
"""

import inspect

from django.db import connection
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from core.models import Territory
from forums.models import Space

from .models import Kind, SearchDocument

FACET_LIMIT = 10  # values shown for a filter with many (territories, spaces)
AGGREGATION_SIZE = 500  # OpenSearch returns the 10 most frequent values unless told otherwise
KIND_LABELS = {
    Kind.SHEET: _("Fiches expérience"),
    Kind.VIDEO: _("Vidéos"),
    Kind.TOOL: _("Outils"),
    Kind.STEP: _("Étapes du chemin"),
    Kind.PAGE: _("Autres pages"),
    Kind.TOPIC: _("Discussions"),
    Kind.DOCUMENT: _("Documents"),
}
# filter -> (document field, label field on the databases); a space is named in URLs by slug
TEXT_VALUES = {"type", "reach", "espace"}
FACETS = {
    "type": ("kind", None),
    "etape": ("steps", "steps__title"),
    "territoire": ("territory_id", "territory__name"),
    "edition": ("edition_id", "edition__title"),
    "espace": ("space__slug", "space__name"),
    "reach": ("reach", None),
}


def count(backend, query, scope, documents, ranked=None) -> tuple[list, list | None]:
    """([(filter, [(value, label, count)])], ranked ids) for the search of `query` by `scope`;
    `documents(scope, without)` are the documents searched without one chosen filter. The
    ids are those of the first hits, ranked in the same statement when the backend can
    (`ranked(matched)`: the ranked ids among the matched documents), else None."""

    def searched(without):
        return backend.search(query, documents(scope, without))

    ids = None
    if hasattr(backend, "es"):
        rows = _aggregated(lambda name: searched(name if name in scope.chosen else ""))
    else:
        rows, ids = _grouped(searched, scope, ranked, backend)
    counts: dict[str, list] = {name: [] for name in FACETS}
    for name, value, label, number in rows:
        if value not in (None, "") and number:
            counts[name].append((value, label, number))
    return [(name, _shown(name, values, scope)) for name, values in counts.items()], ids


def _shown(name: str, values: list, scope) -> list:
    """The kinds in their own order; other values most frequent first, FACET_LIMIT of them
    and the chosen one."""
    if name == "type":
        order = {kind: position for position, kind in enumerate(Kind.values)}
        return [
            (value, str(KIND_LABELS[value]), number)
            for value, _label, number in sorted(values, key=lambda row: order.get(row[0], 99))
            if value in KIND_LABELS
        ]
    if name == "reach":
        return values
    values = sorted(values, key=lambda row: (-row[2], str(row[1])))
    chosen = scope.chosen.get(name, (None, None))[0]
    if name == "espace" and chosen is not None:
        chosen = scope.chosen[name][1].slug
    return [
        row for position, row in enumerate(values) if position < FACET_LIMIT or row[0] == chosen
    ]


# The columns the databases group by, beside the steps: (filter, value, label)
GROUPED = [(name, field, label) for name, (field, label) in FACETS.items() if name != "etape"]


def _grouped(searched, scope, ranked, backend) -> tuple[list, list | None]:
    """The filters that leave out the same chosen filter (all of them when none is chosen)
    share one GROUP BY on all their columns, the steps (many to many) one of their own. Each
    group's documents are matched once (a materialised CTE that both read), grouped by their
    keys, then named; the hits (the group without a chosen filter left out) are ranked from
    the same CTE (`ranked`): one query, one full-text match without a chosen filter.
    The backend's PLANNED statement is sent before it, in the same round trip (the planner's
    settings)."""
    groups: dict[str, list[str]] = {}
    for name in FACETS:
        groups.setdefault(name if name in scope.chosen else "", []).append(name)
    ctes, params, branches = [], [], []  # branches: (SQL, its parameters)
    planned = getattr(backend, "PLANNED", "")
    for n, (without, names) in enumerate(groups.items()):
        extra = backend.RANKED_VALUES if not without and ranked is not None else {}
        matched = _matched(searched(without)).values("id", *KEYS, **extra)
        sql, found = matched.query.sql_with_params()
        ctes.append(f"m{n} AS MATERIALIZED ({sql})")
        params += found
        if set(names) - {"etape"}:
            branches.append((_named_groups(f"m{n}"), [f"{without}:"]))
        if "etape" in names:
            branches.append((_step_groups(f"m{n}"), [f"{without}:etape"]))
        if not without and ranked is not None:
            sql, found = ranked(f"m{n}")
            branches.append((_ranked_rows(sql), [RANKED, *found]))
    sql = "WITH " + ", ".join(ctes) + " " + " UNION ALL ".join(sql for sql, _p in branches)
    columns = [f for _n, field, label in GROUPED for f in (field, label) if f]
    with connection.cursor() as cursor:
        cursor.execute(
            f"{planned}; {sql}" if planned else sql,
            [*params, *(param for _sql, found in branches for param in found)],
        )
        if planned:
            cursor.nextset()
        rows = cursor.fetchall()
    found, ids = [], [] if ranked is not None else None
    for branch, *values, step, step_title, number in rows:
        if branch == RANKED:
            ids.append((number, step))
            continue
        without, _sep, steps = branch.partition(":")
        if steps:
            if step is not None:
                found.append(("etape", int(step), step_title, number))
            continue
        named = dict(zip(columns, values, strict=True))
        for name, field, label in GROUPED:
            if name in groups[without] and named[field] is not None:
                value = named[field] if name in TEXT_VALUES else int(named[field])
                found.append((name, value, named.get(label, ""), number))
    return _summed(found), ids and [pk for _position, pk in sorted(ids)]


RANKED = "ranked"  # the name of the branch of the ranked hits


def _ranked_rows(ranked: str) -> str:
    """The ranked hits' ids (in the step's column) and positions (in the count's)."""
    # The rows of an ordered subquery are numbered in its order.
    return f"""SELECT %s, {NOTHING}, h.id, CAST(NULL AS VARCHAR(255)), row_number() OVER ()
        FROM ({ranked}) h"""  # noqa: S608 - SQL of the ORM


# The documents' columns grouped (their labels are joined once grouped)
KEYS = ("kind", "territory_id", "edition_id", "space_id", "reach")


def _table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _named_groups(matched: str) -> str:
    """The counts of `matched` per kind, territory, edition, space and reach, with their labels,
    in GROUPED's order of columns; the branch's name is a parameter."""
    keys = ", ".join(KEYS)
    return f"""SELECT %s, g.kind, g.territory_id, t.name, g.edition_id, e.title, s.slug, s.name,
            g.reach, CAST(NULL AS INTEGER), CAST(NULL AS VARCHAR(255)), g.number
        FROM (SELECT {keys}, COUNT(*) AS number FROM {matched} GROUP BY {keys}) g
        LEFT JOIN {_table(Territory)} t ON t.id = g.territory_id
        LEFT JOIN {_table(Page)} e ON e.id = g.edition_id
        LEFT JOIN {_table(Space)} s ON s.id = g.space_id"""  # noqa: S608 - names from models


# The columns of _named_groups, empty, for the branches of other rows
_TEXT, _NUMBER = "CAST(NULL AS VARCHAR(255))", "CAST(NULL AS INTEGER)"
NOTHING = ", ".join([_TEXT, _NUMBER, _TEXT, _NUMBER, _TEXT, _TEXT, _TEXT, _TEXT])


def _step_groups(matched: str) -> str:
    """The counts of `matched` per step, with the step's title."""
    steps = _table(SearchDocument.steps.through)
    return f"""SELECT %s, {NOTHING}, g.page_id, p.title, g.number
        FROM (SELECT st.page_id, COUNT(*) AS number FROM {matched} m
            JOIN {steps} st ON st.searchdocument_id = m.id GROUP BY st.page_id) g
        JOIN {_table(Page)} p ON p.id = g.page_id"""  # noqa: S608 - names from models


def _summed(rows: list) -> list:
    """One row per filter and value: the GROUP BY of several columns counts a value in as
    many rows as it has neighbours."""
    counts: dict = {}
    for name, value, label, number in rows:
        key = (name, value)
        counts[key] = (label, counts.get(key, ("", 0))[1] + number)
    return [(name, value, label, number) for (name, value), (label, number) in counts.items()]


def _matched(results):
    """The documents a database backend's search matched, as a queryset without ordering."""
    compiler = results.query_compiler
    config = compiler.get_config(results.backend)
    if "backend" in inspect.signature(compiler.search).parameters:
        queryset = compiler.search(config, None, None, backend=results.backend)
    else:
        queryset = compiler.search(config, None, None)
    return queryset.order_by()


def _aggregated(searched) -> list:
    aggregations, results = {}, None
    for name, (field, _label) in FACETS.items():
        results = searched(name)
        compiler = results.query_compiler
        field = "space_id" if name == "espace" else field
        column = compiler.mapping.get_field_column_name(compiler._get_filterable_field(field))
        aggregations[name] = {
            "filter": compiler.get_query(),
            "aggregations": {"values": {"terms": {"field": column, "size": AGGREGATION_SIZE}}},
        }
    response = results._backend_do_search(
        {"query": {"match_all": {}}, "aggregations": aggregations},
        index=results.backend.get_index_for_model(SearchDocument).name,
        size=0,
    )
    found = {
        name: [
            (bucket["key"], bucket["doc_count"])
            for bucket in response["aggregations"][name]["values"]["buckets"]
        ]
        for name in FACETS
    }
    labels, spaces = _labels(found)
    # A space is named in URLs by its slug: the id counted becomes (slug, name).
    rows = [("espace", *spaces[pk], number) for pk, number in found.pop("espace") if pk in spaces]
    return rows + [
        (name, value, labels.get((name, value), ""), number)
        for name, values in found.items()
        for value, number in values
    ]


def _labels(found: dict) -> tuple[dict, dict]:
    """The names of the pages (steps, editions), territories and spaces counted, in one query:
    ({(filter, pk): label}, {space pk: (slug, name)})."""
    ids = {name: [value for value, _n in values] for name, values in found.items()}
    wanted = [
        ("page", Page, "''", "title", ids["etape"] + ids["edition"]),
        ("territoire", Territory, "''", "name", ids["territoire"]),
        ("espace", Space, "slug", "name", ids["espace"]),
    ]
    parts, params = [], []
    for source, model, slug, label, keys in wanted:
        keys = [int(key) for key in keys]
        if keys:
            marks = ", ".join(["%s"] * len(keys))
            # Names from the models, values as parameters.
            sql = f"SELECT %s, id, {slug}, {label} FROM {_table(model)} WHERE id IN ({marks})"  # noqa: S608
            parts.append(sql)
            params += [source, *keys]
    rows = []
    if parts:
        with connection.cursor() as cursor:
            cursor.execute(" UNION ALL ".join(parts), params)
            rows = cursor.fetchall()
    labels, spaces = {}, {}
    for source, pk, slug, label in rows:
        if source == "espace":
            spaces[pk] = (slug, label)
        for name in ("etape", "edition") if source == "page" else (source,):
            if pk in ids.get(name, ()):
                labels[(name, pk)] = label
    return labels, spaces
