"""The site shell's pages: the home page and the free pages."""

from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import BaseStreamBlock, KeyMessageBlock
from core.models import FrenchStemsMixin, PortalPage
from experiences.models import ExperienceSheetPage
from resources.models import StepPage, VideoPage


class HomePage(PortalPage):
    """The portal's front page: what Bloc local is, the key messages and what is new."""

    intro = models.TextField(_("introduction"), blank=True)
    key_messages = StreamField(
        [("key_message", KeyMessageBlock())], verbose_name=_("messages clés"), blank=True
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("key_messages")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("page d'accueil")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["experiences"] = (
            ExperienceSheetPage.objects.live()
            .public()
            .select_related("territory")
            .order_by("-first_published_at")[:4]
        )
        context["steps"] = StepPage.objects.live().public().order_by("path")
        context["videos"] = VideoPage.objects.live().public().order_by("-first_published_at")[:6]
        return context

    def route(self, request, path_components):
        """Finds the deepest page of the URL in one query, where Wagtail asks the tree one level
        at a time; that page routes what is left (a routable page's own paths) and checks that
        it is live, as Wagtail does."""
        if not path_components:
            return super().route(request, path_components)
        prefixes = [
            self.url_path + "".join(f"{slug}/" for slug in path_components[:length])
            for length in range(1, len(path_components) + 1)
        ]
        page = (
            Page.objects.filter(url_path__in=prefixes, path__startswith=self.path)
            .order_by("-depth")
            .first()
        )
        if page is None:
            raise Http404
        return page.specific.route(request, path_components[page.depth - self.depth :])


class StandardPage(FrenchStemsMixin, PortalPage):
    """A free page (legal notice, accessibility statement, about…), written as blocks."""

    intro = models.TextField(_("chapeau"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("contenu"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("search_stems"),
    ]

    class Meta:
        verbose_name = _("page libre")
        verbose_name_plural = _("pages libres")
