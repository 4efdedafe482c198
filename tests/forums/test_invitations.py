"""Invitations by e-mail address: to a member (told on the site and by e-mail) or to someone
without an account (the invitation waits through sign-up and verification, for that verified
address only); expiry, revocation, idempotent re-invitation, a daily limit per moderator;
unguessable single-use links, and a clear page for a link that no longer serves."""

import datetime
import re
from html import unescape

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from forums import invitations, permissions
from forums.models import (
    Invitation,
    InvitationStatus,
    MembershipAction,
    MembershipLog,
    Notification,
    NotificationKind,
)
from tests.factories import PASSWORD, EmailAddressFactory, SpaceFactory, UserFactory

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https?://[^/\s]+(/espaces/invitations/[A-Za-z0-9_-]+/)")


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """allauth counts sign-ups and log-ins in the cache: each test starts anew."""
    cache.clear()


@pytest.fixture
def collective():
    people = {
        "moderator": UserFactory(verified=True),
        "member": UserFactory(verified=True),
        "elsewhere": UserFactory(verified=True),
        "outsider": UserFactory(verified=True),
    }
    people["space"] = SpaceFactory(
        private=True, moderators=[people["moderator"]], members=[people["member"]]
    )
    people["other"] = SpaceFactory(private=True, moderators=[people["elsewhere"]])
    return people


def invite(client, space, email, captured):
    with captured(execute=True):
        return client.post(reverse("forums:member_invite", args=[space.slug]), {"email": email})


def link_to(address: str) -> str:
    messages = [message for message in mail.outbox if address in message.to]
    return LINK.search(messages[-1].body).group(1)


def said(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def log_in_as(client, collective, visitor):
    if visitor == "staff":
        client.force_login(UserFactory(staff=True))
    elif visitor != "anonymous":
        client.force_login(collective[visitor])


VISITORS = [
    ("anonymous", 302),
    ("outsider", 404),
    ("elsewhere", 404),
    ("member", 403),
    ("moderator", 302),
    ("staff", 302),
]


@pytest.mark.parametrize(("visitor", "status"), VISITORS)
def test_only_the_space_moderators_and_staff_invite_and_revoke(
    client, collective, visitor, status, django_capture_on_commit_callbacks
):
    space = collective["space"]
    waiting, _ = invitations.invitation_create(
        space=space, email="waiting@example.org", moderator=collective["moderator"]
    )
    log_in_as(client, collective, visitor)
    response = invite(client, space, "new@example.org", django_capture_on_commit_callbacks)
    assert response.status_code == status
    revoke = reverse("forums:invitation_revoke", args=[space.slug, waiting.pk])
    assert client.post(revoke).status_code == status
    allowed = visitor in ("moderator", "staff")
    assert Invitation.objects.filter(email="new@example.org").exists() is allowed
    waiting.refresh_from_db()
    assert (waiting.status == InvitationStatus.REVOKED) is allowed


# To a member


def test_a_member_invited_is_told_on_the_site_and_by_email_and_joins(
    client, collective, django_capture_on_commit_callbacks
):
    space, outsider, moderator = (
        collective["space"],
        collective["outsider"],
        collective["moderator"],
    )
    client.force_login(moderator)
    response = invite(client, space, outsider.email.upper(), django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert any("Invitation envoyée" in message for message in said(response))
    notification = Notification.objects.get(user=outsider, kind=NotificationKind.INVITED)
    assert notification.space == space and notification.emailed_at is not None
    assert notification.url == reverse("forums:invitations")
    assert "invité·e à rejoindre" in notification.title
    link = link_to(outsider.email)
    entry = MembershipLog.objects.get(space=space, action=MembershipAction.INVITED)
    assert (entry.member, entry.email, entry.actor) == (outsider, outsider.email, moderator)

    client.force_login(outsider)
    page = unescape(client.get(link).content.decode())
    assert "Rejoindre l'espace" in page and "Décliner" in page
    joined = client.post(link, {"action": "accept"})
    assert joined.status_code == 302 and joined.url == space.get_absolute_url()
    assert permissions.is_member(outsider, space)
    assert MembershipLog.objects.filter(
        space=space, member=outsider, action=MembershipAction.INVITATION_ACCEPTED
    ).exists()
    # Single use: the link says it served already, and does nothing more.
    again = client.get(link)
    assert again.status_code == 410
    assert "déjà reçu une réponse" in unescape(again.content.decode())


def test_a_member_declines_from_their_invitations_page(
    client, collective, django_capture_on_commit_callbacks
):
    space, outsider = collective["space"], collective["outsider"]
    invitation, _ = invitations.invitation_create(
        space=space, email=outsider.email, moderator=collective["moderator"]
    )
    client.force_login(outsider)
    listed = unescape(client.get(reverse("forums:invitations")).content.decode())
    assert space.name in listed
    answer = reverse("forums:invitation_answer", args=[invitation.pk])
    assert client.post(answer, {"action": "peut-être"}).status_code == 302
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.PENDING
    client.post(answer, {"action": "decline"})
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.DECLINED
    assert not permissions.is_member(outsider, space)
    assert space.name not in unescape(client.get(reverse("forums:invitations")).content.decode())


def test_an_invitation_is_answered_only_by_whoever_verified_its_address(
    client, collective, django_capture_on_commit_callbacks
):
    space, outsider = collective["space"], collective["outsider"]
    client.force_login(collective["moderator"])
    invite(client, space, outsider.email, django_capture_on_commit_callbacks)
    link = link_to(outsider.email)
    invitation = Invitation.objects.get(email=outsider.email)
    # Another member who holds the link (a forwarded e-mail).
    client.force_login(collective["member"])
    assert client.get(link).status_code == 403
    assert client.post(link, {"action": "accept"}).status_code == 403
    answer = reverse("forums:invitation_answer", args=[invitation.pk])
    client.post(answer, {"action": "accept"})
    # Someone who typed the address in their account without verifying it.
    unverified = UserFactory()
    EmailAddress.objects.create(user=unverified, email=outsider.email.upper(), verified=False)
    client.force_login(unverified)
    assert client.post(link, {"action": "accept"}).status_code == 403
    # Anonymous: asked to log in.
    client.logout()
    assert client.post(link, {"action": "accept"}).status_code == 302
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.PENDING
    assert not MembershipLog.objects.filter(action=MembershipAction.INVITATION_ACCEPTED).exists()


def test_a_member_already_moderator_who_accepts_keeps_their_role(collective):
    space, member = collective["space"], collective["member"]
    moderator = collective["moderator"]
    invitation = invitations.Invitation.objects.create(
        space=space,
        email=moderator.email,
        token_digest="x" * 64,
        expires_at=timezone.now() + datetime.timedelta(days=1),
    )
    invitations.invitation_answer(invitation=invitation, user=moderator, accept=True)
    assert permissions.can_moderate(moderator, space)
    with pytest.raises(invitations.InvitationError):
        invitations.invitation_create(space=space, email=member.email, moderator=moderator)


# To someone without an account


def test_an_invitation_waits_through_sign_up_and_verification(
    client, collective, django_capture_on_commit_callbacks
):
    space, address = collective["space"], "claire.sg@example.org"
    client.force_login(collective["moderator"])
    invite(client, space, address, django_capture_on_commit_callbacks)
    link = link_to(address)
    assert "créer un" in mail.outbox[-1].body
    client.logout()

    page = unescape(client.get(link).content.decode())
    assert "Créer mon compte" in page and address in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/compte/signup/?next={link}",
            {
                "email": address,
                "first_name": "Claire",
                "last_name": "Durand",
                "password1": PASSWORD,
                "password2": PASSWORD,
            },
        )
    user = get_user_model().objects.get(email=address)
    # Not before the address is verified: the account may not answer yet.
    client.force_login(user)
    assert client.get(link).status_code == 403
    assert not permissions.answerable_invitations(user).exists()

    confirm = re.search(r"https?://testserver(/compte/\S+/)", mail.outbox[-1].body).group(1)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(confirm)
    offered = Notification.objects.get(user=user, kind=NotificationKind.INVITED)
    assert offered.space == space

    user = get_user_model().objects.get(pk=user.pk)
    client.force_login(user)
    assert space.name in unescape(client.get(reverse("forums:invitations")).content.decode())
    client.post(link, {"action": "accept"})
    assert permissions.is_member(user, space)


def test_a_verification_offers_nothing_for_another_address(collective):
    space = collective["space"]
    invitations.invitation_create(
        space=space, email="claire.sg@example.org", moderator=collective["moderator"]
    )
    other = UserFactory()
    address = EmailAddressFactory(user=other, email="paul@example.org", verified=True)
    invitations.offer_on_verification(email_address=address)
    assert not Notification.objects.filter(user=other).exists()
    assert not permissions.answerable_invitations(other).exists()


# Links that no longer serve


def test_an_expired_link_says_so(client, collective, django_capture_on_commit_callbacks):
    space, outsider = collective["space"], collective["outsider"]
    client.force_login(collective["moderator"])
    invite(client, space, outsider.email, django_capture_on_commit_callbacks)
    link = link_to(outsider.email)
    Invitation.objects.update(expires_at=timezone.now() - datetime.timedelta(minutes=1))
    client.force_login(outsider)
    for response in (client.get(link), client.post(link, {"action": "accept"})):
        assert response.status_code == 410
        assert "Cette invitation a expiré" in unescape(response.content.decode())
    assert not permissions.is_member(outsider, space)
    assert not permissions.answerable_invitations(outsider).exists()


def test_a_revoked_link_says_so(client, collective, django_capture_on_commit_callbacks):
    space, outsider = collective["space"], collective["outsider"]
    client.force_login(collective["moderator"])
    invite(client, space, outsider.email, django_capture_on_commit_callbacks)
    link = link_to(outsider.email)
    invitation = Invitation.objects.get()
    html = unescape(client.get(reverse("forums:space_members", args=[space.slug])).content.decode())
    assert outsider.email in html and "Révoquer" in html
    revoked = client.post(reverse("forums:invitation_revoke", args=[space.slug, invitation.pk]))
    assert any("révoquée" in message for message in said(revoked))
    assert MembershipLog.objects.filter(action=MembershipAction.INVITATION_REVOKED).exists()
    again = client.post(reverse("forums:invitation_revoke", args=[space.slug, invitation.pk]))
    assert again.status_code == 404
    client.force_login(outsider)
    response = client.get(link)
    assert response.status_code == 410
    assert "retirée par les modérateurs" in unescape(response.content.decode())


@pytest.mark.parametrize(
    "token",
    [
        "abc",
        "x" * 43,
        "x" * 500,
        "%00",
        "é",
        "../..",
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    ],
)
def test_an_unknown_link_says_so(client, token):
    response = client.get(f"/espaces/invitations/{token}/")
    assert response.status_code == 404
    if "/" in token or "%" in token:
        return  # not even an invitation's address: the site's page not found
    assert "Ce lien d'invitation n'existe pas." in unescape(response.content.decode())


def test_the_token_is_not_kept_in_the_database(collective, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        invitations.invitation_create(
            space=collective["space"], email="a@example.org", moderator=collective["moderator"]
        )
    token = link_to("a@example.org").rstrip("/").rsplit("/", 1)[1]
    assert len(token) >= 43  # 256 random bits
    assert not Invitation.objects.filter(token_digest=token).exists()
    assert invitations.invitation_for(token) is not None


# Sending again, limits, mistakes


def test_inviting_again_sends_nothing_more_and_renews_an_expired_one(
    client, collective, django_capture_on_commit_callbacks
):
    space = collective["space"]
    client.force_login(collective["moderator"])
    invite(client, space, "a@example.org", django_capture_on_commit_callbacks)
    first = link_to("a@example.org")
    again = invite(client, space, " A@Example.org ", django_capture_on_commit_callbacks)
    assert any("déjà invité·e" in message for message in said(again))
    assert Invitation.objects.count() == 1 and len(mail.outbox) == 1
    Invitation.objects.update(expires_at=timezone.now() - datetime.timedelta(days=1))
    invite(client, space, "a@example.org", django_capture_on_commit_callbacks)
    assert Invitation.objects.count() == 1 and len(mail.outbox) == 2
    assert Invitation.objects.get().is_pending
    renewed = link_to("a@example.org")
    assert renewed != first
    assert client.get(first).status_code == 404


def test_a_moderator_invites_a_limited_number_a_day(
    client, collective, settings, django_capture_on_commit_callbacks
):
    settings.FORUMS_INVITATIONS_PER_DAY = 2
    space = collective["space"]
    client.force_login(collective["moderator"])
    for number in (1, 2):
        invite(client, space, f"n{number}@example.org", django_capture_on_commit_callbacks)
    refused = invite(client, space, "n3@example.org", django_capture_on_commit_callbacks)
    assert refused.status_code == 400
    html = unescape(refused.content.decode())
    assert "c'est le maximum" in html and 'value="n3@example.org"' in html
    assert not Invitation.objects.filter(email="n3@example.org").exists()
    # Staff are not limited.
    client.force_login(UserFactory(staff=True))
    assert (
        invite(client, space, "n3@example.org", django_capture_on_commit_callbacks).status_code
        == 302
    )


def test_inviting_a_member_of_the_space_says_so(
    client, collective, django_capture_on_commit_callbacks
):
    client.force_login(collective["moderator"])
    response = invite(
        client, collective["space"], collective["member"].email, django_capture_on_commit_callbacks
    )
    assert response.status_code == 400
    assert "celle d'un membre de l'espace" in unescape(response.content.decode())
    assert not Invitation.objects.exists()


@hypothesis_settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    typed=st.one_of(
        st.text(max_size=300),
        st.emails(),
        st.builds(lambda local: f"{local}@example.org", st.text(min_size=1, max_size=70)),
    )
)
def test_the_invitation_form_takes_anything_typed(client, collective, typed):
    space = collective["space"]
    client.force_login(collective["moderator"])
    before = Invitation.objects.count()
    response = client.post(reverse("forums:member_invite", args=[space.slug]), {"email": typed})
    assert response.status_code in (302, 400)
    after = Invitation.objects.count()
    assert after - before <= 1
    if response.status_code == 400:
        html = unescape(response.content.decode())
        assert after == before
        assert 'class="errorlist' in html or "errorlist" in html


def test_the_invitations_page_is_for_members(client):
    response = client.get(reverse("forums:invitations"))
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("visitor", "status", "answers"),
    [
        ("anonymous", 200, False),  # how to sign up or log in
        ("member", 403, False),
        ("elsewhere", 403, False),
        ("moderator", 403, False),
        ("staff", 403, False),  # staff moderate everywhere, but answer only their own
        ("outsider", 200, True),  # whose address it is
    ],
)
def test_an_invitation_link_is_answered_only_by_its_address(
    client, collective, visitor, status, answers, django_capture_on_commit_callbacks
):
    outsider = collective["outsider"]
    client.force_login(collective["moderator"])
    invite(client, collective["space"], outsider.email, django_capture_on_commit_callbacks)
    link = link_to(outsider.email)
    client.logout()
    log_in_as(client, collective, visitor)
    response = client.get(link)
    assert response.status_code == status
    assert ("Rejoindre l'espace" in unescape(response.content.decode())) is answers


def test_the_invitations_page_asks_few_queries_whatever_their_number(
    client, collective, django_assert_max_num_queries
):
    outsider = collective["outsider"]
    client.force_login(outsider)
    client.get(reverse("forums:invitations"))  # the session's first read
    counts = set()
    for number in (1, 15):
        for _ in range(number):
            invitations.invitation_create(
                space=SpaceFactory(private=True), email=outsider.email, moderator=UserFactory()
            )
        with django_assert_max_num_queries(10) as captured:
            response = client.get(reverse("forums:invitations"))
        assert response.content.decode().count('value="accept"') == Invitation.objects.count()
        counts.add(len(captured))
    assert len(counts) == 1, counts


@pytest.mark.parametrize("how", ["removed", "demoted"])
def test_a_moderator_who_no_longer_moderates_lets_no_one_in_by_their_invitations(collective, how):
    from forums import memberships
    from forums.models import Membership, Role

    space, moderator = collective["space"], collective["moderator"]
    staff = UserFactory(staff=True)
    waiting, _ = invitations.invitation_create(
        space=space, email="nouvelle@example.org", moderator=moderator
    )
    kept, _ = invitations.invitation_create(space=space, email="autre@example.org", moderator=staff)
    membership = Membership.objects.get(space=space, user=moderator)
    # Another moderator, so that this one is not the last.
    Membership.objects.filter(space=space, user=collective["member"]).update(role=Role.MODERATOR)
    if how == "removed":
        memberships.member_remove(membership=membership, moderator=staff)
    else:
        memberships.member_set_role(membership=membership, moderator=staff, role=Role.MEMBER)
    waiting.refresh_from_db()
    kept.refresh_from_db()
    assert waiting.status == InvitationStatus.REVOKED
    assert kept.status == InvitationStatus.PENDING
    invitee = UserFactory(verified=True, email="nouvelle@example.org")
    assert not permissions.can_answer_invitation(invitee, waiting)
