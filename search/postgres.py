"""Wagtail's PostgreSQL search backend, matching each indexed vector on its own.

Wagtail matches a query against the concatenation of an entry's title and body vectors, which
no index can serve: every search then reads every index entry of the model, seconds at a
national scale. Matching the title or the body, each through its GIN index, finds the same
objects here, because the body also carries the stems of the title (search/french.py). A
query that excludes words is matched on the body alone: the title lacking a word says nothing
of the body.
"""

from django.db.models import Q
from modelsearch.backends.database.postgres.postgres import (
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.query import Fuzzy, MatchAll, Not


class IndexedQueryCompiler(PostgresSearchQueryCompiler):
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


def excludes(query) -> bool:
    return isinstance(query, Not) or any(map(excludes, getattr(query, "subqueries", ())))


class IndexedPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = IndexedQueryCompiler


SearchBackend = IndexedPostgresSearchBackend
