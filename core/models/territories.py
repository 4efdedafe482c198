"""The Territory taxonomy: what sheets, members and spaces point to."""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from .mixins import BidiControlsMixin


class TerritoryKind(models.TextChoices):
    PERIMETROPOLITAN = "perimetropolitain", _("Périmétropolitain")
    RETRO_LITTORAL = "retro-littoral", _("Rétro-littoral")
    URBAN_NEAR_METROPOLIS = "urbain-voisin-metropole", _("Urbain voisin de métropole")
    URBAN = "urbain", _("Urbain")
    SEMI_RURAL = "semi-rural", _("Semi-rural")
    RURAL = "rural", _("Rural")


class Territory(BidiControlsMixin, index.Indexed, models.Model):
    """An intercommunal territory: what sheets, members and spaces point to."""

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
    bidi_controls_fields = ("name",)

    class Meta:
        ordering = ["name"]
        verbose_name = _("territoire")
        verbose_name_plural = _("territoires")

    def __str__(self):
        return self.name

    def similar_population_range(self) -> tuple[int, int]:
        """Territories "like mine" have from half to twice the population."""
        return self.population // 2, self.population * 2
