"""A space's page."""

import pytest

from tests.factories import SpaceFactory, TopicFactory, UserFactory

pytestmark = pytest.mark.django_db

QUERIES = {"anonymous": 7, "member": 10}  # whatever the number of topics, posts and members


@pytest.mark.parametrize("visitor", QUERIES)
@pytest.mark.parametrize("count", [2, 10])
def test_the_space_page_runs_as_many_queries_whatever_its_topics(
    client, visitor, count, django_assert_num_queries
):
    reader = UserFactory()
    moderators = UserFactory.create_batch(count)
    space = SpaceFactory(
        public=True, moderators=moderators, members=[reader, *UserFactory.create_batch(count)]
    )
    for author in moderators:
        TopicFactory(space=space, author=author, posts=count)
    if visitor == "member":
        client.force_login(reader)
    with django_assert_num_queries(QUERIES[visitor]):
        assert client.get(space.get_absolute_url()).status_code == 200


def test_the_topic_list_counts_replies_in_french(client):
    space = SpaceFactory(public=True)
    for posts in (1, 2, 3):  # the first post, then 0, 1 and 2 replies
        TopicFactory(space=space, posts=posts)
    html = client.get(space.get_absolute_url()).content.decode()
    assert "0 réponse ·" in html
    assert "1 réponse ·" in html
    assert "2 réponses ·" in html
    assert "0 réponses" not in html
