"""A small keep-alive HTTP load generator, run in its own process by `bench.run`.

Reads a plan (JSON) on standard input and writes one result per run (JSON) on standard output.
Each run sends GET requests to one path from `concurrency` threads, each with its own
connection, until `duration` seconds have passed or `max_requests` were sent.
"""

import http.client
import json
import statistics
import sys
import threading
import time


def measure(host, port, path, *, cookie, concurrency, duration, max_requests) -> dict:
    headers = {"Cookie": cookie} if cookie else {}
    lock = threading.Lock()
    sent = 0
    latencies: list[float] = []
    errors: list[int] = []

    def client():
        nonlocal sent
        connection = http.client.HTTPConnection(host, port, timeout=30)
        mine, failed = [], 0
        while True:
            with lock:
                if sent >= max_requests or time.monotonic() >= deadline:
                    break
                sent += 1
            started = time.perf_counter()
            try:
                connection.request("GET", path, headers=headers)
                response = connection.getresponse()
                response.read()
                failed += response.status != 200
            except (OSError, http.client.HTTPException):
                failed += 1
                connection.close()
            mine.append(time.perf_counter() - started)
        connection.close()
        with lock:
            latencies.extend(mine)
            errors.append(failed)

    threads = [threading.Thread(target=client) for _ in range(concurrency)]
    started = time.monotonic()
    deadline = started + duration
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    cuts = statistics.quantiles(latencies * 2, n=100, method="inclusive") if latencies else []
    percentile = {p: round(cuts[p - 1] * 1000, 2) if cuts else None for p in (50, 95, 99)}
    return {
        "requests": len(latencies),
        "errors": sum(errors),
        "rps": round(len(latencies) / elapsed, 1),
        "p50_ms": percentile[50],
        "p95_ms": percentile[95],
        "p99_ms": percentile[99],
    }


def main() -> None:
    plan = json.load(sys.stdin)
    results = []
    for run in plan["runs"]:
        # Warm-up: fills the caches and the workers' imports before measuring.
        measure(
            plan["host"],
            plan["port"],
            run["path"],
            cookie=run["cookie"],
            concurrency=1,
            duration=plan["duration"],
            max_requests=plan["warmup"],
        )
        result = measure(
            plan["host"],
            plan["port"],
            run["path"],
            cookie=run["cookie"],
            concurrency=run["concurrency"],
            duration=plan["duration"],
            max_requests=plan["max_requests"],
        )
        results.append({**run, **result, "cookie": None})
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
