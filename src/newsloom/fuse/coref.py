"""The learned pair model of entity resolution: how likely two mentions name one entity.

:func:`newsloom.fuse.resolve.resolve` asks it about the mentions its name rules do not place
(common nouns, names without a label) against every mention of their block. The probability is
a small logistic regression over pair features: head lemma, full string, name skeletons from
:mod:`newsloom.fuse.names`, surname and loose-name rules, place keys and demonyms, acronyms,
NER agreement, shared sentence context, a role noun against its document's salient person
(:func:`newsloom.fuse.coref_within.salient_person`), calendar days, durations and relative
periods of time expressions and days named from the writer's side
(:mod:`newsloom.fuse.coref_time`), a generic person noun against a role noun ("the man" /
"the driver"), nouns of opposite gender, common nouns spelled or lemmatised two ways
("harbour" / "harbor"). Its weights are the named constant ``PAIR_WEIGHTS``;
``bench/entity_coref.py --fit`` refits them.

Never two people on a surname alone: two full names with one surname skeleton and different
first names carry a strong negative feature, and a bare surname only scores high against full
names that agree with it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from numpy.typing import NDArray

from newsloom.fuse.coref_mention import MentionInDoc, pronoun
from newsloom.fuse.coref_time import date_keys, time_features
from newsloom.fuse.coref_within import OTHER_ROLES, gender, salient_person, same_name
from newsloom.fuse.names import demonym_places, fold, person_key, place_key, skeleton

# Pair features call these on the same strings many times over (a block's mentions pairwise).
_demonym_places = lru_cache(maxsize=1 << 16)(demonym_places)
_person_key = lru_cache(maxsize=1 << 16)(person_key)
_place_key = lru_cache(maxsize=1 << 16)(place_key)
_skeleton = lru_cache(maxsize=1 << 16)(skeleton)

__all__ = [
    "FEATURES",
    "MERGE_THRESHOLD",
    "PAIR_WEIGHTS",
    "BlockStats",
    "ExtraFeatures",
    "block_stats",
    "date_keys",
    "pair_features",
    "pair_logits",
]

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
    "name_loose",
    "role_of_salient",
    "other_role",
    "date_match",
    "date_conflict",
    "deictic_day",
    "generic_person",
    "gender_conflict",
    "head_near",
)

#: Logistic-regression weights over ``FEATURES``. Fitted by ``bench/entity_coref.py --fit`` on
#: ECB+ topics 1–22 (gold mentions, non-pronoun pairs within predicted document clusters that
#: the resolver scores, i.e. not two mentions the name rules both place), C=1.0.
PAIR_WEIGHTS: tuple[float, ...] = (
    -1.876,
    0.794,
    0.178,
    0.681,
    1.466,
    1.28,
    -0.837,
    1.654,
    1.648,
    2.724,
    -0.483,
    -0.573,
    0.043,
    -0.189,
    0.481,
    -0.941,
    -1.417,
    1.601,
    0.05,
    5.849,
    1.442,
    -1.416,
    1.146,
    -1.614,
    1.446,
    0.334,
    -1.474,
    3.543,
)
#: Average-linkage cut: a cluster pair joins when its mean merge probability reaches this.
#: Tuned on ECB+ topics 23–25 by ``--fit`` (CoNLL F1 71.1 at 0.25, 71.0 at 0.3, 70.5 at 0.2),
#: applied unchanged to 26–35.
MERGE_THRESHOLD = 0.25

#: Extra pair-feature matrices of a block, one ``(n, n)`` array per feature, appended after
#: ``FEATURES`` (their weights follow ``FEATURES``'s in ``weights``): a learned signal such as
#: :func:`newsloom.fuse.coref_embed.embedding_features`.
ExtraFeatures = Callable[[Sequence[MentionInDoc]], Sequence[NDArray[np.float64]]]

_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
_WORD_RE = re.compile(r"[\w’'.&-]+")


@lru_cache(maxsize=1 << 16)
def _norm_text(text: str) -> str:
    words = [w for w in _WORD_RE.findall(fold(text)) if w not in _DETERMINERS]
    return " ".join(w.removesuffix("'s").removesuffix("’s") for w in words)


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _names(a: MentionInDoc, b: MentionInDoc) -> tuple[float, float, float]:
    """(match, conflict, surname-only) for two person names, by skeletons."""
    if not (a.proper and b.proper and a.family == b.family == "HUM"):
        return 0.0, 0.0, 0.0
    ka, kb = _person_key(a.text), _person_key(b.text)
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
    pa, pb = _place_key(a.text), _place_key(b.text)
    if pa and pa == pb:
        return 1.0
    for x, y in ((a, pb), (b, pa)):
        if y and any(
            s and y.startswith(s) and len(y) - len(s) <= 2 for s in _demonym_places(x.text)
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
    """How present each proper head is in a block (share of the block's documents naming it),
    and each document's salient person (see :func:`newsloom.fuse.coref_within.salient_person`)."""

    share: Mapping[str, float] = field(default_factory=dict)
    top: str = ""
    salient: Mapping[str, MentionInDoc] = field(default_factory=dict)


def block_stats(block: Sequence[MentionInDoc]) -> BlockStats:
    by_doc: dict[str, list[MentionInDoc]] = defaultdict(list)
    named: dict[str, set[str]] = defaultdict(set)
    for m in block:
        by_doc[m.doc].append(m)
        if m.proper:
            named[m.head].add(m.doc)
    share = {head: len(found) / len(by_doc) for head, found in named.items()}
    top = max(sorted(share), key=lambda h: share[h], default="")
    salient = {}
    for doc, members in by_doc.items():
        found = salient_person(sorted(members, key=lambda m: (m.position, m.key)))
        if found is not None:
            salient[doc] = found
    return BlockStats(share, top, salient)


def _role_of_salient(a: MentionInDoc, b: MentionInDoc, stats: BlockStats) -> float:
    """A singular person noun whose document's salient person has the other mention's name."""
    for role, name in ((a, b), (b, a)):
        if role.proper or not name.proper or role.plural or role.family != "HUM":
            continue
        if pronoun(role) or role.head in OTHER_ROLES:
            continue
        salient = stats.salient.get(role.doc)
        if salient is not None and (salient.key == name.key or same_name(salient, name)):
            return 1.0
    return 0.0


def _other_role(a: MentionInDoc, b: MentionInDoc) -> float:
    return float(
        a.family == "HUM" and a.proper != b.proper and (b if a.proper else a).head in OTHER_ROLES
    )


def _edit1(x: str, y: str) -> bool:
    """One substitution, insertion, deletion or adjacent swap apart (``Klistchko``)."""
    if abs(len(x) - len(y)) > 1 or x == y:
        return x == y
    if len(x) == len(y):
        diff = [i for i in range(len(x)) if x[i] != y[i]]
        swap = len(diff) == 2 and diff[1] == diff[0] + 1 and x[diff[0]] == y[diff[1]]
        return len(diff) == 1 or (swap and x[diff[1]] == y[diff[0]])
    short, long = (x, y) if len(x) < len(y) else (y, x)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _name_loose(a: MentionInDoc, b: MentionInDoc) -> float:
    """A first name alone against the full name, or surnames one typo apart (6+ letters)."""
    if not (a.proper and b.proper and a.family == b.family == "HUM"):
        return 0.0
    ka, kb = _person_key(a.text), _person_key(b.text)
    if not ka or not kb:
        return 0.0
    short, full = (ka, kb) if len(ka) <= len(kb) else (kb, ka)
    if len(short) == 1 and len(full) > 1 and short[0] == full[0]:
        return 1.0
    return float(min(len(ka[-1]), len(kb[-1])) >= 6 and ka[-1] != kb[-1] and _edit1(ka[-1], kb[-1]))


def _salience(a: MentionInDoc, b: MentionInDoc, stats: BlockStats) -> tuple[float, float]:
    """For a common-noun mention against a name: how present the name is, and is it the top."""
    if a.proper == b.proper or pronoun(a) or pronoun(b):
        return 0.0, 0.0
    name = a if a.proper else b
    return stats.share.get(name.head, 0.0), float(name.head == stats.top)


#: Person nouns that say no more than "a person": a story's "the man" is its driver, its
#: climber or its accountant, so these carry a feature of their own against other role nouns.
GENERIC_PERSONS = frozenset(
    "man woman men women boy girl boys girls person people individual individuals".split()
)


def _generic_person(a: MentionInDoc, b: MentionInDoc) -> float:
    """Two person nouns, one generic ("the man") and one a role ("the driver"), of one number
    and no clashing gender."""
    if a.family != "HUM" or a.proper or b.proper or pronoun(a) or pronoun(b):
        return 0.0
    if (a.head in GENERIC_PERSONS) == (b.head in GENERIC_PERSONS) or a.plural != b.plural:
        return 0.0
    return float(not _gender_conflict(a, b))


def _gender_conflict(a: MentionInDoc, b: MentionInDoc) -> float:
    """Two person nouns of opposite gender ("the woman", "the father")."""
    if a.family != "HUM" or a.proper or b.proper:
        return 0.0
    ga, gb = gender(a.head), gender(b.head)
    return float(bool(ga and gb) and ga != gb)


def _within_edits(x: str, y: str, most: int) -> bool:
    """Levenshtein distance of ``x`` and ``y`` is at most ``most`` (banded, small ``most``)."""
    if abs(len(x) - len(y)) > most:
        return False
    row = list(range(len(y) + 1))
    for i, cx in enumerate(x, start=1):
        prev, row[0] = row[0], i
        for j, cy in enumerate(y, start=1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (cx != cy))
        if min(row) > most:
            return False
    return row[-1] <= most


#: Common-noun heads this long may differ by one edit and still be one word (a lemma glitch,
#: "specie"/"species"); when the longer has ``LONG_HEAD`` letters, by two (a spelling,
#: "-ellery"/"-elry"). Set by hand from those examples, not tuned.
NEAR_HEAD, LONG_HEAD = 5, 8


def _head_near(a: MentionInDoc, b: MentionInDoc) -> float:
    """Two common-noun heads that are one word spelled or lemmatised two ways."""
    if a.proper or b.proper or a.head == b.head or min(len(a.head), len(b.head)) < NEAR_HEAD:
        return 0.0
    return float(
        _within_edits(a.head, b.head, 2 if max(len(a.head), len(b.head)) >= LONG_HEAD else 1)
    )


def pair_features(
    a: MentionInDoc, b: MentionInDoc, stats: BlockStats | None = None
) -> tuple[float, ...]:
    """The ``FEATURES`` vector of a mention pair (symmetric); ``stats`` of their block."""
    stats = stats or BlockStats()
    head_eq = float((bool(a.head) and a.head == b.head) or _skeleton(a.head) == _skeleton(b.head))
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
        *_salience(a, b, stats),
        _name_loose(a, b),
        _role_of_salient(a, b, stats),
        _other_role(a, b),
        *time_features(a, b),
        _generic_person(a, b),
        _gender_conflict(a, b),
        _head_near(a, b),
    )


# ---------------------------------------------------------------------------------- the model


def pair_logits(
    reps: Sequence[MentionInDoc],
    rows: Sequence[int],
    weights: Sequence[float] = PAIR_WEIGHTS,
    extra: ExtraFeatures | None = None,
    stats: BlockStats | None = None,
) -> NDArray[np.float64]:
    """Merge logits of the ``rows`` mentions of ``reps`` against every mention of it, shape
    ``(len(rows), len(reps))``, the diagonal included (two mentions written and placed alike).
    ``stats`` are those of the whole block ``reps`` stands for (default: of ``reps``)."""
    stats = stats or block_stats(reps)
    base = weights[: len(FEATURES)]
    logit = np.zeros((len(rows), len(reps)), dtype=np.float64)
    for r, i in enumerate(rows):
        for j, other in enumerate(reps):
            feats = pair_features(reps[i], other, stats)
            logit[r, j] = sum(f * w for f, w in zip(feats, base, strict=True))
    matrices = list(extra(reps)) if extra is not None else []
    if len(weights) != len(FEATURES) + len(matrices):
        raise ValueError(f"{len(weights)} weights for {len(FEATURES) + len(matrices)} features")
    for w, matrix in zip(weights[len(FEATURES) :], matrices, strict=True):
        logit += w * matrix[list(rows), :]
    return logit
