"""The exceptions the read stage raises on purpose, and how they become a ``Rejection``."""

from __future__ import annotations

from newsloom.errors import Code
from newsloom.ids import printable
from newsloom.model import Rejection


class ReadError(Exception):
    """One input (a file, a JSONL line, a WARC record) cannot become a page."""

    def __init__(self, code: Code, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


class TruncatedStream(Exception):
    """A compressed stream ends early or is corrupt part-way through.

    Deliberately not an ``EOFError``: warcio takes an ``EOFError`` for the clean end of an
    archive and would hide the break.
    """


def rejection(input_: str, code: Code, reason: str) -> Rejection:
    """A ``Rejection`` whose input and reason print on one line and encode as UTF-8 (a file
    name need not be UTF-8, an error message may quote it)."""
    return Rejection(input=printable(input_), code=code.value, reason=printable(one_line(reason)))


def one_line(text: str) -> str:
    """Collapse whitespace (newlines included) so a reason prints on one line."""
    return " ".join(text.split())


def over_cap(what: str, cap: int) -> ReadError:
    """TOO_LARGE for content that went past the cap while streaming (full size unknown)."""
    return ReadError(Code.TOO_LARGE, f"{what} exceeds the {cap:,}-byte cap")


def plural(count: int, noun: str) -> str:
    """``1 record``, ``2 records``, ``1,204 records``."""
    return f"{count:,} {noun}{'' if count == 1 else 's'}"
