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
"""

import contextlib

from django.db import connection
from django.db.models import F, Q
from modelsearch.backends.database.postgres.postgres import (
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.query import Fuzzy, MatchAll, Not


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


class IndexedPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = IndexedQueryCompiler
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
