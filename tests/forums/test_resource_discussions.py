"""Resources meet discussions: a sheet lists the topics about it that the visitor may read."""

import pytest
from django.urls import reverse

from forums import services
from forums.models import Topic
from tests.factories import ExperienceSheetFactory, SpaceFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def sheet():
    return ExperienceSheetFactory()


def test_a_member_opens_a_topic_about_a_sheet_from_the_sheet(client, sheet, no_posting_delay):
    member = UserFactory()
    space = SpaceFactory(public=True, members=[member])
    client.force_login(member)
    choose = client.get(reverse("forums:discuss_resource", args=[sheet.pk])).content.decode()
    assert f"{reverse('forums:topic_create', args=[space.slug])}?ressource={sheet.pk}" in choose
    form_url = reverse("forums:topic_create", args=[space.slug])
    assert sheet.title in client.get(form_url, {"ressource": sheet.pk}).content.decode()
    client.post(
        form_url,
        {"ressource": sheet.pk, "title": "Votre charte ?", "body": "Comment l'avez-vous écrite ?"},
    )
    topic = Topic.objects.get(title="Votre charte ?")
    assert topic.resource_id == sheet.pk
    assert "Votre charte ?" in client.get(sheet.url).content.decode()


def test_a_private_discussion_about_a_sheet_stays_private(client, sheet):
    insider, outsider = UserFactory.create_batch(2)
    private = SpaceFactory(private=True, moderators=[insider])
    services.topic_create(
        space=private, author=insider, title="Notre avis interne", body="Entre nous", resource=sheet
    )
    assert "Notre avis interne" not in client.get(sheet.url).content.decode()
    client.force_login(outsider)
    assert "Notre avis interne" not in client.get(sheet.url).content.decode()
    client.force_login(insider)
    assert "Notre avis interne" in client.get(sheet.url).content.decode()
