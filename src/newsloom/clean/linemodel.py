"""How likely each line of a text capture is article body: a small logistic model over features
that do not depend on the page's language (length, punctuation, case, the line's kind, its
neighbours), then the body is the stretch of lines with the most evidence.

The weights live in ``linemodel_weights.py`` beside this file (a Python module, so that they
ship with the package without package-data settings); ``bench/seb_train.py`` regenerates them
from the dev half of the SEB captures (never the held-out half). Inference is plain Python: a
dot product per line, no scikit-learn at run time.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Protocol

from newsloom.clean import vocab

#: Kinds (``capture.Kind`` values) that get a feature of their own.
KIND_FEATURES = (
    "ad-marker", "rail-heading", "relative-time", "separator", "url", "sign-off", "posted",
    "date-stamp", "byline", "caption", "agency-credit", "duplicate", "truncated-teaser", "prose",
    "short", "site-chrome",
)  # fmt: skip
#: Neighbours on each side that describe a line's surroundings.
CONTEXT = 3

_TERMINAL = (".", "!", "?", '"', "”", "’", "'", ")", ":", "…", "。", "！", "？", "」", "»")
_WORD_RE = re.compile(r"\w+", re.UNICODE)
_PUNCT_RE = re.compile(r"[,.;:!?،，。、]")


class LineLike(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def reason(self) -> str | None: ...


@dataclass(frozen=True, slots=True)
class _Own:
    """A line's own features, before the neighbours are looked at."""

    size: float  # log of characters
    words: float  # log of words
    terminal: float
    punct: float
    caps: float
    digits: float
    short_lower: float
    stop: float
    chrome_words: float
    links: float
    prose: float

    def as_list(self) -> list[float]:
        return [self.size, self.words, self.terminal, self.punct, self.caps, self.digits,
                self.short_lower, self.stop, self.chrome_words, self.links]  # fmt: skip


OWN_NAMES = ("size", "words", "terminal", "punct", "caps", "digits", "short_lower", "stop",
             "chrome_words", "links")  # fmt: skip
CONTEXT_NAMES = ("prev_size", "next_size", "prev_prose", "next_prose", "prev_caps", "next_caps")
FEATURE_NAMES: tuple[str, ...] = (
    *OWN_NAMES, *CONTEXT_NAMES, "position", "repeated", "in_rail",
    *(f"kind={k}" for k in KIND_FEATURES),
)  # fmt: skip


def own_features(text: str) -> _Own:
    words = _WORD_RE.findall(text)
    n = max(len(words), 1)
    lower = text.lower()
    return _Own(
        size=math.log1p(len(text)),
        words=math.log1p(len(words)),
        terminal=1.0 if text.endswith(_TERMINAL) else 0.0,
        punct=min(len(_PUNCT_RE.findall(text)) / n, 1.0),
        caps=sum(1 for w in words if w[:1].isupper()) / n,
        digits=sum(1 for w in words if w[:1].isdigit()) / n,
        short_lower=sum(1 for w in words if len(w) <= 3 and w.islower()) / n,
        stop=sum(1 for w in words if w.lower() in vocab.ENGLISH_STOPWORDS) / n,
        chrome_words=min(sum(1 for w in vocab.CHROME_WORDS if w in lower), 3) / 3,
        links=1.0 if vocab.LINKISH_RE.search(text) else 0.0,
        prose=1.0 if len(words) >= 8 and text.endswith(_TERMINAL) else 0.0,
    )


def features(lines: Sequence[LineLike]) -> list[list[float]]:
    """One feature row per line, in ``FEATURE_NAMES`` order."""
    own = [own_features(line.text) for line in lines]
    counts = Counter(line.text for line in lines)
    total = max(len(lines) - 1, 1)
    rows: list[list[float]] = []
    for i, line in enumerate(lines):
        prev = own[max(0, i - CONTEXT) : i]
        nxt = own[i + 1 : i + 1 + CONTEXT]
        kinds = [1.0 if line.kind == k else 0.0 for k in KIND_FEATURES]
        rows.append(
            [
                *own[i].as_list(),
                _mean([o.size for o in prev]),
                _mean([o.size for o in nxt]),
                _mean([o.prose for o in prev]),
                _mean([o.prose for o in nxt]),
                _mean([o.caps for o in prev]),
                _mean([o.caps for o in nxt]),
                i / total,
                1.0 if counts[line.text] > 1 else 0.0,
                1.0 if line.reason else 0.0,
                *kinds,
            ]
        )
    return rows


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


@dataclass(frozen=True, slots=True)
class LineModel:
    names: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float

    def probability(self, row: Sequence[float]) -> float:
        z = self.bias
        for x, m, s, w in zip(row, self.mean, self.scale, self.weights, strict=True):
            z += w * (x - m) / s
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


@cache
def load_model() -> LineModel:
    from newsloom.clean import linemodel_weights as w

    if tuple(w.NAMES) != FEATURE_NAMES:
        raise RuntimeError("linemodel_weights.py is stale: run bench/seb_train.py")
    return LineModel(tuple(w.NAMES), tuple(w.MEAN), tuple(w.SCALE), tuple(w.WEIGHTS), w.BIAS)


def probabilities(lines: Sequence[LineLike]) -> list[float]:
    model = load_model()
    return [model.probability(row) for row in features(lines)]
