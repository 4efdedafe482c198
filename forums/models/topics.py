"""Topics and their posts: the posts' attachments, earlier texts and "useful" marks."""

import uuid

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import uploads

from ..authors import thread_related
from .marks import MemberMark
from .spaces import Space


class TopicQuerySet(models.QuerySet):
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

    def without_reply(self):
        """Open questions that no reply its readers see has answered yet (the home page's
        "questions sans réponse"): a hidden reply answers no one."""
        return self.filter(post_count__lte=models.F("hidden_count") + 1, is_locked=False)

    def with_first_reply(self):
        """Annotates `first_reply_at`: when the first post after the opening one came."""
        return self.annotate(
            first_reply_at=models.Min(
                "posts__created_at", filter=Q(posts__created_at__gt=models.F("created_at"))
            )
        )


class Topic(models.Model):
    """A question or a discussion in a space; its first post is its opening message.

    Search finds it as one document (search.build): its title and the text of the posts
    readers see (hidden and deleted posts are left out), filtered by its space."""

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
    # Of `post_count`, those hidden by the moderation: what the thread's other readers page by.
    hidden_count = models.PositiveIntegerField(default=0, editable=False)
    is_pinned = models.BooleanField(_("épinglé"), default=False)
    is_locked = models.BooleanField(_("verrouillé"), default=False)
    accepted_post = models.ForeignKey(
        "Post", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    experts_alerted_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = TopicQuerySet.as_manager()

    class Meta:
        indexes = [models.Index(fields=["space", "-is_pinned", "-last_post_at"])]
        verbose_name = _("sujet")
        verbose_name_plural = _("sujets")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("forums:topic", args=[self.space.slug, self.pk])

    @property
    def shown_replies(self) -> int:
        """The replies that every reader sees (the hidden ones left out)."""
        return max(self.post_count - self.hidden_count - 1, 0)

    def get_unread_url(self):
        """Its reader's first unread post (forums:topic_unread)."""
        return reverse("forums:topic_unread", args=[self.space.slug, self.pk])


class PostQuerySet(models.QuerySet):
    def shown(self):
        """Posts that readers see (moderators also see hidden ones, marked as such)."""
        return self.filter(hidden_at__isnull=True, deleted_at__isnull=True)

    def latest_first(self):
        """The newest posts first, with their topic, space and author, as feeds list them."""
        return self.select_related("topic__space", "author").order_by("-created_at")

    def in_thread(self):
        """In the thread's order (the index on topic, created_at, id), with their authors:
        for a few posts (`selectors.thread_page` picks a page's by their pk first). Their
        authors' profiles come in the same join (`forums.authors`)."""
        return self.select_related(*thread_related()).order_by("created_at", "pk")


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
    # Whether its attachments need reading when the thread is shown (most posts have none).
    has_attachments = models.BooleanField(default=False, editable=False)

    objects = PostQuerySet.as_manager()

    class Meta:
        # The thread's order, to its last tie: a page of a long topic is read from the index.
        indexes = [models.Index(fields=["topic", "created_at", "id"])]
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
    # The text search read from the file, once (None: not read yet; the file never changes).
    text = models.TextField(null=True, editable=False)

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


class Reaction(MemberMark):
    """A member found a post useful."""

    marked = "post"
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reactions")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [MemberMark.one_per_member("post", "one_reaction_per_user")]
