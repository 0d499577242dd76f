"""The web app's handle on one store: a read-only connection per worker thread.

Request handlers run in a thread pool. Each thread gets its own
:class:`~newsloom.store.StoreReader` (``mode=ro``, WAL: it never blocks, or is blocked by, a
writer — ``ingest`` in another process, or the upload path). Every query is one of the store's
typed read methods (``store/listing.py``, ``store/reading.py``); the web package keeps no tables
of its own and never writes to the store.

What the catalog adds is caching: front-page answers are remembered per *stories version* (a
counter the store bumps whenever it replaces stories), and the page footer's counts are read
again only when that version changes.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import TypeVar, cast

from newsloom.store import (
    CoverageDay,
    EntityRow,
    FrontRow,
    MentionMark,
    PageMark,
    SearchHit,
    SearchPlan,
    StoreReader,
    StoryFilter,
    StoryRow,
)

__all__ = ["Catalog"]

T = TypeVar("T")

#: Front-page answers remembered per stories version (each is a few kilobytes).
MEMO_SIZE = 64
#: Dossier pages remembered per stories version, apart from the answers above: a story every
#: reader opens at once (a breaking event) is built and rendered once, not per request (a
#: 40-page dossier reads and parses every article, then renders 150 KB of HTML). Each is up to
#: a few megabytes, so few are kept.
PAGE_MEMO_SIZE = 16


class Catalog:
    """The web app's view of one store file; safe to share between threads."""

    def __init__(self, store_path: Path) -> None:
        self.store_path = store_path
        self._local = threading.local()
        self._lock = threading.Lock()
        # Weak: a server's worker threads come and go (an idle one exits after a while), and
        # a reader whose thread is gone must close with it, not pile up until shutdown.
        self._open: weakref.WeakSet[StoreReader] = weakref.WeakSet()
        self._memo: dict[Hashable, object] = {}
        self._pages: dict[Hashable, object] = {}
        self._memo_lock = threading.Lock()
        self._stats_at: int | None = None
        self._stats: dict[str, int] = {}
        self.reader()  # fail now (missing file, not a store, too old) rather than per request

    # ------------------------------------------------------------------------- lifecycle

    def reader(self) -> StoreReader:
        """This thread's read-only store connection."""
        found: StoreReader | None = getattr(self._local, "reader", None)
        if found is None:
            found = StoreReader(self.store_path)
            self._local.reader = found
            with self._lock:
                self._open.add(found)
        return found

    def close(self) -> None:
        with self._lock:
            for conn in list(self._open):
                conn.close()
            self._open.clear()

    @property
    def stamp(self) -> int:
        """The store's stories version: it changes whenever stories are replaced."""
        return self.reader().stories_version()

    @property
    def stats(self) -> dict[str, int]:
        """Row counts for the page footer, read again only when the stories changed."""
        stamp = self.stamp
        with self._lock:
            if self._stats_at != stamp:
                self._stats = self.reader().stats()
                self._stats_at = stamp
            return self._stats

    def memo(self, key: Hashable, make: Callable[[], T], *, page: bool = False) -> T:
        """``make()``, remembered under ``key`` until the stories change (``page``: among the
        few whole dossier pages, ``PAGE_MEMO_SIZE``, rather than the small answers)."""
        full = (self.stamp, key)
        kept, size = (self._pages, PAGE_MEMO_SIZE) if page else (self._memo, MEMO_SIZE)
        with self._memo_lock:
            if full in kept:
                return cast(T, kept[full])
        value = make()
        with self._memo_lock:
            if len(kept) >= size:
                kept.clear()
            kept[full] = value
        return value

    # ------------------------------------------------------------ the store's read methods

    def stories(self, flt: StoryFilter, offset: int, limit: int) -> tuple[list[StoryRow], int]:
        return self.reader().story_page(flt, offset, limit)

    def story_rows(self, ids: list[str]) -> dict[str, StoryRow]:
        return self.reader().story_rows(ids)

    def search(
        self, query: str | SearchPlan, offset: int, limit: int
    ) -> tuple[list[SearchHit], int]:
        return self.reader().search_page(query, offset, limit)

    def crawl_span(self) -> tuple[str | None, str | None]:
        return self.reader().crawl_span()

    def report_marks(self, since: str, until: str) -> list[PageMark]:
        return self.reader().report_marks(since, until)

    def mention_marks(self, since: str, until: str) -> list[MentionMark]:
        return self.reader().mention_marks(since, until)

    def front_rows(self, ids: list[str]) -> dict[str, FrontRow]:
        return self.reader().front_rows(ids)

    def latest_rows(self, until: str, limit: int) -> list[FrontRow]:
        return self.reader().latest_rows(until, limit)

    def outlets(self) -> list[tuple[str, int]]:
        """The outlet filter's choices: a GROUP BY over every story's coverage (26 ms at 100k
        articles, on every stories page), so counted once per stories version."""
        return self.memo(
            "outlets", lambda: [(o.name, o.stories) for o in self.reader().outlet_counts()]
        )

    def entity(self, slug: str) -> EntityRow | None:
        return self.reader().entity(slug)

    def resolve_entity(self, text: str) -> str | None:
        return self.reader().resolve_entity(text)

    def entities(self, prefix: str, offset: int, limit: int) -> tuple[list[EntityRow], int]:
        return self.reader().entity_page(prefix, offset, limit)

    def entity_stories(
        self, slug: str, offset: int, limit: int
    ) -> tuple[list[tuple[StoryRow, list[str]]], int]:
        return self.reader().entity_stories(slug, offset, limit)

    def story_entity_slugs(self, story_id: str) -> dict[str, str]:
        return self.reader().story_entity_slugs(story_id)

    def coverage_days(self, since: str, until: str) -> list[CoverageDay]:
        """Coverage per outlet and entity per day, remembered until the stories change (the
        page and the CSV of one span count once)."""
        key = ("coverage_days", since, until)
        return self.memo(key, lambda: self.reader().coverage_days(since, until))
