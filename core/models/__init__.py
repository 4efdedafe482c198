"""The models every app builds on: the base page and the resource page, attached documents and
their text, the Territory taxonomy, and the mixins of indexed and typed text."""

from .documents import AttachedDocument, DocumentText
from .mixins import BidiControlsMixin
from .pages import (
    CARD_RENDITION,
    PortalPage,
    PortalPageManager,
    PortalPageQuerySet,
    among,
    live_lists,
    live_pages,
    with_card_images,
)
from .resources import LICENCE_URLS, REVIEW_INTERVAL, BaseResourcePage, Licence
from .territories import Territory, TerritoryKind

__all__ = [
    "CARD_RENDITION",
    "LICENCE_URLS",
    "REVIEW_INTERVAL",
    "AttachedDocument",
    "BaseResourcePage",
    "BidiControlsMixin",
    "DocumentText",
    "Licence",
    "PortalPage",
    "PortalPageManager",
    "PortalPageQuerySet",
    "Territory",
    "TerritoryKind",
    "among",
    "live_lists",
    "live_pages",
    "with_card_images",
]
