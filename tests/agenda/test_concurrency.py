"""Two members asking for the last seat at once: one gets it, the other the waiting list.

As in tests/forums/test_concurrency.py, threads each with their own connection write for real;
this module's `transactional_db` deletes what they made rather than flushing every table."""

import pytest
from django.db import connection

from agenda import services
from agenda.models import Registration, RegistrationStatus
from tests.factories import EventFactory, UserFactory
from tests.forums.test_concurrency import at_once, exactly_on_postgresql


@pytest.fixture
def transactional_db(django_db_setup, django_db_blocker):
    """Committed rows, seen by every connection; the pages and users listed are deleted after."""
    made = []
    with django_db_blocker.unblock():
        yield made
        for item in reversed(made):
            item.delete()


def test_two_members_for_the_last_seat_get_one_seat_and_one_waiting_place(transactional_db):
    event = EventFactory(capacity=1)
    members = UserFactory.create_batch(2)
    transactional_db.extend([*members, event])

    outcomes = at_once(lambda number: services.register(event=event, user=members[number]), 2)

    registered = Registration.objects.filter(event=event, status=RegistrationStatus.REGISTERED)
    assert registered.count() <= 1  # never two members in one seat, whatever the database
    made = [outcome for outcome in outcomes if isinstance(outcome, Registration)]
    exactly_on_postgresql(len(made), 2)
    if connection.vendor == "postgresql":
        assert sorted(each.status for each in made) == ["attente", "inscrit"]
