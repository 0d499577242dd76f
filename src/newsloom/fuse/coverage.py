"""Coverage and summary: what each outlet reports, alone or with others, and the story in brief.

A sentence is *shared* when another outlet has a sentence with enough of its content words, or
one of its quotes or figures; otherwise it is reported by that outlet alone. What an outlet
*omits* is the facts of the others that no sentence of its own carries. The summary picks the
sentences that the most independent reports back, earliest first, skipping near-repeats, each
with every article that backs it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from newsloom.fuse.quotes import content
from newsloom.fuse.statements import is_heading, statement_spans, unbalanced_quotes
from newsloom.model import (
    Article,
    Dossier,
    FactRef,
    FigureClaim,
    QuoteGroup,
    SourceCoverage,
    SummaryLine,
)

#: Share of a sentence's content words another sentence must hold for the two to say the same.
#: On the seed and sample stories, restatements of one fact share ≥ 0.4; different facts ≤ 0.3.
SHARED_FACT = 0.4
#: Facts listed per outlet as reported by it alone, most informative first.
ALONE_FACTS = 6
#: Outlets with reports of their own a story needs before each one's omitted facts are listed:
#: with two, what one leaves out is exactly what the other alone reports.
OMITS_MIN_OUTLETS = 3
#: Lines in the summary.
SUMMARY_LINES = 4
#: Sentences shorter than this many content words are not facts ("He declined to comment.").
MIN_FACT_WORDS = 5


@dataclass(slots=True)
class _Sentence:
    article: Article
    start: int
    end: int
    words: frozenset[str]

    @property
    def text(self) -> str:
        return self.article.body[self.start : self.end]


def sentences(article: Article) -> list[_Sentence]:
    """The article's statements with enough content words to be facts (a quotation that runs
    over several sentences is one statement)."""
    out = []
    for start, end in statement_spans(article):
        words = frozenset(content(article.body[start:end]))
        if len(words) >= MIN_FACT_WORDS:
            out.append(_Sentence(article, start, end, words))
    return out


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


#: Per article, the spans of its quotes and figures that other articles report too, each with
#: those other articles: a sentence holding one is shared even when worded quite differently.
ItemBackers = Mapping[str, Sequence[tuple[int, int, frozenset[str]]]]


def item_backers(quotes: Sequence[QuoteGroup], figures: Sequence[FigureClaim]) -> ItemBackers:
    """Who else reports each quote variant and figure report, by the span it sits in."""
    out: dict[str, list[tuple[int, int, frozenset[str]]]] = defaultdict(list)
    groups = [[(v.article, v.start, v.end) for v in g.variants] for g in quotes]
    groups += [[(r.article, r.start, r.end) for r in c.reports] for c in figures]
    for items in groups:
        articles = frozenset(a for a, _, _ in items)
        if len(articles) < 2:
            continue
        for article, start, end in items:
            out[article].append((start, end, articles - {article}))
    return out


def backers(
    sentence: _Sentence, others: Sequence[_Sentence], items: ItemBackers | None = None
) -> list[str]:
    """Ids of the other articles holding a sentence that says the same, or one of its quotes
    or figures."""
    out: list[str] = []
    for other in others:
        if other.article.id == sentence.article.id or other.article.id in out:
            continue
        if overlap(sentence.words, other.words) >= SHARED_FACT:
            out.append(other.article.id)
    for start, end, articles in (items or {}).get(sentence.article.id, ()):
        if start < sentence.end and end > sentence.start:
            out += sorted(a for a in articles if a not in out)
    return out


def coverage(
    sources: list[SourceCoverage],
    members: Sequence[Article],
    quotes: list[QuoteGroup],
    figures: list[FigureClaim],
    copy_of: Mapping[str, str],
) -> None:
    """Fill each source's exclusive facts, quotes and figures, and what it omits."""
    independent = [a for a in members if a.id not in copy_of]
    all_sentences = [s for a in independent for s in sentences(a)]
    items = item_backers(quotes, figures)
    carried = [frozenset((s.article.id, *backers(s, all_sentences, items))) for s in all_sentences]
    with_facts = {s.article.id for s in all_sentences}
    reporting = sum(1 for src in sources if with_facts.intersection(src.articles))
    q_outlets = [{v.article for v in g.variants} for g in quotes]
    f_outlets = [{r.article for r in c.reports} for c in figures]
    for source in sources:
        mine = set(source.articles)
        alone = [
            s
            for s, carriers in zip(all_sentences, carried, strict=True)
            if s.article.id in mine and not carriers - mine
        ]
        alone.sort(key=lambda s: -len(s.words))
        source.alone = [_fact(s) for s in alone[:ALONE_FACTS]]
        if reporting >= OMITS_MIN_OUTLETS:
            source.omits = [_fact(s) for s in omitted(mine, all_sentences, carried)[:ALONE_FACTS]]
        source.alone_quotes = [i for i, arts in enumerate(q_outlets) if arts and arts <= mine]
        source.omits_quotes = [i for i, arts in enumerate(q_outlets) if arts and not arts & mine]
        source.alone_figures = [i for i, arts in enumerate(f_outlets) if arts and arts <= mine]
        source.omits_figures = [i for i, arts in enumerate(f_outlets) if arts and not arts & mine]


def omitted(
    mine: set[str], all_sentences: Sequence[_Sentence], carried: Sequence[frozenset[str]]
) -> list[_Sentence]:
    """Facts of the other outlets that none of ``mine`` reports, one sentence per fact, the
    ones the most articles carry first (then the longest). ``carried[i]`` holds the articles
    that report ``all_sentences[i]``, its own included."""
    if not any(s.article.id in mine for s in all_sentences):
        return []
    ranked = sorted(
        (i for i, s in enumerate(all_sentences) if not carried[i] & mine),
        key=lambda i: (-len(carried[i]), -len(all_sentences[i].words), i),
    )
    found: list[_Sentence] = []
    for i in ranked:
        sentence = all_sentences[i]
        if all(overlap(sentence.words, f.words) < SHARED_FACT for f in found):
            found.append(sentence)
    return found


def _fact(sentence: _Sentence) -> FactRef:
    return FactRef(
        article=sentence.article.id, text=sentence.text, start=sentence.start, end=sentence.end
    )


def summary(
    members: Sequence[Article],
    copy_of: Mapping[str, str],
    quotes: Sequence[QuoteGroup] = (),
    figures: Sequence[FigureClaim] = (),
) -> list[SummaryLine]:
    """The sentences most independent reports back, without near-repeats, in story order.

    A sentence that starts or ends inside a quotation (its quote marks do not pair up) reads
    as a fragment out of its paragraph, and a subhead the body kept (no stop at its end) is no
    sentence: both come after every whole sentence."""
    independent = [a for a in members if a.id not in copy_of]
    copies: dict[str, list[str]] = defaultdict(list)
    for copy, original in copy_of.items():
        copies[original].append(copy)
    pool = [s for a in independent for s in sentences(a)]
    items = item_backers(quotes, figures)
    scored = []
    for position, sentence in enumerate(pool):
        backed_by = [b for b in backers(sentence, pool, items) if b not in copy_of]
        lead_bonus = 1.0 if sentence.start == _first_start(sentence.article) else 0.0
        whole = 0 if unbalanced_quotes(sentence.text) or is_heading(sentence.text) else 1
        scored.append((whole, len(backed_by) + lead_bonus, -position, sentence, backed_by))
    scored.sort(key=lambda t: (t[0], t[1], t[2]), reverse=True)
    chosen: list[tuple[_Sentence, list[str]]] = []
    for _, _, _, sentence, backed_by in scored:
        if all(overlap(sentence.words, c.words) < SHARED_FACT for c, _ in chosen):
            chosen.append((sentence, backed_by))
        if len(chosen) == SUMMARY_LINES:
            break
    return [_line(s, b, copies) for s, b in chosen]


def _first_start(article: Article) -> int:
    return article.sentences[0].start if article.sentences else -1


def _line(
    sentence: _Sentence, backed_by: list[str], copies: Mapping[str, list[str]]
) -> SummaryLine:
    ids = [sentence.article.id, *backed_by]
    ids += [c for i in list(ids) for c in copies.get(i, [])]
    return SummaryLine(text=sentence.text, articles=list(dict.fromkeys(ids)))


@dataclass(frozen=True, slots=True)
class OutletItems:
    """An outlet's own and missing quotes and figures (indexes into the dossier's lists), less
    those already shown inside one of its listed fact sentences."""

    alone_quotes: list[int]
    alone_figures: list[int]
    omits_quotes: list[int]
    omits_figures: list[int]


def items_beyond_facts(dossier: Dossier, source: SourceCoverage) -> OutletItems:
    """What to list for ``source`` besides its fact sentences, each thing said once."""
    quote_spans = [[(v.article, v.start, v.end) for v in g.variants] for g in dossier.quotes]
    figure_spans = [[(r.article, r.start, r.end) for r in c.reports] for c in dossier.figures]

    def beyond(
        indexes: list[int], spans: list[list[tuple[str, int, int]]], facts: list[FactRef]
    ) -> list[int]:
        return [i for i in indexes if i < len(spans) and not _inside_any(spans[i], facts)]

    return OutletItems(
        alone_quotes=beyond(source.alone_quotes, quote_spans, source.alone),
        alone_figures=beyond(source.alone_figures, figure_spans, source.alone),
        omits_quotes=beyond(source.omits_quotes, quote_spans, source.omits),
        omits_figures=beyond(source.omits_figures, figure_spans, source.omits),
    )


def _inside_any(spans: list[tuple[str, int, int]], facts: list[FactRef]) -> bool:
    """Some span overlaps a listed sentence: a quote running over two sentences is shown by
    either."""
    return any(
        article == f.article and start < f.end and f.start < end
        for article, start, end in spans
        for f in facts
    )
