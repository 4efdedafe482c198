"""A member's runs of "se situer": their answers to the path's questions, kept as they were
asked (an editor may change a question later), private to the member unless shared with their
collectif's space."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Scope(models.TextChoices):
    ALONE = "seul", _("Pour moi, à titre personnel")
    COLLECTIF = "collectif", _("Pour le collectif de mon territoire")


class AssessmentQuerySet(models.QuerySet):
    def of(self, user):
        """`user`'s runs, the latest first, with what their pages show of each."""
        return (
            self.filter(user=user)
            .select_related("territory", "shared_with")
            .order_by("-created_at", "-pk")
        )

    def shared_in(self, spaces):
        """The runs shared with `spaces` (their readers are asked of forums.permissions)."""
        return (
            self.filter(shared_with__in=spaces)
            .select_related("user", "territory", "shared_with")
            .order_by("-shared_at", "-pk")
        )


class Assessment(models.Model):
    """One run of the questionnaire. `answers` holds, in the path's order, one entry per question
    answered: {"step", "step_title", "question", "kind", "text", "choice", "label", "score",
    "max"} (the step's pk and the question block's id, its text, the choice and its score out of
    the scale's highest)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("membre"),
        on_delete=models.CASCADE,
        related_name="assessments",
    )
    scope = models.CharField(_("répondu"), max_length=20, choices=Scope.choices)
    territory = models.ForeignKey(
        "core.Territory",
        verbose_name=_("territoire"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The territory's name when answered: the history still says it if the territory goes.
    territory_name = models.CharField(_("nom du territoire"), max_length=200, blank=True)
    answers = models.JSONField(_("réponses"), default=list, blank=True)
    shared_with = models.ForeignKey(
        "forums.Space",
        verbose_name=_("partagé avec"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    shared_at = models.DateTimeField(_("partagé le"), null=True, blank=True)
    created_at = models.DateTimeField(_("le"), default=timezone.now)

    objects = AssessmentQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("autodiagnostic")
        verbose_name_plural = _("autodiagnostics")

    def __str__(self):
        return f"{self.user} – {self.created_at:%Y-%m-%d}"
