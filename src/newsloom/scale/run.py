"""The coordinator of an ingest: partitions out to the workers, decisions here, one writer.

For each partition, in input order: a worker scans it (ids and digests); the coordinator
decides, exactly as the one-process path always has, which pages are new (``read.distinct_id``
for ids repeated in the run, the first of each id, the store's digests and ``Store.adopt``) and
cuts them into the same batches (``batch_size`` items of the partition's stream); workers clean
and annotate the batches; the coordinator writes each batch's articles and rejections in one
transaction as it comes back. Which worker ran a batch, and in which order batches came back,
changes nothing in the store: the output of ``--workers N`` and ``--cluster`` is the output of
``--workers 1``.

Memory stays flat in the number of pages: a few partitions are scanned ahead, a few batches are
in flight, and the run keeps one id and digest prefix per page (``read.DIGEST_KEPT``).
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from newsloom.clean import host_name, settle_outlets
from newsloom.config import Settings
from newsloom.model import Article, Rejection
from newsloom.pipeline import IngestReport, Progress, Renamed, settle_store_outlets, update_stories
from newsloom.read import Source, distinct_id
from newsloom.scale.backends import Backend, Handle
from newsloom.scale.parts import Partition
from newsloom.scale.tasks import Entry, PageKey, Pick, Work
from newsloom.store import Store

log = logging.getLogger("newsloom.scale")

#: Batches of a many-page partition (a WARC, a JSONL file) per process task: its results come
#: back (and are written) 16 batches at a time, not when the whole file is done.
WORK_BATCHES = 16
#: Process tasks in flight per worker: enough that a worker finds the next task waiting when it
#: is done, while the coordinator writes in input order.
IN_FLIGHT = 2


@dataclass(slots=True)
class _Batch:
    """One batch as the writer needs it: the readers' rejections and how many items it had."""

    rejections: list[Rejection]
    items: int


@dataclass(slots=True)
class _Run:
    """What the coordinator remembers across the run."""

    store: Store
    settings: Settings
    progress: Progress
    report: IngestReport = field(default_factory=IngestReport)
    taken: dict[str, str] = field(default_factory=dict)
    seen: set[str] = field(default_factory=set)
    changed: set[str] = field(default_factory=set)
    hosts: set[str] = field(default_factory=set)


def run_ingest(
    parts: Iterator[Partition],
    store: Store,
    settings: Settings,
    backend: Backend,
    progress: Progress | None = None,
) -> IngestReport:
    """Ingest the partitions (``parts.plan_partitions``) into ``store`` with ``backend``'s
    workers; see the module docstring."""
    run = _Run(store, settings, progress or _noop)
    if backend.remote:
        parts = (_absolute(p) for p in parts)
    ahead = 2 * backend.workers + 2
    scans: deque[tuple[Partition, Handle]] = deque()
    running: deque[tuple[Handle, list[_Batch]]] = deque()
    _top_up(scans, parts, backend, ahead)
    while scans:
        part, handle = scans.popleft()
        entries: list[Entry] = handle.result()
        _top_up(scans, parts, backend, ahead)
        run.progress("total", len(entries))
        for work, batches in _decide(part, entries, run):
            running.append((backend.process(work) if any(work.batches) else _NOTHING, batches))
            while len(running) > IN_FLIGHT * backend.workers:
                _write_next(run, running)
    while running:
        _write_next(run, running)
    return _finish(run)


def _noop(event: str, n: int) -> None:
    return None


def _top_up(
    scans: deque[tuple[Partition, Handle]], parts: Iterator[Partition], backend: Backend, n: int
) -> None:
    while len(scans) < n and (part := next(parts, None)) is not None:
        scans.append((part, backend.scan(part)))


def _absolute(part: Partition) -> Partition:
    """The partition with absolute file paths, for workers whose working folder is not ours
    (labels and ids, made from the paths as given, stay as they are)."""
    items = tuple(
        replace(item, path=item.path.absolute()) if isinstance(item, Source) and item.path else item
        for item in part.items
    )
    return Partition(part.index, items, part.many)


class _Nothing:
    """The result of a task not run: a stretch of a partition with no new page."""

    def result(self) -> list[list[Article | Rejection]]:
        return []


_NOTHING = _Nothing()


def _write_next(run: _Run, running: deque[tuple[Handle, list[_Batch]]]) -> None:
    """Write the oldest task's batches, waiting for it: batches are written in input order,
    so the store's rows, the report and the log come out the same however many workers ran
    them (the others go on meanwhile)."""
    handle, batches = running.popleft()
    results = handle.result() or [[] for _ in batches]
    for batch, processed in zip(batches, results, strict=True):
        _write(run, batch, processed)


# ------------------------------------------------------------------------------ deciding


def _decide(
    part: Partition, entries: list[Entry], run: _Run
) -> Iterator[tuple[Work, list[_Batch]]]:
    """The partition's process tasks: its batches of new pages, ``WORK_BATCHES`` at a time."""
    size = run.settings.batch_size
    starts = list(range(0, len(entries), size))
    for first in range(0, len(starts), WORK_BATCHES):
        chosen = starts[first : first + WORK_BATCHES]
        picks, batches = [], []
        for start in chosen:
            window = entries[start : start + size]
            picks.append(tuple(_picks(window, start, run)))
            batches.append(_Batch([e for e in window if isinstance(e, Rejection)], len(window)))
        stop = min(chosen[-1] + size, len(entries))
        yield Work(part, chosen[0], stop, tuple(picks)), batches


def _picks(window: list[Entry], start: int, run: _Run) -> list[Pick]:
    """The pages of one batch to process, as ``pipeline.ingest`` always chose them: ids made
    unique in the run, one page per id, and not what the store already holds."""
    report = run.report
    picks: list[Pick] = []
    digests: dict[int, PageKey] = {}
    for position, entry in enumerate(window, start=start):
        if not isinstance(entry, PageKey):
            continue
        new_id = distinct_id(entry.id, entry.digest, run.taken)
        if new_id in run.seen:
            report.skipped += 1  # the same page again (the same file given twice)
            continue
        run.seen.add(new_id)
        renamed = entry.id if new_id != entry.id else None
        if renamed:
            report.renamed.append(Renamed(entry.input, new_id, renamed))
        picks.append(Pick(position, new_id, renamed))
        digests[position] = entry
    report.read += len(picks)
    return _unstored(picks, digests, run)


def _unstored(picks: list[Pick], keys: dict[int, PageKey], run: _Run) -> list[Pick]:
    """Picks whose id and content the store does not hold yet; a page stored from the same
    input with the same content under an older id is renamed to today's (``Store.adopt``)."""
    known = run.store.digests(p.id for p in picks)
    unknown = [(p.id, keys[p.position].input, keys[p.position].digest) for p in picks]
    unknown = [u for u in unknown if u[0] not in known]
    if unknown:
        adopted = run.store.adopt(unknown)
        known.update({p.id: keys[p.position].digest for p in picks if p.id in adopted})
    fresh = [p for p in picks if known.get(p.id) != keys[p.position].digest]
    run.report.skipped += len(picks) - len(fresh)
    return fresh


# ------------------------------------------------------------------------------- writing


def _write(run: _Run, batch: _Batch, processed: list[Article | Rejection]) -> None:
    """One batch in one transaction, with its outlet names settled per site (as in
    ``pipeline.process``'s callers since outlets were added)."""
    report = run.report
    articles = settle_outlets(
        [a for a in processed if isinstance(a, Article)], run.settings.outlets
    )
    run.hosts.update(h for a in articles if (h := host_name(a.url)))
    rejections = batch.rejections + [r for r in processed if isinstance(r, Rejection)]
    counts = run.store.write_batch(articles, rejections)
    refused = {r.input for r in counts.refused}
    run.changed.update(a.id for a in articles if a.input not in refused)
    report.added += counts.added
    report.updated += counts.updated
    report.skipped += counts.skipped
    report.rejections += [*rejections, *counts.refused]
    log.info(
        "batch of %d: %d added, %d updated, %d skipped, %d rejected",
        batch.items,
        counts.added,
        counts.updated,
        counts.skipped,
        len(rejections) + len(counts.refused),
    )
    for r in [*rejections, *counts.refused]:
        log.debug("rejected %s: %s %s", r.input, r.code, r.reason)
    run.progress("batch", batch.items)


def _finish(run: _Run) -> IngestReport:
    """Outlet names settled over the store for the sites seen, then the stories regrouped."""
    report, store = run.report, run.store
    changed = set(run.changed)
    if run.hosts:
        changed |= settle_store_outlets(store, run.settings.outlets, run.hosts)
    if store.stories_dirty():
        log.info("regrouping around %d changed articles", len(changed))
        run.progress("group", 0)
        report.stories = update_stories(store, changed)
    else:
        report.stories = store.count_stories()
    return report
