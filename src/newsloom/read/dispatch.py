"""Read one source: size check, gunzip, sniff the format, hand over to the format's reader."""

from __future__ import annotations

import io
import os
import stat
import sys
from collections.abc import Iterator
from itertools import chain
from pathlib import Path
from typing import BinaryIO

from newsloom.config import Settings
from newsloom.errors import Code
from newsloom.ids import content_id
from newsloom.model import Page, Rejection
from newsloom.read.decode import decode
from newsloom.read.jsonl import read_jsonl
from newsloom.read.pages import Origin, page_from_text
from newsloom.read.paths import Source
from newsloom.read.reject import ReadError, TruncatedStream, one_line, over_cap, rejection
from newsloom.read.sniff import (
    binary_kind,
    container_by_name,
    is_gzip,
    is_page_object,
    is_warc,
    jsonl_by_name,
    may_be_jsonl,
)
from newsloom.read.streams import (
    HEAD_BYTES,
    ByteSource,
    Gunzip,
    Line,
    Replay,
    buffered,
    capped_lines,
    read_head,
    read_upto,
)
from newsloom.read.warc import read_warc


def read_source(
    src: Source, settings: Settings, stdin: BinaryIO | None = None
) -> Iterator[Page | Rejection]:
    """Every page ``src`` holds. Any failure becomes one Rejection for ``src``, after the pages
    read before it; nothing raised here stops the run."""
    try:
        yield from _read_source(src, settings, stdin)
    except ReadError as exc:
        yield rejection(src.label, exc.code, exc.reason)
    except TruncatedStream as exc:
        yield rejection(src.label, Code.TRUNCATED, str(exc))
    except OSError as exc:
        yield rejection(src.label, Code.UNREADABLE, f"cannot read it: {exc.strerror or exc}")
    except MemoryError:
        yield rejection(src.label, Code.OVER_MEMORY, "ran out of memory reading it")
    except Exception as exc:
        reason = one_line(f"unexpected {type(exc).__name__}: {exc}")
        yield rejection(src.label, Code.UNREADABLE, reason)


def _read_source(
    src: Source, settings: Settings, stdin: BinaryIO | None
) -> Iterator[Page | Rejection]:
    if src.path is None:
        yield from read_stream(stdin or sys.stdin.buffer, src, settings)
        return
    info = src.path.stat()
    if not stat.S_ISREG(info.st_mode):  # replaced since the walk: never open a FIFO or device
        raise ReadError(Code.NOT_A_FILE, "not a regular file")
    cap = settings.max_bytes
    if info.st_size > cap and not container_by_name(src.name):
        raise ReadError(Code.TOO_LARGE, f"{info.st_size:,} bytes exceeds the {cap:,}-byte cap")
    with _open_regular(src.path) as raw:
        yield from read_stream(raw, src, settings)


def _open_regular(path: Path) -> BinaryIO:
    """Open ``path`` for reading without blocking: a FIFO swapped in after the ``stat`` opens
    at once (``O_NONBLOCK``) and is refused, instead of waiting for a writer."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise ReadError(Code.NOT_A_FILE, "not a regular file")
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_stream(raw: ByteSource, src: Source, settings: Settings) -> Iterator[Page | Rejection]:
    """Sniff ``raw`` by content (gzip, WARC, binary, JSONL) and read it, streaming."""
    head = read_upto(raw, HEAD_BYTES)
    source = Replay(head, raw)
    what = "input"
    if is_gzip(head):
        gunzip = Gunzip(source)
        head, error = read_head(gunzip, HEAD_BYTES)
        source = Replay(head, gunzip, error)
        what = "decompressed data"
    if is_warc(head):
        # Unbuffered on purpose: see ``Gunzip`` for why a buffer would lose good records.
        yield from read_warc(source, src.label, settings.max_bytes)
        return
    kind = binary_kind(head)
    if kind is not None:
        raise ReadError(Code.NOT_TEXT, f"binary content: a {kind}")
    stream = buffered(source)
    if jsonl_by_name(src.name) or may_be_jsonl(head):
        yield from _jsonl_or_whole(stream, src, settings.max_bytes, what)
    else:
        yield _whole_page(b"", stream, src, settings.max_bytes, what)


def _jsonl_or_whole(
    stream: io.BufferedReader, src: Source, cap: int, what: str
) -> Iterator[Page | Rejection]:
    """JSONL when the name says so or the first non-blank line is a JSON page object; else
    one page from the whole content (the lines already read put back in front), which is
    refused if it is JSON data (``notpage``)."""
    lines = capped_lines(stream, cap)
    pulled: list[Line] = []
    for line in lines:
        pulled.append(line)
        if line.size > cap or line.data.strip():
            break
    first = pulled[-1] if pulled else None
    if jsonl_by_name(src.name) or (
        first is not None and first.size <= cap and is_page_object(first.data)
    ):
        yield from read_jsonl(chain(pulled, lines), src.label, cap)
        return
    if first is not None and first.size > cap:
        raise over_cap(what, cap)
    yield _whole_page(b"".join(line.data for line in pulled), stream, src, cap, what)


def _whole_page(prefix: bytes, stream: ByteSource, src: Source, cap: int, what: str) -> Page:
    """One page from the whole content: capture, HTML or text."""
    data = prefix + read_upto(stream, cap + 1 - len(prefix))
    if len(data) > cap:
        raise over_cap(what, cap)
    if not data:
        raise ReadError(Code.EMPTY, f"{what} is empty (0 bytes)")
    decoded = decode(data)
    origin = Origin(id=src.page_id or "", input=src.label, encoding=decoded.encoding)
    page = page_from_text(decoded.text, origin, name=src.name)
    return page if page.id else page.model_copy(update={"id": content_id(page.digest)})
