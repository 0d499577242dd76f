"""The incremental story index: blocks by nearest neighbours, events clustered inside blocks.

``StoryIndex.add(articles)`` takes a batch of new (or changed) articles and:

1. reduces each to a :class:`~newsloom.group.features.Doc` and a pruned TF-IDF vector (its
   ``PRUNE_TERMS`` heaviest terms, global document frequencies so far);
2. finds each new article's nearest neighbours among the live articles with one sparse product
   (pruned vectors make it cheap: common words are not in them), keeping those at cosine
   ``BLOCK_THRESHOLD`` or more and published within ``MAX_DAYS_APART`` days — never all pairs;
3. finds its copies with MinHash/LSH (``copies.py``);
4. merges the blocks those links touch, and re-clusters *only those blocks* into events
   (``events.py``). Every other story stays as it was.

A story's id is ``S`` + a hash of its earliest article, so it keeps its id when articles join
it, when it absorbs another story, or when a later article splits off. Blocks whose newest
article is more than ``EVICT_DAYS`` older than the newest seen are frozen and their articles
dropped from memory: a stream is grouped in bounded memory.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray
from scipy.sparse import csr_matrix

from newsloom.group.copies import CopyIndex
from newsloom.group.events import MAX_DAYS_APART, cluster_block
from newsloom.group.features import Doc, to_doc
from newsloom.group.stories import build_story, story_id
from newsloom.model import Article, Story

#: Terms kept per article for neighbour search. 30 lost same-event pairs of short articles
#: (tests/test_group.py: cosine 0.12 against 0.22 unpruned); 60 matched the full vectors.
PRUNE_TERMS = 60
#: Two articles are in one block when their pruned cosine reaches this (ECB+ 1–25, grid
#: 0.1/0.15/0.2: 0.10 and 0.15 within 0.002 B-cubed F1). On the sample corpus a follow-up two
#: days later (the fire marshal's finding) only reaches its story's block at ≤ 0.12; at 0.10
#: the scale stream's blocks grow and peak memory with them (30k articles: 4.9 GB at 0.10,
#: 1.9 GB at 0.12). Blocking only proposes; the event clustering inside a block decides.
BLOCK_THRESHOLD = 0.12
#: At most this many neighbours per new article link blocks (ECB+ 1–25: 5 ≥ 10 by 0.004 F1).
BLOCK_NEIGHBOURS = 5
#: Neighbour links never grow a block past this many articles (copies still join): the event
#: clustering inside a block is quadratic in its size. ECB+ topics hold at most 39 documents;
#: the scale bench's densest days about 400.
MAX_BLOCK = 1000
#: Neighbour candidates sorted at once (``_best_first``): self, copies and refused merges
#: aside, the first ``BLOCK_NEIGHBOURS`` links are almost always among them.
FIRST_LOOK = 4 * BLOCK_NEIGHBOURS
#: A block untouched for this many days (after the newest article seen) is frozen.
EVICT_DAYS = 3 * MAX_DAYS_APART


def _best_first(vals: NDArray[np.float64], floor: float, first: int) -> Iterator[int]:
    """Positions of ``vals`` at ``floor`` or more, highest first (ties in position order):
    the ``first`` best sorted at once, the rest only when a caller reads past them. A new
    article links to a handful of neighbours, but a dense block offers thousands above the
    floor, and sorting them all was a tenth of a large regroup."""
    strong = np.flatnonzero(vals >= floor)
    if len(strong) > first:
        cut = np.partition(vals[strong], len(strong) - first)[len(strong) - first]
        top, rest = strong[vals[strong] >= cut], strong[vals[strong] < cut]
    else:
        top, rest = strong, strong[:0]
    yield from (int(i) for i in top[np.argsort(-vals[top], kind="stable")])
    yield from (int(i) for i in rest[np.argsort(-vals[rest], kind="stable")])


@dataclass(slots=True)
class Changes:
    """What one ``add`` did to the stories: new or changed stories, and ids that are gone."""

    stories: list[Story] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Block:
    keys: set[int]
    newest: int | None = None


class StoryIndex:
    """Stories of everything added so far; ``add`` regroups only what new articles touch."""

    def __init__(self) -> None:
        self._docs: dict[int, Doc] = {}
        self._key: dict[str, int] = {}
        self._next = 0
        self._df: dict[str, int] = {}
        self._n = 0
        self._vocab: dict[str, int] = {}
        self._rows: dict[int, tuple[NDArray[np.int64], NDArray[np.float64]]] = {}
        self._block_of: dict[int, int] = {}
        self._blocks: dict[int, _Block] = {}
        self._copies: dict[int, dict[int, float]] = {}
        self._copy_index = CopyIndex()
        self._stories: dict[str, Story] = {}
        self._made: dict[str, tuple[str, frozenset[int]]] = {}  # story id: its block, its keys
        self._story_of: dict[int, str] = {}
        self._newest: int | None = None
        self._pending: set[str] = set()
        self._frozen: list[Story] = []

    # -------------------------------------------------------------------------- public

    def add(self, articles: Iterable[Article]) -> Changes:
        """Add a batch of articles; an id seen before replaces the earlier article."""
        fresh = list({a.id: a for a in articles if a.body.strip()}.values())
        touched: set[int] = set()
        for article in fresh:
            old = self._key.get(article.id)
            if old is not None:
                touched |= self._drop(old)
        keys = [self._insert(a) for a in fresh]
        self._link_neighbours(keys)
        for key, article in zip(keys, fresh, strict=True):
            for other, score in self._copy_index.add(key, article.body):
                if other in self._docs:
                    self._copies.setdefault(key, {})[other] = score
                    self._copies.setdefault(other, {})[key] = score
                    self._merge(key, other)
        blocks = {self._block_of[k] for k in touched | set(keys) if k in self._block_of}
        changes = self._recluster(blocks)
        self._evict()
        return changes

    def pop_frozen(self) -> list[Story]:
        """The stories whose blocks were frozen (``EVICT_DAYS`` behind the newest article) since
        the last call, taken out of the index: no later article can change them. A caller that
        streams a store through the index writes these and keeps memory flat."""
        frozen, self._frozen = self._frozen, []
        for story in frozen:
            if self._stories.get(story.id) is story:
                self._forget(story.id)
        return frozen

    def stories(self) -> list[Story]:
        """Every story still held (all of them unless ``pop_frozen`` took some), newest
        first."""
        return sorted(
            self._stories.values(), key=lambda s: (s.last_published or "", s.id), reverse=True
        )

    # ------------------------------------------------------------------------- inserting

    def _insert(self, article: Article) -> int:
        key = self._next
        self._next += 1
        doc = to_doc(article)
        self._docs[key] = doc
        self._key[doc.id] = key
        self._n += 1
        for term in doc.terms:
            self._df[term] = self._df.get(term, 0) + 1
        self._blocks[key] = _Block({key}, doc.day)
        self._block_of[key] = key
        if doc.day is not None and (self._newest is None or doc.day > self._newest):
            self._newest = doc.day
        return key

    def _drop(self, key: int) -> set[int]:
        """Forget an article that is being replaced; return the rest of its block."""
        doc = self._docs.pop(key)
        del self._key[doc.id]
        self._rows.pop(key, None)
        self._copy_index.forget(key)
        for other in self._copies.pop(key, {}):
            self._copies.get(other, {}).pop(key, None)
        block = self._blocks[self._block_of.pop(key)]
        block.keys.discard(key)
        story = self._story_of.pop(key, None)
        if story is not None:
            self._pending.add(story)
        return set(block.keys)

    def _vector(self, doc: Doc) -> tuple[NDArray[np.int64], NDArray[np.float64]]:
        n = self._n
        weights = {
            t: w * (math.log((1 + n) / (1 + self._df.get(t, 0))) + 1.0)
            for t, w in doc.terms.items()
        }
        top = sorted(weights.items(), key=lambda tw: -tw[1])[:PRUNE_TERMS]
        cols = np.array([self._vocab.setdefault(t, len(self._vocab)) for t, _ in top], np.int64)
        vals = np.array([w for _, w in top], dtype=np.float64)
        norm = float(np.linalg.norm(vals)) or 1.0
        return cols, vals / norm

    # -------------------------------------------------------------------------- blocking

    def _link_neighbours(self, keys: Sequence[int]) -> None:
        for key in keys:
            self._rows[key] = self._vector(self._docs[key])
        if not keys or len(self._rows) < 2:
            return
        dated = [k for k in keys if self._docs[k].day is not None]
        undated = [k for k in keys if self._docs[k].day is None]
        for some, live in ((dated, self._near(dated)), (undated, list(self._rows))):
            if some:
                self._link_some(some, live)

    def _near(self, keys: Sequence[int]) -> list[int]:
        """The live articles that may link to one of ``keys`` (all dated): those undated or
        within ``MAX_DAYS_APART`` days of the keys' days. A large block keeps its old articles
        live while it grows (a 100,000-article stream held 17,000 live articles over 140 days,
        5,000 of them near a chunk's week): leaving the far ones out of the product changes no
        link, since ``_near_in_time`` refuses them."""
        days = [d for k in keys if (d := self._docs[k].day) is not None]
        if not days:
            return []
        lo, hi = min(days) - MAX_DAYS_APART, max(days) + MAX_DAYS_APART
        return [k for k in self._rows if (d := self._docs[k].day) is None or lo <= d <= hi]

    def _link_some(self, keys: Sequence[int], live: Sequence[int]) -> None:
        """Link each of ``keys`` to its nearest neighbours among ``live`` (one sparse
        product; only the entries at ``BLOCK_THRESHOLD`` or more are sorted)."""
        sims = (self._matrix(keys) @ self._matrix(live).T).tocsr()
        for r, key in enumerate(keys):
            lo, hi = sims.indptr[r], sims.indptr[r + 1]
            cols, vals = sims.indices[lo:hi], sims.data[lo:hi]
            linked = 0
            for c in _best_first(vals, BLOCK_THRESHOLD, FIRST_LOOK):
                if linked >= BLOCK_NEIGHBOURS:
                    break
                other = live[int(cols[c])]
                if other != key and self._near_in_time(key, other):
                    linked += self._merge(key, other, cap=MAX_BLOCK)

    def _matrix(self, keys: Sequence[int]) -> csr_matrix:
        rows = [self._rows[k] for k in keys]
        indptr = np.cumsum([0] + [len(c) for c, _ in rows])
        cols = np.concatenate([c for c, _ in rows]) if rows else np.zeros(0, np.int64)
        vals = np.concatenate([v for _, v in rows]) if rows else np.zeros(0)
        return csr_matrix((vals, cols, indptr), shape=(len(keys), max(len(self._vocab), 1)))

    def _near_in_time(self, a: int, b: int) -> bool:
        da, db = self._docs[a].day, self._docs[b].day
        return da is None or db is None or abs(da - db) <= MAX_DAYS_APART

    def _merge(self, a: int, b: int, cap: int | None = None) -> bool:
        """Join the blocks of ``a`` and ``b``; refused when that makes a block over ``cap``."""
        ba, bb = self._block_of[a], self._block_of[b]
        if ba == bb:
            return True
        if cap is not None and len(self._blocks[ba].keys) + len(self._blocks[bb].keys) > cap:
            return False
        if len(self._blocks[ba].keys) < len(self._blocks[bb].keys):
            ba, bb = bb, ba
        small = self._blocks.pop(bb)
        big = self._blocks[ba]
        big.keys |= small.keys
        if small.newest is not None and (big.newest is None or small.newest > big.newest):
            big.newest = small.newest
        for k in small.keys:
            self._block_of[k] = ba
        return True

    # ------------------------------------------------------------------------ clustering

    def _recluster(self, blocks: Iterable[int]) -> Changes:
        changes = Changes()
        for block in blocks:
            keys = sorted(self._blocks[block].keys, key=lambda k: self._docs[k].order)
            if not keys:
                del self._blocks[block]
                continue
            self._blocks[block].newest = max(
                (d for k in keys if (d := self._docs[k].day) is not None), default=None
            )
            before = {self._story_of[k] for k in keys if k in self._story_of}
            after = self._cluster(keys)
            block_id = "B" + hashlib.sha1(self._docs[keys[0]].id.encode()).hexdigest()[:8]
            for members in after:
                story = self._story(members, block_id)
                for k in members:
                    self._story_of[k] = story.id
                if self._stories.get(story.id) is not story:
                    self._stories[story.id] = story
                    changes.stories.append(story)
            kept = {self._story_of[k] for k in keys}
            for gone in sorted(before - kept):
                self._forget(gone)
                changes.removed.append(gone)
        live = set(self._story_of.values())
        for gone in sorted(self._pending - live):
            if self._forget(gone) is not None:
                changes.removed.append(gone)
        self._pending.clear()
        return changes

    def _story(self, members: list[int], block_id: str) -> Story:
        """The story of ``members`` (in publication order): the one held when its block and
        its articles are what they were (a large block is re-clustered whenever an article
        joins it, and most of its stories come out as they were), else built."""
        made = (block_id, frozenset(members))
        held = self._stories.get(story_id(self._docs[members[0]].id))
        if held is not None and self._made.get(held.id) == made:
            return held
        story = build_story([self._docs[k] for k in members], self._copy_links(members),
                            self._df, self._n, block_id)  # fmt: skip
        self._made[story.id] = made
        return story

    def _forget(self, story: str) -> Story | None:
        self._made.pop(story, None)
        return self._stories.pop(story, None)

    def _cluster(self, keys: list[int]) -> list[list[int]]:
        """Cluster the block's reports: each copy group counts once, by its earliest page."""
        report = self._reports(keys)
        reps = [k for k in keys if report[k] == k]
        labels = cluster_block([self._docs[k] for k in reps], self._df, self._n)
        label_of = dict(zip(reps, labels, strict=True))
        groups: dict[int, list[int]] = {}
        for k in keys:
            groups.setdefault(label_of[report[k]], []).append(k)
        return list(groups.values())

    def _reports(self, keys: list[int]) -> dict[int, int]:
        """Each key's report: the earliest key (``keys`` are in order) of its copy group."""
        report: dict[int, int] = {}
        for k in keys:
            if k in report:
                continue
            stack = [k]
            report[k] = k
            while stack:
                for other in self._copies.get(stack.pop(), {}):
                    if other not in report and other in self._block_of:
                        report[other] = k
                        stack.append(other)
        return report

    def _copy_links(self, members: list[int]) -> dict[str, dict[str, float]]:
        inside = set(members)
        links: dict[str, dict[str, float]] = {}
        for a in members:
            for b, score in self._copies.get(a, {}).items():
                if b in inside:
                    links.setdefault(self._docs[a].id, {})[self._docs[b].id] = score
        return links

    # -------------------------------------------------------------------------- eviction

    def _evict(self) -> None:
        if self._newest is None:
            return
        horizon = self._newest - EVICT_DAYS
        old = [
            b for b, blk in self._blocks.items() if blk.newest is not None and blk.newest < horizon
        ]
        frozen: set[str] = set()
        for block in old:
            for key in self._blocks.pop(block).keys:
                doc = self._docs.pop(key)
                del self._key[doc.id]
                self._rows.pop(key, None)
                self._copy_index.forget(key)
                self._copies.pop(key, None)
                self._block_of.pop(key, None)
                story = self._story_of.pop(key, None)
                if story is not None and story in self._stories and story not in frozen:
                    frozen.add(story)
                    self._frozen.append(self._stories[story])
