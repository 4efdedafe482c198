"""The peers' matching pages (bench/peers: bakerydemo, django-machina), served beside the portal
when they can be; otherwise the report says why they were not measured."""

import contextlib
import dataclasses
import random

from bench.plan import zipf
from bench.wrk import awaken


@dataclasses.dataclass
class Served:
    name: str  # the peer
    kind: str  # its page kind
    url: str
    pid: int
    paths: list
    cookie: str  # a logged-in member's cookies, "" when the peer has none

    def steps(self, who: str, count: int, seed: int) -> list[tuple]:
        """The same load as the portal's page runs: its distinct pages with a Zipf skew."""
        rng = random.Random(f"{seed}:{self.name}:{self.kind}:{who}")  # noqa: S311
        cookie = self.cookie if who == "member" else ""
        return [(self.kind, path, cookie, "", "") for path in zipf(self.paths, count, rng)]

    @property
    def visitor(self) -> str:
        return "member" if self.cookie else "anonymous"


class Peers:
    def __init__(self, database_url: str | None, *, small: bool, log):
        self.database_url = database_url
        self.status = {}  # peer -> "measured" or why not
        self.module = None
        if database_url is None:
            self.status["peers"] = "not measured (--no-peers)"
            return
        if not database_url.startswith("postgres"):
            self.status["peers"] = "not measured: they run on PostgreSQL (DATABASE_URL)"
            return
        try:
            from bench import peers
        except ImportError:
            self.status["peers"] = "not measured: bench/peers is missing"
            return
        self.module = peers
        for name in peers.PEERS:
            reason = peers.available(name)
            if reason is None:
                try:
                    peers.prepare(name, database_url, small=small, progress=log)
                except Exception as error:  # noqa: BLE001 - a peer that fails is reported
                    reason = f"could not be prepared: {error}"
            self.status[name] = "measured" if reason is None else f"not measured: {reason}"

    @contextlib.contextmanager
    def serving(self, warm: bool):
        """Serves every ready peer (caches on when `warm`); yields PAIRS kind -> Served."""
        served = {}
        with contextlib.ExitStack() as stack:
            running = {}
            for name, status in self.status.items():
                if status == "measured":
                    running[name] = stack.enter_context(
                        self.module.serve(name, self.database_url, caches=warm)
                    )
            for peer in running.values():
                awaken(f"{peer.base_url}/")
            for portal_kind, (name, kind) in (self.module.PAIRS if self.module else {}).items():
                peer = running.get(name)
                if peer and peer.pages.get(kind):
                    served[portal_kind] = Served(
                        name, kind, peer.base_url, peer.pid, peer.pages[kind], peer.cookie_header()
                    )
            yield served
