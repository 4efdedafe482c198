"""Each page type renders its content, previews, and bad URLs get French answers."""

import pytest
from wagtail.models import Page, get_page_models

from experiences.models import ExperienceSheetPage
from resources.models import ToolPage, VideoPage

pytestmark = pytest.mark.django_db


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


def test_experience_sheet_shows_its_territory_and_lessons(client):
    sheet = ExperienceSheetPage.objects.get(territory__name="Pays d'Ancenis")
    html = get(client, sheet.url)
    assert "<h1>" + sheet.title in html.replace("\n", "")
    assert "68\u202f000 habitants" in html
    assert "Périmétropolitain" in html
    assert "Facteur de réussite" in html
    assert "Licence Ouverte / Etalab 2.0" in html
    for tool in sheet.related_tools.all():
        assert tool.title in html


def test_video_shows_captions_track_and_timed_transcript(client):
    video = VideoPage.objects.first()
    html = get(client, video.url)
    first_cue = video.cues[0]
    assert f'href="?t={first_cue.start}#lecteur"' in html  # a time code opens the page there
    assert first_cue.text in html
    captions = client.get(video.url + "sous-titres/")
    assert captions["Content-Type"].startswith("text/vtt")
    assert captions.content.decode().startswith("WEBVTT")


def test_tool_lists_the_experiences_that_used_it(client):
    tool = ToolPage.objects.filter(used_by__isnull=False).first()
    html = get(client, tool.url)
    for sheet in tool.used_by.all():
        assert sheet.title in html


def test_step_page_gathers_what_is_tagged_with_it(client):
    sheet = ExperienceSheetPage.objects.first()
    step = sheet.steps.first()
    html = get(client, step.url)
    assert sheet.title in html
    assert "Étape" in html


def test_every_page_type_renders_and_previews():
    seen_types = set()
    for page in Page.objects.filter(depth__gt=1).specific():
        if type(page) in seen_types:
            continue
        seen_types.add(type(page))
        response = page.make_preview_request()
        assert response.status_code == 200, type(page).__name__
    assert seen_types == set(get_page_models()) - {Page}


def test_unknown_url_gets_a_french_404_in_the_site_layout(client):
    html = get(client, "/nulle-part/", status=404)
    assert "Page introuvable" in html
    assert 'role="search"' in html


@pytest.mark.parametrize(
    "query", ["?page=abc", "?page=99999", "?page=-1", "?page=%00", "?q=%00%ff"]
)
def test_query_strings_never_cause_a_server_error(client, query):
    for page in Page.objects.filter(depth=3).live():
        assert client.get(page.url + query).status_code == 200


def test_a_server_error_gets_a_french_500_page_in_the_site_layout(rf):
    from portal.errors import server_error

    response = server_error(rf.get("/"))
    html = response.content.decode()
    assert response.status_code == 500
    assert "Une erreur est survenue" in html
    assert 'class="skip-link"' in html


def test_a_refusal_gets_a_french_403_page(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("curieux", "c@example.org", "x"))
    html = get(client, "/espaces/moderation/", status=403)
    assert "Accès refusé" in html


def test_the_accessibility_statement_lists_what_is_checked(client):
    html = get(client, "/accessibilite/")
    assert "axe-core" in html and "Nu HTML Checker" in html and "clavier" in html


@pytest.mark.parametrize("factory", ["ExperienceSheetFactory", "VideoFactory", "ToolFactory"])
def test_a_resource_past_its_review_date_tells_its_readers(client, factory):
    import datetime

    from tests import factories

    make = getattr(factories, factory)
    old = make(last_reviewed=datetime.date.today() - datetime.timedelta(days=400))
    recent = make(last_reviewed=datetime.date.today() - datetime.timedelta(days=30))
    assert "relue depuis le" in get(client, old.url).replace("&#x27;", "'")
    assert "relue depuis le" not in get(client, recent.url)
