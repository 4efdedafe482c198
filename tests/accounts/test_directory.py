"""The directory: for logged-in members, showing only the members who opted in."""

import pytest
from django.urls import reverse

from accounts.models import Job
from tests.factories import SpaceFactory, TerritoryFactory, UserFactory

pytestmark = pytest.mark.django_db

QUERIES = 10  # the directory's first page, whatever the number of members shown


def test_the_directory_shows_only_members_who_opted_in(client, django_assert_max_num_queries):
    territory = TerritoryFactory()
    shown = UserFactory(
        verified=True,
        profile__in_directory=True,
        profile__job=Job.SG,
        profile__territory=territory,
        profile__organisation="CC Erdre",
    )
    hidden = UserFactory(verified=True, profile__in_directory=False)
    client.force_login(UserFactory(verified=True))
    url = reverse("accounts:directory")
    with django_assert_max_num_queries(QUERIES):
        html = client.get(url).content.decode()
    name = shown.get_full_name()
    assert name in html and hidden.get_full_name() not in html
    assert name in client.get(url, {"q": "erdre"}).content.decode()
    assert name in client.get(url, {"job": Job.SG, "territory": territory.pk}).content.decode()
    assert name not in client.get(url, {"job": Job.DGA}).content.decode()

    assert client.get(shown.profile.get_absolute_url()).status_code == 200
    assert client.get(hidden.profile.get_absolute_url()).status_code == 404


def test_the_directory_is_for_logged_in_members(client):
    response = client.get(reverse("accounts:directory"))
    assert response.status_code == 302 and response.url.startswith("/compte/login/")


@pytest.mark.parametrize("count", [2, 10])
def test_the_directory_runs_as_many_queries_whatever_its_members(
    client, count, django_assert_num_queries
):
    networks = SpaceFactory.create_batch(2, public=True)
    UserFactory.create_batch(
        count,
        verified=True,
        profile__in_directory=True,
        profile__territory=TerritoryFactory(),
        profile__networks=networks,
    )
    client.force_login(UserFactory(verified=True))
    with django_assert_num_queries(QUERIES):
        assert client.get(reverse("accounts:directory")).status_code == 200
