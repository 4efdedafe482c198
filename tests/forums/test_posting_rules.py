"""The rules the services keep whatever the view: new accounts post no links."""

import pytest
from django.utils import timezone

from forums import services

pytestmark = pytest.mark.django_db


def test_new_accounts_may_not_post_links(member, space):
    member.date_joined = timezone.now()
    member.save()
    with pytest.raises(services.ForumError, match="liens"):
        services.topic_create(
            space=space, author=member, title="Pub", body="Voir https://exemple.org"
        )


def test_the_limits_are_said_with_french_plurals(member, space, settings):
    settings.FORUMS_NEW_ACCOUNT_MAX_TOPICS = 1
    member.date_joined = timezone.now()
    member.save()
    services.topic_create(space=space, author=member, title="Un", body="Premier sujet")
    settings.FORUMS_MIN_SECONDS_BETWEEN_POSTS = 1
    with pytest.raises(services.ForumError, match="attendez 1 seconde entre"):
        services.topic_create(space=space, author=member, title="Deux", body="Second sujet")
    settings.FORUMS_MIN_SECONDS_BETWEEN_POSTS = 0
    with pytest.raises(services.ForumError, match="ouvrir 1 sujet par jour"):
        services.topic_create(space=space, author=member, title="Deux", body="Second sujet")
