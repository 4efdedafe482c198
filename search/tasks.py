"""Background work of search: the text of uploaded documents, and the retries of the
OpenSearch index updates that failed (see search.backends)."""

from datetime import timedelta

from django.utils import timezone
from django_tasks import default_task_backend, task
from wagtail.documents import get_document_model
from wagtail.search.backends import get_search_backend

from core.models import AttachedDocument, DocumentText

from . import sync
from .documents import extract_text

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


@task()
def extract_document_text(document_id: int) -> int:
    """Reads the text of a document and refreshes the search documents of the pages it is
    attached to. Returns the
    length of the text."""
    document = get_document_model().objects.filter(pk=document_id).first()
    if document is None:
        return 0
    try:
        with document.open_file() as file:
            text = extract_text(file, document.file_extension.lower())
    except OSError:  # the file is missing from storage
        text = ""
    DocumentText.objects.update_or_create(document=document, defaults={"text": text})
    page_ids = set()
    for link in AttachedDocument.__subclasses__():
        page_ids.update(link.objects.filter(document=document).values_list("page_id", flat=True))
    sync.refresh_pages(page_ids)
    return len(text)
