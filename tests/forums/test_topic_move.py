"""Moving a topic: a moderator chooses among the other spaces they moderate; nobody else may,
and a space they do not moderate is refused with the form shown again."""

import pytest
from django.urls import reverse

from forums.models import Space, Topic
from tests.factories import SpaceFactory, TopicFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def spaces():
    moderator = UserFactory()
    here = SpaceFactory(public=True, moderators=[moderator], name="Réseau des DGS")
    there = SpaceFactory(public=True, moderators=[moderator], name="Collectif du Vexin")
    elsewhere = SpaceFactory(public=True, name="Réseau des SG")
    topic = TopicFactory(space=here, posts=2)
    Space.objects.filter(pk=here.pk).update(topic_count=1)
    return {"moderator": moderator, "here": here, "there": there, "elsewhere": elsewhere,
            "topic": topic}  # fmt: skip


def move_url(topic):
    return reverse("forums:topic_move", args=[topic.space.slug, topic.pk])


def test_a_moderator_moves_a_topic_to_a_space_they_moderate(client, spaces):
    client.force_login(spaces["moderator"])
    page = client.get(move_url(spaces["topic"])).content.decode()
    assert "Collectif du Vexin" in page
    assert "Réseau des SG" not in page  # not theirs to move to
    response = client.post(move_url(spaces["topic"]), {"space": spaces["there"].pk})
    topic = Topic.objects.get(pk=spaces["topic"].pk)
    assert topic.space == spaces["there"]
    assert response.url == topic.get_absolute_url()
    counts = dict(Space.objects.values_list("slug", "topic_count"))
    assert (counts[spaces["here"].slug], counts[spaces["there"].slug]) == (0, 1)


def test_a_space_they_do_not_moderate_is_refused_and_the_form_shown_again(client, spaces):
    client.force_login(spaces["moderator"])
    response = client.post(move_url(spaces["topic"]), {"space": spaces["elsewhere"].pk})
    assert response.status_code == 400
    assert "Collectif du Vexin" in response.content.decode()
    assert Topic.objects.get(pk=spaces["topic"].pk).space == spaces["here"]


@pytest.mark.parametrize("who", ["anonymous", "member", "moderator elsewhere"])
def test_nobody_else_moves_a_topic(client, spaces, who):
    if who != "anonymous":
        user = UserFactory()
        if who == "moderator elsewhere":
            SpaceFactory(public=True, moderators=[user])
        client.force_login(user)
    url = move_url(spaces["topic"])
    assert client.get(url).status_code in (302, 403)
    client.post(url, {"space": spaces["there"].pk})
    assert Topic.objects.get(pk=spaces["topic"].pk).space == spaces["here"]


def test_the_topic_page_links_its_moderators_to_the_move(client, spaces):
    client.force_login(spaces["moderator"])
    page = client.get(spaces["topic"].get_absolute_url()).content.decode()
    assert move_url(spaces["topic"]) in page
    client.force_login(UserFactory())
    assert (
        move_url(spaces["topic"])
        not in client.get(spaces["topic"].get_absolute_url()).content.decode()
    )
