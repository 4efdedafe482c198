"""The cooperation path ("le chemin"): the ordered thresholds a territory crosses."""

from django.db import models
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import BaseStreamBlock
from core.listing import KeysPaginator
from core.models import PortalPage, live_lists, with_card_images

from ..blocks import QuestionsBlock


class CooperationPathPage(PortalPage):
    """The path as a whole: its steps in order (the order of the page tree)."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    document_fields = [index.SearchField("intro")]
    api_fields = [APIField("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["resources.StepPage"]
    max_count = 1

    class Meta:
        verbose_name = _("chemin de la coopération")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["steps"] = StepPage.objects.child_of(self).live().public().order_by("path")
        return context


SHOWN = 6  # of each kind on the step's page; all of them on its list of that kind
LIST_SIZE = 12
# The step's lists: address, heading, the reverse relation of its kind, what its rows bring.
KINDS = {
    "fiches": (_("Expériences qui illustrent cette étape"), "tagged_experiencesheetpage",
               ("territory",)),
    "videos": (_("Vidéos d'experts"), "tagged_videopage", ()),
    "outils": (_("Outils"), "tagged_toolpage", ()),
}  # fmt: skip


class StepPage(RoutablePageMixin, PortalPage):
    """A threshold of the path; gathers the sheets, videos and tools tagged with it: the latest
    few of each kind on its page (a step may gather hundreds), all of them, page by page, on
    its list of that kind (`fiches/`, `videos/`, `outils/`).

    Its rank is its place among its siblings, so editors reorder steps in the page explorer.
    """

    summary = models.TextField(_("résumé"), max_length=400)
    body = StreamField(BaseStreamBlock(), verbose_name=_("contenu"), blank=True)
    # What "se situer" asks of a member about this step (the situate app).
    questions = StreamField(
        QuestionsBlock(),
        verbose_name=_("questions pour se situer"),
        blank=True,
        help_text=_(
            "Quelques questions (ce que l'étape demande, les signes qu'elle est atteinte, ses "
            "points de vigilance) auxquelles les membres répondent pour situer leur territoire."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("questions"),
    ]
    document_fields = [
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    api_fields = [APIField("summary")]
    parent_page_types = ["resources.CooperationPathPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("étape du chemin")
        verbose_name_plural = _("étapes du chemin")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Lazy: read in cached fragments, most requests never run them.
        # One more than shown of each kind: whether the step's list of that kind has more.
        lists = live_lists(
            steps=StepPage.objects.sibling_of(self),
            **{key: self.tagged(key)[: SHOWN + 1] for key in KINDS},
        )
        context.update(
            lists=lists,
            shown=SHOWN,
            place=SimpleLazyObject(lambda: self.place(lists["steps"])),
        )
        return context

    def tagged(self, key: str):
        """The live, public pages of one kind tagged with this step, the latest first."""
        _heading, relation, related = KINDS[key]
        pages = getattr(self, relation).live().public()
        pages = pages.select_related(*related) if related else pages
        return pages.order_by("-first_published_at", "pk")

    @path("<str:key>/", name="kind")
    def kind_list(self, request, key):
        """Every page of one kind tagged with this step, LIST_SIZE at a time."""
        if key not in KINDS:
            raise Http404
        pages = with_card_images(self.tagged(key))
        items = KeysPaginator(pages, LIST_SIZE).get_page(request.GET.get("page"))
        context = self.get_context(request) | {"heading": KINDS[key][0], "items": items}
        return TemplateResponse(request, "resources/step_kind_list.html", context)

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
