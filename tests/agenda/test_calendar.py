"""The agenda's iCalendar files, read back by the `icalendar` parser, and its Atom feed of the
events to come, read back by feedparser."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from agenda import ical
from agenda.models import EventPage
from tests import factories
from tests.portal.test_feeds import read

pytestmark = pytest.mark.django_db


def parse(response) -> list:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    calendar = Calendar.from_ical(response.content)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    return list(calendar.walk("VEVENT"))


def test_an_events_file_gives_its_times_in_utc_its_place_and_address(client):
    start = datetime.datetime(2031, 6, 5, 9, 30, tzinfo=timezone.get_current_timezone())
    event = factories.EventFactory(start=start, end=start + datetime.timedelta(hours=2))
    [item] = parse(client.get(reverse("agenda:ics", args=[event.pk])))
    assert item.decoded("DTSTART") == start
    assert item.decoded("DTSTART").utcoffset() == datetime.timedelta(0)
    assert b"DTSTART:20310605T073000Z" in item.to_ical()
    assert item.decoded("DTEND") == event.end
    assert str(item["SUMMARY"]) == event.title
    assert str(item["LOCATION"]) == event.place
    assert str(item["URL"]) == "http://testserver" + event.url
    assert item["DTSTAMP"]


def test_the_uid_stays_when_the_event_changes(client):
    event = factories.EventFactory()
    url = reverse("agenda:ics", args=[event.pk])
    [before] = parse(client.get(url))
    event.title = "Nouveau titre"
    event.save_revision().publish()
    [after] = parse(client.get(url))
    assert before["UID"] == after["UID"] == f"evenement-{event.pk}@bloc-local.cnfpt"
    assert str(after["SUMMARY"]) == "Nouveau titre"


def test_an_online_events_file_keeps_its_link_for_the_registered(client):
    event = factories.EventFactory(online=True)
    [item] = parse(client.get(reverse("agenda:ics", args=[event.pk])))
    assert str(item["LOCATION"]) == "En ligne"
    assert (
        event.online_url.encode() not in client.get(reverse("agenda:ics", args=[event.pk])).content
    )


def test_the_agenda_file_has_the_live_events_to_come_only(client):
    EventPage.objects.all().delete()
    coming = factories.EventFactory(title="A venir")
    factories.EventFactory(title="Passe", past=True)
    draft = factories.EventFactory(title="Brouillon")
    draft.unpublish()
    items = parse(client.get(reverse("agenda:upcoming_ics")))
    assert [str(item["SUMMARY"]) for item in items] == ["A venir"]
    assert str(items[0]["UID"]) == ical.uid(coming)
    assert client.get(reverse("agenda:ics", args=[draft.pk])).status_code == 404
    assert client.get(reverse("agenda:ics", args=[999_999])).status_code == 404


class Url:
    @staticmethod
    def of(path):
        return "https://bloc-local.example" + path


# Commas, semicolons, backslashes and new lines are escaped by the file, long titles folded.
TITLES = st.text(
    st.one_of(
        st.characters(exclude_categories=("Cs", "Cc")),
        st.sampled_from([",", ";", "\\", "\n", ":", '"']),
    ),
    min_size=1,
    max_size=200,
)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=TITLES, summary=TITLES)
def test_any_title_and_summary_read_back_as_written(title, summary):
    start = datetime.datetime(2031, 1, 1, 9, tzinfo=datetime.UTC)
    event = EventPage(
        pk=7, title=title, summary=summary, start=start, end=start, place="Angers, salle 2"
    )
    calendar = Calendar.from_ical(ical.calendar([event], url_of=Url.of))
    [item] = calendar.walk("VEVENT")
    assert str(item["SUMMARY"]) == title
    assert str(item["DESCRIPTION"]) == summary
    assert str(item["LOCATION"]) == "Angers, salle 2"
    assert all(len(line) <= 75 for line in ical.calendar([event], url_of=Url.of).split(b"\r\n"))


def test_the_feed_lists_the_events_to_come_soonest_first(client):
    EventPage.objects.all().delete()
    factories.EventFactory(title="Plus tard", start=timezone.now() + datetime.timedelta(days=60))
    factories.EventFactory(title="Bientot", start=timezone.now() + datetime.timedelta(days=3))
    factories.EventFactory(title="Fini", past=True)
    feed = read(client, reverse("agenda:feed"))
    assert [entry.title for entry in feed.entries] == ["Bientot", "Plus tard"]
    assert feed.entries[0].tags[0].term == "Séminaire"
