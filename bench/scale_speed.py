"""Every core, then Dask: end-to-end ingest with 1 and 2 workers and on a Dask LocalCluster,
beside spaCy's own ``nlp.pipe`` on the same clean bodies in the same run.

    python bench/scale_speed.py --source ../shared/evaldata/seb/html [--pages 300]

The pages under ``--source`` are repeated to ``--pages`` files, each copy with a unique line
(``ingest_speed.build_corpus``). Each path runs ``newsloom ingest`` in a fresh process into a
fresh store: wall time (model loading and worker start-up included), CPU time of the process and
all its workers (``RUSAGE_CHILDREN``), pages/s, and the peak RSS of its largest process.
spaCy alone is ``nlp.pipe`` with newsloom's pipeline over the bodies the first store holds, in
this process (CPU time). Then the stores are compared: the same articles and the same stories on
every path, or the bench says so. The load average is printed: other work on the machine makes
every figure slower.

Issue #15's goals: CPU time ≤ 1.15 × spaCy's alone; 2 workers ≥ 1.8 × the speed of 1; the
Dask LocalCluster within 10% of ``--workers 2``.
"""

from __future__ import annotations

import argparse
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ingest_speed import build_corpus
from newsloom.annotate import load_nlp
from newsloom.config import Settings

PATHS = (
    ("--workers 1", ["--workers", "1"]),
    ("--workers 2", ["--workers", "2"]),
    ("--cluster local:2", ["--cluster", "local:2"]),
)


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_ingest(folder: Path, db: Path, how: list[str]) -> tuple[float, float, float]:
    """Wall and CPU seconds of one ``newsloom ingest`` in a fresh process, and the peak RSS
    (MB) of the largest process it ran: the writer or one worker (``ru_maxrss`` is the
    maximum over the children, so run one size per call to compare sizes)."""
    script = (
        "import resource, subprocess, sys\n"
        "subprocess.run(sys.argv[1:], check=False, stdout=subprocess.DEVNULL)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    command = [sys.executable, "-m", "newsloom", "-q", "ingest", "--db", str(db), *how]
    cpu, started = _cpu(), time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", script, *command, str(folder)],
        check=False,
        capture_output=True,
        text=True,
    )
    peak = int(done.stdout.strip().splitlines()[-1]) / 1024
    return time.perf_counter() - started, _cpu() - cpu, peak


def snapshot(db: Path) -> tuple[list[tuple[str, str]], list[tuple[str, ...]]]:
    with sqlite3.connect(db) as conn:
        articles = sorted(conn.execute("SELECT id, data FROM articles"))
        rows = conn.execute("SELECT story_id, article_id FROM story_articles ORDER BY 1, 2")
        stories: dict[str, list[str]] = {}
        for story, article in rows:
            stories.setdefault(story, []).append(article)
    return articles, sorted(tuple(m) for m in stories.values())


def spacy_alone(db: Path) -> tuple[float, int, int]:
    """CPU seconds of ``nlp.pipe`` over the stored bodies; how many bodies and words."""
    with sqlite3.connect(db) as conn:
        bodies = [str(b) for (b,) in conn.execute("SELECT body FROM articles ORDER BY id")]
    nlp = load_nlp(Settings().spacy_models)
    list(nlp.pipe(bodies[:8]))  # warm up
    started = time.process_time()
    for _ in nlp.pipe(bodies, batch_size=64):
        pass
    return time.process_time() - started, len(bodies), sum(len(b.split()) for b in bodies)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, required=True)
    parser.add_argument("--pages", type=int, default=300)
    args = parser.parse_args()
    print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        distinct = build_corpus(args.source, args.pages, folder)
        results = []
        for label, how in PATHS:
            db = Path(tmp) / f"{label.split()[-1].replace(':', '')}.db"
            wall, cpu, peak = run_ingest(folder, db, how)
            results.append((label, wall, cpu, peak, snapshot(db)))
        t_spacy, n, words = spacy_alone(Path(tmp) / "1.db")
    print(f"load average after: {os.getloadavg()[0]:.1f}")
    print(f"\n{args.pages} files from {distinct} distinct pages; {n} articles, {words:,} words\n")
    print("| path | wall s | pages/s | CPU s | CPU / spaCy's | speed-up | peak RSS MB |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    base = results[0][1]
    for label, wall, cpu, peak, _ in results:
        print(f"| ingest {label} | {wall:.1f} | {n / wall:.2f} | {cpu:.1f} | "
              f"{cpu / t_spacy:.2f} | {base / wall:.2f} | {peak:,.0f} |")  # fmt: skip
    print(f"| spaCy nlp.pipe alone (newsloom's pipeline) | | {n / t_spacy:.2f} | {t_spacy:.1f} "
          "| 1.00 | | |")  # fmt: skip
    first = results[0][4]
    for label, _, _, _, got in results[1:]:
        articles = "same" if got[0] == first[0] else "DIFFERENT"
        stories = "same" if got[1] == first[1] else "DIFFERENT"
        print(f"\n{label} vs --workers 1: articles {articles}, stories {stories} "
              f"({len(got[1])} stories)")  # fmt: skip


if __name__ == "__main__":
    main()
