"""Tool boxes and tools: practical methods and templates that territories reuse."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from core.api import AttachedDocumentsField
from core.listing import STEP, filtered_list
from core.models import (
    AttachedDocument,
    BaseResourcePage,
    PortalPage,
    live_lists,
    live_pages,
    with_card_images,
)

PAGE_SIZE = 24


class ToolBoxPage(PortalPage):
    """A box of tools around one theme; lists its tools."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    document_fields = [index.SearchField("intro")]
    api_fields = [APIField("intro")]
    parent_page_types = ["portal.HomePage", "resources.ToolBoxPage"]
    subpage_types = ["resources.ToolPage", "resources.ToolBoxPage"]

    class Meta:
        verbose_name = _("boîte à outils")
        verbose_name_plural = _("boîtes à outils")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        tools = with_card_images(ToolPage.objects.child_of(self).live().public().order_by("title"))
        context.update(filtered_list(request, tools, (STEP,), PAGE_SIZE))
        return context


class ToolPage(BaseResourcePage):
    """A method or a template: what it is for, when and how to use it, what to download."""

    purpose = models.TextField(_("à quoi ça sert"))
    when_to_use = models.TextField(_("quand l'utiliser"), blank=True)
    how = RichTextField(_("comment faire"), features=["bold", "italic", "link", "ol", "ul"])

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("purpose"),
        FieldPanel("when_to_use"),
        FieldPanel("how"),
        InlinePanel("documents", label=_("Documents à télécharger")),
        *BaseResourcePage.resource_panels,
    ]
    document_fields = BaseResourcePage.document_fields + [
        index.SearchField("purpose"),
        index.SearchField("when_to_use"),
        index.SearchField("how"),
    ]
    api_fields = BaseResourcePage.api_fields + [
        APIField("purpose"),
        APIField("when_to_use"),
        APIField("documents", serializer=AttachedDocumentsField()),
    ]

    parent_page_types = ["resources.ToolBoxPage"]
    subpage_types = []
    serve_select_related = ("image",)

    class Meta:
        verbose_name = _("outil")
        verbose_name_plural = _("outils")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            documents=self.documents.select_related("document"),
            lists=live_lists(
                steps=live_pages(self.steps),
                # A page being created has no primary key yet, hence nothing that uses it.
                used_by=self.used_by.select_related("territory") if self.pk else [],
            ),
        )
        return context

    def toc(self) -> list[tuple[str, str]]:
        """The sections of the tool's body (anchor, title), as the table of contents lists them."""
        sections = [
            ("usage", _("À quoi ça sert"), True),
            ("quand", _("Quand l'utiliser"), bool(self.when_to_use)),
            ("comment", _("Comment faire"), True),
        ]
        return [(anchor, title) for anchor, title, filled in sections if filled]


class ToolDocument(AttachedDocument):
    """A file to download with a tool: a template, a checklist, an example."""

    page = ParentalKey(ToolPage, on_delete=models.CASCADE, related_name="documents")

    class Meta(AttachedDocument.Meta):
        verbose_name = _("document à télécharger")
        verbose_name_plural = _("documents à télécharger")
