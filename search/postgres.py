"""Wagtail's PostgreSQL search backend, matching each indexed vector on its own.

Wagtail matches a query against the concatenation of an entry's title and body vectors, which
no index can serve: every search then reads every index entry of the model, seconds at a
national scale. Matching the title or the body, each through its GIN index, finds the same
objects here, because the body also carries the stems of the title (search/french.py). A
query that excludes words is matched on the body alone: the title lacking a word says nothing
of the body.

Two costs grow with the number of hits, and a common word matches nearly every document:
- PostgreSQL's planner does not count the reading of large vectors stored apart (TOAST): it
  prefers scanning every entry and testing its body over the GIN indexes, which answer
  without reading a body. A search runs with plans that use the indexes (`planned`), and
  without JIT compilation, which costs more than such a query.
- Ranking reads the body vector of every hit. Beyond BROAD hits (`search_broad`), the hits are
  ranked by their title's match, then newest first: a word that nearly every document holds
  says little of which is about it, and its title says most.

Writing (`TitleNormsIndex`): Wagtail's index sets the title weights (`title_norm`, the average
title length over this one's) after every write by reading every entry twice, 80 ms per post
at full size; here the average is taken over the latest entries and only the entries written
are updated (a full rebuild still sets every entry from the exact average). The search
documents' entries are computed by PostgreSQL from their rows, in one statement per batch.
"""

import contextlib

from django.db import connection
from django.db.models import Avg, F, Q
from django.db.models.functions import Length
from django.utils.encoding import force_str
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.backends.database.postgres.weights import get_weight
from modelsearch.index import AutocompleteField, SearchField
from modelsearch.query import Fuzzy, MatchAll, Not
from modelsearch.utils import get_content_type_pk

from .models import SearchDocument


class IndexedQueryCompiler(PostgresSearchQueryCompiler):
    THEN = ()  # what orders hits of the same rank

    def search(self, config, start, stop, score_field=None, backend=None):
        plain = not isinstance(self.query, MatchAll | Fuzzy | Not)
        if self.fields is not None or not plain:
            return super().search(config, start, stop, score_field, backend)
        search_query = self.build_tsquery(self.query, config=config)
        rank = self._build_rank_expression(self.get_search_vectors(search_query), config)
        matched = Q(index_entries__body=search_query)
        if not excludes(self.query):
            matched |= Q(index_entries__title=search_query)
        queryset = self.queryset.filter(matched)
        return self._apply_ordering_and_scoring(queryset, rank, start, stop, score_field)

    def _apply_ordering_and_scoring(self, queryset, rank, start, stop, score_field=None):
        """Ranked, a document titled exactly as the query first (the search engine's
        `exact_title` annotation): no query of its own."""
        first = [F("exact_title").desc()] if "exact_title" in queryset.query.annotations else []
        return queryset.order_by(*first, rank.desc(), *self.THEN, "-pk")[start:stop]


class TitlesFirstQueryCompiler(IndexedQueryCompiler):
    THEN = (F("date").desc(nulls_last=True),)

    def _build_rank_expression(self, vectors, config):
        title, norm = self.get_index_vectors(None)[0]
        return self.build_tsrank(title, self.query, config=config) * norm


def excludes(query) -> bool:
    return isinstance(query, Not) or any(map(excludes, getattr(query, "subqueries", ())))


class TitleNormsIndex(PostgresIndex):
    SAMPLE = 2000  # latest entries whose average title length weighs a new entry's title

    def add_items(self, model, objs):
        objs = list(objs)
        if not objs:
            return
        if model is SearchDocument:
            self._add_from_columns(model, objs)
        else:
            super().add_items(model, objs)
        titled = self.entries.annotate(title_length=Length("title")).filter(title_length__gt=0)
        latest = self.entries.order_by("-pk").values("pk")[: self.SAMPLE]
        average = titled.filter(pk__in=latest).aggregate(Avg("title_length"))["title_length__avg"]
        written = titled.filter(
            content_type_id=get_content_type_pk(model),
            object_id__in=[force_str(obj.pk) for obj in objs],
        )
        if average:
            written.update(title_norm=average / F("title_length"))

    def _add_from_columns(self, model, objs) -> None:
        """Wagtail's index entries of objects whose searched text is their own columns (the
        search documents), written by one INSERT … SELECT from their rows: the same vectors
        and texts as Wagtail's `add_items`, without building four expressions per object in
        Python (half the time of `update_index`)."""
        columns = {"title": [], "body": [], "autocomplete": []}
        for field in model.get_search_fields():
            column = self.write_connection.ops.quote_name(
                model._meta.get_field(field.field_name).column
            )
            if isinstance(field, AutocompleteField):
                columns["autocomplete"].append((column, self.backend.autocomplete_config, "D"))
            elif isinstance(field, SearchField):
                part = "title" if field.field_name == "title" else "body"
                columns[part].append((column, self.backend.config, get_weight(field.boost)))

        def vector(found):
            return (
                " || ".join(
                    f"setweight(to_tsvector('{config}'::regconfig, COALESCE({column}, '')),"
                    f" '{weight}')"
                    for column, config, weight in found
                )
                or "''::tsvector"
            )

        def text(found):
            return (
                "concat_ws(' ', "
                + ", ".join(
                    f"NULLIF(btrim({column}, E' \\t\\n\\r\\f\\013'), '')"
                    for column, _c, _w in found
                )
                + ")"
            )

        sql = f"""
            INSERT INTO {IndexEntry._meta.db_table}
                (content_type_id, object_id, title, autocomplete, body, title_norm, title_text,
                 body_text)
            SELECT %s, id::text, {vector(columns["title"])}, {vector(columns["autocomplete"])},
                {vector(columns["body"])}, 1.0, {text(columns["title"])}, {text(columns["body"])}
            FROM {model._meta.db_table} WHERE id = ANY(%s)
            ON CONFLICT (content_type_id, object_id)
            DO UPDATE SET title = EXCLUDED.title, title_norm = 1.0,
                autocomplete = EXCLUDED.autocomplete, body = EXCLUDED.body,
                title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text
        """  # noqa: S608 - names from the model, values as parameters
        with self.write_connection.cursor() as cursor:
            cursor.execute(sql, [get_content_type_pk(model), [obj.pk for obj in objs]])

    def _refresh_title_norms(self, full=False):
        """Only a rebuild's (full); `add_items` weighs what it writes."""
        if full:
            super()._refresh_title_norms(full=True)


class IndexedPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = IndexedQueryCompiler
    index_class = TitleNormsIndex
    ranks_exact_titles = True
    BROAD = 1000  # hits beyond which the title ranks them

    def search_broad(self, query, queryset):
        """`search`, for a query known to have more than BROAD hits."""
        return self._search(TitlesFirstQueryCompiler, query, queryset)

    @staticmethod
    @contextlib.contextmanager
    def planned():
        """The queries of one search, planned to read the full-text indexes (for this
        connection until they are done: a statement before, one after)."""
        settings = (
            "enable_seqscan",
            "enable_indexscan",
            "enable_nestloop",
            "enable_incremental_sort",
            "jit",
        )
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT " + ", ".join(f"set_config('{name}', 'off', false)" for name in settings)
            )
            reset = "; ".join(f"RESET {name}" for name in settings)
            try:
                yield
            except Exception:
                # In a transaction that failed, its rollback takes the settings back.
                if not connection.in_atomic_block:
                    cursor.execute(reset)
                raise
            cursor.execute(reset)


SearchBackend = IndexedPostgresSearchBackend
