import pytest
from django.core.cache import cache

from tests.factories import PASSWORD, UserFactory, log_in_with_two_factor

__all__ = ["PASSWORD", "log_in"]


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """allauth counts attempts (and used two-factor codes) in the cache: each test starts anew."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def member():
    """A member as a finished sign-up leaves them: a verified address and a profile."""
    return UserFactory(verified=True)


@pytest.fixture
def staff(client):
    """A superuser logged in with two factors, as the members' admin asks."""
    return log_in_with_two_factor(client, UserFactory(superuser=True, two_factor=True))


def log_in(client, email, password=PASSWORD):
    return client.post("/compte/login/", {"login": email, "password": password})
