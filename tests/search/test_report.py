"""The editors' search report: the queries that found nothing."""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.models import HandledQuery, SearchLog
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


def fruitless(client) -> str:
    html = client.get(reverse("search_report"), {"jours": "7"}).content.decode()
    return html[
        html.index("Recherches sans résultat") : html.index("Recherches les plus fréquentes")
    ]


@pytest.mark.parametrize("junk", ['"', "é", "or", "- ?", "l'", "a b c"])
def test_the_report_leaves_out_queries_without_a_word(client, junk):
    SearchLog.objects.create(query=junk, results=0)
    SearchLog.objects.create(query="xylophone", results=0)
    log_in_with_two_factor(client, UserFactory(superuser=True, two_factor=True))
    rows = fruitless(client)
    assert "<td>xylophone</td>" in rows
    assert f"<td>{junk}</td>".replace('"', "&quot;").replace("'", "&#x27;") not in rows


def test_a_query_marked_handled_leaves_the_report_until_it_finds_nothing_again(client):
    editor = log_in_with_two_factor(client, UserFactory(editor=True))
    SearchLog.objects.create(query="xylophone", results=0)
    rows = fruitless(client)
    assert "Écrire une page" in rows and "Recommander un résultat" in rows
    assert client.get(reverse("wagtailsearchpromotions:add")).status_code == 200  # may promote
    response = client.post(reverse("search_report_handled"), {"query": "xylophone", "jours": "7"})
    assert response.status_code == 302
    assert "xylophone" not in fruitless(client)
    assert HandledQuery.objects.get(query="xylophone").handled_by == editor
    SearchLog.objects.create(query="xylophone", results=0)  # searched again, still nothing
    assert "xylophone" in fruitless(client)


def test_a_member_cannot_mark_a_query_handled(client):
    client.force_login(UserFactory())
    response = client.post(reverse("search_report_handled"), {"query": "xylophone"})
    assert response.status_code in (302, 403)
    assert not HandledQuery.objects.exists()


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(max_size=300), days=st.text(max_size=5))
def test_marking_any_text_handled_answers_a_redirect(client, query, days):
    log_in_with_two_factor(client, UserFactory(superuser=True, two_factor=True))
    response = client.post(reverse("search_report_handled"), {"query": query, "jours": days})
    assert response.status_code == 302
    assert client.get(reverse("search_report"), {"jours": days}).status_code == 200


def test_an_admin_user_who_may_not_promote_cannot_mark_a_query_handled(client):
    from django.contrib.auth.models import Permission

    reader = UserFactory(two_factor=True)
    reader.user_permissions.add(Permission.objects.get(codename="access_admin"))
    log_in_with_two_factor(client, reader)
    SearchLog.objects.create(query="xylophone", results=0)
    assert "Marquer comme traitée" not in fruitless(client)
    response = client.post(reverse("search_report_handled"), {"query": "xylophone"})
    assert response.status_code in (302, 403)  # the administration sends them back home
    assert not HandledQuery.objects.exists()
