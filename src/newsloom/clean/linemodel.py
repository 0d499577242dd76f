"""How likely each line of a text capture is article body: two small logistic models over
features that do not depend on the page's language (length, punctuation, case, the line's kind,
its neighbours near and far, where it stands against the article's header).

The first model scores every line on its own and its surroundings. The second model sees the
first model's scores around each line too, also relative to the page (against the page's
highest, and as a rank), so that a listicle's short paragraphs beside long body paragraphs are
pulled in and a page the first model is unsure of still yields its likeliest lines. The body is
then the stretch of lines with the most evidence (``gains``, ``best_stretch``). Features are
kept to what held up in cross-validation by site (``bench/seb_train.py --cv 5``): second-pass
features on the first guess's stretch helped the sites trained on and hurt unseen ones.

The weights live in ``linemodel_weights.py`` beside this file (a Python module, so that they
ship with the package without package-data settings); ``bench/seb_train.py`` regenerates them
from the SEB captures. Inference is plain Python: two dot products per line, no scikit-learn at
run time.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Protocol

from newsloom.clean import vocab

#: Kinds (``capture.Kind`` values) that get a feature of their own.
KIND_FEATURES = (
    "ad-marker", "rail-heading", "related-link", "relative-time", "separator", "url", "sign-off",
    "posted", "date-stamp", "byline", "caption", "agency-credit", "duplicate", "truncated-teaser",
    "prose", "short", "site-chrome",
)  # fmt: skip
#: Kinds that make up an article's own header (the body follows them).
HEADER_KINDS = frozenset({"byline", "posted", "date-stamp"})
#: Kinds that say nothing about where the body is (an ad slot, a lone "Related" label).
TRANSPARENT_KINDS = frozenset({"ad-marker", "rail-heading", "related-link"})
#: Neighbours on each side that describe a line's surroundings...
CONTEXT = 3
#: ...and the wider window that says whether it stands in a run of prose.
WIDE_CONTEXT = 10
#: A line adds to the body's evidence when its body probability is above this, else subtracts
#: (the first guess of the second model, and the body stretch in capture.py).
REGION_THRESHOLD = 0.35

_TERMINAL = (".", "!", "?", '"', "”", "’", "'", ")", ":", "…", "。", "！", "？", "」", "»")
_WORD_RE = re.compile(r"\w+", re.UNICODE)
_PUNCT_RE = re.compile(r"[,.;:!?،，。、]")
_SENTENCE_END_RE = re.compile(r"[.!?。！？][\"”’)]?\s+\S")
_ALPHA_RE = re.compile(r"[^\W\d_]", re.UNICODE)
#: A teaser's title glued to its blurb ("Troy SteakhouseA party of six", "On The Rise?Violence"),
#: in Latin and Cyrillic letters.
_LOWER = "a-zß-öø-ÿа-яё"
_UPPER = "A-ZÀ-ÖØ-ÞА-ЯЁ"
_GLUED_RE = re.compile(f"[{_LOWER}]{{3}}[{_UPPER}]|[{_LOWER}][.?!:][{_UPPER}][{_LOWER}]")
#: A label and its count in brackets, "Junho (12)", "Notícias(8)": an archive's or a
#: category list's entry (a widget, whatever the language), never an item of a list in a body.
_COUNTED_RE = re.compile(r"\(\d+\)$")
#: Skeleton marks: a run of digits (with any letters glued to it, "1a", "85%" keeps its "%"),
#: a run of letters, or one other visible character.
_SHAPE_TOKEN_RE = re.compile(r"\w*\d\w*|[^\W\d_]+|[^\w\s]", re.UNICODE)
#: Words at least this long carry a line's topic (cohesion features).
TOPIC_WORD_CHARS = 4
#: A line's shape is the first this many marks of its skeleton ("June 9 – Harbor City, HC @ …"
#: and "June 10 – Bayside, BS @ …" are both ``a9–``; "1) Harbor ferry model 7510 …" and "3)
#: Gift box: …" both ``9)a``: the tails of list items differ more than their openings). SEB
#: captures, text F1 cross-validated by site (bench/seb_train.py folds), dev half: 4 marks
#: 0.945, 3 marks 0.948, 2 marks 0.948 (all pages 0.935 / 0.937 / 0.938); 3 keeps a number
#: or sign after the first word. The three below were set by reading the list-bodied SEB
#: pages of the dev half, not swept.
SHAPE_MARKS = 3
#: A list or table repeats a row of at most this many lines (a table captured one cell a line:
#: position, name, points, wins, poles, top 5, top 10)...
SHAPE_MAX_PERIOD = 8
#: ...at least this many times in a row.
SHAPE_MIN_REPEATS = 3
#: A line of more words than this is a paragraph, whatever its opening (no list item).
SHAPE_MAX_WORDS = 24


class LineLike(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def reason(self) -> str | None: ...
    @property
    def spaced(self) -> bool: ...


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
    word_length: float
    sentences: float
    alpha: float
    lower_start: float
    glued: float
    prose: float

    def as_list(self) -> list[float]:
        return [self.size, self.words, self.terminal, self.punct, self.caps, self.digits,
                self.short_lower, self.stop, self.chrome_words, self.links, self.word_length,
                self.sentences, self.alpha, self.lower_start, self.glued]  # fmt: skip


OWN_NAMES = (
    "size", "words", "terminal", "punct", "caps", "digits", "short_lower", "stop",
    "chrome_words", "links", "word_length", "sentences", "alpha", "lower_start", "glued",
)  # fmt: skip
CONTEXT_NAMES = (
    "prev_size", "next_size", "prev_prose", "next_prose", "prev_caps", "next_caps",
    "wide_prev_prose", "wide_next_prose", "wide_prev_size", "wide_next_size",
)  # fmt: skip
PAGE_NAMES = (
    "position", "repeated", "in_rail", "after_header", "size_vs_page", "prev_heading", "cohesion",
    "spaced", "near_spaced", "header_distance", "shape_run",
)  # fmt: skip
FEATURE_NAMES: tuple[str, ...] = (
    *OWN_NAMES, *CONTEXT_NAMES, *PAGE_NAMES, *(f"kind={k}" for k in KIND_FEATURES),
)  # fmt: skip
#: The second model's features: the first model's, then what its first guess says.
SECOND_NAMES: tuple[str, ...] = (
    *FEATURE_NAMES, "p1", "p1_near", "p1_wide", "p1_vs_top", "p1_wide_vs_top", "p1_rank",
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
        stop=sum(1 for w in words if w.lower() in vocab.STOPWORDS) / n,
        chrome_words=min(sum(1 for w in vocab.CHROME_WORDS if w in lower), 3) / 3,
        links=1.0 if vocab.LINKISH_RE.search(text) else 0.0,
        word_length=math.log1p(sum(len(w) for w in words) / n),
        sentences=math.log1p(len(_SENTENCE_END_RE.findall(text))),
        alpha=len(_ALPHA_RE.findall(text)) / max(len(text), 1),
        lower_start=1.0 if text[:1].islower() else 0.0,
        glued=1.0 if _GLUED_RE.search(text) else 0.0,
        prose=1.0 if len(words) >= 8 and text.endswith(_TERMINAL) else 0.0,
    )


def features(lines: Sequence[LineLike]) -> list[list[float]]:
    """One feature row per line, in ``FEATURE_NAMES`` order."""
    own = [own_features(line.text) for line in lines]
    counts = Counter(line.text for line in lines)
    total = max(len(lines) - 1, 1)
    header = next((i for i, ln in enumerate(lines) if ln.kind in HEADER_KINDS), len(lines))
    longest = max((o.size for o in own), default=0.0)
    cohesion = _cohesions([topic_words(line.text) for line in lines])
    spaced = [1.0 if line.spaced else 0.0 for line in lines]
    spaced_share = _mean(spaced)
    runs = shape_runs([line.text for line in lines])
    rows: list[list[float]] = []
    for i, line in enumerate(lines):
        prev = own[max(0, i - CONTEXT) : i]
        nxt = own[i + 1 : i + 1 + CONTEXT]
        wide_prev = own[max(0, i - WIDE_CONTEXT) : i]
        wide_next = own[i + 1 : i + 1 + WIDE_CONTEXT]
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
                _mean([o.prose for o in wide_prev]),
                _mean([o.prose for o in wide_next]),
                _mean([o.size for o in wide_prev]),
                _mean([o.size for o in wide_next]),
                i / total,
                1.0 if counts[line.text] > 1 else 0.0,
                1.0 if line.reason else 0.0,
                1.0 if i > header else 0.0,
                own[i].size - longest,
                1.0 if i and lines[i - 1].kind == "rail-heading" else 0.0,
                cohesion[i],
                spaced[i] - spaced_share,
                _mean(spaced[max(0, i - CONTEXT) : i] + spaced[i + 1 : i + 1 + CONTEXT])
                - spaced_share,
                math.log1p(i - header) if i > header else 0.0,
                math.log1p(runs[i]),
                *kinds,
            ]
        )
    return rows


def line_shape(text: str) -> str:
    """The opening of a line's skeleton: each run of letters is ``a``, each number ``9``, other
    characters stay ("3a rodada: 14 de abril – Porto Alegre" is ``9a:``); empty for a paragraph
    (more than ``SHAPE_MAX_WORDS`` words) and for an archive's entry with its count
    (``_COUNTED_RE``). A closing full stop does not count ("Jr.", "Pos.")."""
    if len(text.split()) > SHAPE_MAX_WORDS or _COUNTED_RE.search(text):
        return ""
    marks: list[str] = []
    for token in _SHAPE_TOKEN_RE.findall(text.rstrip(".")):
        mark = "9" if any(c.isdigit() for c in token) else "a" if token[0].isalpha() else token
        if not marks or mark != marks[-1] or mark not in "a9":
            marks.append(mark)
        if len(marks) == SHAPE_MARKS:
            break
    return "".join(marks)


def shape_runs(texts: Sequence[str]) -> list[int]:
    """Per line, how many lines long is the list or table it belongs to (``shape_spans``); 0
    for a line in none."""
    return [span[1] - span[0] + 1 if span else 0 for span in shape_spans(texts)]


def shape_spans(texts: Sequence[str]) -> list[tuple[int, int] | None]:
    """Per line, the first and last line of the longest list or table it belongs to: a stretch
    that repeats a row of 1 to ``SHAPE_MAX_PERIOD`` lines, line for line in shape, at least
    ``SHAPE_MIN_REPEATS`` times, where the row has a number or a sign (a menu's bare words do
    not make a list: "Home", "World", "Sport" all have the shape ``a``); None for other lines.
    The clean stage asks three times per page (rails, line features, the body's lists), so the
    last few pages' answers are kept."""
    return list(_shape_spans(tuple(texts)))


@lru_cache(maxsize=4)
def _shape_spans(texts: tuple[str, ...]) -> tuple[tuple[int, int] | None, ...]:
    shapes = [line_shape(t) for t in texts]
    n = len(shapes)
    out: list[tuple[int, int] | None] = [None] * n
    for period in range(1, SHAPE_MAX_PERIOD + 1):
        k = 0
        while k + period < n:
            end = k
            while end + period < n and shapes[end] and shapes[end] == shapes[end + period]:
                end += 1
            last = end + period - 1  # lines k..last repeat with this period
            if last - k + 1 >= period * SHAPE_MIN_REPEATS and _marked(shapes[k : k + period]):
                for j in range(k, last + 1):
                    held = out[j]
                    if held is None or held[1] - held[0] < last - k:
                        out[j] = (k, last)
            k = max(end, k + 1)
    return tuple(out)


def _marked(row: Sequence[str]) -> bool:
    """A row that holds a number or a sign besides its words, and not numbers alone (page
    numbers "1", "2", "3"; an archive's years)."""
    return any(shape.strip("a") for shape in row) and any(shape != "9" for shape in row)


def topic_words(text: str) -> frozenset[str]:
    return frozenset(
        w.lower() for w in _WORD_RE.findall(text) if len(w) >= TOPIC_WORD_CHARS and w.isalpha()
    )


def _cohesions(topics: Sequence[frozenset[str]]) -> list[float]:
    """Per line, the share of its topic words found in the other lines around it (within
    ``WIDE_CONTEXT``): a body's paragraphs share names and subjects, the teasers of a rail each
    have their own. One sliding count of the window's words, so linear in the page."""
    counts: Counter[str] = Counter()
    for words in topics[: WIDE_CONTEXT + 1]:
        counts.update(words)
    out: list[float] = []
    for i, own in enumerate(topics):
        if i:
            if i + WIDE_CONTEXT < len(topics):
                counts.update(topics[i + WIDE_CONTEXT])
            if i - WIDE_CONTEXT - 1 >= 0:
                counts.subtract(topics[i - WIDE_CONTEXT - 1])
        out.append(sum(1 for w in own if counts[w] > 1) / len(own) if own else 0.0)
    return out


def second_features(
    lines: Sequence[LineLike], rows: Sequence[Sequence[float]], first: Sequence[float]
) -> list[list[float]]:
    """The second model's rows: each first-model row, then the first model's probabilities
    around the line, each also against the page's highest and as a rank within the page (a
    page the first model is unsure of still has its likeliest lines)."""
    n = len(first)
    wide = [_mean(list(first[max(0, i - WIDE_CONTEXT) : i + WIDE_CONTEXT + 1])) for i in range(n)]
    top, top_wide = max(first, default=0.0), max(wide, default=0.0)
    ordered = sorted(first)
    last = max(n - 1, 1)
    rows2: list[list[float]] = []
    for i, row in enumerate(rows):
        near = _mean(list(first[max(0, i - CONTEXT) : i + CONTEXT + 1]))
        rank = bisect.bisect_left(ordered, first[i]) / last
        rows2.append([*row, first[i], near, wide[i], first[i] - top, wide[i] - top_wide, rank])
    return rows2


def gains(lines: Sequence[LineLike], probs: Sequence[float]) -> list[float]:
    """Each line's evidence for the body: its probability above ``REGION_THRESHOLD``, weighted
    by its length (the score counts words, so two long paragraphs outweigh five short poll
    answers: cross-validated by site, F1 0.907 with the log of the length, 0.911 with the
    length); ad markers and lone headings inside a body are neutral, and so is a photo's
    caption between two paragraphs (``inside_prose``)."""
    inside = inside_prose(lines)
    return [
        0.0
        if line.kind in TRANSPARENT_KINDS or inside[i]
        else (p - REGION_THRESHOLD) * len(line.text)
        for i, (line, p) in enumerate(zip(lines, probs, strict=True))
    ]


#: Kinds neutral between two paragraphs: a caption, and a line repeated (a caption printed
#: twice, with and without its credit).
_BETWEEN_KINDS = frozenset({"caption", "duplicate"})


def inside_prose(lines: Sequence[LineLike]) -> list[bool]:
    """Per line, whether it is a caption (or a repeated line) whose nearest lines on both sides,
    past ad markers, "Related" links and other captions, are paragraphs: it stands inside the
    body. Without this bench/multilang.py lost the paragraph on a caption's far side (text F1
    not English 0.990, English 0.982; with it 0.998 and 0.988), while every caption neutral
    took a page's header into its body (SEB captures: one headline fewer, barrons.com)."""
    before = _last_kinds(lines, range(len(lines)))
    after = _last_kinds(lines, range(len(lines) - 1, -1, -1))
    return [
        line.kind in _BETWEEN_KINDS and before[i] == after[i] == "prose"
        for i, line in enumerate(lines)
    ]


def _last_kinds(lines: Sequence[LineLike], order: range) -> list[str | None]:
    """Per line, the kind of the nearest line met before it in ``order`` that is neither
    transparent nor a caption (one pass)."""
    out: list[str | None] = [None] * len(lines)
    last: str | None = None
    for i in order:
        out[i] = last
        if lines[i].kind not in TRANSPARENT_KINDS and lines[i].kind not in _BETWEEN_KINDS:
            last = lines[i].kind
    return out


def best_stretch(values: Sequence[float]) -> tuple[int | None, int | None]:
    """The stretch with the largest sum of ``values`` (Kadane's scan); None when all are <= 0."""
    best = 0.0
    best_span: tuple[int | None, int | None] = (None, None)
    total, start = 0.0, 0
    for i, value in enumerate(values):
        if total <= 0:
            total, start = 0.0, i
        total += value
        if total > best:
            best, best_span = total, (start, i)
    return best_span


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
@cache
def load_models() -> tuple[LineModel, LineModel]:
    """The shipped models, built once per process (the weights module is imported once too)."""
    from newsloom.clean import linemodel_weights as w

    if tuple(w.NAMES) != FEATURE_NAMES or tuple(w.NAMES_2) != SECOND_NAMES:
        raise RuntimeError("linemodel_weights.py is stale: run bench/seb_train.py")
    first = LineModel(tuple(w.NAMES), tuple(w.MEAN), tuple(w.SCALE), tuple(w.WEIGHTS), w.BIAS)
    second = LineModel(
        tuple(w.NAMES_2), tuple(w.MEAN_2), tuple(w.SCALE_2), tuple(w.WEIGHTS_2), w.BIAS_2
    )
    return first, second


#: Models that stand in for the shipped weights (``models_in_use``), innermost last.
_STAND_INS: list[tuple[LineModel, LineModel]] = []


@contextmanager
def models_in_use(first: LineModel, second: LineModel) -> Iterator[None]:
    """Score lines with these models instead of the shipped weights while the block runs (the
    cross-validation in bench/seb_train.py runs the whole clean stage with each fold's models)."""
    _STAND_INS.append((first, second))
    try:
        yield
    finally:
        _STAND_INS.pop()


def _models() -> tuple[LineModel, LineModel]:
    return _STAND_INS[-1] if _STAND_INS else load_models()


def first_probabilities(lines: Sequence[LineLike]) -> list[float]:
    first, _ = _models()
    return [first.probability(row) for row in features(lines)]


def probabilities(lines: Sequence[LineLike]) -> list[float]:
    first, second = _models()
    rows = features(lines)
    guess = [first.probability(row) for row in rows]
    return [second.probability(row) for row in second_features(lines, rows, guess)]
