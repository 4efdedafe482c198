"""Attachments: checked on the way in, served only to those who may read their post."""

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from forums.models import Attachment, Space, Topic

pytestmark = pytest.mark.django_db


def png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "navy").save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def codir_member(client, settings):
    settings.FORUMS_MIN_SECONDS_BETWEEN_POSTS = 0
    user = get_user_model().objects.get(username="nadia.benali")
    client.force_login(user)
    space = Space.objects.get(slug="codir-pays-des-achards")
    return user, space, Topic.objects.filter(space=space).first()


def reply(client, space, topic, upload, body="Voici le document"):
    return client.post(
        reverse("forums:reply", args=[space.slug, topic.pk]), {"body": body, "attachment": upload}
    )


def test_an_image_attachment_is_shown_to_members_only(client, codir_member):
    _user, space, topic = codir_member
    reply(client, space, topic, SimpleUploadedFile("plan.png", png(), content_type="image/png"))
    item = Attachment.objects.get(name="plan.png")
    assert item.is_image
    url = reverse("forums:attachment", args=[item.pk])
    assert url in client.get(topic.get_absolute_url() + "?page=last").content.decode()
    assert client.get(url).status_code == 200
    client.force_login(get_user_model().objects.get(username="claire.moreau"))  # not in the CoDir
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("outil.exe", b"MZ\x90", "Ce type de fichier n'est pas accepté"),
        ("faux.pdf", b"MZ\x90 pas un pdf", "ne correspond pas à un fichier .pdf"),
        ("photo.png", b"pas une image", "pas une image lisible"),
    ],
)
def test_a_bad_attachment_is_refused_and_the_text_kept(
    client, codir_member, name, content, message
):
    _user, space, topic = codir_member
    response = reply(
        client, space, topic, SimpleUploadedFile(name, content), body="Mon texte précieux"
    )
    html = response.content.decode().replace("&#x27;", "'")
    assert response.status_code == 400
    assert message in html
    assert "Mon texte précieux" in html
    assert not Attachment.objects.filter(name=name).exists()


def test_an_oversized_attachment_is_refused(client, codir_member, settings):
    settings.FORUMS_MAX_ATTACHMENT_BYTES = 10
    _user, space, topic = codir_member
    response = reply(client, space, topic, SimpleUploadedFile("plan.png", png()))
    assert "dépasse la taille maximale" in response.content.decode()


def test_new_accounts_may_not_attach_files(client, codir_member):
    user, space, topic = codir_member
    user.date_joined = timezone.now() - datetime.timedelta(hours=1)
    user.save()
    response = reply(client, space, topic, SimpleUploadedFile("plan.png", png()))
    assert "ne peuvent pas encore joindre de fichiers" in response.content.decode()
