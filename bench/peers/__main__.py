"""`python -m bench.peers`: prepare the peers, serve one by hand, or check them end to end.

    python -m bench.peers --prepare [NAME ...] [--small]
    python -m bench.peers --serve NAME          # until Ctrl-C; prints its address and pages
    python -m bench.peers --check [NAME ...] [--small] [--requests 300] [--seconds 15]

The cluster is DATABASE_URL's (only its host, port and role are used; each peer has its own
database in it). `--check` prepares and serves each peer, asks every page kind (200, an HTML page
of the expected kind, anonymously and as the member) and times a few hundred requests per kind
with a small loop: first figures, not the bench's.
"""

import argparse
import os
import statistics
import sys
import threading
import time
import urllib.error
import urllib.request
from urllib.parse import urlsplit

from bench import peers

# What only a real page of each kind shows: its list items, its post bodies.
MARKERS = {
    "home": 'class="picture-card"',
    "bread": 'class="bread-detail',
    "blog_index": 'class="blog-listing-card',
    "blog": 'class="template-blog-page"',
    "search": 'class="search__results"',
    "forum_index": 'class="forum-name-link"',
    "forum": 'class="topic-name-link"',
    "topic": 'class="post-content"',
    "topic_last": 'class="post-content"',
}

# What a page shows a logged-in member only (bakerydemo shows nothing more to a visitor without
# access to the admin).
MEMBER_MARKERS = {"machina": "View my posts"}


def log(message: str) -> None:
    print(message, flush=True)  # noqa: T201


def fetch(url: str, cookie: str = "") -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def check_pages(peer: peers.Peer) -> list[str]:
    """Every kind's first and last path, anonymously and as the member: what went wrong."""
    problems = []
    for kind in peers.KINDS[peer.name]:
        paths = peer.pages.get(kind) or []
        if not paths:
            problems.append(f"{kind}: no page")
        for path in {paths[0], paths[-1]} if paths else ():
            for cookie in ("", peer.cookie_header()):
                status, body = fetch(peer.base_url + path, cookie)
                text = body.decode(errors="replace")
                expected = ["</html>", MARKERS[kind]]
                if cookie:
                    expected.append(MEMBER_MARKERS.get(peer.name, ""))
                if status != 200 or not all(marker in text for marker in expected):
                    who = "member" if cookie else "anonymous"
                    problems.append(f"{kind} {path} ({who}): {status}, {len(body)} bytes")
        log(f"  {kind}: {len(paths)} distinct paths, checked")
    return problems


def timed(peer: peers.Peer, paths: list[str], cookie: str, args) -> dict:
    """GETs over `paths` in turn from `args.clients` threads, until `args.requests` are done or
    `args.seconds` have passed: throughput and latencies."""
    durations, errors, lock = [], [], threading.Lock()
    turn = iter(range(args.requests))
    deadline = time.monotonic() + args.seconds

    def client() -> None:
        for number in turn:
            if time.monotonic() > deadline:
                return
            started = time.monotonic()
            status, _ = fetch(peer.base_url + paths[number % len(paths)], cookie)
            with lock:
                durations.append(time.monotonic() - started)
                if status != 200:
                    errors.append(status)

    threads = [threading.Thread(target=client) for _ in range(args.clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    durations.sort()
    return {
        "requests": len(durations),
        "rps": len(durations) / elapsed,
        "p50": statistics.median(durations) * 1000,
        "p95": durations[max(0, int(len(durations) * 0.95) - 1)] * 1000,
        "errors": len(errors),
    }


def check(names: list[str], url: str, args) -> int:
    failures = 0
    for name in names:
        reason = peers.available(name)
        if reason:
            log(f"{name}: not available: {reason}")
            failures += 1
            continue
        peers.prepare(name, url, small=args.small)
        with peers.serve(name, url, caches=not args.caches_off) as peer:
            log(f"{name}: served at {peer.base_url} (gunicorn {peer.pid})")
            problems = check_pages(peer)
            for problem in problems:
                log(f"  PROBLEM {problem}")
            failures += bool(problems)
            log(f"  {'page kind':<22} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} requests errors")
            for kind in peers.KINDS[name]:
                for who, cookie in (("anonymous", ""), ("member", peer.cookie_header())):
                    paths = peer.pages[kind]
                    for path in paths[:4]:  # the workers' first requests
                        fetch(peer.base_url + path, cookie)
                    figures = timed(peer, paths, cookie, args)
                    log(
                        f"  {kind + ', ' + who:<22} {figures['rps']:>7.1f} {figures['p50']:>7.1f}"
                        f" {figures['p95']:>7.1f} {figures['requests']:>8} {figures['errors']:>6}"
                    )
                    failures += bool(figures["errors"])
    return failures


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.peers", description=__doc__)
    commands = parser.add_mutually_exclusive_group(required=True)
    for command in ("prepare", "serve", "check"):
        commands.add_argument(f"--{command}", action="store_true")
    parser.add_argument("names", nargs="*", help=f"default: {' '.join(peers.PEERS)}")
    parser.add_argument("--small", action="store_true", help="machina with small data")
    parser.add_argument("--requests", type=int, default=300, help="per page kind (--check)")
    parser.add_argument("--seconds", type=float, default=15, help="at most, per kind (--check)")
    parser.add_argument("--clients", type=int, default=2, help="concurrent clients (--check)")
    parser.add_argument("--caches-off", action="store_true", help="serve with a dummy cache")
    args = parser.parse_args()
    url = os.environ.get("DATABASE_URL", "")
    if urlsplit(url).scheme not in ("postgres", "postgresql"):
        sys.exit("bench.peers: DATABASE_URL must name the PostgreSQL cluster (postgres://...)")
    names = args.names or list(peers.PEERS)
    if args.prepare:
        for name in names:
            peers.prepare(name, url, small=args.small)
    elif args.serve:
        with peers.serve(names[0], url, caches=not args.caches_off) as peer:
            log(f"{peer.name}: {peer.base_url}  Cookie: {peer.cookie_header()}")
            for kind, paths in peer.pages.items():
                log(f"  {kind}: {len(paths)} paths, e.g. {peer.base_url}{paths[0]}")
            try:
                while True:
                    time.sleep(3600)
            except KeyboardInterrupt:
                pass
    else:
        failures = check(names, url, args)
        log("bench.peers: check passed" if not failures else f"bench.peers: {failures} failed")
        sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
