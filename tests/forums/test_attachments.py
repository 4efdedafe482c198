"""Attachments: checked on the way in, served only to those who may read their post."""

import datetime
import io
import re

import pytest
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from PIL import Image

from forums import services
from forums.forms import PostForm
from forums.models import Attachment
from tests.factories import SpaceFactory, TopicFactory, UserFactory

pytestmark = pytest.mark.django_db


def png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "navy").save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def codir_member(client, no_posting_delay):
    """A logged-in member of a private space, and a topic of that space."""
    user = UserFactory()
    space = SpaceFactory(private=True, members=[user])
    client.force_login(user)
    return user, space, TopicFactory(space=space)


def reply(client, space, topic, upload, body="Voici le document"):
    return client.post(
        reverse("forums:reply", args=[space.slug, topic.pk]), {"body": body, "attachment": upload}
    )


def test_an_image_attachment_is_shown_to_members_only(client, codir_member):
    _user, space, topic = codir_member
    reply(client, space, topic, SimpleUploadedFile("plan.png", png(), content_type="image/png"))
    item = Attachment.objects.get(post__topic=topic, name="plan.png")
    assert item.is_image
    url = reverse("forums:attachment", args=[item.pk])
    assert url in client.get(topic.get_absolute_url() + "?page=last").content.decode()
    assert client.get(url).status_code == 200
    client.force_login(UserFactory())  # not in the space
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
    assert not Attachment.objects.filter(post__topic=topic, name=name).exists()


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


# What an attachment may be served as: the allow-list of types, never markup or script.
SERVED_TYPES = {
    "image/png", "image/jpeg", "image/webp", "application/pdf", "text/plain; charset=utf-8",
    "text/csv; charset=utf-8", "application/octet-stream",
    "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet",
    "application/vnd.oasis.opendocument.presentation",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}  # fmt: skip
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
INLINE_TYPES = {"image/png", "image/jpeg", "image/webp"}
SCRIPT = b"<html><script>fetch('/admin/users/').then(r => r.text())</script></html>"


def assert_served_safely(response) -> None:
    """An attachment's response: an allowed type, never sniffed, never a page that runs."""
    assert response.status_code == 200
    content_type = response["Content-Type"]
    assert content_type in SERVED_TYPES
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    disposition = response["Content-Disposition"]
    if content_type in INLINE_TYPES:
        assert disposition.startswith("inline")
    else:
        assert disposition.startswith("attachment")


def last_attachment(topic) -> Attachment:
    return Attachment.objects.filter(post__topic=topic).latest("pk")


def test_a_png_named_html_is_served_as_a_png(client, codir_member):
    _user, space, topic = codir_member
    name = "y" * 195 + ".html.png"
    reply(client, space, topic, SimpleUploadedFile(name, png(), content_type="text/html"))
    item = last_attachment(topic)
    response = client.get(reverse("forums:attachment", args=[item.pk]))
    assert_served_safely(response)
    assert response["Content-Type"] == "image/png"
    assert item.name.endswith(".png") and len(item.name) <= 200
    assert item.file.name.endswith(".png") and "html" not in item.file.name


def test_a_text_file_holding_a_script_is_downloaded_as_plain_text(client, codir_member):
    _user, space, topic = codir_member
    reply(client, space, topic, SimpleUploadedFile("notes.txt", SCRIPT, content_type="text/html"))
    response = client.get(reverse("forums:attachment", args=[last_attachment(topic).pk]))
    assert_served_safely(response)
    assert response["Content-Type"] == "text/plain; charset=utf-8"


@pytest.mark.parametrize(
    "extension", ["png", "jpg", "jpeg", "webp", "pdf", "odt", "docx", "xlsx", "txt", "csv"]
)
def test_markup_disguised_as_an_allowed_kind_never_comes_back_as_markup(
    client, codir_member, extension
):
    _user, space, topic = codir_member
    before = Attachment.objects.filter(post__topic=topic).count()
    reply(client, space, topic, SimpleUploadedFile(f"piege.{extension}", SCRIPT))
    if Attachment.objects.filter(post__topic=topic).count() == before:
        return  # refused: its content is not what its name says
    assert_served_safely(client.get(reverse("forums:attachment", args=[last_attachment(topic).pk])))


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("dessin.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        ("dessin.png", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        ("page.html", SCRIPT),
        ("script.js", b"alert(1)"),
    ],
)
def test_svg_html_and_scripts_are_refused(client, codir_member, name, content):
    _user, space, topic = codir_member
    response = reply(client, space, topic, SimpleUploadedFile(name, content))
    assert response.status_code == 400
    assert not Attachment.objects.filter(post__topic=topic, name=name).exists()


@pytest.mark.parametrize(
    ("name", "content", "served_as"),
    [
        ("image.png", png() + SCRIPT, "image/png"),
        ("rapport.pdf", b"%PDF-1.7\n" + SCRIPT, "application/pdf"),
        ("tableau.docx", b"PK\x03\x04" + SCRIPT, DOCX),
    ],
)
def test_a_polyglot_is_served_as_its_checked_kind_only(
    client, codir_member, name, content, served_as
):
    _user, space, topic = codir_member
    reply(client, space, topic, SimpleUploadedFile(name, content, content_type="text/html"))
    response = client.get(reverse("forums:attachment", args=[last_attachment(topic).pk]))
    assert_served_safely(response)
    assert response["Content-Type"] == served_as


def test_the_displayed_name_loses_bidi_controls_and_folders(client, codir_member):
    _user, space, topic = codir_member
    reply(client, space, topic, SimpleUploadedFile("../../facture\u202efdp.txt", b"Bonjour"))
    item = last_attachment(topic)
    assert item.name == "facturefdp.txt"
    assert item.content_type == "text/plain"


def test_an_image_over_the_pixel_limit_is_refused_as_for_photos(client, codir_member, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 1000  # the test image has 40 × 30 pixels
    _user, space, topic = codir_member
    response = reply(client, space, topic, SimpleUploadedFile("plan.png", png()))
    assert response.status_code == 400
    assert "trop de pixels" in response.content.decode()


def test_an_attachment_of_unknown_type_is_downloaded_as_bytes(client, codir_member):
    """Rows stored before the type was kept, and whose file could not be recognised."""
    _user, space, topic = codir_member
    reply(client, space, topic, SimpleUploadedFile("notes.txt", b"Bonjour"))
    item = last_attachment(topic)
    Attachment.objects.filter(pk=item.pk).update(content_type="")
    response = client.get(reverse("forums:attachment", args=[item.pk]))
    assert_served_safely(response)
    assert response["Content-Type"] == "application/octet-stream"


SUFFIXES = [
    "", ".png", ".PNG", ".jpg", ".jpeg", ".webp", ".html.png", ".png.html", ".txt", ".csv",
    ".pdf", ".docx", ".odt", ".svg", ".html", ".htm", ".js", ".xhtml", ".gif", ".", "..",
]  # fmt: skip
NAMES = st.one_of(
    st.text(max_size=300),
    st.builds(
        str.__add__,
        st.text(
            st.characters() | st.sampled_from("\u202e\u2066\u200f/\\\x00.\n\r\"';"),
            max_size=260,
        ),
        st.sampled_from(SUFFIXES),
    ),
)
CONTENTS = st.one_of(
    st.binary(max_size=1000),
    st.sampled_from([SCRIPT, b"<svg onload=alert(1)>", b"GIF89a/*<script>*/alert(1)//"]),
    st.builds(bytes.__add__, st.sampled_from([b"%PDF-1.7\n", b"PK\x03\x04", png()]), st.binary()),
    st.text(max_size=500).map(str.encode),
)
STORED_NAME = re.compile(
    r"\d{4}/\d{2}/[0-9a-f]{32}\.(jpg|png|webp|pdf|docx|xlsx|pptx|odt|ods|odp|txt|csv)"
)


@hypothesis_settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(name=NAMES, content=CONTENTS)
def test_whatever_is_uploaded_is_never_served_as_a_page(client, codir_member, name, content):
    user, _space, topic = codir_member
    try:
        upload = SimpleUploadedFile(name, content)
    except (ValueError, SuspiciousFileOperation):  # Django refuses it before any form
        return
    form = PostForm({"body": "Voici le fichier"}, {"attachment": upload})
    if not form.is_valid():
        assert set(form.errors) == {"attachment"}
        return
    post = services.post_create(
        topic=topic,
        author=user,
        body="Voici le fichier",
        attachment=form.cleaned_data["attachment"],
    )
    item = post.attachments.get()
    assert STORED_NAME.fullmatch(item.file.name)
    assert len(item.name) <= 200
    assert not set(item.name) & {"/", "\\", "\x00", "\n", "\u202e", "\u2066", "\u200f"}
    response = client.get(reverse("forums:attachment", args=[item.pk]))
    assert_served_safely(response)
    assert response["Content-Type"] == item.kind.served_type


def test_the_migration_types_attachments_stored_before_the_type_was_kept(client, codir_member):
    import importlib

    from django.apps import apps

    migration = importlib.import_module("forums.migrations.0002_attachment_content_type")
    _user, space, topic = codir_member
    reply(client, space, topic, SimpleUploadedFile("plan.png", png()))
    reply(client, space, topic, SimpleUploadedFile("notes.txt", b"Bonjour"))
    Attachment.objects.filter(post__topic=topic).update(content_type="", is_image=False)
    migration.type_existing_attachments(apps, None)
    kinds = dict(Attachment.objects.filter(post__topic=topic).values_list("name", "content_type"))
    assert kinds == {"plan.png": "image/png", "notes.txt": "text/plain"}
    assert Attachment.objects.get(post__topic=topic, name="plan.png").is_image
