"""The base of every page type of the portal, and the live pages of a many-to-many field."""

from django.db.models import Q
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


class PortalPageManager(PageManager):
    """The manager of our page types: `live().public()` costs no query of its own."""

    _queryset_class = PortalPageQuerySet


class PortalPage(BidiControlsMixin, Page):
    """The base of our page types.

    - `live().public()` costs no query of its own (PortalPageManager).
    - Serving a page outside every restricted section asks no query for its view restrictions.
    - A page is the same for every member of one audience: its content, and the discussions of
      the spaces they may read (`request.shared_by_audience`, read by the site's member page
      cache). A restricted page is not kept: Wagtail marks its response private.
    - Titles typed by editors lose the characters that reorder how they read.
    """

    bidi_controls_fields = ("title", "draft_title", "seo_title")

    objects = PortalPageManager()

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
        # Read by MemberPageCacheMiddleware: what is rendered with this context (and not, say,
        # a routable page's other views) is shared by the members of one audience.
        request.shared_by_audience = True
        return super().get_context(request, *args, **kwargs)


def live_pages(related_manager):
    """The live, public pages of a page's many-to-many field, in one query.

    Goes through primary keys so that it also works in previews, where modelcluster holds the
    unsaved choice in a fake queryset that knows nothing of `live()` or `public()`.
    """
    pages = PortalPageQuerySet(related_manager.model).live().public().order_by("path")
    return pages.filter(pk__in=related_manager.values_list("pk", flat=True))
