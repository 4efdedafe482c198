"""Unread posts in the topic lists of a member, and the way to the first of them."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from forums import selectors, services
from forums.models import Topic, TopicVisit
from tests.factories import (
    MembershipFactory,
    PostFactory,
    SpaceFactory,
    TopicFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def visited(user, topic: Topic, *, minutes_ago: int = 30) -> None:
    """`user` read `topic` a while ago, when all of its posts so far were there."""
    then = timezone.now() - datetime.timedelta(minutes=minutes_ago)
    topic.posts.update(created_at=then - datetime.timedelta(minutes=1))
    TopicVisit.objects.update_or_create(topic=topic, user=user, defaults={"seen_at": then})


def listing(client, space) -> str:
    return client.get(space.get_absolute_url()).content.decode()


def test_a_member_sees_how_many_posts_are_new_in_french(client, member, space, topic):
    visited(member, topic)
    PostFactory(topic=topic)
    client.force_login(member)
    html = listing(client, space)
    assert "1 non lu<" in html
    assert "1 message non lu<" in html  # said in full to screen readers
    PostFactory.create_batch(2, topic=topic)
    html = listing(client, space)
    assert "3 non lus<" in html
    assert "3 messages non lus<" in html
    assert topic.get_unread_url() in html


def test_own_hidden_and_deleted_posts_are_not_counted(client, member, space, topic):
    visited(member, topic)
    PostFactory(topic=topic, author=member)
    PostFactory(topic=topic, hidden=True)
    PostFactory(topic=topic, deleted=True)
    PostFactory(topic=topic)
    client.force_login(member)
    assert "1 non lu<" in listing(client, space)


def test_a_moderator_is_not_counted_the_hidden_posts_either(client, space, topic):
    moderator = MembershipFactory(space=space, moderator=True).user
    visited(moderator, topic)
    PostFactory(topic=topic, hidden=True)
    client.force_login(moderator)
    assert "non lu" not in listing(client, space)


def test_nothing_is_said_of_a_topic_never_opened_nor_to_anonymous_visitors(
    client, member, space, topic
):
    client.force_login(member)
    PostFactory(topic=topic)
    assert "non lu" not in listing(client, space)
    visited(member, topic)
    PostFactory(topic=topic)
    client.logout()
    html = listing(client, space)
    assert "non lu" not in html
    assert topic.get_unread_url() not in html


def test_reading_the_topic_clears_its_count(client, member, space, topic):
    visited(member, topic)
    PostFactory(topic=topic)
    client.force_login(member)
    assert "1 non lu<" in listing(client, space)
    client.get(topic.get_absolute_url())
    assert "non lu" not in listing(client, space)


def test_a_topic_opens_at_its_first_unread_post_on_its_page(client, member, space):
    topic = TopicFactory(space=space, posts=25)
    visited(member, topic)
    first = PostFactory(topic=topic)
    PostFactory(topic=topic)
    client.force_login(member)
    response = client.get(topic.get_unread_url())
    assert response.status_code == 302
    assert response["Location"] == f"{topic.get_absolute_url()}?page=2#message-{first.pk}"
    assert f'id="message-{first.pk}"' in client.get(response["Location"]).content.decode()


def test_a_topic_with_nothing_new_opens_at_its_last_page(client, member, topic):
    visited(member, topic)
    client.force_login(member)
    response = client.get(topic.get_unread_url())
    assert response["Location"] == topic.get_absolute_url() + "?page=last"


def test_a_topic_never_opened_opens_at_its_start(client, member, topic):
    client.force_login(member)
    assert client.get(topic.get_unread_url())["Location"] == topic.get_absolute_url()
    client.logout()
    assert client.get(topic.get_unread_url())["Location"] == topic.get_absolute_url()


def test_the_first_unread_post_is_never_a_hidden_one(client, member, topic):
    visited(member, topic)
    PostFactory(topic=topic, hidden=True)
    shown = PostFactory(topic=topic)
    client.force_login(member)
    assert client.get(topic.get_unread_url())["Location"].endswith(f"#message-{shown.pk}")


def test_a_private_topic_first_unread_post_is_kept_from_outsiders(client, no_posting_delay):
    insider = UserFactory()
    codir = SpaceFactory(private=True, members=[insider])
    topic = services.topic_create(space=codir, author=insider, title="Interne", body="Q")
    client.force_login(UserFactory())
    assert client.get(topic.get_unread_url()).status_code == 404


def test_a_member_who_left_a_private_space_has_nothing_counted_there(no_posting_delay):
    leaver = UserFactory()
    codir = SpaceFactory(private=True, members=[leaver])
    topic = TopicFactory(space=codir, posts=1)
    visited(leaver, topic)
    PostFactory(topic=topic)
    topics = Topic.objects.filter(pk=topic.pk)
    assert selectors.with_unread(topics, leaver).get().unread == 1
    codir.memberships.filter(user=leaver).delete()
    leaver = type(leaver).objects.get(pk=leaver.pk)  # what the permissions read of them, anew
    assert selectors.with_unread(topics, leaver).get().unread == 0
    assert selectors.first_unread(leaver, topic) is None


@pytest.mark.parametrize("count", [2, 12])
def test_the_counts_cost_no_query_more_whatever_the_topics(
    client, member, space, count, django_assert_num_queries
):
    for _ in range(count):
        topic = TopicFactory(space=space, posts=2)
        visited(member, topic)
        PostFactory.create_batch(2, topic=topic)
    client.force_login(member)
    # As many as before the counts (test_space_detail.QUERIES): they come with the topics.
    with django_assert_num_queries(10):
        html = client.get(space.get_absolute_url()).content.decode()
    assert html.count("2 non lus<") == count


def test_the_space_page_keeps_no_member_count_for_another(client, member, space, topic, settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 600
    visited(member, topic)
    PostFactory(topic=topic)
    client.force_login(member)
    assert "1 non lu<" in listing(client, space)
    other = MembershipFactory(space=space).user
    client.force_login(other)
    assert "non lu" not in listing(client, space)
    client.logout()
    assert "non lu" not in listing(client, space)
    client.force_login(member)
    assert "1 non lu<" in listing(client, space)


def test_unread_urls_are_reversed(topic):
    assert topic.get_unread_url() == reverse(
        "forums:topic_unread", args=[topic.space.slug, topic.pk]
    )


def test_a_reply_read_within_a_minute_of_the_last_visit_is_read(client, member, space, topic):
    client.force_login(member)
    client.get(topic.get_absolute_url())  # the visit, just now
    PostFactory(topic=topic)
    assert "1 non lu<" in listing(client, space)
    client.get(topic.get_absolute_url())
    assert "non lu" not in listing(client, space)
