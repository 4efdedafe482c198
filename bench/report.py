"""The budgets of issue 14 (and the memory and indexing ones of issue 7), and the Markdown
report: each figure beside its budget."""

MAX_QUERIES = 10
FIRST_REQUEST_S = 1.0
PAGE_P95_MS = 100
PEER_RATIO = 2.0
MIXED_RPS = 150
MIXED_P95_MS = 250
WRITES_SHARE = 0.70
WRITES_P95_MS = 300
WORKER_MB = 250
INDEX_SECONDS = 300
BAKERY_PAGES = ("sheet", "video", "tool", "step", "sheet index", "video index", "tool index")
MACHINA_PAGES = ("topic, first page", "topic, later page", "space list")


def budgets(report: dict) -> list[dict]:
    """Rows of (figure, value, budget, ok); ok is None when the figure was not measured."""
    checks = []

    def check(what, value, budget, ok):
        checks.append(
            {"what": what, "value": value, "budget": budget, "ok": None if value is None else ok}
        )

    for row in report["queries"]:
        label = f"{row['name']} ({row['who']})"
        check(f"{label}: SQL queries, caches off", row["queries"], f"≤ {MAX_QUERIES}",
              row["queries"] <= MAX_QUERIES and row["status"] == 200)  # fmt: skip
        if report["meta"]["database"] == "sqlite3":
            check(f"{label}: first request, caches off", row["seconds"],
                  f"≤ {FIRST_REQUEST_S:g} s", row["seconds"] <= FIRST_REQUEST_S)  # fmt: skip
    errors = 0
    for row in report["pages"]:
        label = f"{row['name']} ({row['who']})"
        cold = row.get("cold", {})
        errors += cold.get("errors", 0) + row.get("warm", {}).get("errors", 0)
        if not row["name"].startswith("search"):
            p95 = cold.get("p95_ms")
            check(
                f"{label}: p95, caches off", p95, f"≤ {PAGE_P95_MS} ms", (p95 or 0) <= PAGE_P95_MS
            )
        if row["name"] in BAKERY_PAGES + MACHINA_PAGES:
            ratio = peer_ratio(row, "cold")
            peer = row.get("peer", {}).get("name") or (
                "bakerydemo" if row["name"] in BAKERY_PAGES else "machina"
            )
            check(f"{label}: req/s ÷ {peer}'s, caches off", ratio, f"≥ {PEER_RATIO:g}",
                  (ratio or 0) >= PEER_RATIO)  # fmt: skip
    if report["pages"]:
        check("page runs: errors (non-2xx/3xx, timeouts)", errors, "0", errors == 0)
        rss = max(row.get("worker_rss_mb", 0) for row in report["pages"])
        check("worker RSS (max)", rss, f"≤ {WORKER_MB} MB", rss <= WORKER_MB)
    mixed = report["mixed"]
    if mixed:
        reads, writes = mixed["reads"], mixed["writes"]
        check("mixed, reads only: req/s", reads["all"]["rps"], f"≥ {MIXED_RPS}",
              reads["all"]["rps"] >= MIXED_RPS)  # fmt: skip
        check("mixed, reads only: p95", reads["all"]["p95_ms"], f"≤ {MIXED_P95_MS} ms",
              (reads["all"]["p95_ms"] or 0) <= MIXED_P95_MS)  # fmt: skip
        check("mixed, reads only: errors", reads["all"]["errors"], "0", not reads["all"]["errors"])
        share = round(writes["reads"]["rps"] / reads["all"]["rps"], 2) if reads["all"]["rps"] else 0
        check("mixed, 10 % writes: reads/s ÷ reads only", share, f"≥ {WRITES_SHARE:g}",
              share >= WRITES_SHARE)  # fmt: skip
        check("mixed, 10 % writes: p95", writes["all"]["p95_ms"], f"≤ {WRITES_P95_MS} ms",
              (writes["all"]["p95_ms"] or 0) <= WRITES_P95_MS)  # fmt: skip
        check(
            "mixed, 10 % writes: errors", writes["all"]["errors"], "0", not writes["all"]["errors"]
        )
    if report.get("update_index_s") is not None:
        seconds = report["update_index_s"]
        check("full update_index", seconds, f"≤ {INDEX_SECONDS} s", seconds <= INDEX_SECONDS)
    return checks


def peer_ratio(row: dict, state: str):
    mine, theirs = row.get(state, {}).get("rps"), row.get("peer", {}).get(state, {}).get("rps")
    return round(mine / theirs, 2) if mine is not None and theirs else None


def show(value, unit: str = "") -> str:
    return "n/a" if value is None else f"{value}{unit}"


def rate(value) -> str:
    return "n/a" if value is None else f"{100 * value:.0f} %"


def header(report: dict) -> list[str]:
    meta = report["meta"]
    sessions = ", ".join(f"{count} {name}" for name, count in meta["sessions"].items())
    urls = ", ".join(f"{count} {name}" for name, count in meta["distinct_urls"].items())
    peers = "; ".join(f"{name}: {status}" for name, status in meta["peers"].items())
    return [
        "# Bloc local benchmark",
        "",
        f"{meta['date']} · commit {meta['commit']} · {meta['database']} · search: "
        f"{meta['search']} · {meta['cpus']} CPUs · gunicorn 2 sync workers · wrk · load average "
        f"at the end {', '.join(f'{value:.1f}' for value in meta['load'])}",
        "",
        "Data: " + ", ".join(f"{value} {name}" for name, value in meta["sizes"].items()) + ".",
        f"Sessions made ahead: {sessions}. Distinct URLs: {urls}, and distinct search queries.",
        f"Peers: {peers}.",
        "",
        f"generate_data: {show(report.get('generate_data_s'), ' s')} · "
        f"update_index: {show(report.get('update_index_s'), ' s')}",
        "",
    ]


def pages_table(report: dict) -> list[str]:
    meta = report["meta"]
    queries = {(row["name"], row["who"]): row for row in report["queries"]}
    lines = [
        f"## Page types: caches off, then on ({meta['connections']} connections, "
        f"{meta['duration']:g} s each; warm after {meta['warmup']:g} s of warm-up)",
        "",
        "| page | visitor | SQL | first | off: req/s | p50 | p95 | p99 | err | on: req/s | p50 | "
        "p95 | err | hits | peer page | peer off | ratio | peer on | ratio | wrk CPU |",
        "|" + "---|" * 20,
    ]
    for row in report["pages"]:
        cold, warm, peer = row.get("cold", {}), row.get("warm", {}), row.get("peer", {})
        sample = queries.get((row["name"], row["who"]), {})
        cpu = max(run.get("cpu", {}).get("generator_pct", 0) for run in (cold, warm))
        lines.append(
            f"| {row['name']} | {row['who']} | {show(sample.get('queries'))} | "
            f"{show(sample.get('seconds'), ' s')} | {show(cold.get('rps'))} | "
            f"{show(cold.get('p50_ms'))} | {show(cold.get('p95_ms'))} | "
            f"{show(cold.get('p99_ms'))} | {show(cold.get('errors'))} | {show(warm.get('rps'))} | "
            f"{show(warm.get('p50_ms'))} | {show(warm.get('p95_ms'))} | "
            f"{show(warm.get('errors'))} | {rate(warm.get('hit_rate'))} | "
            f"{peer.get('name', 'not measured')} | {show(peer.get('cold', {}).get('rps'))} | "
            f"{show(peer_ratio(row, 'cold'))} | {show(peer.get('warm', {}).get('rps'))} | "
            f"{show(peer_ratio(row, 'warm'))} | {cpu} % |"
        )
    lines += [
        "",
        "Latencies in ms. SQL and first: one request through Django's test client, caches off "
        "(the first of its page type in the process). hits: share of the responses carrying "
        "`X-Cache` that said `hit` (n/a: the server sends no such header). Ratios: the "
        "portal's req/s over the peer's. wrk CPU: the generator's share of the machine (all "
        "cores), the larger of the two runs.",
        "",
    ]
    return lines


def mixed_table(report: dict) -> list[str]:
    meta, mixed = report["meta"], report["mixed"]
    lines = [
        f"## Mixed run ({meta['mixed_connections']} connections, {meta['mixed_duration']:g} s "
        "each, caches on, uniform over the data, half anonymous, half members)",
        "",
        "| run | req/s | reads/s | writes/s | p50 | p95 | p99 | errors | timeouts | refused | "
        "hits | wrk CPU | server CPU | other CPU | idle |",
        "|" + "---|" * 15,
    ]
    for name, title in (("reads", "reads only"), ("writes", "10 % writes")):
        run = mixed[name]
        total, cpu = run["all"], run["cpu"]
        lines.append(
            f"| {title} | {total['rps']} | {run['reads']['rps']} | {run['writes']['rps']} | "
            f"{show(total['p50_ms'])} | {show(total['p95_ms'])} | {show(total['p99_ms'])} | "
            f"{total['errors']} | {total['timeouts']} | {total['refused']} | "
            f"{rate(total['hit_rate'])} | {cpu['generator_pct']} % | "
            f"{show(cpu['server_pct'], ' %')} | "
            f"{cpu['other_pct']} % | {cpu['idle_pct']} % |"
        )
    lines += [
        "",
        "| kind | reads only: req/s | p50 | p95 | errors | with writes: req/s | p50 | p95 | "
        "errors | refused |",
        "|" + "---|" * 10,
    ]
    reads, writes = mixed["reads"]["kinds"], mixed["writes"]["kinds"]
    for kind in sorted(set(reads) | set(writes)):
        a, b = reads.get(kind, {}), writes.get(kind, {})
        lines.append(
            f"| {kind} | {show(a.get('rps'))} | {show(a.get('p50_ms'))} | "
            f"{show(a.get('p95_ms'))} | {show(a.get('errors'))} | {show(b.get('rps'))} | "
            f"{show(b.get('p50_ms'))} | {show(b.get('p95_ms'))} | {show(b.get('errors'))} | "
            f"{show(b.get('refused'))} |"
        )
    lines += [
        "",
        "A write is the GET of its form (counted among the reads, by its kind) and its POST "
        "(`:post`). refused: a POST answered with its form again (400: too fast or invalid; "
        "503: database busy), counted among the errors too. CPU: "
        "shares of the machine during the run; other: PostgreSQL and whatever else ran.",
        "",
    ]
    return lines


def markdown(report: dict) -> str:
    lines = header(report)
    if report["pages"]:
        lines += pages_table(report)
    if report["mixed"]:
        lines += mixed_table(report)
    lines += ["## Budgets", "", "| figure | value | budget | |", "|---|---|---|---|"]
    for item in report["checks"]:
        mark = {True: "pass", False: "**FAIL**", None: "not measured"}[item["ok"]]
        lines.append(f"| {item['what']} | {show(item['value'])} | {item['budget']} | {mark} |")
    failed = sum(item["ok"] is False for item in report["checks"])
    missing = sum(item["ok"] is None for item in report["checks"])
    lines += [
        "",
        f"{len(report['checks']) - failed - missing} budgets met, {failed} missed, "
        f"{missing} not measured.",
        "",
    ]
    return "\n".join(lines)
