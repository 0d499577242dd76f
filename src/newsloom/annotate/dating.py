"""Dates for quotes and figures: the time expression of the sentence they stand in.

"The ministry said Thursday that 8,000 ..." dates the figure to that Thursday. A time expression
inside the item itself (a date within a quote's words) does not date the item; among the rest,
the nearest to the item wins, and day precision beats coarser ones.

A quote is dated by its cue verb's own clause when that clause holds a time: in "After troops
crossed on Friday, “we are ready,” Austin said Thursday" the statement is Thursday's, although
Friday stands nearer the quoted words. Without one the nearest time in the sentence dates it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar

from spacy.tokens import Doc, Token

from newsloom.annotate.clause import in_clause_of
from newsloom.annotate.times import calendar_date
from newsloom.model import Quote, Span, TimeRef

#: Precisions fine enough to date a statement.
DATING_PRECISIONS = ("minute", "hour", "day")


class Dated(Protocol):
    start: int
    end: int
    date: str | None

    def model_copy(self: T, *, update: dict[str, object] | None = None) -> T: ...


T = TypeVar("T", bound=Dated)
#: Whether a time expression is preferred for dating an item (in its cue verb's clause).
Preferred = Callable[[TimeRef], bool]
_VERB_POS = frozenset({"VERB", "AUX"})


def date_items(items: Sequence[T], times: Sequence[TimeRef], sentences: Sequence[Span]) -> list[T]:
    """Each item (a figure) with ``date`` set from its sentence's time expression, if any."""
    out = []
    for item in items:
        found = _sentence_time(item.start, item, times, sentences)
        out.append(item.model_copy(update={"date": found}) if found else item)
    return out


def date_quotes(
    quotes: Sequence[Quote], times: Sequence[TimeRef], sentences: Sequence[Span], doc: Doc
) -> list[Quote]:
    """Each quote dated from its cue's sentence, a time in the cue verb's own clause first."""
    out = []
    for quote in quotes:
        at = quote.cue_start if quote.cue_start is not None else quote.start
        verb = _cue_verb(doc, quote)
        prefer = _in_clause(doc, verb) if verb is not None else None
        found = _sentence_time(at, quote, times, sentences, prefer)
        out.append(quote.model_copy(update={"date": found}) if found else quote)
    return out


def _cue_verb(doc: Doc, quote: Quote) -> Token | None:
    """The verb of a quote's cue ("said", "told"), or None ("according to", no cue)."""
    if quote.cue_start is None or quote.cue_end is None:
        return None
    span = doc.char_span(quote.cue_start, quote.cue_end, alignment_mode="expand")
    if span is None or span.root.pos_ not in _VERB_POS:
        return None
    return span.root


def _in_clause(doc: Doc, verb: Token) -> Preferred:
    def preferred(time: TimeRef) -> bool:
        span = doc.char_span(time.start, time.end, alignment_mode="expand")
        return span is not None and in_clause_of(verb, span.root)

    return preferred


def _sentence_time(
    at: int,
    item: Dated,
    times: Sequence[TimeRef],
    sentences: Sequence[Span],
    prefer: Preferred | None = None,
) -> str | None:
    span = next((s for s in sentences if s.start <= at < s.end), None)
    if span is None:
        return None
    candidates = [
        t for t in times
        if span.start <= t.start < span.end
        and not (item.start <= t.start < item.end)
        and t.precision in DATING_PRECISIONS
        and calendar_date(t)
    ]  # fmt: skip
    preferred = [t for t in candidates if prefer(t)] if prefer is not None else []
    candidates = preferred or candidates
    if not candidates:
        return None
    nearest = min(candidates, key=lambda t: min(abs(t.start - item.end), abs(item.start - t.end)))
    return calendar_date(nearest)
