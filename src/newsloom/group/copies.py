"""Copies of one report: MinHash/LSH over word shingles of the clean body, confirmed exactly.

A wire story republished with a new headline, a trimmed ending or an added local paragraph
keeps most of its 5-word shingles; two independent reports of one event share almost none
(quotes aside). LSH finds candidates without comparing all pairs; each candidate is confirmed
by the exact containment of the shorter text's shingles in the longer one's. The index is
incremental: articles are added in batches and only the new ones are queried.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence

from datasketch import MinHash

from newsloom.group.features import Doc
from newsloom.model import Article, CopyEdit

SHINGLE_WORDS = 5
NUM_PERM = 128
#: LSH band threshold (estimated Jaccard) for candidates; low, so trimmed copies are found.
LSH_THRESHOLD = 0.3
#: A candidate is a copy when this share of the shorter body's shingles is in the longer one.
#: Independent reports of one event measured at most 0.08 on the sample corpus; trimmed or
#: extended wire copies at least 0.7.
COPY_CONTAINMENT = 0.5
#: Added or dropped paragraphs shown per copy.
EDIT_ITEMS = 5

_WORD_RE = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    words = _WORD_RE.findall(text.lower())
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def _as_is(value: int) -> int:
    return value


#: Permutations drawn once (drawing them is half the cost of a fresh MinHash).
_TEMPLATE = MinHash(num_perm=NUM_PERM, seed=1)


def shingle_hashes(items: set[str]) -> frozenset[int]:
    return frozenset(zlib.crc32(s.encode("utf-8")) for s in items)


def minhash(hashes: frozenset[int]) -> MinHash:
    """MinHash of CRC32-hashed shingles, batched (~10× faster than sha1 item by item)."""
    mh = MinHash(
        num_perm=NUM_PERM, seed=1, hashfunc=_as_is, permutations=_TEMPLATE.permutations,
        scheme=_TEMPLATE.scheme,
    )  # fmt: skip
    mh.update_batch(list(hashes))
    return mh


def containment(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


#: LSH bands and rows per band: datasketch's choice for ``LSH_THRESHOLD`` of ``NUM_PERM`` (its
#: weighing of false positives against false negatives; ``MinHashLSH(0.3, 128)`` has b=37,
#: r=3, tests/test_group.py checks it). Pinned: working it out costs 13 ms at every import.
BANDS, ROWS = 37, 3


class CopyIndex:
    """An LSH index of shingle signatures (``BANDS`` buckets of ``ROWS`` MinHash values each:
    two bodies that share one band are candidates); keeps each body's shingle hashes for
    confirmation. The buckets are plain dicts: datasketch's index did the same through a
    storage layer that cost a tenth of a large regroup."""

    def __init__(self) -> None:
        self._buckets: list[dict[bytes, set[int]]] = [{} for _ in range(BANDS)]
        self._bands: dict[int, list[bytes]] = {}
        self._hashes: dict[int, frozenset[int]] = {}

    def add(self, key: int, body: str) -> list[tuple[int, float]]:
        """Index ``body`` under ``key``; return the indexed keys it copies, with containment."""
        items = shingles(body)
        if not items:
            return []
        hashes = shingle_hashes(items)
        values = minhash(hashes).hashvalues
        bands = [values[b * ROWS : (b + 1) * ROWS].tobytes() for b in range(BANDS)]
        candidates: set[int] = set()
        for bucket, band in zip(self._buckets, bands, strict=True):
            candidates |= bucket.get(band, set())
        found = []
        for other in sorted(candidates):
            theirs = self._hashes[other]
            score = len(hashes & theirs) / min(len(hashes), len(theirs))
            if score >= COPY_CONTAINMENT:
                found.append((other, score))
        for bucket, band in zip(self._buckets, bands, strict=True):
            bucket.setdefault(band, set()).add(key)
        self._bands[key] = bands
        self._hashes[key] = hashes
        return found

    def forget(self, key: int) -> None:
        """Drop ``key`` (an article too old to be copied again): bounded memory in a stream."""
        bands = self._bands.pop(key, None)
        if bands is None:
            return
        del self._hashes[key]
        for bucket, band in zip(self._buckets, bands, strict=True):
            keys = bucket[band]
            keys.discard(key)
            if not keys:
                del bucket[band]


def copy_pairs(articles: Sequence[Article]) -> list[tuple[int, int, float]]:
    """Index pairs (i < j) of articles that are copies of one report, with their containment."""
    index = CopyIndex()
    pairs = []
    for j, article in enumerate(articles):
        pairs += [(min(i, j), max(i, j), s) for i, s in index.add(j, article.body)]
    return sorted(pairs)


def copy_edit(earliest: Doc, copy: Doc) -> CopyEdit:
    """What ``copy`` changed against the ``earliest`` copy: headline, paragraphs in and out."""
    added = [t for k, t in copy.paragraphs.items() if k not in earliest.paragraphs]
    dropped = [t for k, t in earliest.paragraphs.items() if k not in copy.paragraphs]
    return CopyEdit(
        article=copy.id,
        title=copy.title if copy.title != earliest.title else None,
        added=added[:EDIT_ITEMS],
        dropped=dropped[:EDIT_ITEMS],
        added_paragraphs=len(added),
        dropped_paragraphs=len(dropped),
    )


__all__ = [
    "CopyIndex",
    "containment",
    "copy_edit",
    "copy_pairs",
    "minhash",
    "shingles",
]
