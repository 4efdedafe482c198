"""The reply view: a refused reply comes back with its text and a French message; a locked
topic takes none."""

import pytest
from django.urls import reverse

from forums import services
from forums.models import Post

pytestmark = pytest.mark.django_db


def reply_url(topic):
    return reverse("forums:reply", args=[topic.space.slug, topic.pk])


def test_a_rejected_reply_keeps_its_text(client, member, topic):
    client.force_login(member)
    long_text = "x" * (services.MAX_POST_LENGTH + 1)
    response = client.post(reply_url(topic), {"body": long_text})
    assert response.status_code == 400
    assert long_text in response.content.decode()


def test_an_empty_reply_gets_a_french_message(client, member, topic):
    client.force_login(member)
    response = client.post(reply_url(topic), {"body": "   "})
    assert response.status_code == 400
    assert "Champ requis." in response.content.decode()


def test_posting_too_fast_is_refused_and_keeps_the_text(client, member, topic, settings):
    settings.FORUMS_MIN_SECONDS_BETWEEN_POSTS = 60
    client.force_login(member)
    client.post(reply_url(topic), {"body": "Premier message"})
    response = client.post(reply_url(topic), {"body": "Second message"})
    html = response.content.decode()
    assert "Vous publiez trop vite" in html
    assert "Second message" in html


def test_a_locked_topic_takes_no_reply(client, member, topic):
    services.topic_set_flags(topic=topic, locked=True)
    client.force_login(member)
    before = Post.objects.filter(topic=topic).count()
    response = client.post(reply_url(topic), {"body": "Encore moi"})
    assert response.status_code == 403
    assert Post.objects.filter(topic=topic).count() == before
