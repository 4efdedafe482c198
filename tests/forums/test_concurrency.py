"""Posting limits hold when one member's posts arrive at once, and a busy database asks to try
again with the text kept.

These tests write for real, through threads that each have their own database connection, so
their rows are committed and deleted at the end. This module's `transactional_db` replaces
pytest-django's, which flushes every table afterwards, and with them the demo content that the
session loads once for the other tests; its name still makes pytest-django create the test
database and run these tests after the others, as it does for transactional tests.
"""

import sqlite3
import threading

import pytest
from django.contrib.auth import get_user_model
from django.db import connection, connections
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from forums import services
from forums.models import Post, Space, Topic
from tests.factories import SpaceFactory, UserFactory

THREADS = 8


@pytest.fixture
def transactional_db(django_db_setup, django_db_blocker):
    """Database access outside any test transaction: the rows written are committed, seen by
    every connection, and the spaces and users in the returned list are deleted after."""
    made = []
    with django_db_blocker.unblock():
        yield made
        for item in reversed(made):
            if isinstance(item, Space):
                Topic.objects.filter(space=item).delete()
            item.delete()


@pytest.fixture
def world(transactional_db, settings):
    committed = transactional_db
    settings.FORUMS_MIN_SECONDS_BETWEEN_POSTS = 60
    author, opener = UserFactory.create_batch(2)
    committed.extend([author, opener])
    space = SpaceFactory(members=[author])
    committed.append(space)
    topic = services.topic_create(space=space, author=opener, title="Sujet", body="Question ?")
    return {"space": space, "author": author, "topic": topic}


def at_once(work, count: int = THREADS) -> list:
    """Runs `work(number)` in `count` threads released together; returns what each returned
    or raised."""
    barrier = threading.Barrier(count)
    outcomes = [None] * count

    def run(number):
        try:
            barrier.wait()
            outcomes[number] = work(number)
        except Exception as error:  # noqa: BLE001 - the outcome is what the test looks at
            outcomes[number] = error
        finally:
            connections.close_all()  # each thread's own connection

    threads = [threading.Thread(target=run, args=(number,)) for number in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


def exactly_on_postgresql(found: int, expected: int) -> None:
    """PostgreSQL waits for the lock and lets exactly `expected` through; SQLite's one writer
    at a time may refuse even those (busy), never more."""
    if connection.vendor == "postgresql":
        assert found == expected
    else:
        assert 0 < found <= expected


def test_simultaneous_replies_of_one_member_let_one_through(world):
    topic, author = world["topic"], world["author"]

    outcomes = at_once(
        lambda number: services.post_create(topic=topic, author=author, body=f"Réponse {number}")
    )

    posted = [outcome for outcome in outcomes if isinstance(outcome, Post)]
    assert all(isinstance(o, Post | services.ForumError) for o in outcomes), outcomes
    exactly_on_postgresql(len(posted), 1)
    assert Post.objects.filter(topic=topic, author=author).count() == len(posted)


@pytest.mark.skipif(
    "connection.vendor != 'postgresql'",
    reason="in the tests' in-memory SQLite, a writer also stops the readers of its tables",
)
def test_simultaneous_replies_through_the_page_let_one_through(world):
    topic, author = world["topic"], world["author"]
    url = reverse("forums:reply", args=[world["space"].slug, topic.pk])
    clients = []
    for _number in range(THREADS):
        client = Client()
        client.force_login(author)
        clients.append(client)

    outcomes = at_once(
        lambda number: clients[number].post(url, {"body": f"Réponse simultanée {number}"})
    )

    statuses = sorted(getattr(outcome, "status_code", outcome) for outcome in outcomes)
    assert all(status in (302, 400, 503) for status in statuses), statuses
    exactly_on_postgresql(statuses.count(302), 1)
    assert Post.objects.filter(topic=topic, author=author).count() == statuses.count(302)
    for number, outcome in enumerate(outcomes):
        if outcome.status_code != 302:  # refused: the text is in the form shown again
            assert f"Réponse simultanée {number}" in outcome.content.decode()


def test_a_new_account_opens_no_more_topics_than_its_limit_at_once(world, settings):
    settings.FORUMS_MIN_SECONDS_BETWEEN_POSTS = 0
    settings.FORUMS_NEW_ACCOUNT_MAX_TOPICS = 2
    author = world["author"]
    author.date_joined = timezone.now()
    author.save(update_fields=["date_joined"])

    outcomes = at_once(
        lambda number: services.topic_create(
            space=world["space"], author=author, title=f"Sujet {number}", body="Bonjour"
        )
    )

    opened = [outcome for outcome in outcomes if isinstance(outcome, Topic)]
    assert all(isinstance(o, Topic | services.ForumError) for o in outcomes), outcomes
    exactly_on_postgresql(len(opened), 2)
    assert Topic.objects.filter(author=author).count() == len(opened)


@pytest.mark.skipif(
    "connection.vendor != 'postgresql'", reason="a row lock held by another transaction"
)
def test_a_lock_not_granted_in_time_asks_to_try_again_and_keeps_the_text(world, monkeypatch):
    topic, author = world["topic"], world["author"]
    monkeypatch.setattr(services, "AUTHOR_LOCK_TIMEOUT_MS", 200)
    held, release = threading.Event(), threading.Event()
    client = Client()
    client.force_login(author)  # before the lock: logging in writes the author's row

    def hold_the_author():
        from django.db import transaction

        try:
            with transaction.atomic():
                list(get_user_model().objects.select_for_update().filter(pk=author.pk))
                held.set()
                release.wait(30)
        finally:
            connections.close_all()

    holder = threading.Thread(target=hold_the_author)
    holder.start()
    try:
        assert held.wait(30)
        response = client.post(
            reverse("forums:reply", args=[world["space"].slug, topic.pk]),
            {"body": "Mon texte long et réfléchi"},
        )
    finally:
        release.set()
        holder.join(30)
    html = response.content.decode()
    assert response.status_code == 503
    assert "réessayez" in html
    assert "Mon texte long et réfléchi" in html
    assert not Post.objects.filter(topic=topic, author=author).exists()


@pytest.mark.skipif("connection.vendor != 'sqlite'", reason="SQLite's one writer at a time")
@pytest.mark.parametrize("page", ["reply", "topic_create"])
def test_a_locked_sqlite_database_asks_to_try_again_and_keeps_the_text(world, page):
    space, topic, author = world["space"], world["topic"], world["author"]
    client = Client()
    client.force_login(author)
    # Another connection to the same database holds a write transaction, as another request
    # writing would: SQLite lets a single writer in at a time.
    other = sqlite3.connect(connection.settings_dict["NAME"], uri=True, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO search_searchlog (query, results, created_at) VALUES ('x', 0, 0)")
    try:
        if page == "reply":
            url = reverse("forums:reply", args=[space.slug, topic.pk])
            response = client.post(url, {"body": "Mon texte long et réfléchi"})
        else:
            url = reverse("forums:topic_create", args=[space.slug])
            data = {"title": "Mon titre", "body": "Mon texte long et réfléchi"}
            response = client.post(url, data)
    finally:
        other.execute("ROLLBACK")
        other.close()
    html = response.content.decode()
    assert response.status_code == 503
    assert "réessayez" in html
    assert "Mon texte long et réfléchi" in html
    assert Post.objects.filter(author=author).count() == 0
