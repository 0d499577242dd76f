"""Latency of the web UI with a large store: p50/p95 of the front page, stories, search, feeds.

    python bench/web_latency.py --articles 100000 --duration 10

Builds (once, then reuses) a store of synthetic fictional articles written straight with
``Store.write_batch`` + ``replace_stories`` (no spaCy), starts ``newsloom serve`` in a
subprocess on 127.0.0.1, and loads each page from a second process: Debian's ``wrk`` when it
is installed, else a Python loop of keep-alive connections. Prints a table beside the goal
(p95 < 100 ms). Only loopback addresses are used.
"""

from __future__ import annotations

import argparse
import http.client
import json
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from newsloom.web.fixtures import synthetic_store

GOAL_P95_MS = 100.0

_WRK_LUA = """
done = function(summary, latency, requests)
  io.write(string.format("NEWSLOOM %d %d %.3f %.3f %d\\n", summary.requests,
    summary.duration, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout))
end
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get_json(base: str, path: str) -> dict[str, object]:
    with urllib.request.urlopen(base + path, timeout=30) as r:  # loopback only
        return dict(json.loads(r.read()))


def _wait(base: str, proc: subprocess.Popen[bytes], timeout: float) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if proc.poll() is not None:
            detail = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
            raise SystemExit(f"newsloom serve exited early:\n{detail}")
        try:
            _get_json(base, "/api/v1/stats")
            return time.perf_counter() - start
        except OSError:
            time.sleep(0.2)
    raise SystemExit("newsloom serve did not start")


def _wrk(
    url: str, duration: int, connections: int, threads: int
) -> tuple[int, float, float, float, int]:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
        f.write(_WRK_LUA)
    cmd = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "-s", f.name, url]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    Path(f.name).unlink()
    line = next(x for x in out.splitlines() if x.startswith("NEWSLOOM "))
    n, micros, p50, p95, errors = line.split()[1:]
    return int(n), int(n) / (int(micros) / 1e6), float(p50), float(p95), int(errors)


def _python_load(url: str, duration: int, connections: int) -> tuple[int, float, float, float, int]:
    """The fallback: ``connections`` threads, each one keep-alive connection, for ``duration``."""
    parts = urllib.request.urlparse(url)
    path = parts.path + ("?" + parts.query if parts.query else "")
    times: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop = time.perf_counter() + duration

    def worker() -> None:
        conn = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=30)
        mine: list[float] = []
        while time.perf_counter() < stop:
            t0 = time.perf_counter()
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            mine.append((time.perf_counter() - t0) * 1000)
            if response.status != 200:
                errors[0] += 1
        conn.close()
        with lock:
            times.extend(mine)

    workers = [threading.Thread(target=worker) for _ in range(connections)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    q = statistics.quantiles(times, n=100)
    return len(times), len(times) / duration, q[49], q[94], errors[0]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per page")
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--db", type=Path, default=None, help="store to build or reuse")
    parser.add_argument("--python-load", action="store_true", help="use the Python loop, not wrk")
    args = parser.parse_args()

    db = args.db or Path(tempfile.gettempdir()) / f"newsloom-bench-web-{args.articles}.db"
    if not db.exists():
        t0 = time.perf_counter()
        synthetic_store(db, args.articles)
        print(f"built {db} with {args.articles:,} articles in {time.perf_counter() - t0:.1f} s")
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    cmd = [sys.executable, "-m", "newsloom", "serve", "--db", str(db), "--port", str(port)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        startup = _wait(base, proc, timeout=600)
        stats = _get_json(base, "/api/v1/stats")["stats"]
        print(f"server ready in {startup:.1f} s (builds or checks the web index); {stats}")
        _run(base, args)
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _run(base: str, args: argparse.Namespace) -> None:
    typical = _get_json(base, "/api/v1/stories?per_page=1&page=500")["stories"]
    largest = _get_json(base, "/api/v1/stories?per_page=1&sort=size")["stories"]
    assert isinstance(typical, list) and isinstance(largest, list)
    targets = [
        ("front page", "/"),
        ("front page, 7d window", "/?window=7d"),
        ("stories list", "/stories"),
        ("stories, filtered", "/?outlet=Outlet+C3&sort=size"),
        ("story page (typical)", f"/stories/{typical[0]['id']}"),
        ("story page (largest)", f"/stories/{largest[0]['id']}"),
        ("search", "/search?q=holloway"),
        ("API story", f"/api/v1/stories/{typical[0]['id']}"),
        ("API top", "/api/v1/top"),
        ("API trending, 7d", "/api/v1/trending?window=7d"),
        ("feed top", "/feeds/top.atom"),
        ("feed latest", "/feeds/latest.atom"),
        ("feed entity", "/feeds/entity/ana-holm.atom"),
    ]
    use_wrk = shutil.which("wrk") is not None and not args.python_load
    tool = (
        f"wrk -t{args.threads} -c{args.connections} -d{args.duration}s"
        if use_wrk
        else (f"Python loop, {args.connections} keep-alive connections, {args.duration} s")
    )
    print(f"load: {tool}; goal p95 < {GOAL_P95_MS:.0f} ms\n")
    print(
        f"{'page':<22} {'requests':>9} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'errors':>6}  goal"
    )
    for name, path in targets:
        for _ in range(20):  # warm the caches
            urllib.request.urlopen(base + path, timeout=30).read()
        if use_wrk:
            n, rps, p50, p95, errors = _wrk(
                base + path, args.duration, args.connections, args.threads
            )
        else:
            n, rps, p50, p95, errors = _python_load(base + path, args.duration, args.connections)
        ok = "ok" if p95 < GOAL_P95_MS else "MISSED"
        print(f"{name:<22} {n:>9,} {rps:>7.0f} {p50:>7.1f} {p95:>7.1f} {errors:>6}  {ok}   {path}")


if __name__ == "__main__":
    main()
