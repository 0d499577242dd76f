"""Direct quotes and their speakers on PolNeAR (political news attribution relations).

    python bench/polnear.py [--data ../shared/evaldata/polnear] [--split dev] [--errors 0]

Tune on ``--split train`` (``--errors N`` prints misses); ``--split dev`` is the held-out figure.

The product's code path: each article goes, as an ``Article`` whose body is the PolNeAR text,
through ``pipeline.annotate_within`` — the annotate stage exactly as ``newsloom analyze`` and
``newsloom ingest`` run it (the configured spaCy model, ``annotate``'s mentions with their place
extents and canonical person names, ``find_quotes``, quote dating, the page budget). Only the
clean stage is skipped: the gold offsets point into the raw text, which is already article text
(title on the first line). Scored are the ``Article.quotes`` it returns.

Data: ``data/metadata.tsv`` lists each article and its compartment (train/dev) and annotators;
``data/<split>/text/<filename>.txt`` is the article (title on the first line) and
``data/<split>/attributions/<filename>_<annotator>.ann`` the brat standoff annotation: text-bound
``T`` lines (``Source``, ``Cue``, ``Content``; a span may be discontinuous, ``a b;c d``) and one
``E`` line per attribution (``Attribution:T4 Content:T3 Cue:T2 Source:T1``; no ``Source`` for
``Attribution-no-source``). Articles annotated by several people are scored against the first
annotator listed in ``metadata.tsv``.

What counts as a gold direct quote
    An attribution whose Content has at least ``DIRECT_SHARE`` of its letters and digits inside
    double quote marks, read over the Content text itself (its parts joined in order): “ opens,
    ” closes, a straight " toggles; a mark left open counts to the end of the content (a quote
    running over paragraphs). Its **quoted segments** are those inside-mark stretches, trimmed of
    spaces.

Predictions
    ``Article.quotes`` from the annotate stage (above). Scored: items with ``direct`` true and
    ``fragment`` false.

Scores
    - overlap recall: gold direct quotes whose quoted segments share a character with a
      prediction; overlap precision: predictions sharing a character with a gold direct quote's
      segments; lenient precision: predictions sharing a character with any gold Content (a
      quote the annotators attributed in a mostly paraphrased Content is not a false find).
    - exact recall/precision: gold segments and predictions whose text is equal after trimming
      spaces, quote marks and punctuation at both ends.
    - speaker accuracy: over gold direct quotes with a Source that are found (overlap), the
      prediction with the largest overlap is right when (a) its speaker as written
      (``speaker_start:speaker_end``) overlaps the gold Source span, or (b) the content words of
      its resolved speaker and of the gold Source text share a word (lowercased; possessive
      ending, titles, pronouns and stop words removed). A pronoun Source ("he") is thus credited
      when the prediction points at that pronoun, or resolves to a name the Source shares (never,
      as the Source holds only the pronoun: PolNeAR gives no antecedent). End-to-end: right
      speakers over all gold direct quotes with a Source.
    - quote F1: the harmonic mean of overlap recall and lenient precision (the figure issue 17
      sets its goal on: F1 ≥ 0.96, speaker accuracy ≥ 0.93).
    - speed: words/s of the whole annotate stage, and ``find_quotes``'s share of it (timed by
      wrapping the function the stage calls; the budget is ``find_quotes`` time ≤ 15% of the
      rest of the stage).
"""

from __future__ import annotations

import argparse
import csv
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

import newsloom.annotate as stage
from newsloom.annotate import load_nlp
from newsloom.annotate.quote_vocab import PRONOUNS, TITLES
from newsloom.annotate.quotes import find_quotes
from newsloom.config import Settings
from newsloom.model import Article, Mention, Quote
from newsloom.pipeline import annotate_within

#: Share of a Content's letters inside quote marks for it to count as a direct quote.
DIRECT_SHARE = 0.5
HUMAN_AGREEMENT = 0.923  # PolNeAR README: attribution-wise inter-annotator agreement
BUDGET = 0.15  # issue 5: annotate may cost at most 15% more than spaCy

_TRIM = " \t\n.,;:!?…—–-'\"“”‘’"
_WORD_RE = re.compile(r"[\w.]+")
_STOP = frozenset({"the", "a", "an", "of", "for", "and", "his", "her", "their", "its", "who"})

Range = tuple[int, int]


@dataclass
class Attribution:
    content: list[Range]
    source: list[Range]
    segments: list[Range] = field(default_factory=list)  # quoted stretches (direct quotes)


@dataclass
class DocGold:
    name: str
    text: str
    attributions: list[Attribution]

    @property
    def direct(self) -> list[Attribution]:
        return [a for a in self.attributions if a.segments]


# ------------------------------------------------------------------------------------ reading


def read_split(root: Path, split: str) -> Iterator[DocGold]:
    data = root / "data"
    with (data / "metadata.tsv").open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh, delimiter="\t") if r["compartment"] == split]
    for row in rows:
        name = row["filename"]
        text = (data / split / "text" / f"{name}.txt").read_text(encoding="utf-8")
        for annotator in row["annotators"].split("|"):
            ann = data / split / "attributions" / f"{name}_{annotator}.ann"
            if ann.exists():
                yield DocGold(name, text, list(read_ann(ann, text)))
                break


def read_ann(path: Path, text: str) -> Iterator[Attribution]:
    spans: dict[str, list[Range]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            _kind, _, offsets = parts[1].partition(" ")
            spans[parts[0]] = [_range(chunk) for chunk in offsets.split(";")]
        elif line.startswith("E") and len(parts) >= 2:
            events.append(dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg))
    for event in events:
        if "Content" not in event:
            continue
        content = spans.get(event["Content"], [])
        attribution = Attribution(content, spans.get(event.get("Source", ""), []))
        attribution.segments = quoted_segments(text, content)
        yield attribution


def _range(chunk: str) -> Range:
    a, b = chunk.split()
    return int(a), int(b)


def quoted_segments(text: str, content: list[Range]) -> list[Range]:
    """The inside-mark stretches of a Content when it is a direct quote, else []."""
    inside: list[int] = []
    letters = 0
    state = False
    for a, b in content:
        for i in range(a, b):
            ch = text[i]
            if ch == "“" or (ch == '"' and not state):
                state = True
            elif ch == "”" or ch == '"':
                state = False
            elif ch.isalnum():
                letters += 1
                if state:
                    inside.append(i)
            elif state:
                inside.append(i)
    inside_letters = sum(1 for i in inside if text[i].isalnum())
    if not letters or inside_letters < DIRECT_SHARE * letters:
        return []
    return _runs(text, inside)


def _runs(text: str, positions: list[int]) -> list[Range]:
    runs: list[Range] = []
    for i in positions:
        if runs and runs[-1][1] == i:
            runs[-1] = (runs[-1][0], i + 1)
        else:
            runs.append((i, i + 1))
    trimmed = []
    for a, b in runs:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            trimmed.append((a, b))
    return trimmed


# ------------------------------------------------------------------------------------ scoring


def overlap(a: Range, b: Range) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def norm_text(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip(_TRIM)).lower()


def content_words(text: str) -> set[str]:
    words = {re.sub(r"['’]s?$", "", w.lower()) for w in _WORD_RE.findall(text)}
    return {w for w in words if w and w not in _STOP and w not in TITLES and w not in PRONOUNS}


@dataclass
class Tally:
    gold: int = 0
    gold_found: int = 0
    segments: int = 0
    segments_exact: int = 0
    predicted: int = 0
    predicted_right: int = 0
    predicted_lenient: int = 0
    predicted_exact: int = 0
    with_source: int = 0
    speaker_scored: int = 0
    speaker_right: int = 0
    errors: list[str] = field(default_factory=list)


def score_doc(gold: DocGold, quotes: list[Quote], tally: Tally) -> None:
    preds = [q for q in quotes if q.direct and not q.fragment]
    text = gold.text
    gold_segments = [s for a in gold.direct for s in a.segments]
    all_content = [r for a in gold.attributions for r in a.content]
    gold_norms = {norm_text(text[a:b]) for a, b in gold_segments}
    pred_norms = {norm_text(q.text) for q in preds}
    tally.predicted += len(preds)
    for q in preds:
        span = (q.start, q.end)
        tally.predicted_right += any(overlap(span, s) for s in gold_segments)
        tally.predicted_lenient += any(overlap(span, s) for s in all_content)
        tally.predicted_exact += norm_text(q.text) in gold_norms
        if not any(overlap(span, s) for s in all_content):
            tally.errors.append(f"{gold.name}: FALSE FIND {q.text[:80]!r}")
    tally.segments += len(gold_segments)
    tally.segments_exact += sum(norm_text(text[a:b]) in pred_norms for a, b in gold_segments)
    for attribution in gold.direct:
        _score_attribution(gold, attribution, preds, tally)


def _score_attribution(gold: DocGold, att: Attribution, preds: list[Quote], tally: Tally) -> None:
    tally.gold += 1
    best, best_overlap = None, 0
    for q in preds:
        shared = sum(overlap((q.start, q.end), s) for s in att.segments)
        if shared > best_overlap:
            best, best_overlap = q, shared
    quoted = gold.text[att.segments[0][0] : att.segments[0][1]][:70]
    if att.source:
        tally.with_source += 1
    if best is None:
        tally.errors.append(f"{gold.name}: MISSED {quoted!r}")
        return
    tally.gold_found += 1
    if not att.source:
        return
    tally.speaker_scored += 1
    if speaker_right(gold.text, att, best):
        tally.speaker_right += 1
    else:
        source = " | ".join(gold.text[a:b] for a, b in att.source)
        said = gold.text[best.speaker_start : best.speaker_end] if best.speaker_start else None
        tally.errors.append(
            f"{gold.name}: SPEAKER gold={source!r} got={best.speaker!r} as {said!r} "
            f"cue={best.cue!r} quote={quoted!r}"
        )


def speaker_right(text: str, att: Attribution, q: Quote) -> bool:
    if q.speaker is None:
        return False
    if q.speaker_start is not None and q.speaker_end is not None:
        said = (q.speaker_start, q.speaker_end)
        if any(overlap(said, s) for s in att.source):
            return True
    source_words = set().union(*(content_words(text[a:b]) for a, b in att.source))
    return bool(content_words(q.speaker) & source_words)


# -------------------------------------------------------------------------------------- run


class _Timed:
    """``find_quotes`` as the annotate stage calls it, with the time spent in it added up."""

    def __init__(self) -> None:
        self.seconds = 0.0

    def __call__(self, doc: Doc, mentions: list[Mention]) -> list[Quote]:
        start = time.perf_counter()
        try:
            return find_quotes(doc, mentions)
        finally:
            self.seconds += time.perf_counter() - start


def annotated(golds: list[DocGold], nlp: Language) -> tuple[list[list[Quote]], float]:
    """Each gold article's quotes from the product's annotate stage, and the seconds spent in
    ``find_quotes``."""
    articles = [Article(id=g.name, input=g.name, body=g.text) for g in golds]
    timed = _Timed()
    stage.find_quotes = timed  # type: ignore[assignment]  # timing only: same function
    try:
        done = annotate_within(articles, nlp, Settings().page_seconds)
    finally:
        stage.find_quotes = find_quotes  # type: ignore[assignment]
    out = []
    for gold in golds:
        item = done[gold.name]
        if not isinstance(item, Article):
            raise SystemExit(f"{gold.name}: annotate refused it: {item.reason}")
        out.append(item.quotes)
    return out, timed.seconds


def run(root: Path, split: str, limit: int | None) -> tuple[Tally, dict[str, float]]:
    golds = list(read_split(root, split))[:limit]
    nlp = load_nlp(Settings().spacy_models)
    start = time.perf_counter()
    found, t_quotes = annotated(golds, nlp)
    t_stage = time.perf_counter() - start
    tally = Tally()
    for gold, quotes in zip(golds, found, strict=True):
        score_doc(gold, quotes, tally)
    words = sum(len(g.text.split()) for g in golds)
    speed = {"docs": len(golds), "words": words, "stage": t_stage, "quotes": t_quotes}
    return tally, speed


def f1(tally: Tally) -> str:
    if not tally.gold or not tally.predicted:
        return "   n/a"
    recall = tally.gold_found / tally.gold
    precision = tally.predicted_lenient / tally.predicted
    return f"{2 * recall * precision / (recall + precision):6.3f}"


def ratio(a: int, b: int) -> str:
    return f"{a / b:6.1%}" if b else "   n/a"


def report(split: str, tally: Tally, speed: dict[str, float]) -> None:
    rows = [
        ("gold direct quotes (with a Source)", f"{tally.gold} ({tally.with_source})"),
        ("predicted quotes (direct, not fragment)", str(tally.predicted)),
        ("quote recall, overlap", ratio(tally.gold_found, tally.gold)),
        ("quote precision, overlap", ratio(tally.predicted_right, tally.predicted)),
        ("quote precision, lenient (any Content)", ratio(tally.predicted_lenient, tally.predicted)),
        ("quote recall, exact (segments)", ratio(tally.segments_exact, tally.segments)),
        ("quote precision, exact", ratio(tally.predicted_exact, tally.predicted)),
        ("quote F1 (overlap recall, lenient precision)", f1(tally)),
        ("speaker accuracy (found quotes)", ratio(tally.speaker_right, tally.speaker_scored)),
        ("speaker right, end to end", ratio(tally.speaker_right, tally.with_source)),
        ("human agreement on attributions", f"{HUMAN_AGREEMENT:6.1%}"),
    ]
    print(f"PolNeAR {split}: {speed['docs']:.0f} articles, {speed['words']:.0f} words")
    width = max(len(r[0]) for r in rows)
    for label, value in rows:
        print(f"  {label:<{width}}  {value}")
    stage_wps = speed["words"] / speed["stage"]
    share = speed["quotes"] / (speed["stage"] - speed["quotes"])
    print(f"  {'annotate stage (spaCy and extractors)':<{width}}  {stage_wps:,.0f} words/s")
    verdict = "within" if share <= BUDGET else "OVER"
    label = "find_quotes cost vs the rest of the stage"
    print(f"  {label:<{width}}  {share:6.1%} ({verdict} the {BUDGET:.0%} budget)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/evaldata/polnear"))
    parser.add_argument("--split", default="dev", choices=["train", "dev"])
    parser.add_argument("--errors", type=int, default=0, help="print this many errors (tuning)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    args = parser.parse_args()
    tally, speed = run(args.data, args.split, args.limit)
    report(args.split, tally, speed)
    for line in tally.errors[: args.errors]:
        print(line)


if __name__ == "__main__":
    main()
