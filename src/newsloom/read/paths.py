"""Expand the command-line inputs (files, folders, glob patterns, ``-``) into sources."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from newsloom.errors import Code
from newsloom.model import Rejection
from newsloom.read.reject import rejection

STDIN_ARG = "-"
STDIN_LABEL = "stdin"
_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True, slots=True)
class Source:
    """One thing to read: a file, or standard input when ``path`` is None."""

    label: str
    path: Path | None = None

    @property
    def name(self) -> str:
        """The file name, lower-cased ('' for stdin): what name-based sniffing looks at."""
        return self.path.name.lower() if self.path else ""

    @property
    def stem(self) -> str:
        """The page id for a one-page file: its name without ``.gz`` and one more suffix."""
        if self.path is None:
            return STDIN_LABEL
        name = self.path.name
        if name.lower().endswith(".gz"):
            name = name[:-3]
        return Path(name).stem or name


def expand_inputs(args: Sequence[str]) -> Iterator[Source | Rejection]:
    """Each argument in order; folders and patterns expand to their files, sorted."""
    for arg in args:
        yield from _expand_one(arg)


def _expand_one(arg: str) -> Iterator[Source | Rejection]:
    if arg == STDIN_ARG:
        yield Source(STDIN_LABEL)
        return
    path = Path(arg)
    if path.is_dir():
        yield from _nonempty(_walk(path), arg, "folder holds no files (hidden files are skipped)")
    elif path.exists():
        yield Source(arg, path)
    elif _GLOB_CHARS.intersection(arg):
        yield from _nonempty(_expand_glob(arg), arg, "pattern matched no files")
    else:
        yield rejection(arg, Code.NOT_FOUND, "no such file or folder")


def _nonempty(
    items: Iterator[Source | Rejection], arg: str, reason: str
) -> Iterator[Source | Rejection]:
    """Pass ``items`` through; one NOT_FOUND rejection for ``arg`` when there are none."""
    found = False
    for item in items:
        found = True
        yield item
    if not found:
        yield rejection(arg, Code.NOT_FOUND, reason)


def _expand_glob(pattern: str) -> Iterator[Source | Rejection]:
    """Matches in sorted order; matched folders are walked; each file once."""
    seen: set[str] = set()
    for match in sorted(glob.glob(pattern, recursive=True)):
        path = Path(match)
        items = _walk(path) if path.is_dir() else iter([Source(match, path)])
        for item in items:
            if isinstance(item, Source):
                if item.label in seen:
                    continue
                seen.add(item.label)
            yield item


def _walk(folder: Path) -> Iterator[Source | Rejection]:
    """Files under ``folder``, depth first, names sorted, hidden names and symlinked folders
    skipped (no loops)."""
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as exc:
        yield rejection(str(folder), Code.UNREADABLE, f"cannot list folder: {exc.strerror}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = folder / entry.name
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(path)
        elif entry.is_file():
            yield Source(str(path), path)
