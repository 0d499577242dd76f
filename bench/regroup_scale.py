"""A full regroup through the product's ``newsloom regroup``: wall time and peak memory.

    python bench/regroup_scale.py [--sizes 20000,100000] [--keep DIR]

Each store is built with ``web.fixtures.synthetic_store`` (generated articles of ~150 words in
stories of ~5, dated over the 336 days of 2024, entities, figures; no spaCy), then
``newsloom regroup --db STORE`` runs in a fresh process; the table gives its wall and CPU time
(CPU time says more when other work shares the machine), its peak RSS (``ru_maxrss`` of the
child), and the stories it wrote. Issue #14's goal for 100,000 articles: ≤ 5 minutes and
≤ 2 GB on the 2-core machine.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from newsloom.web.fixtures import synthetic_store


def _store(folder: Path, n: int) -> Path:
    path = folder / f"synthetic-{n}.db"
    if not path.exists():
        started = time.perf_counter()
        synthetic_store(path, n)
        print(f"built {path} in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return path


def _regroup(db: Path) -> tuple[float, float, float, str]:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    before, cpu = usage.ru_maxrss, usage.ru_utime + usage.ru_stime
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "newsloom", "regroup", "--db", str(db)],
        capture_output=True,
        text=True,
        check=True,
    )
    wall = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak, cpu = usage.ru_maxrss, usage.ru_utime + usage.ru_stime - cpu
    if peak <= before:
        print("warning: peak RSS not above an earlier child's; run one size per call",
              file=sys.stderr)  # fmt: skip
    return wall, cpu, peak / 1024, proc.stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="20000,100000")
    parser.add_argument("--keep", type=Path, help="folder to keep the built stores in")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="newsloom-regroup-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print("| articles | wall s | CPU s | peak RSS MB | result |")
    print("|---:|---:|---:|---:|---|")
    for n in (int(s) for s in args.sizes.split(",")):
        wall, cpu, peak, said = _regroup(_store(folder, n))
        print(f"| {n:,} | {wall:.0f} | {cpu:.0f} | {peak:,.0f} | {said} |", flush=True)


if __name__ == "__main__":
    main()
