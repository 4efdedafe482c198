"""Suspending a member: a moderator suspends from their own space, never site-wide."""

import pytest
from django.urls import reverse

from forums.models import Post
from tests.factories import SpaceFactory, TopicFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_moderator_suspends_a_member_from_the_space(client, no_posting_delay):
    moderator, suspended = UserFactory.create_batch(2)
    space = SpaceFactory(public=True, moderators=[moderator], members=[suspended])
    other = SpaceFactory(public=True, members=[suspended])
    topic, other_topic = TopicFactory(space=space), TopicFactory(space=other)
    client.force_login(moderator)
    client.post(
        reverse("forums:member_suspend", args=[space.slug, suspended.pk]),
        {"days": 7, "reason": "Propos déplacés", "site_wide": "on"},
    )
    client.force_login(suspended)
    response = client.post(
        reverse("forums:reply", args=[space.slug, topic.pk]), {"body": "Je reviens"}
    )
    assert response.status_code == 403
    # A moderator (not staff) can only suspend from their own space, never site-wide.
    before = Post.objects.filter(topic=other_topic).count()
    client.post(reverse("forums:reply", args=[other.slug, other_topic.pk]), {"body": "Ailleurs"})
    assert Post.objects.filter(topic=other_topic).count() == before + 1
