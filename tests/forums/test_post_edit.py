"""The post edit view: the former text is kept in the history, the post shows the mark."""

import pytest
from django.urls import reverse

from forums import services

pytestmark = pytest.mark.django_db


def test_edit_keeps_history_and_shows_the_mark(client, member, space):
    topic = services.topic_create(
        space=space, author=member, title="Question", body="Première version"
    )
    post = topic.posts.get()
    client.force_login(member)
    client.post(reverse("forums:post_edit", args=[post.pk]), {"body": "Seconde version"})
    post.refresh_from_db()
    assert post.body == "Seconde version" and post.edited_at
    assert post.revisions.get().body == "Première version"
    assert "modifié" in client.get(topic.get_absolute_url()).content.decode()
