"""The accepted answer shown under the question: to whom, where, and at what cost."""

import pytest
from django.urls import reverse

from core import cache
from forums import scopes, services
from tests.factories import (
    MembershipFactory,
    PostFactory,
    SpaceFactory,
    TopicFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

BOX = 'class="accepted-answer"'


@pytest.fixture
def answered(space, member):
    """A question of `member` in `space` with two replies, the second accepted."""
    topic = services.topic_create(space=space, author=member, title="Une charte", body="Qui ?")
    helper = MembershipFactory(space=space).user
    services.post_create(topic=topic, author=helper, body="Un premier avis")
    answer = services.post_create(topic=topic, author=helper, body="La charte **type** du Pays")
    services.answer_accept(topic=topic, post=answer)
    return topic, answer


def _box(html: str) -> str:
    start = html.index(BOX)
    return html[start : html.index("</aside>", start)]


def test_the_accepted_answer_is_shown_under_the_question(client, answered):
    topic, answer = answered
    html = client.get(topic.get_absolute_url()).content.decode()
    box = _box(html)
    assert "Réponse acceptée" in box
    assert "<strong>type</strong>" in box
    assert reverse("forums:post", args=[answer.pk]) in box
    # Right under the first post, inside its item, before the first reply.
    first = topic.posts.order_by("created_at").first()
    assert html.index(f'id="message-{first.pk}"') < html.index(BOX)
    assert html.index(BOX) < html.index("Un premier avis")


def test_its_link_leads_to_its_place_in_the_thread(client, answered):
    topic, answer = answered
    response = client.get(reverse("forums:post", args=[answer.pk]))
    assert response.status_code == 302
    assert response["Location"].endswith(f"?page=1#message-{answer.pk}")


def test_no_box_without_an_accepted_answer(client, topic):
    assert BOX not in client.get(topic.get_absolute_url()).content.decode()


@pytest.mark.parametrize("reader", ["anonymous", "member", "moderator", "staff"])
def test_a_hidden_accepted_answer_is_never_shown_under_the_question(client, answered, reader):
    topic, answer = answered
    moderator = UserFactory(staff=True)
    services.post_hide(post=answer, moderator=moderator, reason="Hors sujet")
    users = {
        "member": topic.author,
        "moderator": MembershipFactory(space=topic.space, moderator=True).user,
        "staff": moderator,
    }
    if reader in users:
        client.force_login(users[reader])
    assert BOX not in client.get(topic.get_absolute_url()).content.decode()


def test_a_deleted_accepted_answer_is_not_shown(client, answered):
    topic, answer = answered
    services.post_delete(post=answer, user=answer.author)
    assert BOX not in client.get(topic.get_absolute_url()).content.decode()


def test_a_private_space_answer_stays_in_it(client, no_posting_delay):
    insider = UserFactory()
    codir = SpaceFactory(private=True, members=[insider])
    topic = services.topic_create(space=codir, author=insider, title="Interne", body="Q")
    answer = PostFactory(topic=topic, body="Réponse confidentielle")
    services.answer_accept(topic=topic, post=answer)
    client.force_login(UserFactory())
    response = client.get(topic.get_absolute_url())
    assert response.status_code == 404
    assert b"confidentielle" not in response.content


def test_only_the_first_page_shows_it(client, answered):
    topic, _answer = answered
    PostFactory.create_batch(25, topic=topic)
    assert BOX in client.get(topic.get_absolute_url()).content.decode()
    assert BOX not in client.get(topic.get_absolute_url() + "?page=2").content.decode()


@pytest.mark.parametrize("replies", [2, 12])
def test_the_accepted_answer_costs_no_query(
    client, member, space, replies, django_assert_num_queries, settings
):
    settings.PORTAL_PAGE_CACHE_SECONDS = 600
    topic = TopicFactory(space=space, author=member, posts=replies + 1)
    services.answer_accept(topic=topic, post=topic.posts.order_by("created_at").last())
    client.force_login(member)
    client.get(topic.get_absolute_url())
    cache.changed(scopes.topic(topic.pk))
    with django_assert_num_queries(5):  # as without one (test_topic_detail.COLD)
        html = client.get(topic.get_absolute_url()).content.decode()
    assert BOX in html
