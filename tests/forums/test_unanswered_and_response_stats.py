"""Unanswered questions go to the space's volunteer experts; staff see the response statistics
per space."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from forums import services
from forums.models import NotificationSettings, Post, Topic
from forums.selectors import response_stats
from forums.tasks import send_unanswered_questions
from tests.factories import SpaceFactory, TopicFactory, UserFactory, log_in_with_two_factor

pytestmark = pytest.mark.django_db


def test_unanswered_questions_go_to_volunteer_experts_once(no_posting_delay):
    expert, author = UserFactory.create_batch(2)
    space = SpaceFactory(public=True, moderators=[expert], members=[author])
    NotificationSettings.objects.create(user=expert, volunteer_expert=True)
    topic = services.topic_create(
        space=space, author=author, title="Qui a une fiche de poste DGS ?", body="Merci"
    )
    Topic.objects.filter(pk=topic.pk).update(
        created_at=timezone.now() - datetime.timedelta(hours=49)
    )
    mail.outbox.clear()
    send_unanswered_questions.call()
    expert_mails = [message for message in mail.outbox if expert.email in message.to]
    assert len(expert_mails) == 1
    assert topic.title in expert_mails[0].body
    mail.outbox.clear()
    send_unanswered_questions.call()
    assert not [message for message in mail.outbox if expert.email in message.to]


def test_response_statistics_per_space():
    space = SpaceFactory(members_only=True)
    now = timezone.now()
    author, helper = UserFactory.create_batch(2)
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
    row = next(row for row in response_stats(days=30) if row.space == space.name)
    assert (row.questions, row.answered_in_time, row.median_hours) == (4, 2, 10.0)


def test_staff_see_the_statistics_dashboard(client):
    space = TopicFactory().space
    log_in_with_two_factor(client, UserFactory(superuser=True, two_factor=True))
    html = client.get(reverse("forums_response_stats")).content.decode()
    assert space.name in html
    assert "365 derniers jours" in html
