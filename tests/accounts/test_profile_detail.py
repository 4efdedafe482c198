"""A member's profile page: only what they filled in, never their address."""

import pytest

from tests.factories import SpaceFactory, TerritoryFactory, UserFactory

pytestmark = pytest.mark.django_db

QUERIES = 9  # the profile (no post: no page of them read), whatever its networks


def test_a_profile_shows_only_what_the_member_filled_in(client):
    shown = UserFactory(
        verified=True, first_name="", last_name="",
        profile__in_directory=True, profile__organisation="CC Erdre",
    )  # fmt: skip
    client.force_login(UserFactory(verified=True))
    html = client.get(shown.profile.get_absolute_url()).content.decode()
    assert "CC Erdre" in html
    assert "Territoire" not in html and "Fonction" not in html
    assert shown.email not in html


@pytest.mark.parametrize("count", [2, 10])
def test_the_profile_runs_as_many_queries_whatever_its_networks(
    client, count, django_assert_num_queries
):
    owner = UserFactory(verified=True)
    networks = SpaceFactory.create_batch(count, public=True, members=[owner])
    owner.profile.in_directory = True
    owner.profile.territory = TerritoryFactory()
    owner.profile.save()
    owner.profile.networks.set(networks)
    client.force_login(UserFactory(verified=True))
    with django_assert_num_queries(QUERIES):
        assert client.get(owner.profile.get_absolute_url()).status_code == 200
