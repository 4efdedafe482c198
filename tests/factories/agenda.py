"""The agenda: events under the demo's agenda (else a new one) and registrations.

EventFactory()                          # a seminar in 30 days, 10 seats, in Angers
EventFactory(past=True), EventFactory(online=True, capacity=1)
RegistrationFactory(event=event), RegistrationFactory(event=event, waiting=True)
"""

import datetime

import factory
from django.utils import timezone

from agenda.models import EventIndexPage, EventKind, EventPage, Registration, RegistrationStatus

from .accounts import UserFactory
from .base import fake
from .pages import PortalPageFactory, existing, section_factory

EventIndexFactory = section_factory(EventIndexPage)


def _in_days(days: int, hour: int = 9) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime.combine(
        day, datetime.time(hour), tzinfo=timezone.get_current_timezone()
    )


class EventFactory(PortalPageFactory):
    class Meta:
        model = EventPage

    parent = existing(EventIndexFactory)
    kind = EventKind.SEMINAR
    start = factory.LazyFunction(lambda: _in_days(30))
    end = factory.LazyAttribute(lambda event: event.start + datetime.timedelta(hours=7))
    place = "INSET d'Angers"
    summary = factory.LazyFunction(fake.sentence)
    capacity = 10

    class Params:
        past = factory.Trait(start=factory.LazyFunction(lambda: _in_days(-30)))
        online = factory.Trait(
            kind=EventKind.WEBINAR, place="", online_url="https://visio.example.org/salle"
        )


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory)
    user = factory.SubFactory(UserFactory)
    status = RegistrationStatus.REGISTERED

    class Params:
        waiting = factory.Trait(status=RegistrationStatus.WAITING)
