"""Security hardening: headers, the production checks, and uploads checked by their content."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.images.models import Image

from tests.factories import log_in_with_two_factor, two_factor

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def test_public_pages_send_a_strict_content_security_policy(client):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy


def test_public_pages_send_the_hardening_headers(client):
    response = client.get("/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_production_settings_pass_the_deployment_checks():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "bloc-local.example",
        "DJANGO_DEBUG": "0",
    }
    result = subprocess.run(  # noqa: S603 - our own manage.py, fixed arguments
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_settings_refuse_to_start_without_a_secret_key():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "DJANGO_SECRET_KEY": "",
    }
    env.pop("DJANGO_DEBUG", None)
    result = subprocess.run(  # noqa: S603 - our own manage.py, fixed arguments
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


@pytest.fixture
def admin_client_(client, django_user_model):
    chef = django_user_model.objects.create_superuser("chef", "chef@example.org", "x")
    log_in_with_two_factor(client, two_factor(chef))
    return client


def upload_document(client, name, content):
    return client.post(
        reverse("wagtaildocs:add"),
        {"title": name, "file": SimpleUploadedFile(name, content), "collection": 1},
    )


def test_a_document_whose_content_does_not_match_its_extension_is_refused(admin_client_):
    response = upload_document(admin_client_, "budget.pdf", b"MZ\x90\x00 not a pdf at all")
    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [
        "Le contenu de ce fichier ne correspond pas à un fichier .pdf."
    ]
    assert not Document.objects.filter(title="budget.pdf").exists()


def test_a_real_pdf_is_accepted(admin_client_):
    response = upload_document(
        admin_client_, "charte.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"
    )
    assert response.status_code == 302
    assert Document.objects.filter(title="charte.pdf").exists()


def test_a_document_with_a_forbidden_extension_is_refused(admin_client_):
    response = upload_document(admin_client_, "outil.exe", b"MZ\x90\x00")
    assert response.status_code == 200
    assert "file" in response.context["form"].errors


def test_an_image_that_is_not_an_image_is_refused(admin_client_):
    response = admin_client_.post(
        reverse("wagtailimages:add"),
        {
            "title": "Photo",
            "file": SimpleUploadedFile("photo.png", b"pas une image"),
            "collection": 1,
        },
    )
    assert response.status_code == 200
    assert "file" in response.context["form"].errors
    assert not Image.objects.filter(title="Photo").exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/recherche/?q=carte%00mentale&espace=%00&type=fiches%00",
        "/recherche/suggestions/?q=ca%00r",
        "/?page=%00",
        "/espaces/?page=1%00",
    ],
)
def test_a_nul_character_in_the_query_string_is_taken_out(client, url):
    response = client.get(url)
    assert response.status_code in (200, 302, 404)
    assert "\x00" not in response.content.decode()


@pytest.mark.django_db
def test_a_nul_character_in_the_path_leads_nowhere(client):
    assert client.get("/fiches%00/").status_code == 404
    assert client.get("/recherche%00/").status_code == 404
