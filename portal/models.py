"""The site shell's pages: the home page and the free pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import BaseStreamBlock, KeyMessageBlock
from core.models import PortalPage, live_lists
from experiences.models import ExperienceSheetPage
from forums import selectors
from resources.models import StepPage, VideoPage


class HomePage(PortalPage):
    """The portal's front page: what Bloc local is, the key messages and what is new, in the
    resources and in the discussions its visitor may read."""

    promise = models.CharField(
        _("promesse"),
        max_length=160,
        blank=True,
        help_text=_("Une phrase en tête de la page : ce que le portail apporte à ses visiteurs."),
    )
    intro = models.TextField(_("introduction"), blank=True)
    key_messages = StreamField(
        [("key_message", KeyMessageBlock())], verbose_name=_("messages clés"), blank=True
    )

    content_panels = Page.content_panels + [
        FieldPanel("promise"),
        FieldPanel("intro"),
        FieldPanel("key_messages"),
    ]
    document_fields = [index.SearchField("promise"), index.SearchField("intro")]
    api_fields = [APIField("promise"), APIField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("page d'accueil")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["lists"] = live_lists(
            experiences=ExperienceSheetPage.objects.live()
            .public()
            .select_related("territory")
            .order_by("-first_published_at")[:4],
            steps=StepPage.objects.live().public().order_by("path"),
            videos=VideoPage.objects.live().public().order_by("-first_published_at")[:6],
        )
        context["discussions"] = selectors.home_discussions(request.user)
        return context


class StandardPage(PortalPage):
    """A free page (legal notice, accessibility statement, about…), written as blocks."""

    intro = models.TextField(_("chapeau"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("contenu"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    document_fields = [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    api_fields = [APIField("intro")]

    class Meta:
        verbose_name = _("page libre")
        verbose_name_plural = _("pages libres")


class JobRun(models.Model):
    """One time a scheduled job was due, claimed by the scheduler that runs it (portal/
    scheduler.py): unique, so that schedulers on several hosts run it once."""

    job = models.CharField(max_length=64)
    slot = models.DateTimeField()
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    failed = models.BooleanField(default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["job", "slot"], name="one_run_per_slot")]

    def __str__(self):
        return f"{self.job} {self.slot:%Y-%m-%d %H:%M}"
