"""`update_index`: the search documents written again from the pages and topics (with
progress), then Wagtail's rebuild of every index (on OpenSearch a new index behind the alias,
so searching never stops). On PostgreSQL the tables rewritten are vacuumed and analysed last:
with the statistics of the rows deleted, the planner reads every entry for a common word
(the first searches after a rebuild took 1 to 5 s at full size)."""

from django.db import connection
from wagtail.search.management.commands.update_index import Command as RebuildIndexes
from wagtail.search.models import IndexEntry

from search import sync
from search.models import SearchDocument


class Command(RebuildIndexes):
    help = "Rebuilds the search documents, then every search index."

    def handle(self, **options):
        self.verbosity = options["verbosity"]
        if not options.get("schema_only"):
            total = sync.rebuild(progress=self.write)
            self.write(f"Search documents: {total} written")
        super().handle(**options)
        if connection.vendor == "postgresql" and not connection.in_atomic_block:
            models = (SearchDocument, SearchDocument.steps.through, IndexEntry)
            tables = ", ".join(connection.ops.quote_name(m._meta.db_table) for m in models)
            with connection.cursor() as cursor:
                cursor.execute(f"VACUUM (ANALYZE) {tables}")
            self.write("Search tables vacuumed and analysed")
