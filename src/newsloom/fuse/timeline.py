"""The story's timeline: dated statements merged across outlets, in calendar order.

Each time expression resolved to a day, a week or a month dates the sentence it stands in. A
statement whose cue is dated (the quote's ``date``: the time in the cue verb's clause) is listed
under that date only: "Officials on Thursday said ... where Ukraine in August captured territory"
is Thursday's statement, not an August one. Other sentences are listed under each of their dates.
Sentences with the same date from different articles are one entry when they say the same
thing (enough shared content words); the entry keeps the earliest article's sentence, every
article and outlet that reports it, and when it was first reported.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from newsloom.fuse.quotes import content
from newsloom.fuse.statements import statement_spans
from newsloom.model import Article, TimelineEntry, TimeRef

#: Share of the shorter sentence's content words found in the other: one statement.
#: On the sample corpus, same-event sentences share ≥ 0.35, unrelated ones ≤ 0.2.
SAME_STATEMENT = 0.3
#: Precisions that date a statement; a year or a duration does not.
DATED_PRECISIONS = frozenset({"minute", "hour", "day", "week", "month"})

_DAY_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK_RE = re.compile(r"^(\d{4})-W(\d{2})")


@dataclass(slots=True)
class _Dated:
    article: Article
    time: TimeRef
    value: str
    start: int
    end: int

    @property
    def sentence(self) -> str:
        return self.article.body[self.start : self.end]


def sort_key(value: str) -> str:
    """A sortable day for a TIMEX value: months sort at their start, weeks at their Monday."""
    if _DAY_RE.match(value):
        return value[:10]
    if m := _MONTH_RE.match(value):
        return f"{m[1]}-{m[2]}-00"
    if m := _WEEK_RE.match(value):
        return date.fromisocalendar(int(m[1]), int(m[2]), 1).isoformat()
    return value


def timeline(members: Sequence[Article]) -> list[TimelineEntry]:
    dated = [d for article in members for d in _dated_sentences(article)]
    dated.sort(key=lambda d: (d.article.date_key or "9999", d.article.id, d.start))
    entries: list[tuple[_Dated, TimelineEntry]] = []
    for item in dated:
        match = next((e for d, e in entries if _same(d, item)), None)
        if match is None:
            entries.append((item, _entry(item)))
        elif item.article.id not in match.articles:
            match.articles.append(item.article.id)
            if item.article.outlet not in match.outlets:
                match.outlets.append(item.article.outlet)
    out = [e for _, e in entries]
    return sorted(out, key=lambda e: (sort_key(e.date), e.first_reported or "", e.text))


def _dated_sentences(article: Article) -> list[_Dated]:
    out: list[_Dated] = []
    seen: set[tuple[int, str]] = set()
    statements = statement_spans(article)
    cue_dates = _cue_dates(article, statements)
    for time in article.times:
        value = _day_value(time)
        span = _sentence_span(statements, time.start)
        if not value or span is None or (span[0], value) in seen:
            continue
        if span in cue_dates and value not in cue_dates[span]:
            continue  # a date inside the reported words, not the statement's own
        seen.add((span[0], value))
        out.append(_Dated(article, time, value, span[0], span[1]))
    return out


def _cue_dates(
    article: Article, statements: list[tuple[int, int]]
) -> dict[tuple[int, int], set[str]]:
    """Per statement, the dates of the quotes whose cue stands in it (when any is dated)."""
    out: dict[tuple[int, int], set[str]] = {}
    for quote in article.quotes:
        if quote.date is None or quote.cue_start is None:
            continue
        span = _sentence_span(statements, quote.cue_start)
        if span is not None:
            out.setdefault(span, set()).add(quote.date)
    return out


def _day_value(time: TimeRef) -> str | None:
    if not time.value or time.precision not in DATED_PRECISIONS:
        return None
    if m := _DAY_RE.match(time.value):
        return m[0]
    return time.value if _MONTH_RE.match(time.value) or _WEEK_RE.match(time.value) else None


def _sentence_span(statements: list[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    """The statement (a sentence, or sentences one quotation runs over) holding ``offset``."""
    for start, end in statements:
        if start <= offset < end:
            return start, end
    return None


def _same(a: _Dated, b: _Dated) -> bool:
    if a.value != b.value:
        return False
    ca, cb = set(content(a.sentence)), set(content(b.sentence))
    if not ca or not cb:
        return False
    return len(ca & cb) / min(len(ca), len(cb)) >= SAME_STATEMENT


def _entry(item: _Dated) -> TimelineEntry:
    article = item.article
    return TimelineEntry(
        date=item.value,
        text=item.sentence,
        articles=[article.id],
        outlets=[article.outlet],
        first_reported=article.published or article.crawl_date,
        expression=item.time.text,
        start=item.start,
        end=item.end,
    )
