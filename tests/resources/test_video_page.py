"""A video's page loads nothing from another host: the player fetches the video only when the
visitor presses play (`preload="none"`), and its poster is one of our images."""

from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

from resources.models import VideoPage
from tests.factories import VideoFactory

pytestmark = pytest.mark.django_db


class LoadedAtOnce(HTMLParser):
    """The addresses a browser fetches as it loads the page (not the links it may follow)."""

    def __init__(self):
        super().__init__()
        self.addresses: list[str] = []
        self.players: list[dict] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "video":
            self.players.append(attrs)
            self.addresses.append(attrs.get("poster") or "")
            if attrs.get("preload") != "none":
                self.addresses.append(attrs.get("src") or "")
        elif tag in {"img", "script", "track", "iframe", "audio", "source"}:
            self.addresses.append(attrs.get("src") or "")
        elif tag == "link" and attrs.get("rel") not in {"alternate", "canonical"}:
            self.addresses.append(attrs.get("href") or "")


def loaded(client, page) -> LoadedAtOnce:
    response = client.get(page.url)
    assert response.status_code == 200
    parser = LoadedAtOnce()
    parser.feed(response.content.decode())
    return parser


def test_a_demo_video_page_loads_nothing_from_another_host(client):
    video = VideoPage.objects.filter(image__isnull=False).first()
    parser = loaded(client, video)
    assert [player["preload"] for player in parser.players] == ["none"]
    assert parser.players[0]["poster"].startswith("/")
    assert not [address for address in parser.addresses if urlsplit(address).netloc]


def test_an_external_video_is_fetched_only_on_play(client):
    video = VideoFactory(video_url="https://videos.example.org/intervention.mp4")
    parser = loaded(client, video)
    (player,) = parser.players
    assert player["src"].startswith("https://videos.example.org/")
    assert player["preload"] == "none"
    assert not [address for address in parser.addresses if urlsplit(address).netloc]
