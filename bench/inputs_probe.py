"""Hostile inputs through ``newsloom ingest``, one process each: exit code, time, peak memory,
and what became of every input (issue #13's reliability probe, generated here at run time).

    python bench/inputs_probe.py [--timeout 120] [--only NAME ...] [--keep DIR]

Goal (#13): no crash (exit 1), no hang, every good page stored once, every bad input a coded
rejection, no input over 30 s or 1 GB. Each case runs ``python -m newsloom ingest`` in a fresh
process on a fresh store; time is wall-clock, memory the process's peak RSS (``wait4``).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

GOAL_SECONDS = 30.0
GOAL_MB = 1024.0

PARAS = [
    "The harbour council of Port Avel voted on Tuesday to open a new ferry line to the islands.",
    "Officials said the first crossing would run in June, weather allowing, twice a day.",
    "Residents of the islands welcomed the news at a meeting on Wednesday evening.",
]


def page(n: int, extra: str = "") -> str:
    body = "".join(f"<p>{p} Report {n}.</p>" for p in PARAS)
    return f"<html><head><title>Ferry {n}</title></head><body><h1>Ferry {n}</h1>{body}{extra}"


@dataclass(frozen=True, slots=True)
class Case:
    name: str
    make: Callable[[Path], list[str]]  # writes the input under the folder; returns the args
    good: int  # good pages it holds
    stdin: str | None = None


def _loop(root: Path) -> list[str]:
    (root / "good.html").write_text(page(1))
    (root / "loop").symlink_to("loop")
    return [str(root)]


def _bad_name(root: Path) -> list[str]:
    (root / "good.html").write_text(page(1))
    with open(os.path.join(os.fsencode(root), b"bad\xff.html"), "w") as f:
        f.write(page(2))
    return [str(root)]


def _jsonl(root: Path, *lines: str) -> list[str]:
    (root / "p.jsonl").write_text("\n".join(lines) + "\n")
    return [str(root / "p.jsonl")]


def _surrogate(root: Path) -> list[str]:
    bad = json.dumps({"id": "b", "url": "https://x.example/b", "html": page(2)})
    bad = bad.replace("x.example", "x\\ud800.example")
    return _jsonl(root, json.dumps({"id": "a", "html": page(1)}), bad)


def _nul_id(root: Path) -> list[str]:
    return _jsonl(root, json.dumps({"id": "a\u0000b", "html": page(1)}), '{"id": "c", "text": ""}')


def _same_stem(root: Path) -> list[str]:
    for folder, n in (("a", 1), ("b", 2)):
        (root / folder).mkdir()
        (root / folder / "index.html").write_text(page(n))
    return [str(root)]


def _attributes(root: Path) -> list[str]:
    attrs = " ".join(f'a{i}="v{i}"' for i in range(200_000))
    (root / "big.html").write_text(page(1, f"<div {attrs}><p>{PARAS[0]}</p></div>"))
    return [str(root)]


def _nested(root: Path) -> list[str]:
    first, last = json.dumps({"id": "a", "html": page(1)}), json.dumps({"id": "c", "html": page(3)})
    return _jsonl(root, first, "[" * 100_000 + "]" * 100_000, last)


def _fifo_arg(root: Path) -> list[str]:
    os.mkfifo(root / "pipe")
    return [str(root / "pipe")]


def _specials(root: Path) -> list[str]:
    (root / "good.html").write_text(page(1))
    os.mkfifo(root / "pipe")
    (root / "gone").symlink_to(root / "nowhere")
    (root / "sub").mkdir()
    (root / "sub" / "x.html").write_text(page(2))
    (root / "linked").symlink_to(root / "sub")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(root / "sock"))  # left bound for the run; the folder is removed after
    return [str(root)]


def _chrome_only(root: Path) -> list[str]:
    nav = "<nav><a href='/'>Home</a> <a href='/w'>World</a> <a href='/s'>Sport</a></nav>"
    banner = "<div id='consent'><p>We use cookies to improve your experience.</p></div>"
    (root / "nav.html").write_text(f"<html><body>{nav}<div>Advertisement</div>{banner}</body>")
    return [str(root)]


def _not_pages(root: Path) -> list[str]:
    (root / "README.md").write_text("# Crawl\n\nFetched in March.\n")
    (root / "answers.json").write_text(json.dumps({"events": [{"id": "E1"}]}, indent=1))
    log = "\n".join(f"2025-03-04 10:00:{s:02d},1 INFO fetched {s}" for s in range(20))
    (root / "crawl.log").write_text(log)
    (root / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (root / "page.html").write_text(page(1))
    return [str(root)]


def _many_lines(root: Path) -> list[str]:
    lines = "\n".join(f"Menu item {i}" for i in range(200_000))
    (root / "lines.txt").write_text(f" date 2025-03-04 Title\n{lines}\n")
    return [str(root)]


def _many_elements(root: Path) -> list[str]:
    (root / "elements.html").write_text(page(1, "<span>x</span>" * 500_000))
    return [str(root)]


def _stdin(root: Path) -> list[str]:
    return ["-"]


CASES = [
    Case("symlink loop", _loop, 1),
    Case("non-UTF-8 name", _bad_name, 2),
    Case("JSONL \\ud800", _surrogate, 2),
    Case("JSONL id with NUL", _nul_id, 0),
    Case("a/index + b/index", _same_stem, 2),
    Case("200k attributes", _attributes, 1),
    Case("nested JSONL line", _nested, 2),
    Case("FIFO argument", _fifo_arg, 0),
    Case("FIFO, socket, links", _specials, 2),
    Case("chrome only", _chrome_only, 0),
    Case("not pages", _not_pages, 1),
    Case("200k text lines", _many_lines, 0),
    Case("500k elements", _many_elements, 0),
    Case("stdin", _stdin, 1, stdin=page(9)),
]


@dataclass(slots=True)
class Outcome:
    code: int | None
    seconds: float
    mb: float
    articles: int
    rejected: dict[str, int]


def run(case: Case, folder: Path, timeout: float) -> Outcome:
    root = folder / "in"
    root.mkdir()
    args = case.make(root)
    db = folder / "n.db"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    command = [sys.executable, "-m", "newsloom", "ingest", *args, "--db", str(db)]
    started = time.monotonic()
    proc = subprocess.Popen(
        command,
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
        start_new_session=True,
    )
    if proc.stdin is not None:
        proc.stdin.write((case.stdin or "").encode())
        proc.stdin.close()
    code, mb = _wait(proc, timeout)
    seconds = time.monotonic() - started
    articles, rejected = _contents(db)
    return Outcome(code, seconds, mb, articles, rejected)


def _wait(proc: subprocess.Popen[bytes], timeout: float) -> tuple[int | None, float]:
    """Exit code (None: killed at the timeout) and peak RSS in MB, from ``wait4``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            proc.returncode = os.waitstatus_to_exitcode(status)
            return proc.returncode, usage.ru_maxrss / 1024
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    _, _, usage = os.wait4(proc.pid, 0)
    proc.returncode = -9
    return None, usage.ru_maxrss / 1024


def _contents(db: Path) -> tuple[int, dict[str, int]]:
    if not db.exists():
        return 0, {}
    import sqlite3

    with sqlite3.connect(db) as conn:
        articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        rows = conn.execute("SELECT code, count(*) FROM rejections GROUP BY code").fetchall()
    return int(articles), {str(code): int(n) for code, n in rows}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--only", nargs="*", default=None)
    args = parser.parse_args(argv)
    cases = [c for c in CASES if not args.only or c.name in args.only]
    print(f"{'input':<22} {'exit':>4} {'s':>6} {'MB':>6} {'good':>9}  rejections")
    failures = 0
    for case in cases:
        with tempfile.TemporaryDirectory() as tmp:
            out = run(case, Path(tmp), args.timeout)
        crashed = out.code in (None, 1) or out.code < 0
        over = out.seconds > GOAL_SECONDS or out.mb > GOAL_MB
        lost = out.articles != case.good
        failures += crashed or over or lost
        codes = ", ".join(f"{code} x{n}" for code, n in sorted(out.rejected.items()))
        shown = "hang" if out.code is None else str(out.code)
        mark = "  <-- FAIL" if crashed or over or lost else ""
        print(
            f"{case.name:<22} {shown:>4} {out.seconds:>6.1f} {out.mb:>6.0f} "
            f"{out.articles:>4}/{case.good:<4}  {codes}{mark}"
        )
    print(
        f"\n{len(cases) - failures} of {len(cases)} inputs meet the goal "
        f"(no crash or hang, good pages kept, <= {GOAL_SECONDS:.0f} s, <= {GOAL_MB:.0f} MB)"
    )
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
