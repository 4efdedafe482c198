"""iCalendar files (RFC 5545) of the agenda: one event, or all those to come.

Each event keeps one UID whatever its changes (its page's key), so that a calendar updates it
rather than adding it twice; times are written in UTC. The `icalendar` package escapes commas,
semicolons and new lines and folds long lines."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as CalendarEvent

UID_DOMAIN = "bloc-local.cnfpt"


def uid(event) -> str:
    return f"evenement-{event.pk}@{UID_DOMAIN}"


def calendar(events, *, url_of) -> bytes:
    """The .ics of `events`; `url_of` makes a page's address absolute."""
    cal = Calendar()
    cal.add("prodid", "-//CNFPT//Bloc local//FR")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "Bloc local")
    for event in events:
        cal.add_component(_component(event, url_of=url_of))
    return cal.to_ical()


def _component(event, *, url_of) -> CalendarEvent:
    item = CalendarEvent()
    item.add("uid", uid(event))
    item.add("dtstamp", _utc(event.last_published_at or timezone.now()))
    item.add("dtstart", _utc(event.start))
    item.add("dtend", _utc(event.end))
    item.add("summary", event.title)
    item.add("description", event.summary)
    # The online link is for the registered only: the file says where to find it.
    item.add("location", event.place or _("En ligne"))
    url = url_of(event.url or "")
    if url:
        item.add("url", url)
    return item


def _utc(moment: datetime.datetime) -> datetime.datetime:
    return moment.astimezone(datetime.UTC)
