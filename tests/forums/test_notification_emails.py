"""Notifications and their e-mails: mentions and followers are told, at the frequency each
chose; nobody who may not read; a failing mail server delays e-mails but loses none."""

import smtplib

import pytest
from django.core import mail

from forums import services
from forums.models import EmailFrequency, Notification, NotificationSettings
from forums.tasks import send_notification_emails
from tests.factories import MembershipFactory, SpaceFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def follower(space):
    """A member of `space`, so a follower of it, with a handle."""
    return MembershipFactory(space=space, user=UserFactory(verified=True)).user


def test_mentions_and_replies_notify_and_email_followers(
    member, space, follower, django_capture_on_commit_callbacks
):
    NotificationSettings.objects.create(user=follower, email_frequency=EmailFrequency.IMMEDIATE)
    with django_capture_on_commit_callbacks(execute=True):
        topic = services.topic_create(
            space=space, author=member, title="Question", body=f"Bonjour @{follower.profile.handle}"
        )
    assert Notification.objects.filter(user=follower, post__topic=topic).exists()
    assert any(follower.email in message.to for message in mail.outbox)
    email = next(message for message in mail.outbox if follower.email in message.to)
    assert topic.title in email.body
    assert email.alternatives[0][1] == "text/html"


def test_no_notification_reaches_someone_who_may_not_read(no_posting_delay):
    author, outsider = UserFactory.create_batch(2, verified=True)
    private = SpaceFactory(private=True, moderators=[author])
    services.topic_create(
        space=private, author=author, title="Interne", body=f"Pour @{outsider.profile.handle}"
    )
    assert not Notification.objects.filter(user=outsider, post__topic__space=private).exists()


def test_a_failing_mail_server_delays_emails_but_loses_none(
    member, space, follower, monkeypatch, django_capture_on_commit_callbacks
):
    NotificationSettings.objects.create(user=follower, email_frequency=EmailFrequency.IMMEDIATE)

    def broken(self, *args, **kwargs):
        raise smtplib.SMTPServerDisconnected("panne")

    monkeypatch.setattr("django.core.mail.EmailMultiAlternatives.send", broken)
    with django_capture_on_commit_callbacks(execute=True):
        services.topic_create(space=space, author=member, title="Question", body="Bonjour")
    pending = Notification.objects.filter(user=follower, emailed_at__isnull=True)
    assert pending.exists()
    monkeypatch.undo()
    mail.outbox.clear()
    send_notification_emails.call("immediate")
    assert not pending.exists()
    assert any(follower.email in message.to for message in mail.outbox)


def test_daily_digest_gathers_the_day_and_never_means_never(member, space, follower):
    never = MembershipFactory(space=space).user  # `follower` has the default: daily
    NotificationSettings.objects.create(user=never, email_frequency=EmailFrequency.NEVER)
    services.topic_create(space=space, author=member, title="Un", body="Premier")
    mail.outbox.clear()
    send_notification_emails.call("daily")
    recipients = [address for message in mail.outbox for address in message.to]
    assert recipients.count(follower.email) == 1
    assert never.email not in recipients


def test_the_subject_counts_the_news_in_french(
    member, space, follower, django_capture_on_commit_callbacks
):
    NotificationSettings.objects.create(user=follower, email_frequency=EmailFrequency.IMMEDIATE)
    with django_capture_on_commit_callbacks(execute=True):
        services.topic_create(space=space, author=member, title="Question", body="Bonjour")
    email = next(message for message in mail.outbox if follower.email in message.to)
    assert email.subject == "Bloc local : 1 nouveauté dans vos espaces"
