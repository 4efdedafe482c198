"""Numbers typed by hand in addresses and forms: anything but ASCII digits is no number, never
a 500, and a refused form keeps what was typed."""

import pytest
from django.urls import reverse

from portal.text import parse_number
from tests.factories import (
    MembershipFactory,
    SpaceFactory,
    TopicFactory,
    UserFactory,
    log_in_with_two_factor,
)

pytestmark = pytest.mark.django_db

NOT_NUMBERS = ["²", "٣", "１", "-1", "+1", " 1", "1 ", "1\n", "1.0", "0x1", "", "99999999999"]


@pytest.mark.parametrize("raw", NOT_NUMBERS)
def test_only_ascii_digits_within_range_are_numbers(raw):
    assert parse_number(raw) is None


def test_ascii_digits_are_numbers():
    assert parse_number("0") == 0
    assert parse_number("0042") == 42
    assert parse_number(str(2**31 - 1)) == 2**31 - 1
    assert parse_number("5", minimum=6) is None
    assert parse_number(None) is None


@pytest.fixture
def space():
    return SpaceFactory(public=True)


@pytest.fixture
def topic(space):
    return TopicFactory(space=space)


@pytest.fixture
def member(space, no_posting_delay):
    return MembershipFactory(space=space).user


@pytest.mark.parametrize("raw", ["²", "٣", "99999999999999999999"])
def test_a_quoted_post_that_is_no_number_shows_the_topic(client, topic, raw):
    response = client.get(topic.get_absolute_url(), {"citer": raw})
    assert response.status_code == 200


@pytest.mark.parametrize("raw", ["²", "٣"])
def test_a_resource_that_is_no_number_keeps_the_new_topic_form(client, space, member, raw):
    client.force_login(member)
    url = reverse("forums:topic_create", args=[space.slug])
    assert client.get(url, {"ressource": raw}).status_code == 200
    response = client.post(url, {"ressource": raw, "title": "Un titre tapé", "body": ""})
    assert response.status_code == 200
    assert "Un titre tapé" in response.content.decode()


def test_an_accepted_post_that_is_no_number_is_not_found(client, topic):
    client.force_login(topic.author)
    url = reverse("forums:topic_accept", args=[topic.space.slug, topic.pk])
    assert client.post(url, {"post": "²"}).status_code == 404


@pytest.mark.parametrize("field", ["report", "membership"])
def test_a_moderation_action_on_no_number_is_not_found(client, field):
    client.force_login(UserFactory(staff=True, two_factor=True))
    action = "dismiss" if field == "report" else "approve"
    response = client.post(reverse("forums:moderation"), {"action": action, field: "²"})
    assert response.status_code == 404


def test_the_search_report_period_that_is_no_number_falls_back(client):
    log_in_with_two_factor(client, UserFactory(superuser=True, two_factor=True))
    response = client.get(reverse("search_report"), {"jours": "²"})
    assert response.status_code == 200


@pytest.mark.parametrize("name", ["territoire", "etape", "edition"])
@pytest.mark.parametrize("raw", ["²", "٣", "-3", "9" * 30])
def test_a_search_filter_that_is_no_number_is_said_unknown(client, name, raw):
    response = client.get(reverse("search:search"), {"q": "coopération", name: raw})
    assert response.status_code == 200
