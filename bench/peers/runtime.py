"""How a peer runs: its virtualenv, database, environment, scripts, gunicorn (see bench.peers)."""

import contextlib
import ctypes
import hashlib
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
STATE = ROOT / "bench" / ".peers"  # venvs, caches, static and media files: never committed
PYTHON = os.environ.get("BENCH_PEERS_PYTHON") or sys.executable
START_TIMEOUT = 60
PR_SET_PDEATHSIG = 1  # linux/prctl.h


def python_reason() -> str | None:
    """Why the peers' virtualenvs cannot be made with PYTHON, or None."""
    try:
        version = subprocess.run(  # noqa: S603 - our own command line
            [PYTHON, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError) as error:
        return f"cannot run {PYTHON} ({error}); set BENCH_PEERS_PYTHON to a Python 3.11"
    if version != "3.11":
        return f"{PYTHON} is Python {version}; the peers' pins are for 3.11 (BENCH_PEERS_PYTHON)"
    return None


def bakerydemo_checkout() -> Path | None:
    value = os.environ.get("BENCH_BAKERYDEMO")
    return Path(value).resolve() if value else None


def bakerydemo_reason() -> str | None:
    checkout = bakerydemo_checkout()
    if checkout is None:
        return "BENCH_BAKERYDEMO is not set (a wagtail/bakerydemo checkout: bench/peers/README.md)"
    if not (checkout / "bakerydemo" / "settings" / "production.py").is_file():
        return f"BENCH_BAKERYDEMO={checkout} is not a checkout of wagtail/bakerydemo"
    return None


def with_database(url: str, name: str) -> str:
    """``url`` with its database name replaced by ``name``."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", "", ""))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_answering(server: subprocess.Popen, port: int) -> None:
    """Returns once the server answers an HTTP request (any status), raises if it died."""
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"peers: gunicorn exited with {server.returncode}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5):  # noqa: S310
                return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.2)
    stop(server)
    raise RuntimeError(f"peers: gunicorn did not answer within {START_TIMEOUT} s")


def stop(server: subprocess.Popen) -> None:
    if server.poll() is None:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


class PeerRuntime:
    """One peer's files, database and processes."""

    def __init__(self, name: str, database_url: str, progress):
        self.name = name
        self.database_url = with_database(database_url, f"peer_{name}")
        self.progress = progress
        self.folder = HERE / name  # our files for this peer: requirements, host, scripts
        self.state = STATE / name
        self.venv = self.state / "venv"
        self.python = self.venv / "bin" / "python"
        if name == "bakerydemo":
            self.cwd = bakerydemo_checkout()
            self.path = [self.cwd, self.folder]
            self.settings = "bakery_host.settings"
            self.wsgi = "bakerydemo.wsgi"
        else:
            self.cwd = self.folder
            self.path = [self.folder]
            self.settings = "forum_host.settings"
            self.wsgi = "forum_host.wsgi"

    # Installation

    def requirements_digest(self) -> str:
        return hashlib.sha256((self.folder / "requirements.txt").read_bytes()).hexdigest()

    def installed(self) -> bool:
        stamp = self.venv / ".bench-requirements"
        return stamp.is_file() and stamp.read_text() == self.requirements_digest()

    def install(self) -> None:
        """The virtualenv with the pinned requirements, unless it has them already."""
        if self.installed():
            return
        STATE.mkdir(parents=True, exist_ok=True)
        # The folder ignores itself, so nothing it holds is ever committed.
        (STATE / ".gitignore").write_text("*\n")
        started = time.monotonic()
        self.progress(f"peers: {self.name}: virtualenv {self.venv}")
        self.run([PYTHON, "-m", "venv", "--clear", str(self.venv)])
        pip = [str(self.python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
        self.run([*pip, "--upgrade", "pip"])
        self.progress(f"peers: {self.name}: pip install -r {self.folder / 'requirements.txt'}")
        self.run([*pip, "--requirement", str(self.folder / "requirements.txt")])
        (self.venv / ".bench-requirements").write_text(self.requirements_digest())
        self.progress(f"peers: {self.name}: installed in {time.monotonic() - started:.0f} s")

    def create_database(self) -> None:
        import psycopg

        name = urlsplit(self.database_url).path.lstrip("/")
        with (
            contextlib.closing(
                psycopg.connect(with_database(self.database_url, "postgres"), autocommit=True)
            ) as connection,
            connection.cursor() as cursor,
        ):
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            if cursor.fetchone() is None:
                self.progress(f"peers: {self.name}: CREATE DATABASE {name}")
                cursor.execute(f'CREATE DATABASE "{name}"')

    # Processes

    def secret_key(self) -> str:
        """Kept between runs: the member's session, made ahead, is signed with it."""
        path = self.state / "secret-key"
        if not path.is_file():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(secrets.token_urlsafe(40))
        return path.read_text()

    def environment(self, caches: bool = True) -> dict:
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("DJANGO_", "VIRTUAL_ENV", "PYTHON"))
        }
        env.update(
            DJANGO_SETTINGS_MODULE=self.settings,
            DJANGO_SECRET_KEY=self.secret_key(),
            DATABASE_URL=self.database_url,
            PYTHONPATH=os.pathsep.join(str(path) for path in self.path),
            PEER_STATE=str(self.state),
            PEER_CACHES="1" if caches else "0",
            SECURE_SSL_REDIRECT="false",
            DJANGO_ALLOWED_HOSTS="127.0.0.1",
            PYTHONDONTWRITEBYTECODE="1",
        )
        return env

    def run(self, command: list, capture: bool = False, caches: bool = True) -> str:
        result = subprocess.run(  # noqa: S603 - our own command lines
            [str(part) for part in command],
            cwd=self.cwd,
            env=self.environment(caches),
            check=True,
            text=True,
            stdout=subprocess.PIPE if capture else None,
        )
        return result.stdout or ""

    def manage(self, *args: str) -> None:
        manage = self.cwd / "manage.py"
        self.run([self.python, manage, *args])

    def script(self, name: str, *args: str, capture: bool = False) -> str:
        """Runs bench/peers/<peer>/<name>.py in the peer's virtualenv."""
        return self.run([self.python, self.folder / f"{name}.py", *args], capture=capture)

    def gunicorn(self, port: int, caches: bool = True) -> subprocess.Popen:
        """The same command line as the portal's (bench/run.py)."""
        command = [
            self.python,
            "-m",
            "gunicorn",
            self.wsgi,
            "--workers=2",
            f"--bind=127.0.0.1:{port}",
            "--log-level=warning",
            "--timeout=60",
        ]
        return subprocess.Popen(  # noqa: S603 - our own command line
            [str(part) for part in command],
            cwd=self.cwd,
            env=self.environment(caches),
            preexec_fn=die_with_parent,
        )


def die_with_parent() -> None:
    """In the server's process before it starts: a bench killed before it could stop the server
    takes the server with it, rather than leave it loading the shared machine."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
