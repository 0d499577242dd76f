"""Stable rejection codes.

A code, once published, keeps its meaning: scripts and stored rejections rely on it. Add new
codes at the end of a family; never renumber.
"""

from __future__ import annotations

from enum import StrEnum


class Code(StrEnum):
    """Why an input did not become an article."""

    NOT_FOUND = "NL-READ-001"
    NOT_TEXT = "NL-READ-002"
    UNDECODABLE = "NL-READ-003"
    EMPTY = "NL-READ-004"
    TOO_LARGE = "NL-READ-005"
    TRUNCATED = "NL-READ-006"
    MALFORMED_LINE = "NL-READ-007"
    UNSUPPORTED = "NL-READ-008"
    UNREADABLE = "NL-READ-009"
    NOT_A_PAGE = "NL-READ-010"
    NOT_A_FILE = "NL-READ-011"
    BROKEN_LINK = "NL-READ-012"
    NO_ARTICLE_TEXT = "NL-CLEAN-001"
    CLEAN_FAILED = "NL-CLEAN-002"
    ANNOTATE_FAILED = "NL-ANNOTATE-001"
    OVER_TIME = "NL-BUDGET-001"
    OVER_MEMORY = "NL-BUDGET-002"
    STORE_FAILED = "NL-STORE-001"


#: One plain sentence per code, for docs and for ``newsloom rejections --codes``.
DESCRIPTIONS: dict[Code, str] = {
    Code.NOT_FOUND: "the path does not exist or matched nothing",
    Code.NOT_TEXT: "binary content, not text or markup",
    Code.UNDECODABLE: "not UTF-8 or any declared or detectable encoding",
    Code.EMPTY: "empty input, or nothing but whitespace",
    Code.TOO_LARGE: "larger than the configured size cap (--max-bytes)",
    Code.TRUNCATED: "compressed file or archive ends early",
    Code.MALFORMED_LINE: "JSONL line that is not a JSON object with an id and html or text",
    Code.UNSUPPORTED: "a format newsloom does not read, or an archive with no HTML pages",
    Code.UNREADABLE: "the file could not be read (permissions, I/O error)",
    Code.NOT_A_PAGE: "a document that is not a web page: Markdown, JSON data, a log, code",
    Code.NOT_A_FILE: "not a regular file (a FIFO, socket or device), or a symlinked folder "
    "inside a folder",
    Code.BROKEN_LINK: "a symbolic link that points nowhere or loops",
    Code.NO_ARTICLE_TEXT: "the page holds no article text once the page chrome is removed",
    Code.CLEAN_FAILED: "the clean stage failed on this page (bug or pathological markup)",
    Code.ANNOTATE_FAILED: "the annotate stage failed on this article",
    Code.OVER_TIME: "the page took longer than the per-page time limit (--page-seconds)",
    Code.OVER_MEMORY: "the page is over a per-page size budget that bounds memory "
    "(attributes, elements, article length)",
    Code.STORE_FAILED: "the store refused this article (a constraint or encoding error)",
}


class NewsloomError(Exception):
    """Base class for errors newsloom raises on purpose (not for rejected inputs)."""


class StoreError(NewsloomError):
    """The store file cannot be opened, is from a newer schema, or is corrupt."""


class NotFoundError(NewsloomError):
    """A story, article or entity id that is not in the store."""
