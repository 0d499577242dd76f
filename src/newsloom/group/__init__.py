"""The group stage: articles → stories, with copy groups and the reasons for each member."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from newsloom.group.copies import copy_groups, copy_pairs
from newsloom.group.events import cluster, entity_sets, similarity, vectorize
from newsloom.model import Article, CopyGroup, Membership, Story

__all__ = ["group"]

#: How many shared entities and terms explain a membership.
WHY_TOP = 6


def group(articles: Sequence[Article]) -> list[Story]:
    """Group articles into stories, newest story first."""
    articles = [a for a in articles if a.body]
    if not articles:
        return []
    pairs = copy_pairs(articles)
    vectors, vocab = vectorize(articles)
    labels = cluster(similarity(articles, vectors, pairs))
    groups = copy_groups(articles, pairs)
    members: dict[int, list[int]] = {}
    for idx, label in enumerate(labels):
        members.setdefault(label, []).append(idx)
    stories = [_story(articles, idx, groups, vectors, vocab) for idx in members.values()]
    return sorted(stories, key=lambda s: (s.last_published or "", s.id), reverse=True)


def _story(
    articles: Sequence[Article],
    idx: list[int],
    groups: list[CopyGroup],
    vectors: NDArray[np.float64],
    vocab: list[str],
) -> Story:
    ordered = sorted(idx, key=lambda k: (articles[k].date_key or "9999", articles[k].id))
    ids = [articles[k].id for k in ordered]
    dates = [d for k in ordered if (d := articles[k].date_key)]
    title = next((articles[k].title for k in ordered if articles[k].title), None)
    return Story(
        id="S" + hashlib.sha1(ids[0].encode()).hexdigest()[:8],
        title=title,
        articles=ids,
        copy_groups=[g for g in groups if g.articles[0] in ids],
        why=_why(articles, ordered, vectors, vocab),
        first_published=min(dates) if dates else None,
        last_published=max(dates) if dates else None,
    )


def _why(
    articles: Sequence[Article], idx: list[int], vectors: NDArray[np.float64], vocab: list[str]
) -> list[Membership]:
    if len(idx) < 2:
        return [Membership(article=articles[idx[0]].id, similarity=1.0)]
    ents = entity_sets([articles[k] for k in idx])
    out = []
    for pos, k in enumerate(idx):
        rest = [r for r in idx if r != k]
        centroid = vectors[rest].mean(axis=0)
        norm = float(np.linalg.norm(centroid)) or 1.0
        sim = float(vectors[k] @ centroid) / norm
        shared_terms = _shared_terms(vectors[k], centroid, vocab)
        others = Counter(e for p, es in enumerate(ents) if p != pos for e in es)
        shared = sorted(ents[pos] & set(others), key=lambda e: (-others[e], e))[:WHY_TOP]
        out.append(
            Membership(
                article=articles[k].id,
                shared_entities=shared,
                shared_terms=shared_terms,
                similarity=round(sim, 3),
            )
        )
    return out


def _shared_terms(
    vector: NDArray[np.float64], centroid: NDArray[np.float64], vocab: list[str]
) -> list[str]:
    weight = vector * centroid
    top = np.argsort(-weight)[:WHY_TOP]
    return [vocab[t] for t in top if weight[t] > 0]
