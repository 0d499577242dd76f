"""Reliability under faults: kill -9 rounds, abusive requests, and load while an ingest writes.

    python bench/reliability.py [--rounds 20] [--pages 120] [--requests 600] [--seconds 8]
                                [--connections 8] [--workers 0]

Prints three tables (issue #13's goals beside each figure):

- **kill rounds** — a crawl of generated fictional pages is ingested once without faults (the
  reference); then, each round, a fresh store is ingested and the process killed with SIGKILL at
  a random moment (in a batch, or while grouping), and the same ingest run again. A round
  survives when the store's integrity check says ok, every page is stored once, and the stories
  (their member sets) equal the reference's.
- **abuse** — ``newsloom serve`` on a generated store; hostile requests (absurd windows and
  times, overflowing numbers, traversal ids, control characters, huge query strings, unknown
  methods, uploads to a read-only server, HEAD on every page). Counts 5xx answers and answers
  without the security headers.
- **load** — the same server while ``newsloom ingest`` writes a crawl into the store: each page
  is loaded by ``--connections`` clients (``wrk`` when installed, else Python threads); p50/p95
  latency and 5xx per page.

Only loopback addresses are used. Pages are fictional, written here.
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

GOAL_P95_MS = 100.0
TOWNS = ["Dunmore", "Lisvane", "Port Alder", "Elmfield", "Brackwater", "Tessaly", "Orvik", "Kessel"]
THINGS = ["bridge", "ferry", "school", "clinic", "market", "harbour", "library", "mill"]
OUTLETS = ["Harbor Gazette", "Valley Times", "Meridian Press", "Dunmore Courier"]

ABUSIVE = [
    "/?window=1000000000d", "/?now=0001-01-01", "/?now=9999-12-31T23:59:59",
    "/api/v1/top?now=0001-01-01", "/api/v1/top?window=1e308d", "/api/v1/trending?window=-5h",
    "/api/v1/latest?now=99999-01-01", "/feeds/top.atom?now=0001-01-01",
    "/feeds/top.atom?window=0m", "/stories?page=99999999999999999999", "/stories?page=-1",
    "/stories?from=0001-01-01&to=9999-12-31", "/stories?from=notadate",
    "/api/v1/stories?per_page=100000", "/api/v1/stories?limit=-1", "/search?q=%00%22%22%22",
    "/search?q=" + "a" * 20000, "/search?q=(((((((((((((ferry", "/search?q=NEAR(ferry,%202)",
    "/api/v1/search?q=%22", "/entities?q=%2e%2e%2f%2e%2e", "/articles/..%2F..%2Fetc%2Fpasswd",
    "/articles/%00", "/stories/%2e%2e", "/entities/%ff%fe", "/api/v1/articles/..%2F..",
    "/api/v1/stories/S1/tables/secrets", "/static/../../etc/passwd", "/feeds/entity/%00.atom",
    "/docs?x=" + "%ff" * 1000, "/?" + "&".join(f"k{n}=v" for n in range(2000)),
]  # fmt: skip


def story_page(n: int) -> str:
    town, thing = TOWNS[n % len(TOWNS)], THINGS[(n // len(TOWNS)) % len(THINGS)]
    day = 1 + n % 20
    return (
        f" date 2025-03-{day:02d} {town} {thing} reopens\n"
        f"{town} {thing} reopens after repairs\n\nBy Ann Lee\n\n"
        f"{town.upper()} — The {thing} in {town} reopened on Monday after three weeks of "
        f"repairs, the council said. About {100 + n} residents attended.\n\n"
        f"Mayor Dana Holm said the {thing} would stay open every day. Report {n} for "
        f"{OUTLETS[n % len(OUTLETS)]}.\n"
    )


def write_crawl(folder: Path, pages: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(pages):
        (folder / f"p{n:04d}.txt").write_text(story_page(n), encoding="utf-8")
    return folder


def _ingest_cmd(crawl: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "newsloom", "-q", "ingest", str(crawl), "--db", str(db),
            "--batch-size", "8"]  # fmt: skip


def stories_of(db: Path) -> tuple[str, int, set[frozenset[str]]]:
    with sqlite3.connect(db) as con:
        integrity = str(con.execute("PRAGMA integrity_check").fetchone()[0])
        (n,) = con.execute("SELECT count(*) FROM articles").fetchone()
        rows = con.execute("SELECT story_id, article_id FROM story_articles").fetchall()
    members: dict[str, set[str]] = {}
    for story, article in rows:
        members.setdefault(story, set()).add(article)
    return integrity, int(n), {frozenset(m) for m in members.values()}


def kill_rounds(crawl: Path, pages: int, rounds: int, work: Path, seed: int) -> list[str]:
    """Run the rounds; return one line per failed round (empty: all survived)."""
    reference = work / "reference.db"
    started = time.perf_counter()
    subprocess.run(_ingest_cmd(crawl, reference), check=True, capture_output=True)
    duration = time.perf_counter() - started
    _, _, expected = stories_of(reference)
    rng = random.Random(seed)
    failures = []
    for n in range(rounds):
        db = work / f"round{n}.db"
        delay = rng.uniform(0.2, 0.95) * duration
        proc = subprocess.Popen(_ingest_cmd(crawl, db), stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)  # fmt: skip
        time.sleep(delay)
        killed = proc.poll() is None
        if killed:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        rerun = subprocess.run(_ingest_cmd(crawl, db), capture_output=True, text=True)
        integrity, stored, got = stories_of(db)
        ok = rerun.returncode == 0 and integrity == "ok" and stored == pages and got == expected
        print(f"  round {n + 1:>2}: killed at {delay:5.1f} s ({'in run' if killed else 'after'})"
              f" → {'ok' if ok else 'FAILED'}")  # fmt: skip
        if not ok:
            failures.append(f"round {n + 1}: rc {rerun.returncode}, {integrity}, {stored} pages")
    return failures


# ------------------------------------------------------------------------------ the server


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: Path, port: int, workers: int) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-m", "newsloom", "serve", "--db", str(db), "--port", str(port)]
    if workers:
        cmd += ["--workers", str(workers)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(
                "serve exited: " + (proc.stderr.read() if proc.stderr else b"").decode()
            )
        try:
            status, _ = request(port, "GET", "/api/v1/stats")
            if status == 200:
                return proc
        except OSError:
            time.sleep(0.2)
    raise SystemExit("serve did not start")


def request(port: int, method: str, path: str, body: bytes | None = None,
            headers: dict[str, str] | None = None) -> tuple[int, dict[str, str]]:  # fmt: skip
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        response.read()
        return response.status, {k.lower(): v for k, v in response.getheaders()}
    finally:
        conn.close()


def abuse(port: int, total: int, seed: int) -> tuple[int, int, int]:
    """``(requests, 5xx, answers without the CSP header)``."""
    rng = random.Random(seed)
    plain = ["/", "/stories", "/stories/S1", "/entities", "/search?q=ferry", "/api/v1/stories"]
    sent = errors = bare = 0
    while sent < total:
        kind = rng.random()
        if kind < 0.5:
            method, path, body, hdrs = "GET", rng.choice(ABUSIVE), None, {}
        elif kind < 0.65:
            method, path, body, hdrs = "HEAD", rng.choice(plain + ABUSIVE), None, {}
        elif kind < 0.75:
            method, path, body, hdrs = (
                rng.choice(["PUT", "DELETE", "PATCH", "TRACE"]),
                "/",
                None,
                {},
            )
        elif kind < 0.9:
            body = os.urandom(rng.randint(0, 1 << 16))
            hdrs = {"content-type": "multipart/form-data; boundary=x"}
            method, path = "POST", rng.choice(["/api/v1/pages", "/upload"])
        else:
            noise = "".join(chr(rng.randint(1, 0x2FFF)) for _ in range(rng.randint(1, 40)))
            method, path, body, hdrs = "GET", "/search?q=" + urllib.parse.quote(noise), None, {}
        try:
            status, got = request(port, method, path, body, hdrs)
        except (OSError, http.client.HTTPException):
            status, got = 599, {}
        sent += 1
        errors += status >= 500
        bare += "content-security-policy" not in got
    return sent, errors, bare


def load(port: int, path: str, seconds: float, connections: int) -> tuple[float, float, int, int]:
    """``(p50 ms, p95 ms, requests, 5xx)`` with ``connections`` clients for ``seconds``."""
    times: list[float] = []
    errors = 0
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client() -> None:
        nonlocal errors
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while time.monotonic() < stop:
            t0 = time.perf_counter()
            try:
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                status = 599
            with lock:
                times.append((time.perf_counter() - t0) * 1000)
                errors += status >= 500
        conn.close()

    threads = [threading.Thread(target=client) for _ in range(connections)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    times.sort()
    p95 = times[int(0.95 * (len(times) - 1))] if times else float("nan")
    return (statistics.median(times) if times else float("nan")), p95, len(times), errors


def biggest_story(db: Path) -> str:
    with sqlite3.connect(db) as con:
        row = con.execute("SELECT id FROM stories ORDER BY n_articles DESC, id LIMIT 1").fetchone()
    return str(row[0])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--pages", type=int, default=120)
    parser.add_argument("--requests", type=int, default=600)
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=0, help="serve --workers (0: default)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="newsloom-reliability-"))
    try:
        crawl = write_crawl(work / "crawl", args.pages)
        print(f"kill -9 rounds ({args.pages} pages, batches of 8):")
        failed = kill_rounds(crawl, args.pages, args.rounds, work, args.seed)
        print(f"| kill rounds survived | {args.rounds - len(failed)}/{args.rounds} | goal "
              f"{args.rounds}/{args.rounds} |")  # fmt: skip
        served = work / "served.db"
        subprocess.run(_ingest_cmd(crawl, served), check=True, capture_output=True)
        port = free_port()
        server = start_server(served, port, args.workers)
        try:
            sent, errors, bare = abuse(port, args.requests, args.seed)
            print(f"| abusive requests | {sent} | 5xx {errors} | without security headers "
                  f"{bare} | goal 0 / 0 |")  # fmt: skip
            more = write_crawl(work / "more", args.pages * 2)
            for n, f in enumerate(sorted(more.iterdir())):
                f.rename(more / f"q{n:04d}.txt")
            writer = subprocess.Popen(_ingest_cmd(more, served), stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL)  # fmt: skip
            print(
                f"load with an ingest writing, {args.connections} clients, "
                f"{args.seconds:g} s a page:"
            )
            print("| page | requests | p50 ms | p95 ms | 5xx | goal p95 < 100 ms |")
            print("|---|---|---|---|---|---|")
            story = "/stories/" + urllib.parse.quote(biggest_story(served), safe="")
            for path in ("/", "/stories", story, "/search?q=ferry", "/api/v1/stories",
                         "/api/v1/top", "/feeds/top.atom"):  # fmt: skip
                p50, p95, n, err = load(port, path, args.seconds, args.connections)
                verdict = "ok" if p95 < GOAL_P95_MS and not err else "not met"
                print(f"| `{path}` | {n} | {p50:.1f} | {p95:.1f} | {err} | {verdict} |")
            writer.wait()
        finally:
            server.send_signal(signal.SIGINT)
            server.wait(timeout=30)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
