"""The site shell: home and free pages, the Territory taxonomy and the base of every resource."""

import datetime

from django import forms
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from search.french import FrenchStemsMixin

from . import page_cache
from .blocks import BaseStreamBlock, KeyMessageBlock
from .text import strip_bidi_controls

REVIEW_INTERVAL = datetime.timedelta(days=365)


class PortalPageQuerySet(PageQuerySet):
    def private_q(self):
        """Wagtail's rule (a restricted page and its descendants are private), with the
        restricted sections read from the cache instead of one query per `public()`."""
        q = Q()
        for path, depth in page_cache.restricted_sections():
            q |= Q(path__startswith=path, depth__gte=depth)
        return q if q else Q(pk__in=[])


class PortalPageManager(PageManager):
    """The manager of our page types: `live().public()` costs no query of its own."""

    _queryset_class = PortalPageQuerySet


class PortalPage(Page):
    """The base of our page types.

    - `live().public()` costs no query of its own (PortalPageManager).
    - Serving a page outside every restricted section asks no query for its view restrictions.
    - A page is the same for every member of one audience: its content, and the discussions of
      the spaces they may read (see `page_cache.MemberPageCacheMiddleware`). A restricted page
      is not kept: Wagtail marks its response private.
    """

    objects = PortalPageManager()

    class Meta:
        abstract = True

    def clean(self):
        self._strip_bidi_controls()
        super().clean()

    def minimal_clean(self):
        # What Wagtail runs instead of clean() when an editor saves a draft.
        self._strip_bidi_controls()
        super().minimal_clean()

    def _strip_bidi_controls(self) -> None:
        """Titles typed by editors lose the characters that reorder how they read."""
        for name in ("title", "draft_title", "seo_title"):
            setattr(self, name, strip_bidi_controls(getattr(self, name) or ""))

    def get_view_restrictions(self):
        from wagtail.models import PageViewRestriction

        sections = page_cache.restricted_sections()
        if not any(self.path.startswith(path) for path, _depth in sections):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def get_context(self, request, *args, **kwargs):
        # Read by MemberPageCacheMiddleware: what is rendered with this context (and not, say,
        # a routable page's other views) is shared by the members of one audience.
        request.shared_by_audience = True
        return super().get_context(request, *args, **kwargs)


class Licence(models.TextChoices):
    ETALAB_2 = "etalab-2.0", _("Licence Ouverte / Etalab 2.0")
    CC_BY_4 = "cc-by-4.0", _("Creative Commons Attribution 4.0")
    CC_BY_SA_4 = (
        "cc-by-sa-4.0",
        _("Creative Commons Attribution – Partage dans les mêmes conditions 4.0"),
    )
    CC_BY_NC_4 = (
        "cc-by-nc-4.0",
        _("Creative Commons Attribution – Pas d'utilisation commerciale 4.0"),
    )
    CC_BY_ND_4 = "cc-by-nd-4.0", _("Creative Commons Attribution – Pas de modification 4.0")


LICENCE_URLS = {
    Licence.ETALAB_2: "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
    Licence.CC_BY_4: "https://creativecommons.org/licenses/by/4.0/deed.fr",
    Licence.CC_BY_SA_4: "https://creativecommons.org/licenses/by-sa/4.0/deed.fr",
    Licence.CC_BY_NC_4: "https://creativecommons.org/licenses/by-nc/4.0/deed.fr",
    Licence.CC_BY_ND_4: "https://creativecommons.org/licenses/by-nd/4.0/deed.fr",
}


class TerritoryKind(models.TextChoices):
    PERIMETROPOLITAN = "perimetropolitain", _("Périmétropolitain")
    RETRO_LITTORAL = "retro-littoral", _("Rétro-littoral")
    URBAN_NEAR_METROPOLIS = "urbain-voisin-metropole", _("Urbain voisin de métropole")
    URBAN = "urbain", _("Urbain")
    SEMI_RURAL = "semi-rural", _("Semi-rural")
    RURAL = "rural", _("Rural")


class Territory(index.Indexed, models.Model):
    """An intercommunal territory: what sheets, and later members and spaces, point to."""

    name = models.CharField(_("nom"), max_length=200, unique=True)
    kind = models.CharField(_("type de territoire"), max_length=30, choices=TerritoryKind.choices)
    department = models.CharField(
        _("département"),
        max_length=3,
        blank=True,
        validators=[
            RegexValidator(
                r"^(\d{2,3}|2A|2B)$", _("Saisissez un numéro de département, par exemple 44 ou 2A.")
            )
        ],
    )
    communes = models.PositiveIntegerField(_("nombre de communes"))
    population = models.PositiveIntegerField(_("population"), help_text=_("Nombre d'habitants."))
    siren = models.CharField(
        _("SIREN de l'intercommunalité"),
        max_length=9,
        blank=True,
        validators=[RegexValidator(r"^\d{9}$", _("Le SIREN compte exactement 9 chiffres."))],
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("department"),
        FieldPanel("communes"),
        FieldPanel("population"),
        FieldPanel("siren"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("kind"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("territoire")
        verbose_name_plural = _("territoires")

    def __str__(self):
        return self.name

    def similar_population_range(self) -> tuple[int, int]:
        """Territories "like mine" have from half to twice the population."""
        return self.population // 2, self.population * 2


class BaseResourcePage(FrenchStemsMixin, PortalPage):
    """What every published resource carries: a summary, an image, a licence, a review date and
    the steps of the cooperation path it serves."""

    summary = models.TextField(
        _("résumé"),
        max_length=400,
        help_text=_(
            "Deux ou trois phrases, reprises dans les listes et les résultats de recherche."
        ),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    licence = models.CharField(
        _("licence"), max_length=20, choices=Licence.choices, default=Licence.ETALAB_2
    )
    last_reviewed = models.DateField(
        _("dernière relecture"),
        default=datetime.date.today,
        help_text=_("Date à laquelle le contenu a été vérifié pour la dernière fois."),
    )
    steps = ParentalManyToManyField(
        "resources.StepPage",
        verbose_name=_("étapes du chemin"),
        blank=True,
        related_name="tagged_%(class)s",
    )

    resource_panels = [
        MultiFieldPanel(
            [
                FieldPanel("steps", widget=forms.CheckboxSelectMultiple),
                FieldPanel("licence"),
                FieldPanel("last_reviewed"),
            ],
            heading=_("Classement et licence"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("documents_text"),
        index.SearchField("search_stems"),
        index.FilterField("steps"),
    ]

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        from forums.permissions import visible_topics

        context = super().get_context(request, *args, **kwargs)
        # The discussions about this resource that the visitor may read.
        context["discussions"] = (
            visible_topics(request.user)
            .filter(resource_id=self.pk)
            .select_related("space")
            .order_by("-last_post_at")[:10]
            if self.pk
            else []
        )
        return context

    @property
    def documents_text(self) -> str:
        """The text of the attached documents, read at upload, for search."""
        from search.models import DocumentText

        attached = getattr(self, "documents", None)
        if attached is None or not self.pk:
            return ""
        ids = [link.document_id for link in attached.all()]
        texts = DocumentText.objects.filter(document_id__in=ids).values_list("text", flat=True)
        return "\n".join(texts)

    @property
    def licence_url(self) -> str:
        return LICENCE_URLS.get(self.licence, "")

    @property
    def needs_review(self) -> bool:
        return self.last_reviewed < timezone.localdate() - REVIEW_INTERVAL


class AttachedDocument(Orderable):
    """A document of the library attached to a page; subclasses give the page's ParentalKey."""

    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        abstract = True


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
        from experiences.models import ExperienceSheetPage
        from resources.models import StepPage, VideoPage

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


def live_pages(related_manager):
    """The live, public pages of a page's many-to-many field, in one query.

    Goes through primary keys so that it also works in previews, where modelcluster holds the
    unsaved choice in a fake queryset that knows nothing of `live()` or `public()`.
    """
    pages = PortalPageQuerySet(related_manager.model).live().public().order_by("path")
    return pages.filter(pk__in=related_manager.values_list("pk", flat=True))
