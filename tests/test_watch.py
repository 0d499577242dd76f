"""`ingest --watch DIR`: new and changed files are ingested once settled, named as a plain
ingest of the folder names them; a killed watcher started again completes the store."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsloom.watch import Watcher, watch

PAGE = (
    "{town} ferry strike ends after {n} days\n\nBy Ann Lee\n\n"
    "The ferry strike in {town} ended on Monday after {n} days, the union and the operator "
    "said after talks that ran late into Sunday night. Crossings resume on Tuesday.\n"
)


def test_a_file_is_ingested_once_settled_and_again_when_it_changes(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    first = tmp_path / "sub" / "a.txt"
    first.write_text("one")
    (tmp_path / ".hidden").write_text("skipped")
    watcher = Watcher(tmp_path)
    assert watcher.settled_changes() == []  # seen once: maybe still being written
    assert watcher.settled_changes() == [first]
    watcher.mark_done([first])
    assert watcher.settled_changes() == []  # nothing new
    first.write_text("one, longer now")
    assert watcher.settled_changes() == []  # changed: wait for it to settle
    assert watcher.settled_changes() == [first]


def test_watch_loop_calls_ingest_with_settled_files(tmp_path: Path) -> None:
    calls: list[list[str]] = []
    (tmp_path / "a.txt").write_text("a")

    def sleep(_: float) -> None:
        if len(calls) == 1 and not (tmp_path / "b.txt").exists():
            (tmp_path / "b.txt").write_text("b")

    watch(tmp_path, lambda files: calls.append([f.name for f in files]), 0.0, rounds=5,
          sleep=sleep)  # fmt: skip
    assert calls == [["a.txt"], ["b.txt"]]


def _count(db: Path) -> tuple[int, list[str]]:
    with sqlite3.connect(db) as con:
        ids = sorted(r[0] for r in con.execute("SELECT id FROM articles"))
    return len(ids), ids


@pytest.mark.slow
def test_watch_through_the_cli(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl"
    (crawl / "day1").mkdir(parents=True)
    (crawl / "day1" / "p1.txt").write_text(PAGE.format(town="Dunmore", n=3))
    db = tmp_path / "w.db"
    cmd = [sys.executable, "-m", "newsloom", "ingest", "--watch", str(crawl), "--db", str(db),
           "--interval", "0.5"]  # fmt: skip
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while not (db.exists() and _safe_count(db) >= 1) and time.monotonic() < deadline:
            time.sleep(0.3)
        (crawl / "day2").mkdir()
        (crawl / "day2" / "p2.txt").write_text(PAGE.format(town="Lisvane", n=5))
        while _safe_count(db) < 2 and time.monotonic() < deadline:
            time.sleep(0.3)
    finally:
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert _count(db) == (2, ["day1/p1", "day2/p2"])  # named as `ingest crawl/` names them
    assert "stopped" in out


def _safe_count(db: Path) -> int:
    try:
        return _count(db)[0]
    except sqlite3.Error:
        return 0


def test_watch_needs_one_folder(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from newsloom.cli import Exit, app

    (tmp_path / "a.txt").write_text("x")
    result = CliRunner().invoke(app, ["ingest", "--watch", str(tmp_path / "a.txt"),
                                      "--db", str(tmp_path / "w.db")])  # fmt: skip
    assert result.exit_code == Exit.USAGE
