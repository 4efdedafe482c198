"""Resources meet discussions: a sheet lists the topics about it that the visitor may read."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from experiences.models import ExperienceSheetPage
from forums import services
from forums.models import Space, Topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def sheet():
    return ExperienceSheetPage.objects.get(territory__name="Erdre et Gesvres")


def test_a_member_opens_a_topic_about_a_sheet_from_the_sheet(client, sheet, settings):
    settings.FORUMS_MIN_SECONDS_BETWEEN_POSTS = 0
    claire = get_user_model().objects.get(username="claire.moreau")
    client.force_login(claire)
    choose = client.get(reverse("forums:discuss_resource", args=[sheet.pk])).content.decode()
    space = Space.objects.get(slug="reseau-dgs-sg")
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
    marc = get_user_model().objects.get(username="marc.girard")
    codir = Space.objects.get(slug="codir-pays-des-achards")
    services.topic_create(
        space=codir, author=marc, title="Notre avis interne", body="Entre nous", resource=sheet
    )
    assert "Notre avis interne" not in client.get(sheet.url).content.decode()
    client.force_login(get_user_model().objects.get(username="claire.moreau"))
    assert "Notre avis interne" not in client.get(sheet.url).content.decode()
    client.force_login(marc)
    assert "Notre avis interne" in client.get(sheet.url).content.decode()
