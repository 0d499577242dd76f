"""Format detection from the first bytes of the content, and from the file name."""

from __future__ import annotations

import codecs
import json

GZIP_MAGIC = b"\x1f\x8b"
WARC_MAGIC = b"WARC/1."

#: Magic numbers of common binary files that end up in crawl folders, with a name for the reason.
BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"\x28\xb5\x2f\xfd", "Zstandard archive"),
    (b"\x7fELF", "ELF executable"),
)

HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
#: Names of files that hold many pages: the whole-file size cap does not apply to them, only
#: the per-line / per-record cap (a WARC of a day's crawl is far over any page cap).
CONTAINER_SUFFIXES = (*JSONL_SUFFIXES, ".warc")


def binary_kind(head: bytes) -> str | None:
    """The name of a known binary format ``head`` starts with, else None."""
    for magic, kind in BINARY_MAGIC:
        if head.startswith(magic):
            return kind
    return None


def is_gzip(head: bytes) -> bool:
    return head.startswith(GZIP_MAGIC)


def is_warc(head: bytes) -> bool:
    return head.startswith(WARC_MAGIC)


def inner_name(name: str) -> str:
    """The lower-cased name without a ``.gz`` suffix (``a.html.gz`` -> ``a.html``)."""
    name = name.lower()
    return name[:-3] if name.endswith(".gz") else name


def html_by_name(name: str) -> bool:
    return inner_name(name).endswith(HTML_SUFFIXES)


def jsonl_by_name(name: str) -> bool:
    return inner_name(name).endswith(JSONL_SUFFIXES)


def container_by_name(name: str) -> bool:
    return inner_name(name).endswith(CONTAINER_SUFFIXES)


def may_be_jsonl(head: bytes) -> bool:
    """The first non-blank character is ``{`` (a UTF-8 BOM allowed before it)."""
    return head.removeprefix(codecs.BOM_UTF8).lstrip()[:1] == b"{"


#: Keys of which a JSONL page line has at least one (``id`` and ``url`` alone name no content).
PAGE_KEYS = ("html", "text")


def is_page_object(line: bytes) -> bool:
    """``line`` parses as one JSON object with page content (``html`` or ``text``): JSONL
    pages, not JSON data that happens to be one object per line."""
    try:
        value = json.loads(line.removeprefix(codecs.BOM_UTF8))
    except (ValueError, RecursionError):
        return False
    return isinstance(value, dict) and any(key in value for key in PAGE_KEYS)
