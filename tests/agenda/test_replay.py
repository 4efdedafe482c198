"""After the event, its replay is a video resource, linked both ways: the event names its video,
the video says which event it replays (through the agenda's template tag: resources do not
import the agenda)."""

import pytest

from agenda.models import EventPage
from tests import factories

pytestmark = pytest.mark.django_db


def test_event_and_its_replay_link_to_each_other(client):
    video = factories.VideoFactory(title="Captation de la journee")
    event = factories.EventFactory(past=True, title="Journee des directions", replay=video)
    event_html = client.get(event.url).content.decode()
    assert f'href="{video.url}"' in event_html
    assert "Rediffusion : Captation de la journee" in event_html
    video_html = client.get(video.url).content.decode()
    assert "Rediffusion de" in video_html
    assert f'<a href="{event.url}">Journee des directions</a>' in video_html


def test_a_video_names_no_event_that_is_not_live(client):
    video = factories.VideoFactory()
    event = factories.EventFactory(past=True, title="Brouillon de journee", replay=video)
    event.unpublish()
    assert "Rediffusion de" not in client.get(video.url).content.decode()


def test_a_deleted_video_leaves_the_event_without_replay():
    video = factories.VideoFactory()
    event = factories.EventFactory(past=True, replay=video)
    video.delete()
    assert EventPage.objects.get(pk=event.pk).replay is None


def test_the_demo_2019_session_and_its_replay(client):
    session = EventPage.objects.get(slug="seminaire-2019")
    html = client.get(session.replay.url).content.decode()
    assert f'<a href="{session.url}">{session.title}</a>' in html
