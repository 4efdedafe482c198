"""Wagtail's OpenSearch backend, made to lose nothing when the cluster is down or slow.

A failed index update is kept in the database (`PendingIndexUpdate`) and retried: at the next
successful update, by a background task when the task backend can run one later, and by
`manage.py retry_index_updates`. Publishing and reading never wait on a cluster known to be
down: after a failure the cluster is left alone for DOWN_SECONDS, and the search page answers
from the database backend meanwhile (see search.views).
"""

import functools
import logging

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.signals import setting_changed
from django.dispatch import receiver
from modelsearch import index
from modelsearch.backends import get_search_backend
from modelsearch.backends.elasticsearchbase import Field
from modelsearch.backends.opensearch2 import (
    OpenSearch2SearchBackend,
    OpenSearch2SearchQueryCompiler,
)
from opensearchpy.exceptions import OpenSearchException

from .models import PendingIndexUpdate, SearchDocument
from .tasks import schedule_retry

logger = logging.getLogger(__name__)

DOWN_KEY = "search:opensearch-down"
DOWN_SECONDS = 30

# What a cluster that is down, slow or refusing raises.
UNAVAILABLE = (OpenSearchException,)


@functools.cache
def backend(name: str):
    """The search backend of that name, built once per process: Wagtail builds one for each
    search, which costs OpenSearch's about a millisecond (its client)."""
    return get_search_backend(name)


@receiver(setting_changed)
def _forget_backends(setting, **kwargs) -> None:
    if setting == "WAGTAILSEARCH_BACKENDS":
        backend.cache_clear()


def with_fallback(search):
    """`search(backend_name)` with the best backend answering: OpenSearch when configured and
    not known to be down, else the database. Returns (answer, degraded?)."""
    names = list(settings.WAGTAILSEARCH_BACKENDS)
    if len(names) > 1 and is_down():
        names = names[1:]
    for name in names[:-1]:
        try:
            return search(name), False
        except UNAVAILABLE:
            logger.warning("OpenSearch unavailable: searching the database instead")
            mark_down()
    return search(names[-1]), names[-1] != "default"


def is_down() -> bool:
    return bool(cache.get(DOWN_KEY))


def mark_down() -> None:
    cache.set(DOWN_KEY, True, DOWN_SECONDS)


class PhraseInTextQueryCompiler(OpenSearch2SearchQueryCompiler):
    """A search document's phrase is matched in its folded text only, as on the databases: the
    catch-all field also holds its stems, stop words left out, where "vornique zulmar" stands
    in "vornique et zulmar"."""

    def _compile_phrase_query(self, query, fields):
        if self.queryset.model is SearchDocument:
            text = next(f for f in SearchDocument.search_fields if f.field_name == "text")
            fields = [Field(self.mapping.get_field_column_name(text))]
        return super()._compile_phrase_query(query, fields)


class ResilientOpenSearchBackend(OpenSearch2SearchBackend):
    query_compiler_class = PhraseInTextQueryCompiler

    def __init__(self, params):
        # Tests read their own writes at once; production lets OpenSearch refresh every second.
        self.refresh_on_write = params.pop("REFRESH_ON_WRITE", False)
        super().__init__(params)

    def add(self, obj):
        self._write(obj, remove=False)

    def delete(self, obj):
        self._write(obj, remove=True)

    def _write(self, obj, remove: bool) -> None:
        if is_down():
            self._keep(obj)
            return
        try:
            self._apply(obj, remove)
        except UNAVAILABLE:
            logger.warning("OpenSearch unavailable: index update of %r kept for a retry", obj)
            mark_down()
            self._keep(obj)
            return
        if PendingIndexUpdate.objects.exists():
            self.retry_pending()

    def _apply(self, obj, remove: bool) -> None:
        if remove:
            super().delete(obj)
        else:
            super().add(obj)
        if self.refresh_on_write:
            self.get_index_for_model(type(obj)).refresh()

    def _keep(self, obj) -> None:
        _update, created = PendingIndexUpdate.objects.get_or_create(
            content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
        )
        if created and PendingIndexUpdate.objects.count() == 1:
            schedule_retry()  # one scheduled retry at a time: it reschedules itself

    def sync(self, model, pk) -> None:
        """Gives the index the object as it is now: indexed, or removed if it is gone."""
        current = model._default_manager.filter(pk=pk).first()
        indexed = current and index.get_indexed_instance(current)
        self._apply(indexed or model(pk=pk), remove=not indexed)

    def retry_pending(self, limit: int = 1000) -> int:
        """Applies the kept updates, oldest first; stops at the first failure. Returns how many
        are still pending."""
        pending = PendingIndexUpdate.objects.select_related("content_type").order_by("pk")
        for update in pending[:limit]:
            try:
                self.sync(update.content_type.model_class(), update.object_id)
            except UNAVAILABLE:
                mark_down()
                break
            update.delete()
        return PendingIndexUpdate.objects.count()


SearchBackend = ResilientOpenSearchBackend
