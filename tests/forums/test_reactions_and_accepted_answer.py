"""The "useful" reaction and the accepted answer of a question, through their views."""

import pytest
from django.urls import reverse

from forums import services
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def test_useful_reaction_and_accepted_answer(client, member, space):
    topic = services.topic_create(space=space, author=member, title="Question", body="Qui sait ?")
    helper = MembershipFactory(space=space).user
    answer = services.post_create(topic=topic, author=helper, body="Moi !")
    client.force_login(member)
    client.post(reverse("forums:post_react", args=[answer.pk]))
    client.post(reverse("forums:topic_accept", args=[space.slug, topic.pk]), {"post": answer.pk})
    answer.refresh_from_db()
    topic.refresh_from_db()
    assert answer.useful_count == 1
    assert topic.accepted_post == answer
