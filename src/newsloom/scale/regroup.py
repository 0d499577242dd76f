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
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Iterable, Iterator, Sequence

from newsloom.front import Folders, assign_sections, learn_folders
from newsloom.fuse import fuse
from newsloom.group import StoryIndex
from newsloom.model import Story
from newsloom.store import Store, StoryPair, StoryWriter

log = logging.getLogger("newsloom.regroup")

#: Articles added to the story index at once. Memory holds one chunk of whole articles (about
#: 100 KB each with annotations) plus the index's light view of the live window; 2,000 keeps
#: that well under the 2 GB goal while a store of 2,000 articles is grouped in one go.
REGROUP_CHUNK = 2000
#: Stories fused and written together (their pages read back in one query).
WRITE_STORIES = 200


def regroup_store(
    store: Store, scope: Collection[str] | None = None, remove: Sequence[str] = ()
) -> int:
    """Recompute every story and dossier of ``store`` (``scope`` None), or regroup only the
    articles of ``scope`` in place of the stories ``remove`` (``pipeline.update_stories``).
    Returns how many stories were written."""
    learned = learn_folders(store.sections_and_urls(scope))
    index = StoryIndex()
    count = 0
    rewriting = store.rewriting_stories() if scope is None else store.rewriting_some_stories(remove)
    with rewriting as add:
        for chunk in _chunks(store.ids_by_date(scope), REGROUP_CHUNK):
            index.add(list(store.articles(chunk)))
            count += _write(store, index.pop_frozen(), learned, add)
        count += _write(store, index.stories(), learned, add)
    log.info("regrouped %s: %d stories", "the store" if scope is None else "the scope", count)
    return count


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
