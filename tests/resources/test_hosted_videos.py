"""Videos hosted on PeerTube, YouTube or Dailymotion (resources/embeds.py): a placeholder
that loads nothing of the host, its player framed once the reader asks."""

from urllib.parse import urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st
from wagtail.embeds.embeds import get_embed

from resources.embeds import hosted
from tests.factories import VideoFactory

from .test_video_page import loaded

pytestmark = pytest.mark.django_db

PLAYERS = {
    "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=12": "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
    "https://youtu.be/dQw4w9WgXcQ": "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
    "https://m.youtube.com/shorts/dQw4w9WgXcQ": "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
    "https://www.dailymotion.com/video/x8abc12_titre-de-la-video": "https://www.dailymotion.com/embed/video/x8abc12",
    "https://dai.ly/x8abc12": "https://www.dailymotion.com/embed/video/x8abc12",
    "https://video.cnfpt.example/w/9c9de5e8-0a1e-484a-b099-e80766180a6d": "https://video.cnfpt.example/videos/embed/9c9de5e8-0a1e-484a-b099-e80766180a6d",
    "https://tube.example.org/videos/watch/kkGMgK9ZtnKfYAgnEtQxbv": "https://tube.example.org/videos/embed/kkGMgK9ZtnKfYAgnEtQxbv",
}  # fmt: skip


@pytest.mark.parametrize(("url", "player"), PLAYERS.items())
def test_each_hosts_address_gives_its_player(url, player):
    assert hosted(url).player == player


@pytest.mark.parametrize(
    "url",
    [
        "https://videos.example.org/intervention.mp4",
        "https://www.youtube.com/watch?v=",
        "https://www.youtube.com/watch?v=<script>",
        "javascript:alert(1)//www.youtube.com/watch?v=abc",
        "https://example.org/w/",
        "",
    ],
)
def test_other_addresses_are_no_hosted_video(url):
    assert hosted(url) is None


@given(st.text(max_size=200))
def test_any_address_gives_a_player_of_https_only(url):
    video = hosted(url)
    assert video is None or (
        video.player.startswith("https://") and '"' not in video.player + video.url
    )


def test_a_hosted_video_is_a_placeholder_that_loads_nothing_of_its_host(client, settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 600
    video = VideoFactory(video_url="https://tube.example.org/w/kkGMgK9ZtnKfYAgnEtQxbv")
    for _visit in range(2):  # rendered, then from the page cache
        response = client.get(video.url)
        html = response.content.decode()
        assert 'data-player="https://tube.example.org/videos/embed/kkGMgK9ZtnKfYAgnEtQxbv"' in html
        assert 'href="https://tube.example.org/w/kkGMgK9ZtnKfYAgnEtQxbv"' in html  # no script
        assert "<iframe" not in html
        assert (
            "frame-src https://www.youtube-nocookie.com https://www.dailymotion.com https://tube.example.org"
            in response["Content-Security-Policy"]
        )
    parser = loaded(client, video)
    assert not parser.players
    assert not [address for address in parser.addresses if urlsplit(address).netloc]


def test_wagtails_embeds_of_a_hosted_video_are_the_placeholder():
    embed = get_embed("https://youtu.be/dQw4w9WgXcQ")
    assert embed.provider_name == "YouTube"
    assert 'data-player="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"' in embed.html
