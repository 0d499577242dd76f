"""The reference CoNLL coreference scorer (v8.01), reimplemented: MUC (Vilain et al. 1995),
B-cubed (Bagga & Baldwin 1998), CEAF-e (Luo 2005, phi4 with an optimal alignment) and their
mean, over ``{mention: chain}`` maps with all mentions in one pseudo-document. Split out of
``entity_coref.py`` (which re-exports it) to keep that script a reader and a runner.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

import numpy as np
from scipy.optimize import linear_sum_assignment

__all__ = ["Score", "b_cubed", "ceaf_e", "conll", "muc"]

Score = tuple[float, float, float]  # recall, precision, F1


def _prf(num_r: float, den_r: float, num_p: float, den_p: float) -> Score:
    r = num_r / den_r if den_r else 0.0
    p = num_p / den_p if den_p else 0.0
    return r, p, 2 * p * r / (p + r) if p + r else 0.0


def _groups(clusters: Mapping[str, str]) -> list[frozenset[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for mention, cluster in clusters.items():
        out[cluster].add(mention)
    return [frozenset(v) for _, v in sorted(out.items())]


def muc(key: Mapping[str, str], response: Mapping[str, str]) -> Score:
    """MUC: links. A chain of n mentions has n-1 links; a response chain's correct links are its
    mentions found in the key minus the key chains they fall into (the reference scorer's count)."""
    correct = 0
    for chain in _groups(response):
        found = [key[m] for m in chain if m in key]
        correct += len(found) - len(set(found))
    key_links = sum(len(c) - 1 for c in _groups(key))
    response_links = sum(len(c) - 1 for c in _groups(response))
    return _prf(correct, key_links, correct, response_links)


def b_cubed(key: Mapping[str, str], response: Mapping[str, str]) -> Score:
    """B-cubed: per response mention, overlap of its response and key chains over each size."""
    key_chains = {c: g for g in _groups(key) for c in [key[next(iter(g))]]}
    acc_r = acc_p = 0.0
    for chain in _groups(response):
        for m in chain:
            gold = key_chains.get(key[m], frozenset()) if m in key else frozenset()
            common = len(chain & gold)
            acc_p += common / len(chain)
            acc_r += common / len(gold) if gold else 0.0
    return _prf(acc_r, len(key), acc_p, len(response))


def ceaf_e(key: Mapping[str, str], response: Mapping[str, str]) -> Score:
    """CEAF-e: best one-to-one alignment of key and response chains under
    phi4 = 2|K∩R| / (|K| + |R|); recall over key chains, precision over response chains."""
    keys, responses = _groups(key), _groups(response)
    where = {m: j for j, chain in enumerate(responses) for m in chain}
    total = 0.0
    for component in _components(keys, where):
        rows = [keys[i] for i in component[0]]
        cols = [responses[j] for j in component[1]]
        sim = np.array([[2 * len(k & r) / (len(k) + len(r)) for r in cols] for k in rows])
        r_idx, c_idx = linear_sum_assignment(sim, maximize=True)
        total += float(sim[r_idx, c_idx].sum())
    return _prf(total, len(keys), total, len(responses))


def _components(
    keys: Sequence[frozenset[str]], where: Mapping[str, int]
) -> list[tuple[list[int], list[int]]]:
    """Connected groups of key and response chains that share mentions (alignment is separable)."""
    parent = list(range(len(keys)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[int, int] = {}
    for i, chain in enumerate(keys):
        for m in chain:
            j = where.get(m)
            if j is None:
                continue
            if j in owner:
                parent[find(i)] = find(owner[j])
            else:
                owner[j] = i
    groups: dict[int, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for i in range(len(keys)):
        groups[find(i)][0].append(i)
    for j, i in sorted(owner.items()):
        groups[find(i)][1].append(j)
    return [g for g in groups.values() if g[1]]


def conll(key: Mapping[str, str], response: Mapping[str, str]) -> dict[str, Score | float]:
    scores: dict[str, Score | float] = {
        "MUC": muc(key, response),
        "B3": b_cubed(key, response),
        "CEAF-e": ceaf_e(key, response),
    }
    scores["CoNLL"] = sum(s[2] for s in scores.values() if isinstance(s, tuple)) / 3
    return scores
