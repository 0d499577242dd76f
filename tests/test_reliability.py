"""Faults in CI, bounded: kill -9 at random moments (in a batch or while grouping) and a rerun
equals an uninterrupted run; a server under load from eight clients while an ingest writes
into its store answers no 5xx. (``bench/reliability.py`` runs the long version.)"""

from __future__ import annotations

import http.client
import os
import random
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

TOWNS = ["Dunmore", "Lisvane", "Port Alder", "Elmfield", "Brackwater", "Tessaly"]
THINGS = ["bridge", "ferry", "school", "clinic", "market", "harbour"]


def _page(n: int) -> str:
    town, thing = TOWNS[n % len(TOWNS)], THINGS[(n // len(TOWNS)) % len(THINGS)]
    return (
        f" date 2025-03-{1 + n % 20:02d} {town} {thing} reopens\n"
        f"{town} {thing} reopens after repairs\n\nBy Ann Lee\n\n"
        f"{town.upper()} — The {thing} in {town} reopened on Monday after three weeks of "
        f"repairs, the council said. About {100 + n} residents attended.\n\n"
        f"Mayor Dana Holm said the {thing} would stay open every day. Report {n}.\n"
    )


def _crawl(folder: Path, pages: int, prefix: str = "p") -> Path:
    folder.mkdir()
    for n in range(pages):
        (folder / f"{prefix}{n:03d}.txt").write_text(_page(n), encoding="utf-8")
    return folder


def _cmd(crawl: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "newsloom", "-q", "ingest", str(crawl), "--db", str(db),
            "--batch-size", "8"]  # fmt: skip


def _integrity(db: Path) -> str:
    with sqlite3.connect(db) as con:
        return str(con.execute("PRAGMA integrity_check").fetchone()[0])


def _state(db: Path) -> tuple[str, int, set[frozenset[str]]]:
    with sqlite3.connect(db) as con:
        integrity = con.execute("PRAGMA integrity_check").fetchone()[0]
        (n,) = con.execute("SELECT count(*) FROM articles").fetchone()
        rows = con.execute("SELECT story_id, article_id FROM story_articles").fetchall()
    members: dict[str, set[str]] = {}
    for story, article in rows:
        members.setdefault(story, set()).add(article)
    return integrity, n, {frozenset(m) for m in members.values()}


def test_kill_rounds_rerun_equals_an_uninterrupted_run(tmp_path: Path) -> None:
    pages = 48
    crawl = _crawl(tmp_path / "crawl", pages)
    started = time.perf_counter()
    subprocess.run(_cmd(crawl, tmp_path / "ref.db"), check=True, capture_output=True)
    duration = time.perf_counter() - started
    _, _, expected = _state(tmp_path / "ref.db")
    rng = random.Random(3)
    for n, share in enumerate((0.35, 0.7, 0.92)):  # early batches, late batches, grouping
        db = tmp_path / f"r{n}.db"
        proc = subprocess.Popen(_cmd(crawl, db), stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)  # fmt: skip
        time.sleep(share * duration * rng.uniform(0.9, 1.1))
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        if db.exists():  # killed before its schema was written, a store may hold no table yet
            assert _integrity(db) == "ok"
        rerun = subprocess.run(_cmd(crawl, db), capture_output=True, text=True)
        assert rerun.returncode == 0, rerun.stderr
        assert _state(db) == ("ok", pages, expected), f"round {n}"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(port: int, path: str) -> tuple[int, bool]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        response.read()
        return response.status, response.getheader("content-security-policy") is not None
    finally:
        conn.close()


def test_no_server_error_under_load_while_an_ingest_writes(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    subprocess.run(_cmd(_crawl(tmp_path / "first", 24), db), check=True, capture_output=True)
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "newsloom", "serve", "--db", str(db), "--port", str(port),
         "--workers", "2"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if _get(port, "/api/v1/stats")[0] == 200:
                    break
            except OSError:
                pass
            assert server.poll() is None and time.monotonic() < deadline, "serve did not start"
            time.sleep(0.3)
        writer = subprocess.Popen(_cmd(_crawl(tmp_path / "more", 40, "q"), db),
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        answers: list[tuple[int, bool]] = []
        lock = threading.Lock()
        paths = ["/", "/stories", "/search?q=ferry", "/api/v1/stories", "/api/v1/top",
                 "/feeds/top.atom", "/entities"]  # fmt: skip

        def client(n: int) -> None:
            stop = time.monotonic() + 6
            while time.monotonic() < stop:
                got = _get(port, paths[n % len(paths)])
                with lock:
                    answers.append(got)
                n += 1

        threads = [threading.Thread(target=client, args=(n,)) for n in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert writer.wait(timeout=600) in (0, 3)
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=30)
    assert answers and all(status < 500 for status, _ in answers)
    assert all(has_csp for _, has_csp in answers)
    assert _state(db)[1] == 64
