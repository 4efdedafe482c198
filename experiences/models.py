"""Experience sheets: how a territory built its cooperation, told for its peers."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core.api import AttachedDocumentsField, PublicPagesField, TerritoryField
from core.listing import STEP, TERRITORY, filtered_list
from core.models import (
    AttachedDocument,
    BaseResourcePage,
    PortalPage,
    live_lists,
    live_pages,
    with_card_images,
)

from .blocks import LessonsBlock, PhaseBlock

PAGE_SIZE = 12


class ExperienceIndexPage(PortalPage):
    """Lists the experience sheets, newest first."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    api_fields = [APIField("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["experiences.ExperienceSheetPage"]

    class Meta:
        verbose_name = _("liste des expériences")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        sheets = with_card_images(
            ExperienceSheetPage.objects.child_of(self)
            .live()
            .public()
            .select_related("territory")
            .order_by("title")
        )
        context.update(filtered_list(request, sheets, (TERRITORY, STEP), PAGE_SIZE))
        return context


class ExperienceSheetPage(BaseResourcePage):
    """A "fiche expérience": a territory's challenge, what it produced, how, and its lessons."""

    territory = models.ForeignKey(
        "core.Territory",
        verbose_name=_("territoire"),
        on_delete=models.PROTECT,
        related_name="experiences",
    )
    challenge = models.TextField(_("enjeu"))
    productions = RichTextField(_("productions"), features=["bold", "italic", "link", "ul", "ol"])
    phases = StreamField(
        [("phase", PhaseBlock())], verbose_name=_("phases de la démarche"), blank=True
    )
    facilitator_role = models.TextField(_("rôle du facilitateur"), blank=True)
    lessons = StreamField(LessonsBlock(), verbose_name=_("enseignements"), blank=True)
    related_videos = ParentalManyToManyField(
        "resources.VideoPage", verbose_name=_("vidéos liées"), blank=True, related_name="cited_by"
    )
    related_tools = ParentalManyToManyField(
        "resources.ToolPage", verbose_name=_("outils utilisés"), blank=True, related_name="used_by"
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("territory"),
        FieldPanel("image"),
        FieldPanel("challenge"),
        FieldPanel("productions"),
        FieldPanel("phases"),
        FieldPanel("facilitator_role"),
        FieldPanel("lessons"),
        InlinePanel("documents", label=_("Documents joints")),
        MultiFieldPanel(
            [
                FieldPanel("related_videos", widget=forms.CheckboxSelectMultiple),
                FieldPanel("related_tools", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Ressources liées"),
        ),
        *BaseResourcePage.resource_panels,
    ]
    document_fields = BaseResourcePage.document_fields + [
        index.SearchField("challenge"),
        index.SearchField("productions"),
        index.SearchField("phases"),
        index.SearchField("facilitator_role"),
        index.SearchField("lessons"),
        index.RelatedFields("territory", [index.SearchField("name")]),
    ]
    api_fields = BaseResourcePage.api_fields + [
        APIField("territory", serializer=TerritoryField()),
        APIField("challenge"),
        APIField("facilitator_role"),
        APIField("related_videos", serializer=PublicPagesField()),
        APIField("related_tools", serializer=PublicPagesField()),
        APIField("documents", serializer=AttachedDocumentsField()),
    ]

    parent_page_types = ["experiences.ExperienceIndexPage"]
    subpage_types = []
    serve_select_related = ("territory", "image")

    class Meta:
        verbose_name = _("fiche expérience")
        verbose_name_plural = _("fiches expérience")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Lazy: the template reads them in cached fragments, most requests never run them.
        context.update(
            documents=self.documents.select_related("document"),
            lists=live_lists(
                videos=live_pages(self.related_videos),
                tools=live_pages(self.related_tools),
                steps=live_pages(self.steps),
                similar=self.similar_sheets(),
            ),
        )
        return context

    def structured_data(self, *, url_of, image: str) -> dict:
        """An Article of schema.org, about its territory."""
        data = super().structured_data(url_of=url_of, image=image)
        return data | {
            "@type": "Article",
            "headline": self.title,
            "author": data["publisher"],
            "contentLocation": {"@type": "Place", "name": self.territory.name},
        }

    def similar_sheets(self):
        """Sheets of "territories like mine": same kind, from half to twice the population."""
        low, high = self.territory.similar_population_range()
        return (
            ExperienceSheetPage.objects.live()
            .public()
            .filter(territory__kind=self.territory.kind, territory__population__range=(low, high))
            .exclude(pk=self.pk)
            .select_related("territory")[:5]
        )

    def toc(self) -> list[tuple[str, str]]:
        """The sections of the sheet's body, as the table of contents lists them: (anchor,
        title) of each one filled in, in the template's order."""
        sections = [
            ("enjeu", _("L'enjeu"), True),
            ("productions", _("Ce qui a été produit"), True),
            ("phases", _("Les phases de la démarche"), bool(self.phases)),
            ("facilitateur", _("Le rôle du facilitateur"), bool(self.facilitator_role)),
            ("enseignements", _("Enseignements"), bool(self.lessons)),
        ]
        return [(anchor, title) for anchor, title, filled in sections if filled]

    def lessons_by_kind(self) -> list[tuple[str, list[str]]]:
        """The lessons grouped in the block's order of kinds, leaving out empty kinds."""
        groups = {name: [] for name in LessonsBlock.base_blocks}
        for block in self.lessons:
            groups[block.block_type].append(block.value)
        return [
            (LessonsBlock.base_blocks[name].label, values)
            for name, values in groups.items()
            if values
        ]


class ExperienceDocument(AttachedDocument):
    """A document attached to a sheet (a charter, a report, a presentation)."""

    page = ParentalKey(ExperienceSheetPage, on_delete=models.CASCADE, related_name="documents")

    class Meta(AttachedDocument.Meta):
        verbose_name = _("document joint")
        verbose_name_plural = _("documents joints")
