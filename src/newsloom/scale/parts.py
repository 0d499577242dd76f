"""Partitions: the units of reading that ``ingest`` hands to a worker, one machine or many.

The coordinator only walks the arguments (``read.paths.expand_inputs``: names and sizes, no
content); a worker reads a partition's files itself. One-page files go ``batch_size`` to a
partition, in the walk's order, so a partition's pages are exactly the batch the one-process
path has always cleaned together (site chrome is learned per batch: the batches must not depend
on how many workers there are). A file that holds many pages (a WARC, a JSONL file, or any file
over ``OWN_PARTITION_BYTES``) is a partition of its own. Standard input can only be read by the
coordinator: its pages travel inside their partition.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from newsloom.config import Settings
from newsloom.model import Page, Rejection
from newsloom.read import (
    Source,
    batches,
    container_by_name,
    expand_inputs,
    read_source_timed,
)

#: A file this large is read by itself: it may hold many pages (a WARC or JSONL file with
#: another name, a gzip of one), and a one-page file is far smaller (the largest SEB page is
#: 1.1 MB of HTML).
OWN_PARTITION_BYTES = 4 * 1024 * 1024

Item = Source | Rejection | Page


@dataclass(frozen=True, slots=True)
class Partition:
    """What one worker reads: sources (files), the walk's rejections between them, and pages
    already read (standard input), in input order. ``index`` is its place in the run."""

    index: int
    items: tuple[Item, ...]
    #: One file that may hold many pages (its scan says how many).
    many: bool = False

    @property
    def files(self) -> int:
        return sum(1 for item in self.items if isinstance(item, Source))


def plan_partitions(
    paths: Sequence[str],
    settings: Settings,
    stdin: BinaryIO | None = None,
    stdin_id: str | None = None,
    base: Path | None = None,
) -> Iterator[Partition]:
    """The run's partitions, in input order (see the module docstring); ``base`` names files
    given one by one by their path under it (``read.paths.expand_inputs``)."""
    size = settings.batch_size
    pending: list[Item] = []
    index = 0
    for item in expand_inputs(paths, stdin_id, base):
        alone = isinstance(item, Source) and _alone(item)
        if pending and (alone or len(pending) >= size):
            yield Partition(index, tuple(pending))
            index, pending = index + 1, []
        if isinstance(item, Source) and item.path is None:  # standard input, read here
            for chunk in batches(read_source_timed(item, settings, stdin), size):
                yield Partition(index, tuple(chunk))
                index += 1
        elif alone:
            yield Partition(index, (item,), many=True)
            index += 1
        else:
            pending.append(item)
    if pending:
        yield Partition(index, tuple(pending))


def _alone(src: Source) -> bool:
    """Does this file get a partition of its own (many pages, or big)?"""
    if src.path is None or container_by_name(src.name):
        return True
    try:
        return src.path.stat().st_size > OWN_PARTITION_BYTES
    except OSError:
        return False  # the reader reports it


def read_partition(part: Partition, settings: Settings) -> Iterator[Page | Rejection]:
    """Every page and rejection of ``part``, in order, ids as the readers made them."""
    for item in part.items:
        if isinstance(item, Source):
            yield from read_source_timed(item, settings)
        else:
            yield item
