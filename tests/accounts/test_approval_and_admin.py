"""The `approval` sign-up policy and the members' listing in the Wagtail admin."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from accounts.models import Approval
from forums import permissions
from forums.models import Space
from tests.factories import log_in_with_two_factor, two_factor

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client, django_user_model):
    user = django_user_model.objects.create_superuser("chef", "chef@example.org", PASSWORD)
    log_in_with_two_factor(client, two_factor(user))
    return user


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
    space = Space.objects.get(slug="reseau-dgs-sg")
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


def test_staff_search_deactivate_and_reactivate_members(client, staff, make_member):
    anne = make_member(organisation="Communauté de communes du Pays des Achards")
    make_member("bruno@example.org", first_name="Bruno", last_name="Petit")
    log_in_with_two_factor(client, staff)
    index = reverse("membres:index")
    html = client.get(index, {"q": "Achards"}).content.decode()
    assert "Anne Martin" in html and "Bruno Petit" not in html
    assert "Vérifiée" in html and "Inscrit le" in html and "Dernière connexion" in html

    client.post(reverse("accounts_member_active", args=[anne.profile.pk, "desactiver"]))
    anne.refresh_from_db()
    assert not anne.is_active
    client.post(reverse("accounts_member_active", args=[anne.profile.pk, "reactiver"]))
    anne.refresh_from_db()
    assert anne.is_active


def test_only_staff_approve_members(client, make_member, editor):
    pending = make_member(approval=Approval.PENDING)
    log_in_with_two_factor(client, editor)
    response = client.post(
        reverse("accounts_member_decide", args=[pending.profile.pk, "approuver"])
    )
    assert response.status_code in (302, 403)
    pending.profile.refresh_from_db()
    assert pending.profile.approval == Approval.PENDING


def test_staff_cannot_add_a_profile_without_its_account(client, staff):
    log_in_with_two_factor(client, staff)
    html = client.get(reverse("membres:index")).content.decode()
    assert reverse("membres:add") not in html
    assert client.get(reverse("membres:add")).status_code in (302, 403)


def test_the_admin_home_tells_staff_how_many_sign_ups_wait(client, staff, make_member):
    make_member(approval=Approval.PENDING)
    log_in_with_two_factor(client, staff)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "1 inscription attend votre validation." in html
