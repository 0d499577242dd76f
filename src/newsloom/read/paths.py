"""Expand the command-line inputs (files, folders, glob patterns, ``-``) into sources.

Nothing here blocks or stops a run: every folder entry that is not a regular file — a FIFO, a
socket, a device, a symbolic link that points nowhere or loops, a symlinked folder — becomes a
coded rejection instead of being opened (a FIFO would wait forever for a writer). A FIFO, socket
or device given as an argument is refused the same way: standard input is read with ``-``.
"""

from __future__ import annotations

import errno
import glob
import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath

from newsloom.errors import Code
from newsloom.ids import path_id, printable
from newsloom.model import Rejection
from newsloom.read.reject import rejection

STDIN_ARG = "-"
STDIN_LABEL = "stdin"
_GLOB_CHARS = frozenset("*?[")

#: What a non-regular file is, by its mode, for the rejection's reason.
_KINDS = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


@dataclass(frozen=True, slots=True)
class Source:
    """One thing to read: a file, or standard input when ``path`` is None.

    ``label`` is printable (see ``names.printable``); ``relative`` is the file's path relative
    to the argument it was found under, which names its page (``page_id``). ``given_id`` is the
    id asked for on the command line (``--id``, standard input only).
    """

    label: str
    path: Path | None = None
    relative: str = ""
    given_id: str | None = None

    @property
    def name(self) -> str:
        """The file name, lower-cased ('' for stdin): what name-based sniffing looks at."""
        return printable(self.path.name).lower() if self.path else ""

    @property
    def page_id(self) -> str | None:
        """The id of a one-page file (see ``names.path_id``); for stdin the ``--id`` if given,
        else None (the reader then names the page by its content)."""
        if self.path is None:
            return self.given_id
        return path_id(self.relative or self.path.name)


def expand_inputs(
    args: Sequence[str], stdin_id: str | None = None, base: Path | None = None
) -> Iterator[Source | Rejection]:
    """Each argument in order; folders and patterns expand to their files, sorted. With
    ``base``, a file given by itself is named by its path under ``base`` (``a/index``), as it
    would be when ``base`` itself is the argument (``ingest --watch`` names changed files so)."""
    for arg in args:
        yield from _expand_one(arg, stdin_id, base)


def _expand_one(arg: str, stdin_id: str | None, base: Path | None) -> Iterator[Source | Rejection]:
    if arg == STDIN_ARG:
        yield Source(STDIN_LABEL, given_id=stdin_id)
        return
    path = Path(arg)
    label = printable(arg)
    if path.is_dir():
        found = _walk(path, path)
        yield from _nonempty(found, label, "folder holds no files (hidden files are skipped)")
    elif os.path.lexists(arg):
        name = _under(path, base) or path.name
        yield _classify(path, label, name, is_link=path.is_symlink(), argument=True)
    elif _GLOB_CHARS.intersection(arg):
        yield from _nonempty(_expand_glob(arg), label, "pattern matched no files")
    else:
        yield rejection(label, Code.NOT_FOUND, "no such file or folder")


def _under(path: Path, base: Path | None) -> str | None:
    """``path`` relative to ``base`` when it lies under it, else None."""
    if base is None:
        return None
    try:
        return path.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return None


def _nonempty(
    items: Iterator[Source | Rejection], label: str, reason: str
) -> Iterator[Source | Rejection]:
    """Pass ``items`` through; one NOT_FOUND rejection for ``label`` when there are none."""
    found = False
    for item in items:
        found = True
        yield item
    if not found:
        yield rejection(label, Code.NOT_FOUND, reason)


def glob_base(pattern: str) -> Path:
    """The folder a pattern's matches are named relative to: its leading parts without glob
    characters (``crawl/**/*.html`` -> ``crawl``)."""
    parts = PurePath(pattern).parts
    literal: list[str] = []
    for part in parts[:-1]:
        if _GLOB_CHARS.intersection(part):
            break
        literal.append(part)
    return Path(*literal) if literal else Path()


def _expand_glob(pattern: str) -> Iterator[Source | Rejection]:
    """Matches in sorted order; matched folders are walked; each file once."""
    seen: set[str] = set()
    base = glob_base(pattern)
    for match in sorted(glob.glob(pattern, recursive=True)):
        path = Path(match)
        if path.is_dir():
            items: Iterator[Source | Rejection] = _walk(path, base)
        else:
            relative = os.path.relpath(match, base)
            items = iter([_classify(path, printable(match), relative, is_link=path.is_symlink())])
        for item in items:
            if isinstance(item, Source):
                if item.label in seen:
                    continue
                seen.add(item.label)
            yield item


def _walk(folder: Path, base: Path) -> Iterator[Source | Rejection]:
    """Files under ``folder`` in one sorted order of files and folders (``a/b/y.txt`` before
    ``a/z.txt`` before ``b.txt``), hidden names skipped. Iterative, with a stack of open
    listings, so a deep tree cannot exhaust the stack; symlinked folders are reported, not
    followed (no loops)."""
    stack: list[Iterator[os.DirEntry[str]]] = []
    listing = _listing(folder)
    if isinstance(listing, Rejection):
        yield listing
        return
    stack.append(listing)
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        if entry.is_dir(follow_symlinks=False):
            listing = _listing(path)
            if isinstance(listing, Rejection):
                yield listing
            else:
                stack.append(listing)
            continue
        relative = os.path.relpath(path, base)
        yield _classify(path, printable(str(path)), relative, is_link=entry.is_symlink())


def _listing(folder: Path) -> Iterator[os.DirEntry[str]] | Rejection:
    """A folder's entries sorted by name (read at once: the scan is closed before returning)."""
    try:
        with os.scandir(folder) as scan:
            return iter(sorted(scan, key=lambda entry: entry.name))
    except OSError as exc:
        reason = f"cannot list folder: {exc.strerror or exc}"
        return rejection(printable(str(folder)), Code.UNREADABLE, reason)


def _classify(
    path: Path, label: str, relative: str, *, is_link: bool, argument: bool = False
) -> Source | Rejection:
    """A Source for a regular file (or a link to one), else the coded reason it is not read."""
    try:
        info = path.stat()
    except OSError as exc:
        return _unstattable(label, exc, is_link)
    if stat.S_ISREG(info.st_mode):
        return Source(label, path, relative)
    if stat.S_ISDIR(info.st_mode):
        reason = "a symbolic link to a folder: links inside a folder are not followed"
        return rejection(label, Code.NOT_A_FILE, f"{reason} (give the folder as an argument)")
    kind = next((name for test, name in _KINDS if test(info.st_mode)), "not a regular file")
    hint = "; read standard input with -" if argument else ""
    return rejection(label, Code.NOT_A_FILE, f"{kind}, not a regular file{hint}")


def _unstattable(label: str, exc: OSError, is_link: bool) -> Rejection:
    if exc.errno == errno.ELOOP:
        return rejection(label, Code.BROKEN_LINK, "a symbolic link that loops")
    if is_link and exc.errno in (errno.ENOENT, errno.ENOTDIR):
        return rejection(label, Code.BROKEN_LINK, "a symbolic link to a path that does not exist")
    if exc.errno == errno.ENOENT:
        return rejection(label, Code.NOT_FOUND, "no such file or folder")
    return rejection(label, Code.UNREADABLE, f"cannot read it: {exc.strerror or exc}")
