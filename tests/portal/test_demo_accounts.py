"""The demo accounts: created once, in development only."""

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from forums import permissions
from forums.models import Space

pytestmark = pytest.mark.django_db


def test_demo_accounts_are_created_once_with_their_roles(settings):
    settings.DEBUG = True
    call_command("demo_accounts", stdout=None)
    call_command("demo_accounts", stdout=None)
    users = get_user_model().objects.filter(
        username__in=["admin", "redactrice", "relecteur", "membre"]
    )
    assert users.count() == 4
    member = users.get(username="membre")
    assert member.check_password("demo-bloc-local")
    assert permissions.can_read_space(member, Space.objects.get(slug="codir-pays-des-achards"))
    assert users.get(username="relecteur").groups.filter(name="Relecteurs").exists()
    assert EmailAddress.objects.get(user=member).verified
    assert member.profile.approval == "approved" and member.profile.in_directory
    assert Authenticator.objects.filter(user__username="admin", type="totp").exists()
    assert not Authenticator.objects.filter(user=member).exists()


def test_demo_accounts_are_refused_outside_development(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("demo_accounts")
