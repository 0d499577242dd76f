"""A story from its member docs: copy groups with their edits, and why each article is in.

Why an article is in its story: the entities it shares with the other members (most shared
first), the terms that weigh most both in it and in the rest of the story (TF-IDF, global
document frequencies), and its cosine to the centroid of the rest.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Mapping, Sequence

from newsloom.group.copies import copy_edit
from newsloom.group.features import Doc
from newsloom.model import CopyGroup, Membership, Story

#: How many shared entities and terms explain a membership.
WHY_TOP = 6

CopyLinks = Mapping[str, Mapping[str, float]]


#: Hex digits of a story id: 64 bits, so two of a million stories share one with a chance of
#: about 3 in 100 million (32 bits were a 5% chance at 100,000, on a primary key). The
#: store's migration 5 widens old ids (``store.story_ids``).
STORY_ID_HEX = 16


def story_id(earliest: str) -> str:
    """``S`` + a sha1 prefix of the story's earliest article id: a story keeps its id while
    later articles join it."""
    return "S" + hashlib.sha1(earliest.encode()).hexdigest()[:STORY_ID_HEX]


def build_story(
    docs: Sequence[Doc], copies: CopyLinks, df: Mapping[str, int], n: int, block: str
) -> Story:
    """``docs`` in publication order (earliest first); ``copies`` links copy pairs by id."""
    ordered = sorted(docs, key=lambda d: d.order)
    ids = [d.id for d in ordered]
    dates = [d.order[0] for d in ordered if d.order[0] != "9999"]
    groups = copy_groups(ordered, copies)
    copy_of = {a: g.earliest for g in groups for a in g.articles[1:]}
    return Story(
        id=story_id(ids[0]),
        title=next((d.title for d in ordered if d.title), None),
        articles=ids,
        copy_groups=groups,
        why=why(ordered, df, n, copy_of),
        first_published=min(dates) if dates else None,
        last_published=max(dates) if dates else None,
        pages=len(ids),
        reports=len(ids) - len(copy_of),
        block=block,
    )


def copy_groups(ordered: Sequence[Doc], copies: CopyLinks) -> list[CopyGroup]:
    """Connected copies, each group named by and diffed against its earliest page."""
    by_id = {d.id: d for d in ordered}
    seen: set[str] = set()
    groups = []
    for doc in ordered:
        if doc.id in seen or doc.id not in copies:
            continue
        members, scores = _component(doc.id, copies)
        seen |= members
        if len(members) < 2:
            continue
        ids = [d.id for d in ordered if d.id in members]
        earliest = by_id[ids[0]]
        groups.append(
            CopyGroup(
                id="C" + hashlib.sha1(ids[0].encode()).hexdigest()[:8],
                articles=ids,
                earliest=ids[0],
                similarity=round(min(scores, default=1.0), 3),
                edits=[copy_edit(earliest, by_id[a]) for a in ids[1:]],
            )
        )
    return groups


def _component(start: str, copies: CopyLinks) -> tuple[set[str], list[float]]:
    members, stack, scores = {start}, [start], []
    while stack:
        for other, score in copies.get(stack.pop(), {}).items():
            scores.append(score)
            if other not in members:
                members.add(other)
                stack.append(other)
    return members, scores


def why(
    ordered: Sequence[Doc], df: Mapping[str, int], n: int, copy_of: Mapping[str, str]
) -> list[Membership]:
    if len(ordered) < 2:
        return [Membership(article=ordered[0].id, similarity=1.0)]
    vectors = [_tfidf(d, df, n) for d in ordered]
    total: Counter[str] = Counter()
    for vec in vectors:
        total.update(vec)
    entity_count = Counter(e for d in ordered for e in d.entities)
    total_sq = sum(w * w for w in total.values())
    out = []
    for doc, vec in zip(ordered, vectors, strict=True):
        rest = {t: total[t] - w for t, w in vec.items()}
        dot = sum(total[t] * w for t, w in vec.items())
        norm = math.sqrt(max(total_sq - 2 * dot + sum(w * w for w in vec.values()), 0.0)) or 1.0
        weight = {t: w * rest[t] for t, w in vec.items() if rest[t] > 1e-9}
        terms = sorted(weight, key=lambda t: (-weight[t], t))
        shared = sorted(
            (e for e in doc.entities if entity_count[e] > 1), key=lambda e: (-entity_count[e], e)
        )
        out.append(
            Membership(
                article=doc.id,
                shared_entities=shared[:WHY_TOP],
                shared_terms=[t for t in terms if not t.startswith("@")][:WHY_TOP],
                similarity=round(sum(weight.values()) / norm, 3),
                copy_of=copy_of.get(doc.id),
            )
        )
    return out


def _tfidf(doc: Doc, df: Mapping[str, int], n: int) -> dict[str, float]:
    vec = {t: w * (math.log((1 + n) / (1 + df.get(t, 0))) + 1.0) for t, w in doc.terms.items()}
    norm = math.sqrt(sum(w * w for w in vec.values())) or 1.0
    return {t: w / norm for t, w in vec.items()}
