"""Reports of posts, waiting in the moderators' queue."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .topics import Post


class ReportStatus(models.TextChoices):
    OPEN = "open", _("À traiter")
    HIDDEN = "hidden", _("Message masqué")
    DISMISSED = "dismissed", _("Classé sans suite")


class ReportQuerySet(models.QuerySet):
    def to_handle(self):
        """Open reports, with the post, its place and who reported it, as the queue lists them."""
        return self.filter(status=ReportStatus.OPEN).select_related(
            "post__topic__space", "post__author", "reporter"
        )


class Report(models.Model):
    """A member's report of a post, waiting in the moderators' queue."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField(_("motif"), max_length=1000)
    status = models.CharField(
        max_length=20, choices=ReportStatus.choices, default=ReportStatus.OPEN
    )
    created_at = models.DateTimeField(default=timezone.now)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    handled_at = models.DateTimeField(null=True, blank=True)

    objects = ReportQuerySet.as_manager()

    class Meta:
        ordering = ["created_at"]

    def __str__(self):
        return f"{self.post} ({self.get_status_display()})"
