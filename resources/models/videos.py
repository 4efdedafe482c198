"""Expert videos: talks of the seminars, with their speakers and a full transcript."""

from functools import cached_property

from django import forms
from django.db import models
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from core import uploads
from core.api import DocumentField, ExpertsField, PageUrlField, PublicPageField
from core.listing import STEP, ListFilter, filtered_list
from core.models import (
    BaseResourcePage,
    BidiControlsMixin,
    PortalPage,
    live_lists,
    live_pages,
    with_card_images,
)

from .. import embeds
from ..captions import Cue, parse_captions, validate_captions
from ..forms import VideoPageForm

PAGE_SIZE = 12


class Expert(BidiControlsMixin, index.Indexed, models.Model):
    """A speaker of the seminars, reused by every video they appear in."""

    name = models.CharField(_("nom"), max_length=200, unique=True)
    role = models.CharField(_("fonction"), max_length=200)
    bio = models.TextField(_("présentation"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("bio")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    bidi_controls_fields = ("name", "role")

    class Meta:
        ordering = ["name"]
        verbose_name = _("expert")
        verbose_name_plural = _("experts")

    def __str__(self):
        return f"{self.name}, {self.role}"


EDITION = ListFilter(
    "edition",
    _("Édition du séminaire"),
    _("Toutes les éditions"),
    "edition",
    "edition__title",
    "edition__year",
    live=True,
)


class ResourceIndexPage(PortalPage):
    """Lists the expert videos."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    api_fields = [APIField("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["resources.VideoPage"]

    class Meta:
        verbose_name = _("liste des vidéos")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        videos = with_card_images(
            VideoPage.objects.child_of(self)
            .live()
            .public()
            .select_related("edition")
            .prefetch_related("speakers")
            .order_by("title")
        )
        context.update(filtered_list(request, videos, (STEP, EDITION), PAGE_SIZE))
        return context


class VideoPage(RoutablePageMixin, BaseResourcePage):
    """An expert's talk: an uploaded file or an external link, with WebVTT captions that are both
    the player's subtitles and the page's readable transcript."""

    speakers = ParentalManyToManyField(
        Expert, verbose_name=_("intervenants"), related_name="videos"
    )
    video_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("fichier vidéo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Un fichier MP4 ou WebM de la médiathèque."),
    )
    video_url = models.URLField(
        _("lien externe"), blank=True, help_text=_("Ou l'adresse de la vidéo sur un autre site.")
    )
    duration = models.DurationField(
        _("durée"), help_text=_("Au format hh:mm:ss, par exemple 00:12:30.")
    )
    captions = models.TextField(
        _("sous-titres (WebVTT)"),
        validators=[validate_captions],
        help_text=_("Obligatoires pour publier : ils donnent la transcription de la vidéo."),
    )
    description = RichTextField(
        _("description"), blank=True, features=["bold", "italic", "link", "ul"]
    )
    edition = models.ForeignKey(
        "resources.SeminarEditionPage",
        verbose_name=_("édition du séminaire"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="videos",
    )

    base_form_class = VideoPageForm
    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("speakers", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [
                FieldPanel("video_document"),
                FieldPanel("video_url"),
                FieldPanel("image", heading=_("Image d'aperçu (poster)")),
                FieldPanel("duration"),
            ],
            heading=_("Vidéo"),
        ),
        MultiFieldPanel(
            [FieldPanel("captions"), FieldPanel("captions_file")],
            heading=_("Sous-titres et transcription"),
        ),
        FieldPanel("description"),
        FieldPanel("edition"),
        *BaseResourcePage.resource_panels,
    ]
    document_fields = BaseResourcePage.document_fields + [
        index.SearchField("transcript"),
        index.SearchField("description"),
        index.RelatedFields(
            "speakers",
            [index.SearchField("name"), index.SearchField("role"), index.SearchField("bio")],
        ),
    ]
    api_fields = BaseResourcePage.api_fields + [
        APIField("speakers", serializer=ExpertsField()),
        APIField("duration"),
        APIField("video_url"),
        APIField("video_document", serializer=DocumentField()),
        APIField("captions_url", serializer=PageUrlField("sous-titres/")),
        APIField("edition", serializer=PublicPageField()),
    ]

    parent_page_types = ["resources.ResourceIndexPage"]
    subpage_types = []
    serve_select_related = ("edition", "image", "video_document")

    class Meta:
        verbose_name = _("vidéo d'expert")
        verbose_name_plural = _("vidéos d'experts")

    share_type = "video.other"

    def structured_data(self, *, url_of, image: str) -> dict:
        """A VideoObject of schema.org, with its transcript, and its file when it has one (a link
        to another site may be a page rather than a video)."""
        data = super().structured_data(url_of=url_of, image=image)
        data = data | {
            "@type": "VideoObject",
            "thumbnailUrl": image,
            "uploadDate": self.first_published_at,
            "duration": self.duration,
            "transcript": self.transcript,
            "contentUrl": url_of(self.source_url) if self.is_playable else "",
        }
        return {key: value for key, value in data.items() if value}

    @cached_property
    def cues(self) -> list[Cue]:
        return parse_captions(self.captions) if self.captions.strip() else []

    def cue_start(self, seconds: str | None) -> int | None:
        """The start of the caption beginning at `seconds` ("?t=75"), if there is one."""
        if not seconds:
            return None
        return next((cue.start for cue in self.cues if str(cue.start) == seconds), None)

    @property
    def transcript(self) -> str:
        return "\n".join(cue.text for cue in self.cues)

    @property
    def source_url(self) -> str:
        return self.video_document.url if self.video_document else self.video_url

    @property
    def is_playable(self) -> bool:
        """A file the browser plays itself, rather than a page on another site."""
        video_url_type = uploads.typed_extension(self.video_url)
        return bool(self.video_document) or video_url_type in uploads.VIDEO_EXTENSIONS

    @path("sous-titres/", name="captions")
    def captions_view(self, request):
        return HttpResponse(self.captions, content_type="text/vtt; charset=utf-8")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            speaker_list=self.speakers.all(),
            lists=live_lists(
                steps=live_pages(self.steps),
                # A page being created has no primary key yet, hence nothing that cites it.
                cited_by=self.cited_by.select_related("territory") if self.pk else [],
            ),
            # "?t=75": the player starts at that second (a search hit in the captions).
            start_at=self.cue_start(request.GET.get("t")),
            hosted=self.hosted,
        )
        return context

    @cached_property
    def hosted(self) -> embeds.HostedVideo | None:
        """The video on PeerTube, YouTube or Dailymotion that this page shows, if it is one."""
        return None if self.is_playable else embeds.hosted(self.video_url)

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if self.hosted:  # its host's player may be framed here, once the reader asks for it
            response._csp_update = {"frame-src": [self.hosted.origin]}
        return response
