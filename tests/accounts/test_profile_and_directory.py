"""Profiles, photos, and the directory that shows only members who opted in."""

import re
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from accounts.models import Job
from forums.models import Space
from tests.factories import TerritoryFactory

pytestmark = pytest.mark.django_db


def png(width=1200, height=800) -> SimpleUploadedFile:
    output = BytesIO()
    Image.new("RGB", (width, height), "teal").save(output, format="PNG")
    return SimpleUploadedFile("portrait.png", output.getvalue(), content_type="image/png")


def profile_data(**changes):
    return {
        "first_name": "Anne", "last_name": "Martin", "job": Job.DGS,
        "organisation": "Mairie de Nort-sur-Erdre", "territory": "", "bio": "DGS depuis 2015.",
        "in_directory": "on", **changes,
    }  # fmt: skip


def test_a_member_fills_their_profile_with_a_photo_that_is_resized(client, member):
    client.force_login(member)
    space = Space.objects.get(slug="reseau-dgs-sg")
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


def test_the_directory_shows_only_members_who_opted_in(
    client, make_member, django_assert_max_num_queries
):
    territory = TerritoryFactory()
    shown = make_member(
        "visible@example.org",
        first_name="Vera",
        last_name="Visible",
        in_directory=True,
        job=Job.SG,
        territory=territory,
        organisation="CC Erdre",
    )
    hidden = make_member(
        "cache@example.org", first_name="Hugo", last_name="Cache", in_directory=False
    )
    viewer = make_member("lectrice@example.org", first_name="Léa", last_name="Lectrice")
    client.force_login(viewer)
    url = reverse("accounts:directory")
    with django_assert_max_num_queries(12):
        html = client.get(url).content.decode()
    assert "Vera Visible" in html and "Hugo Cache" not in html
    assert "Vera Visible" in client.get(url, {"q": "erdre"}).content.decode()
    assert (
        "Vera Visible"
        in client.get(url, {"job": Job.SG, "territory": territory.pk}).content.decode()
    )
    assert "Vera Visible" not in client.get(url, {"job": Job.DGA}).content.decode()

    assert client.get(shown.profile.get_absolute_url()).status_code == 200
    assert client.get(hidden.profile.get_absolute_url()).status_code == 404


def test_the_directory_is_for_logged_in_members(client):
    response = client.get(reverse("accounts:directory"))
    assert response.status_code == 302 and response.url.startswith("/compte/login/")


def test_a_profile_shows_only_what_the_member_filled_in(client, make_member):
    shown = make_member(
        "visible@example.org", first_name="", last_name="", in_directory=True,
        organisation="CC Erdre",
    )  # fmt: skip
    client.force_login(make_member("lectrice@example.org"))
    html = client.get(shown.profile.get_absolute_url()).content.decode()
    assert "CC Erdre" in html
    assert "Territoire" not in html and "Fonction" not in html
    assert "visible@example.org" not in html


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
