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
