"""A member's own profile form: the photo is resized and renamed, a bad one refused with the
form kept."""

import re
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from accounts.models import Job
from tests.factories import SpaceFactory

pytestmark = pytest.mark.django_db


def png(width=1200, height=800) -> SimpleUploadedFile:
    output = BytesIO()
    Image.new("RGB", (width, height), "teal").save(output, format="PNG")
    return SimpleUploadedFile("portrait.png", output.getvalue(), content_type="image/png")


def profile_data(**changes):
    return {
        "handle": "anne-martin", "first_name": "Anne", "last_name": "Martin", "job": Job.DGS,
        "organisation": "Mairie de Nort-sur-Erdre", "territory": "", "bio": "DGS depuis 2015.",
        "in_directory": "on", **changes,
    }  # fmt: skip


def test_a_member_fills_their_profile_with_a_photo_that_is_resized(client, member):
    client.force_login(member)
    space = SpaceFactory(public=True)
    response = client.post(
        reverse("accounts:profile_edit"), {**profile_data(networks=[space.pk]), "photo": png()}
    )
    assert response.status_code == 302
    profile = member.profile
    profile.refresh_from_db()
    assert profile.organisation == "Mairie de Nort-sur-Erdre"
    assert list(profile.networks.all()) == [space]
    with Image.open(profile.photo.path) as stored:
        assert max(stored.size) == 400 and stored.format == "JPEG"


def test_a_file_that_is_not_an_image_is_refused_and_the_form_kept(client, member):
    client.force_login(member)
    fake = SimpleUploadedFile("photo.png", b"MZ\x90\x00 pas une image", content_type="image/png")
    response = client.post(reverse("accounts:profile_edit"), {**profile_data(), "photo": fake})
    html = response.content.decode()
    assert response.status_code == 200
    assert "n&#x27;est pas une image JPEG, PNG ou WebP" in html
    assert "Mairie de Nort-sur-Erdre" in html
    assert 'aria-describedby="id_photo_helptext id_photo_error"' in html


def test_a_photo_too_large_is_refused(client, member, settings):
    settings.ACCOUNTS_MAX_PHOTO_BYTES = 1000
    client.force_login(member)
    response = client.post(reverse("accounts:profile_edit"), {**profile_data(), "photo": png()})
    assert "Cette photo est trop lourde" in response.content.decode()


def test_a_photo_over_the_pixel_limit_is_refused(client, member, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 1000  # the policy's one limit, for every image
    client.force_login(member)
    response = client.post(reverse("accounts:profile_edit"), {**profile_data(), "photo": png()})
    assert "Cette image a trop de pixels." in response.content.decode()


def test_a_photo_is_stored_under_a_random_jpeg_name_whatever_it_was_called(client, member):
    client.force_login(member)
    photo = png(40, 30)
    photo.name = "portrait\u202egpj.html"
    client.post(reverse("accounts:profile_edit"), {**profile_data(), "photo": photo})
    stored = member.profile.__class__.objects.get(user=member).photo.name
    assert re.fullmatch(r"profils/[A-Za-z0-9]{16}\.jpg", stored)
