"""The caches of whole pages (anonymous visitors) and of fragments (everyone)."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from forums import services
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


def test_a_new_post_shows_at_once(client, settings):
    settings.FORUMS_MIN_SECONDS_BETWEEN_POSTS = 0
    space, author = factories.SpaceFactory(public=True), factories.UserFactory()
    topic = services.topic_create(space=space, author=author, title="Un sujet", body="Début")
    get(client, topic.get_absolute_url())
    services.post_create(topic=topic, author=author, body="Une réponse toute neuve")
    page, _ = get(client, topic.get_absolute_url())
    assert "Une réponse toute neuve" in page


def test_members_never_get_nor_fill_the_anonymous_cache(client):
    sheet = factories.sheet()
    get(client, sheet.url)
    client.force_login(factories.UserFactory())
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


def test_a_member_gets_fragments_of_the_cache_refreshed_on_publish(client):
    sheet = factories.sheet(challenge="Un enjeu d'origine")
    client.force_login(factories.UserFactory())
    get(client, sheet.url)
    sheet.challenge = "Un enjeu revu"
    sheet.save_revision().publish()
    page, _ = get(client, sheet.url)
    assert "Un enjeu revu" in page


# Members: pages shared by the members of one audience, the account menu their own.


def notify(user, about):
    from forums.models import Notification, NotificationKind

    Notification.objects.create(user=user, kind=NotificationKind.REPLY, post=about.posts.first())


def test_members_who_read_the_same_spaces_share_a_page_but_not_its_account_menu():
    from django.test import Client

    sheet = factories.sheet(title="Une fiche partagée")
    topic = services.topic_create(
        space=factories.SpaceFactory(public=True),
        author=factories.UserFactory(),
        title="Un sujet",
        body="Oui",
    )
    first, second = factories.UserFactory.create_batch(2)
    notify(second, topic)
    anne, bruno = Client(), Client(enforce_csrf_checks=True)
    anne.force_login(first)
    bruno.force_login(second)
    page, cold = get(anne, sheet.url)
    assert "non lue" not in page
    page, warm = get(bruno, sheet.url)
    assert warm < cold
    assert "Une fiche partagée" in page
    assert "1 non lue" in page
    # The log-out form carries Bruno's own CSRF token: Django accepts it from him.
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]
    assert bruno.post("/compte/logout/", {"csrfmiddlewaretoken": token}).status_code == 302
    assert "_auth_user_id" not in bruno.session


@pytest.mark.parametrize(
    "make", [factories.sheet, factories.video, factories.tool, factories.StepFactory]
)
def test_every_resource_page_is_rendered_around_cached_fragments_for_members(client, make):
    client.force_login(factories.UserFactory())
    for url in (make().url, factories.home().url):
        _, cold = get(client, url)
        _, warm = get(client, url)
        # The routing (with the restricted sections), the page's row; the member, their
        # memberships, their unread count (and on the home page, the unread posts of the
        # discussions it lists): everything else from the fragments.
        assert warm <= 5 + (url == factories.home().url) < cold, url


def test_a_private_discussion_never_reaches_a_member_of_another_audience():
    from django.test import Client

    sheet = factories.sheet()
    marc = factories.UserFactory()
    codir = factories.SpaceFactory(private=True, moderators=[marc])
    services.topic_create(
        space=codir, author=marc, title="Notre avis interne", body="Entre nous", resource=sheet
    )
    insider, staff, outsider = Client(), Client(), Client()
    insider.force_login(marc)
    staff.force_login(factories.UserFactory(staff=True))
    outsider.force_login(factories.UserFactory())
    assert "Notre avis interne" in get(insider, sheet.url)[0]
    assert "Notre avis interne" in get(staff, sheet.url)[0]
    assert "Notre avis interne" not in get(outsider, sheet.url)[0]
    assert "Notre avis interne" in get(insider, sheet.url)[0]


def test_a_page_restricted_to_a_group_is_never_shared(client):
    from django.contrib.auth.models import Group
    from django.test import Client
    from wagtail.models import PageViewRestriction

    sheet = factories.sheet(title="Réservée au groupe")
    group = Group.objects.create(name="Comité")
    restriction = PageViewRestriction.objects.create(
        page=sheet, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(group)
    inside = factories.UserFactory()
    inside.groups.add(group)
    client.force_login(inside)
    assert "Réservée au groupe" in get(client, sheet.url)[0]
    outside = Client()
    outside.force_login(factories.UserFactory())
    response = outside.get(sheet.url)
    assert "Réservée au groupe" not in response.content.decode()


def test_a_member_with_a_message_to_read_gets_it(client):
    from django.contrib.messages import constants
    from django.contrib.messages.storage.base import Message
    from django.contrib.messages.storage.cookie import CookieStorage
    from django.http import HttpRequest

    sheet = factories.sheet()
    client.force_login(factories.UserFactory())
    get(client, sheet.url)
    stored = CookieStorage(HttpRequest())._encode([Message(constants.SUCCESS, "Profil enregistré")])
    client.cookies["messages"] = stored
    assert "Profil enregistré" in get(client, sheet.url)[0]


def test_a_member_sees_a_new_discussion_at_once(client):
    sheet = factories.sheet()
    claire = factories.UserFactory()
    client.force_login(claire)
    get(client, sheet.url)
    services.topic_create(
        space=factories.SpaceFactory(public=True),
        author=claire,
        title="Qui a testé ?",
        body="Retours bienvenus",
        resource=sheet,
    )
    assert "Qui a testé ?" in get(client, sheet.url)[0]


def test_an_author_renamed_or_deactivated_shows_at_once(client):
    author = factories.UserFactory(first_name="Anne", last_name="Avant")
    topic = services.topic_create(
        space=factories.SpaceFactory(public=True), author=author, title="Un sujet", body="Oui"
    )
    assert "Anne Avant" in get(client, topic.get_absolute_url())[0]
    author.last_name = "Après"
    author.save()  # as the administration saves an account
    assert "Anne Après" in get(client, topic.get_absolute_url())[0]
    author.is_active = False
    author.save(update_fields=["is_active"])
    assert "Membre supprimé" in get(client, topic.get_absolute_url())[0]


def test_a_write_in_the_discussions_leaves_the_content_pages_cached(client, settings):
    settings.FORUMS_MIN_SECONDS_BETWEEN_POSTS = 0
    sheet, home = factories.sheet(), factories.home()
    topic = services.topic_create(
        space=factories.SpaceFactory(public=True),
        author=factories.UserFactory(),
        title="Un sujet",
        body="Oui",
    )
    reader = factories.UserFactory()
    post = services.post_create(topic=topic, author=reader, body="Une réponse")
    for url in (sheet.url, home.url):
        assert client.get(url)["X-Cache"] == "miss"
    services.reaction_toggle(post=post, user=topic.author)
    services.report_create(post=post, reporter=topic.author, reason="Hors sujet")
    for url in (sheet.url, home.url):
        with CaptureQueriesContext(connection) as context:
            response = client.get(url)
        assert response["X-Cache"] == "hit", url
        assert len(context.captured_queries) == 0, url
    # A new topic shows on the home page, which lists the latest discussions; not on the sheet.
    services.topic_create(
        space=topic.space, author=reader, title="Un autre sujet", body="Qui sait ?"
    )
    assert client.get(sheet.url)["X-Cache"] == "hit"
    response = client.get(home.url)
    assert response["X-Cache"] == "miss"
    assert "Un autre sujet" in response.content.decode()


def test_a_publication_empties_its_page_and_the_lists_but_not_the_other_pages_bodies(client):
    member = factories.UserFactory()
    first, second = factories.sheet(title="Première fiche"), factories.sheet(title="Seconde")
    client.force_login(member)
    get(client, first.url)
    _, warm = get(client, second.url)
    first.title = "Première fiche corrigée"
    first.save_revision().publish()
    page, _ = get(client, first.url)
    assert "Première fiche corrigée" in page
    # The other sheet's body is still a fragment of the cache: only its lists are read again.
    page, queries = get(client, second.url)
    assert "Seconde" in page
    assert queries <= warm + 2


def test_a_page_made_private_is_no_longer_served_whole(client):
    from wagtail.models import PageViewRestriction

    sheet = factories.sheet(title="Bientôt réservée")
    assert client.get(sheet.url)["X-Cache"] == "miss"
    assert client.get(sheet.url)["X-Cache"] == "hit"
    PageViewRestriction.objects.create(page=sheet, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(sheet.url)
    assert response.status_code == 302
    assert "Bientôt réservée" not in response.content.decode()
