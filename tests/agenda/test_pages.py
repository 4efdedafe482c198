"""The agenda and its event pages: order, pagination, what each visitor sees, the head's
description and JSON-LD, search, the admin, the demo, and their query counts."""

import datetime
import json
import re

import pytest
from django.utils import timezone
from wagtail.test.utils import WagtailTestUtils

from agenda.models import PAGE_SIZE, EventIndexPage, EventPage
from portal.models import HomePage
from tests import factories
from tests.portal.test_query_counts import MAX_QUERIES

pytestmark = pytest.mark.django_db


def get(client, url, status=200) -> str:
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


@pytest.fixture
def empty_agenda():
    """The agenda without the demo's events (there may be one agenda only)."""
    EventIndexPage.objects.all().delete()
    return factories.EventIndexFactory(title="Agenda", slug="agenda")


def titles(html: str) -> list[str]:
    return re.findall(r'<h2 class="card__title"><a href="[^"]*">([^<]*)</a>', html)


def test_agenda_lists_upcoming_soonest_first_then_past_latest_first(client, empty_agenda):
    for title, days in [("Plus tard", 60), ("Passé loin", -90), ("Bientot", 5), ("Hier", -1)]:
        start = timezone.now() + datetime.timedelta(days=days)
        factories.EventFactory(parent=empty_agenda, title=title, start=start)
    html = get(client, empty_agenda.url)
    assert titles(html) == ["Bientot", "Plus tard", "Hier", "Passé loin"]
    assert html.count(">Passé</span>") == 2


def test_agenda_is_paginated_and_says_when_empty(client, empty_agenda):
    assert "Aucun événement n" in get(client, empty_agenda.url)
    for number in range(PAGE_SIZE + 1):
        factories.EventFactory(parent=empty_agenda, title=f"Evenement {number:02}")
    assert len(titles(get(client, empty_agenda.url))) == PAGE_SIZE
    assert titles(get(client, empty_agenda.url + "?page=2")) == [f"Evenement {PAGE_SIZE:02}"]
    assert get(client, empty_agenda.url + "?page=abc")


def test_agenda_announces_its_feed_and_calendar(client, empty_agenda):
    html = get(client, empty_agenda.url)
    assert '<link rel="alternate" type="application/atom+xml"' in html
    assert 'href="/evenements/flux/"' in html
    assert 'href="/evenements/agenda.ics"' in html


def test_event_page_shows_dates_in_paris_time_place_programme_and_seats(client):
    start = datetime.datetime(2031, 3, 14, 8, 30, tzinfo=datetime.UTC)  # 9h30 in Paris
    event = factories.EventFactory(
        start=start,
        end=start + datetime.timedelta(hours=3),
        capacity=12,
        programme=[("item", {"time": "9h30", "activity": "Tour de table"})],
    )
    factories.RegistrationFactory(event=event)
    html = get(client, event.url)
    assert "vendredi 14 mars 2031, 09h30" in html
    assert "12h30" in html
    assert "INSET d&#x27;Angers" in html
    assert "Tour de table" in html
    assert "11 places libres" in html
    assert "Me connecter pour m" in html


def test_online_link_is_shown_to_registered_members_only(client):
    event = factories.EventFactory(online=True, capacity=1)
    link = event.online_url
    assert link not in get(client, event.url)
    waiting, registered = factories.UserFactory.create_batch(2)
    factories.RegistrationFactory(event=event, user=registered)
    factories.RegistrationFactory(event=event, user=waiting, waiting=True)
    client.force_login(waiting)
    assert link not in get(client, event.url)
    client.force_login(registered)
    assert link in get(client, event.url)
    assert link not in json.dumps(json_ld(get(client, event.url)))


def json_ld(html: str) -> list[dict]:
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(found.group(1))["@graph"]


def test_event_page_gives_a_schema_org_event_and_its_summary_as_description(client):
    event = factories.EventFactory(summary="Une journée pour coopérer entre communes.")
    html = get(client, event.url)
    data = json_ld(html)[0]
    assert data["@type"] == "Event"
    assert data["name"] == event.title
    assert data["location"] == {"@type": "Place", "name": event.place, "address": event.place}
    assert data["eventAttendanceMode"].endswith("OfflineEventAttendanceMode")
    assert datetime.datetime.fromisoformat(data["startDate"]) == event.start
    assert '<meta name="description" content="Une journée pour coopérer entre communes.">' in html


def test_online_event_is_a_virtual_location(client):
    event = factories.EventFactory(online=True)
    data = json_ld(get(client, event.url))[0]
    assert data["location"]["@type"] == "VirtualLocation"
    assert data["location"]["url"] == "http://testserver" + event.url


def test_events_are_found_by_search(client):
    factories.EventFactory(title="Rencontre des bocages", summary="Parlons mutualisation.")
    html = get(client, "/recherche/?q=bocages")
    assert "Rencontre des bocages" in html


def test_event_must_end_after_it_starts_and_have_a_place_or_a_link():
    from django.core.exceptions import ValidationError

    start = timezone.now()
    event = EventPage(title="Essai", summary="Essai", start=start, end=start, place="")
    with pytest.raises(ValidationError) as raised:
        event.clean()
    assert set(raised.value.message_dict) == {"end", "place"}


class TestAdmin(WagtailTestUtils):
    def test_editors_create_events_under_the_agenda_only(self):
        from wagtail.test.utils import WagtailPageTestCase

        case = WagtailPageTestCase()
        case.assertCanCreateAt(EventIndexPage, EventPage)
        case.assertCanNotCreateAt(HomePage, EventPage)
        case.assertCanCreateAt(HomePage, EventIndexPage)


def test_admin_form_has_french_panels(client):
    factories.log_in_with_two_factor(client, factories.UserFactory(superuser=True, two_factor=True))
    agenda = EventIndexPage.objects.first()
    html = get(client, f"/admin/pages/add/agenda/eventpage/{agenda.pk}/")
    for heading in ("Dates", "Lieu ou lien en ligne", "Inscriptions", "Séminaire et rediffusion"):
        assert heading in html


def test_demo_has_upcoming_and_past_events_with_the_2019_replay(client):
    agenda = EventIndexPage.objects.get(slug="agenda")
    events = EventPage.objects.child_of(agenda).live()
    now = timezone.now()
    assert events.filter(end__gte=now).count() >= 2
    assert events.filter(end__lt=now).count() >= 2
    session = events.get(slug="seminaire-2019")
    assert session.edition.year == 2019
    assert session.replay.slug == "introduction"
    assert get(client, agenda.url)


def grow(agenda, count):
    for _ in range(count):
        event = factories.EventFactory(parent=agenda)
        factories.RegistrationFactory(event=event)


@pytest.mark.parametrize("visitor", ["anonymous", "member"])
def test_agenda_and_event_page_query_counts_do_not_grow(
    visitor, client, empty_agenda, django_assert_max_num_queries
):
    if visitor == "member":
        client.force_login(factories.UserFactory())
    event = factories.EventFactory(parent=empty_agenda)
    counts = {}
    for count in (1, 19):
        grow(empty_agenda, count)
        for _ in range(count):
            factories.RegistrationFactory(event=event)
        for url in (empty_agenda.url, event.url):
            with django_assert_max_num_queries(MAX_QUERIES) as captured:
                get(client, url)
            counts.setdefault(url, []).append(len(captured))
    for url, (few, many) in counts.items():
        assert few == many, url


def test_a_closed_event_says_so_to_everyone(client):
    event = factories.EventFactory(registration_open=False)
    assert "Les inscriptions sont closes." in get(client, event.url)
    client.force_login(factories.UserFactory())
    html = get(client, event.url)
    assert "Les inscriptions sont closes." in html
    assert "agenda:register" not in html and f"/evenements/{event.pk}/inscription/" not in html


def test_a_full_event_offers_the_waiting_list(client):
    event = factories.EventFactory(capacity=1)
    factories.RegistrationFactory(event=event)
    client.force_login(factories.UserFactory())
    html = get(client, event.url)
    assert "0 place libre" in html
    assert "sur la liste d&#x27;attente" in html or "sur la liste d'attente" in html


def test_anonymous_event_page_follows_registrations_in_the_page_cache(client, settings):
    from django.core.cache import cache

    from agenda import services

    settings.PORTAL_PAGE_CACHE_SECONDS = 600
    cache.clear()
    event = factories.EventFactory(capacity=3)
    assert "3 places libres" in get(client, event.url)
    assert "3 places libres" in get(client, event.url)  # from the cache
    services.register(event=event, user=factories.UserFactory())
    assert "2 places libres" in get(client, event.url)
