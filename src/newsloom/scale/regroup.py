"""A full regroup in flat memory: the store streamed through the story index by date.

``group.StoryIndex`` already groups a stream in bounded memory: a block of articles whose newest
is ``EVICT_DAYS`` behind the newest article seen is frozen and dropped. Here the store's
articles go through it in date order, ``REGROUP_CHUNK`` at a time (a chunk ends on a change of
day, so one day's pages are always added together); each story frozen on the way is fused with
its own pages (read back from the store) and written, and only then dropped. Everything is one
transaction (``Store.rewriting_stories``): readers see the old stories until it commits.

A store (or an ingest's regroup scope) of at most ``REGROUP_CHUNK`` articles is added in one go,
which is exactly ``group.group``; a larger one is grouped as a stream, as ``StoryIndex`` groups
any stream.

On a machine with a second core, a store of more than ``APART_MIN`` articles is grouped in a
second process (it reads the articles through its own read-only connection: WAL readers do
not wait for the writer) while this one fuses and writes the stories it hands over: grouping
was 45% of a 100,000-article regroup and fuse with the writes 40%. The stories, their order and
the store are the same either way; a grouping process that fails or dies fails the regroup,
and its transaction rolls back.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import queue
from collections.abc import Collection, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Protocol

from newsloom.errors import StoreError
from newsloom.front import Folders, assign_sections, learn_folders
from newsloom.fuse import fuse
from newsloom.group import StoryIndex
from newsloom.model import Story
from newsloom.store import Reading, Store, StoreReader, StoryPair, StoryWriter

log = logging.getLogger("newsloom.regroup")

#: Articles added to the story index at once. Memory holds one chunk of whole articles (about
#: 100 KB each with annotations) plus the index's light view of the live window; 2,000 keeps
#: that well under the 2 GB goal while a store of 2,000 articles is grouped in one go.
REGROUP_CHUNK = 2000
#: Stories fused and written together (their pages read back in one query).
WRITE_STORIES = 200
#: Articles from which grouping runs in a second process (when there is a second core): below
#: this, starting one (about a second to import the group stage) costs more than it saves.
APART_MIN = 3 * REGROUP_CHUNK
#: Batches of frozen stories the grouping process may run ahead of the writer (memory bound).
APART_AHEAD = 4
#: Seconds between two looks at whether the grouping process is still alive.
APART_POLL = 1.0


def regroup_store(
    store: Store, scope: Collection[str] | None = None, remove: Sequence[str] = ()
) -> int:
    """Recompute every story and dossier of ``store`` (``scope`` None), or regroup only the
    articles of ``scope`` in place of the stories ``remove`` (``pipeline.update_stories``).
    Returns how many stories were written."""
    learned = learn_folders(store.sections_and_urls(scope))
    rows = store.ids_by_date(scope)
    count = 0
    rewriting = store.rewriting_stories() if scope is None else store.rewriting_some_stories(remove)
    with rewriting as add:
        for stories in _grouped(store, rows):
            count += _write(store, stories, learned, add)
    log.info("regrouped %s: %d stories", "the store" if scope is None else "the scope", count)
    return count


def _grouped(store: Store, rows: list[tuple[str, str | None]]) -> Iterator[list[Story]]:
    """The stories of ``rows`` (ids by date), batch by batch as their blocks freeze: grouped
    here, or in a second process for a large store on a machine with a second core."""
    if store.path is not None and len(rows) > APART_MIN and (os.cpu_count() or 1) > 1:
        log.info("grouping %d articles in a second process", len(rows))
        yield from group_apart(store.path, rows, REGROUP_CHUNK)
    else:
        yield from group_stream(store, rows, REGROUP_CHUNK)


def group_stream(
    reading: Reading, rows: list[tuple[str, str | None]], chunk: int
) -> Iterator[list[Story]]:
    """Stream ``rows``' articles through a story index, ``chunk`` at a time; yield the
    stories frozen after each chunk, then the rest."""
    index = StoryIndex()
    for ids in _chunks(rows, chunk):
        index.add(list(reading.articles(ids)))
        yield index.pop_frozen()
    yield index.stories()


#: What the grouping process sends: a batch of stories, its error, or None when it is done.
Batch = list[Story] | str | None


class _Inbox(Protocol):
    def get(self, block: bool = True, timeout: float | None = None) -> Batch: ...


class _Process(Protocol):
    def is_alive(self) -> bool: ...

    @property
    def exitcode(self) -> int | None: ...


def group_apart(
    path: Path, rows: list[tuple[str, str | None]], chunk: int
) -> Iterator[list[Story]]:
    """``group_stream`` run in a second process on its own read-only connection to ``path``;
    its batches come back in order through a bounded queue."""
    context = multiprocessing.get_context("spawn")  # no fork of this process's open database
    batches: multiprocessing.Queue[Batch] = context.Queue(APART_AHEAD)
    worker = context.Process(
        target=_group_worker, args=(str(path), rows, chunk, batches), daemon=True
    )
    worker.start()
    try:
        yield from drain(batches, worker)
    finally:
        if worker.is_alive():
            worker.terminate()
        worker.join()


def drain(
    batches: queue.Queue[list[Story] | str | None]
    | multiprocessing.Queue[list[Story] | str | None],
    worker: _Process,
) -> Iterator[list[Story]]:
    """The worker's batches until its end mark; its error, or its death, as a StoreError."""
    while True:
        try:
            item = batches.get(timeout=APART_POLL)
        except queue.Empty:
            if not worker.is_alive():
                raise StoreError(
                    f"the grouping process ended (exit code {worker.exitcode}) before it was "
                    "done; nothing was changed"
                ) from None
            continue
        if item is None:
            return
        if isinstance(item, str):
            raise StoreError(f"grouping failed: {item}; nothing was changed")
        yield item


def _group_worker(
    path: str,
    rows: list[tuple[str, str | None]],
    chunk: int,
    batches: multiprocessing.Queue[Batch],
) -> None:
    """The second process: group, hand over each batch, then an end mark (or the error)."""
    try:
        reader = StoreReader(Path(path))
        try:
            for stories in group_stream(reader, rows, chunk):
                batches.put(stories)
        finally:
            reader.close()
    except Exception as exc:  # the coordinator says it and rolls back
        batches.put(f"{type(exc).__name__}: {exc}")
        return
    batches.put(None)


def _chunks(rows: Iterable[tuple[str, str | None]], size: int) -> Iterator[list[str]]:
    """Ids in order, cut into chunks of at least ``size`` that end where the day changes
    (undated articles, last, are cut every ``size``)."""
    chunk: list[str] = []
    day: str | None = None
    for article, key in rows:
        today = key[:10] if key else None
        if len(chunk) >= size and (today != day or today is None):
            yield chunk
            chunk = []
        chunk.append(article)
        day = today
    if chunk:
        yield chunk


def _write(
    store: Store,
    stories: Sequence[Story],
    learned: Folders,
    add: StoryWriter,
) -> int:
    """Fuse ``stories`` with their own pages and hand them to the store, a few at a time."""
    for start in range(0, len(stories), WRITE_STORIES):
        some = stories[start : start + WRITE_STORIES]
        articles = list(store.articles(a for s in some for a in s.articles))
        by_id = {a.id: a for a in articles}
        pairs: list[StoryPair] = []
        for story in assign_sections(some, articles, learned):
            members = [by_id[a] for a in story.articles if a in by_id]
            pairs.append((story, fuse(story, members)))
        add(pairs, articles)
    return len(stories)
