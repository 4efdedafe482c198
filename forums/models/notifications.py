"""What members are told and how: notifications, their e-mail settings, the spaces and topics
they follow, and when they last read a topic."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import dateformat, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.text import excerpt as text_excerpt

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
    REPORT = "report", _("Signalement")
    REQUEST = "request", _("Demande d'adhésion")
    ACCEPTED = "accepted", _("Demande acceptée")
    REFUSED = "refused", _("Demande refusée")
    SUSPENDED = "suspended", _("Suspension")
    INVITED = "invited", _("Invitation")


# Told to those who moderate the space (of the post, or `space`), and to them only.
MODERATORS_KINDS = (NotificationKind.REPORT, NotificationKind.REQUEST)
# Told about a space, not a post: its name (shown to everyone, so members may ask to join) and
# what a moderator wrote to the member, never its content.
SPACE_KINDS = (
    NotificationKind.REQUEST,
    NotificationKind.ACCEPTED,
    NotificationKind.REFUSED,
    NotificationKind.SUSPENDED,
    NotificationKind.INVITED,
)


class Notification(models.Model):
    """What a member is told, on the site and by e-mail (sent later, never lost).

    It is about a post (replies, mentions, a post hidden, a report) or about a space (a
    request to join, its answer, a suspension; no space: a suspension from the whole site),
    with `text` for what a member or a moderator wrote (a reason, a message) and `actor` for
    who asks. Who may see it is `permissions.can_see_notification`."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=20, choices=NotificationKind.choices)
    post = models.ForeignKey(
        Post, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    space = models.ForeignKey(
        Space, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    text = models.TextField(blank=True)
    until = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self):
        return f"{self.get_kind_display()} → {self.user}"

    # What the notifications page and the e-mails show: a title linked to `url`, where it
    # happens (`place`) and what was written (`detail_label` : `text`). The post's topic and
    # space, the space and the actor are read with the notification (select_related).

    @property
    def url(self) -> str:
        if self.post_id:
            return reverse("forums:post", args=[self.post_id])
        if self.kind == NotificationKind.REQUEST:
            return reverse("forums:moderation")
        if self.kind == NotificationKind.INVITED:
            return reverse("forums:invitations")
        if self.space_id:
            return self.space.get_absolute_url()
        return reverse("forums:notifications")

    @property
    def title(self) -> str:
        if self.post_id:
            return self.post.topic.title
        values = {"space": self.space.name if self.space_id else ""}
        if self.kind == NotificationKind.REQUEST:
            # How the spaces name a member, one rule (imported here: the tags import models).
            from forums.templatetags.forum_tags import display_name

            values["who"] = display_name(self.actor)
            return gettext("%(who)s demande à rejoindre « %(space)s »") % values
        if self.kind == NotificationKind.INVITED:
            return gettext("Vous êtes invité·e à rejoindre « %(space)s »") % values
        if self.kind == NotificationKind.ACCEPTED:
            return gettext("Vous êtes membre de « %(space)s »") % values
        if self.kind == NotificationKind.REFUSED:
            return gettext("Votre demande pour rejoindre « %(space)s » n'est pas acceptée") % values
        if self.kind == NotificationKind.SUSPENDED:
            values["until"] = (
                dateformat.format(timezone.localtime(self.until), "j F Y à H:i")
                if self.until
                else ""
            )
            if self.space_id:
                return (
                    gettext("Vous ne pouvez plus écrire dans « %(space)s » jusqu'au %(until)s")
                    % values
                )
            return gettext("Vous ne pouvez plus écrire sur le portail jusqu'au %(until)s") % values
        return ""

    @property
    def link(self) -> str:
        """Where the e-mails lead: for a new topic or reply, its reader's first unread post of
        the topic (forums:topic_unread, decided when followed); else `url`."""
        if self.post_id and self.kind in (NotificationKind.TOPIC, NotificationKind.REPLY):
            return self.post.topic.get_unread_url()
        return self.url

    @property
    def author(self):
        """Who wrote the post it is about (None: no post, or an account deleted)."""
        return self.post.author if self.post_id else None

    @property
    def excerpt(self) -> str:
        """The post's first words as plain text (e-mails): nothing for a deleted post."""
        if not self.post_id or self.post.deleted_at is not None:
            return ""
        return text_excerpt(self.post.body_html)

    @property
    def place(self) -> str:
        return self.post.topic.space.name if self.post_id else ""

    @property
    def detail_label(self) -> str:
        if self.kind in (NotificationKind.HIDDEN, NotificationKind.SUSPENDED):
            return gettext("Motif")
        if self.kind == NotificationKind.REPORT:
            return gettext("Motif du signalement")
        if self.kind in (NotificationKind.ACCEPTED, NotificationKind.REFUSED):
            return gettext("Message des modérateurs")
        return gettext("Message")


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
