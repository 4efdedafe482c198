"""`update_index`: the search documents written again from the pages and topics (with
progress), then Wagtail's rebuild of every index (on OpenSearch a new index behind the alias,
so searching never stops)."""

from wagtail.search.management.commands.update_index import Command as RebuildIndexes

from search import sync


class Command(RebuildIndexes):
    help = "Rebuilds the search documents, then every search index."

    def handle(self, **options):
        self.verbosity = options["verbosity"]
        if not options.get("schema_only"):
            total = sync.rebuild(progress=self.write)
            self.write(f"Search documents: {total} written")
        super().handle(**options)
