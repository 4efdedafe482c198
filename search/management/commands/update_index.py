"""`update_index`: the search documents written again from the pages and topics (with
progress), then Wagtail's rebuild of every index (on OpenSearch a new index behind the alias,
so searching never stops). The tables rewritten are analysed last (and vacuumed on
PostgreSQL): with the statistics of the rows deleted, PostgreSQL's planner reads every entry
for a common word (the first searches after a rebuild took 1 to 5 s at full size), and SQLite
without statistics matches the query once per index entry (3 s instead of 6 ms)."""

from django.db import connection
from wagtail.search.backends import get_search_backend
from wagtail.search.management.commands.update_index import Command as RebuildIndexes
from wagtail.search.models import IndexEntry

from search import sync
from search.models import SearchDocument


class Command(RebuildIndexes):
    help = "Rebuilds the search documents, then every search index."

    def update_backend(self, backend_name, **options):
        index = get_search_backend(backend_name).get_index_for_model(SearchDocument)
        self.from_columns = getattr(index, "writes_from_columns", ())
        super().update_backend(backend_name, **options)

    def queryset_chunks(self, qs, chunk_size):
        """An index that writes a model's entries from its rows reads only their ids."""
        if qs.model in self.from_columns:
            qs = qs.only("pk")
        return super().queryset_chunks(qs, chunk_size)

    def handle(self, **options):
        self.verbosity = options["verbosity"]
        if not options.get("schema_only"):
            total = sync.rebuild(progress=self.write)
            self.write(f"Search documents: {total} written")
        super().handle(**options)
        if connection.vendor == "postgresql" and connection.in_atomic_block:
            return  # VACUUM runs outside transactions only
        models = (SearchDocument, SearchDocument.steps.through, IndexEntry)
        tables = [connection.ops.quote_name(m._meta.db_table) for m in models]
        if connection.vendor == "postgresql":
            statements = [f"VACUUM (ANALYZE) {', '.join(tables)}"]
        else:
            statements = [f"ANALYZE {table}" for table in tables]
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
        self.write("Search tables analysed")
