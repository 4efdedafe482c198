"""Sign-up, e-mail verification, log-in, password reset and e-mail change, through allauth."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail

from accounts.models import Approval

from .conftest import PASSWORD, log_in

pytestmark = pytest.mark.django_db

SIGN_UP = {
    "email": "claire.sg@example.org",
    "first_name": "Claire",
    "last_name": "Durand",
    "password1": PASSWORD,
    "password2": PASSWORD,
}


def link_in(message) -> str:
    return re.search(r"https?://testserver(/compte/\S+/)", message.body).group(1)


def test_sign_up_then_verification_link_then_log_in(client):
    response = client.post("/compte/signup/", SIGN_UP)
    assert response.status_code == 302
    user = get_user_model().objects.get(email="claire.sg@example.org")
    assert user.get_full_name() == "Claire Durand"
    assert user.profile.approval == Approval.APPROVED

    message = mail.outbox[-1]
    assert message.to == ["claire.sg@example.org"]
    assert "[Bloc local]" in message.subject
    html, kind = message.alternatives[0]
    assert kind == "text/html" and "<p>" in html

    client.logout()
    refused = log_in(client, "claire.sg@example.org")
    assert refused.url == "/compte/confirm-email/"  # not before the address is verified

    confirm_url = link_in(mail.outbox[-1])
    page = client.get(confirm_url)
    assert "Confirmer" in page.content.decode()
    client.post(confirm_url)
    assert EmailAddress.objects.get(user=user).verified

    response = log_in(client, "claire.sg@example.org")
    assert response.status_code == 302 and response.url == "/"
    assert client.get("/compte/profil/").status_code == 200


def test_a_taken_address_is_refused_in_french_and_the_form_kept(client, member):
    response = client.post("/compte/signup/", {**SIGN_UP, "email": member.email})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Un autre utilisateur utilise déjà cette adresse e-mail." in html
    assert 'value="Claire"' in html


def test_a_common_password_is_refused_in_french(client):
    data = {**SIGN_UP, "password1": "motdepasse", "password2": "motdepasse"}
    html = client.post("/compte/signup/", data).content.decode()
    assert "Ce mot de passe est trop courant." in html
    assert 'value="claire.sg@example.org"' in html
    assert 'aria-invalid="true"' in html


def test_a_wrong_password_gets_a_french_message(client, member):
    html = log_in(client, member.email, "pas-le-bon").content.decode()
    assert "L’adresse e-mail et/ou le mot de passe que vous avez spécifiés" in html or (
        "adresse e-mail" in html and "mot de passe" in html and "incorrect" in html
    )


def test_too_many_failed_log_ins_are_refused_for_a_while(client, member):
    for _attempt in range(5):
        log_in(client, member.email, "pas-le-bon")
    html = log_in(client, member.email).content.decode()  # even the right password, for now
    assert "Trop de tentatives de connexion" in html


def test_too_many_reset_requests_get_the_429_page(client, member):
    statuses = [
        client.post("/compte/password/reset/", {"email": member.email}).status_code
        for _attempt in range(6)
    ]
    assert statuses[-1] == 429
    response = client.post("/compte/password/reset/", {"email": member.email})
    html = response.content.decode()
    assert "Trop de tentatives" in html and "Réessayez dans" in html
    assert int(response["Retry-After"]) > 0


def test_password_reset(client, member):
    client.post("/compte/password/reset/", {"email": member.email})
    message = mail.outbox[-1]
    assert message.alternatives  # plain text and HTML
    page = client.get(link_in(message), follow=True)
    form_url = page.redirect_chain[-1][0]
    new_password = "un-tout-nouveau-secret"
    client.post(form_url, {"password1": new_password, "password2": new_password})
    member.refresh_from_db()
    assert member.check_password(new_password)
    assert log_in(client, member.email, new_password).url == "/"


def test_password_change(client, member):
    log_in(client, member.email)
    new_password = "encore-un-secret-neuf"
    client.post(
        "/compte/password/change/",
        {"oldpassword": PASSWORD, "password1": new_password, "password2": new_password},
    )
    member.refresh_from_db()
    assert member.check_password(new_password)


def test_a_new_address_replaces_the_old_one_once_verified(client, member):
    former = member.email
    log_in(client, member.email)
    client.post("/compte/email/", {"action_add": "", "email": "anne.nouvelle@example.org"})
    member.refresh_from_db()
    assert member.email == former  # not before the new address is verified
    client.post(link_in(mail.outbox[-1]))
    member.refresh_from_db()
    assert member.email == "anne.nouvelle@example.org"
    assert list(EmailAddress.objects.filter(user=member).values_list("email", flat=True)) == [
        "anne.nouvelle@example.org"
    ]


def test_the_wagtail_log_in_page_leads_to_the_members_one(client):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response.url == "/compte/login/?next=/admin/"
    assert client.get("/admin/").url.startswith("/compte/login/")


def test_the_header_offers_log_in_and_sign_up_then_profile_and_log_out(client, member):
    html = client.get("/").content.decode()
    assert "Se connecter" in html and "Créer un compte" in html
    client.force_login(member)
    html = client.get("/").content.decode()
    assert "Mon profil" in html and "Se déconnecter" in html and "Notifications" in html
