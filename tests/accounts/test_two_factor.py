"""Two-factor authentication: optional for members, required for whoever reaches the admin."""

import time

import pytest
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from django.contrib.auth.models import Group

from .conftest import PASSWORD, log_in

pytestmark = pytest.mark.django_db

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def code_now(secret: str = SECRET) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // mfa_settings.TOTP_PERIOD))


def test_a_member_enrols_an_authenticator_app_then_logs_in_with_a_code(client, member):
    log_in(client, member.email)
    asked = client.get("/compte/2fa/totp/activate/")
    assert asked.url.startswith("/compte/reauthenticate/")  # the password again, first
    client.post("/compte/reauthenticate/", {"password": PASSWORD})
    page = client.get("/compte/2fa/totp/activate/")
    assert page.status_code == 200
    secret = client.session["mfa.totp.secret"]
    wrong = client.post("/compte/2fa/totp/activate/", {"code": "000000"})
    assert "Code incorrect" in wrong.content.decode()
    client.post("/compte/2fa/totp/activate/", {"code": code_now(secret)})
    assert Authenticator.objects.filter(user=member, type=Authenticator.Type.TOTP).exists()
    assert Authenticator.objects.filter(user=member, type="recovery_codes").exists()

    client.logout()
    response = log_in(client, member.email)
    assert response.url == "/compte/2fa/authenticate/"
    assert client.get("/compte/profil/").status_code == 302  # not logged in yet
    wrong = client.post("/compte/2fa/authenticate/", {"code": "123456"})
    assert "Code incorrect" in wrong.content.decode()
    response = client.post("/compte/2fa/authenticate/", {"code": code_now(secret)})
    assert response.status_code == 302
    assert client.get("/compte/profil/").status_code == 200


def test_a_recovery_code_logs_in_once(client, member):
    TOTP.activate(member, SECRET)
    recovery = RecoveryCodes.activate(member)
    code = recovery.get_unused_codes()[0]
    log_in(client, member.email)
    client.post("/compte/2fa/authenticate/", {"code": code})
    assert client.get("/compte/profil/").status_code == 200

    client.logout()
    log_in(client, member.email)
    refused = client.post("/compte/2fa/authenticate/", {"code": code})
    assert "Code incorrect" in refused.content.decode()


def test_an_administrator_without_two_factor_cannot_reach_the_admin(client, member):
    member.is_staff = True
    member.save()
    log_in(client, member.email)
    response = client.get("/admin/")
    assert response.status_code == 302 and response.url == "/compte/2fa/totp/activate/"
    assert client.get("/admin/pages/").url == "/compte/2fa/totp/activate/"
    assert client.get("/django-admin/").url == "/compte/2fa/totp/activate/"


def test_an_editor_without_two_factor_cannot_reach_the_admin(client, member):
    member.groups.add(Group.objects.get(name="Rédacteurs"))
    client.force_login(member)
    assert client.get("/admin/").url == "/compte/2fa/totp/activate/"


def test_an_administrator_logs_in_with_a_code_and_reaches_the_admin(client, member):
    member.is_staff = True
    member.is_superuser = True
    member.save()
    TOTP.activate(member, SECRET)
    response = client.post(
        "/compte/login/?next=/admin/", {"login": member.email, "password": PASSWORD}
    )
    assert response.url == "/compte/2fa/authenticate/"
    response = client.post("/compte/2fa/authenticate/", {"code": code_now()})
    assert response.url == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_a_member_without_two_factor_uses_the_site_normally(client, member):
    client.force_login(member)
    assert client.get("/compte/profil/").status_code == 200
    assert client.get("/admin/").status_code == 403  # "réservé à l'équipe", not a log-in loop
