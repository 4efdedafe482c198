"""The notifications page and the unread count in the header."""

import pytest
from django.urls import reverse

from forums import services
from forums.models import Notification
from tests.factories import MembershipFactory, PostFactory, UserFactory

pytestmark = pytest.mark.django_db

QUERIES = 8  # the page, whatever the number of notifications


def test_the_header_counts_unread_notifications(client, member, space):
    reader = UserFactory(verified=True)
    services.topic_create(
        space=space, author=member, title="Question", body=f"Bonjour @{reader.profile.handle}"
    )
    client.force_login(reader)
    assert "1 non lue" in client.get("/").content.decode()
    client.get(reverse("forums:notifications"))
    assert "non lue" not in client.get("/").content.decode()


@pytest.mark.parametrize("count", [2, 10])
def test_the_notifications_page_runs_as_many_queries_whatever_their_number(
    client, space, topic, count, django_assert_num_queries
):
    reader = MembershipFactory(space=space).user
    for post in PostFactory.create_batch(count, topic=topic):
        Notification.objects.create(user=reader, kind="reply", post=post)
    client.force_login(reader)
    with django_assert_num_queries(QUERIES):
        assert client.get(reverse("forums:notifications")).status_code == 200
