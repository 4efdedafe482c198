"""Member profiles: what a member tells about themself, and whether staff approved them.

Names and the e-mail address stay on Django's user (the spaces already show `get_full_name()`);
the rest of what a member says about themself lives here.
"""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import BidiControlsMixin


class Job(models.TextChoices):
    DGS = "dgs", _("DGS")
    SG = "sg", _("SG")
    DGA = "dga", _("DGA")
    DGST = "dgst", _("DGST")
    PROJECT_OFFICER = "charge-mission", _("Chargé·e de mission")
    ELECTED = "elu", _("Élu·e")
    OTHER = "autre", _("Autre")


class Approval(models.TextChoices):
    PENDING = "pending", _("En attente")
    APPROVED = "approved", _("Approuvé")
    REFUSED = "refused", _("Refusé")


class ProfileQuerySet(models.QuerySet):
    def in_directory(self):
        """Profiles their members chose to show, of active accounts, with what a list shows."""
        return (
            self.filter(in_directory=True, user__is_active=True)
            .select_related("user", "territory")
            .order_by("user__last_name", "user__first_name", "pk")
        )

    def pending(self):
        return self.filter(approval=Approval.PENDING)


class Profile(BidiControlsMixin, models.Model):
    """What a member tells about themself; `in_directory` decides whether others see it."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    # Null until one is given (a profile made before handles existed): never two alike.
    handle = models.CharField(
        _("identifiant"),
        max_length=30,
        null=True,
        help_text=_(
            "Les membres vous mentionnent en écrivant @ suivi de votre identifiant. Lettres "
            "minuscules sans accent, chiffres et tirets, de 3 à 30 caractères."
        ),
    )
    job = models.CharField(_("fonction"), max_length=20, choices=Job.choices, blank=True)
    organisation = models.CharField(
        _("organisation"),
        max_length=200,
        blank=True,
        help_text=_("Votre commune ou intercommunalité."),
    )
    territory = models.ForeignKey(
        "core.Territory",
        verbose_name=_("territoire"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="profiles",
    )
    networks = models.ManyToManyField(
        "forums.Space",
        verbose_name=_("réseaux"),
        blank=True,
        related_name="profiles",
        help_text=_("Les réseaux et collectifs auxquels vous appartenez."),
    )
    photo = models.ImageField(_("photo"), upload_to="profils/", blank=True)
    bio = models.TextField(_("présentation"), max_length=600, blank=True)
    in_directory = models.BooleanField(
        _("apparaître dans l'annuaire"),
        default=False,
        help_text=_(
            "Les membres connectés voient alors votre profil : nom, fonction, organisation, "
            "territoire, réseaux, photo et présentation. Votre adresse e-mail n'est jamais "
            "affichée."
        ),
    )
    approval = models.CharField(
        _("validation"), max_length=20, choices=Approval.choices, default=Approval.APPROVED
    )
    approval_decided_at = models.DateTimeField(_("validation décidée le"), null=True, blank=True)
    deletion_warned_at = models.DateTimeField(
        _("prévenu de la suppression le"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Date de l'e-mail annonçant la suppression d'un compte inactif."),
    )

    objects = ProfileQuerySet.as_manager()
    bidi_controls_fields = ("organisation",)

    class Meta:
        constraints = [
            models.UniqueConstraint(Lower("handle"), name="accounts_profile_handle_unique")
        ]
        verbose_name = _("membre")
        verbose_name_plural = _("membres")

    def __str__(self):
        return self.user.get_full_name() or self.user.email

    def get_absolute_url(self):
        return reverse("accounts:profile", args=[self.pk])

    @property
    def is_pending(self) -> bool:
        return self.approval == Approval.PENDING
