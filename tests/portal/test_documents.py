"""Wagtail documents: served by the portal only, with the privacy of the pages that use them,
with the upload policy's type and headers, never from MEDIA_ROOT."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import PageViewRestriction

from experiences.models import ExperienceDocument
from tests.factories import document, log_in_with_two_factor, sheet, two_factor, unique

pytestmark = pytest.mark.django_db


def on_sheet(doc, *, restriction=None, **restriction_fields):
    page = sheet()
    page.documents = [ExperienceDocument(document=doc)]
    page.save_revision().publish()
    if restriction:
        PageViewRestriction.objects.create(
            page=page, restriction_type=restriction, **restriction_fields
        )
    return page


def test_a_document_of_a_public_page_is_served_to_anyone_as_a_download(client):
    doc = document()
    on_sheet(doc)
    response = client.get(doc.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"


def test_a_document_of_a_login_restricted_page_asks_visitors_to_log_in(client, django_user_model):
    doc = document()
    on_sheet(doc, restriction=PageViewRestriction.LOGIN)
    response = client.get(doc.url)
    assert response.status_code == 302
    assert response["Location"].startswith("/compte/login/")
    client.force_login(django_user_model.objects.create_user(unique("lectrice"), password="x"))
    assert client.get(doc.url).status_code == 200


def test_a_document_of_a_group_or_password_restricted_page_is_not_found(client, django_user_model):
    group_doc, password_doc = document(), document()
    group = Group.objects.create(name=unique("CoDir"))
    on_sheet(group_doc, restriction=PageViewRestriction.GROUPS).view_restrictions.get().groups.add(
        group
    )
    on_sheet(password_doc, restriction=PageViewRestriction.PASSWORD, password="secret")
    assert client.get(group_doc.url).status_code == 404
    assert client.get(password_doc.url).status_code == 404
    reader = django_user_model.objects.create_user(unique("lecteur"), password="x")
    client.force_login(reader)
    assert client.get(group_doc.url).status_code == 404
    reader.groups.add(group)
    assert client.get(group_doc.url).status_code == 200


def test_a_document_also_on_a_public_page_stays_public(client):
    doc = document()
    on_sheet(doc, restriction=PageViewRestriction.LOGIN)
    on_sheet(doc)
    assert client.get(doc.url).status_code == 200


def test_a_document_no_page_uses_is_for_the_administration_only(client, django_user_model):
    doc = document()
    assert client.get(doc.url).status_code == 404
    client.force_login(django_user_model.objects.create_user(unique("membre"), password="x"))
    assert client.get(doc.url).status_code == 404
    chef = django_user_model.objects.create_superuser(unique("chef"), "chef@example.org", "x")
    log_in_with_two_factor(client, two_factor(chef))
    assert client.get(doc.url).status_code == 200


def test_document_files_are_kept_outside_media_root():
    doc = document()
    assert not doc.file.path.startswith(str(settings.MEDIA_ROOT))
    assert doc.file.path.startswith(str(settings.PORTAL_DOCUMENTS_ROOT))


def test_an_uploaded_documents_title_and_name_lose_bidi_controls(client, django_user_model):
    chef = django_user_model.objects.create_superuser(unique("chef"), "chef@example.org", "x")
    log_in_with_two_factor(client, two_factor(chef))
    name = "facture\u202etxt.exe.txt"
    response = client.post(
        reverse("wagtaildocs:add"),
        {"title": name, "file": SimpleUploadedFile(name, b"Bonjour"), "collection": 1},
    )
    assert response.status_code == 302
    doc = Document.objects.get(title="facturetxt.exe.txt")
    assert "\u202e" not in doc.file.name


def test_an_svg_is_refused_as_a_wagtail_image(client, django_user_model):
    chef = django_user_model.objects.create_superuser(unique("chef"), "chef@example.org", "x")
    log_in_with_two_factor(client, two_factor(chef))
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    response = client.post(
        reverse("wagtailimages:add"),
        {"title": "Dessin", "file": SimpleUploadedFile("dessin.svg", svg), "collection": 1},
    )
    assert response.status_code == 200
    assert "file" in response.context["form"].errors
    assert not Image.objects.filter(title="Dessin").exists()
