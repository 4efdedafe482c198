"""Writes with side effects in the discussion spaces: each is atomic, typed and keyword-only.

Callers have checked `forums.permissions` first; services enforce the rules that protect data
(limits for new accounts, posting speed) and raise `ForumError` with a French message. The
writes of memberships, suspensions and follows are in `forums.memberships`, offered here too.
"""

import datetime
import functools

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import OperationalError, connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core import uploads

from . import authors, markup, permissions, scopes
from .memberships import MAX_MESSAGE_LENGTH as MAX_MESSAGE_LENGTH
from .memberships import MembershipError as MembershipError
from .memberships import follow as follow
from .memberships import member_suspend as member_suspend
from .memberships import membership_add as membership_add
from .memberships import membership_approve as membership_approve
from .memberships import membership_refuse as membership_refuse
from .memberships import membership_request as membership_request
from .memberships import notify, subscribe
from .models import (
    Attachment,
    Notification,
    NotificationKind,
    Post,
    PostRevision,
    Reaction,
    Report,
    ReportStatus,
    Space,
    Subscription,
    Topic,
    TopicVisit,
)
from .tasks import send_notification_emails

MAX_POST_LENGTH = 20_000
# A member's visit of a topic is written again only after this long: a reload or a page turn
# within it costs no write, and marks as new the same posts.
VISIT_REFRESH = datetime.timedelta(minutes=1)
# How long a post waits for the author's other post being written (PostgreSQL) before the
# member is asked to try again; SQLite waits its own timeout (OPTIONS "timeout", 5 s).
AUTHOR_LOCK_TIMEOUT_MS = 5000


class ForumError(Exception):
    """A write the rules refuse; its message is French and shown to the member."""


class ForumBusy(ForumError):
    """The database was too busy to take the write (a lock not granted in time, a serialisation
    failure): nothing was written, and the member may send the same again."""

    def __init__(self):
        super().__init__(
            _("Le site est très sollicité et votre message n'a pas pu être enregistré : réessayez.")
        )


def _busy_means_retry(service):
    """Runs `service` in its own transaction; a database that refuses it for contention raises
    ForumBusy (the transaction is rolled back as a whole, so nothing is half written)."""

    @functools.wraps(service)
    def run(**kwargs):
        try:
            with transaction.atomic():
                return service(**kwargs)
        except OperationalError as error:
            raise ForumBusy() from error

    return run


def _lock_author(author) -> None:
    """Makes the author's writes one at a time, so that the limits below are checked against
    every post already written: PostgreSQL locks the author's row until the transaction ends
    (a concurrent post of theirs waits, then sees this one); SQLite has one writer at a time,
    taken here, before the checks read, rather than at the first insert."""
    users = get_user_model().objects.filter(pk=author.pk)
    if connection.features.has_select_for_update:
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(f"SET LOCAL lock_timeout = {int(AUTHOR_LOCK_TIMEOUT_MS)}")
        list(users.select_for_update().values_list("pk", flat=True))
    else:
        users.update(last_login=F("last_login"))


def _check_body(body: str) -> str:
    body = body.strip()
    if not body:
        raise ForumError(_("Le message est vide."))
    if len(body) > MAX_POST_LENGTH:
        raise ForumError(
            _("Le message dépasse %(max)s caractères.")
            % {"max": f"{MAX_POST_LENGTH:,}".replace(",", " ")}
        )
    return body


def _check_new_account_limits(author, body: str, *, new_topic: bool, attachment=None) -> None:
    """Posting speed for everyone; fewer topics and no links for the first hours of an account.

    Called inside the writing transaction: it locks the author first (`_lock_author`)."""
    _lock_author(author)
    now = timezone.now()
    delay = datetime.timedelta(seconds=settings.FORUMS_MIN_SECONDS_BETWEEN_POSTS)
    last = (
        Post.objects.filter(author=author)
        .order_by("-created_at")
        .values_list("created_at", flat=True)
        .first()
    )
    if last and now - last < delay:
        raise ForumError(
            ngettext(
                "Vous publiez trop vite : attendez %(seconds)s seconde entre deux messages.",
                "Vous publiez trop vite : attendez %(seconds)s secondes entre deux messages.",
                int(delay.total_seconds()),
            )
            % {"seconds": int(delay.total_seconds())}
        )
    new_for = datetime.timedelta(hours=settings.FORUMS_NEW_ACCOUNT_HOURS)
    if author.is_staff or now - author.date_joined >= new_for:
        return
    if markup.has_link(body):
        raise ForumError(_("Les nouveaux comptes ne peuvent pas encore publier de liens."))
    if attachment:
        raise ForumError(_("Les nouveaux comptes ne peuvent pas encore joindre de fichiers."))
    if new_topic:
        limit = settings.FORUMS_NEW_ACCOUNT_MAX_TOPICS
        if Topic.objects.filter(author=author, created_at__gte=now - new_for).count() >= limit:
            raise ForumError(
                ngettext(
                    "Les nouveaux comptes peuvent ouvrir %(limit)s sujet par jour.",
                    "Les nouveaux comptes peuvent ouvrir %(limit)s sujets par jour.",
                    limit,
                )
                % {"limit": limit}
            )


def _notify(post: Post, kind: str, users) -> None:
    """On-site notifications for those who may read `post`; e-mails go out in the background."""
    recipients = [
        user
        for user in users
        if user.pk != post.author_id and permissions.can_be_notified(user, post)
    ]
    Notification.objects.bulk_create(
        Notification(user=user, kind=kind, post=post) for user in recipients
    )
    if recipients:
        transaction.on_commit(lambda: send_notification_emails.enqueue())


def _followers(*, space: Space | None = None, topic: Topic | None = None):
    subscriptions = (
        Subscription.objects.filter(space=space)
        if space
        else Subscription.objects.filter(topic=topic)
    )
    return [subscription.user for subscription in subscriptions.select_related("user")]


def _notify_mentions(post: Post, already: set[int]) -> None:
    """Tells the members `post` mentions by their handle (`_notify` keeps those who may read
    it; `selectors.unreachable_mentions` names the others to the author)."""
    members = authors.members_by_handle(markup.mentioned_handles(post.body))
    users = [user for user in members.values() if user.pk not in already]
    if users:
        _notify(post, NotificationKind.MENTION, users)


def render_body(body: str) -> str:
    """A post's HTML: its Markdown made safe, its mentions of members linked to their profile."""
    members = authors.members_by_handle(markup.mentioned_handles(body))
    return markup.render(body, mentions=authors.mention_links(members))


def _tell_followers(post: Post, kind: str, **followed) -> None:
    """After a post is written: its author follows its topic, then the followers of `followed`
    (its space or its topic) and the members it mentions are told."""
    subscribe(post.author, topic=post.topic)
    followers = _followers(**followed)
    _notify(post, kind, followers)
    _notify_mentions(post, {user.pk for user in followers})


@scopes.explicit
@_busy_means_retry
def topic_create(
    *, space: Space, author, title: str, body: str, resource=None, attachment=None
) -> Topic:
    """Opens a topic with its first post; the author follows it, the space's followers are told."""
    title = title.strip()
    if not title:
        raise ForumError(_("Le titre est vide."))
    body = _check_body(body)
    _check_new_account_limits(author, body, new_topic=True, attachment=attachment)
    now = timezone.now()
    topic = Topic.objects.create(
        space=space,
        title=title[:200],
        author=author,
        resource=resource,
        created_at=now,
        last_post_at=now,
    )
    Space.objects.filter(pk=space.pk).update(topic_count=F("topic_count") + 1)
    post = _create_post(topic=topic, author=author, body=body, now=now, attachment=attachment)
    _tell_followers(post, NotificationKind.TOPIC, space=space)
    scopes.topic_changed(topic)
    return topic


def check_attachment(upload) -> uploads.CheckedFile:
    """Checks an attachment by extension, size and content (core.uploads); returns its kind,
    decided from its content, and the name to display. Raises a ValidationError."""
    return uploads.check_upload(
        upload,
        extensions=uploads.ATTACHMENT_EXTENSIONS,
        max_bytes=settings.FORUMS_MAX_ATTACHMENT_BYTES,
    )


def _create_post(*, topic: Topic, author, body: str, now, attachment=None) -> Post:
    post = Post.objects.create(
        topic=topic,
        author=author,
        body=body,
        body_html=render_body(body),
        created_at=now,
        has_attachments=bool(attachment),
    )
    Topic.objects.filter(pk=topic.pk).update(post_count=F("post_count") + 1, last_post_at=now)
    if attachment:
        checked = getattr(attachment, "checked", None) or check_attachment(attachment)
        Attachment.objects.create(
            post=post,
            file=attachment,
            name=checked.name,
            size=checked.size,
            is_image=checked.kind.inline,
            content_type=checked.kind.content_type,
        )
    return post


@scopes.explicit
@_busy_means_retry
def post_create(*, topic: Topic, author, body: str, attachment=None) -> Post:
    """Replies to a topic; the author then follows it, and its followers are told.

    `attachment` is an upload; the post form has run `check_attachment` on it already."""
    body = _check_body(body)
    _check_new_account_limits(author, body, new_topic=False, attachment=attachment)
    post = _create_post(
        topic=topic, author=author, body=body, now=timezone.now(), attachment=attachment
    )
    _tell_followers(post, NotificationKind.REPLY, topic=topic)
    scopes.topic_changed(topic)
    return post


@scopes.explicit
@transaction.atomic
def post_edit(*, post: Post, editor, body: str) -> Post:
    """Changes a post's text, keeping the former text in its history."""
    body = _check_body(body)
    if body == post.body:
        return post
    PostRevision.objects.create(post=post, body=post.body, edited_by=editor)
    post.body = body
    post.body_html = render_body(body)
    post.edited_at = timezone.now()
    post.save(update_fields=["body", "body_html", "edited_at"])
    scopes.topic_changed(post.topic)
    return post


@scopes.explicit
@transaction.atomic
def post_delete(*, post: Post, user) -> None:
    """Soft deletion: the post stays in the thread as "message supprimé", its text is kept for
    moderators' history only."""
    post.deleted_at = timezone.now()
    post.save(update_fields=["deleted_at"])
    scopes.topic_changed(post.topic)


@scopes.explicit
@transaction.atomic
def post_hide(*, post: Post, moderator, reason: str) -> None:
    reason = reason.strip()
    if not reason:
        raise ForumError(_("Indiquez le motif du masquage : il sera montré à l'auteur du message."))
    _count_hidden(post, +1)
    post.hidden_at = timezone.now()
    post.hidden_reason = reason[:300]
    post.save(update_fields=["hidden_at", "hidden_reason"])
    scopes.topic_changed(post.topic)
    Report.objects.filter(post=post, status=ReportStatus.OPEN).update(
        status=ReportStatus.HIDDEN, handled_by=moderator, handled_at=timezone.now()
    )
    if post.author and post.author.is_active:
        # The reason as it was given: the post's own is emptied if it is shown again.
        notify(
            [
                Notification(
                    user=post.author,
                    kind=NotificationKind.HIDDEN,
                    post=post,
                    text=post.hidden_reason,
                )
            ]
        )


def _count_hidden(post: Post, change: int) -> None:
    """The topic's `hidden_count` as `post` is hidden (+1) or shown again (-1): counted once,
    from the row as the database has it (a post hidden twice at once counts once)."""
    hidden = change > 0
    if Post.objects.filter(pk=post.pk, hidden_at__isnull=hidden).update(
        hidden_at=timezone.now() if hidden else None
    ):
        Topic.objects.filter(pk=post.topic_id).update(hidden_count=F("hidden_count") + change)


@scopes.explicit
@transaction.atomic
def post_restore(*, post: Post, moderator) -> None:
    _count_hidden(post, -1)
    post.hidden_at = None
    post.hidden_reason = ""
    post.save(update_fields=["hidden_at", "hidden_reason"])
    scopes.topic_changed(post.topic)


@scopes.explicit
@transaction.atomic
def reaction_toggle(*, post: Post, user) -> bool:
    """Marks a post useful, or takes the mark back; returns whether it is now marked."""
    deleted, _details = Reaction.objects.filter(post=post, user=user).delete()
    scopes.thread_changed(post.topic_id)
    if deleted:
        Post.objects.filter(pk=post.pk).update(useful_count=F("useful_count") - 1)
        return False
    Reaction.objects.create(post=post, user=user)
    Post.objects.filter(pk=post.pk).update(useful_count=F("useful_count") + 1)
    return True


@scopes.explicit
@transaction.atomic
def answer_accept(*, topic: Topic, post: Post | None) -> None:
    """Marks `post` as the topic's accepted answer (None takes the mark back)."""
    if post is not None and post.topic_id != topic.pk:
        raise ForumError(_("Ce message n'appartient pas à ce sujet."))
    topic.accepted_post = post
    topic.save(update_fields=["accepted_post"])
    scopes.topic_changed(topic)


@scopes.explicit
@transaction.atomic
def topic_set_flags(
    *, topic: Topic, pinned: bool | None = None, locked: bool | None = None
) -> None:
    if pinned is not None:
        topic.is_pinned = pinned
    if locked is not None:
        topic.is_locked = locked
    topic.save(update_fields=["is_pinned", "is_locked"])
    scopes.topic_changed(topic)


@scopes.explicit
@transaction.atomic
def topic_move(*, topic: Topic, space: Space) -> None:
    former = topic.space_id
    if former == space.pk:
        return
    topic.space = space
    topic.save(update_fields=["space"])
    Space.objects.filter(pk=former).update(topic_count=F("topic_count") - 1)
    Space.objects.filter(pk=space.pk).update(topic_count=F("topic_count") + 1)
    scopes.topic_changed(topic, former_space_id=former)


@transaction.atomic
def report_create(*, post: Post, reporter, reason: str) -> Report:
    """Reports a post to the moderators of its space, who are told (staff, if it has none)."""
    reason = reason.strip()
    if not reason:
        raise ForumError(_("Dites en quelques mots pourquoi ce message pose problème."))
    report = Report.objects.create(post=post, reporter=reporter, reason=reason[:1000])
    space = post.topic.space
    notify(
        [
            Notification(
                user=moderator,
                kind=NotificationKind.REPORT,
                post=post,
                actor=reporter,
                text=report.reason,
            )
            for moderator in permissions.space_moderators(space)
            if moderator.pk != getattr(reporter, "pk", None)
            and permissions.can_moderate(moderator, space)
        ]
    )
    return report


@transaction.atomic
def report_dismiss(*, report: Report, moderator) -> None:
    report.status = ReportStatus.DISMISSED
    report.handled_by = moderator
    report.handled_at = timezone.now()
    report.save(update_fields=["status", "handled_by", "handled_at"])


def topic_visit_record(*, topic: Topic, user, last_visit: datetime.datetime | None) -> None:
    """Records that `user` reads `topic` now, for the "nouveau" markers of their next visit.

    `last_visit` is the visit the page was read with (None: their first); one written less
    than VISIT_REFRESH ago is left as it is, unless a post came since (the topic lists count
    it as unread until then). One statement at most, outside any transaction: the reading of
    the page opens none."""
    now = timezone.now()
    if last_visit is None:
        TopicVisit.objects.create(topic=topic, user=user, seen_at=now)
    elif now - last_visit > VISIT_REFRESH or topic.last_post_at > last_visit:
        TopicVisit.objects.filter(topic=topic, user=user).update(seen_at=now)


def notifications_mark_read(*, user) -> None:
    Notification.objects.filter(user=user, read_at__isnull=True).update(read_at=timezone.now())
