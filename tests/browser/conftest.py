"""Browser tests: the portal served for real, driven by Debian's Chromium through Playwright.

They run apart from the main suite (`pytest tests/browser`): a session fixture builds its own
database (a temporary SQLite file, or `<name>_browser` beside the PostgreSQL database that
DATABASE_URL names), loads the demo content and the demo accounts, and serves the portal with
`runserver` (DEBUG off, static files served) on a free loopback port.
"""

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import dj_database_url
import pytest
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "test-results"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
PASSWORD = "demo-bloc-local"
# What the running portal writes (its e-mails too: the development settings print them), set
# by `live_url`.
SERVER_LOG: dict[str, Path] = {}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def browser_database(tmp: Path) -> str:
    """A database of the browser tests' own, never the developer's."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        return f"sqlite:///{tmp / 'browser.sqlite3'}"
    import psycopg

    config = dj_database_url.parse(url)
    name = f"{config['NAME']}_browser"
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    return url.rsplit("/", 1)[0] + f"/{name}"


@pytest.fixture(scope="session")
def live_url():
    tmp = Path(tempfile.mkdtemp(prefix="blocal-browser-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "browser-tests-only",
        "DATABASE_URL": browser_database(tmp),
        "MEDIA_ROOT": str(tmp / "media"),
        "CACHE_DIR": str(tmp / "cache"),  # never the developer's (renditions, pages)
        "PORTAL_SERVE_MEDIA": "1",
        "STATIC_ROOT": str(tmp / "static"),
        "FORUMS_ATTACHMENTS_ROOT": str(tmp / "private"),
        "FORUMS_MIN_SECONDS_BETWEEN_POSTS": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
    }
    manage = [sys.executable, str(ROOT / "manage.py")]
    for command in (["migrate", "--no-input"], ["load_demo"]):
        subprocess.run(manage + command, env=env, check=True, capture_output=True)  # noqa: S603
    accounts_env = {**env, "DJANGO_DEBUG": "1"}  # the demo accounts exist in development only
    subprocess.run(manage + ["demo_accounts"], env=accounts_env, check=True, capture_output=True)  # noqa: S603
    port = free_port()
    SERVER_LOG["path"] = tmp / "server.log"
    log = SERVER_LOG["path"].open("w")
    server = subprocess.Popen(  # noqa: S603
        manage + ["runserver", f"127.0.0.1:{port}", "--noreload", "--insecure"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(url + "/", timeout=2)  # noqa: S310 - loopback only
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"The portal did not start; see {tmp / 'server.log'}") from None
            time.sleep(0.5)
    yield url
    server.terminate()
    server.wait(timeout=20)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        raise RuntimeError("Debian's Chromium is missing: run scripts/browser-deps.sh")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.hookimpl(tryfirst=True, hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"report_{report.when}", report)


@pytest.fixture
def page(browser, live_url, request):
    """A fresh browser tab (no cookies); a screenshot is saved when the test fails."""
    context = browser.new_context(
        base_url=live_url, locale="fr-FR", viewport={"width": 1280, "height": 800}
    )
    context.set_default_timeout(15_000)
    tab = context.new_page()
    yield tab
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        RESULTS.mkdir(exist_ok=True)
        tab.screenshot(path=RESULTS / f"{request.node.name}.png", full_page=True)
    context.close()


_codes_used: dict[str, int] = {}


def totp_code(username: str) -> str:
    """The demo accounts' two-factor code of the moment, never one already used (allauth
    refuses a code twice): waits for the next period when needed."""
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    from portal.management.commands.demo_accounts import DEMO_TOTP_SECRET

    period = 30
    counter = int(time.time()) // period
    if _codes_used.get(username) == counter:
        time.sleep(period - time.time() % period + 0.5)
        counter = int(time.time()) // period
    _codes_used[username] = counter
    return format_hotp_value(hotp_value(DEMO_TOTP_SECRET, counter))


used_codes: set[str] = set()


def log_in(page, username: str, next_url: str = "/admin/") -> None:
    """Logs a demo account in through the members' log-in page, with its two-factor code when
    it has one (the accounts that reach the administration)."""
    page.goto(f"/compte/login/?next={next_url}")
    page.fill("input[name=login]", f"{username}@bloc-local.example")
    page.fill("input[name=password]", PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_load_state()
    if "/compte/2fa/authenticate/" in page.url:
        # The demo accounts share one secret, and allauth refuses a code already used: after
        # another account's log-in with this code, wait for the next one.
        while (code := totp_code(username)) in used_codes:
            time.sleep(30 - time.time() % 30 + 0.5)
        used_codes.add(code)
        page.fill("input[name=code]", code)
        page.press("input[name=code]", "Enter")
        page.wait_for_load_state()
