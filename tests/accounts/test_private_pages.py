"""Personal pages are never kept by a browser's or a proxy's cache."""

import pytest
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP
from django.test import Client

from .conftest import PASSWORD
from .test_two_factor import SECRET

pytestmark = pytest.mark.django_db

PERSONAL_PAGES = [
    "/compte/profil/",
    "/compte/donnees/",
    "/compte/donnees/export/",
    "/compte/supprimer/",
    "/compte/email/",
    "/compte/password/change/",
    "/compte/reauthenticate/",
    "/compte/2fa/",
    "/compte/2fa/recovery-codes/",
    "/compte/2fa/totp/deactivate/",
    "/espaces/notifications/",
    "/espaces/notifications/preferences/",
]
ANONYMOUS_ACCOUNT_PAGES = [
    "/compte/login/",
    "/compte/signup/",
    "/compte/password/reset/",
    "/compte/2fa/authenticate/",
]


def assert_private(response, url):
    directives = {part.strip() for part in response.get("Cache-Control", "").split(",")}
    assert {"private", "no-store"} <= directives, (url, response.get("Cache-Control"))
    assert "public" not in directives, url


@pytest.mark.parametrize("url", PERSONAL_PAGES)
def test_a_personal_page_is_private_and_not_stored(client, member, url):
    TOTP.activate(member, SECRET)
    RecoveryCodes.activate(member)
    client.force_login(member)
    client.post("/compte/reauthenticate/", {"password": PASSWORD})
    response = client.get(url)
    assert response.status_code in {200, 302}, url
    assert_private(response, url)


@pytest.mark.parametrize("url", ANONYMOUS_ACCOUNT_PAGES)
def test_an_account_page_is_private_and_not_stored_even_before_log_in(url):
    response = Client().get(url)
    assert_private(response, url)
