"""The story's entity resolver: which of its mentions, across documents, are one entity.

One function, :func:`resolve`, serves the dossier (:func:`newsloom.fuse.entities.merge_entities`
feeds it a story's named mentions) and the ECB+ benchmark (``bench/entity_coref.py`` feeds it
gold mentions, names, common nouns and pronouns, through this same function). Three passes,
within each document cluster (the whole story when ``doc_clusters`` is ``None``):

1. **Name rules** (:mod:`newsloom.fuse.name_rules`) put every mention with a name label into a
   cluster by its spelling: skeletons survive transliteration, a bare surname or an initial joins
   the one full name it can stand for, demonyms join their place, defined acronyms their long
   form.
2. **Within-document chains** (:mod:`newsloom.fuse.coref_within`): a pronoun takes its
   antecedent, an unlabelled name the name it repeats; a chain never joins two name clusters.
3. **The pair model** (:mod:`newsloom.fuse.coref`): average linkage over pairwise merge
   probabilities, per document cluster and family, starting from the name clusters and chains:
   the common nouns and unlabelled names join a name cluster or each other. Two name clusters
   are never joined (``PairModel.names_final``): letting the model join them scores higher on
   ECB+ gold mentions but, on the sample corpus, merged a person into his company, two streets
   and three schools. Mentions alike in all but their document are scored once, and copies of
   one unnamed mention start as one unit, so a story of many copies of one wire report costs
   what its distinct mentions cost.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

import numpy as np
from numpy.typing import NDArray

from newsloom.fuse.coref import (
    MERGE_THRESHOLD,
    PAIR_WEIGHTS,
    ExtraFeatures,
    block_stats,
    pair_logits,
)
from newsloom.fuse.coref_mention import MentionInDoc, pronoun
from newsloom.fuse.coref_within import within_doc_links
from newsloom.fuse.name_rules import NameCluster, name_clusters
from newsloom.fuse.names import fold

__all__ = ["DEFAULT_MODEL", "MAX_OPEN", "PairModel", "Resolution", "resolve"]

#: Unnamed mentions per block the pair model scores at most; past that the rest stay alone, so
#: a block's cost is bounded by ``MAX_OPEN`` times its size (ECB+'s largest block has ~300).
MAX_OPEN = 2000
#: Within-document rules whose chains stay together before the pair model.
WITHIN_RULES: tuple[str, ...] = ("pronoun", "name")


@dataclass(frozen=True, slots=True)
class PairModel:
    """The learned pair model: weights over ``coref.FEATURES`` (plus one per ``extra`` matrix),
    the average-linkage cut, and whether the name rules' clusters are final (never joined)."""

    weights: tuple[float, ...] = PAIR_WEIGHTS
    threshold: float = MERGE_THRESHOLD
    extra: ExtraFeatures | None = None
    names_final: bool = True


#: The shipped pair model (weights and cut fitted with ``bench/entity_coref.py --fit``).
DEFAULT_MODEL = PairModel()


@dataclass(slots=True)
class Resolution:
    """A cluster id per mention key, and the name clusters behind the ids that have one."""

    cluster: dict[str, str] = field(default_factory=dict)
    names: dict[str, NameCluster] = field(default_factory=dict)


def resolve(
    mentions: Sequence[MentionInDoc],
    doc_clusters: Mapping[str, str] | None = None,
    *,
    acronyms: Iterable[tuple[str, str, str]] = (),
    model: PairModel | None = DEFAULT_MODEL,
) -> Resolution:
    """Resolve ``mentions`` to entities. ``doc_clusters`` maps a document to its event cluster
    (mentions of two clusters never merge); ``acronyms`` are ``(document, acronym, long form)``
    definitions; ``model`` ``None`` stops after the name rules and chains."""

    def event_of(doc: str) -> str:
        return doc_clusters.get(doc, doc) if doc_clusters is not None else ""

    by_event: dict[str, list[MentionInDoc]] = defaultdict(list)
    for m in mentions:
        by_event[event_of(m.doc)].append(m)
    defined: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for acronym in acronyms:
        defined[event_of(acronym[0])].append(acronym)
    out = Resolution()
    for event in sorted(set(by_event) | set(defined)):
        _resolve_event(event, by_event[event], defined[event], model, out)
    return out


def _resolve_event(
    event: str,
    mentions: list[MentionInDoc],
    acronyms: list[tuple[str, str, str]],
    model: PairModel | None,
    out: Resolution,
) -> None:
    mentions = _capitalised_nouns(mentions)
    named = name_clusters(mentions, acronyms)
    name_of: dict[str, str] = {}
    for key, cluster in named.items():
        cid = f"{event}|{key}"
        out.names[cid] = cluster
        name_of.update(dict.fromkeys(cluster.keys, cid))
    units = _Units(mentions, name_of)
    for cluster in named.values():
        for key in cluster.keys[1:]:
            units.union(cluster.keys[0], key, names=True)
    for src, dst, _ in within_doc_links(mentions, WITHIN_RULES):
        units.union(src, dst)
    if model is not None:
        blocks: dict[str, list[MentionInDoc]] = defaultdict(list)
        for m in mentions:
            if not pronoun(m):
                blocks[m.family].append(m)
        for family in sorted(blocks):
            _link_open(sorted(blocks[family], key=lambda m: m.key), units, model)
    for m in mentions:
        root = units.find(m.key)
        out.cluster[m.key] = units.name[root] or f"{event}|{root}"
    for cid in [c for c in out.names if c.startswith(f"{event}|")]:
        cluster = out.names[cid]
        final = out.cluster[cluster.keys[0]] if cluster.keys else cid
        if final != cid:  # the pair model joined two name clusters
            out.names[final].absorb(out.names.pop(cid))


def _capitalised_nouns(mentions: list[MentionInDoc]) -> list[MentionInDoc]:
    """The mentions with a one-word "name" that the story also writes as a common noun ("Host"
    in a headline, "the host" in the text) taken as that common noun, unless a longer name
    of the story ends with the word (then it is a surname: "Baker" of "Ann Baker")."""
    common = {m.head for m in mentions if not m.proper and not pronoun(m)}
    surnames = {fold(m.text.split()[-1]) for m in mentions if m.proper and " " in m.text.strip()}
    return [
        replace(m, proper=False)
        if m.proper and " " not in m.text.strip() and m.head in common and m.head not in surnames
        else m
        for m in mentions
    ]


class _Units:
    """Union-find over mention keys that never joins two name clusters."""

    def __init__(self, mentions: Sequence[MentionInDoc], name_of: Mapping[str, str]) -> None:
        self.parent = {m.key: m.key for m in mentions}
        self.name = {m.key: name_of.get(m.key, "") for m in mentions}

    def person(self, root: str) -> bool:
        """Is the root's name cluster a person's?"""
        return "|P:" in self.name[root]

    def find(self, key: str) -> str:
        parent = self.parent
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    def union(self, a: str, b: str, names: bool = False) -> bool:
        ra, rb = self.find(a), self.find(b)
        both = self.name[ra] and self.name[rb]
        if ra == rb or (both and not names):
            return False
        keep, gone = min(ra, rb), max(ra, rb)
        self.parent[gone] = keep
        self.name[keep] = self.name[keep] or self.name[gone]
        return True


def _link_open(block: list[MentionInDoc], units: _Units, model: PairModel) -> None:
    """Average linkage of the block's units over mention-pair probabilities. With
    ``names_final`` a unit without a name joins a named unit or another unnamed one, and two
    named units never join; without it any two units may join.

    Mentions alike in every feature but their document (copies of one wire story) are scored
    once: the probabilities are computed between distinct mentions and counted per unit, and
    copies of one unnamed mention start as one unit, so the linkage's cost (cubic in units)
    follows the distinct mentions, not the pages.
    """
    reps, sig_of = _distinct(block)
    first: dict[int, str] = {}
    for m, sig in zip(block, sig_of, strict=True):  # copies of one unnamed mention: one unit
        if not units.name[units.find(m.key)]:
            units.union(first.setdefault(sig, m.key), m.key)
    roots = [units.find(m.key) for m in block]
    order = sorted(set(roots))
    if len(order) < 2:
        return
    index = {r: i for i, r in enumerate(order)}
    closed = np.array([bool(units.name[r]) and model.names_final for r in order])
    full = np.array([units.person(r) and " " in units.name[r].split("|P:")[-1] for r in order])
    surnames = Counter(units.name[r].split()[-1] for r in order if units.person(r))
    shared = np.array([units.person(r) and surnames[units.name[r].split()[-1]] > 1 for r in order])
    named = np.array([bool(units.name[r]) for r in order])
    open_sigs = sorted({sig_of[i] for i, r in enumerate(roots) if not closed[index[r]]})
    rows = open_sigs[:MAX_OPEN] if model.names_final else list(range(len(reps)))[:MAX_OPEN]
    if not rows:
        return
    logit = pair_logits(reps, rows, model.weights, model.extra, block_stats(block))
    prob = 1.0 / (1.0 + np.exp(-logit))
    count = np.zeros((len(order), len(reps)))
    np.add.at(count, ([index[r] for r in roots], sig_of), 1.0)
    total = count[:, rows] @ prob @ count.T  # exact for the rows of units whose sigs are rows
    total = np.where(closed[:, None], total.T, total)  # a named unit's row from the open side
    size = count.sum(axis=1)
    # Never two people named in full; nor a person whose surname another person of the block
    # bears, with a name cluster (the rules could not tell which of them "Vidal" is).
    apart = np.outer(closed, closed) | np.outer(full, full)
    apart |= np.outer(shared, named) | np.outer(named, shared)
    for keep, gone in _average_linkage(total, size, apart, closed, model.threshold):
        units.union(order[keep], order[gone], names=not model.names_final)


def _distinct(block: Sequence[MentionInDoc]) -> tuple[list[MentionInDoc], list[int]]:
    """One representative per group of mentions alike but for their document and place in it,
    and each mention's representative."""
    reps: list[MentionInDoc] = []
    seen: dict[tuple[object, ...], int] = {}
    sig_of = []
    for m in block:
        sig = (m.text, m.head, m.family, m.label, m.proper, m.plural, m.lemmas, m.context)
        if sig not in seen:
            seen[sig] = len(reps)
            reps.append(m)
        sig_of.append(seen[sig])
    return reps, sig_of


def _average_linkage(
    total: NDArray[np.float64],
    size: NDArray[np.float64],
    apart: NDArray[np.bool_],
    closed: NDArray[np.bool_],
    threshold: float,
) -> list[tuple[int, int]]:
    """Merges ``(keep, gone)`` while the best mean pair probability of two units reaches
    ``threshold``; units ``apart`` are never merged (nor what they have absorbed), and a merge
    keeps the ``closed`` (named) unit's id."""
    alive = np.ones(len(size), dtype=bool)
    closed = closed.copy()
    apart = apart.copy()
    merges = []
    while alive.sum() > 1:
        mean = total / np.outer(size, size)
        mean[~alive, :] = mean[:, ~alive] = -1.0
        mean[apart] = -1.0
        np.fill_diagonal(mean, -1.0)
        keep, gone = (int(x) for x in np.unravel_index(int(np.argmax(mean)), mean.shape))
        if mean[keep, gone] < threshold:
            break
        if closed[gone]:
            keep, gone = gone, keep
        total[keep, :] += total[gone, :]
        total[:, keep] += total[:, gone]
        size[keep] += size[gone]
        closed[keep] |= closed[gone]
        apart[keep, :] |= apart[gone, :]
        apart[:, keep] |= apart[:, gone]
        alive[gone] = False
        merges.append((keep, gone))
    return merges
