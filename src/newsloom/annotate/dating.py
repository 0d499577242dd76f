"""Dates for quotes and figures: the time expression of the sentence they stand in.

"The ministry said Thursday that 8,000 ..." dates the figure to that Thursday. A time expression
inside the item itself (a date within a quote's words) does not date the item; among the rest,
the nearest to the item wins, and day precision beats coarser ones.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, TypeVar

from newsloom.annotate.times import calendar_date
from newsloom.model import Span, TimeRef

#: Precisions fine enough to date a statement.
DATING_PRECISIONS = ("minute", "hour", "day")


class Dated(Protocol):
    start: int
    end: int
    date: str | None

    def model_copy(self: T, *, update: dict[str, object] | None = None) -> T: ...


T = TypeVar("T", bound=Dated)


def date_items(
    items: Sequence[T],
    times: Sequence[TimeRef],
    sentences: Sequence[Span],
    anchor_at: Sequence[int] | None = None,
) -> list[T]:
    """Each item with ``date`` set from its sentence's time expression, when there is one.

    ``anchor_at`` gives, per item, the offset whose sentence to look in (e.g. a quote's cue);
    by default the item's own start.
    """
    out = []
    for n, item in enumerate(items):
        at = anchor_at[n] if anchor_at is not None else item.start
        found = _sentence_time(at, item, times, sentences)
        out.append(item.model_copy(update={"date": found}) if found else item)
    return out


def _sentence_time(
    at: int, item: Dated, times: Sequence[TimeRef], sentences: Sequence[Span]
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
    if not candidates:
        return None
    nearest = min(candidates, key=lambda t: min(abs(t.start - item.end), abs(item.start - t.end)))
    return calendar_date(nearest)
