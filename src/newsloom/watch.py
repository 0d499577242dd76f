"""``newsloom ingest --watch DIR``: follow a crawler's output folder, ingesting new and changed
files as they appear.

Every ``interval`` seconds the folder is listed (hidden names skipped, as ``ingest`` does) and
each file's size and modification time compared with the last listing. A file is ingested once
it is *settled* — the same size and time on two listings in a row — so a page the crawler is
still writing is not read half-written. Files are named by their path under the folder, exactly
as ``ingest DIR`` names them, so watching and a plain ingest agree on every page id.

Crash-safe as ingest is: the watcher keeps nothing but the last listing in memory. Killed and
started again, it lists the folder afresh; pages the store already holds are skipped by their
digest before any language processing.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger("newsloom.watch")

#: Seconds between two listings of the folder.
DEFAULT_INTERVAL = 5.0

Signature = tuple[int, int]  # size, mtime in ns


def listing(folder: Path) -> dict[Path, Signature]:
    """Every regular file under ``folder`` (hidden names and links skipped) with its size and
    modification time; entries that vanish while listed are left out."""
    found: dict[Path, Signature] = {}
    for path in _files(folder):
        try:
            st = path.stat()
        except OSError:
            continue
        found[path] = (st.st_size, st.st_mtime_ns)
    return found


def _files(folder: Path) -> Iterator[Path]:
    stack = [folder]
    while stack:
        current = stack.pop()
        try:
            entries = list(os.scandir(current))
        except OSError:
            continue
        for entry in sorted(entries, key=lambda e: e.name):
            if entry.name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=False):
                stack.append(Path(entry.path))
            elif entry.is_file(follow_symlinks=False):
                yield Path(entry.path)


@dataclass(slots=True)
class Watcher:
    """What changed since the last look, and which of it has settled."""

    folder: Path
    done: dict[Path, Signature] = field(default_factory=dict)
    seen: dict[Path, Signature] = field(default_factory=dict)

    def settled_changes(self) -> list[Path]:
        """Files new or changed since they were last ingested, unchanged since the previous
        listing (so not being written right now), in name order."""
        now = listing(self.folder)
        ready = [
            path
            for path, sig in now.items()
            if self.done.get(path) != sig and self.seen.get(path) == sig
        ]
        self.seen = now
        return sorted(ready)

    def mark_done(self, paths: list[Path]) -> None:
        for path in paths:
            if path in self.seen:
                self.done[path] = self.seen[path]


def watch(
    folder: Path,
    ingest_files: Callable[[list[Path]], None],
    interval: float = DEFAULT_INTERVAL,
    rounds: int | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> None:
    """Ingest ``folder``'s settled new and changed files every ``interval`` seconds, for ever
    (or ``rounds`` listings, for tests). ``ingest_files`` does the work (the CLI's ingest with
    the folder as the base that names the pages)."""
    watcher = Watcher(folder)
    n = 0
    while rounds is None or n < rounds:
        ready = watcher.settled_changes()
        if ready:
            log.info("%d new or changed files in %s", len(ready), folder)
            ingest_files(ready)
            watcher.mark_done(ready)
        n += 1
        if rounds is None or n < rounds:
            sleep(interval)
