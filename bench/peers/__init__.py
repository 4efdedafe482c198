"""The portal's peers, served the same way as the portal, for the bench to measure side by side.

Two peers (see bench/peers/README.md):

- ``bakerydemo``: wagtail/bakerydemo, from a checkout named by ``BENCH_BAKERYDEMO``, with its own
  demo data (``load_initial_data``);
- ``machina``: django-machina 1.3.1 from the package registry, in our own host project
  (bench/peers/machina/forum_host), with data as large as the portal's full generated data.

Each one gets its own virtualenv under ``bench/.peers/<name>/venv``, its own database in the
PostgreSQL cluster of the given URL (``peer_bakerydemo``, ``peer_machina``), and is served by
gunicorn with 2 sync workers, DEBUG off, ALLOWED_HOSTS 127.0.0.1 and a file-based cache like the
portal's, on a free loopback port.

The API::

    from bench import peers

    reason = peers.available("machina")        # None, or why it cannot run (one line)
    peers.prepare("machina", cluster_url)      # idempotent: venv, install, database, data
    with peers.serve("machina", cluster_url) as peer:
        peer.base_url                          # "http://127.0.0.1:PORT"
        peer.pages["topic"]                    # distinct paths of that kind, from the data
        peer.cookies                           # a logged-in member's session, for member pages
        peer.members                           # sessions of several members (machina: 50)

and ``PAIRS``: which peer page matches which portal page.
"""

import contextlib
import dataclasses
import json
import time
from collections.abc import Iterator
from pathlib import Path

from bench.peers import runtime

HERE = Path(__file__).resolve().parent

PEERS = ("bakerydemo", "machina")

# Portal page kind -> (peer, peer page kind). The portal kinds name what the bench measures on
# the portal: a detail page (sheet, video, tool, step), a list (the paginated index of each
# content type), search, the space list, a space, a topic's first and last page.
PAIRS: dict[str, tuple[str, str]] = {
    "home": ("bakerydemo", "home"),
    "sheet": ("bakerydemo", "bread"),
    "video": ("bakerydemo", "blog"),
    "tool": ("bakerydemo", "bread"),
    "step": ("bakerydemo", "bread"),
    "sheet_list": ("bakerydemo", "blog_index"),
    "video_list": ("bakerydemo", "blog_index"),
    "tool_list": ("bakerydemo", "blog_index"),
    "search_common": ("bakerydemo", "search"),
    "search_rare": ("bakerydemo", "search"),
    "space_list": ("machina", "forum_index"),
    "space": ("machina", "forum"),
    "topic": ("machina", "topic"),
    "topic_last": ("machina", "topic_last"),
}

# Page kinds of each peer, as keys of Peer.pages.
KINDS = {
    "bakerydemo": ("home", "bread", "blog_index", "blog", "search"),
    "machina": ("forum_index", "forum", "topic", "topic_last"),
}


@dataclasses.dataclass
class Peer:
    """A peer being served: where it answers, what to ask it, who to be."""

    name: str
    base_url: str  # "http://127.0.0.1:PORT", no trailing slash
    pages: dict[str, list[str]]  # page kind (KINDS[name]) -> distinct paths, many of each
    cookies: dict[str, str]  # a logged-in member's session cookie, e.g. {"sessionid": "..."}
    members: list[dict[str, str]]  # sessions of distinct members, `cookies` first
    pid: int  # gunicorn's master process (its children are the 2 workers)

    def cookie_header(self, cookies: dict[str, str] | None = None) -> str:
        """A member's cookies (default: `cookies`) as one Cookie header value."""
        return "; ".join(f"{key}={value}" for key, value in (cookies or self.cookies).items())


def available(name: str) -> str | None:
    """None when the peer can be prepared and served here, else why not (one line)."""
    if name not in PEERS:
        return f"unknown peer {name!r} (known: {', '.join(PEERS)})"
    reason = runtime.python_reason()
    if reason:
        return reason
    if name == "bakerydemo":
        return runtime.bakerydemo_reason()
    return None


def prepare(name: str, database_url: str, *, small: bool = False, progress=print) -> None:
    """Makes the peer ready to serve; idempotent, and quick when it is done already.

    The virtualenv and its pinned requirements, the database (created in the cluster of
    ``database_url``: only its host, port and role are used), migrations, static files, the
    data, and a first request to every page (so that bakerydemo's image renditions exist before
    anything is timed). Prints progress through ``progress``. ``small``: machina gets the
    portal bench's --small sizes instead of the full ones (only when it has no data yet).
    """
    _check(name)
    started = time.monotonic()
    peer = runtime.PeerRuntime(name, database_url, progress)
    peer.install()
    peer.create_database()
    peer.manage("migrate", "--no-input", "-v", "0")
    peer.manage("collectstatic", "--no-input", "-v", "0")
    peer.script("data", *(["--small"] if small else []))
    peer.script("pages", "--warm")
    progress(f"peers: {name} ready ({time.monotonic() - started:.0f} s)")


@contextlib.contextmanager
def serve(name: str, database_url: str, *, caches: bool = True) -> Iterator[Peer]:
    """Serves a prepared peer with gunicorn (2 sync workers) on a free loopback port; yields it
    once it answers, stops it after.

    ``caches=False`` serves it with Django's dummy cache (the bench's "caches off" runs); the
    peers cache no pages of their own, so this mostly changes the session reads. The server
    dies with the thread that started it (should the bench be killed): call it from the thread
    that measures, not from a short-lived one.
    """
    _check(name)
    peer = runtime.PeerRuntime(name, database_url, print)
    if not peer.installed():
        raise RuntimeError(f"peers: {name} is not prepared (python -m bench.peers prepare {name})")
    listing = json.loads(peer.script("pages", capture=True))
    port = runtime.free_port()
    server = peer.gunicorn(port, caches=caches)
    try:
        runtime.wait_until_answering(server, port)
        yield Peer(
            name=name,
            base_url=f"http://127.0.0.1:{port}",
            pages=listing["pages"],
            cookies=listing["members"][0],
            members=listing["members"],
            pid=server.pid,
        )
    finally:
        runtime.stop(server)


def database_url_of(name: str, database_url: str) -> str:
    """The peer's own database in the cluster of ``database_url``."""
    return runtime.with_database(database_url, f"peer_{name}")


def _check(name: str) -> None:
    reason = available(name)
    if reason:
        raise RuntimeError(f"peers: {name}: {reason}")


__all__ = [
    "KINDS",
    "PAIRS",
    "PEERS",
    "Peer",
    "available",
    "database_url_of",
    "prepare",
    "serve",
]
