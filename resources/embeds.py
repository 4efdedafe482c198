"""Videos hosted on PeerTube, YouTube or Dailymotion, shown without calling on the host until
the reader asks: the page holds a poster-less placeholder with the host's name and a link to
the video; a click (static/js/hosted-video.js) puts the host's player in its place. Nothing of
the host is loaded before, and without JavaScript the link still leads to the video.

The same is Wagtail's embed finder for these addresses (`HostedVideoFinder`, first in
WAGTAILEMBEDS_FINDERS), so a video embedded in an editor's text behaves alike, and no address
of theirs is sent to an oEmbed service.
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from django.template.loader import render_to_string
from wagtail.embeds.finders.base import EmbedFinder

VIDEO_ID = r"[A-Za-z0-9_-]{1,64}"
YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be"}
DAILYMOTION_HOSTS = {"dailymotion.com", "www.dailymotion.com", "dai.ly"}
PEERTUBE_PATH = re.compile(rf"^/(?:w|videos/watch|videos/embed)/({VIDEO_ID})/?$")


@dataclass(frozen=True)
class HostedVideo:
    host: str  # as the reader knows it: "YouTube", "Dailymotion", "PeerTube (video.example)"
    url: str  # the video's page on its host
    player: str  # the address of the host's player, framed on a click

    @property
    def origin(self) -> str:
        parts = urlsplit(self.player)
        return f"{parts.scheme}://{parts.netloc}"


def hosted(url: str) -> HostedVideo | None:
    """The hosted video that `url` names, or None."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("http", "https") or not host:
        return None
    path = parts.path
    if host in YOUTUBE_HOSTS:
        found = path[1:] if host == "youtu.be" else parse_qs(parts.query).get("v", [""])[0]
        if path.startswith(("/embed/", "/shorts/", "/live/")):
            found = path.split("/")[2]
        if re.fullmatch(VIDEO_ID, found or ""):
            player = f"https://www.youtube-nocookie.com/embed/{found}"
            return HostedVideo("YouTube", f"https://www.youtube.com/watch?v={found}", player)
    elif host in DAILYMOTION_HOSTS:
        found = path[1:] if host == "dai.ly" else path.removeprefix("/video/").split("_")[0]
        if re.fullmatch(VIDEO_ID, found):
            player = f"https://www.dailymotion.com/embed/video/{found}"
            return HostedVideo("Dailymotion", f"https://www.dailymotion.com/video/{found}", player)
    elif match := PEERTUBE_PATH.match(path):
        base = f"https://{parts.netloc.lower()}"
        player = f"{base}/videos/embed/{match.group(1)}"
        return HostedVideo(f"PeerTube ({host})", f"{base}/w/{match.group(1)}", player)
    return None


def placeholder(video: HostedVideo, title: str) -> str:
    return render_to_string(
        "resources/includes/hosted_video.html", {"video": video, "title": title}
    )


class HostedVideoFinder(EmbedFinder):
    """Wagtail's embeds of PeerTube, YouTube and Dailymotion videos: the placeholder above."""

    def accept(self, url):
        return hosted(url) is not None

    def find_embed(self, url, max_width=None, max_height=None):
        video = hosted(url)
        return {
            "title": "",
            "author_name": "",
            "provider_name": video.host,
            "type": "video",
            "thumbnail_url": None,
            "width": 16,
            "height": 9,
            "html": placeholder(video, ""),
        }
