"""Asking the community when nothing is found: the new topic form of a space the member may
post in, with the query as its title."""

import pytest
from django.urls import reverse

from tests.factories import SpaceFactory

pytestmark = pytest.mark.django_db


def test_nothing_found_offers_to_ask_in_a_chosen_space(client, codir):
    space = SpaceFactory(public=True, members=[codir.outsider])
    client.force_login(codir.outsider)
    html = client.get("/recherche/", {"q": "xylophone municipal"}).content.decode()
    assert 'action="/recherche/demander/"' in html
    assert f'<option value="{space.slug}">' in html
    assert codir.space.slug not in html  # not theirs
    response = client.get(reverse("search:ask"), {"q": "xylophone municipal", "espace": space.slug})
    assert (
        response.url
        == reverse("forums:topic_create", args=[space.slug]) + "?titre=xylophone+municipal"
    )
    form = client.get(response.url).content.decode()
    assert 'value="xylophone municipal"' in form
    refused = client.get(reverse("search:ask"), {"q": "x", "espace": codir.space.slug})
    assert refused.url.startswith(reverse("search:search"))
