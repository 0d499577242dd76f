"""Shingle F1 as the article-extraction-benchmark defines it (scrapinghub, evaluate.py).

Re-implemented from the benchmark's description and checked against its published figures
(``python bench/seb.py`` scores every ``output/*.json`` and prints them beside the anchors):

- tokens are ``\\w+`` runs (Unicode), case kept;
- shingles are 4-token windows counted as a multiset; a text shorter than 4 tokens is one
  shorter shingle, an empty text has none;
- per page, true positives / false positives / false negatives are the multiset overlaps, then
  normalised to sum to 1 so long pages weigh no more than short ones;
- precision is averaged over pages with ``tp + fp > 0`` (an empty answer does not count for
  precision), recall over pages with ``tp + fn > 0`` (an empty answer scores recall 0);
- F1 is the harmonic mean of the two averages (not the average of per-page F1s).
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass

SHINGLE = 4
_TOKEN_RE = re.compile(r"\w+", re.UNICODE)


def tokens(text: str | None) -> list[str]:
    return _TOKEN_RE.findall(text or "")


def shingles(text: str | None, n: int = SHINGLE) -> Counter[tuple[str, ...]]:
    toks = tokens(text)
    grams = [tuple(toks[i : i + n]) for i in range(max(1, len(toks) - n + 1))]
    return Counter(g for g in grams if g)


@dataclass(frozen=True, slots=True)
class PageScore:
    tp: float
    fp: float
    fn: float

    @property
    def precision(self) -> float:
        if self.fp == self.fn == 0:
            return 1.0
        if self.tp == self.fp == 0:
            return 0.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        if self.fp == self.fn == 0:
            return 1.0
        if self.tp == self.fn == 0:
            return 0.0
        return self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def page_score(true: str | None, pred: str | None) -> PageScore:
    want, got = shingles(true), shingles(pred)
    tp = float(sum((want & got).values()))
    fp = float(sum((got - want).values()))
    fn = float(sum((want - got).values()))
    total = tp + fp + fn
    if total:
        return PageScore(tp / total, fp / total, fn / total)
    return PageScore(0.0, 0.0, 0.0)


@dataclass(frozen=True, slots=True)
class Metrics:
    precision: float
    recall: float
    f1: float
    pages: int


def metrics(scores: list[PageScore]) -> Metrics:
    precisions = [s.precision for s in scores if s.tp + s.fp > 0]
    recalls = [s.recall for s in scores if s.tp + s.fn > 0]
    p = statistics.mean(precisions) if precisions else 0.0
    r = statistics.mean(recalls) if recalls else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return Metrics(p, r, f1, len(scores))
