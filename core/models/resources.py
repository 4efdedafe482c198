"""What every published resource (sheet, video, tool) carries."""

import datetime

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.search import index

from ..api import ImageField, PublicPagesField
from .pages import PortalPage

REVIEW_INTERVAL = datetime.timedelta(days=365)


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

# Who publishes every resource, as schema.org names it.
PUBLISHER = {"@type": "Organization", "name": "CNFPT", "url": "https://www.cnfpt.fr/"}


class BaseResourcePage(PortalPage):
    """What every published resource carries: a summary, an image, a licence, a review date and
    the steps of the cooperation path it serves. Its discussions are the forums' to show
    (`{% resource_discussions page %}`)."""

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
    # What the page's search document holds beside its title (search.build.page_text).
    document_fields = [index.SearchField("summary")]
    # What the read-only API says of every resource (portal/api.py).
    api_fields = [
        APIField("summary"),
        APIField("licence"),
        APIField("licence_url"),
        APIField("last_reviewed"),
        APIField("image", serializer=ImageField()),
        APIField("steps", serializer=PublicPagesField()),
    ]

    share_type = "article"

    class Meta:
        abstract = True

    def structured_data(self, *, url_of, image: str) -> dict:
        """What schema.org's CreativeWork says of the resource (JSON-LD, see
        core.templatetags.head_tags): `url_of` makes a path absolute, `image` is the address of
        its shared picture (or ""). Page types say more (an Article, a VideoObject)."""
        data = {
            "@type": "CreativeWork",
            "name": self.title,
            "description": self.summary,
            "url": url_of(self.url or ""),
            "inLanguage": "fr-FR",
            "datePublished": self.first_published_at,
            "dateModified": self.last_published_at,
            "license": self.licence_url,
            "publisher": PUBLISHER,
            "image": image,
        }
        return {key: value for key, value in data.items() if value}

    @property
    def licence_url(self) -> str:
        return LICENCE_URLS.get(self.licence, "")

    @property
    def needs_review(self) -> bool:
        return self.last_reviewed < timezone.localdate() - REVIEW_INTERVAL
