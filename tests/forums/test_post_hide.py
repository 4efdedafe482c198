"""Reporting and hiding a post: the moderator sees the report, readers no longer see the post,
its author sees why; each reader of a kept thread page gets their own actions."""

import pytest
from django.urls import reverse

from forums import services
from forums.models import Report, ReportStatus
from tests.factories import SpaceFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(no_posting_delay):
    """A public space, its moderator, two members who write and one who reads."""
    people = {name: UserFactory() for name in ("moderator", "author", "reporter", "reader")}
    people["space"] = SpaceFactory(
        public=True,
        moderators=[people["moderator"]],
        members=[people["author"], people["reporter"], people["reader"]],
    )
    return people


def test_report_hide_and_the_author_sees_why(client, people):
    topic = services.topic_create(
        space=people["space"], author=people["author"], title="Hors sujet", body="Publicité"
    )
    post = topic.posts.get()
    client.force_login(people["reporter"])
    client.post(reverse("forums:post_report", args=[post.pk]), {"reason": "C'est de la publicité"})
    assert Report.objects.filter(post=post, status=ReportStatus.OPEN).exists()

    client.force_login(people["moderator"])
    queue = client.get(reverse("forums:moderation")).content.decode()
    assert "publicité" in queue
    client.post(reverse("forums:post_hide", args=[post.pk]), {"reason": "Publicité interdite"})
    assert Report.objects.get(post=post).status == ReportStatus.HIDDEN
    assert "Publicité interdite" in client.get(topic.get_absolute_url()).content.decode()

    client.force_login(people["reader"])
    assert "Publicité" not in client.get(topic.get_absolute_url()).content.decode()
    client.force_login(people["author"])
    html = client.get(topic.get_absolute_url()).content.decode()
    assert "Publicité interdite" in html


def test_readers_of_one_kept_thread_page_each_get_their_own_actions(client, people):
    topic = services.topic_create(
        space=people["space"], author=people["author"], title="Vos outils ?", body="Lesquels ?"
    )
    first = topic.posts.get()
    reply = services.post_create(topic=topic, author=people["reporter"], body="Un tableur")
    edit_first, edit_reply = (reverse("forums:post_edit", args=[p.pk]) for p in (first, reply))
    hide_reply = reverse("forums:post_hide", args=[reply.pk])

    client.force_login(people["author"])
    html = client.get(topic.get_absolute_url()).content.decode()
    assert edit_first in html and edit_reply not in html and hide_reply not in html
    client.force_login(people["reporter"])
    html = client.get(topic.get_absolute_url()).content.decode()
    assert edit_reply in html and edit_first not in html and hide_reply not in html
    client.force_login(people["moderator"])
    html = client.get(topic.get_absolute_url()).content.decode()
    assert hide_reply in html and edit_first in html
