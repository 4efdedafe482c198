"""Accounts: `UserFactory` with a trait for each kind of account the tests need, and the
two-factor log-in the administration asks for.

    UserFactory()                      # an established account (joined 60 days ago), no profile
    UserFactory(verified=True)         # as a finished sign-up leaves it: verified address, profile
    UserFactory(pending=True)          # verified, waiting for staff's approval
    UserFactory(staff=True), UserFactory(superuser=True)
    UserFactory(two_factor=True)       # an authenticator app enrolled
    UserFactory(editor=True), UserFactory(reviewer=True)   # in the group, with two-factor
    UserFactory(new_account=True)      # joined just now: the new accounts' limits apply
    UserFactory(verified=True, profile__in_directory=True, profile__organisation="CC Erdre")
"""

import datetime
import time

import factory
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from accounts import handles
from accounts.models import Approval, Profile

from .base import fake, unique

PASSWORD = "un-mot-de-passe-solide"


def two_factor(user):
    """Gives `user` an authenticator app, as the administration requires; returns the user."""
    TOTP.activate(user, generate_totp_secret())
    return user


def log_in_with_two_factor(client, user):
    """Logs `user` in on the test client as allauth does after a password and a TOTP code: the
    session records both steps, which the administration asks for. Returns the user."""
    from allauth.account.internal.flows.login import (
        _AUTHENTICATION_METHODS_USER_SESSION_KEY,
        AUTHENTICATION_METHODS_SESSION_KEY,
    )
    from allauth.mfa.models import Authenticator

    authenticator = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
    client.force_login(user)
    session = client.session
    session[AUTHENTICATION_METHODS_SESSION_KEY] = [
        {"method": "password", "at": time.time(), "email": user.email},
        {"method": "mfa", "at": time.time(), "id": authenticator.pk, "type": "totp"},
    ]
    session[_AUTHENTICATION_METHODS_USER_SESSION_KEY] = str(user.pk)
    session.save()
    return user


def in_group(name: str) -> factory.PostGeneration:
    return factory.PostGeneration(
        lambda user, create, _: create and user.groups.add(Group.objects.get(name=name))
    )


class ProfileFactory(factory.django.DjangoModelFactory):
    """A member's profile; made by `UserFactory(verified=True)`, set with `profile__<field>`."""

    class Meta:
        model = Profile
        django_get_or_create = ["user"]
        skip_postgeneration_save = True

    user = factory.SubFactory("tests.factories.accounts.UserFactory")
    handle = factory.LazyAttribute(lambda profile: handles.new_handle(profile.user))
    approval = Approval.APPROVED

    @factory.post_generation
    def networks(self, create, extracted, **kwargs):
        if create and extracted:
            self.networks.set(extracted)


class EmailAddressFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EmailAddress

    user = factory.SubFactory("tests.factories.accounts.UserFactory")
    email = factory.LazyAttribute(lambda address: address.user.email)
    verified = True
    primary = True


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.LazyFunction(lambda: unique("membre"))
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    first_name = factory.LazyFunction(fake.first_name)
    last_name = factory.LazyFunction(lambda: unique(fake.last_name()))
    password = factory.django.Password(PASSWORD)
    date_joined = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=60))

    class Params:
        verified = factory.Trait(
            email_address=factory.RelatedFactory(EmailAddressFactory, "user"),
            profile=factory.RelatedFactory(ProfileFactory, "user"),
        )
        pending = factory.Trait(
            verified=True, profile__approval=Approval.PENDING
        )  # staff decide in the admin
        staff = factory.Trait(is_staff=True)
        superuser = factory.Trait(is_staff=True, is_superuser=True)
        new_account = factory.Trait(date_joined=factory.LazyFunction(timezone.now))
        two_factor = factory.Trait(
            authenticator=factory.PostGeneration(
                lambda user, create, _: create and two_factor(user)
            )
        )
        editor = factory.Trait(two_factor=True, group=in_group("Rédacteurs"))
        reviewer = factory.Trait(two_factor=True, group=in_group("Relecteurs"))
