"""Background retries of the OpenSearch index updates that failed (see search.backends)."""

from datetime import timedelta

from django.utils import timezone
from django_tasks import default_task_backend, task
from wagtail.search.backends import get_search_backend

RETRY_AFTER = timedelta(minutes=1)


@task()
def retry_index_updates() -> int:
    """Applies the kept index updates; while some remain (the cluster is still down), tries
    again later. Returns how many remain."""
    backend = get_search_backend()
    if not hasattr(backend, "retry_pending"):
        return 0
    remaining = backend.retry_pending()
    if remaining:
        schedule_retry()
    return remaining


def schedule_retry() -> None:
    """Enqueues a retry for later when the task backend can run one later (production's
    database queue). Otherwise the next successful index update retries them first, and
    `manage.py retry_index_updates` does it on demand."""
    if default_task_backend.supports_defer:
        retry_index_updates.using(run_after=timezone.now() + RETRY_AFTER).enqueue()
