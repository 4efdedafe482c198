"""Invitations to a space by e-mail address, to a member or to someone without an account yet."""

import hashlib

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .spaces import Space


class InvitationStatus(models.TextChoices):
    PENDING = "pending", _("En attente")
    ACCEPTED = "accepted", _("Acceptée")
    DECLINED = "declined", _("Déclinée")
    REVOKED = "revoked", _("Révoquée")


def token_digest(token: str) -> str:
    """What is kept of an invitation's token: its SHA-256, so that the database alone opens no
    invitation (the token itself is only in the e-mail)."""
    return hashlib.sha256(token.encode()).hexdigest()


class InvitationQuerySet(models.QuerySet):
    def pending(self):
        """Invitations waiting for an answer and not expired, with their space."""
        return self.filter(
            status=InvitationStatus.PENDING, expires_at__gt=timezone.now()
        ).select_related("space")

    def for_addresses(self, addresses):
        return self.filter(email__in=[address.lower() for address in addresses])


class Invitation(models.Model):
    """A moderator invites an e-mail address to a space; whoever verified that address may
    accept it (`permissions.can_answer_invitation`), once, before `expires_at`. Written by the
    services of `forums.invitations` only."""

    space = models.ForeignKey(
        Space, verbose_name=_("espace"), on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("adresse invitée"))  # kept in lower case
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invité par"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    token_digest = models.CharField(max_length=64, unique=True, editable=False)
    status = models.CharField(
        _("statut"),
        max_length=20,
        choices=InvitationStatus.choices,
        default=InvitationStatus.PENDING,
    )
    created_at = models.DateTimeField(_("envoyée le"), default=timezone.now)
    expires_at = models.DateTimeField(_("valable jusqu'au"))
    answered_at = models.DateTimeField(_("réponse le"), null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            # Inviting an address again while its invitation waits sends nothing more.
            models.UniqueConstraint(
                fields=["space", "email"],
                condition=Q(status="pending"),
                name="one_pending_invitation_per_address",
            )
        ]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self):
        return f"{self.email} → {self.space}"

    @property
    def is_pending(self) -> bool:
        return self.status == InvitationStatus.PENDING and not self.is_expired

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()
