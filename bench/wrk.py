"""Drives wrk (C, event loop: cheap in CPU beside the server) with bench/wrk.lua over a plan of
steps, and reads back what it logged: requests per second, p50/p95/p99, errors, cache hits, and
the CPU that the generator, the server and everything else used meanwhile."""

import contextlib
import os
import re
import shutil
import subprocess
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

LUA = Path(__file__).resolve().parent / "wrk.lua"
TIMEOUT_S = 10
MISSING = (
    "bench: wrk is not installed. It is the bench's load generator: install it with "
    "`apt-get install wrk` (Debian, Ubuntu) or `brew install wrk` (macOS)."
)
SOCKET_ERRORS = re.compile(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")
TICK = os.sysconf("SC_CLK_TCK")


def executable() -> str:
    path = shutil.which("wrk")
    if not path:
        raise SystemExit(MISSING)
    return path


def awaken(url: str) -> None:
    """Requests the home page from both workers: each one's first request loads the code it
    needs, seconds on a busy machine, which no run should count."""

    def ask(_number):
        with contextlib.suppress(urllib.error.HTTPError):  # it answered
            urllib.request.urlopen(url, timeout=120).read()  # noqa: S310 - our own server

    with ThreadPoolExecutor(4) as pool:
        list(pool.map(ask, range(8)))


def machine_busy() -> tuple[float, float]:
    """(busy, total) CPU seconds of the machine since boot, all cores, from /proc/stat."""
    fields = [int(value) for value in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
    total = sum(fields[:8])
    idle = fields[3] + fields[4]
    return (total - idle) / TICK, total / TICK


def process_cpu(pids) -> float:
    """CPU seconds of these processes and their children, from /proc (0 for gone ones)."""
    seconds = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        seconds += sum(int(value) for value in fields[11:15]) / TICK  # utime stime cutime cstime
    return seconds


def run(
    url: str,
    steps: list[tuple],
    *,
    connections: int,
    duration: float,
    workdir: Path,
    server_pids=(),
) -> dict:
    """Plays `steps` (dealt in turn to `connections` threads of one connection each) against
    `url` for `duration` seconds; returns the figures of every kind of step and of them all."""
    workdir.mkdir(parents=True, exist_ok=True)
    for old in workdir.glob("*.*"):
        old.unlink()
    connections = max(1, min(connections, len(steps)))
    for number in range(connections):
        lines = ("\t".join(step) for step in steps[number::connections])
        (workdir / f"plan.{number}").write_text("\n".join(lines) + "\n")
    command = [
        executable(), f"-t{connections}", f"-c{connections}", f"-d{max(1, round(duration))}s",
        f"--timeout={TIMEOUT_S}s", f"-s{LUA}", url, "--",
        str(workdir / "plan"), str(workdir / "log"),
    ]  # fmt: skip
    pids = list(server_pids)
    busy_before, total_before = machine_busy()
    server_before = process_cpu(pids)
    started = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)  # noqa: S603
    _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.monotonic() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    output = process.stdout.read()
    process.stdout.close()
    if process.returncode:
        raise SystemExit(f"bench: wrk failed ({process.returncode}):\n{output}")
    busy_after, total_after = machine_busy()
    generator = usage.ru_utime + usage.ru_stime
    server = process_cpu(pids) - server_before
    busy = busy_after - busy_before
    cores = os.cpu_count() or 1
    seconds = round(duration)
    result = figures(read_logs(workdir, connections), seconds)
    match = SOCKET_ERRORS.search(output)
    socket_errors = sum(map(int, match.groups())) if match else 0
    result["all"]["socket_errors"] = socket_errors
    result["all"]["timeouts"] = int(match.group(4)) if match else 0
    result["all"]["errors"] += socket_errors
    result["cpu"] = {
        # Shares of the machine (all cores) over the run: what the generator, the server and
        # everything else (PostgreSQL, other work on the machine) used.
        "generator_pct": round(100 * generator / (elapsed * cores), 1),
        "server_pct": round(100 * server / (elapsed * cores), 1) if pids else None,
        "other_pct": round(100 * (busy - generator - server) / (elapsed * cores), 1),
        "idle_pct": round(100 * (1 - busy / ((total_after - total_before) or 1)), 1),
    }
    return result


def read_logs(workdir: Path, connections: int) -> list[tuple]:
    rows = []
    for number in range(connections):
        log = workdir / f"log.{number}"
        if not log.exists():
            continue
        for line in log.read_text().splitlines():
            fields = line.split("\t")
            if len(fields) == 4:
                rows.append((fields[0], int(fields[1]), float(fields[2]), fields[3].lower()))
    return rows


def percentile(values: list[float], share: float):
    if not values:
        return None
    return round(values[min(len(values) - 1, int(share * len(values)))], 1)


def summary(rows: list[tuple], seconds: float) -> dict:
    latencies = sorted(row[2] for row in rows if row[1])
    errors = sum(1 for _kind, status, _ms, _cache in rows if not 200 <= status < 400)
    # A POST answered with its form again (400; 503: the database too busy): the write was
    # refused (too fast, invalid). Counted among the errors too.
    refused = sum(
        1 for kind, status, _ms, _cache in rows if kind.endswith(":post") and status in (400, 503)
    )
    hits = sum(1 for row in rows if row[3] == "hit")
    misses = sum(1 for row in rows if row[3] == "miss")
    return {
        "requests": len(rows),
        "rps": round(len(rows) / seconds, 1),
        "p50_ms": percentile(latencies, 0.50),
        "p95_ms": percentile(latencies, 0.95),
        "p99_ms": percentile(latencies, 0.99),
        "errors": errors,
        "refused": refused,
        "hit_rate": round(hits / (hits + misses), 3) if hits + misses else None,
    }


def figures(rows: list[tuple], seconds: float) -> dict:
    kinds = {}
    for row in rows:
        kinds.setdefault(row[0], []).append(row)
    return {
        "all": summary(rows, seconds),
        "reads": summary([row for row in rows if not row[0].endswith(":post")], seconds),
        "writes": summary([row for row in rows if row[0].endswith(":post")], seconds),
        "kinds": {kind: summary(group, seconds) for kind, group in sorted(kinds.items())},
    }
