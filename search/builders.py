"""Processes that build search documents for a full rebuild (search.sync.rebuild), so that
the documents are built on every core while the rebuild writes them.

A document's build is Python's work (folding, stemming, the text of StreamFields); writing
it is PostgreSQL's. Built one batch after another in the command's process, one core waited
for the other. Each process here is started afresh (`spawn`: no connection is inherited),
reads the database the rebuild names, and returns the batches it is given, built."""

import os


def start(name: str) -> None:
    """A builder's start: Django set up on the rebuild's own database (a test run's is not
    the settings' one)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    from django.conf import settings

    settings.DATABASES["default"]["NAME"] = name

    import django

    django.setup()


def build(batch: tuple, paths: list[str]) -> list:
    """The documents of a batch: (its source in search.sync.SOURCES, its ids, …)."""
    from . import sync

    return sync.built(batch[0], batch[1], paths)
