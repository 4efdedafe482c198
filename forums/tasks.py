"""Background work of the discussion spaces: notification e-mails, sent after the request.

A notification row is the outbox: it is marked as e-mailed only once the mail server has taken
the message, so a failing server delays e-mails and loses none (the next run sends them).
"""

import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

logger = logging.getLogger(__name__)


@task()
def send_notification_emails(frequency: str = "immediate") -> int:
    """Sends each member who chose `frequency` one e-mail of their notifications not yet sent."""
    from . import permissions
    from .models import EmailFrequency, Notification

    pending = (
        Notification.objects.filter(emailed_at__isnull=True, user__is_active=True)
        .select_related("user", "post__topic__space", "post__author")
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
        readable = [n for n in notifications if permissions.can_be_notified(user, n.post)]
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
    subject = (
        _("Bloc local : %(count)s nouveauté dans vos espaces")
        if len(notifications) == 1
        else _("Bloc local : %(count)s nouveautés dans vos espaces")
    ) % {"count": len(notifications)}
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string("forums/email/notifications.txt", context),
        to=[user.email],
    )
    message.attach_alternative(
        render_to_string("forums/email/notifications.html", context), "text/html"
    )
    message.send()
