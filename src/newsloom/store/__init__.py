"""The store: one SQLite file with articles, rejections, stories, dossiers and full-text search.

Usage::

    with Store("newsloom.db") as store:
        counts = store.write_batch(articles, rejections)  # one transaction per batch
        store.replace_stories(stories, dossiers)          # one transaction
        hits = store.search('"north korean" troops')

Concurrency, in Datasette's shape (``datasette/database.py``: one writer, many readers), kept
simple for now:

- A :class:`Store` owns the one write connection. Every write is a single ``BEGIN IMMEDIATE`` …
  ``COMMIT`` transaction, so a process killed at any moment leaves the file consistent and every
  committed batch whole. The store's reading methods use the same connection; use a ``Store``
  from one thread at a time (a web server would give it to one writer thread, as Datasette's
  ``execute_write_fn`` does).
- :meth:`Store.reader` opens a separate read-only connection (``file:…?mode=ro``) with the same
  reading methods, for other threads: one reader per thread. The file is in WAL mode, so readers
  see the last committed state and never block, or are blocked by, the writer.
- Another process may open the same file; ``busy_timeout`` makes a second writer wait for the
  first one's transaction instead of failing.

A file that is not SQLite, is some other application's database, or has a schema version newer
than this code knows raises :class:`~newsloom.errors.StoreError`; the file is left untouched.
"""

from newsloom.store.derived import slugify
from newsloom.store.listing import (
    HIT_END,
    HIT_START,
    EntityRow,
    FrontRow,
    MentionMark,
    OutletCount,
    OutletMark,
    PageMark,
    SearchHit,
    SearchPlan,
    Sort,
    StoryFilter,
    StoryRow,
)
from newsloom.store.over_time import CoverageDay
from newsloom.store.query import QuerySyntaxError
from newsloom.store.reading import Reading, StoreReader
from newsloom.store.store import BatchCounts, Store, StoryPair, StoryWriter

__all__ = [
    "HIT_END",
    "HIT_START",
    "BatchCounts",
    "CoverageDay",
    "EntityRow",
    "FrontRow",
    "MentionMark",
    "OutletCount",
    "OutletMark",
    "PageMark",
    "QuerySyntaxError",
    "Reading",
    "SearchHit",
    "SearchPlan",
    "Sort",
    "Store",
    "StoreReader",
    "StoryFilter",
    "StoryPair",
    "StoryRow",
    "StoryWriter",
    "slugify",
]
