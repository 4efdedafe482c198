"""The moderation queue: for the moderators of a space (and staff), with what they moderate."""

import pytest
from django.urls import reverse

from forums.models import Report
from tests.factories import MembershipFactory, PostFactory, SpaceFactory, TopicFactory, UserFactory

pytestmark = pytest.mark.django_db

QUERIES = 8  # the queue, whatever the number of reports and requests


def test_a_member_outside_the_moderators_has_no_queue(client, member):
    client.force_login(member)
    assert client.get(reverse("forums:moderation")).status_code == 403


@pytest.mark.parametrize("count", [2, 10])
def test_the_queue_runs_as_many_queries_whatever_its_reports_and_requests(
    client, count, django_assert_num_queries
):
    moderator = UserFactory()
    space = SpaceFactory(private=True, moderators=[moderator])
    topic = TopicFactory(space=space, posts=0)
    for post in PostFactory.create_batch(count, topic=topic):
        Report.objects.create(post=post, reporter=UserFactory(), reason="Hors sujet")
    MembershipFactory.create_batch(count, space=space, requested=True)
    client.force_login(moderator)
    with django_assert_num_queries(QUERIES):
        html = client.get(reverse("forums:moderation")).content.decode()
    assert html.count("Hors sujet") >= count
