"""Spaces (métier networks, project networks, territory collectives), who belongs to them and
who may not post in them for a while."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import BidiControlsMixin


class SpaceKind(models.TextChoices):
    METIER = "metier", _("Réseau métier")
    PROJECT = "projet", _("Réseau projet")
    TERRITORY = "territoire", _("Collectif de territoire")


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public : tout le monde lit, les membres écrivent")
    MEMBERS = "members", _("Membres du portail : lecture et écriture après connexion")
    PRIVATE = "private", _("Privé : réservé aux membres de l'espace")


class Role(models.TextChoices):
    MEMBER = "member", _("Membre")
    MODERATOR = "moderator", _("Modérateur")


class MembershipStatus(models.TextChoices):
    ACTIVE = "active", _("Membre")
    REQUESTED = "requested", _("Demande en attente")
    INVITED = "invited", _("Invitation en attente")
    REFUSED = "refused", _("Demande refusée")


class SpaceQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class Space(BidiControlsMixin, models.Model):
    """A métier network, a project network or a territory collective."""

    bidi_controls_fields = ("name",)

    name = models.CharField(_("nom"), max_length=120, unique=True)
    slug = models.SlugField(_("adresse"), max_length=120, unique=True)
    kind = models.CharField(_("type d'espace"), max_length=20, choices=SpaceKind.choices)
    visibility = models.CharField(
        _("visibilité"), max_length=20, choices=Visibility.choices, default=Visibility.MEMBERS
    )
    description = models.TextField(_("description"), blank=True)
    territory = models.ForeignKey(
        "core.Territory",
        verbose_name=_("territoire"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="spaces",
    )
    resources = models.ManyToManyField(
        "wagtailcore.Page",
        verbose_name=_("ressources liées"),
        blank=True,
        related_name="+",
    )
    is_active = models.BooleanField(
        _("ouvert"), default=True, help_text=_("Un espace fermé n'est plus visible de personne.")
    )
    created_at = models.DateTimeField(_("créé le"), default=timezone.now)
    # Kept by the services as topics are opened or moved: the list shows it for every space.
    topic_count = models.PositiveIntegerField(default=0, editable=False)

    objects = SpaceQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("espace d'échange")
        verbose_name_plural = _("espaces d'échange")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("forums:space", args=[self.slug])

    @property
    def is_public(self) -> bool:
        return self.visibility == Visibility.PUBLIC

    @property
    def is_private(self) -> bool:
        return self.visibility == Visibility.PRIVATE


class MembershipQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=MembershipStatus.ACTIVE)

    def moderators(self):
        """The active moderators' memberships, with the moderator (as they are listed)."""
        return self.active().filter(role=Role.MODERATOR).select_related("user")

    def requests(self):
        """Requests to join waiting for a moderator, with who asks and where."""
        return self.filter(status=MembershipStatus.REQUESTED).select_related("user", "space")


class Membership(models.Model):
    """A member's place in a space: its role, or a pending request or invitation."""

    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="space_memberships"
    )
    role = models.CharField(_("rôle"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    status = models.CharField(
        _("statut"),
        max_length=20,
        choices=MembershipStatus.choices,
        default=MembershipStatus.ACTIVE,
    )
    # When it was asked for, when it was decided (a refused request may be made again later:
    # `permissions.REQUEST_AGAIN_AFTER`).
    created_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["space", "user"], name="one_membership_per_space")
        ]
        verbose_name = _("adhésion")
        verbose_name_plural = _("adhésions")

    def __str__(self):
        return f"{self.user} – {self.space}"

    @property
    def is_requested(self) -> bool:
        return self.status == MembershipStatus.REQUESTED

    @property
    def is_refused(self) -> bool:
        return self.status == MembershipStatus.REFUSED


class MembershipAction(models.TextChoices):
    ACCEPTED = "accepted", _("Demande acceptée")
    REFUSED = "refused", _("Demande refusée")
    ADDED = "added", _("Membre ajouté")
    REMOVED = "removed", _("Membre retiré")
    PROMOTED = "promoted", _("Nommé modérateur")
    DEMOTED = "demoted", _("N'est plus modérateur")
    INVITED = "invited", _("Invitation envoyée")
    INVITATION_REVOKED = "invitation_revoked", _("Invitation révoquée")
    INVITATION_ACCEPTED = "invitation_accepted", _("Invitation acceptée")
    INVITATION_DECLINED = "invitation_declined", _("Invitation déclinée")


class MembershipLog(models.Model):
    """What a moderator decided about someone's place in a space, kept for staff: who, when,
    what and the message given. Written by the services of `forums.memberships` and
    `forums.invitations` only. An invitation to an address without an account names the
    address in `email` and no member."""

    space = models.ForeignKey(
        Space, verbose_name=_("espace"), on_delete=models.CASCADE, related_name="+"
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("membre"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    email = models.EmailField(_("adresse invitée"), blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("décidé par"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(_("décision"), max_length=20, choices=MembershipAction.choices)
    message = models.TextField(_("message au membre"), blank=True)
    created_at = models.DateTimeField(_("le"), default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("décision d'adhésion")
        verbose_name_plural = _("journal des adhésions")

    def __str__(self):
        return f"{self.get_action_display()} : {self.member or self.email} – {self.space}"


class Suspension(models.Model):
    """A member may not post in a space (or anywhere, without a space) until a date."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="suspensions"
    )
    space = models.ForeignKey(Space, null=True, blank=True, on_delete=models.CASCADE)
    until = models.DateTimeField(_("jusqu'au"))
    reason = models.CharField(_("motif"), max_length=300)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"{self.user} ({self.space or _('tout le portail')})"
