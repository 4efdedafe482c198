"""What animators are told and tell: requests to join (accepted or refused, with a message, each
decision logged for staff), reports told to the space's moderators, a hidden post's author and
a suspended member told why (and until when), on the site and by e-mail."""

import datetime
from html import unescape

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from forums import permissions, services
from forums.memberships import MAX_MESSAGE_LENGTH
from forums.models import (
    EmailFrequency,
    Membership,
    MembershipAction,
    MembershipLog,
    MembershipStatus,
    Notification,
    NotificationKind,
    NotificationSettings,
)
from forums.tasks import send_notification_emails
from tests.factories import (
    MembershipFactory,
    SpaceFactory,
    TopicFactory,
    UserFactory,
    log_in_with_two_factor,
)

pytestmark = pytest.mark.django_db


def immediate(*users):
    for user in users:
        NotificationSettings.objects.update_or_create(
            user=user, defaults={"email_frequency": EmailFrequency.IMMEDIATE}
        )


def mails_to(user):
    return [message for message in mail.outbox if user.email in message.to]


@pytest.fixture
def collective(no_posting_delay):
    """A private collective with its moderator, a member, someone asking to join, and the
    moderator of another space."""
    people = {name: UserFactory() for name in ("moderator", "member", "requester", "elsewhere")}
    people["space"] = SpaceFactory(
        private=True, moderators=[people["moderator"]], members=[people["member"]]
    )
    people["other"] = SpaceFactory(private=True, moderators=[people["elsewhere"]])
    return people


def ask(client, people, captured):
    client.force_login(people["requester"])
    with captured(execute=True):
        client.post(reverse("forums:space_join", args=[people["space"].slug]))
    return Membership.objects.get(space=people["space"], user=people["requester"])


# Requests to join


def test_a_request_tells_the_space_moderators_only(
    client, collective, django_capture_on_commit_callbacks
):
    immediate(collective["moderator"], collective["elsewhere"])
    staff = UserFactory(staff=True)
    membership = ask(client, collective, django_capture_on_commit_callbacks)
    assert membership.status == MembershipStatus.REQUESTED
    told = set(
        Notification.objects.filter(kind=NotificationKind.REQUEST).values_list("user", flat=True)
    )
    assert told == {collective["moderator"].pk}
    assert staff.pk not in told
    (email,) = mails_to(collective["moderator"])
    assert "demande à rejoindre" in email.body and collective["space"].name in email.body
    assert not mails_to(collective["elsewhere"])
    client.force_login(collective["moderator"])
    html = client.get(reverse("forums:notifications")).content.decode()
    assert "demande à rejoindre" in html


def test_a_request_to_a_space_without_moderators_tells_staff(
    client, no_posting_delay, django_capture_on_commit_callbacks
):
    staff, requester = UserFactory(staff=True), UserFactory()
    space = SpaceFactory(private=True)
    client.force_login(requester)
    client.post(reverse("forums:space_join", args=[space.slug]))
    assert Notification.objects.filter(user=staff, kind=NotificationKind.REQUEST).exists()


def test_a_request_sent_twice_waits_once(client, collective, django_capture_on_commit_callbacks):
    ask(client, collective, django_capture_on_commit_callbacks)
    response = client.post(reverse("forums:space_join", args=[collective["space"].slug]))
    assert response.status_code == 302
    assert Notification.objects.filter(kind=NotificationKind.REQUEST).count() == 1


def test_refusal_with_a_message_tells_the_requester_and_is_logged(
    client, collective, django_capture_on_commit_callbacks
):
    immediate(collective["requester"])
    membership = ask(client, collective, django_capture_on_commit_callbacks)
    client.force_login(collective["moderator"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("forums:membership_decide", args=[membership.pk]),
            {"action": "refuse", "message": "  Ce collectif réunit les DGS du Pays des Achards.  "},
        )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.REFUSED
    log = MembershipLog.objects.get(space=collective["space"])
    assert (log.member, log.actor, log.action) == (
        collective["requester"],
        collective["moderator"],
        MembershipAction.REFUSED,
    )
    assert log.message == "Ce collectif réunit les DGS du Pays des Achards."
    (email,) = mails_to(collective["requester"])
    assert "n'est pas acceptée" in email.body and "Pays des Achards" in email.body
    # Who decided is not told (a private space's moderators are for its readers).
    assert collective["moderator"].last_name not in email.body

    client.force_login(collective["requester"])
    html = client.get(reverse("forums:notifications")).content.decode()
    assert "Message des modérateurs" in html and "Pays des Achards" in html
    page = client.get(collective["space"].get_absolute_url()).content.decode()
    assert "nouvelle à partir du" in page
    assert not permissions.is_member(collective["requester"], collective["space"])


def test_a_refused_member_may_ask_again_after_thirty_days(
    client, collective, django_capture_on_commit_callbacks
):
    membership = ask(client, collective, django_capture_on_commit_callbacks)
    services.membership_refuse(membership=membership, moderator=collective["moderator"])
    client.force_login(collective["requester"])
    url = reverse("forums:space_join", args=[collective["space"].slug])
    assert client.post(url).status_code == 403
    Membership.objects.filter(pk=membership.pk).update(
        decided_at=timezone.now() - permissions.REQUEST_AGAIN_AFTER - datetime.timedelta(hours=1)
    )
    assert client.post(url).status_code == 302
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.REQUESTED and membership.decided_at is None
    assert Notification.objects.filter(kind=NotificationKind.REQUEST).count() == 2


def test_acceptance_makes_a_member_who_is_told(
    client, collective, django_capture_on_commit_callbacks
):
    immediate(collective["requester"])
    membership = ask(client, collective, django_capture_on_commit_callbacks)
    client.force_login(collective["moderator"])
    queue = client.get(reverse("forums:moderation")).content.decode()
    assert reverse("forums:membership_decide", args=[membership.pk]) in queue
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("forums:membership_decide", args=[membership.pk]), {"action": "accept"})
    assert Membership.objects.get(pk=membership.pk).status == MembershipStatus.ACTIVE
    assert MembershipLog.objects.get().action == MembershipAction.ACCEPTED
    (email,) = mails_to(collective["requester"])
    assert "Vous êtes membre de" in email.body
    client.force_login(collective["requester"])
    assert client.get(collective["space"].get_absolute_url()).context["can_read"]


def test_a_request_answered_already_is_said_so(
    client, collective, django_capture_on_commit_callbacks
):
    membership = ask(client, collective, django_capture_on_commit_callbacks)
    services.membership_approve(membership=membership, moderator=collective["moderator"])
    with pytest.raises(services.MembershipError):
        services.membership_refuse(
            membership=Membership.objects.get(pk=membership.pk), moderator=None
        )
    client.force_login(collective["moderator"])
    url = reverse("forums:membership_decide", args=[membership.pk])
    response = client.post(url, {"action": "refuse"}, follow=True)
    assert "déjà reçu une réponse" in response.content.decode()
    assert MembershipLog.objects.count() == 1


@pytest.mark.parametrize(
    ("visitor", "status"),
    [
        ("anonymous", 302),
        ("member", 403),
        ("requester", 403),
        ("elsewhere", 404),
        ("moderator", 200),
        ("staff", 200),
    ],
)
def test_only_the_space_moderators_and_staff_answer_a_request(
    client, collective, visitor, status, django_capture_on_commit_callbacks
):
    membership = ask(client, collective, django_capture_on_commit_callbacks)
    client.logout()
    if visitor == "staff":
        client.force_login(UserFactory(staff=True))
    elif visitor != "anonymous":
        client.force_login(collective[visitor])
    url = reverse("forums:membership_decide", args=[membership.pk])
    assert client.get(url).status_code == status
    if status != 200:
        assert client.post(url, {"action": "accept"}).status_code == status
        assert Membership.objects.get(pk=membership.pk).is_requested


def test_a_decision_on_a_wrong_id_is_not_found(client, collective):
    client.force_login(collective["moderator"])
    assert client.get("/espaces/moderation/demandes/999999/").status_code == 404
    assert client.get("/espaces/moderation/demandes/abc/").status_code == 404


def test_a_decision_without_its_button_keeps_what_was_typed(
    client, collective, django_capture_on_commit_callbacks
):
    membership = ask(client, collective, django_capture_on_commit_callbacks)
    client.force_login(collective["moderator"])
    url = reverse("forums:membership_decide", args=[membership.pk])
    response = client.post(url, {"action": "peut-être", "message": "Un mot tapé"})
    assert response.status_code == 400
    html = unescape(response.content.decode())
    assert "Un mot tapé" in html and "Choisissez d'accepter ou de refuser" in html
    too_long = client.post(url, {"action": "refuse", "message": "x" * (MAX_MESSAGE_LENGTH + 1)})
    assert too_long.status_code == 400
    assert Membership.objects.get(pk=membership.pk).is_requested


def test_a_decision_needs_the_csrf_token(client, collective, django_capture_on_commit_callbacks):
    membership = ask(client, collective, django_capture_on_commit_callbacks)
    client = Client(enforce_csrf_checks=True)
    client.force_login(collective["moderator"])
    url = reverse("forums:membership_decide", args=[membership.pk])
    assert client.post(url, {"action": "accept"}).status_code == 403


@hypothesis_settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(message=st.text(max_size=1500))
def test_any_message_is_stored_trimmed_and_capped(client, message):
    moderator, requester = UserFactory(), UserFactory()
    space = SpaceFactory(private=True, moderators=[moderator])
    membership = MembershipFactory(space=space, user=requester, requested=True)
    services.membership_refuse(membership=membership, moderator=moderator, message=message)
    stored = MembershipLog.objects.get(space=space).message
    assert stored == stored.strip() and len(stored) <= MAX_MESSAGE_LENGTH
    assert stored == message.replace("\x00", "").strip()[:MAX_MESSAGE_LENGTH].strip()
    assert Notification.objects.get(user=requester).text == stored

    other = MembershipFactory(space=space, requested=True)
    client.force_login(moderator)
    response = client.post(
        reverse("forums:membership_decide", args=[other.pk]),
        {"action": "accept", "message": message},
    )
    assert response.status_code in (302, 400)


def test_staff_read_the_decisions_in_the_admin(
    client, collective, django_capture_on_commit_callbacks
):
    membership = ask(client, collective, django_capture_on_commit_callbacks)
    services.membership_refuse(
        membership=membership, moderator=collective["moderator"], message="Réservé aux DGS"
    )
    log_in_with_two_factor(client, UserFactory(superuser=True, two_factor=True))
    html = client.get("/admin/journal-adhesions/").content.decode()
    assert "Réservé aux DGS" in html and collective["space"].name in html
    assert client.get("/admin/journal-adhesions/new/").status_code in (302, 403, 404)


# Reports


def test_a_report_tells_the_space_moderators_and_nobody_else(
    client, collective, django_capture_on_commit_callbacks
):
    immediate(collective["moderator"], collective["elsewhere"])
    topic = TopicFactory(space=collective["space"], author=collective["member"])
    reporter = UserFactory()
    MembershipFactory(space=collective["space"], user=reporter)
    UserFactory(staff=True)
    client.force_login(reporter)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("forums:post_report", args=[topic.posts.get().pk]),
            {"reason": "Propos injurieux"},
        )
    told = set(
        Notification.objects.filter(kind=NotificationKind.REPORT).values_list("user", flat=True)
    )
    assert told == {collective["moderator"].pk}
    (email,) = mails_to(collective["moderator"])
    assert "Propos injurieux" in email.body and topic.title in email.body
    assert not mails_to(collective["elsewhere"])


def test_a_report_no_longer_shows_to_who_no_longer_moderates(collective):
    topic = TopicFactory(space=collective["space"], author=collective["member"])
    reporter = MembershipFactory(space=collective["space"]).user
    services.report_create(post=topic.posts.get(), reporter=reporter, reason="Hors sujet")
    moderator = collective["moderator"]
    assert permissions.readable_notifications(moderator).filter(kind="report").exists()
    Membership.objects.filter(user=moderator).update(role="member")
    permissions.forget(moderator)
    assert not permissions.readable_notifications(moderator).filter(kind="report").exists()
    notification = Notification.objects.get(user=moderator, kind="report")
    assert not permissions.can_see_notification(moderator, notification)


# Hidden posts and suspensions


def test_a_hidden_post_author_is_told_the_reason(
    client, collective, django_capture_on_commit_callbacks
):
    immediate(collective["member"])
    topic = TopicFactory(space=collective["space"], author=collective["member"])
    client.force_login(collective["moderator"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("forums:post_hide", args=[topic.posts.get().pk]), {"reason": "Publicité"}
        )
    notification = Notification.objects.get(user=collective["member"], kind="hidden")
    assert notification.text == "Publicité"
    (email,) = mails_to(collective["member"])
    assert "Motif : Publicité" in email.body
    client.force_login(collective["member"])
    assert "Motif : Publicité" in client.get(reverse("forums:notifications")).content.decode()


def test_a_suspended_member_is_told_why_and_until_when(
    client, collective, django_capture_on_commit_callbacks
):
    immediate(collective["member"])
    client.force_login(collective["moderator"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse(
                "forums:member_suspend", args=[collective["space"].slug, collective["member"].pk]
            ),
            {"days": 7, "reason": "Propos déplacés"},
        )
    notification = Notification.objects.get(user=collective["member"], kind="suspended")
    until = timezone.localtime(notification.until)
    assert notification.text == "Propos déplacés"
    (email,) = mails_to(collective["member"])
    assert "Propos déplacés" in email.body
    assert f"jusqu'au {until.day} " in email.body and str(until.year) in email.body
    client.force_login(collective["member"])
    html = client.get(reverse("forums:notifications")).content.decode()
    assert "Vous ne pouvez plus écrire dans" in html and "Propos déplacés" in html


def test_a_site_wide_suspension_is_told_too(no_posting_delay):
    member = UserFactory()
    services.member_suspend(
        user=member, space=None, until=timezone.now() + datetime.timedelta(days=3), reason="Spam"
    )
    notification = permissions.readable_notifications(member).get()
    assert "sur le portail" in notification.title


# The notifications page


@pytest.mark.parametrize("count", [1, 5])  # 25 rows: one page of 30
def test_the_notifications_page_costs_the_same_whatever_their_kinds_and_number(
    client, collective, count, django_assert_num_queries
):
    moderator = collective["moderator"]
    topic = TopicFactory(space=collective["space"], author=collective["member"])
    post = topic.posts.get()
    for _number in range(count):
        requester = UserFactory()
        Notification.objects.bulk_create(
            [
                Notification(
                    user=moderator, kind="request", space=collective["space"], actor=requester
                ),
                Notification(
                    user=moderator, kind="report", post=post, actor=requester, text="Spam"
                ),
                Notification(user=moderator, kind="reply", post=post),
                Notification(user=moderator, kind="refused", space=collective["other"], text="Non"),
                Notification(
                    user=moderator,
                    kind="suspended",
                    space=None,
                    text="Spam",
                    until=timezone.now() + datetime.timedelta(days=1),
                ),
            ]
        )
    client.force_login(moderator)
    client.get(reverse("forums:notifications"))
    Notification.objects.update(read_at=None)
    with django_assert_num_queries(7):
        response = client.get(reverse("forums:notifications"))
    assert response.content.decode().count("Spam") == 2 * count


@pytest.mark.parametrize(
    "kind", ["request", "report", "accepted", "refused", "suspended", "hidden"]
)
@pytest.mark.parametrize("visitor", ["outsider", "member", "moderator", "elsewhere", "staff"])
def test_the_list_and_the_emails_ask_the_same_rule_for_every_kind(collective, kind, visitor):
    reader = {
        "outsider": UserFactory(),
        "staff": UserFactory(staff=True),
    }.get(visitor) or collective[visitor]
    topic = TopicFactory(space=collective["space"], author=collective["member"])
    about = (
        {"post": topic.posts.get()}
        if kind in ("report", "hidden")
        else {"space": collective["space"]}
    )
    notification = Notification.objects.create(user=reader, kind=kind, **about)
    notification = Notification.objects.select_related("post__topic__space", "space").get(
        pk=notification.pk
    )
    listed = permissions.readable_notifications(reader).filter(pk=notification.pk).exists()
    assert listed is permissions.can_see_notification(reader, notification)
    if kind in ("request", "report"):
        assert listed is (visitor in ("moderator", "staff"))


def test_digests_carry_the_new_kinds(collective, django_capture_on_commit_callbacks):
    services.member_suspend(
        user=collective["member"],
        space=collective["space"],
        until=timezone.now() + datetime.timedelta(days=2),
        reason="Hors charte",
    )
    mail.outbox.clear()
    send_notification_emails.call("daily")
    (email,) = mails_to(collective["member"])
    assert "Hors charte" in email.body and "Hors charte" in email.alternatives[0][0]
