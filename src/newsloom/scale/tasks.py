"""What a worker runs: scan a partition (ids and digests), then read and process its new pages.

Both are plain functions of picklable values, so the same code runs in this process, in a
``ProcessPoolExecutor`` worker and in a Dask worker. A partition is read twice (once to learn
which of its pages are new and what they are called, once to process them): reading is about
5 ms a page against ~200 ms to clean and annotate one, and it keeps pages where the data is —
only ids and digests go to the coordinator, only articles come back.

spaCy is loaded once per worker process (``worker_nlp``) and kept for its later tasks.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, TypeVar

from spacy.language import Language

from newsloom.budget import thread_limits
from newsloom.config import Settings
from newsloom.model import Article, Page, Rejection
from newsloom.scale.parts import Partition, read_partition

log = logging.getLogger("newsloom.scale")

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class PageKey:
    """What the coordinator needs to know of a page to decide on it: no content."""

    id: str
    digest: str
    input: str


Entry = PageKey | Rejection


@dataclass(frozen=True, slots=True)
class Pick:
    """One page to process: its place in the partition's stream and the id it is stored as
    (``renamed_from`` when the run renamed it: another page of the run had its id)."""

    position: int
    id: str
    renamed_from: str | None = None


@dataclass(frozen=True, slots=True)
class Work:
    """A process task: the batches (lists of picks) of one partition between ``start`` and
    ``stop`` (positions in its stream), cleaned and annotated batch by batch."""

    part: Partition
    start: int
    stop: int
    batches: tuple[tuple[Pick, ...], ...] = field(default_factory=tuple)


def scan_part(part: Partition, settings: Settings) -> list[Entry]:
    """Each item of ``part`` in order: a page's key, or the reader's rejection."""
    return [
        PageKey(item.id, item.digest, item.input) if isinstance(item, Page) else item
        for item in read_partition(part, settings)
    ]


#: The spaCy pipeline of this worker process, loaded by its first task.
_NLP: Language | None = None


def worker_nlp(settings: Settings) -> Language:
    """This process's spaCy pipeline, loaded once and kept for every later task."""
    global _NLP
    if _NLP is None:
        from newsloom.annotate import load_nlp

        _NLP = load_nlp(settings.spacy_models)
    return _NLP


def process_work(
    work: Work, settings: Settings, nlp: Language | None = None
) -> list[list[Article | Rejection]]:
    """Read ``work``'s stretch of its partition again and process each batch of picked pages
    (``pipeline.process``: clean with the batch's site chrome, annotate in one ``nlp.pipe``).
    A page that is no longer where the scan saw it (the file changed in between) is left out:
    the coordinator counts it as skipped and a later run takes it."""
    from newsloom.pipeline import process

    wanted = {pick.position: pick for batch in work.batches for pick in batch}
    found: dict[int, Page] = {}
    items = islice(read_partition(work.part, settings), work.start, work.stop)
    for position, item in enumerate(items, start=work.start):
        pick = wanted.get(position)
        if pick is not None and isinstance(item, Page):
            found[position] = _as_picked(item, pick)
    out: list[list[Article | Rejection]] = []
    for batch in work.batches:
        pages = [found[p.position] for p in batch if p.position in found]
        if pages:
            nlp = nlp or worker_nlp(settings)
            out.append(process(pages, nlp, settings))
        else:
            out.append([])
    return out


def with_limits(fn: Callable[..., T], *args: Any) -> T:
    """``fn(*args)`` with the per-page time limits on in this thread: a Dask worker runs its
    tasks in a thread, where the signal-based limits do not reach (``budget.thread_limits``)."""
    with thread_limits():
        return fn(*args)


def _as_picked(page: Page, pick: Pick) -> Page:
    if page.id == pick.id and pick.renamed_from is None:
        return page
    return page.model_copy(update={"id": pick.id, "renamed_from": pick.renamed_from})
