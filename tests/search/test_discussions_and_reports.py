"""Search over discussions (with their permissions), filters, excerpts and the editors' report."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from experiences.models import ExperienceSheetPage
from forums import services
from search.models import SearchLog
from tests.factories import log_in_with_two_factor, two_factor

pytestmark = pytest.mark.django_db


def user(name):
    return get_user_model().objects.get(username=name)


def search(client, **params):
    response = client.get("/recherche/", params)
    assert response.status_code == 200
    return response.content.decode()


def test_a_private_topic_is_found_only_by_members_of_its_space(client, private_topic):
    assert "Mutualisation des agents" not in search(client, q="mutualisation")
    client.force_login(user("claire.moreau"))  # not in the CoDir
    assert "Mutualisation des agents" not in search(client, q="mutualisation")
    client.force_login(user("nadia.benali"))  # in the CoDir
    html = search(client, q="mutualisation")
    assert "Mutualisation des agents" in html
    assert private_topic.get_absolute_url() in html


def test_a_hidden_post_is_not_found(client, private_topic, django_capture_on_commit_callbacks):
    post = private_topic.posts.get()
    with django_capture_on_commit_callbacks(execute=True):
        services.post_create(
            topic=private_topic, author=user("nadia.benali"), body="Un mot rare : zygomatique"
        )
        services.post_hide(
            post=private_topic.posts.last(), moderator=user("marc.girard"), reason="Hors sujet"
        )
    client.force_login(user("julien.bernard"))
    assert "Mutualisation des agents" not in search(client, q="zygomatique")
    assert post.topic_id == private_topic.pk


def test_kind_filter_counts_and_highlighted_excerpts(client):
    html = search(client, q="charte")
    assert "Fiches expérience (1)" in html
    assert "<mark>charte</mark>" in html.lower()
    sheets_only = search(client, q="charte", type="fiches")
    sheet = ExperienceSheetPage.objects.get(territory__name="Erdre et Gesvres")
    assert sheet.title.replace("'", "&#x27;") in sheets_only
    assert 'class="result__title" href="/videos/' not in sheets_only


def test_unknown_filter_values_and_pages_give_a_normal_page(client):
    assert "résultat" in search(client, q="charte", type="<script>", page="9999")


def test_nothing_found_offers_a_wider_search_and_the_community(client):
    html = search(client, q="xylophone", type="videos")
    assert "Aucun résultat" in html
    assert "Chercher dans tous les types de contenu" in html
    assert reverse("forums:space_list") in html


def test_promoted_results_come_first(client):
    sheet = ExperienceSheetPage.objects.get(territory__name="Pays de Mortagne")
    assert "Recommandé" not in search(client, q="Gouvernance")
    SearchPromotion.objects.create(
        query=Query.get("gouvernance"), page=sheet, description="À lire d'abord"
    )
    html = search(client, q="Gouvernance")
    assert html.index("Recommandé") < html.index('class="results"')


def test_editors_see_the_queries_that_found_nothing(client, django_user_model):
    search(client, q="xylophone")
    search(client, q="xylophone")
    search(client, q="charte")
    assert SearchLog.objects.without_results().count() == 2
    chef = django_user_model.objects.create_superuser("chef", "chef@example.org", "x")
    log_in_with_two_factor(client, two_factor(chef))
    html = client.get(reverse("search_report"), {"jours": "7"}).content.decode()
    fruitless = html[
        html.index("Recherches sans résultat") : html.index("Recherches les plus fréquentes")
    ]
    assert "xylophone" in fruitless
    assert "charte" not in fruitless
