"""Writes on the agenda: registering, cancelling, promoting from the waiting list.

Each locks its event's row first (`select_for_update`), so that two members taking the last
seat at once are served one after the other: one gets it, the other the waiting list."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core import cache

from . import permissions, tasks
from .models import EventPage, Registration, RegistrationStatus


class EventError(Exception):
    """What the member is told when a registration is refused."""


def _locked(event_id: int) -> EventPage:
    return EventPage.objects.select_for_update().get(pk=event_id)


@transaction.atomic
def register(*, event: EventPage, user) -> Registration:
    """Registers `user` to `event`: a seat while there is one, else the waiting list. A member
    already registered (or waiting) keeps what they have. Raises EventError when closed."""
    event = _locked(event.pk)
    if not permissions.can_register(user, event):
        raise EventError(_("Les inscriptions à cet événement sont closes."))
    existing = Registration.objects.filter(event=event, user=user).first()
    if existing is not None:
        return existing
    status = RegistrationStatus.REGISTERED if event.seats_left() else RegistrationStatus.WAITING
    registration = Registration.objects.create(event=event, user=user, status=status)
    cache.changed(f"event:{event.pk}")
    transaction.on_commit(lambda: tasks.send_confirmation.enqueue(registration.pk))
    return registration


@transaction.atomic
def cancel(*, registration: Registration) -> list[Registration]:
    """Cancels `registration` (deleted) and gives the seats it frees to the waiting list, in
    order of arrival; each promoted member is told by e-mail. Returns the promoted."""
    event = _locked(registration.event_id)
    deleted, _rows = Registration.objects.filter(pk=registration.pk).delete()
    if not deleted:
        return []
    promoted = [] if event.is_past else promote(event=event)
    cache.changed(f"event:{event.pk}")
    return promoted


def promote(*, event: EventPage) -> list[Registration]:
    """Gives the event's free seats to the first on its waiting list (its row locked by the
    caller, or here)."""
    with transaction.atomic():
        event = _locked(event.pk)
        promoted = list(event.registrations.waiting_in_order()[: event.seats_left()])
        Registration.objects.filter(pk__in=[each.pk for each in promoted]).update(
            status=RegistrationStatus.REGISTERED
        )
        for each in promoted:
            each.status = RegistrationStatus.REGISTERED
            transaction.on_commit(lambda pk=each.pk: tasks.send_promotion.enqueue(pk))
        if promoted:
            cache.changed(f"event:{event.pk}")
    return promoted


def cancel_for_deleted_account(*, user) -> None:
    """Before an account is deleted: its seats at events to come go to the waiting lists."""
    for registration in Registration.objects.filter(
        user=user, status=RegistrationStatus.REGISTERED, event__end__gte=timezone.now()
    ):
        cancel(registration=registration)
