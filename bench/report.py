"""The benchmark's budgets and its Markdown report."""

WORKER_MB = 250
INDEX_SECONDS = 300
MAX_QUERIES = 10


def budgets(
    runs: list[dict], *, search_p95: float, rss_mb: float, index_s: float | None
) -> list[dict]:
    """Every budget of issue 7, as (figure, value, budget, ok) rows."""
    checks = []

    def check(what, value, budget, ok):
        checks.append(
            {"what": what, "value": value, "budget": budget, "ok": value is not None and ok}
        )

    for run in runs:
        label = f"{run['name']} ({run['who']})"
        # The budget holds for what nearly every request finds: the caches filled. The first
        # request after a change (cold, in the table) fills them.
        queries = run["queries_cached"]
        check(f"{label}: SQL queries, cached", queries, f"≤ {MAX_QUERIES}", queries <= MAX_QUERIES)
        c1, c8 = run["c1"], run["c8"]
        check(f"{label}: errors", c1["errors"] + c8["errors"], "0", not c1["errors"] + c8["errors"])
        if run["kind"] == "resource":
            check(f"{label}: p50, 1 client", c1["p50_ms"], "≤ 10 ms", (c1["p50_ms"] or 0) <= 10)
            check(f"{label}: req/s, 8 clients", c8["rps"], "≥ 200", c8["rps"] >= 200)
        elif run["kind"] == "home":
            check(f"{label}: req/s, 8 clients", c8["rps"], "≥ 180", c8["rps"] >= 180)
        elif run["kind"] == "topic":
            check(f"{label}: req/s, 8 clients", c8["rps"], "≥ 150", c8["rps"] >= 150)
        elif run["kind"] == "search":
            check(
                f"{label}: p95, 1 client",
                c1["p95_ms"],
                f"≤ {search_p95:g} ms",
                (c1["p95_ms"] or 0) <= search_p95,
            )
    check("worker RSS (max)", rss_mb, f"≤ {WORKER_MB} MB", rss_mb <= WORKER_MB)
    if index_s is not None:
        check("full update_index", index_s, f"≤ {INDEX_SECONDS} s", index_s <= INDEX_SECONDS)
    return checks


def seconds(value, otherwise: str) -> str:
    return otherwise if value is None else f"{value} s"


def markdown(report: dict) -> str:
    meta = report["meta"]
    lines = [
        "# Bloc local benchmark",
        "",
        f"{meta['date']} · {meta['database']} · search: {meta['search']} · "
        f"{meta['cpus']} CPUs · gunicorn 2 sync workers · {meta['duration']} s per run",
        "",
        "Data: " + ", ".join(f"{value} {name}" for name, value in meta["sizes"].items()) + ".",
        "",
        f"generate_data: {seconds(report.get('generate_data_s'), 'not run (data was there)')} · "
        f"update_index: {seconds(report.get('update_index_s'), 'not run')} · "
        f"worker RSS (max): {report['worker_rss_mb']} MB",
        "",
        "| page | visitor | SQL cold/cached | first request | req/s 1 client | p50 | p95 | p99 | "
        "req/s 8 clients | p50 | p95 | p99 |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for run in report["runs"]:
        c1, c8 = run["c1"], run["c8"]
        lines.append(
            f"| {run['name']} | {run['who']} | {run['queries']}/{run['queries_cached']} | "
            f"{run['first_request_s']} s | "
            f"{c1['rps']} | {c1['p50_ms']} | {c1['p95_ms']} | {c1['p99_ms']} | "
            f"{c8['rps']} | {c8['p50_ms']} | {c8['p95_ms']} | {c8['p99_ms']} |"
        )
    lines += [
        "",
        "Latencies in ms. First request: before the load, with the caches another page left.",
        "",
        "## Budgets",
        "",
        "| figure | value | budget | |",
        "|---|---|---|---|",
    ]
    for item in report["checks"]:
        mark = "pass" if item["ok"] else "**FAIL**"
        lines.append(f"| {item['what']} | {item['value']} | {item['budget']} | {mark} |")
    failed = sum(not item["ok"] for item in report["checks"])
    lines += ["", f"{len(report['checks']) - failed} budgets met, {failed} missed.", ""]
    return "\n".join(lines)
