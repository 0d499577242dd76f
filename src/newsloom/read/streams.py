"""Small stream helpers: replay a sniffed head, guarded gunzip, capped reads and lines."""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Iterator
from typing import NamedTuple, Protocol

from newsloom.read.reject import TruncatedStream

#: Bytes read to sniff a format: enough for a ``<meta charset>`` near the top of a page.
HEAD_BYTES = 4096
#: Read size for draining and copying.
CHUNK_BYTES = 64 * 1024


class ByteSource(Protocol):
    """Anything with a ``read`` returning bytes (files, BytesIO, GzipFile, warcio streams)."""

    def read(self, size: int = -1, /) -> bytes: ...


class Replay(io.RawIOBase):
    """A stream that returns ``head`` (already read for sniffing) and then the rest.

    ``error`` is a ``TruncatedStream`` met while reading the head: raised once the head has
    been replayed, so the good bytes before a break still reach the reader.
    """

    def __init__(self, head: bytes, rest: ByteSource, error: TruncatedStream | None = None) -> None:
        super().__init__()
        self._head = head
        self._pos = 0
        self._rest = rest
        self._error = error

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview | bytearray) -> int:  # type: ignore[override]
        with memoryview(buffer) as view, view.cast("B") as out:
            if self._pos < len(self._head):
                chunk = self._head[self._pos : self._pos + len(out)]
                self._pos += len(chunk)
            elif self._error is not None:
                raise self._error
            else:
                chunk = self._rest.read(len(out))
            out[: len(chunk)] = chunk
            return len(chunk)


class Gunzip(io.RawIOBase):
    """Decompress a gzip stream (all members); an early end raises ``TruncatedStream``.

    Each read makes one ``read1`` call, so the bytes decompressed before a break are returned
    by one call and the error comes with the next: nothing good is dropped on the way.
    (Wrapping this in ``io.BufferedReader`` would drop them: it loops, and loses what it
    gathered when a later raw read raises.)
    """

    def __init__(self, raw: io.RawIOBase) -> None:
        super().__init__()
        self._gzip = gzip.GzipFile(fileobj=raw, mode="rb")
        self.produced = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview | bytearray) -> int:  # type: ignore[override]
        with memoryview(buffer) as view, view.cast("B") as out:
            try:
                chunk = self._gzip.read1(len(out))
            except EOFError as exc:
                raise TruncatedStream(self._where("ends early")) from exc
            except (zlib.error, gzip.BadGzipFile) as exc:
                raise TruncatedStream(self._where(f"is corrupt ({exc})")) from exc
            out[: len(chunk)] = chunk
            self.produced += len(chunk)
            return len(chunk)

    def _where(self, what: str) -> str:
        return f"gzip stream {what} after {self.produced:,} bytes of decompressed data"


def read_head(stream: ByteSource, size: int) -> tuple[bytes, TruncatedStream | None]:
    """Up to ``size`` bytes for sniffing, and the break met while reading them, if any."""
    parts: list[bytes] = []
    try:
        while (have := sum(map(len, parts))) < size:
            chunk = stream.read(size - have)
            if not chunk:
                break
            parts.append(chunk)
    except TruncatedStream as exc:
        return b"".join(parts), exc
    return b"".join(parts), None


def buffered(raw: io.RawIOBase) -> io.BufferedReader:
    """A buffered stream (with ``readline``) over ``raw``."""
    return io.BufferedReader(raw, buffer_size=CHUNK_BYTES)


def read_upto(stream: ByteSource, size: int) -> bytes:
    """Read ``size`` bytes, fewer only at the end of the stream (``read`` may return short)."""
    parts: list[bytes] = []
    want = size
    while want > 0:
        chunk = stream.read(min(want, CHUNK_BYTES))
        if not chunk:
            break
        parts.append(chunk)
        want -= len(chunk)
    return b"".join(parts)


def drain(stream: ByteSource) -> int:
    """Read and discard the rest of ``stream``; return how many bytes that was."""
    total = 0
    while chunk := stream.read(CHUNK_BYTES):
        total += len(chunk)
    return total


class Line(NamedTuple):
    """One line of a line-based stream, numbered from 1.

    ``size`` is the line's full length in bytes; when it is over the cap, ``data`` is empty.
    """

    number: int
    data: bytes
    size: int


def capped_lines(stream: io.BufferedReader, cap: int, start: int = 1) -> Iterator[Line]:
    """The stream's lines, never holding more than ``cap`` + 1 bytes of one line."""
    number = start
    while line := stream.readline(cap + 1):
        if len(line) > cap and not line.endswith(b"\n"):
            yield Line(number, b"", len(line) + _rest_of_line(stream))
        else:
            yield Line(number, line, len(line))
        number += 1


def _rest_of_line(stream: io.BufferedReader) -> int:
    total = 0
    while chunk := stream.readline(CHUNK_BYTES):
        total += len(chunk)
        if chunk.endswith(b"\n"):
            break
    return total
