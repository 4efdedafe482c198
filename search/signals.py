"""What keeps search up to date beyond Wagtail's own indexing."""

from django.db import transaction
from django.db.models.signals import post_save
from modelsearch import index
from wagtail.documents import get_document_model
from wagtail.signals import page_published

from .tasks import extract_document_text


def read_text_at_upload(instance, raw=False, **kwargs):
    if not raw:
        transaction.on_commit(lambda: extract_document_text.enqueue(instance.pk))


def index_once_published(instance, **kwargs):
    """A page is indexed when saved, before its child objects (attached documents, steps) are;
    once published, it is indexed again with them."""
    page = instance.specific
    transaction.on_commit(lambda: index.insert_or_update_object(page))


def connect():
    post_save.connect(read_text_at_upload, sender=get_document_model())
    page_published.connect(index_once_published)
