"""The dossier's "only here · left out" section, each fact said once.

The fuse stage lists, per outlet, what it alone reports and what it leaves out. Laid out per
outlet, one fact the others all carry is repeated under every outlet that lacks it, and a fact one
outlet alone reports shows again under each of the others (a story of five outlets printed the
same sentence five times). Here the lists are folded: a fact one outlet alone reports is listed
once under that outlet (every other outlet leaves it out, by definition), and a fact some outlets
report and others lack is listed once, with the outlets that lack it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsloom.fuse import SHARED_FACT, content, items_beyond_facts, overlap
from newsloom.model import Dossier, FactRef, SourceCoverage

if TYPE_CHECKING:
    from newsloom.web.dossier import ArticleRef

#: Words of a quote shown in the section (the Quotes section has it whole).
QUOTE_WORDS = 16


@dataclass(frozen=True, slots=True)
class FactItem:
    """A sentence (``kind`` "fact", with its article), a quote ("quote": ``speaker`` and the
    first words) or a figure ("figure": its label) of the dossier."""

    kind: str
    text: str
    article: ArticleRef | None = None
    speaker: str | None = None


@dataclass(frozen=True, slots=True)
class OnlyIn:
    """What one outlet alone reports."""

    outlet: str
    items: list[FactItem]

    @property
    def sentences(self) -> list[FactItem]:
        return [i for i in self.items if i.kind == "fact"]

    @property
    def quotes(self) -> list[FactItem]:
        return [i for i in self.items if i.kind == "quote"]

    @property
    def figures(self) -> list[str]:
        """Its figures' labels, set on one line (a spec sheet can hold fifty of them)."""
        return [i.text for i in self.items if i.kind == "figure"]


@dataclass(frozen=True, slots=True)
class LeftOut:
    """A fact some outlets report and these outlets leave out."""

    item: FactItem
    missing: list[str]


@dataclass(frozen=True, slots=True)
class Omissions:
    only: list[OnlyIn] = field(default_factory=list)
    left_out: list[LeftOut] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.only or self.left_out)


@dataclass(slots=True)
class _Sentence:
    fact: FactRef
    words: frozenset[str]

    def same(self, other: FactRef, words: frozenset[str]) -> bool:
        """The same sentence, or one saying much the same (the fuse stage's own test)."""
        mine = self.fact
        if (mine.article, mine.start, mine.end) == (other.article, other.start, other.end):
            return True
        return overlap(self.words, words) >= SHARED_FACT


@dataclass(frozen=True, slots=True)
class _Labels:
    ref: Callable[[str], ArticleRef]
    quote: Callable[[int], FactItem]
    figure: Callable[[int], str]

    def fact(self, fact: FactRef) -> FactItem:
        return FactItem("fact", fact.text, self.ref(fact.article))


def omissions(
    dossier: Dossier,
    ref: Callable[[str], ArticleRef],
    quote_label: Callable[[int], FactItem],
    figure_label: Callable[[int], str],
) -> Omissions:
    """Fold the outlets' lists (independent outlets only: a copy's facts are its original's)."""
    labels = _Labels(ref, quote_label, figure_label)
    sources = [s for s in dossier.sources if s.independent]
    alone = [_Sentence(f, _words(f)) for s in sources for f in s.alone]
    facts: list[tuple[_Sentence, list[str]]] = []
    for source in sources:
        for fact in source.omits:
            words = _words(fact)
            if any(a.same(fact, words) for a in alone):
                continue  # listed under the outlet that alone reports it
            found = next((m for s, m in facts if s.same(fact, words)), None)
            if found is None:
                facts.append((_Sentence(fact, words), [source.name]))
            elif source.name not in found:
                found.append(source.name)
    quote_spans = [[(v.article, v.start, v.end) for v in g.variants] for g in dossier.quotes]
    figure_spans = [[(r.article, r.start, r.end) for r in c.reports] for c in dossier.figures]
    quotes = _items(sources, facts, quote_spans, lambda s: (s.omits_quotes, s.alone_quotes))
    figures = _items(sources, facts, figure_spans, lambda s: (s.omits_figures, s.alone_figures))
    left_out = [LeftOut(labels.fact(s.fact), m) for s, m in facts]
    left_out += [LeftOut(quote_label(i), m) for i, m in quotes.items()]
    left_out += [LeftOut(FactItem("figure", figure_label(i)), m) for i, m in figures.items()]
    only = [_only_in(dossier, s, labels) for s in sources]
    return Omissions([o for o in only if o.items], left_out)


_Spans = list[tuple[str, int, int]]


def _items(
    sources: list[SourceCoverage],
    facts: list[tuple[_Sentence, list[str]]],
    spans: list[_Spans],
    lists: Callable[[SourceCoverage], tuple[list[int], list[int]]],
) -> dict[int, list[str]]:
    """Quotes (or figures) some outlets leave out, each with those outlets. One that sits in a
    sentence already listed adds its outlets to that sentence's row instead of a row of its
    own; one that an outlet alone reports is listed under that outlet."""
    alone = {i for s in sources for i in lists(s)[1]}
    out: dict[int, list[str]] = {}
    for source in sources:
        for i in lists(source)[0]:
            if i in alone or not 0 <= i < len(spans):
                continue
            row = next((m for s, m in facts if _inside(spans[i], s.fact)), None)
            missing = out.setdefault(i, []) if row is None else row
            if source.name not in missing:
                missing.append(source.name)
    return out


def _inside(spans: _Spans, fact: FactRef) -> bool:
    return any(a == fact.article and s < fact.end and fact.start < e for a, s, e in spans)


def _only_in(dossier: Dossier, source: SourceCoverage, labels: _Labels) -> OnlyIn:
    items = items_beyond_facts(dossier, source)
    return OnlyIn(
        source.name,
        [labels.fact(f) for f in source.alone]
        + [labels.quote(i) for i in items.alone_quotes]
        + [FactItem("figure", labels.figure(i)) for i in items.alone_figures],
    )


def _words(fact: FactRef) -> frozenset[str]:
    return frozenset(content(fact.text))


def clip_words(text: str, words: int = QUOTE_WORDS) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")
