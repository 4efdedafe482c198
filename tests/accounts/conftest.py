import pytest
from allauth.account.models import EmailAddress
from django.core.cache import cache

from accounts.services import profile_create

PASSWORD = "un-mot-de-passe-solide"


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """allauth counts attempts (and used two-factor codes) in the cache: each test starts anew."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def make_member(django_user_model):
    """A member with a verified address and a profile, as a finished sign-up leaves them."""

    def make(email="anne.dgs@example.org", *, first_name="Anne", last_name="Martin", **profile):
        user = django_user_model.objects.create_user(
            email.split("@")[0], email, PASSWORD, first_name=first_name, last_name=last_name
        )
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        member_profile = profile_create(user=user)
        for field, value in profile.items():
            setattr(member_profile, field, value)
        member_profile.save()
        return user

    return make


@pytest.fixture
def member(make_member):
    return make_member()


def log_in(client, email, password=PASSWORD):
    return client.post("/compte/login/", {"login": email, "password": password})
