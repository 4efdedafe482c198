"""The caches of whole pages (anonymous visitors) and of fragments (everyone)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from forums import services
from forums.models import Space
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def cached_pages(settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 600


def get(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode(), len(context.captured_queries)


def test_an_anonymous_visitor_gets_the_page_from_the_cache(client):
    sheet = factories.sheet(title="Une fiche mise en cache")
    first, _ = get(client, sheet.url)
    again, queries = get(client, sheet.url)
    assert again == first
    assert queries == 0


def test_a_published_change_shows_at_once(client):
    sheet = factories.sheet(title="Titre d'origine")
    get(client, sheet.url)
    sheet.title = "Titre corrigé"
    sheet.save_revision().publish()
    page, _ = get(client, sheet.url)
    assert "Titre corrigé" in page


def test_a_new_post_shows_at_once(client, django_user_model, settings):
    settings.FORUMS_MIN_SECONDS_BETWEEN_POSTS = 0
    space = Space.objects.get(slug="reseau-dgs-sg")
    author = django_user_model.objects.get(username="claire.moreau")
    topic = services.topic_create(space=space, author=author, title="Un sujet", body="Début")
    get(client, topic.get_absolute_url())
    services.post_create(topic=topic, author=author, body="Une réponse toute neuve")
    page, _ = get(client, topic.get_absolute_url())
    assert "Une réponse toute neuve" in page


def test_members_never_get_nor_fill_the_anonymous_cache(client, django_user_model):
    sheet = factories.sheet()
    get(client, sheet.url)
    client.force_login(django_user_model.objects.create_user("lectrice"))
    page, queries = get(client, sheet.url)
    assert "Se déconnecter" in page
    assert queries > 0
    client.logout()
    page, _ = get(client, sheet.url)
    assert "Se déconnecter" not in page


def test_a_visitor_with_a_message_to_read_is_not_served_from_the_cache(client):
    sheet = factories.sheet()
    get(client, sheet.url)
    client.cookies["messages"] = "un message en attente"
    _, queries = get(client, sheet.url)
    assert queries > 0


def test_search_is_never_cached_whole(client):
    get(client, "/recherche/?q=coop%C3%A9ration")
    _, queries = get(client, "/recherche/?q=coop%C3%A9ration")
    assert queries > 0


def test_a_member_gets_fragments_of_the_cache_refreshed_on_publish(client, django_user_model):
    sheet = factories.sheet(challenge="Un enjeu d'origine")
    client.force_login(django_user_model.objects.create_user("lecteur"))
    get(client, sheet.url)
    sheet.challenge = "Un enjeu revu"
    sheet.save_revision().publish()
    page, _ = get(client, sheet.url)
    assert "Un enjeu revu" in page
