"""A profile lists its member's topics and answers that its viewer may read: never a private
space's to someone outside it, never a hidden or deleted post; paginated, with empty states, in
as many queries whatever their number."""

import pytest
from django.urls import reverse

from forums.selectors import CONTRIBUTIONS_PER_PAGE
from tests.factories import PostFactory, SpaceFactory, TopicFactory, UserFactory

pytestmark = pytest.mark.django_db

QUERIES = 10  # the profile with a page of contributions, whatever their number


@pytest.fixture
def world():
    author = UserFactory(verified=True, profile__in_directory=True)
    insider, moderator = UserFactory.create_batch(2, verified=True)
    public = SpaceFactory(public=True, members=[author])
    members_only = SpaceFactory(members_only=True)
    private = SpaceFactory(private=True, members=[author, insider], moderators=[moderator])
    other = TopicFactory(space=public, title="Sujet public d un autre")
    titles = {
        "opened": TopicFactory(space=public, author=author, title="Sujet ouvert en public"),
        "members": TopicFactory(space=members_only, author=author, title="Sujet entre membres"),
        "private": TopicFactory(space=private, author=author, title="Sujet du collectif prive"),
    }
    PostFactory(topic=other, author=author, body="Une reponse visible")
    PostFactory(topic=other, author=author, body="Une reponse masquee", hidden=True)
    PostFactory(topic=other, author=author, body="Une reponse supprimee", deleted=True)
    viewers = {
        "outsider": UserFactory(verified=True),
        "insider": insider,
        "moderator": moderator,
        "staff": UserFactory(verified=True, staff=True),
        "self": author,
    }
    return {"author": author, "viewers": viewers, "titles": titles}


@pytest.mark.parametrize("viewer", ["outsider", "insider", "moderator", "staff", "self"])
def test_a_profile_lists_the_contributions_its_viewer_may_read(client, world, viewer):
    client.force_login(world["viewers"][viewer])
    html = client.get(world["author"].profile.get_absolute_url()).content.decode()
    assert "Sujet ouvert en public" in html and "Sujet entre membres" in html
    assert "Une reponse visible" in html and "Sujet public d un autre" in html
    assert ("Sujet du collectif prive" in html) is (viewer != "outsider")
    assert "Une reponse masquee" not in html and "Une reponse supprimee" not in html
    assert html.count('<span class="badge">Sujet</span>') == 2 + (viewer != "outsider")
    assert html.count('<span class="badge">Réponse</span>') == 1


def test_contributions_are_paginated(client):
    author = UserFactory(verified=True, profile__in_directory=True)
    topic = TopicFactory(space=SpaceFactory(public=True))
    for number in range(CONTRIBUTIONS_PER_PAGE + 3):
        PostFactory(topic=topic, author=author, body=f"Contribution numero {number:02d}")
    client.force_login(UserFactory(verified=True))
    url = author.profile.get_absolute_url()
    first = client.get(url).content.decode()
    second = client.get(url, {"page": 2}).content.decode()
    assert "Contribution numero 22" in first and "Contribution numero 00" not in first
    assert "Contribution numero 00" in second and "Page 2 sur 2" in second
    assert client.get(url, {"page": "x<script>"}).status_code == 200


def test_empty_states_say_so_to_the_member_and_to_others(client):
    author = UserFactory(verified=True, profile__in_directory=True)
    TopicFactory(space=SpaceFactory(private=True), author=author)
    client.force_login(UserFactory(verified=True))
    html = client.get(author.profile.get_absolute_url()).content.decode()
    assert "Aucune contribution de ce membre dans les espaces que vous pouvez lire" in html
    nobody = UserFactory(verified=True)
    client.force_login(nobody)
    html = client.get(nobody.profile.get_absolute_url()).content.decode()
    assert "encore rien publié dans les espaces" in html


def test_anonymous_visitors_see_no_profile(client, world):
    response = client.get(world["author"].profile.get_absolute_url())
    assert response.status_code == 302 and reverse("account_login") in response.url


@pytest.mark.parametrize("count", [3, 40])
def test_the_profile_runs_as_many_queries_whatever_the_number_of_posts(
    client, count, django_assert_num_queries
):
    author = UserFactory(verified=True, profile__in_directory=True)
    spaces = [SpaceFactory(public=True, members=[author]) for _number in range(3)]
    author.profile.networks.set(spaces)
    private = SpaceFactory(private=True, members=[author])
    for number in range(count):
        space = spaces[number % 3] if number % 4 else private
        TopicFactory(space=space, author=author, posts=2)
    viewer = UserFactory(verified=True)
    client.force_login(viewer)
    with django_assert_num_queries(QUERIES):
        assert client.get(author.profile.get_absolute_url()).status_code == 200
