"""RGPD: a member downloads all their data and deletes their account."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from accounts.models import Profile
from forums import services as forum_services
from forums.models import Post
from tests.factories import SpaceFactory

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def author(member, settings):
    settings.FORUMS_NEW_ACCOUNT_HOURS = 0
    settings.FORUMS_MIN_SECONDS_BETWEEN_POSTS = 0
    space = SpaceFactory(public=True, members=[member])
    topic = forum_services.topic_create(
        space=space, author=member, title="Mutualiser la paie", body="Qui a mutualisé la paie ?"
    )
    return member, topic


def test_the_personal_data_page_says_what_is_kept_and_why(client, member):
    client.force_login(member)
    html = client.get(reverse("accounts:personal_data")).content.decode()
    assert "Ce que nous gardons et pourquoi" in html
    assert reverse("accounts:data_export") in html


def test_a_member_downloads_all_their_data_as_json(client, author):
    member, topic = author
    client.force_login(member)
    response = client.get(reverse("accounts:data_export"))
    assert response["Content-Type"] == "application/json"
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["compte"]["adresse_email"] == member.email
    assert data["compte"]["adresses_email"] == [{"adresse": member.email, "verifiee": True}]
    assert data["messages"][0]["texte"] == "Qui a mutualisé la paie ?"
    assert data["espaces"][0]["espace"] == topic.space.name
    assert data["profil"]["dans_l_annuaire"] is False
    assert data["profil"]["identifiant"] == member.profile.handle


def test_deletion_needs_the_password(client, member):
    client.force_login(member)
    response = client.post(reverse("accounts:account_delete"), {"password": "pas-le-bon"})
    assert "Ce mot de passe n&#x27;est pas le bon." in response.content.decode()
    assert get_user_model().objects.filter(pk=member.pk).exists()


def test_a_deleted_account_leaves_its_posts_signed_membre_supprime(client, author):
    member, topic = author
    client.force_login(member)
    response = client.post(reverse("accounts:account_delete"), {"password": PASSWORD})
    assert response.status_code == 302
    assert not get_user_model().objects.filter(pk=member.pk).exists()
    assert not Profile.objects.filter(user_id=member.pk).exists()
    post = Post.objects.get(topic=topic)
    assert post.author is None

    html = client.get(topic.get_absolute_url()).content.decode()
    assert "Membre supprimé" in html
    assert member.get_full_name() not in html and member.email not in html
