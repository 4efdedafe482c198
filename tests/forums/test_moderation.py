"""Moderation, unanswered questions and the staff's response statistics."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from forums import services
from forums.models import NotificationSettings, Post, Report, ReportStatus, Space, Topic
from forums.selectors import response_stats
from forums.tasks import send_unanswered_questions
from tests.factories import log_in_with_two_factor, two_factor

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_delay(settings):
    settings.FORUMS_MIN_SECONDS_BETWEEN_POSTS = 0


def user(name):
    return get_user_model().objects.get(username=name)


def test_report_hide_and_the_author_sees_why(client):
    space = Space.objects.get(slug="reseau-dgs-sg")
    topic = services.topic_create(
        space=space, author=user("julien.bernard"), title="Hors sujet", body="Publicité"
    )
    post = topic.posts.get()
    client.force_login(user("sophie.lefebvre"))
    client.post(reverse("forums:post_report", args=[post.pk]), {"reason": "C'est de la publicité"})
    assert Report.objects.filter(post=post, status=ReportStatus.OPEN).exists()

    client.force_login(user("claire.moreau"))  # moderator of the space
    queue = client.get(reverse("forums:moderation")).content.decode()
    assert "publicité" in queue
    client.post(reverse("forums:post_hide", args=[post.pk]), {"reason": "Publicité interdite"})
    assert Report.objects.get(post=post).status == ReportStatus.HIDDEN
    assert "Publicité interdite" in client.get(topic.get_absolute_url()).content.decode()

    client.force_login(user("marc.girard"))  # a reader
    assert "Publicité" not in client.get(topic.get_absolute_url()).content.decode()
    client.force_login(user("julien.bernard"))  # the author
    html = client.get(topic.get_absolute_url()).content.decode()
    assert "Publicité interdite" in html


def test_readers_of_one_kept_thread_page_each_get_their_own_actions(client):
    space = Space.objects.get(slug="reseau-dgs-sg")
    topic = services.topic_create(
        space=space, author=user("julien.bernard"), title="Vos outils ?", body="Lesquels ?"
    )
    first = topic.posts.get()
    reply = services.post_create(topic=topic, author=user("sophie.lefebvre"), body="Un tableur")
    edit_first, edit_reply = (reverse("forums:post_edit", args=[p.pk]) for p in (first, reply))
    hide_reply = reverse("forums:post_hide", args=[reply.pk])

    client.force_login(user("julien.bernard"))
    html = client.get(topic.get_absolute_url()).content.decode()
    assert edit_first in html and edit_reply not in html and hide_reply not in html
    client.force_login(user("sophie.lefebvre"))
    html = client.get(topic.get_absolute_url()).content.decode()
    assert edit_reply in html and edit_first not in html and hide_reply not in html
    client.force_login(user("claire.moreau"))  # moderator of the space
    html = client.get(topic.get_absolute_url()).content.decode()
    assert hide_reply in html and edit_first in html


def test_a_member_outside_the_moderators_has_no_queue(client):
    client.force_login(user("julien.bernard"))
    assert client.get(reverse("forums:moderation")).status_code == 403


def test_moderator_suspends_a_member_from_the_space(client):
    space = Space.objects.get(slug="reseau-dgs-sg")
    julien = user("julien.bernard")
    client.force_login(user("claire.moreau"))
    client.post(
        reverse("forums:member_suspend", args=[space.slug, julien.pk]),
        {"days": 7, "reason": "Propos déplacés", "site_wide": "on"},
    )
    topic = Topic.objects.filter(space=space).first()
    client.force_login(julien)
    response = client.post(
        reverse("forums:reply", args=[space.slug, topic.pk]), {"body": "Je reviens"}
    )
    assert response.status_code == 403
    # A moderator (not staff) can only suspend from their own space, never site-wide.
    other = Space.objects.get(slug="enfance-jeunesse")
    other_topic = Topic.objects.filter(space=other).first()
    before = Post.objects.filter(topic=other_topic).count()
    client.post(reverse("forums:reply", args=[other.slug, other_topic.pk]), {"body": "Ailleurs"})
    assert Post.objects.filter(topic=other_topic).count() == before + 1


def test_unanswered_questions_go_to_volunteer_experts_once():
    space = Space.objects.get(slug="reseau-dgs-sg")
    claire = user("claire.moreau")
    NotificationSettings.objects.create(user=claire, volunteer_expert=True)
    topic = services.topic_create(
        space=space,
        author=user("julien.bernard"),
        title="Qui a une fiche de poste DGS ?",
        body="Merci",
    )
    Topic.objects.filter(pk=topic.pk).update(
        created_at=timezone.now() - datetime.timedelta(hours=49)
    )
    mail.outbox.clear()
    send_unanswered_questions.call()
    expert_mails = [message for message in mail.outbox if claire.email in message.to]
    assert len(expert_mails) == 1
    assert topic.title in expert_mails[0].body
    mail.outbox.clear()
    send_unanswered_questions.call()
    assert not [message for message in mail.outbox if claire.email in message.to]


def test_response_statistics_per_space():
    space = Space.objects.create(
        name="Réseau RH", slug="reseau-rh", kind="metier", visibility="members"
    )
    now = timezone.now()
    author, helper = user("julien.bernard"), user("claire.moreau")
    for hours in (2, 10, 70, None):
        topic = Topic.objects.create(
            space=space,
            title=f"Question {hours}",
            author=author,
            created_at=now - datetime.timedelta(days=3),
        )
        Post.objects.create(
            topic=topic, author=author, body="?", body_html="?", created_at=topic.created_at
        )
        if hours:
            Post.objects.create(
                topic=topic,
                author=helper,
                body="!",
                body_html="!",
                created_at=topic.created_at + datetime.timedelta(hours=hours),
            )
    row = next(row for row in response_stats(days=30) if row.space == "Réseau RH")
    assert (row.questions, row.answered_in_time, row.median_hours) == (4, 2, 10.0)


def test_staff_see_the_statistics_dashboard(client, django_user_model):
    chef = django_user_model.objects.create_superuser("chef", "chef@example.org", "x")
    log_in_with_two_factor(client, two_factor(chef))
    html = client.get(reverse("forums_response_stats")).content.decode()
    assert "Réseau DGS-SG" in html
    assert "365 derniers jours" in html
