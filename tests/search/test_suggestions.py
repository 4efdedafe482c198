"""Suggestions while typing (JSON for the search box, a page without JavaScript), and the
spelling offered when nothing is found."""

from html import unescape

import pytest
from django.urls import reverse

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_suggestions_while_typing_with_and_without_javascript(client, codir, private_topic):
    title = "Zorglubine : charte de fonctionnement du collectif"
    StandardPageFactory(title=title)
    titles = client.get(reverse("search:suggest"), {"q": "zorglubi", "format": "json"}).json()
    assert title in titles["suggestions"]
    page = client.get(reverse("search:suggest"), {"q": "zorglubi"}).content.decode()
    assert f">{title}</a>" in unescape(page)
    outsider = client.get(reverse("search:suggest"), {"q": "mutualisation", "format": "json"})
    assert "Mutualisation des agents d'entretien" not in outsider.json()["suggestions"]
    client.force_login(codir.member)
    member = client.get(reverse("search:suggest"), {"q": "mutualisation", "format": "json"})
    assert "Mutualisation des agents d'entretien" in member.json()["suggestions"]


def test_nothing_found_suggests_a_spelling(client):
    StandardPageFactory(title="Coopération intercommunale")
    html = unescape(client.get("/recherche/", {"q": "cooperatoin"}).content.decode())
    assert "Aucun résultat" in html
    assert 'Essayez : <a href="/recherche/?q=coop%C3%A9ration">coopération</a>' in html
