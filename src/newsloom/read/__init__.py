"""The read stage: paths, folders, patterns, archives and streams in; ``Page`` objects out.

``read_inputs`` is the one public entry point. It is lazy: one file's content at a time, a WARC
record by record, a JSONL file line by line. Every bad input becomes a ``Rejection`` with a
stable code (``newsloom.errors.Code``) and the run goes on.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import BinaryIO

from newsloom.config import Settings
from newsloom.model import Page, Rejection
from newsloom.read.dispatch import read_source
from newsloom.read.paths import expand_inputs

__all__ = ["read_inputs"]


def read_inputs(
    paths: Sequence[str], settings: Settings, stdin: BinaryIO | None = None
) -> Iterator[Page | Rejection]:
    """Yield one ``Page`` per page read and one ``Rejection`` per bad input, in input order.

    ``paths`` holds files, folders (walked recursively in sorted order, hidden names skipped),
    glob patterns (used only when no such path exists; ``**`` allowed) and ``-`` for ``stdin``
    (default: the process's standard input).
    """
    for item in expand_inputs(paths):
        if isinstance(item, Rejection):
            yield item
        else:
            yield from read_source(item, settings, stdin)
