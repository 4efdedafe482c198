"""The agenda's e-mails, sent after the request: the confirmation (with its cancellation link),
the news of a seat freed from the waiting list, and the reminder the day before.

A reminder is claimed (`reminded_at`) before it is sent and released if the mail server fails,
so each registration is reminded once, however often and however many times at once the task
runs."""

import datetime
import logging
import smtplib

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from core import emails

from .models import Registration, RegistrationStatus
from .tokens import cancellation_token

logger = logging.getLogger(__name__)


def _context(registration: Registration) -> dict:
    base_url = settings.WAGTAILADMIN_BASE_URL
    return {
        "registration": registration,
        "event": registration.event,
        "user": registration.user,
        "base_url": base_url,
        "event_url": base_url + (registration.event.url or ""),
        "cancel_url": base_url + reverse("agenda:cancel", args=[cancellation_token(registration)]),
        "ics_url": base_url + reverse("agenda:ics", args=[registration.event_id]),
    }


def _send(registration: Registration, *, subject: str, template: str) -> bool:
    if not registration.user.email:
        return False
    try:
        emails.send(
            subject=subject,
            template=f"agenda/email/{template}",
            to=registration.user.email,
            context=_context(registration),
        )
    except (smtplib.SMTPException, OSError):
        logger.warning("Event e-mail %s to user %s failed.", template, registration.user_id)
        return False
    return True


def _registration(pk: int) -> Registration | None:
    return Registration.objects.select_related("event", "user").filter(pk=pk).first()


@task()
def send_confirmation(registration_id: int) -> bool:
    """Confirms a registration (or a place on the waiting list), with the cancellation link."""
    registration = _registration(registration_id)
    if registration is None:
        return False
    subject = (
        _("Bloc local : vous êtes sur la liste d'attente de « %(event)s »")
        if registration.is_waiting
        else _("Bloc local : votre inscription à « %(event)s »")
    ) % {"event": registration.event.title}
    return _send(registration, subject=subject, template="confirmation")


@task()
def send_promotion(registration_id: int) -> bool:
    """Tells a member from the waiting list that a seat is now theirs."""
    registration = _registration(registration_id)
    if registration is None or registration.is_waiting:
        return False
    subject = _("Bloc local : une place s'est libérée pour « %(event)s »") % {
        "event": registration.event.title
    }
    return _send(registration, subject=subject, template="promotion")


@task()
def send_reminders() -> int:
    """Reminds each registered member of an event beginning within EVENTS_REMINDER_HOURS,
    once per registration."""
    now = timezone.now()
    soon = now + datetime.timedelta(hours=settings.EVENTS_REMINDER_HOURS)
    due = Registration.objects.filter(
        status=RegistrationStatus.REGISTERED,
        reminded_at__isnull=True,
        event__start__gt=now,
        event__start__lte=soon,
        user__is_active=True,
    ).select_related("event", "user")
    sent = 0
    for registration in due:
        claimed = Registration.objects.filter(pk=registration.pk, reminded_at__isnull=True).update(
            reminded_at=now
        )
        if not claimed:
            continue  # another run took it
        subject = _("Bloc local : rappel, « %(event)s » commence bientôt") % {
            "event": registration.event.title
        }
        if _send(registration, subject=subject, template="reminder"):
            sent += 1
        elif registration.user.email:  # the server failed: the next run tries again
            Registration.objects.filter(pk=registration.pk).update(reminded_at=None)
    return sent
