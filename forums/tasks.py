"""Background work of the discussion spaces: notification e-mails, sent after the request.

A notification row is the outbox: it is marked as e-mailed only once the mail server has taken
the message, so a failing server delays e-mails and loses none (the next run sends them).
"""

import datetime
import logging
import smtplib

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_tasks import task

from core import emails

from . import permissions
from .models import EmailFrequency, MembershipStatus, Notification, NotificationSettings, Topic

logger = logging.getLogger(__name__)


@task()
def send_notification_emails(frequency: str = EmailFrequency.IMMEDIATE) -> int:
    """Sends each member who chose `frequency` one e-mail of their notifications not yet sent."""
    pending = (
        Notification.objects.filter(emailed_at__isnull=True, user__is_active=True)
        .select_related("user", "post__topic__space", "post__author", "space", "actor")
        .order_by("user_id", "created_at")
    )
    if frequency == EmailFrequency.DAILY:
        # Daily is also the default for members who never chose.
        pending = pending.exclude(
            user__forum_settings__email_frequency__in=[
                EmailFrequency.IMMEDIATE,
                EmailFrequency.WEEKLY,
                EmailFrequency.NEVER,
            ]
        )
    else:
        pending = pending.filter(user__forum_settings__email_frequency=frequency)

    by_user: dict = {}
    for notification in pending:
        by_user.setdefault(notification.user, []).append(notification)

    sent = 0
    for user, notifications in by_user.items():
        readable = [n for n in notifications if permissions.can_see_notification(user, n)]
        try:
            if readable and user.email:
                _send(user, readable)
                sent += 1
        except (smtplib.SMTPException, OSError):
            logger.warning("Notification e-mail to user %s failed; it will be retried.", user.pk)
            continue
        with transaction.atomic():
            Notification.objects.filter(pk__in=[n.pk for n in notifications]).update(
                emailed_at=timezone.now()
            )
    return sent


def _send(user, notifications) -> None:
    context = {
        "user": user,
        "notifications": notifications,
        "base_url": settings.WAGTAILADMIN_BASE_URL,
    }
    subject = ngettext(
        "Bloc local : %(count)s nouveauté dans vos espaces",
        "Bloc local : %(count)s nouveautés dans vos espaces",
        len(notifications),
    ) % {"count": len(notifications)}
    emails.send(
        subject=subject, template="forums/email/notifications", to=user.email, context=context
    )


@task()
def send_unanswered_questions() -> int:
    """Tells each space's volunteer experts, in one daily e-mail, of the questions nobody has
    answered in FORUMS_UNANSWERED_HOURS; each question is sent once."""
    topics = list(
        Topic.objects.unanswered(
            older_than=datetime.timedelta(hours=settings.FORUMS_UNANSWERED_HOURS)
        )
        .select_related("space")
        .order_by("created_at")
    )
    if not topics:
        return 0
    experts = NotificationSettings.objects.filter(
        volunteer_expert=True, user__is_active=True
    ).select_related("user")
    sent = 0
    for expert in experts:
        user = expert.user
        spaces = set(
            user.space_memberships.filter(status=MembershipStatus.ACTIVE).values_list(
                "space_id", flat=True
            )
        )
        mine = [
            topic
            for topic in topics
            if topic.space_id in spaces
            and topic.author_id != user.pk
            and permissions.can_read_space(user, topic.space)
        ]
        if mine and user.email:
            context = {"user": user, "topics": mine, "base_url": settings.WAGTAILADMIN_BASE_URL}
            try:
                emails.send(
                    subject=_("Bloc local : des questions attendent votre expérience"),
                    template="forums/email/unanswered",
                    to=user.email,
                    context=context,
                )
            except (smtplib.SMTPException, OSError):
                logger.warning("Unanswered-questions e-mail to user %s failed.", user.pk)
                return sent  # nothing is marked as sent: tomorrow's run tries again
            sent += 1
    Topic.objects.filter(pk__in=[topic.pk for topic in topics]).update(
        experts_alerted_at=timezone.now()
    )
    return sent
