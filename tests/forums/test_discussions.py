"""Topics and replies: safe Markdown, refusals that keep the text, notifications, query counts."""

import datetime
import smtplib

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from core import cache
from forums import services
from forums.markup import render
from forums.models import (
    EmailFrequency,
    Notification,
    NotificationSettings,
    Post,
    Space,
    Topic,
    TopicVisit,
)
from forums.tasks import send_notification_emails

pytestmark = pytest.mark.django_db

XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[clic](javascript:alert(1))",
    '<a href="javascript:alert(1)">clic</a>',
    '<a href="jav&#x61;script:alert(1)">clic</a>',
    "<svg onload=alert(1)><circle r=1 /></svg>",
    '<iframe src="https://exemple.org"></iframe>',
    '<p style="background:url(javascript:alert(1))">x</p>',
    '<div onmouseover="alert(1)">survol</div>',
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '<form action="https://exemple.org"><input name="q"></form>',
    "<math><mtext><script>alert(1)</script></mtext></math>",
    '"><script>alert(1)</script>',
    "![x](https://exemple.org/x.png)",
]


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_hostile_markdown_is_rendered_harmless(payload):
    html = render(payload).lower()
    forbidden_parts = ["<script", "onerror", "onload", "onmouseover", "javascript:", "<svg"]
    forbidden_parts += ["<iframe", "style=", "<form", "<input", "data:", "<img", "<math"]
    for forbidden in forbidden_parts:
        assert forbidden not in html, (payload, html)


def test_markdown_keeps_what_members_need():
    html = render(
        "**Gras**, *italique*\n\n- un\n- deux\n\n> citation\n\n[lien](https://exemple.org)"
    )
    assert "<strong>Gras</strong>" in html
    assert "<li>un</li>" in html
    assert "<blockquote>" in html
    assert 'href="https://exemple.org"' in html and 'rel="nofollow' in html


@pytest.fixture
def space():
    return Space.objects.get(slug="reseau-dgs-sg")


@pytest.fixture
def member(django_user_model, space, settings):
    settings.FORUMS_MIN_SECONDS_BETWEEN_POSTS = 0
    user = django_user_model.objects.create_user(
        "dgs.test", "dgs@example.org", "mot-de-passe-solide", first_name="Anne", last_name="Test",
        date_joined=timezone.now() - datetime.timedelta(days=60),
    )  # fmt: skip
    services.membership_add(space=space, user=user)
    return user


def test_a_rejected_reply_keeps_its_text(client, member, space):
    topic = Topic.objects.filter(space=space).first()
    client.force_login(member)
    long_text = "x" * (services.MAX_POST_LENGTH + 1)
    response = client.post(
        reverse("forums:reply", args=[space.slug, topic.pk]), {"body": long_text}
    )
    assert response.status_code == 400
    assert long_text in response.content.decode()


def test_an_empty_reply_gets_a_french_message(client, member, space):
    topic = Topic.objects.filter(space=space).first()
    client.force_login(member)
    response = client.post(reverse("forums:reply", args=[space.slug, topic.pk]), {"body": "   "})
    assert response.status_code == 400
    assert "Champ requis." in response.content.decode()


def test_posting_too_fast_is_refused_and_keeps_the_text(client, member, space, settings):
    settings.FORUMS_MIN_SECONDS_BETWEEN_POSTS = 60
    topic = Topic.objects.filter(space=space).first()
    client.force_login(member)
    client.post(reverse("forums:reply", args=[space.slug, topic.pk]), {"body": "Premier message"})
    response = client.post(
        reverse("forums:reply", args=[space.slug, topic.pk]), {"body": "Second message"}
    )
    html = response.content.decode()
    assert "Vous publiez trop vite" in html
    assert "Second message" in html


def test_new_accounts_may_not_post_links(member, space):
    member.date_joined = timezone.now()
    member.save()
    with pytest.raises(services.ForumError, match="liens"):
        services.topic_create(
            space=space, author=member, title="Pub", body="Voir https://exemple.org"
        )


def test_a_locked_topic_takes_no_reply(client, member, space):
    topic = Topic.objects.filter(space=space).first()
    services.topic_set_flags(topic=topic, locked=True)
    client.force_login(member)
    before = Post.objects.filter(topic=topic).count()
    response = client.post(
        reverse("forums:reply", args=[space.slug, topic.pk]), {"body": "Encore moi"}
    )
    assert response.status_code == 403
    assert Post.objects.filter(topic=topic).count() == before


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


def test_quoting_a_post_prefills_the_reply(client, member, space):
    topic = Topic.objects.filter(space=space).first()
    first = topic.posts.order_by("created_at").first()
    client.force_login(member)
    html = client.get(topic.get_absolute_url() + f"?citer={first.pk}").content.decode()
    assert "&gt; **" in html


def test_useful_reaction_and_accepted_answer(client, member, space, django_user_model):
    topic = services.topic_create(space=space, author=member, title="Question", body="Qui sait ?")
    helper = django_user_model.objects.get(username="claire.moreau")
    answer = services.post_create(topic=topic, author=helper, body="Moi !")
    client.force_login(member)
    client.post(reverse("forums:post_react", args=[answer.pk]))
    client.post(reverse("forums:topic_accept", args=[space.slug, topic.pk]), {"post": answer.pk})
    answer.refresh_from_db()
    topic.refresh_from_db()
    assert answer.useful_count == 1
    assert topic.accepted_post == answer


def test_mentions_and_replies_notify_and_email_followers(
    member, space, django_user_model, django_capture_on_commit_callbacks
):
    claire = django_user_model.objects.get(username="claire.moreau")
    NotificationSettings.objects.create(user=claire, email_frequency=EmailFrequency.IMMEDIATE)
    with django_capture_on_commit_callbacks(execute=True):
        topic = services.topic_create(
            space=space, author=member, title="Question", body="Bonjour @claire.moreau"
        )
    assert Notification.objects.filter(user=claire, post__topic=topic).exists()
    assert any(claire.email in message.to for message in mail.outbox)
    email = next(message for message in mail.outbox if claire.email in message.to)
    assert topic.title in email.body
    assert email.alternatives[0][1] == "text/html"


def test_no_notification_reaches_someone_who_may_not_read(member, django_user_model):
    private = Space.objects.get(slug="codir-pays-des-achards")
    outsider = django_user_model.objects.get(username="claire.moreau")  # not in the CoDir
    author = django_user_model.objects.get(username="marc.girard")
    services.topic_create(space=private, author=author, title="Interne", body="Pour @claire.moreau")
    assert not Notification.objects.filter(user=outsider, post__topic__space=private).exists()


def test_a_failing_mail_server_delays_emails_but_loses_none(
    member, space, django_user_model, monkeypatch, django_capture_on_commit_callbacks
):
    claire = django_user_model.objects.get(username="claire.moreau")
    NotificationSettings.objects.create(user=claire, email_frequency=EmailFrequency.IMMEDIATE)

    def broken(self, *args, **kwargs):
        raise smtplib.SMTPServerDisconnected("panne")

    monkeypatch.setattr("django.core.mail.EmailMultiAlternatives.send", broken)
    with django_capture_on_commit_callbacks(execute=True):
        services.topic_create(space=space, author=member, title="Question", body="Bonjour")
    pending = Notification.objects.filter(user=claire, emailed_at__isnull=True)
    assert pending.exists()
    monkeypatch.undo()
    mail.outbox.clear()
    send_notification_emails.call("immediate")
    assert not pending.exists()
    assert any(claire.email in message.to for message in mail.outbox)


def test_daily_digest_gathers_the_day_and_never_means_never(member, space, django_user_model):
    claire = django_user_model.objects.get(username="claire.moreau")  # daily: the default
    julien = django_user_model.objects.get(username="julien.bernard")
    NotificationSettings.objects.create(user=julien, email_frequency=EmailFrequency.NEVER)
    services.topic_create(space=space, author=member, title="Un", body="Premier")
    mail.outbox.clear()
    send_notification_emails.call("daily")
    recipients = [address for message in mail.outbox for address in message.to]
    assert recipients.count(claire.email) == 1
    assert julien.email not in recipients


@pytest.mark.parametrize("authors", [50])
def test_topic_page_query_count_does_not_grow_with_posts(
    client, member, space, django_user_model, settings, authors
):
    settings.PORTAL_PAGE_CACHE_SECONDS = 600  # the thread page is kept (0 keeps nothing)
    topic = services.topic_create(space=space, author=member, title="Long fil", body="Début")
    people = [
        django_user_model.objects.create_user(f"auteur{n}", f"auteur{n}@example.org", "x")
        for n in range(authors)
    ]

    def add(count):
        Post.objects.bulk_create(
            Post(
                topic=topic,
                author=people[n % authors],
                body=f"Message {n}",
                body_html=f"<p>Message {n}</p>",
            )
            for n in range(count)
        )
        cache.changed(cache.DISCUSSIONS)  # as each new post does; bulk sends no signal

    def queries(url):
        """SQL queries of a first request after a change (the thread page read and kept), then
        of a second."""
        cache.changed(cache.DISCUSSIONS)
        counts = []
        for _ in range(2):
            with CaptureQueriesContext(connection) as context:
                assert client.get(url).status_code == 200
            counts.append(len(context.captured_queries))
        return counts

    client.force_login(member)
    add(9)
    queries(topic.get_absolute_url())  # the first visit records the visit; later ones update it
    small = queries(topic.get_absolute_url())
    add(190)
    assert queries(topic.get_absolute_url()) == small
    assert queries(topic.get_absolute_url() + "?page=last") == small
    cold, warm = small
    assert warm < cold
    assert warm <= 10


def test_the_header_counts_unread_notifications(client, member, space, django_user_model):
    claire = django_user_model.objects.get(username="claire.moreau")
    services.topic_create(
        space=space, author=member, title="Question", body="Bonjour @claire.moreau"
    )
    client.force_login(claire)
    assert "1 non lue" in client.get("/").content.decode()
    client.get(reverse("forums:notifications"))
    assert "non lue" not in client.get("/").content.decode()


def test_posts_new_since_the_last_visit_are_marked(client, member, space, django_user_model):
    new = "Nouveau depuis votre dernière visite"
    claire = django_user_model.objects.get(username="claire.moreau")
    topic = services.topic_create(space=space, author=claire, title="Marqueurs", body="Début")
    client.force_login(member)
    assert new not in client.get(topic.get_absolute_url()).content.decode()
    now = timezone.now()
    topic.posts.update(created_at=now - datetime.timedelta(minutes=10))
    TopicVisit.objects.filter(topic=topic, user=member).update(
        seen_at=now - datetime.timedelta(minutes=5)
    )
    services.post_create(topic=topic, author=claire, body="Une suite")
    assert client.get(topic.get_absolute_url()).content.decode().count(new) == 1
    # That visit was recorded: the reply is no longer new.
    assert new not in client.get(topic.get_absolute_url()).content.decode()
