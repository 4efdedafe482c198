"""Seminar editions: each year's theme, programme and the resources it produced."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.models import PortalPage, with_card_images


class ProgrammeItemBlock(blocks.StructBlock):
    """One slot of a seminar's day."""

    time = blocks.CharBlock(label=_("Horaire"), max_length=40)
    activity = blocks.TextBlock(label=_("Activité"))

    class Meta:
        icon = "time"
        label = _("Créneau")
        template = "resources/blocks/programme_item_block.html"


class SeminarIndexPage(PortalPage):
    """Lists the seminar editions, newest first."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    api_fields = [APIField("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["resources.SeminarEditionPage"]
    max_count = 1

    class Meta:
        verbose_name = _("liste des séminaires")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["editions"] = (
            SeminarEditionPage.objects.child_of(self).live().public().order_by("-year")
        )
        return context


class SeminarEditionPage(PortalPage):
    """One edition of the seminar: its year, theme, programme and resources."""

    year = models.PositiveSmallIntegerField(_("année"), unique=True)
    summary = models.TextField(_("résumé"), max_length=600)
    programme = StreamField(
        [("item", ProgrammeItemBlock())], verbose_name=_("programme"), blank=True
    )

    content_panels = Page.content_panels + [
        FieldPanel("year"),
        FieldPanel("summary"),
        FieldPanel("programme"),
    ]
    document_fields = [index.SearchField("summary"), index.SearchField("programme")]
    api_fields = [APIField("year"), APIField("summary")]
    parent_page_types = ["resources.SeminarIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("édition du séminaire")
        verbose_name_plural = _("éditions du séminaire")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        videos = self.videos.live().public().order_by("title")
        context["videos"] = with_card_images(videos) if self.pk else []
        return context
