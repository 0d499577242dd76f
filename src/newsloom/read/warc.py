"""WARC input: each HTML ``response`` record becomes a page, streamed record by record.

A record's page is named by its target URI (stable across crawls of the same URL, where the
record id is new in every capture), else by its record id.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from newsloom.errors import Code
from newsloom.ids import id_problem, printable
from newsloom.model import Page, Rejection
from newsloom.read.decode import Decoded, decode
from newsloom.read.html import content_type_charset, looks_like_markup
from newsloom.read.pages import Origin, html_page, parse_iso_date
from newsloom.read.reject import ReadError, TruncatedStream, over_cap, plural, rejection
from newsloom.read.streams import ByteSource, drain, read_upto

#: Content types read as HTML without looking.
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
#: Content types (or none at all) whose payload is read and kept only if it looks like markup.
SNIFF_TYPES = frozenset(
    {"", "text/plain", "application/octet-stream", "unk", "application/unknown"}
)


def read_warc(stream: ByteSource, label: str, cap: int) -> Iterator[Page | Rejection]:
    """Pages (and per-record rejections) from a WARC stream; the archive-level problems
    (ends early, corrupt, no HTML at all) are raised as ``ReadError`` after the good records."""
    complete = found = 0
    try:
        for record in _records(ArchiveIterator(stream)):
            result = _read_record(record, label, cap)
            _require_complete(record)
            complete += 1
            if result is not None:
                found += 1
                yield result
    except TruncatedStream as exc:
        reason = f"WARC archive ends early after {plural(complete, 'complete record')} ({exc})"
        raise ReadError(Code.TRUNCATED, reason) from exc
    except ArchiveLoadFailed as exc:
        first = next((line for line in str(exc).splitlines() if line.strip()), "")
        reason = f"WARC archive is corrupt after {plural(complete, 'record')}: {first}"
        raise ReadError(Code.UNREADABLE, reason) from exc
    if not found:
        reason = f"WARC archive holds no HTML responses ({plural(complete, 'record')})"
        raise ReadError(Code.UNSUPPORTED, reason)


def _records(archive: Any) -> Iterator[Any]:
    """warcio's records, with the breaks it passes over in silence made loud.

    warcio ends quietly when the stream stops inside a record's WARC headers (and fails with
    an ``AttributeError`` when the cut leaves a record without its target URI). The stream is
    known to start with ``WARC/1.``, so no record at all also means a break.
    """
    count = 0
    while True:
        try:
            record = next(archive)
        except StopIteration:
            break
        except AttributeError as exc:
            raise TruncatedStream("a record's WARC headers are cut off or incomplete") from exc
        count += 1
        yield record
    if count == 0 or getattr(archive, "next_line", None):
        raise TruncatedStream("the archive stops inside a record's WARC headers")


def record_id(record: Any) -> str:
    """``WARC-Record-ID`` without ``<urn:uuid:`` and ``>``."""
    value = str(record.rec_headers.get_header("WARC-Record-ID") or "").strip().strip("<>")
    return value.removeprefix("urn:uuid:")


def _read_record(record: Any, label: str, cap: int) -> Page | Rejection | None:
    if record.rec_type != "response" or record.http_headers is None:
        return None
    rid = printable(record_id(record))
    where = f"{label}#{rid}"
    try:
        return _page_from_record(record, rid, where, cap)
    except ReadError as exc:
        return rejection(where, exc.code, exc.reason)
    except MemoryError:
        return rejection(where, Code.OVER_MEMORY, "ran out of memory reading the record")


def _page_from_record(record: Any, rid: str, where: str, cap: int) -> Page | None:
    headers = record.http_headers
    if not str(headers.get_statuscode() or "").startswith("2"):
        return None
    mime, charset = content_type_charset(headers.get_header("Content-Type"))
    if mime not in HTML_TYPES and mime not in SNIFF_TYPES:
        return None
    payload = read_upto(record.content_stream(), cap + 1)
    if mime in HTML_TYPES:
        if len(payload) > cap:
            raise over_cap("record payload", cap)
        decoded = decode(payload, charset)
    else:
        sniffed = _sniff_html(payload, charset, cap)
        if sniffed is None:
            return None
        decoded = sniffed
    url = str(record.rec_headers.get_header("WARC-Target-URI") or "").strip() or None
    origin = Origin(
        id=url if url and id_problem(url) is None else (rid or where),
        input=where,
        url=url,
        crawl_date=parse_iso_date(record.rec_headers.get_header("WARC-Date")),
        encoding=decoded.encoding,
    )
    return html_page(decoded.text, origin, "warc-html")


def _sniff_html(payload: bytes, charset: str | None, cap: int) -> Decoded | None:
    """The decoded payload of a record without an HTML type, if it is markup after all."""
    if len(payload) > cap:
        return None
    try:
        decoded = decode(payload, charset)
    except ReadError:
        return None
    return decoded if looks_like_markup(decoded.text) else None


def _require_complete(record: Any) -> None:
    """Read the record to its end; an uncompressed WARC cut inside it leaves bytes missing."""
    raw = record.raw_stream
    drain(raw)
    missing = getattr(raw, "limit", 0)
    if missing > 0:
        raise TruncatedStream(f"the last record is missing {missing:,} bytes")
