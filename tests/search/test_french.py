"""French: accents folded and words stemmed, on every database backend."""

import pytest

from search.french import stem, stems
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

# Each query names "zephyrine" too, so that only its page can match, whatever the ranking.
PAGES = {
    "Zéphyrine et la coopération intercommunale": "zephyrine coopérer",
    "Zéphyrine et la délibération du conseil": "Zéphyrines DELIBERATIONS",
    "Zéphyrine, le rôle de l'élu référent": "zéphyrine élus",
    "Zéphyrine et les chartes": "zephyrine charte",
}


@pytest.fixture
def pages():
    for title in PAGES:
        StandardPageFactory(title=title)


def search(client, query):
    return client.get("/recherche/", {"q": query}).content.decode().replace("&#x27;", "'")


@pytest.mark.parametrize(("title", "query"), PAGES.items())
def test_french_words_find_their_family(client, pages, title, query):
    html = search(client, query)
    assert f">{title}</a>" in html
    others = [other for other in PAGES if other != title]
    assert not any(f">{other}</a>" in html for other in others)


def test_a_phrase_in_quotes_stays_exact(client):
    StandardPageFactory(title="Charte de fonctionnement du collectif zorglub")
    assert "Charte de fonctionnement du collectif zorglub" in search(
        client, '"charte de fonctionnement"'
    )
    assert "Aucun résultat" in search(client, '"fonctionnement de charte"')


def test_stems_fold_accents_and_plurals():
    assert stem("coopérer") == stem("coopération") == "cooper"
    assert stem("élus") == stem("élu") == "elu"
    assert stems("Délibérations des élus") == "deliber de elu"
