"""A video's admin form: captions typed or uploaded, required to publish, always valid WebVTT."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from resources.models import VideoPage
from tests.factories import ExpertFactory, ResourceIndexFactory, log_in_with_two_factor

pytestmark = pytest.mark.django_db

CAPTIONS = "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nBonjour à toutes et à tous.\n"


def post_video(client, action="action-publish", files=None, **overrides):
    index = ResourceIndexFactory()
    data = {
        "title": "La parité entre communes",
        "slug": "parite-entre-communes",
        "summary": "Pourquoi chaque commune compte autant.",
        "duration": "00:05:00",
        "captions": "",
        "video_url": "https://videos.example.org/parite.mp4",
        "licence": "etalab-2.0",
        "last_reviewed": "2026-11-01",
        "comments": inline_formset([]),
        action: "1",
    }
    data.update(overrides)
    data = nested_form_data(data)
    data["speakers"] = [ExpertFactory().pk]
    if files:
        data.update(files)
    return client.post(
        reverse("wagtailadmin_pages:add", args=("resources", "videopage", index.pk)), data
    )


@pytest.fixture
def logged_reviewer(client, reviewer):
    log_in_with_two_factor(client, reviewer)
    return client


def test_publishing_without_captions_is_refused_and_keeps_what_was_typed(logged_reviewer):
    response = post_video(logged_reviewer)
    assert response.status_code == 200
    assert response.context["form"].errors["captions"] == ["Champ requis."]
    assert "Pourquoi chaque commune compte autant." in response.content.decode()
    assert not VideoPage.objects.filter(slug="parite-entre-communes").exists()


def test_a_draft_may_be_saved_without_captions(logged_reviewer):
    response = post_video(logged_reviewer, action="action-save")
    assert response.status_code == 302
    assert not VideoPage.objects.get(slug="parite-entre-communes").live


def test_invalid_webvtt_gets_a_french_message(logged_reviewer):
    response = post_video(logged_reviewer, captions="bonjour")
    assert "au format WebVTT" in response.context["form"].errors["captions"][0]


def test_uploaded_captions_file_fills_the_transcript(logged_reviewer):
    upload = SimpleUploadedFile("parite.vtt", CAPTIONS.encode(), content_type="text/vtt")
    response = post_video(logged_reviewer, files={"captions_file": upload})
    assert response.status_code == 302
    video = VideoPage.objects.get(slug="parite-entre-communes")
    assert video.live
    assert video.transcript == "Bonjour à toutes et à tous."


def test_captions_file_of_the_wrong_type_is_refused(logged_reviewer):
    upload = SimpleUploadedFile("parite.pdf", b"%PDF-1.4", content_type="application/pdf")
    response = post_video(logged_reviewer, captions=CAPTIONS, files={"captions_file": upload})
    assert response.context["form"].errors["captions_file"] == [
        "Le fichier de sous-titres doit avoir l'extension .vtt."
    ]


def test_publishing_needs_a_video_source(logged_reviewer):
    response = post_video(logged_reviewer, captions=CAPTIONS, video_url="")
    assert response.context["form"].errors["video_url"] == [
        "Avant de publier, indiquez un fichier vidéo ou un lien externe."
    ]
