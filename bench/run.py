"""The portal's benchmark: one command from an empty database to `bench/report.{json,md}`.

1. Uses the database of DATABASE_URL (SQLite `bench/bench.sqlite3` by default), migrates it and
   runs `generate_data` when the generated data is missing.
2. Times a full `update_index`.
3. Counts the SQL queries of each page, through Django's test client in this process.
4. Serves the portal with gunicorn (2 workers, production settings, DEBUG off, static files by
   WhiteNoise) on a free loopback port, and drives it with `bench.load` in another process,
   anonymously and as a logged-in member, with 1 and 8 concurrent clients.
5. Writes the report, each figure beside its budget. `--check` exits non-zero when a budget is
   missed; otherwise the bench only reports.
"""

import argparse
import json
import os
import platform
import secrets
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

from bench.report import budgets, markdown

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
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
CONCURRENCY = (1, 8)


def parse_args():
    from portal.generate import Sizes

    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("--small", action="store_true", help="small data, 0.5 s per run (CI)")
    parser.add_argument("--duration", type=float, help="seconds of load per run (default 5)")
    parser.add_argument("--max-requests", type=int, default=5_000, help="per run")
    parser.add_argument("--skip-index", action="store_true", help="do not time update_index")
    parser.add_argument("--check", action="store_true", help="exit 1 when a budget is missed")
    parser.add_argument("--seed", type=int, default=1)
    for name, value in vars(Sizes()).items():
        parser.add_argument(f"--{name}", type=int, help=f"generated {name} (default {value})")
    return parser.parse_args()


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


def scenarios() -> list[dict]:
    """The pages to measure: (name, path, who may see it, budget kind)."""
    from experiences.models import ExperienceSheetPage
    from forums.models import Topic
    from portal.generate import BENCH_SPACE_SLUG, RARE_WORD
    from resources.models import StepPage, ToolPage, VideoPage

    def middle(model):
        pages = model.objects.live().order_by("path")
        return pages[pages.count() // 2].url

    topic = Topic.objects.filter(space__slug=BENCH_SPACE_SLUG).order_by("pk").first()
    return [
        {"name": "home", "path": "/", "kind": "home"},
        {"name": "sheet", "path": middle(ExperienceSheetPage), "kind": "resource"},
        {"name": "video", "path": middle(VideoPage), "kind": "resource"},
        {"name": "tool", "path": middle(ToolPage), "kind": "resource"},
        {"name": "step", "path": middle(StepPage), "kind": "resource"},
        {"name": "space", "path": f"/espaces/{BENCH_SPACE_SLUG}/", "kind": "page"},
        {"name": "topic, first page", "path": topic.get_absolute_url(), "kind": "topic"},
        {
            "name": "topic, last page",
            "path": f"{topic.get_absolute_url()}?page=last",
            "kind": "topic",
        },
        {
            "name": "notifications",
            "path": "/espaces/notifications/",
            "kind": "page",
            "member_only": True,
        },
        {"name": "search, common word", "path": "/recherche/?q=coop%C3%A9ration", "kind": "search"},
        {
            "name": "search, rare word",
            "path": f"/recherche/?q={quote(RARE_WORD)}",
            "kind": "search",
        },
        {
            "name": "search, phrase",
            "path": "/recherche/?q=%22projet+de+territoire%22",
            "kind": "search",
        },
        {
            "name": "search, filtered",
            "path": "/recherche/?q=coop%C3%A9ration&type=fiches",
            "kind": "search",
        },
    ]


def member_cookie() -> str:
    """A session of the bench's member, created ahead, as a Cookie header."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    from portal.generate import BENCH_USERNAME

    client = Client()
    client.force_login(get_user_model().objects.get(username=BENCH_USERNAME))
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def count_queries(runs: list[dict]) -> None:
    """SQL queries of one request to each page: cold (page cache emptied) and warm. Then each
    page once more, so that the server starts with the caches filled, as the budgets assume (a
    first search on SQLite at full size takes minutes, more than a worker's timeout)."""
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    def client_of(run):
        client = Client(HTTP_HOST="127.0.0.1")
        if run["cookie"]:
            name, value = run["cookie"].split("=", 1)
            client.cookies[name] = value
        return client

    for run in runs:
        client = client_of(run)
        counts = []
        cache.clear()
        for _ in range(2):
            with CaptureQueriesContext(connection) as context:
                response = client.get(run["path"])
            counts.append(len(context.captured_queries))
        run["status"] = response.status_code
        run["queries"], run["queries_cached"] = counts
    for run in runs:
        started = time.monotonic()
        client_of(run).get(run["path"])
        run["first_request_s"] = round(time.monotonic() - started, 2)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def worker_rss_mb(master: int) -> list[float]:
    """Resident memory of each gunicorn worker (children of the master), from /proc."""
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    sizes = []
    for pid in children:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                sizes.append(round(int(line.split()[1]) / 1024, 1))
    return sizes


def serve(env: dict, port: int) -> subprocess.Popen:
    server = subprocess.Popen(  # noqa: S603 - our own command line
        [
            sys.executable,
            "-m",
            "gunicorn",
            "portal.wsgi",
            "--workers=2",
            f"--bind=127.0.0.1:{port}",
            "--log-level=warning",
            "--timeout=60",
        ],
        cwd=ROOT,
        env=env,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("bench: gunicorn did not start")


def load(env: dict, port: int, runs: list[dict], duration: float, max_requests: int) -> list:
    plan = {
        "host": "127.0.0.1",
        "port": port,
        "duration": duration,
        "max_requests": max_requests,
        "warmup": 10,
        "runs": [
            {key: run[key] for key in ("id", "path", "cookie")} | {"concurrency": concurrency}
            for run in runs
            for concurrency in CONCURRENCY
        ],
    }
    result = subprocess.run(  # noqa: S603 - our own command line
        [sys.executable, "-m", "bench.load"],
        input=json.dumps(plan),
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        check=True,
    )
    return json.loads(result.stdout)


def main() -> None:
    os.chdir(ROOT)
    sys.path.insert(0, str(ROOT))
    env = environment()
    os.environ.update(env)
    import django

    django.setup()
    args = parse_args()
    duration = args.duration or (0.5 if args.small else 5.0)
    timings = prepare(args)

    from django.conf import settings
    from django.db import connections

    cookie = member_cookie()
    runs = []
    for number, scenario in enumerate(scenarios()):
        for who in ("anonymous", "member"):
            if who == "anonymous" and scenario.get("member_only"):
                continue
            cookie_header = cookie if who == "member" else ""
            runs.append({**scenario, "id": f"{number}-{who}", "who": who, "cookie": cookie_header})
    count_queries(runs)
    sizes = data_sizes()
    connections.close_all()

    port = free_port()
    log(f"serving on 127.0.0.1:{port}, {duration} s per run")
    server = serve(env, port)
    try:
        results = load(env, port, runs, duration, args.max_requests)
        rss = worker_rss_mb(server.pid)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)

    by_id = {}
    for result in results:
        by_id.setdefault(result["id"], {})[f"c{result['concurrency']}"] = {
            key: result[key] for key in ("requests", "errors", "rps", "p50_ms", "p95_ms", "p99_ms")
        }
    for run in runs:
        run.update(by_id[run["id"]])
        run.pop("cookie")
    opensearch = bool(os.environ.get("OPENSEARCH_URL"))
    checks = budgets(
        runs,
        search_p95=20 if opensearch else 40,
        rss_mb=max(rss),
        index_s=timings.get("update_index_s"),
    )
    report = {
        "meta": {
            "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
            "database": settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1],
            "search": "OpenSearch" if opensearch else "database",
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "duration": duration,
            "sizes": sizes,
        },
        **timings,
        "worker_rss_mb": max(rss),
        "runs": runs,
        "checks": checks,
    }
    (HERE / "report.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    (HERE / "report.md").write_text(markdown(report))
    failed = [item["what"] for item in checks if not item["ok"]]
    log(f"report in bench/report.md: {len(checks) - len(failed)} budgets met, {len(failed)} missed")
    if args.check and failed:
        sys.exit(1)
