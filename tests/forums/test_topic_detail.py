"""The topic page: quoting, the marks of what is new since the last visit, and its queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core import cache
from forums import scopes, services
from forums.models import Post, TopicVisit
from tests.factories import MembershipFactory, TopicFactory, UserFactory
from tests.factories.forums import refresh_topic

pytestmark = pytest.mark.django_db

# Queries of a member's look at a topic page whatever its number of posts and of their
# authors, caches on: after a change of the topic (its thread page read and kept), then with
# the page kept (the account, the topic, the memberships and the unread count are per request).
COLD, WARM = 5, 4


def test_quoting_a_post_prefills_the_reply(client, member, topic):
    first = topic.posts.order_by("created_at").first()
    client.force_login(member)
    html = client.get(topic.get_absolute_url() + f"?citer={first.pk}").content.decode()
    assert "&gt; **" in html


def test_posts_new_since_the_last_visit_are_marked(client, member, space):
    new = "Nouveau depuis votre dernière visite"
    other = MembershipFactory(space=space).user
    topic = services.topic_create(space=space, author=other, title="Marqueurs", body="Début")
    client.force_login(member)
    assert new not in client.get(topic.get_absolute_url()).content.decode()
    now = timezone.now()
    topic.posts.update(created_at=now - datetime.timedelta(minutes=10))
    TopicVisit.objects.filter(topic=topic, user=member).update(
        seen_at=now - datetime.timedelta(minutes=5)
    )
    services.post_create(topic=topic, author=other, body="Une suite")
    assert client.get(topic.get_absolute_url()).content.decode().count(new) == 1
    # That visit was recorded: the reply is no longer new.
    assert new not in client.get(topic.get_absolute_url()).content.decode()


@pytest.mark.parametrize("posts", [2, 10])
def test_the_topic_page_runs_as_many_queries_whatever_its_posts(
    client, member, space, posts, django_assert_num_queries, settings
):
    settings.PORTAL_PAGE_CACHE_SECONDS = 600  # the thread page is kept (0 keeps nothing)
    topic = TopicFactory(space=space, posts=posts)
    client.force_login(member)
    client.get(topic.get_absolute_url())  # the first visit is recorded
    cache.changed(scopes.topic(topic.pk))
    with django_assert_num_queries(COLD):
        assert client.get(topic.get_absolute_url()).status_code == 200
    with django_assert_num_queries(WARM):
        assert client.get(topic.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("authors", [50])
def test_topic_page_query_count_does_not_grow_with_posts(client, member, space, authors, settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 600  # the thread page is kept (0 keeps nothing)
    topic = services.topic_create(space=space, author=member, title="Long fil", body="Début")
    people = UserFactory.create_batch(authors)

    def add(count):
        Post.objects.bulk_create(
            Post(
                topic=topic,
                author=people[n % authors],
                body=f"Message {n}",
                body_html=f"<p>Message {n}</p>",
            )
            for n in range(count)
        )
        refresh_topic(topic)  # the counters, as each new post keeps them
        cache.changed(scopes.topic(topic.pk))  # as each new post does; bulk sends no signal

    def queries(url):
        """SQL queries of a first request after a change (the thread page read and kept), then
        of a second."""
        cache.changed(scopes.topic(topic.pk))
        counts = []
        for _ in range(2):
            with CaptureQueriesContext(connection) as context:
                assert client.get(url).status_code == 200
            counts.append(len(context.captured_queries))
        return counts

    client.force_login(member)
    add(9)
    queries(topic.get_absolute_url())  # the first visit records the visit; later ones update it
    small = queries(topic.get_absolute_url())
    add(190)
    client.get(topic.get_absolute_url())  # new posts since the visit: it is written again, once
    assert queries(topic.get_absolute_url()) == small
    assert queries(topic.get_absolute_url() + "?page=last") == small
    cold, warm = small
    assert warm < cold
    assert warm <= 10
