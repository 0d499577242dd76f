"""Coverage and summary: what each outlet reports, alone or with others, and the story in brief.

A sentence is *shared* when another outlet has a sentence with enough of its content words;
otherwise it is reported by that outlet alone. The summary picks the sentences that the most
independent reports back, earliest first, skipping near-repeats, each with every article that
backs it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from newsloom.fuse.quotes import content
from newsloom.model import (
    Article,
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
    out = []
    for span in article.sentences:
        words = frozenset(content(article.body[span.start : span.end]))
        if len(words) >= MIN_FACT_WORDS:
            out.append(_Sentence(article, span.start, span.end, words))
    return out


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def backers(sentence: _Sentence, others: Sequence[_Sentence]) -> list[str]:
    """Ids of the other articles holding a sentence that says the same."""
    out: list[str] = []
    for other in others:
        if other.article.id == sentence.article.id or other.article.id in out:
            continue
        if overlap(sentence.words, other.words) >= SHARED_FACT:
            out.append(other.article.id)
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
    q_outlets = [{v.article for v in g.variants} for g in quotes]
    f_outlets = [{r.article for r in c.reports} for c in figures]
    for source in sources:
        mine = set(source.articles)
        theirs = [s for s in all_sentences if s.article.id not in mine]
        alone = [s for s in all_sentences if s.article.id in mine and not backers(s, theirs)]
        alone.sort(key=lambda s: -len(s.words))
        source.alone = [_fact(s) for s in alone[:ALONE_FACTS]]
        source.alone_quotes = [i for i, arts in enumerate(q_outlets) if arts and arts <= mine]
        source.omits_quotes = [i for i, arts in enumerate(q_outlets) if arts and not arts & mine]
        source.alone_figures = [i for i, arts in enumerate(f_outlets) if arts and arts <= mine]
        source.omits_figures = [i for i, arts in enumerate(f_outlets) if arts and not arts & mine]


def _fact(sentence: _Sentence) -> FactRef:
    return FactRef(
        article=sentence.article.id, text=sentence.text, start=sentence.start, end=sentence.end
    )


def summary(members: Sequence[Article], copy_of: Mapping[str, str]) -> list[SummaryLine]:
    """The sentences most independent reports back, without near-repeats, in story order."""
    independent = [a for a in members if a.id not in copy_of]
    copies: dict[str, list[str]] = defaultdict(list)
    for copy, original in copy_of.items():
        copies[original].append(copy)
    pool = [s for a in independent for s in sentences(a)]
    scored = []
    for position, sentence in enumerate(pool):
        backed_by = backers(sentence, pool)
        lead_bonus = 1.0 if sentence.start == _first_start(sentence.article) else 0.0
        scored.append((len(backed_by) + lead_bonus, -position, sentence, backed_by))
    scored.sort(key=lambda t: (t[0], t[1]), reverse=True)
    chosen: list[tuple[_Sentence, list[str]]] = []
    for _, _, sentence, backed_by in scored:
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
