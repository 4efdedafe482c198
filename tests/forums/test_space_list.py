"""The list of spaces."""

import pytest
from django.urls import reverse

from tests.factories import SpaceFactory, TopicFactory, UserFactory

pytestmark = pytest.mark.django_db

QUERIES = {"anonymous": 4, "member": 7}  # whatever the number of spaces, members and topics


@pytest.mark.parametrize("visitor", QUERIES)
@pytest.mark.parametrize("count", [2, 10])
def test_the_list_runs_as_many_queries_whatever_its_spaces(
    client, visitor, count, django_assert_num_queries
):
    reader = UserFactory()
    for visibility in ("public", "members_only", "private"):
        for space in SpaceFactory.create_batch(
            count, members=[reader, *UserFactory.create_batch(count)], **{visibility: True}
        ):
            TopicFactory.create_batch(count, space=space, posts=1)
    if visitor == "member":
        client.force_login(reader)
    with django_assert_num_queries(QUERIES[visitor]):
        assert client.get(reverse("forums:space_list")).status_code == 200
