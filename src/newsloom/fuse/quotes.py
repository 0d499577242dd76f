"""Quote tracing: the same statement across outlets, trimmed, cut, extended or re-translated.

Two direct quotes are one statement when their speakers do not disagree and their words overlap
enough: most of the shorter one's content words appear in the longer one (a trim or a cut), or
the two word sequences align well (a re-translation changes some words, keeps the order). The
parts of one quoted passage (split around a cue) are joined first, so a trimmed copy that keeps
only one part still finds its statement. Each variant is diffed word by word against the
group's longest version.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from newsloom.fuse.linking import link
from newsloom.fuse.names import person_key, place_key
from newsloom.model import Article, Quote, QuoteGroup, QuoteVariant, WordDiff

#: Share of the shorter quote's content words found in the longer one: a trim or a cut.
#: Measured on the sample corpus: trimmed variants ≥ 0.8, different statements ≤ 0.35.
CONTAINMENT_MATCH = 0.6
#: Word-sequence alignment ratio for re-translations (same order, some words changed).
ALIGN_MATCH = 0.5
#: Quotes shorter than this many content words are too generic to trace ("We will win").
MIN_CONTENT_WORDS = 3

_WORD_RE = re.compile(r"[\w’']+")
_STOP = frozenset(
    "a an the and or but of to in on at for with by from is are was were be been it its this that "
    "these those we our us they them their he she his her i you your as just so not no will would "
    "can could should if then than there here also very all".split()
)


@dataclass(slots=True)
class _Passage:
    article: Article
    quotes: list[Quote]

    @property
    def text(self) -> str:
        return " … ".join(q.text for q in self.quotes)

    @property
    def speaker(self) -> str | None:
        return next((q.speaker for q in self.quotes if q.speaker), None)

    @property
    def start(self) -> int:
        return self.quotes[0].start

    @property
    def end(self) -> int:
        return self.quotes[-1].end


def words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD_RE.findall(text)]


def content(text: str) -> list[str]:
    return [w for w in words(text) if w not in _STOP]


def passages(article: Article) -> list[_Passage]:
    """The article's direct, non-fragment quotes, with parts of one passage joined."""
    out: list[_Passage] = []
    by_group: dict[int, _Passage] = {}
    for quote in article.quotes:
        if quote.fragment or not quote.direct:
            continue
        if quote.group is not None and quote.group in by_group:
            by_group[quote.group].quotes.append(quote)
            continue
        passage = _Passage(article, [quote])
        out.append(passage)
        if quote.group is not None:
            by_group[quote.group] = passage
    return out


def same_speaker(a: str | None, b: str | None) -> bool:
    """Unknown speakers never disagree; named ones must share a surname or a place key."""
    if not a or not b:
        return True
    ka, kb = person_key(a), person_key(b)
    if ka and kb and ka[-1] == kb[-1]:
        return True
    return place_key(a) == place_key(b)


def same_statement(a: str, b: str) -> bool:
    ca, cb = content(a), content(b)
    if min(len(ca), len(cb)) < MIN_CONTENT_WORDS:
        return False
    shorter, longer = (ca, cb) if len(ca) <= len(cb) else (cb, ca)
    pool = set(longer)
    contained = sum(1 for w in shorter if w in pool) / len(shorter)
    if contained >= CONTAINMENT_MATCH:
        return True
    return SequenceMatcher(None, ca, cb, autojunk=False).ratio() >= ALIGN_MATCH


def trace_quotes(members: Sequence[Article]) -> list[QuoteGroup]:
    """Group the story's quotes into statements, each variant diffed against the longest."""
    items = [p for article in members for p in passages(article)]
    # Copies of one wire story repeat a passage word for word: compare each wording once.
    same_wording: dict[tuple[str, ...], list[_Passage]] = {}
    for item in items:
        same_wording.setdefault(_wording(item), []).append(item)
    firsts = [group[0] for group in same_wording.values()]
    groups = [
        [p for first in linked for p in same_wording[_wording(first)]]
        for linked in link(firsts, _traceable)
    ]
    traced = [_group(g) for g in groups]
    return sorted(traced, key=lambda g: (-len(g.variants), g.earliest or ""))


def _wording(item: _Passage) -> tuple[str, ...]:
    return (*words(item.text), "|", (item.speaker or "").lower())


def _traceable(a: _Passage, b: _Passage) -> bool:
    if a.article.id == b.article.id or not same_speaker(a.speaker, b.speaker):
        return False
    return same_statement(a.text, b.text)


def _group(items: list[_Passage]) -> QuoteGroup:
    by_article: dict[str, _Passage] = {}
    for item in items:  # one variant per article: its longest passage
        kept = by_article.get(item.article.id)
        if kept is None or len(item.text) > len(kept.text):
            by_article[item.article.id] = item
    chosen = list(by_article.values())
    longest = max(chosen, key=lambda p: (len(words(p.text)), p.article.id))
    earliest = min(chosen, key=lambda p: (p.article.date_key or "9999", p.article.id))
    speaker = max((p.speaker for p in chosen if p.speaker), key=len, default=None)
    variants = [_variant(p, longest) for p in chosen]
    variants.sort(key=lambda v: (v.published or "9999", v.article))
    return QuoteGroup(
        speaker=speaker,
        variants=variants,
        longest=longest.article.id,
        earliest=earliest.article.id,
    )


def _variant(item: _Passage, longest: _Passage) -> QuoteVariant:
    text = item.text
    return QuoteVariant(
        article=item.article.id,
        text=text,
        start=item.start,
        end=item.end,
        outlet=item.article.outlet,
        published=item.article.date_key,
        words=len(words(text)),
        diff=[] if item is longest else word_diff(text, longest.text),
    )


def word_diff(text: str, reference: str) -> list[WordDiff]:
    """How ``text`` differs from ``reference``, word by word (case and punctuation ignored)."""
    mine, theirs = text.split(), reference.split()
    matcher = SequenceMatcher(
        None, [_key(w) for w in mine], [_key(w) for w in theirs], autojunk=False
    )
    out: list[WordDiff] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        here, there = " ".join(mine[i1:i2]), " ".join(theirs[j1:j2])
        if op == "equal":
            out.append(WordDiff(op="same", text=here))
        elif op == "insert":
            out.append(WordDiff(op="dropped", text=there))
        elif op == "delete":
            out.append(WordDiff(op="added", text=here))
        else:
            out.append(WordDiff(op="changed", text=here, other=there))
    return out


def _key(word: str) -> str:
    return re.sub(r"[^\w]", "", word.lower())
