"""Cross-document mention clustering: which mentions, across a story's documents, name one entity.

``cluster_mentions`` takes entity mentions that already carry a little linguistic analysis (head
lemma, content lemmas, NER label, coarse family) and returns a cluster id per mention:

1. **Pronouns** (``he``, ``her``, ``they``, ``who`` …) are resolved inside their own document to
   the nearest preceding compatible mention (same family, agreeing in number and, for
   ``he``/``she``, a person) and take that mention's cluster; unresolved pronouns stay alone.
2. **Everything else** is clustered per *block* — one block per document cluster (the group
   stage's events, or any split of the documents the caller trusts) and per family — by
   average-linkage agglomerative clustering over a pairwise merge probability: a small logistic
   regression over pair features (head lemma, full string, name skeletons from
   :mod:`newsloom.fuse.names`, surname rule, place keys and demonyms, acronyms, NER agreement,
   shared sentence context). Its weights are the named constant ``PAIR_WEIGHTS``.

Never two people on a surname alone: two full names with one surname skeleton and different
first names carry a strong negative feature, and a bare surname only scores high against full
names that agree with it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from math import exp

import numpy as np
from numpy.typing import NDArray
from sklearn.cluster import AgglomerativeClustering

from newsloom.fuse.names import demonym_places, fold, person_key, place_key, skeleton

__all__ = [
    "FEATURES",
    "MERGE_THRESHOLD",
    "PAIR_WEIGHTS",
    "MentionInDoc",
    "cluster_mentions",
    "pair_features",
    "resolve_pronouns",
]

#: Coarse families; mentions of different families never corefer (ECB+ 1–35: 2 of 849 chains
#: mix families).
FAMILIES = ("HUM", "LOC", "TIME", "NON")


@dataclass(frozen=True, slots=True)
class MentionInDoc:
    """One entity mention with the analysis clustering needs.

    ``position`` orders mentions within their document (token or character offset); ``lemmas``
    are the mention's lower-case content lemmas, ``context`` those of its sentence outside the
    mention; ``label`` is the NER label of the head token (``""`` for none); ``proper`` says
    the head is a proper noun.
    """

    key: str
    doc: str
    text: str
    head: str
    family: str
    label: str = ""
    sentence: int = 0
    position: int = 0
    plural: bool = False
    proper: bool = False
    lemmas: frozenset[str] = field(default_factory=frozenset)
    context: frozenset[str] = field(default_factory=frozenset)


# ------------------------------------------------------------------------------------ pronouns

#: Pronoun → (families it may stand for, "sg"/"pl"/"" number, needs a person antecedent).
PRONOUNS: dict[str, tuple[frozenset[str], str, bool]] = {
    **dict.fromkeys(
        ("he", "him", "his", "himself", "she", "her", "hers", "herself"),
        (frozenset({"HUM"}), "sg", True),
    ),
    **dict.fromkeys(("i", "me", "my", "mine", "myself"), (frozenset({"HUM"}), "sg", True)),
    **dict.fromkeys(
        ("they", "them", "their", "theirs", "themselves", "we", "us", "our", "ours", "ourselves"),
        (frozenset({"HUM", "NON"}), "", False),
    ),
    **dict.fromkeys(("it", "its", "itself"), (frozenset({"NON", "HUM", "LOC"}), "sg", False)),
    **dict.fromkeys(("who", "whom", "whose"), (frozenset({"HUM"}), "", False)),
    **dict.fromkeys(("which", "that"), (frozenset({"NON", "HUM", "LOC"}), "", False)),
    "where": (frozenset({"LOC"}), "", False),
    "there": (frozenset({"LOC"}), "", False),
    "here": (frozenset({"LOC"}), "", False),
    "when": (frozenset({"TIME"}), "", False),
    "then": (frozenset({"TIME"}), "", False),
}
_FEMALE = frozenset({"she", "her", "hers", "herself", "woman", "actress", "mother", "wife",
                     "girl", "grandmother", "daughter", "sister", "queen", "lady"})  # fmt: skip
_MALE = frozenset({"he", "him", "his", "himself", "man", "actor", "father", "husband", "boy",
                   "son", "brother", "king", "grandfather"})  # fmt: skip
_RELATIVE = frozenset({"who", "whom", "whose", "which", "that", "where", "when"})
#: A pronoun looks this many sentences back for its antecedent (relative pronouns: 0).
PRONOUN_WINDOW = 3
_PERSON_LABELS = frozenset({"PERSON"})


def _pronoun(mention: MentionInDoc) -> str | None:
    word = fold(mention.text.strip())
    return word if word in PRONOUNS else None


def _gender(word: str) -> str:
    return "f" if word in _FEMALE else "m" if word in _MALE else ""


def _compatible(pronoun: str, cand: MentionInDoc) -> bool:
    families, number, person = PRONOUNS[pronoun]
    if cand.family not in families:
        return False
    gender, other = _gender(pronoun), _gender(fold(cand.head))
    if gender and other and gender != other:
        return False
    if number == "sg" and cand.plural:
        return False
    if pronoun in {"they", "them", "their", "themselves", "theirs"} and not cand.plural:
        return cand.family == "HUM" and cand.label in {"ORG", "NORP", ""} and not cand.proper
    return not (person and cand.label not in _PERSON_LABELS and cand.label != "")


def resolve_pronouns(mentions: Sequence[MentionInDoc]) -> dict[str, str]:
    """Pronoun key → antecedent key, within each document (nearest compatible before it)."""
    by_doc: dict[str, list[MentionInDoc]] = defaultdict(list)
    for m in mentions:
        by_doc[m.doc].append(m)
    links: dict[str, str] = {}
    for doc_mentions in by_doc.values():
        ordered = sorted(doc_mentions, key=lambda m: (m.position, m.key))
        for idx, m in enumerate(ordered):
            word = _pronoun(m)
            if word is None:
                continue
            window = 0 if word in _RELATIVE else PRONOUN_WINDOW
            for cand in reversed(ordered[:idx]):
                if m.sentence - cand.sentence > window:
                    break
                if _compatible(word, cand):
                    links[m.key] = cand.key
                    break
    return links


# ------------------------------------------------------------------------------- pair features

#: Names of the pair features, in the order of ``pair_features`` and ``PAIR_WEIGHTS``.
FEATURES = (
    "bias",
    "head_equal",
    "text_equal",
    "lemma_jaccard",
    "head_in_other",
    "name_match",
    "name_conflict",
    "surname_only",
    "place_match",
    "acronym",
    "label_equal",
    "proper_nominal",
    "both_nominal",
    "same_doc",
    "context_jaccard",
    "time_head_equal",
    "plural_mismatch",
    "nominal_to_salient_name",
    "nominal_to_top_name",
)

#: Logistic-regression weights over ``FEATURES``. Fitted by ``bench/entity_coref.py --fit`` on
#: ECB+ topics 1–22 (gold mentions, pairs within predicted document clusters), C=1.0.
PAIR_WEIGHTS: tuple[float, ...] = (
    -1.298,
    0.391,
    -0.1,
    1.188,
    1.69,
    2.326,
    -0.925,
    1.386,
    1.651,
    4.14,
    -0.473,
    -1.22,
    -0.533,
    -0.138,
    0.383,
    -0.716,
    -1.571,
    1.803,
    0.267,
)
#: Average-linkage cut: a cluster pair joins when its mean merge probability reaches this.
#: Tuned on ECB+ topics 23–25 (CoNLL F1), applied unchanged to 26–35.
MERGE_THRESHOLD = 0.3

_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
_WORD_RE = re.compile(r"[\w’'.&-]+")


def _norm_text(text: str) -> str:
    words = [w for w in _WORD_RE.findall(fold(text)) if w not in _DETERMINERS]
    return " ".join(w.removesuffix("'s").removesuffix("’s") for w in words)


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _names(a: MentionInDoc, b: MentionInDoc) -> tuple[float, float, float]:
    """(match, conflict, surname-only) for two person names, by skeletons."""
    if not (a.proper and b.proper and a.family == b.family == "HUM"):
        return 0.0, 0.0, 0.0
    ka, kb = person_key(a.text), person_key(b.text)
    if not ka or not kb or ka[-1] != kb[-1]:
        return 0.0, float(bool(ka and kb) and a.head != b.head), 0.0
    if len(ka) > 1 and len(kb) > 1:
        initial = ka[0][:1] == kb[0][:1] and min(len(ka[0]), len(kb[0])) <= 2
        same_first = ka[0] == kb[0] or initial
        return (1.0, 0.0, 0.0) if same_first else (0.0, 1.0, 0.0)
    return 1.0, 0.0, 1.0


def _place_match(a: MentionInDoc, b: MentionInDoc) -> float:
    if not (a.proper or b.proper):
        return 0.0
    pa, pb = place_key(a.text), place_key(b.text)
    if pa and pa == pb:
        return 1.0
    for x, y in ((a, pb), (b, pa)):
        if y and any(
            s and y.startswith(s) and len(y) - len(s) <= 2 for s in demonym_places(x.text)
        ):
            return 1.0
    return 0.0


def _acronym(a: MentionInDoc, b: MentionInDoc) -> float:
    for short, long in ((a, b), (b, a)):
        word = short.text.strip().replace(".", "")
        if 2 <= len(word) <= 6 and word.isupper():
            initials = "".join(w[0] for w in long.text.split() if w[:1].isupper())
            if initials == word:
                return 1.0
    return 0.0


@dataclass(frozen=True, slots=True)
class BlockStats:
    """How present each proper head is in a block: share of the block's documents naming it."""

    share: Mapping[str, float] = field(default_factory=dict)
    top: str = ""


def block_stats(block: Sequence[MentionInDoc]) -> BlockStats:
    docs = {m.doc for m in block}
    named: dict[str, set[str]] = defaultdict(set)
    for m in block:
        if m.proper:
            named[m.head].add(m.doc)
    share = {head: len(found) / len(docs) for head, found in named.items()}
    top = max(sorted(share), key=lambda h: share[h], default="")
    return BlockStats(share, top)


def _salience(a: MentionInDoc, b: MentionInDoc, stats: BlockStats) -> tuple[float, float]:
    """For a common-noun mention against a name: how present the name is, and is it the top."""
    if a.proper == b.proper or _pronoun(a) or _pronoun(b):
        return 0.0, 0.0
    name = a if a.proper else b
    return stats.share.get(name.head, 0.0), float(name.head == stats.top)


def pair_features(
    a: MentionInDoc, b: MentionInDoc, stats: BlockStats | None = None
) -> tuple[float, ...]:
    """The ``FEATURES`` vector of a mention pair (symmetric); ``stats`` of their block."""
    head_eq = float((bool(a.head) and a.head == b.head) or skeleton(a.head) == skeleton(b.head))
    match, conflict, surname = _names(a, b)
    return (
        1.0,
        head_eq,
        float(_norm_text(a.text) == _norm_text(b.text)),
        _jaccard(a.lemmas, b.lemmas),
        float(a.head in b.lemmas or b.head in a.lemmas),
        match,
        conflict,
        surname,
        _place_match(a, b),
        _acronym(a, b),
        float(bool(a.label) and a.label == b.label),
        float(a.proper != b.proper),
        float(not a.proper and not b.proper),
        float(a.doc == b.doc),
        _jaccard(a.context, b.context),
        head_eq * float(a.family == "TIME"),
        float(a.plural != b.plural),
        *_salience(a, b, stats or BlockStats()),
    )


def _probability(features: tuple[float, ...], weights: Sequence[float]) -> float:
    z = sum(f * w for f, w in zip(features, weights, strict=True))
    return 1.0 / (1.0 + exp(-z))


# ---------------------------------------------------------------------------------- clustering


def cluster_mentions(
    mentions: Sequence[MentionInDoc],
    doc_clusters: Mapping[str, str] | None = None,
    *,
    threshold: float = MERGE_THRESHOLD,
    weights: Sequence[float] = PAIR_WEIGHTS,
) -> dict[str, str]:
    """A cluster id per mention key. ``doc_clusters`` maps a document to its event cluster:
    mentions only merge within one (all documents form one cluster when it is ``None``)."""
    links = resolve_pronouns(mentions)
    blocks: dict[tuple[str, str], list[MentionInDoc]] = defaultdict(list)
    out: dict[str, str] = {}
    for m in mentions:
        if m.key in links:
            continue
        if _pronoun(m):
            out[m.key] = m.key  # a pronoun with no antecedent in its document stays alone
            continue
        event = doc_clusters.get(m.doc, m.doc) if doc_clusters is not None else ""
        blocks[(event, m.family)].append(m)
    for block_key in sorted(blocks):
        block = sorted(blocks[block_key], key=lambda m: m.key)
        labels = _agglomerate(block, threshold, weights)
        for m, label in zip(block, labels, strict=True):
            out[m.key] = f"{block_key[0]}|{block_key[1]}|{label}"
    for key in links:
        out[key] = out[_root(key, links)]
    return out


def _root(key: str, links: Mapping[str, str]) -> str:
    seen = {key}
    while key in links and links[key] not in seen:
        key = links[key]
        seen.add(key)
    return key


def _agglomerate(
    block: Sequence[MentionInDoc], threshold: float, weights: Sequence[float]
) -> list[int]:
    if len(block) < 2:
        return [0] * len(block)
    distance = 1.0 - pair_probabilities(block, weights)
    model = AgglomerativeClustering(
        n_clusters=None,
        metric="precomputed",
        linkage="average",
        distance_threshold=1.0 - threshold,
    )
    return [int(x) for x in model.fit_predict(distance)]


def pair_probabilities(
    block: Sequence[MentionInDoc], weights: Sequence[float] = PAIR_WEIGHTS
) -> NDArray[np.float64]:
    """Symmetric matrix of merge probabilities (1 on the diagonal)."""
    n = len(block)
    stats = block_stats(block)
    prob = np.eye(n, dtype=np.float64)
    for i in range(n):
        for j in range(i + 1, n):
            feats = pair_features(block[i], block[j], stats)
            prob[i, j] = prob[j, i] = _probability(feats, weights)
    return prob
