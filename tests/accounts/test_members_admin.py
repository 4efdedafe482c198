"""The members' listing in the Wagtail admin: search, deactivate and reactivate; no profile
without its account."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory, log_in_with_two_factor

pytestmark = pytest.mark.django_db


def test_staff_search_deactivate_and_reactivate_members(client, staff):
    anne = UserFactory(verified=True, profile__organisation="Communauté de communes zéphyrine")
    bruno = UserFactory(verified=True)
    log_in_with_two_factor(client, staff)
    index = reverse("membres:index")
    html = client.get(index, {"q": "zéphyrine"}).content.decode()
    assert anne.get_full_name() in html and bruno.get_full_name() not in html
    assert "Vérifiée" in html and "Inscrit le" in html and "Dernière connexion" in html

    client.post(reverse("accounts_member_active", args=[anne.profile.pk, "desactiver"]))
    anne.refresh_from_db()
    assert not anne.is_active
    client.post(reverse("accounts_member_active", args=[anne.profile.pk, "reactiver"]))
    anne.refresh_from_db()
    assert anne.is_active


def test_staff_cannot_add_a_profile_without_its_account(client, staff):
    log_in_with_two_factor(client, staff)
    html = client.get(reverse("membres:index")).content.decode()
    assert reverse("membres:add") not in html
    assert client.get(reverse("membres:add")).status_code in (302, 403)
