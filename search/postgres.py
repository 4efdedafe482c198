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
  without reading a body. A search runs with plans that use the indexes (`PLANNED`), and
  without JIT compilation, which costs more than such a query.
- Ranking reads the body vector of every hit. Beyond BROAD hits, the hits are ranked by their
  title's match, then newest first (`IndexedQueryCompiler.ranked`). The hits are ranked in the
  statement that counts them (search/facets.py), from the documents it matched once.

Writing (`TitleNormsIndex`): Wagtail's index sets the title weights (`title_norm`, the average
title length over this one's) after every write by reading every entry twice, 80 ms per post
at full size; here the average is taken over the latest entries and only the entries written
are updated (a full rebuild still sets every entry from the exact average). The search
documents' entries are computed by PostgreSQL from their rows, in one statement per batch.

A phrase is matched by the pairs of consecutive words of a document's folded text, through
their own index (`SearchDocument.pairs`), not by its positions in the body vector: checking
positions reads every body that holds the phrase's words, and a phrase of common words
(`"projet de territoire"`) has tens of thousands of them (600 ms at full size). Its words are
then exact, as on SQLite and OpenSearch, where the phrase is matched on the same folded text.
"""

from concurrent.futures import ThreadPoolExecutor

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.search import SearchRank, SearchVectorField
from django.db import connection, connections
from django.db.models import Avg, F, Func, Q, TextField, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Length
from django.utils.encoding import force_str
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchRebuilder,
)
from modelsearch.backends.database.postgres.weights import get_weight
from modelsearch.index import AutocompleteField, SearchField
from modelsearch.query import And, Fuzzy, MatchAll, Not, Phrase
from modelsearch.utils import get_content_type_pk

from .models import SearchDocument


class IndexedQueryCompiler(PostgresSearchQueryCompiler):
    def search(self, config, start, stop, score_field=None, backend=None):
        plain = not isinstance(self.query, MatchAll | Fuzzy | Not)
        if self.fields is not None or not plain:
            return super().search(config, start, stop, score_field, backend)
        search_query = self.build_tsquery(self.query, config=config)
        rank = self._build_rank_expression(self.get_search_vectors(search_query), config)
        words, phrases = self.query, []
        if self.queryset.model is SearchDocument:
            words, phrases = split_phrases(self.query)
        queryset = self.queryset
        if phrases:
            queryset = queryset.alias(pairs_list=PAIRS).filter(
                pairs_list__contains=pairs_of(phrases)
            )
        if words is not None:
            words_query = self.build_tsquery(words, config=config)
            matched = Q(index_entries__body=words_query)
            if not excludes(words):
                matched |= Q(index_entries__title=words_query)
            queryset = queryset.filter(matched)
        return self._apply_ordering_and_scoring(queryset, rank, start, stop, score_field)

    def _apply_ordering_and_scoring(self, queryset, rank, start, stop, score_field=None):
        """Ranked, a document titled exactly as the query first (the search engine's
        `exact_title` annotation): no query of its own."""
        first = [F("exact_title").desc()] if "exact_title" in queryset.query.annotations else []
        return queryset.order_by(*first, rank.desc(), "-pk")[start:stop]


# The search documents' word pairs as the array that their index holds (search/migrations/0007)
PAIRS = Func(
    F("pairs"), Value(" "), function="string_to_array", output_field=ArrayField(TextField())
)


def split_phrases(query) -> tuple[object | None, list]:
    """(the query without its phrases, or None when it has nothing else; its phrases). A
    phrase is one of the query's top `And` (search/query.py)."""
    if isinstance(query, Phrase):
        return None, [query]
    if not isinstance(query, And):
        return query, []
    rest, phrases = [], []
    for part in query.subqueries:
        kept, found = split_phrases(part)
        rest += [] if kept is None else [kept]
        phrases += found
    return (And(rest) if len(rest) > 1 else next(iter(rest), None)), phrases


def pairs_of(phrases) -> list[str]:
    """The word pairs that a document holding every phrase holds (as search.build writes
    them): for two words, the phrase exactly; for more, each two of them in their order."""
    found = {}
    for phrase in phrases:
        words = phrase.query_string.split()
        found |= dict.fromkeys(f"{a}_{b}" for a, b in zip(words, words[1:], strict=False))
    return list(found)


def excludes(query) -> bool:
    return isinstance(query, Not) or any(map(excludes, getattr(query, "subqueries", ())))


class TitleNormsIndex(PostgresIndex):
    SAMPLE = 2000  # latest entries whose average title length weighs a new entry's title
    writes_from_columns = (SearchDocument,)  # only their ids are read to index them
    writers = None  # during a full rebuild (ParallelRebuilder)

    def add_items(self, model, objs):
        objs = list(objs)
        if not objs:
            return
        if model is SearchDocument and self.writers:
            pks = [obj.pk for obj in objs]
            self.written.append(self.writers.submit(self._write_apart, model, pks))
            return  # weighed at the rebuild's end
        if model is SearchDocument:
            self._add_from_columns(model, [obj.pk for obj in objs], self.write_connection)
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

    def _write_apart(self, model, pks) -> None:
        """A rebuild's writer thread: its own connection, closed after each batch."""
        writer = connections[self.write_connection.alias]
        try:
            self._add_from_columns(model, pks, writer)
        finally:
            writer.close()

    def _add_from_columns(self, model, pks, writer) -> None:
        """Wagtail's index entries of objects whose searched text is their own columns (the
        search documents), written by one INSERT … SELECT from their rows: the same vectors
        and texts as Wagtail's `add_items`, without building four expressions per object in
        Python (half the time of `update_index`)."""
        columns = {"title": [], "body": [], "autocomplete": []}
        for field in model.get_search_fields():
            column = writer.ops.quote_name(model._meta.get_field(field.field_name).column)
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
        with writer.cursor() as cursor:
            cursor.execute(sql, [get_content_type_pk(model), pks])

    def _refresh_title_norms(self, full=False):
        """Only a rebuild's (full); `add_items` weighs what it writes."""
        if full:
            super()._refresh_title_norms(full=True)


class ParallelRebuilder(PostgresSearchRebuilder):
    """A full rebuild (`update_index`), outside a transaction: the search documents' entries
    are written by WRITERS connections at once, PostgreSQL computing their vectors on as many
    cores, and their title weights are set once, at the end. Inside a transaction (the
    tests'), other connections would not see its rows: one connection writes them."""

    WRITERS = 2

    def start(self):
        index = super().start()
        if not index.write_connection.in_atomic_block:
            index.writers, index.written = ThreadPoolExecutor(self.WRITERS), []
        return index

    def finish(self):
        writers, self.index.writers = self.index.writers, None
        if writers:
            writers.shutdown(wait=True)
            for done in self.index.written:
                done.result()  # a writer's error stops the rebuild here
        super().finish()


class IndexedPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = IndexedQueryCompiler
    index_class = TitleNormsIndex
    rebuilder_class = ParallelRebuilder
    ranks_exact_titles = True
    BROAD = 1000  # hits beyond which the title ranks them
    # Sent before the statement of a search's counts and hits, in its round trip: plans that
    # read the full-text indexes, for that statement's implicit transaction only.
    PLANNED = "SELECT " + ", ".join(
        f"set_config('{name}', 'off', true)"
        for name in (
            "enable_seqscan",
            "enable_indexscan",
            "enable_nestloop",
            "enable_incremental_sort",
            "jit",
        )
    )

    # What the documents matched without a chosen filter left out carry for their ranking
    RANKED_VALUES = {
        "exact_key": F("title_key"),
        "published": F("date"),
        "entry_id": F("index_entries__id"),
        "entry_title": F("index_entries__title"),
        "entry_norm": F("index_entries__title_norm"),
    }

    def ranked(self, query, key: str, matched: str, limit: int) -> tuple[str, list]:
        """The SQL of the ids of the first `limit` documents of `matched` (a table of the
        statement, search/facets.py, with RANKED_VALUES), ranked: a title whose key is `key`
        first; then, beyond BROAD of them, by their title's match and newest first (a word
        that nearly every document holds says little of which is about it, and its title says
        most), else by their title's and their body's match (only then is a body read)."""
        compiler = self.query_compiler_class(SearchDocument.objects.all(), query)
        tsquery = compiler.build_tsquery(query, config=compiler.get_config(self))

        def rank(vector: str) -> tuple[str, list]:
            vector = RawSQL(vector, (), output_field=SearchVectorField())  # noqa: S611
            return _compiled(SearchRank(vector, tsquery, weights=compiler.sql_weights))

        title, title_params = rank("m.entry_title")
        table = IndexEntry._meta.db_table
        body, body_params = rank(f"(SELECT e.body FROM {table} e WHERE e.id = m.entry_id)")  # noqa: S608
        many = f"(SELECT COUNT(*) FROM {matched}) > %s"  # noqa: S608 - a name of the statement
        sql = f"""SELECT m.id FROM {matched} m ORDER BY (m.exact_key = %s) IS TRUE DESC,
            CASE WHEN {many} THEN {title} * m.entry_norm
                ELSE {title} * m.entry_norm + {body} END DESC,
            CASE WHEN {many} THEN m.published END DESC NULLS LAST, m.id DESC LIMIT %s"""  # noqa: S608
        params = [key or None, self.BROAD, *title_params, *title_params, *body_params]
        return sql, [*params, self.BROAD, limit]


def _compiled(expression) -> tuple[str, list]:
    query = SearchDocument.objects.all().query
    return query.get_compiler(connection=connection).compile(expression.resolve_expression(query))


SearchBackend = IndexedPostgresSearchBackend
