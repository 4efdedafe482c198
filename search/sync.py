"""Keeping the search documents (search.models.SearchDocument) equal to what they stand for.

`refresh_pages` and `refresh_topics` rebuild the documents of some pages or topics and write
to every search backend what changed: a document that no longer stands for anything readable
(an unpublished page, a deleted post's attachment) is deleted, and its deletion removes it from
the indexes (`removed`, connected in search.signals). `rebuild` writes every document again,
in bulk, for `update_index`.
"""

import logging
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from itertools import repeat

from django.db import connection, transaction
from wagtail.models import Page
from wagtail.search import index

from forums.models import Topic

from . import build, builders, vocabulary
from .models import SearchDocument

logger = logging.getLogger(__name__)
BATCH = 1000


def store(built: list[build.Built], stale) -> None:
    """Writes `built` over the documents of `stale` (a queryset): each built one created or
    updated and indexed, the others of `stale` deleted."""
    vocabulary.add(vocabulary.of(built))
    keys = {item.key for item in built}
    for gone in stale.exclude(key__in=keys):
        gone.delete()
    existing = {doc.key: doc for doc in SearchDocument.objects.filter(key__in=keys)}
    for item in built:
        doc = existing.get(item.key) or SearchDocument(key=item.key)
        for name, value in item.fields.items():
            setattr(doc, name, value)
        doc.save()
        doc.steps.set(item.steps)
        index.insert_or_update_object(doc)


def refresh_pages(page_ids) -> None:
    """The documents of these pages (their own and their attached documents') as the pages
    are now: a page not live any more, or deleted, keeps none."""
    page_ids = list(page_ids)
    store(
        build.pages(Page.objects.filter(pk__in=page_ids)),
        SearchDocument.objects.filter(page_id__in=page_ids),
    )


def refresh_section(page) -> None:
    """A page and everything under it: a move changes their URLs, a view restriction who may
    read them."""
    section = Page.objects.filter(path__startswith=page.path)
    for start in range(0, section.count(), BATCH):
        refresh_pages(section.order_by("path").values_list("pk", flat=True)[start : start + BATCH])


def refresh_topics(topic_ids) -> None:
    topic_ids = list(topic_ids)
    store(
        build.topics(Topic.objects.filter(pk__in=topic_ids)),
        SearchDocument.objects.filter(topic_id__in=topic_ids),
    )


def refresh_space(space_id: int) -> None:
    """A space's documents follow its name, visibility and opening."""
    topic_ids = list(Topic.objects.filter(space_id=space_id).values_list("pk", flat=True))
    for start in range(0, len(topic_ids), BATCH):
        refresh_topics(topic_ids[start : start + BATCH])
    store([], SearchDocument.objects.filter(space_id=space_id).exclude(topic_id__in=topic_ids))


def removed(instance, **kwargs) -> None:
    """A deleted document leaves every index (also when a page's or topic's deletion takes it
    with them)."""
    index.remove_object(instance)


# What a rebuild builds documents of, and how
SOURCES = {
    "pages": (lambda: Page.objects.live().filter(depth__gt=1), build.pages),
    "topics": (lambda: Topic.objects.all(), lambda queryset, _paths: build.topics(queryset)),
}
BUILDERS = 2  # processes building documents in a rebuild on PostgreSQL (search.builders)


def built(source: str, ids: list[int], paths: list[str]) -> list[build.Built]:
    queryset, builder = SOURCES[source]
    return builder(queryset().model.objects.filter(pk__in=ids), paths)


def rebuild(progress=logger.info) -> int:
    """Every search document written again from the pages and topics, in bulk (the indexes
    themselves are then rebuilt by `update_index`). Returns how many there are."""
    paths = build.restricted_paths()
    batches = []
    for source, (queryset, _builder) in SOURCES.items():
        ids = list(queryset().order_by("pk").values_list("pk", flat=True))
        batches += [
            (source, ids[start : start + BATCH], f"{min(start + BATCH, len(ids))}/{len(ids)}")
            for start in range(0, len(ids), BATCH)
        ]
    total = 0
    with _builders() as run, transaction.atomic():
        _clear()
        vocabulary.clear()
        for (source, _ids, done), documents in zip(batches, run(batches, paths), strict=True):
            total += _insert(documents)
            progress(f"Search documents: {done} {source}")
    return total


@contextmanager
def _builders():
    """A function building the batches' documents, in order: on PostgreSQL, outside a
    transaction, by BUILDERS processes while this one writes; else here, one after the other
    (processes would not see a transaction's rows, nor an in-memory SQLite database, and
    SQLite's one writer would wait for their reads)."""
    if connection.vendor != "postgresql" or connection.in_atomic_block or BUILDERS < 2:
        yield lambda batches, paths: (built(*batch[:2], paths) for batch in batches)
        return
    context = multiprocessing.get_context("spawn")
    name = connection.settings_dict["NAME"]
    with ProcessPoolExecutor(BUILDERS, mp_context=context, initializer=builders.start,
                             initargs=(name,)) as pool:  # fmt: skip
        yield lambda batches, paths: pool.map(builders.build, batches, repeat(paths))


def _clear() -> None:
    """Every document deleted without a signal per row: the indexes are rebuilt after."""
    through = SearchDocument.steps.through
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {connection.ops.quote_name(through._meta.db_table)}")  # noqa: S608
        cursor.execute(f"DELETE FROM {connection.ops.quote_name(SearchDocument._meta.db_table)}")  # noqa: S608


def _insert(built: list[build.Built]) -> int:
    vocabulary.add(vocabulary.of(built))
    docs = SearchDocument.objects.bulk_create(
        [SearchDocument(key=item.key, **item.fields) for item in built], batch_size=500
    )
    if connection.features.can_return_rows_from_bulk_insert:
        ids = [doc.pk for doc in docs]
    else:
        keys = [item.key for item in built]
        by_key = dict(SearchDocument.objects.filter(key__in=keys).values_list("key", "pk"))
        ids = [by_key[item.key] for item in built]
    SearchDocument.steps.through.objects.bulk_create(
        [
            SearchDocument.steps.through(searchdocument_id=pk, page_id=step)
            for pk, item in zip(ids, built, strict=True)
            for step in item.steps
        ],
        batch_size=1000,
    )
    return len(docs)
