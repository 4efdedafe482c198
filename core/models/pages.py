"""The base of every page type of the portal, and the live pages it lists."""

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import (
    BooleanField,
    CharField,
    Prefetch,
    Q,
    QuerySet,
    Value,
    prefetch_related_objects,
)
from django.db.models.expressions import RawSQL
from django.utils.functional import SimpleLazyObject
from wagtail.images import get_image_model
from wagtail.models import Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet

from .. import cache
from .mixins import BidiControlsMixin


class PortalPageQuerySet(PageQuerySet):
    def private_q(self):
        """Wagtail's rule (a restricted page and its descendants are private), with the
        restricted sections read from the cache instead of one query per `public()`."""
        q = Q()
        for path, depth in cache.restricted_sections():
            q |= Q(path__startswith=path, depth__gte=depth)
        return q if q else Q(pk__in=[])


def is_public(page) -> bool:
    """Whether `page` is live and outside every restricted section: `live().public()` asked of
    a page already read (a prefetched relation's), with no query of its own."""
    return page.live and not any(
        page.path.startswith(path) and page.depth >= depth
        for path, depth in cache.restricted_sections()
    )


class PortalPageManager(PageManager):
    """The manager of our page types: `live().public()` costs no query of its own."""

    _queryset_class = PortalPageQuerySet


class PortalPage(BidiControlsMixin, Page):
    """The base of our page types.

    - `live().public()` costs no query of its own (PortalPageManager).
    - Serving a page outside every restricted section asks no query for its view restrictions.
    - Its response shows the page (`page:<pk>`) and lists of pages (`content`): the anonymous
      whole-page cache keeps it under those versions (and every other one read to render it).
    - The routing fetches its row with `serve_select_related` (say the sheet's territory).
    - Titles typed by editors lose the characters that reorder how they read.
    """

    bidi_controls_fields = ("title", "draft_title", "seo_title")

    objects = PortalPageManager()
    serve_select_related: tuple[str, ...] = ()
    share_type = "website"  # OpenGraph's og:type (templates/includes/head_meta.html)

    class Meta:
        abstract = True

    def minimal_clean(self):
        # What Wagtail runs instead of clean() when an editor saves a draft.
        self.strip_bidi_controls()
        super().minimal_clean()

    def get_view_restrictions(self):
        sections = cache.restricted_sections()
        if not any(self.path.startswith(path) for path, _depth in sections):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def get_context(self, request, *args, **kwargs):
        if self.pk:
            cache.depends(f"page:{self.pk}", cache.CONTENT)
        return super().get_context(request, *args, **kwargs)


# The picture of a page's card (includes/card.html): 16:9, twice the width a card takes; one of
# the renditions made when an image is saved (core.renditions).
CARD_RENDITION = "fill-480x270"


def card_renditions(lookup: str = "renditions") -> Prefetch:
    """The prefetch of the cards' renditions of images (`lookup` from the images), which the
    `{% image %}` tag then finds without a query of its own."""
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec=CARD_RENDITION)
    return Prefetch(lookup, queryset=renditions, to_attr="prefetched_renditions")


def with_card_images(pages: QuerySet) -> QuerySet:
    """Pages of a type with an `image`, with their image and its card's rendition: one query
    more for the whole list, none when no page has an image."""
    return pages.select_related("image").prefetch_related(card_renditions("image__renditions"))


def _has_image(model) -> bool:
    return any(field.name == "image" and field.is_relation for field in model._meta.fields)


def live_pages(related_manager):
    """The live, public pages of a page's many-to-many field, in one query.

    Goes through primary keys so that it also works in previews, where modelcluster holds the
    unsaved choice in a fake queryset that knows nothing of `live()` or `public()`.
    """
    pages = PortalPageQuerySet(related_manager.model).live().public().order_by("path")
    return pages.filter(pk__in=related_manager.values_list("pk", flat=True))


def among(keys: QuerySet, model=Page):
    """A filter of rows of `model` whose key is among `keys` (a query of keys: a UNION, a
    slice). On PostgreSQL the keys are an ARRAY, computed first: over an IN, the planner may
    join every row to its relations before it looks at the few keys (a sheet's related lists
    at full size: 81 ms instead of 9)."""
    if connection.vendor != "postgresql" or not isinstance(keys, QuerySet):
        return Q(pk__in=keys)
    try:
        sql, params = keys.query.sql_with_params()
    except EmptyResultSet:  # keys that cannot be (a filter on no key at all)
        return Q(pk__in=[])
    quote = connection.ops.quote_name
    column = f"{quote(model._meta.db_table)}.{quote(model._meta.pk.column)}"
    return Q(RawSQL(f"{column} = ANY(ARRAY({sql}))", params, output_field=BooleanField()))  # noqa: S611


def live_lists(**lists: QuerySet) -> dict[str, list]:
    """Several lists of live, public pages in one query, each list of its own page type: {name:
    [specific pages]}, each list in its queryset's order; a list may be sliced ([:5]), or a
    plain list (kept as it is: nothing to list in a page being created). Lazy:
    nothing is asked until a list is read (most requests read them in a cached fragment).
    Several lists of one page type cost one query more: which list each page belongs to.

        live_lists(videos=live_pages(self.related_videos), similar=self.similar_sheets())
    """
    return SimpleLazyObject(lambda: _live_lists(lists))


def _live_lists(lists: dict[str, QuerySet]) -> dict[str, list]:
    links, joins, wanted = {}, [], []
    querysets = {name: each for name, each in lists.items() if isinstance(each, QuerySet)}
    for queryset in querysets.values():
        model = queryset.model
        # Page's reverse one-to-one to the page type: its row comes in the same query.
        link = model._meta.get_ancestor_link(Page).remote_field.get_accessor_name()
        links[model] = link
        related = queryset.query.select_related
        # select_related() without names is True: every relation, which the list cannot join.
        names = set(related) if isinstance(related, dict) else set()
        if _has_image(model):  # its cards show it
            names.add("image")
        joins += [link, *(f"{link}__{name}" for name in sorted(names))]
        # Each list's keys as a plain subquery (a sliced one cannot be a part of a UNION).
        wanted.append(Page.objects.filter(pk__in=queryset.values("pk")).values("pk").order_by())
    if not querysets:
        return dict(lists)
    members = None
    if len(links) < len(querysets):
        # Two lists of one page type: their keys, by list, first.
        named = [
            keys.annotate(list=Value(name, output_field=CharField())).values_list("pk", "list")
            for name, keys in zip(querysets, wanted, strict=True)
        ]
        members = {name: set() for name in querysets}
        for pk, name in named[0].union(*named[1:], all=True):
            members[name].add(pk)
        keys = sorted(set().union(*members.values()))
    elif len(wanted) > 1:
        keys = wanted[0].union(*wanted[1:], all=True)
    else:
        keys = wanted[0]
    pages = (
        PortalPageQuerySet(Page).filter(among(keys)).live().public().select_related(*joins)
    ).order_by("path")
    found = {model: [] for model in links}
    for page in pages:
        for model, link in links.items():
            specific = getattr(page, link, None)
            if specific is not None:
                found[model].append(specific)
                break
    listed = [page for pages_of_type in found.values() for page in pages_of_type]
    images = [page.image for page in listed if getattr(page, "image_id", None)]
    prefetch_related_objects(images, card_renditions())
    result = {name: each for name, each in lists.items() if name not in querysets}
    for name, queryset in querysets.items():
        items = found[queryset.model]
        if members is not None:
            items = [item for item in items if item.pk in members[name]]
        for field in reversed(queryset.query.order_by or ("path",)):
            attribute = field.lstrip("-")
            items = sorted(
                items,
                key=lambda item: (getattr(item, attribute) is not None, getattr(item, attribute)),
                reverse=field.startswith("-"),
            )
        result[name] = items
    return result
