"""What keeps the search documents up to date (search.sync): Wagtail's page signals (saved,
published, unpublished, moved; deletions follow by the documents' foreign keys), view
restrictions, uploaded documents and speakers, and the discussions' writes
(`forums.scopes.written`, sent by the services and by the admin's writes)."""

import threading

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.documents import get_document_model
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from forums import scopes
from resources.models import Expert, VideoPage

from . import sync
from .models import SearchDocument
from .tasks import extract_document_text


def read_text_at_upload(instance, raw=False, **kwargs):
    if not raw:
        transaction.on_commit(lambda: extract_document_text.enqueue(instance.pk))


def page_changed(instance, raw=False, **kwargs):
    """A page saved (its live fields) or published: its documents follow at once, so that
    what is found is what is served. Publishing refreshes again once the page's steps and
    attached documents are saved, after the page itself."""
    if not raw and isinstance(instance, Page) and instance.pk:
        sync.refresh_pages([instance.pk])


def unpublished(instance, **kwargs):
    """Unpublished, also just before a deletion (when the database still says live): its
    documents go, whatever the database says."""
    sync.store([], SearchDocument.objects.filter(page_id=instance.pk))


def page_moved(instance, **kwargs):
    sync.refresh_section(instance)


def restriction_changed(instance, raw=False, **kwargs):
    if not raw:
        page = Page.objects.filter(pk=instance.page_id).first()
        if page is not None:
            sync.refresh_section(page)


def speaker_changed(instance, raw=False, **kwargs):
    """A speaker's name, role and biography are in the text of their videos."""
    if not raw:
        videos = VideoPage.objects.filter(speakers=instance).values_list("pk", flat=True)
        sync.refresh_pages(videos)


# A service's writes refresh their documents in its own transaction: a database too busy for
# the documents refuses the whole write, which the member is asked to send again, rather than a
# write committed and reported as failed. Other writes (the admin's, row by row) are refreshed
# once the transaction commits, each topic or space once however many of its rows were written;
# a failure then is logged, and the next write or `update_index` catches up.
_pending = threading.local()


def discussions_written(sender, topic_id=None, space_id=None, **kwargs):
    if scopes.in_service():
        if space_id:
            sync.refresh_space(space_id)
        if topic_id:
            sync.refresh_topics([topic_id])
        return
    if not hasattr(_pending, "topics"):
        _pending.topics, _pending.spaces = set(), set()
    if topic_id:
        _pending.topics.add(topic_id)
    if space_id:
        _pending.spaces.add(space_id)
    transaction.on_commit(_flush, robust=True)


def _flush() -> None:
    topics, spaces = _pending.topics, _pending.spaces
    _pending.topics, _pending.spaces = set(), set()
    for space_id in sorted(spaces):
        sync.refresh_space(space_id)
    if topics:
        sync.refresh_topics(sorted(topics))


def connect():
    post_save.connect(read_text_at_upload, sender=get_document_model())
    post_save.connect(page_changed)
    page_published.connect(page_changed)
    page_unpublished.connect(unpublished)
    post_page_move.connect(page_moved)
    for signal in (post_save, post_delete):
        signal.connect(restriction_changed, sender=PageViewRestriction)
        signal.connect(speaker_changed, sender=Expert)
    post_delete.connect(sync.removed, sender=SearchDocument)
    scopes.written.connect(discussions_written, weak=False)
