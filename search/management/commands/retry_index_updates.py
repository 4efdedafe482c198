from django.core.management.base import BaseCommand

from search.models import PendingIndexUpdate
from search.tasks import retry_index_updates


class Command(BaseCommand):
    help = "Applies the search index updates kept while OpenSearch was unavailable."

    def handle(self, *args, **options):
        before = PendingIndexUpdate.objects.count()
        remaining = retry_index_updates.call()
        self.stdout.write(
            f"{before - remaining} mise(s) à jour appliquée(s), {remaining} en attente."
        )
