"""A full regroup through the product's ``newsloom regroup``: wall time and peak memory.

    python bench/regroup_scale.py [--sizes 20000,100000] [--keep DIR]

Each store is built with ``web.fixtures.synthetic_store`` (generated articles of ~150 words in
stories of ~5, dated over the 336 days of 2024, entities, figures; no spaCy), then
``newsloom regroup --db STORE`` runs in a fresh process; the table gives its wall and CPU time
(of the whole process tree: CPU time says more when other work shares the machine), the peak
RSS of all its processes together and of the largest (polled with psutil: the grouping runs in
a second process on a large store), and the stories it wrote. Issue #14's goal for 100,000
articles: ≤ 5 minutes and ≤ 2 GB on the 2-core machine.
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

import psutil

from newsloom.web.fixtures import synthetic_store


def _store(folder: Path, n: int) -> Path:
    path = folder / f"synthetic-{n}.db"
    if not path.exists():
        started = time.perf_counter()
        synthetic_store(path, n)
        print(f"built {path} in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return path


def _regroup(db: Path) -> tuple[float, float, float, float, str]:
    """``newsloom regroup`` in a fresh process: wall s, CPU s of the whole process tree, the
    peak of the tree's summed RSS and of its largest process (MB; the grouping may run in a
    second process, so ``ru_maxrss`` alone would show only the larger one), and what it said."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    root = psutil.Popen(
        [sys.executable, "-m", "newsloom", "regroup", "--db", str(db)],
        stdout=subprocess.PIPE,
        text=True,
    )
    tree_peak = one_peak = 0
    while root.poll() is None:
        total = 0
        for proc in [root, *root.children(recursive=True)]:
            try:
                rss = proc.memory_info().rss
            except psutil.Error:
                continue
            total += rss
            one_peak = max(one_peak, rss)
        tree_peak = max(tree_peak, total)
        time.sleep(0.2)
    wall = time.perf_counter() - started
    said = root.stdout.read().strip() if root.stdout else ""
    if root.returncode:
        raise SystemExit(f"newsloom regroup failed ({root.returncode})")
    # every descendant is waited for (the grouping process by the regroup, the regroup here):
    # their CPU is all in RUSAGE_CHILDREN, each counted once
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    total_cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall, total_cpu, tree_peak / 2**20, one_peak / 2**20, said


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="20000,100000")
    parser.add_argument("--keep", type=Path, help="folder to keep the built stores in")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="newsloom-regroup-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print("| articles | wall s | CPU s | peak RSS MB, all processes / largest | result |")
    print("|---:|---:|---:|---:|---|")
    for n in (int(s) for s in args.sizes.split(",")):
        wall, cpu, tree, one, said = _regroup(_store(folder, n))
        print(f"| {n:,} | {wall:.0f} | {cpu:.0f} | {tree:,.0f} / {one:,.0f} | {said} |", flush=True)


if __name__ == "__main__":
    main()
