"""A private space's topic, found only by the members of its space."""

import pytest
from django.contrib.auth import get_user_model

from forums import services
from forums.models import Space


@pytest.fixture
def private_topic(settings, django_capture_on_commit_callbacks):
    settings.FORUMS_MIN_SECONDS_BETWEEN_POSTS = 0
    codir = Space.objects.get(slug="codir-pays-des-achards")
    moderator = get_user_model().objects.get(username="marc.girard")
    with django_capture_on_commit_callbacks(execute=True):
        topic = services.topic_create(
            space=codir, author=moderator, title="Mutualisation des agents d'entretien",
            body="Chiffrage confidentiel de la mutualisation.",
        )  # fmt: skip
    return topic
