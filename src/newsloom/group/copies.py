"""Copies of one report: MinHash/LSH over word shingles of the clean body, confirmed exactly.

A wire story republished with a new headline, a trimmed ending or an added local paragraph
keeps most of its 5-word shingles; two independent reports of one event share almost none
(quotes aside). LSH finds candidates without comparing all pairs; each candidate is confirmed
by the exact containment of the shorter text's shingles in the longer one's.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

from datasketch import MinHash, MinHashLSH

from newsloom.model import Article, CopyGroup

SHINGLE_WORDS = 5
NUM_PERM = 128
#: LSH band threshold (estimated Jaccard) for candidates; low, so trimmed copies are found.
LSH_THRESHOLD = 0.3
#: A candidate is a copy when this share of the shorter body's shingles is in the longer one.
#: Independent reports of one event measured at most 0.08 on the sample corpus; trimmed or
#: extended wire copies at least 0.7.
COPY_CONTAINMENT = 0.5

_WORD_RE = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    words = _WORD_RE.findall(text.lower())
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def _minhash(items: set[str]) -> MinHash:
    mh = MinHash(num_perm=NUM_PERM, seed=1)
    for item in items:
        mh.update(item.encode("utf-8"))
    return mh


def containment(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def copy_pairs(articles: Sequence[Article]) -> list[tuple[int, int, float]]:
    """Index pairs (i < j) of articles that are copies of one report, with their containment."""
    sets = [shingles(a.body) for a in articles]
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    pairs: list[tuple[int, int, float]] = []
    for j, items in enumerate(sets):
        if not items:
            continue
        mh = _minhash(items)
        for key in lsh.query(mh):
            i = int(key)
            score = containment(sets[i], items)
            if score >= COPY_CONTAINMENT:
                pairs.append((min(i, j), max(i, j), score))
        lsh.insert(str(j), mh)
    return pairs


def copy_groups(
    articles: Sequence[Article], pairs: list[tuple[int, int, float]]
) -> list[CopyGroup]:
    """Groups of two or more copies, each named by its earliest page."""
    parent = list(range(len(articles)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    best: dict[int, float] = {}
    for i, j, _ in pairs:
        parent[find(i)] = find(j)
    for i, _, score in pairs:
        root = find(i)
        best[root] = min(best.get(root, 1.0), score)
    members: dict[int, list[int]] = {}
    for i in range(len(articles)):
        members.setdefault(find(i), []).append(i)
    groups = []
    for root, idx in members.items():
        if len(idx) < 2:
            continue
        ordered = sorted(idx, key=lambda k: (articles[k].date_key or "9999", articles[k].id))
        ids = [articles[k].id for k in ordered]
        digest = hashlib.sha1(ids[0].encode()).hexdigest()[:8]
        groups.append(
            CopyGroup(
                id=f"C{digest}", articles=ids, earliest=ids[0], similarity=round(best[root], 3)
            )
        )
    return groups
