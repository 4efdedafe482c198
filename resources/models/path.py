"""The cooperation path ("le chemin"): the ordered thresholds a territory crosses."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core import cache
from core.blocks import BaseStreamBlock
from core.models import FrenchStemsMixin, PortalPage


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


class StepPage(FrenchStemsMixin, PortalPage):
    """A threshold of the path; gathers every sheet, video and tool tagged with it.

    Its rank is its place among its siblings, so editors reorder steps in the page explorer.
    """

    summary = models.TextField(_("résumé"), max_length=400)
    body = StreamField(BaseStreamBlock(), verbose_name=_("contenu"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("search_stems"),
    ]
    parent_page_types = ["resources.CooperationPathPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("étape du chemin")
        verbose_name_plural = _("étapes du chemin")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        steps = cache.remembered(
            f"steps-{self.path[: -self.steplen]}",
            lambda: list(self.get_siblings().live().public().order_by("path")),
        )
        ranks = {step.pk: number for number, step in enumerate(steps)}
        rank = ranks.get(self.pk)  # None in a preview of an unpublished step
        if rank is not None:
            context["previous_step"] = steps[rank - 1] if rank > 0 else None
            context["next_step"] = steps[rank + 1] if rank + 1 < len(steps) else None
        context.update(
            rank=None if rank is None else rank + 1,
            step_count=len(steps),
            experiences=self.tagged_experiencesheetpage.live().public().select_related("territory"),
            videos=self.tagged_videopage.live().public(),
            tools=self.tagged_toolpage.live().public(),
        )
        return context
