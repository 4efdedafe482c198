"""The editors' search report: the queries that found nothing."""

import pytest
from django.urls import reverse

from search.models import SearchLog
from tests.factories import UserFactory, log_in_with_two_factor

from .conftest import WORD

pytestmark = pytest.mark.django_db


def search(client, **params):
    response = client.get("/recherche/", params)
    assert response.status_code == 200
    return response.content.decode()


def test_editors_see_the_queries_that_found_nothing(client, catalogue):
    search(client, q="xylophone")
    search(client, q="xylophone")
    search(client, q=WORD)
    assert SearchLog.objects.without_results().count() == 2
    log_in_with_two_factor(client, UserFactory(superuser=True, two_factor=True))
    html = client.get(reverse("search_report"), {"jours": "7"}).content.decode()
    fruitless = html[
        html.index("Recherches sans résultat") : html.index("Recherches les plus fréquentes")
    ]
    assert "xylophone" in fruitless
    assert WORD not in fruitless
