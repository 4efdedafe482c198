"""The daily and weekly digests: per item the author, the space, a short excerpt and the way to
the first unread post, of what the recipient may still read when it is sent."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from forums import services
from forums.models import EmailFrequency, NotificationSettings, TopicVisit
from forums.tasks import send_notification_emails
from tests.factories import MembershipFactory, SpaceFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader(space):
    """A member of `space` (so told of its new topics) who chose a weekly digest."""
    user = MembershipFactory(space=space).user
    NotificationSettings.objects.create(user=user, email_frequency=EmailFrequency.WEEKLY)
    return user


def digest_of(user, frequency=EmailFrequency.WEEKLY):
    mail.outbox.clear()
    send_notification_emails.call(frequency)
    found = [message for message in mail.outbox if user.email in message.to]
    return found[0] if found else None


def test_each_item_gives_its_author_space_and_an_excerpt(member, space, reader):
    member.first_name, member.last_name = "Anne", "Durand"
    member.save()
    topic = services.topic_create(
        space=space,
        author=member,
        title="Charte de fonctionnement",
        body="Nous avons écrit **notre charte** en [trois séances](https://example.org).",
    )
    email = digest_of(reader)
    assert "Par Anne Durand : Nous avons écrit notre charte en trois séances." in email.body
    assert f"({space.name})" in email.body
    assert topic.get_unread_url() in email.body
    html = email.alternatives[0][0]
    assert "Par Anne Durand" in html
    assert "Nous avons écrit notre charte en trois séances." in html
    assert "<strong>" not in html  # the excerpt is plain text
    assert f'{topic.get_unread_url()}">Charte de fonctionnement</a>' in html


def test_a_long_post_is_cut_to_a_short_excerpt(member, space, reader):
    body = " ".join(["coopération"] * 80)
    services.topic_create(space=space, author=member, title="Long", body=body)
    email = digest_of(reader)
    line = next(line for line in email.body.splitlines() if "Par " in line)
    excerpt = line.split(" : ", 1)[1]
    assert excerpt.endswith("coopération…")
    assert len(excerpt) <= 200


def test_the_link_leads_to_the_first_unread_post(client, member, space, reader):
    topic = services.topic_create(space=space, author=member, title="Suivi", body="Début")
    then = timezone.now() - datetime.timedelta(hours=1)
    topic.posts.update(created_at=then - datetime.timedelta(minutes=1))
    TopicVisit.objects.create(topic=topic, user=reader, seen_at=then)
    services.follow(user=reader, on=True, topic=topic)
    reply = services.post_create(topic=topic, author=member, body="La suite")
    email = digest_of(reader)
    assert topic.get_unread_url() in email.body
    client.force_login(reader)
    response = client.get(topic.get_unread_url())
    assert response["Location"].endswith(f"#message-{reply.pk}")


def test_the_daily_digest_is_as_rich(member, space):
    daily = MembershipFactory(space=space).user  # the default frequency
    services.topic_create(space=space, author=member, title="Quotidien", body="Un *mot*")
    email = digest_of(daily, EmailFrequency.DAILY)
    assert " : Un mot" in email.body


def test_a_post_hidden_before_the_digest_is_left_out(member, space, reader):
    services.topic_create(space=space, author=member, title="Gardé", body="Visible")
    topic = services.topic_create(space=space, author=member, title="Masqué", body="Secret")
    services.post_hide(post=topic.posts.get(), moderator=UserFactory(staff=True), reason="Non")
    email = digest_of(reader)
    assert "Gardé" in email.body
    assert "Masqué" not in email.body
    assert "Secret" not in email.body


def test_a_private_space_left_before_the_digest_is_left_out(no_posting_delay):
    author, leaver = UserFactory.create_batch(2)
    codir = SpaceFactory(private=True, members=[author, leaver])
    NotificationSettings.objects.create(user=leaver, email_frequency=EmailFrequency.WEEKLY)
    services.topic_create(space=codir, author=author, title="Interne", body="Confidentiel")
    codir.memberships.filter(user=leaver).delete()
    assert digest_of(leaver) is None


@pytest.mark.parametrize("topics", [2, 12])
def test_a_digest_asks_as_many_queries_whatever_its_items(
    member, space, reader, topics, django_assert_num_queries
):
    for number in range(topics):
        services.topic_create(space=space, author=member, title=f"Sujet {number}", body="Oui")
    # The pending notifications with their posts, topics, spaces and authors; the recipient's
    # memberships; the notifications marked as sent (in a savepoint: two statements more).
    with django_assert_num_queries(5):
        mail.outbox.clear()
        assert send_notification_emails.call(EmailFrequency.WEEKLY) == 1
    assert mail.outbox[0].body.count("Par ") == topics
