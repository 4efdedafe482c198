"""The search page's filters: each with its count given the others, kept in the URL, only
readable spaces offered, unknown values ignored and said; on whichever backend the suite runs
against."""

import re
from html import unescape

import pytest

from .conftest import WORD

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


def test_kind_filter_counts_and_highlighted_excerpts(client, catalogue):
    html = search(client, q=WORD)
    assert "Fiches expérience (2)" in html
    assert f"<mark>{WORD}</mark>" in html.lower()
    sheets_only = search(client, q=WORD, type="fiches")
    assert catalogue.sheets[0].title in sheets_only
    assert f'class="result__title" href="{catalogue.video.url}' not in sheets_only


@pytest.mark.parametrize("name", ["type", "etape", "territoire", "edition"])
def test_each_filter_value_shows_as_many_results_as_its_count(client, catalogue, name):
    links = facet_links(search(client, q=WORD), name)
    assert links, f"no value offered for {name}"
    for url, label, count in links:
        assert result_count(search(client, url)) == count, label


def test_filters_combine_and_stay_in_the_url(client, catalogue):
    sheets = search(client, q=WORD, type="fiches")
    url, label, count = facet_links(sheets, "territoire")[0]
    assert "type=fiches" in url and f"q={WORD}" in url
    narrowed = search(client, url)
    assert result_count(narrowed) == count
    assert 'aria-current="true">' + label in narrowed
    assert "Retirer le filtre « territoire »" in narrowed
    # A filter that rules everything out keeps the others and offers to search without filters.
    territory = re.search(r"territoire=(\d+)", url).group(1)
    empty = search(client, q=WORD, type="videos", territoire=territory)
    assert "Aucun résultat" in empty
    assert "Chercher sans aucun filtre" in empty


def test_the_space_filter_offers_only_readable_spaces(client, codir, private_topic):
    client.force_login(codir.member)
    assert any(
        label == codir.space.name
        for _u, label, _c in facet_links(search(client, q="mutualisation"), "espace")
    )
    client.force_login(codir.outsider)
    html = search(client, q="mutualisation", espace=codir.space.slug)
    assert "n'a pas été reconnu" in html
    assert codir.space.name not in html
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
def test_unknown_filter_values_are_ignored_and_said(client, catalogue, params):
    html = search(client, q=WORD, **params)
    assert "n'a pas été reconnu" in html
    assert catalogue.sheets[0].title in html
    assert "<b>" not in html.split('id="recherche-page"')[1].split("</form>")[0]


def test_unknown_filter_values_and_pages_give_a_normal_page(client):
    assert "résultat" in search(client, q="charte", type="<script>", page="9999")
