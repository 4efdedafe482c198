"""The `approval` sign-up policy: a new member reads but does not post until staff approve them;
staff decide in the members' admin, the member is told by e-mail."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from accounts.models import Approval
from forums import permissions
from tests.factories import SpaceFactory, UserFactory, log_in_with_two_factor

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db


def sign_up(client, email="paul.dga@example.org"):
    client.logout()
    client.post(
        "/compte/signup/",
        {"email": email, "first_name": "Paul", "last_name": "Lenoir",
         "password1": PASSWORD, "password2": PASSWORD},
    )  # fmt: skip
    client.logout()
    return get_user_model().objects.get(email=email)


def test_in_approval_mode_a_new_member_reads_but_does_not_post_until_approved(
    client, settings, staff, django_capture_on_commit_callbacks
):
    settings.ACCOUNT_SIGNUP_POLICY = "approval"
    newcomer = sign_up(client)
    space = SpaceFactory(public=True)
    assert newcomer.profile.approval == Approval.PENDING
    assert newcomer.has_perm(permissions.WRITE) is False
    assert permissions.can_read_space(newcomer, space)
    assert not permissions.can_post(newcomer, space)

    log_in_with_two_factor(client, staff)
    listing = client.get(reverse("membres:index") + "?approval=pending").content.decode()
    assert "Paul Lenoir" in listing and "Approuver" in listing
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("accounts_member_decide", args=[newcomer.profile.pk, "approuver"]))

    newcomer = get_user_model().objects.get(pk=newcomer.pk)
    assert newcomer.profile.approval == Approval.APPROVED
    assert newcomer.has_perm(permissions.WRITE) is True
    assert permissions.can_post(newcomer, space)
    message = mail.outbox[-1]
    assert message.to == ["paul.dga@example.org"]
    assert "validée" in message.subject
    assert "text/html" in [kind for _body, kind in message.alternatives]


def test_a_refused_member_is_told_and_still_cannot_post(
    client, settings, staff, django_capture_on_commit_callbacks
):
    settings.ACCOUNT_SIGNUP_POLICY = "approval"
    newcomer = sign_up(client)
    log_in_with_two_factor(client, staff)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("accounts_member_decide", args=[newcomer.profile.pk, "refuser"]))
    newcomer = get_user_model().objects.get(pk=newcomer.pk)
    assert newcomer.profile.approval == Approval.REFUSED
    assert newcomer.has_perm(permissions.WRITE) is False
    assert "n'est pas validée" in mail.outbox[-1].subject


def test_in_approval_mode_the_newcomer_is_told_to_wait(client, settings):
    settings.ACCOUNT_SIGNUP_POLICY = "approval"
    response = client.post(
        "/compte/signup/",
        {"email": "lea@example.org", "first_name": "Léa", "last_name": "Roux",
         "password1": PASSWORD, "password2": PASSWORD},
        follow=True,
    )  # fmt: skip
    assert "va valider votre inscription" in response.content.decode()


def test_in_open_mode_a_verified_member_posts_at_once(client):
    newcomer = sign_up(client)
    assert newcomer.has_perm(permissions.WRITE) is True


def test_only_staff_approve_members(client, editor):
    pending = UserFactory(pending=True)
    log_in_with_two_factor(client, editor)
    response = client.post(
        reverse("accounts_member_decide", args=[pending.profile.pk, "approuver"])
    )
    assert response.status_code in (302, 403)
    pending.profile.refresh_from_db()
    assert pending.profile.approval == Approval.PENDING


def test_the_admin_home_tells_staff_how_many_sign_ups_wait(client, staff):
    UserFactory(pending=True)
    log_in_with_two_factor(client, staff)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "1 inscription attend votre validation." in html
