"""The read stage: paths, folders, patterns, archives and streams in; ``Page`` objects out.

``read_inputs`` is the one public entry point. It is lazy: one file's content at a time, a WARC
record by record, a JSONL file line by line. Every bad input becomes a ``Rejection`` with a
stable code (``newsloom.errors.Code``) and the run goes on; each page's reading has a time
limit (``Settings.page_seconds``). Ids are unique within a run: a page whose id an earlier page
of the run already has, with other content, is renamed ``id~2`` (``Page.renamed_from`` says
so); the same content under the same id again is passed on unchanged, for the caller to skip.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from pathlib import Path
from typing import BinaryIO

from newsloom.budget import OverTime, time_limit
from newsloom.config import Settings
from newsloom.errors import Code
from newsloom.ids import repeated_id
from newsloom.model import Page, Rejection
from newsloom.read.dispatch import read_source
from newsloom.read.paths import STDIN_ARG, Source, expand_inputs
from newsloom.read.reject import rejection
from newsloom.read.sniff import container_by_name

__all__ = [
    "STDIN_ARG",
    "Source",
    "batches",
    "container_by_name",
    "distinct_id",
    "expand_inputs",
    "read_inputs",
    "read_source_timed",
]


def read_inputs(
    paths: Sequence[str],
    settings: Settings,
    stdin: BinaryIO | None = None,
    stdin_id: str | None = None,
    base: Path | None = None,
) -> Iterator[Page | Rejection]:
    """Yield one ``Page`` per page read and one ``Rejection`` per bad input, in input order.

    ``paths`` holds files, folders (walked recursively in sorted order, hidden names skipped),
    glob patterns (used only when no such path exists; ``**`` allowed) and ``-`` for ``stdin``
    (default: the process's standard input), whose one page is named ``stdin_id`` when given,
    else by its content (``stdin-<digest>``). ``base``: see ``paths.expand_inputs``.
    """
    taken: dict[str, str] = {}
    for item in expand_inputs(paths, stdin_id, base):
        if isinstance(item, Rejection):
            yield item
            continue
        for result in read_source_timed(item, settings, stdin):
            yield distinct(result, taken) if isinstance(result, Page) else result


def read_source_timed(
    src: Source, settings: Settings, stdin: BinaryIO | None = None
) -> Iterator[Page | Rejection]:
    """One source's pages and rejections, each page's reading within the time limit, ids as
    the reader made them (``distinct`` makes them unique across a run). The parallel ingest
    reads each partition with this in a worker (``newsloom.scale``)."""
    return _timed(read_source(src, settings, stdin), src.label, settings)


def _timed(
    results: Iterator[Page | Rejection], label: str, settings: Settings
) -> Iterator[Page | Rejection]:
    """``results`` with each page's reading bounded by the per-page time limit; on the first
    page over it, one rejection for the source and the rest of it is not read."""
    while True:
        try:
            with time_limit(settings.page_seconds):
                result = next(results, None)
        except OverTime as exc:
            yield rejection(label, Code.OVER_TIME, f"reading stopped: {exc}")
            return
        if result is None:
            return
        yield result


#: Digest characters kept per id seen in a run: enough to tell two pages apart, small enough
#: that a run of a million pages holds its ids in about 100 MB.
DIGEST_KEPT = 16


def distinct(page: Page, taken: dict[str, str]) -> Page:
    """``page``, renamed when an earlier page of the run has its id and other content."""
    new = distinct_id(page.id, page.digest, taken)
    if new == page.id:
        return page
    return page.model_copy(update={"id": new, "renamed_from": page.id})


def distinct_id(page_id: str, digest: str, taken: dict[str, str]) -> str:
    """The id a page read with ``page_id`` and ``digest`` gets in a run that has ``taken``
    these ids (id → digest prefix): its own, or ``id~2``… when another content has it."""
    kept = digest[:DIGEST_KEPT]
    seen = taken.get(page_id)
    if seen is None or seen == kept:
        taken[page_id] = kept
        return page_id
    new = repeated_id(page_id, taken)
    taken[new] = kept
    return new


def batches(items: Iterable[Page | Rejection], size: int) -> Iterator[list[Page | Rejection]]:
    """What the readers yield, ``size`` at a time in order (the last batch may be short): the
    unit an ingest cleans, annotates and stores, on one core or many."""
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch
