"""Search over discussions: a topic is found by those who may read its space only, and never
by the words of a hidden post."""

import pytest

from forums import services

pytestmark = pytest.mark.django_db


def search(client, **params):
    response = client.get("/recherche/", params)
    assert response.status_code == 200
    return response.content.decode()


def test_a_private_topic_is_found_only_by_members_of_its_space(client, codir, private_topic):
    assert "Mutualisation des agents" not in search(client, q="mutualisation")
    client.force_login(codir.outsider)
    assert "Mutualisation des agents" not in search(client, q="mutualisation")
    client.force_login(codir.member)
    html = search(client, q="mutualisation")
    assert "Mutualisation des agents" in html
    assert private_topic.get_absolute_url() in html


def test_a_hidden_post_is_not_found(
    client, codir, private_topic, django_capture_on_commit_callbacks
):
    post = private_topic.posts.get()
    with django_capture_on_commit_callbacks(execute=True):
        services.post_create(
            topic=private_topic, author=codir.member, body="Un mot rare : zygomatique"
        )
        services.post_hide(
            post=private_topic.posts.last(), moderator=codir.moderator, reason="Hors sujet"
        )
    client.force_login(codir.other_member)
    assert "Mutualisation des agents" not in search(client, q="zygomatique")
    assert post.topic_id == private_topic.pk
