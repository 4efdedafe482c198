"""What members are told and how: notifications, their e-mail settings, the spaces and topics
they follow, and when they last read a topic."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .marks import MemberMark
from .spaces import Space
from .topics import Post, Topic


class TopicVisit(MemberMark):
    """When a member last read a topic, for the "nouveau depuis votre dernière visite" marker."""

    marked = "topic"
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="+")
    seen_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [MemberMark.one_per_member("topic", "one_visit_per_topic")]


class Subscription(models.Model):
    """A member follows a space or a topic."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="subscriptions"
    )
    space = models.ForeignKey(Space, null=True, blank=True, on_delete=models.CASCADE)
    topic = models.ForeignKey(Topic, null=True, blank=True, on_delete=models.CASCADE)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(space__isnull=False) ^ Q(topic__isnull=False),
                name="subscription_to_space_or_topic",
            ),
            models.UniqueConstraint(fields=["user", "space"], name="one_subscription_per_space"),
            models.UniqueConstraint(fields=["user", "topic"], name="one_subscription_per_topic"),
        ]

    def __str__(self):
        return f"{self.user} → {self.space or self.topic}"


class NotificationKind(models.TextChoices):
    REPLY = "reply", _("Nouvelle réponse")
    TOPIC = "topic", _("Nouveau sujet")
    MENTION = "mention", _("Mention")
    HIDDEN = "hidden", _("Message masqué")


class Notification(models.Model):
    """What a member is told, on the site and by e-mail (sent later, never lost)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=20, choices=NotificationKind.choices)
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self):
        return f"{self.get_kind_display()} → {self.user}"


class EmailFrequency(models.TextChoices):
    IMMEDIATE = "immediate", _("Tout de suite")
    DAILY = "daily", _("Un résumé par jour")
    WEEKLY = "weekly", _("Un résumé par semaine")
    NEVER = "never", _("Jamais")


class NotificationSettings(models.Model):
    """How a member wants to receive notifications by e-mail."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_settings"
    )
    email_frequency = models.CharField(
        _("recevoir les notifications par e-mail"),
        max_length=20,
        choices=EmailFrequency.choices,
        default=EmailFrequency.DAILY,
    )
    volunteer_expert = models.BooleanField(
        _("répondre aux questions restées sans réponse de mes réseaux"), default=False
    )

    def __str__(self):
        return f"{self.user}: {self.get_email_frequency_display()}"
