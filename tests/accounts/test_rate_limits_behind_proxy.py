"""allauth's rate limits behind the reverse proxy: counted per visitor's address (the one the
proxy appends to X-Forwarded-For) and per account, never for everyone at once."""

import pytest
from django.test import Client

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db

ATTACKER, MEMBER, ELSEWHERE = "203.0.113.7", "198.51.100.20", "192.0.2.33"


def log_in_from(address, email, password, *, forwarded=None):
    client = Client(HTTP_X_FORWARDED_FOR=forwarded or address)
    response = client.post("/compte/login/", {"login": email, "password": password})
    return client, response


def refused(response) -> bool:
    return response.status_code == 429 or "Trop de tentatives" in response.content.decode()


def test_failures_for_a_made_up_address_do_not_lock_a_member_out_from_elsewhere(member):
    for attempt in range(12):
        _client, response = log_in_from(ATTACKER, f"invente{attempt % 2}@example.org", "x")
    assert refused(response)  # the attacker's address is limited
    client, response = log_in_from(MEMBER, member.email, PASSWORD)
    assert not refused(response)
    assert "_auth_user_id" in client.session


def test_two_addresses_are_limited_apart(member):
    for attempt in range(12):
        _client, last = log_in_from(ATTACKER, f"autre{attempt}@example.org", "x")
    assert refused(last)
    _client, other = log_in_from(ELSEWHERE, "autre0@example.org", "x")
    assert not refused(other)


def test_a_visitor_cannot_escape_the_limit_by_writing_x_forwarded_for(member):
    """The proxy appends the real address: what the visitor wrote before it does not count."""
    for attempt in range(12):
        _client, last = log_in_from(
            ATTACKER, f"faux{attempt}@example.org", "x", forwarded=f"10.0.0.{attempt}, {ATTACKER}"
        )
    assert refused(last)


def test_an_account_is_limited_whatever_the_addresses_tried(member):
    for attempt in range(5):
        log_in_from(f"192.0.2.{attempt + 100}", member.email, "pas-le-bon")
    _client, response = log_in_from(MEMBER, member.email, PASSWORD)
    assert refused(response)
