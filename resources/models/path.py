"""The cooperation path ("le chemin"): the ordered thresholds a territory crosses."""

from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import BaseStreamBlock
from core.models import PortalPage, live_lists


class CooperationPathPage(PortalPage):
    """The path as a whole: its steps in order (the order of the page tree)."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["resources.StepPage"]
    max_count = 1

    class Meta:
        verbose_name = _("chemin de la coopération")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["steps"] = StepPage.objects.child_of(self).live().public().order_by("path")
        return context


class StepPage(PortalPage):
    """A threshold of the path; gathers every sheet, video and tool tagged with it.

    Its rank is its place among its siblings, so editors reorder steps in the page explorer.
    """

    summary = models.TextField(_("résumé"), max_length=400)
    body = StreamField(BaseStreamBlock(), verbose_name=_("contenu"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    parent_page_types = ["resources.CooperationPathPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("étape du chemin")
        verbose_name_plural = _("étapes du chemin")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Lazy: read in cached fragments, most requests never run them.
        lists = live_lists(
            steps=StepPage.objects.sibling_of(self),
            experiences=self.tagged_experiencesheetpage.select_related("territory"),
            videos=self.tagged_videopage.all(),
            tools=self.tagged_toolpage.all(),
        )
        context.update(lists=lists, place=SimpleLazyObject(lambda: self.place(lists["steps"])))
        return context

    def place(self, steps: list) -> dict:
        """The step's rank (None in a preview of an unpublished step) among `steps`, their count,
        and the steps before and after it."""
        ranks = {step.pk: number for number, step in enumerate(steps)}
        rank = ranks.get(self.pk)
        if rank is None:
            return {"rank": None, "count": len(steps)}
        return {
            "rank": rank + 1,
            "count": len(steps),
            "previous": steps[rank - 1] if rank > 0 else None,
            "next": steps[rank + 1] if rank + 1 < len(steps) else None,
        }
