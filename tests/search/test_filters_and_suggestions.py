"""Filters with counts, caption moments, suggestions while typing, spelling, and asking the
community: on whichever backend the suite runs against."""

import re
from html import unescape

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from forums.models import Space
from resources.models import VideoPage

pytestmark = pytest.mark.django_db

FACET_LINK = re.compile(r'<li><a href="(\?[^"]+)"[^>]*>([^<]+) \((\d+)\)</a></li>')


def search(client, url="", **params):
    response = client.get(f"/recherche/{url}", params)
    assert response.status_code == 200
    return unescape(response.content.decode())


def result_count(html: str) -> int:
    found = re.search(r"(\d+) résultats? pour", html)
    return int(found.group(1)) if found else 0


def facet_links(html: str, name: str) -> list[tuple[str, str, int]]:
    start = html.index('<nav class="facets"')
    facets = html[start : html.index("</nav>", start)]
    return [
        (unescape(url), label, int(count))
        for url, label, count in FACET_LINK.findall(facets)
        if f"{name}=" in url
    ]


@pytest.mark.parametrize("name", ["type", "etape", "territoire", "edition"])
def test_each_filter_value_shows_as_many_results_as_its_count(client, name):
    links = facet_links(search(client, q="coopération"), name)
    assert links, f"no value offered for {name}"
    for url, label, count in links:
        assert result_count(search(client, url)) == count, label


def test_filters_combine_and_stay_in_the_url(client):
    sheets = search(client, q="territoire", type="fiches")
    url, label, count = facet_links(sheets, "territoire")[0]
    assert "type=fiches" in url and "q=territoire" in url
    narrowed = search(client, url)
    assert result_count(narrowed) == count
    assert 'aria-current="true">' + label in narrowed
    assert "Retirer le filtre « territoire »" in narrowed
    # A filter that rules everything out keeps the others and offers to search without filters.
    territory = re.search(r"territoire=(\d+)", url).group(1)
    empty = search(client, q="territoire", type="videos", territoire=territory)
    assert "Aucun résultat" in empty
    assert "Chercher sans aucun filtre" in empty


def test_the_space_filter_offers_only_readable_spaces(client, private_topic):
    user = get_user_model().objects.get
    codir = Space.objects.get(slug="codir-pays-des-achards")
    client.force_login(user(username="nadia.benali"))  # a member of the CoDir
    assert any(
        label == codir.name
        for _u, label, _c in facet_links(search(client, q="mutualisation"), "espace")
    )
    client.force_login(user(username="claire.moreau"))  # not a member
    html = search(client, q="mutualisation", espace=codir.slug)
    assert "n'a pas été reconnu" in html
    assert codir.name not in html
    assert "Mutualisation des agents" not in html


@pytest.mark.parametrize(
    "params",
    [
        {"territoire": "abc"},
        {"etape": "99999999999999999999"},
        {"edition": "-1"},
        {"espace": "<b>"},
        {"type": "x"},
    ],
)
def test_unknown_filter_values_are_ignored_and_said(client, params):
    html = search(client, q="charte", **params)
    assert "n'a pas été reconnu" in html
    assert "Charte de fonctionnement" in html
    assert "<b>" not in html.split('id="recherche-page"')[1].split("</form>")[0]


def test_a_hit_in_the_captions_links_to_its_moment(client):
    video = VideoPage.objects.get(title="Deux expressions du même territoire")
    moment = next(cue for cue in video.cues if "département" in cue.text)
    html = search(client, q="département", type="videos")
    assert f'href="{video.url}?t={moment.start}#t{moment.start}"' in html
    assert f"À {moment.timecode} :" in html
    page = client.get(video.url, {"t": moment.start}).content.decode()
    assert f'#t={moment.start}"' in page
    assert f'id="t{moment.start}" class="transcript__current"' in page


def test_suggestions_while_typing_with_and_without_javascript(client, private_topic):
    titles = client.get(reverse("search:suggest"), {"q": "chart", "format": "json"}).json()
    assert "Charte de fonctionnement du collectif des DGS" in titles["suggestions"]
    page = client.get(reverse("search:suggest"), {"q": "chart"}).content.decode()
    assert ">Charte de fonctionnement du collectif des DGS</a>" in unescape(page)
    outsider = client.get(reverse("search:suggest"), {"q": "mutualisation", "format": "json"})
    assert "Mutualisation des agents d'entretien" not in outsider.json()["suggestions"]
    client.force_login(get_user_model().objects.get(username="nadia.benali"))
    member = client.get(reverse("search:suggest"), {"q": "mutualisation", "format": "json"})
    assert "Mutualisation des agents d'entretien" in member.json()["suggestions"]


def test_nothing_found_suggests_a_spelling(client):
    html = search(client, q="cooperatoin")
    assert "Aucun résultat" in html
    assert 'Essayez : <a href="/recherche/?q=coop%C3%A9ration">coopération</a>' in html


def test_nothing_found_offers_to_ask_in_a_chosen_space(client):
    client.force_login(get_user_model().objects.get(username="claire.moreau"))
    html = search(client, q="xylophone municipal")
    assert 'action="/recherche/demander/"' in html
    assert '<option value="reseau-dgs-sg">' in html
    assert "codir-pays-des-achards" not in html  # not hers
    response = client.get(
        reverse("search:ask"), {"q": "xylophone municipal", "espace": "reseau-dgs-sg"}
    )
    assert (
        response.url
        == reverse("forums:topic_create", args=["reseau-dgs-sg"]) + "?titre=xylophone+municipal"
    )
    form = client.get(response.url).content.decode()
    assert 'value="xylophone municipal"' in form
    refused = client.get(reverse("search:ask"), {"q": "x", "espace": "codir-pays-des-achards"})
    assert refused.url.startswith(reverse("search:search"))
