"""Page ids and printable labels: what a page is called, from where it was found.

A page's id is unique and stable: the page's URL when the input gives one (a WARC target URI,
a JSONL ``url`` when the line has no ``id``), an explicit id (a JSONL ``id``, ``--id`` for
standard input), else the path of its file relative to the argument it was found under, without
the known page extensions (``crawl/`` holding ``a/index.html`` gives ``a/index``). Never the
bare file stem: two ``index.html`` files in one crawl are two pages.

File names are bytes on POSIX and need not be UTF-8; labels and ids made from them escape what
cannot be printed (``bad\\xff.html``), so a name never stops a run or a write to the store.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import PurePath

#: Suffixes dropped from a path to make a page id (after ``.gz``): the page formats the read
#: stage knows. Any other suffix stays part of the id (``story.php`` stays ``story.php``).
PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml", ".txt", ".text")
#: Longest id accepted from an input (JSONL ``id``, URL, ``--id``). URLs of news pages are well
#: under 300 characters; a longer "id" is a mistake in the input, not a page's name.
MAX_ID_CHARS = 2000
#: Digest characters in the id of a page read from standard input without ``--id``.
CONTENT_ID_CHARS = 16
#: Separator of the number that makes a repeated id distinct within one run (``a~2``).
REPEAT_SEP = "~"

#: Unicode categories that cannot stand in an id: controls (NUL, newline...), lone surrogates,
#: unassigned code points. Format characters (soft hyphen, zero-width joiner) are allowed.
_BAD_CATEGORIES = frozenset({"Cc", "Cs", "Cn"})
_SURROGATES = re.compile("[\ud800-\udfff]")
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def printable(text: str) -> str:
    """``text`` with controls and lone surrogates escaped (``\\n``, ``\\xff``): safe to print on
    one line and to encode as UTF-8. A byte that ``surrogateescape`` kept from a non-UTF-8 file
    name shows as that byte."""
    return _CONTROLS.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a raw byte of a file name (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if code > 0xFF:
        return f"\\u{code:04x}"
    return f"\\x{code:02x}"


def scrub(text: str) -> str:
    """Page text safe for every later stage: lone surrogates (a JSON ``\\ud800`` escape) and
    NUL become U+FFFD, as an HTML parser does with NUL."""
    return _SURROGATES.sub("\ufffd", text).replace("\x00", "\ufffd")


def id_problem(value: str) -> str | None:
    """Why ``value`` cannot be a page id, or None when it can."""
    if not value:
        return "is empty"
    if len(value) > MAX_ID_CHARS:
        return f"is {len(value):,} characters long (at most {MAX_ID_CHARS:,})"
    bad = next((c for c in value if unicodedata.category(c) in _BAD_CATEGORIES), None)
    if bad is not None:
        return f"holds the character U+{ord(bad):04X}, which an id cannot hold"
    return None


def path_id(relative: PurePath | str) -> str:
    """The id of a one-page file from its path relative to the argument: POSIX separators,
    ``.gz`` and one known page suffix dropped, unprintable characters escaped."""
    parts = PurePath(relative).parts
    text = "/".join(p for p in parts if p not in ("", ".")) or str(relative)
    if text.lower().endswith(".gz"):
        text = text[:-3]
    for suffix in PAGE_SUFFIXES:
        if text.lower().endswith(suffix) and len(text) > len(suffix):
            text = text[: -len(suffix)]
            break
    return printable(text)


def repeated_id(page_id: str, taken: set[str] | dict[str, str]) -> str:
    """The first of ``page_id~2``, ``page_id~3``, ... that is not ``taken``."""
    n = 2
    while f"{page_id}{REPEAT_SEP}{n}" in taken:
        n += 1
    return f"{page_id}{REPEAT_SEP}{n}"


def content_id(digest: str) -> str:
    """The id of a stdin page named by its content: the same page piped twice is one page,
    two different pages are two (``stdin-<first 16 hex of its sha256>``)."""
    return f"stdin-{digest[:CONTENT_ID_CHARS]}"
