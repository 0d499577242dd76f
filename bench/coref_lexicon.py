"""WordNet pair features for the pair model, measured by ``bench/entity_coref.py --lexicon``:
two common nouns that are other words for one thing ("the cops" / "the police", "the quake" /
"the temblor"), read off WordNet's nouns (``wordnet.py``).

They are an ``extra`` of :class:`newsloom.fuse.resolve.PairModel` (one matrix per feature,
weights after ``coref.FEATURES``'s), not part of the shipped model: refitted on ECB+ 1–22 they
left CoNLL F1 on 1–25 where it was (docs/benchmarks.md, issue 17).

Each noun's senses are those of its mention's family (a person mention reads ``noun.person``
and ``noun.group`` senses), at most ``MAX_SENSES``, most frequent first; a compound ("police
officer") is looked up whole before its head. Without the lexicon every feature is 0.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache

import numpy as np
from numpy.typing import NDArray

from newsloom.fuse.coref_mention import MentionInDoc, pronoun
from newsloom.fuse.names import fold
from wordnet import Lexicon

__all__ = [
    "LEXICAL_FEATURES",
    "LEXICON_MERGE_THRESHOLD",
    "LEXICON_PAIR_WEIGHTS",
    "LEXNAMES",
    "lexical_features",
    "lexical_matrices",
]

#: Names of the lexical pair features, in the order of :func:`lexical_features`.
LEXICAL_FEATURES = ("lex_synonym", "lex_hypernym", "lex_wup", "lex_member", "lex_persons")
#: Weights over ``coref.FEATURES + LEXICAL_FEATURES``, fitted by ``bench/entity_coref.py --fit
#: --lexicon`` on ECB+ topics 1–22 (C=1.0): ``lex_synonym`` 2.81, ``lex_hypernym`` 0.76,
#: ``lex_wup`` -0.64, ``lex_member`` 1.02, ``lex_persons`` 1.12.
LEXICON_PAIR_WEIGHTS: tuple[float, ...] = (
    -2.224, 0.615, 0.057, 0.719, 1.6, 1.659, -0.505, 1.926, 1.666, 2.339, -0.38, -0.171, 0.075,
    -0.076, 0.585, -0.674, -1.322, 1.472, 0.044, 5.39, 1.582, -1.437, 0.982, -1.512, 1.108,
    0.064, -2.185, 3.559, 2.812, 0.763, -0.635, 1.016, 1.116,
)  # fmt: skip
#: Average-linkage cut with those weights, tuned on ECB+ 23–25 by the same run (CoNLL 74.4 at
#: 0.2, 74.1 at 0.25, 74.2 at 0.3).
LEXICON_MERGE_THRESHOLD = 0.2
#: Lexicographer file numbers (WordNet's ``lexnames``) of the noun senses a mention family may
#: mean; a family not listed reads every sense.
LEXNAMES: Mapping[str, frozenset[int]] = {
    "HUM": frozenset({18, 14}),  # noun.person, noun.group
    "LOC": frozenset({15, 14, 6, 17}),  # noun.location, noun.group, noun.artifact, noun.object
    "TIME": frozenset({28, 11}),  # noun.time, noun.event
}
#: Senses of a noun compared, most frequent first (after the family's filter); set by hand
#: (1 or 2 moved 1–25 by less than 0.2).
MAX_SENSES = 4
#: Steps up the hypernym tree within which one noun's sense still names the other's kind
#: ("police officer" → "cop"... → "policeman"); set by hand.
HYPERNYM_STEPS = 2
#: Lexicographer file of person nouns.
NOUN_PERSON = 18
_NONE = (0.0,) * len(LEXICAL_FEATURES)


def lexical_matrices(
    lexicon: Lexicon | None,
) -> Callable[[Sequence[MentionInDoc]], list[NDArray[np.float64]]]:
    """The ``extra`` callable of a ``PairModel``: ``LEXICAL_FEATURES`` matrices of a block."""

    def extra(block: Sequence[MentionInDoc]) -> list[NDArray[np.float64]]:
        out = [np.zeros((len(block), len(block))) for _ in LEXICAL_FEATURES]
        for i, a in enumerate(block):
            for j in range(i + 1, len(block)):
                for k, value in enumerate(lexical_features(a, block[j], lexicon)):
                    if value:
                        out[k][i, j] = out[k][j, i] = value
        return out

    return extra


def lexical_features(
    a: MentionInDoc, b: MentionInDoc, lexicon: Lexicon | None
) -> tuple[float, ...]:
    """``LEXICAL_FEATURES`` of two common nouns with different heads; 0 for anything else or
    without a lexicon."""
    if lexicon is None or a.proper or b.proper or a.head == b.head or pronoun(a) or pronoun(b):
        return _NONE
    sa = _senses(lexicon, _compound(a.text, a.head), a.head, a.family)
    sb = _senses(lexicon, _compound(b.text, b.head), b.head, b.family)
    if not sa or not sb:
        return _NONE
    return _relation(lexicon, sa, sb) if sa <= sb else _relation(lexicon, sb, sa)


def _compound(text: str, head: str) -> str:
    """The two-word compound the mention ends with ("police officer"), or ``""``."""
    words = fold(text).split()
    return f"{words[-2]} {head}" if len(words) >= 2 and words[-2] != head else ""


@lru_cache(maxsize=1 << 16)
def _senses(lexicon: Lexicon, compound: str, head: str, family: str) -> tuple[int, ...]:
    found = (lexicon.senses(compound) if compound else ()) or lexicon.senses(head)
    allowed = LEXNAMES.get(family)
    if allowed is not None:
        found = tuple(s for s in found if lexicon.synset(s).lexname in allowed)
    return found[:MAX_SENSES]


@lru_cache(maxsize=1 << 16)
def _relation(lexicon: Lexicon, sa: tuple[int, ...], sb: tuple[int, ...]) -> tuple[float, ...]:
    synonym = bool(set(sa) & set(sb))
    hypernym = any(_up(lexicon, x, y) or _up(lexicon, y, x) for x in sa for y in sb)
    wup = max(_wup(lexicon, x, y) for x in sa for y in sb)
    member = any(_member(lexicon, x, y) or _member(lexicon, y, x) for x in sa for y in sb)
    persons = all(
        any(lexicon.synset(s).lexname == NOUN_PERSON for s in senses) for senses in (sa, sb)
    )
    return (float(synonym), float(hypernym), wup, float(member), float(persons))


def _up(lexicon: Lexicon, low: int, high: int) -> bool:
    """``high`` is a hypernym of ``low`` within ``HYPERNYM_STEPS``."""
    return 0 < lexicon.ancestors(low).get(high, HYPERNYM_STEPS + 1) <= HYPERNYM_STEPS


def _wup(lexicon: Lexicon, x: int, y: int) -> float:
    """Wu-Palmer-like similarity: twice the depth of the deepest shared ancestor over the sum
    of the two depths."""
    ax, ay = lexicon.ancestors(x), lexicon.ancestors(y)
    shared = ax.keys() & ay.keys()
    if not shared:
        return 0.0
    lcs = max(lexicon.depth(s) for s in shared)
    return 2.0 * lcs / (lexicon.depth(x) + lexicon.depth(y))


def _member(lexicon: Lexicon, x: int, group: int) -> bool:
    """A member of ``x``'s kind (or of a kind up to ``HYPERNYM_STEPS`` above it) belongs to
    ``group``: "cop" → policeman → the police."""
    return any(
        group in lexicon.synset(s).holonyms
        for s, steps in lexicon.ancestors(x).items()
        if steps <= HYPERNYM_STEPS
    )
