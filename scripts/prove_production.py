"""The production proof (scripts/prove-production.sh runs it): on loopback, two gunicorn app
servers behind Varnish sharing PostgreSQL, Redis (and OpenSearch when OPENSEARCH_URL is given),
each started by the project's scripts and configurations (deploy/), then checked:

- an anonymous page is served by the front cache;
- a publication shows at once through both app servers and the front cache;
- a member's reply posted on app server 1 shows on app server 2 and through the front cache;
- a task worker killed in the middle of sending the reply's e-mails loses none (aiosmtpd counts
  them; the scheduler's next run sends what the killed task had not);
- Redis stopped: pages still answer and the member stays logged in;
- PostgreSQL stopped: a French 503 page, never a 500 with a trace, then recovery by itself;
and the anonymous pages through the front cache are measured with wrk.

Each check prints PASS or FAIL; the exit status is the number of failures (0: all passed).
"""

import contextlib
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
FAILURES: list[str] = []
SUBSCRIBERS = 12


def say(text: str) -> None:
    print(text, flush=True)  # noqa: T201 - the proof's report


def check(name: str, ok: bool, detail: str = "") -> bool:
    say(f"{'PASS' if ok else 'FAIL'}  {name}{f' ({detail})' if detail else ''}")
    if not ok:
        FAILURES.append(name)
    return ok


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(port: int, path: str, *, cookies: str = "", data: bytes | None = None, timeout=10):
    """(status, headers, body) of one request to 127.0.0.1:port, redirects not followed."""
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}", data=data, method="POST" if data else "GET"
    )
    request.add_header("Host", "localhost")
    if cookies:
        request.add_header("Cookie", cookies)
    if data:
        request.add_header("Content-Type", "application/x-www-form-urlencoded")
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=timeout) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()
    except (urllib.error.URLError, OSError) as error:
        return 0, {}, str(error)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def wait_for(test, seconds: float, step: float = 0.3) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if test():
            return True
        time.sleep(step)
    return test()


class SmtpCounter:
    """A local SMTP server (aiosmtpd) that counts the messages it is given, slowly: 0.2 s
    each, so that a worker can be killed in the middle of a batch."""

    def __init__(self, port: int):
        from aiosmtpd.controller import Controller

        self.recipients: list[str] = []
        counter = self

        class Handler:
            async def handle_DATA(self, server, session, envelope):
                import asyncio

                await asyncio.sleep(0.2)
                counter.recipients.extend(envelope.rcpt_tos)
                return "250 OK"

        self.controller = Controller(Handler(), hostname="127.0.0.1", port=port)
        self.controller.start()

    def stop(self):
        self.controller.stop()


class Stack:
    """Every process of the proof, started in `start`, all stopped in `stop`."""

    def __init__(self):
        self.work = Path(tempfile.mkdtemp(prefix="blocal-proof-"))
        self.work.chmod(0o755)  # the cluster runs as the postgres user
        self.ports = {name: free_port() for name in ("app1", "app2", "front", "purge", "smtp")}
        self.pg_env = {
            **os.environ,
            "PG_DIR": str(self.work / "pg"),
            "PG_PORT": str(free_port()),
        }
        self.redis_env = {
            **os.environ,
            "REDIS_DIR": str(self.work / "redis"),
            "REDIS_PORT": str(free_port()),
        }
        self.processes: dict[str, subprocess.Popen] = {}
        self.smtp = None

    def script(self, name: str, command: str, env: dict) -> str:
        return subprocess.run(  # noqa: S603 - our own scripts
            [str(ROOT / "scripts" / name), command],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()

    def postgres(self, command: str) -> str:
        return self.script("postgres.sh", command, self.pg_env)

    def redis(self, command: str) -> str:
        return self.script("redis.sh", command, self.redis_env)

    def start(self):
        started = time.monotonic()
        database_url = self.postgres("start")
        redis_url = self.redis("start")
        say(f"      PostgreSQL {database_url}, Redis {redis_url}")
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(40),
            "DJANGO_SECURE_SSL_REDIRECT": "0",
            "ALLOWED_HOSTS": "localhost,127.0.0.1",
            "DATABASE_URL": database_url,
            "REDIS_URL": redis_url,
            "PORTAL_FRONT_CACHE_URLS": f"http://127.0.0.1:{self.ports['purge']}",
            "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
            "EMAIL_URL": f"smtp://127.0.0.1:{self.ports['smtp']}?tls=0",
            "ALLAUTH_TRUSTED_PROXY_COUNT": "1",
            "MEDIA_ROOT": str(self.work / "media"),
            "STATIC_ROOT": str(self.work / "static"),
            "FORUMS_ATTACHMENTS_ROOT": str(self.work / "private"),
            "PORTAL_DOCUMENTS_ROOT": str(self.work / "private" / "documents"),
            "FORUMS_MIN_SECONDS_BETWEEN_POSTS": "0",
            "FORUMS_NEW_ACCOUNT_HOURS": "0",
            "LOG_LEVEL": "ERROR",
            "GUNICORN_WORKERS": "2",
            "OPENSEARCH_INDEX_PREFIX": f"blocal_proof_{os.getpid()}_",
        }
        self.manage("migrate", "--no-input", "-v", "0")
        self.manage("collectstatic", "--no-input", "-v", "0")
        self.data = json.loads(self.python(SETUP))
        say(f"      database, static files and content ready in {time.monotonic() - started:.0f} s")
        self.smtp = SmtpCounter(self.ports["smtp"])
        for name in ("app1", "app2"):
            self.spawn(
                name,
                [str(ROOT / ".venv" / "bin" / "gunicorn"), "-c", "deploy/gunicorn.conf.py"],
                GUNICORN_BIND=f"127.0.0.1:{self.ports[name]}",
            )
        vcl = (ROOT / "deploy" / "varnish.vcl").read_text()
        vcl = vcl.replace('"8001"', f'"{self.ports["app1"]}"').replace(
            '"8002"', f'"{self.ports["app2"]}"'
        )
        (self.work / "proof.vcl").write_text(vcl)
        self.spawn(
            "varnish",
            [
                "varnishd", "-F", "-j", "none", "-n", str(self.work / "varnish"),
                "-f", str(self.work / "proof.vcl"), "-s", "malloc,64m",
                "-a", f"public=127.0.0.1:{self.ports['front']},HTTP",
                "-a", f"purge=127.0.0.1:{self.ports['purge']},HTTP",
            ],
        )  # fmt: skip
        self.start_worker()
        ready = wait_for(
            lambda: all(
                get(self.ports[name], "/sante/?vivant")[0] == 200
                for name in ("app1", "app2", "front")
            ),
            60,
        )
        if not ready:
            raise SystemExit("FAIL  the app servers or the front cache did not start")
        say(f"      stack up in {time.monotonic() - started:.0f} s: {self.ports}")

    def start_worker(self):
        self.spawn("worker", [PYTHON, "manage.py", "db_worker", "--interval", "0.2"])

    def spawn(self, name: str, command: list[str], **env):
        log = open(self.work / f"{name}.log", "w")  # noqa: SIM115 - closed with the process
        self.processes[name] = subprocess.Popen(  # noqa: S603
            command,
            cwd=ROOT,
            env={**self.env, **env},
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def kill(self, name: str, sig=signal.SIGTERM):
        process = self.processes.pop(name, None)
        if process and process.poll() is None:
            os.killpg(process.pid, sig)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)

    def manage(self, *args) -> str:
        return subprocess.run(  # noqa: S603
            [PYTHON, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout

    def python(self, code: str) -> str:
        return (
            subprocess.run(  # noqa: S603
                [PYTHON, "-c", code],
                cwd=ROOT,
                env=self.env,
                check=True,
                capture_output=True,
                text=True,
            )
            .stdout.strip()
            .splitlines()[-1]
        )

    def stop(self):
        for name in list(self.processes):
            self.kill(name)
        if self.smtp:
            self.smtp.stop()
        for stop in (lambda: self.redis("stop"), lambda: self.postgres("stop")):
            with contextlib.suppress(subprocess.CalledProcessError):
                stop()
        shutil.rmtree(self.work, ignore_errors=True)


# Run by the app's Python with the production settings: a site, a sheet, a public space with a
# topic, a member who may reply (and their session), and subscribers of the topic told at once
# by e-mail.
SETUP = f"""
import django, json
django.setup()
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.cached_db import SessionStore
from forums import services
from forums.models import EmailFrequency, NotificationSettings
from tests import factories
member = factories.UserFactory()
subscribers = factories.UserFactory.create_batch({SUBSCRIBERS})
space = factories.SpaceFactory(public=True, members=[member, *subscribers])
topic = services.topic_create(space=space, author=member, title="Un sujet de la preuve",
                              body="Une question ?")
for user in subscribers:
    services.subscribe(user, topic=topic)
    NotificationSettings.objects.update_or_create(
        user=user, defaults={{"email_frequency": EmailFrequency.IMMEDIATE}})
sheet = factories.sheet(title="Une fiche de la preuve")
# What the set-up itself notified is taken as sent: the proof counts the reply's e-mails only.
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from forums.models import Notification
Notification.objects.update(emailed_at=timezone.now())
DBTaskResult.objects.all().delete()
session = SessionStore()
session[SESSION_KEY] = str(member.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = member.get_session_auth_hash()
session.create()
print(json.dumps({{"sheet": sheet.pk, "sheet_url": sheet.url, "topic_url": topic.get_absolute_url(),
    "reply_url": f"/espaces/{{space.slug}}/sujets/{{topic.pk}}/repondre/",
    "session": session.session_key, "emails": sorted(u.email for u in subscribers)}}))
"""

PUBLISH = """
import django
django.setup()
from wagtail.models import Page
page = Page.objects.get(pk={pk}).specific
page.title = "Une fiche publiee a nouveau"
page.save_revision().publish()
print("ok")
"""


def prove(stack: Stack) -> None:
    app1, app2, front = stack.ports["app1"], stack.ports["app2"], stack.ports["front"]
    data = stack.data
    sheet = data["sheet_url"]

    # 1. The front cache.
    get(front, sheet)
    status, headers, body = get(front, sheet)
    check(
        "an anonymous page is served by the front cache",
        status == 200
        and headers.get("X-Front-Cache") == "hit"
        and "Une fiche de la preuve" in body,
        f"{status}, X-Front-Cache: {headers.get('X-Front-Cache')}",
    )
    for port in (app1, app2):
        get(port, sheet)  # each app server's page cache (Redis) holds it too

    # 2. A publication.
    stack.python(PUBLISH.format(pk=data["sheet"]))
    seen = {name: get(port, sheet)[2] for name, port in (("app 1", app1), ("app 2", app2))}
    status, headers, seen["front cache"] = get(front, sheet)
    shown = [name for name, body in seen.items() if "Une fiche publiee a nouveau" in body]
    check(
        "a publication shows at once through app 1, app 2 and the front cache",
        len(shown) == 3,
        f"new title on: {', '.join(shown) or 'none'}",
    )

    # 3. A member's reply posted on app server 1.
    topic = data["topic_url"]
    for port in (app2, front):
        get(port, topic)  # cached before the reply
    member = f"sessionid={data['session']}"
    status, headers, page = get(app1, topic, cookies=member)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    csrf = re.search(r"csrftoken=([^;]+)", headers.get("Set-Cookie", "") if headers else "")
    logged_in = status == 200 and "Se déconnecter" in page and token and csrf
    check("the member is logged in on app 1 (session in PostgreSQL and Redis)", bool(logged_in))
    if logged_in:
        body = urllib.parse.urlencode(
            {"csrfmiddlewaretoken": token.group(1), "body": "Une reponse venue du serveur 1"}
        ).encode()
        status, _headers, _page = get(
            app1, data["reply_url"], cookies=f"{member}; csrftoken={csrf.group(1)}", data=body
        )
        shown = [
            name
            for name, port in (("app 2", app2), ("front cache", front))
            if "Une reponse venue du serveur 1" in get(port, topic)[2]
        ]
        check(
            "a reply posted on app 1 shows on app 2 and through the front cache",
            status == 302 and len(shown) == 2,
            f"POST {status}; shown on: {', '.join(shown) or 'none'}",
        )

    # 4. A worker killed in the middle of the reply's e-mails.
    smtp = stack.smtp
    started = wait_for(lambda: len(smtp.recipients) >= 2, 30, 0.05)
    stack.kill("worker", signal.SIGKILL)
    killed_at = len(smtp.recipients)
    stack.manage("run_scheduler", "--once")  # its notifications job sends what is left
    received = set(smtp.recipients)
    check(
        "a worker killed mid-job loses no e-mail",
        started and received == set(data["emails"]),
        f"killed after {killed_at} of {SUBSCRIBERS} e-mails; {len(received)} of {SUBSCRIBERS} "
        f"members got theirs, {len(smtp.recipients) - len(received)} twice",
    )
    stack.start_worker()

    # 5. Redis stopped.
    stack.redis("stop")
    answers = [get(port, f"{sheet}?redis=arrete") for port in (app1, app2, front)]
    member_page = get(app2, sheet, cookies=member)
    check(
        "Redis stopped: pages still answer, the member stays logged in",
        all(status == 200 for status, _h, _b in answers)
        and member_page[0] == 200
        and "Se déconnecter" in member_page[2],
        ", ".join(str(status) for status, _h, _b in answers) + f"; member {member_page[0]}",
    )
    stack.redis("start")

    # 6. PostgreSQL stopped, then back.
    stack.postgres("stop")
    down = [get(port, f"{sheet}?base=arretee") for port in (app1, front)]
    health = get(app1, "/sante/")
    french = all(
        status == 503
        and "Le portail revient dans un instant" in body
        and "Traceback" not in body
        and headers.get("Retry-After")
        for status, headers, body in down
    )
    check(
        "PostgreSQL stopped: a French 503 page with Retry-After, never a 500",
        french and health[0] == 503,
        ", ".join(str(status) for status, _h, _b in down) + f"; /sante/ {health[0]}",
    )
    stack.postgres("start")
    start = time.monotonic()
    back = wait_for(lambda: get(app2, f"{sheet}?base=revenue")[0] == 200, 30) and wait_for(
        lambda: get(app1, f"{sheet}?base=revenue-1")[0] == 200, 30
    )
    check(
        "PostgreSQL back: pages answer again by themselves",
        back,
        f"after {time.monotonic() - start:.1f} s",
    )

    # 7. Throughput of anonymous pages through the front cache.
    get(front, sheet)
    command = [
        "wrk",
        "-t2",
        "-c32",
        "-d8s",
        "-H",
        "Host: localhost",
        f"http://127.0.0.1:{front}{sheet}",
    ]
    if shutil.which("wrk"):
        out = subprocess.run(command, capture_output=True, text=True).stdout  # noqa: S603
        rate = re.search(r"Requests/sec:\s+([\d.]+)", out)
        say(
            f"MEASURE anonymous page through the front cache: "
            f"{rate.group(1) if rate else '?'} req/s  ({' '.join(command)})"
        )
    else:
        check("wrk is installed (apt-get install wrk)", False)


def main() -> int:
    stack = Stack()
    try:
        stack.start()
        prove(stack)
    except (subprocess.CalledProcessError, SystemExit) as error:
        detail = getattr(error, "stderr", "") or str(error)
        check("the stack starts", False, detail.strip()[-800:])
        for log in sorted(stack.work.glob("*.log")):
            say(f"--- {log.name}\n{log.read_text()[-1500:]}")
    finally:
        stack.stop()
    say(f"{'All checks passed' if not FAILURES else f'{len(FAILURES)} check(s) failed'}")
    return len(FAILURES)


if __name__ == "__main__":
    sys.exit(main())
