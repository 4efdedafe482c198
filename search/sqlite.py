"""Wagtail's SQLite search backend, matching and ranking in one pass over the full-text index.

Wagtail's SQLite backend keeps the objects whose primary key is among the index entries
matched (`pk IN (…)`) and orders them by a subquery that matches the query again for each of
them: a common word, which nearly every document holds, took minutes at full size. Here the
documents searched are joined to their entries and to the FTS5 table, so SQLite reads the
matches once from the full-text index, each entry and document by its rowid, and ranks them by
BM25 as it goes: about 120 ms for a page of a common word's 14 000 hits at full size, 10 ms
for a rare word (it was minutes and seconds). The words of the FTS5 title column (the title as
written) weigh TITLE_WEIGHT times the body's (its folded text and stems, which the queries
search). Queries the join does not serve (only exclusions, chosen fields) are Wagtail's.

SQLite plans that join from its statistics: without them it drives from the index entries and
matches per entry (seconds). `update_index` therefore ends with ANALYZE. Each hit's filters and
title key are read from one index (`search_document_hits`), not from the row behind its long
text: that halves the cost of a common word.
"""

from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.backends.database.sqlite.sqlite import (
    IndexEntry,
    SQLiteAutocompleteQueryCompiler,
    SQLiteFTSIndexEntry,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks

TITLE_WEIGHT = 3.0


class JoinedSearch:
    """The compilers' `search` as one join of the documents, their entries and the FTS5
    table; an exact title first (the search engine's `exact_title` annotation)."""

    WEIGHTS = (0.0, 1.0, TITLE_WEIGHT)  # BM25's weights of the columns autocomplete, body, title

    def search(self, config, start, stop, score_field=None):
        query = normalize(self.query)
        if self.fields is not None or isinstance(query, MatchAll | Not):
            return super().search(config, start, stop, score_field)
        match = MatchExpression(self.FTS_TABLE_FIELDS, self.build_search_query(query, config))
        queryset = self.queryset
        compiler = queryset.query.get_compiler(queryset.db)
        _template, (matched,) = match.as_sql(compiler, compiler.connection)
        fts, entries = SQLiteFTSIndexEntry._meta.db_table, IndexEntry._meta.db_table
        model = queryset.model._meta
        kinds = get_descendants_content_types_pks(queryset.model)
        weights = ", ".join(map(str, self.WEIGHTS))
        score = score_field or "_score"
        queryset = queryset.extra(  # noqa: S610 - names from the models, values as parameters
            tables=[entries, fts],
            where=[
                f"{fts} MATCH %s",
                f"{fts}.rowid = {entries}.id",
                f"{entries}.content_type_id IN ({', '.join(['%s'] * len(kinds))})",
                f"{entries}.object_id = {model.db_table}.{model.pk.column}",
            ],
            params=[matched, *kinds],
            select={score: f"bm25({fts}, {weights})"},
        )
        if self.order_by_relevance:
            first = ["-exact_title"] if "exact_title" in queryset.query.annotations else []
            queryset = queryset.order_by(*first, score, "-pk")
        elif not queryset.query.order_by:
            queryset = queryset.order_by("-pk")
        return queryset[start:stop]


class JoinedQueryCompiler(JoinedSearch, SQLiteSearchQueryCompiler):
    pass


class JoinedAutocompleteQueryCompiler(JoinedSearch, SQLiteAutocompleteQueryCompiler):
    WEIGHTS = (1.0, 0.0, 0.0)


class JoinedSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = JoinedQueryCompiler
    autocomplete_query_compiler_class = JoinedAutocompleteQueryCompiler
    ranks_exact_titles = True


SearchBackend = JoinedSQLiteSearchBackend
