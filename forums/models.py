"""Discussion spaces: networks and collectives, their topics, posts, members and moderation.

Reads go through the querysets below (each names its intent and carries its joins); writes with
side effects go through `forums.services`; who may do what is decided in `forums.permissions`.
"""

import uuid
from functools import cached_property

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from core import uploads
from core.models import FrenchStemsMixin
from core.text import strip_bidi_controls


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


class SpaceQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class Space(models.Model):
    """A métier network, a project network or a territory collective."""

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

    objects = SpaceQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("espace d'échange")
        verbose_name_plural = _("espaces d'échange")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("forums:space", args=[self.slug])

    def clean(self):
        super().clean()
        self.name = strip_bidi_controls(self.name)  # before its uniqueness is checked


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
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["space", "user"], name="one_membership_per_space")
        ]
        verbose_name = _("adhésion")
        verbose_name_plural = _("adhésions")

    def __str__(self):
        return f"{self.user} – {self.space}"


class TopicQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def listed(self):
        """A space's listing order: pinned first, then by last activity."""
        return self.select_related("author", "space").order_by("-is_pinned", "-last_post_at")

    def unanswered(self, *, older_than):
        """Open questions nobody answered within `older_than` and no expert was told of yet."""
        return self.filter(
            post_count=1,
            is_locked=False,
            experts_alerted_at__isnull=True,
            created_at__lte=timezone.now() - older_than,
            space__is_active=True,
        )

    def with_first_reply(self):
        """Annotates `first_reply_at`: when the first post after the opening one came."""
        return self.annotate(
            first_reply_at=models.Min(
                "posts__created_at", filter=Q(posts__created_at__gt=models.F("created_at"))
            )
        )


class Topic(FrenchStemsMixin, index.Indexed, models.Model):
    """A question or a discussion in a space; its first post is its opening message.

    Indexed for search as one document: its title and the text of the posts readers see
    (hidden and deleted posts are left out), filtered by space for permissions."""

    space = models.ForeignKey(Space, on_delete=models.PROTECT, related_name="topics")
    title = models.CharField(_("titre"), max_length=200)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="topics"
    )
    resource = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("ressource discutée"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="topics",
    )
    created_at = models.DateTimeField(default=timezone.now)
    last_post_at = models.DateTimeField(default=timezone.now, db_index=True)
    post_count = models.PositiveIntegerField(default=0)
    is_pinned = models.BooleanField(_("épinglé"), default=False)
    is_locked = models.BooleanField(_("verrouillé"), default=False)
    accepted_post = models.ForeignKey(
        "Post", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    experts_alerted_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = TopicQuerySet.as_manager()

    search_fields = [
        index.SearchField("title", boost=2),
        index.AutocompleteField("title"),
        index.SearchField("search_text"),
        index.SearchField("search_stems"),
        index.FilterField("space_id"),
        index.FilterField("last_post_at"),
    ]

    class Meta:
        indexes = [models.Index(fields=["space", "-is_pinned", "-last_post_at"])]
        verbose_name = _("sujet")
        verbose_name_plural = _("sujets")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("forums:topic", args=[self.space.slug, self.pk])

    @cached_property
    def search_text(self) -> str:
        # Cached: the search backend reads it once per indexed field (title, body, stems…).
        # Services reindex a freshly loaded topic, so a cached text is never stale there.
        return "\n".join(self.posts.shown().order_by("created_at").values_list("body", flat=True))


class PostQuerySet(models.QuerySet):
    def shown(self):
        """Posts that readers see (moderators also see hidden ones, marked as such)."""
        return self.filter(hidden_at__isnull=True, deleted_at__isnull=True)

    def in_thread(self):
        # Authors by a second query: joined, PostgreSQL hashes the whole user table to sort a
        # long topic before its LIMIT.
        return self.prefetch_related("author").order_by("created_at", "pk")


class Post(models.Model):
    """A message: Markdown as typed, and its HTML made safe once, when it is written."""

    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="posts"
    )
    body = models.TextField(_("message"))
    body_html = models.TextField(editable=False)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True)
    hidden_at = models.DateTimeField(null=True, blank=True)
    hidden_reason = models.CharField(_("motif du masquage"), max_length=300, blank=True)
    useful_count = models.PositiveIntegerField(default=0)

    objects = PostQuerySet.as_manager()

    class Meta:
        indexes = [models.Index(fields=["topic", "created_at"])]
        verbose_name = _("message")
        verbose_name_plural = _("messages")

    def __str__(self):
        return f"{self.topic} #{self.pk}"

    def get_absolute_url(self):
        return reverse("forums:post", args=[self.pk])


def attachments_storage():
    """Attachments live outside MEDIA_ROOT: they are served by a view that checks who reads."""
    return FileSystemStorage(location=settings.FORUMS_ATTACHMENTS_ROOT)


def attachment_path(instance, filename: str) -> str:
    """A random name with the extension of the checked kind: nothing of the typed name."""
    kind = uploads.kind_of_type(instance.content_type)
    extension = kind.extension if kind else "bin"
    return f"{timezone.now():%Y/%m}/{uuid.uuid4().hex}.{extension}"


class Attachment(models.Model):
    """An image or a document joined to a post. Its type is decided once, from its checked
    content (core.uploads), and it is served with that type only."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=attachment_path, storage=attachments_storage, max_length=200)
    name = models.CharField(_("nom du fichier"), max_length=200)
    size = models.PositiveIntegerField()
    is_image = models.BooleanField(default=False)
    # Empty for a file whose kind is unknown: it is then downloaded as bytes.
    content_type = models.CharField(_("type du fichier"), max_length=100, blank=True)

    def __str__(self):
        return self.name

    @property
    def kind(self) -> uploads.Kind | None:
        return uploads.kind_of_type(self.content_type)


class PostRevision(models.Model):
    """A post's earlier text, kept when it is edited, for moderators."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="revisions")
    body = models.TextField()
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.post} ({self.created_at:%Y-%m-%d %H:%M})"


class Reaction(models.Model):
    """A member found a post useful."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reactions")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["post", "user"], name="one_reaction_per_user")
        ]

    def __str__(self):
        return f"{self.user} → {self.post}"


class TopicVisit(models.Model):
    """When a member last read a topic, for the "nouveau depuis votre dernière visite" marker."""

    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    seen_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["topic", "user"], name="one_visit_per_topic")
        ]

    def __str__(self):
        return f"{self.user} → {self.topic}"


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


class ReportStatus(models.TextChoices):
    OPEN = "open", _("À traiter")
    HIDDEN = "hidden", _("Message masqué")
    DISMISSED = "dismissed", _("Classé sans suite")


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

    class Meta:
        ordering = ["created_at"]

    def __str__(self):
        return f"{self.post} ({self.get_status_display()})"


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
