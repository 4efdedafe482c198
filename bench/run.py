"""The portal's benchmark, one command from an empty database to `bench/report.{json,md}`
(bench/README.md says what each figure means).

1. Uses the database of DATABASE_URL (SQLite `bench/bench.sqlite3` by default), migrates it,
   runs `generate_data` when the generated data is missing, times a full `update_index`.
2. Draws from the data the URLs of every page type, a few hundred members' sessions of every
   audience (made ahead in Django's session store) and search queries from the indexed words.
3. Counts the SQL queries and times the first request of each page type, caches off, through
   Django's test client.
4. Serves the portal with gunicorn (2 workers, production settings) with the caches off
   (PORTAL_PAGE_CACHE_SECONDS=0), then on (600), and drives it with wrk: each page type over
   many distinct URLs with a Zipf skew, anonymous and as members, each right after its peer's
   matching page (bench/peers) when the peers are there; warm runs after a warm-up.
5. The mixed run, caches on: distinct pages and members, uniform over the full data, reads
   only, then with 10 % writes through the real forms.
6. Writes the report, each figure beside its budget; `--check` exits 1 when one is missed.
"""

import argparse
import contextlib
import json
import os
import platform
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RUNS = HERE / ".runs"  # wrk's plans and logs, the servers' logs: never committed
SMALL = {
    "sheets": 40,
    "videos": 60,
    "tools": 20,
    "members": 200,
    "spaces": 10,
    "topics": 300,
    "posts": 3_000,
    "cues": 5,
}
WARM_SECONDS = 600
# Portal page type -> the kind of bench.peers.PAIRS that names its peer's matching page.
PEER_KINDS = {
    "home": "home",
    "sheet": "sheet",
    "video": "video",
    "tool": "tool",
    "step": "step",
    "sheet index": "sheet_list",
    "video index": "video_list",
    "tool index": "tool_list",
    "search, common word": "search_common",
    "search, rare word": "search_rare",
    "space list": "space_list",
    "space": "space",
    "topic, first page": "topic",
    "topic, later page": "topic_last",
}


def parse_args():
    from portal.generate import Sizes

    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    add = parser.add_argument
    add("--small", action="store_true", help="small data and short runs (CI: about a minute)")
    add("--duration", type=float, help="seconds of each page run (default 10; --small 1)")
    add("--warmup", type=float, help="seconds of warm-up before a warm run (default 5; --small 0)")
    add("--mixed-duration", type=float, help="seconds of each mixed run (default 300; --small 3)")
    add("--connections", type=int, default=8, help="of the page runs (default 8)")
    add("--mixed-connections", type=int, default=16, help="of the mixed runs (default 16)")
    add("--sessions", type=int, help="members' sessions made ahead (default 300; --small 60)")
    add("--pages", help="only these page types, separated by ; (e.g. 'sheet;space list')")
    add("--no-pages", action="store_true", help="skip the page runs")
    add("--no-mixed", action="store_true", help="skip the mixed runs")
    add("--no-peers", action="store_true", help="do not measure the peers")
    add("--skip-index", action="store_true", help="do not time update_index")
    add("--check", action="store_true", help="exit 1 when a budget is missed")
    add("--output", default="report", help="report name: bench/NAME.json and .md")
    add("--seed", type=int, default=1)
    for name, value in vars(Sizes()).items():
        add(f"--{name}", type=int, help=f"generated {name} (default {value})")
    args = parser.parse_args()
    args.duration = args.duration or (1.0 if args.small else 10.0)
    args.warmup = args.warmup if args.warmup is not None else (0.0 if args.small else 5.0)
    args.mixed_duration = args.mixed_duration or (3.0 if args.small else 300.0)
    args.sessions = args.sessions or (60 if args.small else 300)
    return args


def environment() -> dict:
    """Production settings on loopback, shared by this process and the server."""
    env = dict(os.environ)
    env["DATABASE_URL"] = env.get("DATABASE_URL") or f"sqlite:///{HERE / 'bench.sqlite3'}"
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=env.get("DJANGO_SECRET_KEY") or secrets.token_urlsafe(40),
        DJANGO_SECURE_SSL_REDIRECT="0",
        ALLOWED_HOSTS="127.0.0.1",
        STATIC_ROOT=str(HERE / ".static"),
        CACHE_DIR=str(HERE / ".cache"),
        LOG_LEVEL="WARNING",
    )
    return env


def log(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)  # noqa: T201


def prepare(args) -> dict:
    """Migrates, generates the data if missing, collects static files; returns timings."""
    from django.core.management import call_command

    from portal.generate import Sizes, is_generated

    timings = {}
    call_command("migrate", verbosity=0, interactive=False)
    call_command("collectstatic", verbosity=0, interactive=False)
    if not is_generated():
        sizes = {name: getattr(args, name) for name in vars(Sizes())}
        if args.small:
            sizes = {name: value or SMALL.get(name) for name, value in sizes.items()}
        options = {name: value for name, value in sizes.items() if value is not None}
        log(f"generating data {options or '(default sizes)'}")
        started = time.monotonic()
        call_command("generate_data", seed=args.seed, **options)
        timings["generate_data_s"] = round(time.monotonic() - started, 1)
    if not args.skip_index:
        log("update_index")
        started = time.monotonic()
        call_command("update_index", verbosity=0)
        timings["update_index_s"] = round(time.monotonic() - started, 1)
    return timings


def data_sizes() -> dict:
    from django.contrib.auth import get_user_model

    from experiences.models import ExperienceSheetPage
    from forums.models import Post, Space, Topic
    from resources.models import ToolPage, VideoPage

    return {
        "sheets": ExperienceSheetPage.objects.count(),
        "videos": VideoPage.objects.count(),
        "tools": ToolPage.objects.count(),
        "members": get_user_model().objects.count(),
        "spaces": Space.objects.count(),
        "topics": Topic.objects.count(),
        "posts": Post.objects.count(),
    }


def visitors(kind: str) -> tuple:
    from bench.plan import MEMBERS_ONLY

    return ("member",) if kind in MEMBERS_ONLY else ("anonymous", "member")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def children(pid: int) -> list[int]:
    return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


def worker_rss_mb(master: int) -> float:
    """Largest resident memory of the gunicorn workers (the master's children), from /proc."""
    sizes = [0.0]
    for pid in children(master):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                sizes.append(round(int(line.split()[1]) / 1024, 1))
    return max(sizes)


@contextlib.contextmanager
def portal(env: dict, cache_seconds: int):
    """The portal under gunicorn, its cache folder emptied first; yields (url, master pid)."""
    from bench import wrk

    shutil.rmtree(HERE / ".cache", ignore_errors=True)
    port = free_port()
    RUNS.mkdir(exist_ok=True)
    output = (RUNS / f"server-{cache_seconds}.log").open("w")
    server = subprocess.Popen(  # noqa: S603 - our own command line
        [sys.executable, "-m", "gunicorn", "portal.wsgi", "--workers=2",
         f"--bind=127.0.0.1:{port}", "--log-level=warning", "--timeout=60"],
        cwd=ROOT, env=env | {"PORTAL_PAGE_CACHE_SECONDS": str(cache_seconds)},
        stdout=output, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit(f"bench: gunicorn did not start (see {output.name})") from None
                time.sleep(0.2)
        wrk.awaken(f"http://127.0.0.1:{port}/")
        yield f"http://127.0.0.1:{port}", server.pid
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        output.close()


def measure(url, steps, pid, args, *, warm: bool, connections=None, duration=None) -> dict:
    from bench import wrk

    connections = connections or args.connections
    pids = [pid, *children(pid)] if pid else []
    # Cold runs warm up too, for a second: the code that a page type loads on first use.
    warmup = args.warmup if warm else min(1.0, args.warmup)
    if warmup:
        wrk.run(url, steps, connections=connections, duration=warmup,
                workdir=RUNS / "wrk", server_pids=pids)  # fmt: skip
        steps = steps[len(steps) // 2 :] + steps[: len(steps) // 2]
    result = wrk.run(url, steps, connections=connections, duration=duration or args.duration,
                     workdir=RUNS / "wrk", server_pids=pids)  # fmt: skip
    return {**result["all"], "cpu": result["cpu"]}


def run_pages(env, args, catalogue, peers) -> list[dict]:
    """Each page type, caches off then on, each right after its peer's matching page."""
    from bench.plan import page_run, page_types

    kinds = page_types(catalogue)
    if args.pages:
        kinds = [kind for kind in kinds if kind in args.pages.split(";")]
    count = int(min(60_000, max(2_000, args.duration * 3_000)))
    plans = {
        (kind, who): page_run(catalogue, kind, who == "anonymous", count, args.seed)
        for kind in kinds
        for who in visitors(kind)
    }
    rows = {(kind, who): {"name": kind, "who": who} for kind, who in plans}
    for state, seconds in (("cold", 0), ("warm", WARM_SECONDS)):
        with portal(env, seconds) as (url, pid), peers.serving(state == "warm") as served:
            for (kind, who), steps in plans.items():
                log(f"{state}: {kind} ({who})")
                row = rows[kind, who]
                peer = served.get(PEER_KINDS.get(kind))
                if peer:
                    row.setdefault("peer", {"name": f"{peer.name} {peer.kind}"})
                    row["peer"][state] = measure(
                        peer.url, peer.steps(who, count, args.seed), peer.pid, args,
                        warm=state == "warm",
                    )  # fmt: skip
                row[state] = measure(url, steps, pid, args, warm=state == "warm")
            rows_rss = worker_rss_mb(pid)
            for row in rows.values():
                row["worker_rss_mb"] = max(row.get("worker_rss_mb", 0), rows_rss)
    return list(rows.values())


def run_mixed(env, args, catalogue) -> dict:
    """16 connections, caches on, emptied first: reads only, then with 10 % writes."""
    from bench import wrk
    from bench.plan import Mixed

    mixed = Mixed(catalogue, args.seed)
    count = int(min(240_000, max(5_000, args.mixed_duration * 600)))
    results = {}
    with portal(env, WARM_SECONDS) as (url, pid):
        pids = [pid, *children(pid)]
        for name, writes in (("reads", False), ("writes", True)):
            log(f"mixed run, {name}: {args.mixed_duration:g} s")
            results[name] = wrk.run(
                url,
                mixed.steps(count, writes),
                connections=args.mixed_connections,
                duration=args.mixed_duration,
                workdir=RUNS / "mixed",
                server_pids=pids,
            )
        results["worker_rss_mb"] = worker_rss_mb(pid)
    return results


def main() -> None:
    os.chdir(ROOT)
    sys.path.insert(0, str(ROOT))
    env = environment()
    os.environ.update(env)
    import django

    django.setup()
    from bench import wrk

    wrk.executable()  # says what to install before anything long starts
    args = parse_args()
    timings = prepare(args)

    from django.conf import settings
    from django.db import connections

    from bench import catalogue as data
    from bench import queries
    from bench.pairs import Peers
    from bench.plan import page_run, page_types
    from bench.report import budgets, markdown

    log(f"drawing URLs and making {args.sessions} sessions")
    catalogue = data.load(args.sessions, args.seed)
    samples = []
    for kind in page_types(catalogue):
        for who in visitors(kind):
            kind_, path, cookie, *_ = page_run(catalogue, kind, who == "anonymous", 1, args.seed)[0]
            samples.append({"name": kind_, "who": who, "path": path, "cookie": cookie})
    log("queries and first requests, caches off")
    cold = queries.cold(samples)
    sizes = data_sizes()
    database = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    connections.close_all()

    peers = Peers(None if args.no_peers else env["DATABASE_URL"], small=args.small, log=log)
    pages = [] if args.no_pages else run_pages(env, args, catalogue, peers)
    mixed = {} if args.no_mixed else run_mixed(env, args, catalogue)
    opensearch = bool(os.environ.get("OPENSEARCH_URL"))
    report = {
        "meta": {
            "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
            "commit": commit(),
            "database": database,
            "search": "OpenSearch" if opensearch else "database",
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "duration": args.duration,
            "warmup": args.warmup,
            "mixed_duration": args.mixed_duration,
            "connections": args.connections,
            "mixed_connections": args.mixed_connections,
            "sessions": {
                audience: sum(m.audience == audience for m in catalogue.members)
                for audience in data.AUDIENCES
            },  # fmt: skip
            "distinct_urls": {kind: len(urls) for kind, urls in catalogue.urls.items()},
            "sizes": sizes,
            "peers": peers.status,
            "load": os.getloadavg(),
        },
        **timings,
        "queries": cold,
        "pages": pages,
        "mixed": mixed,
    }
    report["checks"] = budgets(report)
    (HERE / f"{args.output}.json").write_text(
        json.dumps(report, indent=2, ensure_ascii=False) + "\n"
    )
    (HERE / f"{args.output}.md").write_text(markdown(report))
    failed = [item["what"] for item in report["checks"] if item["ok"] is False]
    log(
        f"report in bench/{args.output}.md: {len(failed)} budgets missed of {len(report['checks'])}"
    )
    if args.check and failed:
        sys.exit(1)


def commit() -> str:
    command = ["git", "describe", "--always", "--dirty"]
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)  # noqa: S603, S607
    return result.stdout.strip() or "unknown"
