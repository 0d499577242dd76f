"""Calendar arithmetic for time expressions: pure functions from an anchor date to TIMEX3 values.

``direction`` is the tense of the sentence around an expression: ``"past"`` (or ``None``, the
default for news, which mostly reports what happened) picks the most recent matching date on or
before the anchor; ``"future"`` picks the first one on or after it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Literal, TypeVar

Direction = Literal["past", "future"] | None
T = TypeVar("T")

#: Without a tense, a date named without its year ("Dec. 15", "in April") is the nearer of its
#: last and next occurrence, a future one counting this many times its distance. Measured on
#: TempEval-3 dev value F1 (bench/tempeval.py --split dev): 1 → 76.2, 2 → 76.4, 3 → 76.4,
#: 4 → 76.3, 100 (past unless the tense says future) → 74.1.
FUTURE_WEIGHT = 2

DAYS_PER_WEEK = 7
SATURDAY = 5
MONTHS_PER_YEAR = 12


def resolve_weekday(anchor: date, weekday: int, direction: Direction = None) -> date:
    """The ``weekday`` (Monday = 0) nearest the anchor in the given direction, anchor included.

    Friday in an article dated Saturday 2024-11-02 is 2024-11-01; "will meet on Tuesday" is the
    coming Tuesday.
    """
    if direction == "future":
        return anchor + timedelta(days=(weekday - anchor.weekday()) % DAYS_PER_WEEK)
    return anchor - timedelta(days=(anchor.weekday() - weekday) % DAYS_PER_WEEK)


def resolve_month(anchor: date, month: int, direction: Direction = None) -> tuple[int, int]:
    """(year, month) of a month named without a year: "in August" before the anchor, or after.

    Without a tense the nearer of last and next occurrence wins, a future one counting
    ``FUTURE_WEIGHT`` times its distance.
    """
    here = anchor.year * MONTHS_PER_YEAR + anchor.month
    candidates = [(year, month) for year in (anchor.year - 1, anchor.year, anchor.year + 1)]
    return _nearest(candidates, lambda c: c[0] * MONTHS_PER_YEAR + c[1] - here, direction)


def resolve_month_day(
    anchor: date, month: int, day: int, direction: Direction = None, weekday: int | None = None
) -> date | None:
    """A month and day without a year ("Sept. 12"): the last one on or before the anchor when the
    tense is past, the next one when it is future, else the nearer (future distance weighted).

    A weekday named with it ("Monday, Oct. 26") picks the year in which the day is that weekday,
    whatever the tense, when one of the three candidate years fits.
    """
    candidates = [
        d for year in (anchor.year - 1, anchor.year, anchor.year + 1)
        if (d := safe_date(year, month, day)) is not None
    ]  # fmt: skip
    fitting = [d for d in candidates if d.weekday() == weekday]
    if fitting:
        return min(fitting, key=lambda d: abs((d - anchor).days))
    if not candidates:
        return None
    return _nearest(candidates, lambda d: (d - anchor).days, direction)


def _nearest(candidates: list[T], offset: Callable[[T], int], direction: Direction) -> T:
    """The candidate nearest the anchor (``offset`` 0) in the direction asked; the nearer either
    way when none lies in that direction ("by Feb. 29" in the past tense, anchored in a year
    whose last leap day is still ahead: the only candidate is the next one)."""
    past = [c for c in candidates if offset(c) <= 0]
    future = [c for c in candidates if offset(c) >= 0]
    if direction == "past" and past:
        return max(past, key=offset)
    if direction == "future" and future:
        return min(future, key=offset)
    return min(
        candidates, key=lambda c: -offset(c) if offset(c) <= 0 else FUTURE_WEIGHT * offset(c)
    )


def shift_months(year: int, month: int, delta: int) -> tuple[int, int]:
    """(year, month) ``delta`` months away."""
    index = year * MONTHS_PER_YEAR + (month - 1) + delta
    return index // MONTHS_PER_YEAR, index % MONTHS_PER_YEAR + 1


def iso_week(day: date) -> str:
    """TIMEX3 week value: 2024-11-01 → "2024-W44"."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def resolve_quarter(anchor: date, quarter: int, direction: Direction = None) -> str:
    """A quarter named without a year: this year's, unless it has not begun (and not future)."""
    year = anchor.year
    if quarter > quarter_of(anchor) and direction != "future":
        year -= 1
    return f"{year}-Q{quarter}"


def last_completed_quarter(anchor: date) -> str:
    """The quarter before the anchor's own (what "the quarter" means in an earnings report)."""
    year, quarter = anchor.year, quarter_of(anchor) - 1
    if quarter == 0:
        year, quarter = year - 1, 4
    return f"{year}-Q{quarter}"


def quarter_ended(value: str, anchor: date) -> bool:
    """Whether the quarter ``value`` ("1989-Q3") was over by the anchor: only a quarter that
    is over can be the one an earnings report is about."""
    year, quarter = value.split("-Q")
    end_year, end_month = shift_months(int(year), 3 * int(quarter), 1)
    return date(end_year, end_month, 1) <= anchor


def shift_quarter(value: str, years: int) -> str:
    """ "1989-Q3" shifted by whole years."""
    year, quarter = value.split("-Q")
    return f"{int(year) + years}-Q{quarter}"


def shift_unit(anchor: date, unit: str, amount: int) -> tuple[str, str]:
    """The anchor moved ``amount`` units (negative = back), as (TIMEX3 value, precision)."""
    if unit == "D":
        return (anchor + timedelta(days=amount)).isoformat(), "day"
    if unit == "W":
        return iso_week(anchor + timedelta(weeks=amount)), "week"
    if unit == "M":
        year, month = shift_months(anchor.year, anchor.month, amount)
        return f"{year:04d}-{month:02d}", "month"
    if unit == "Q":
        year, month = shift_months(anchor.year, anchor.month, 3 * amount)
        return f"{year:04d}-Q{(month - 1) // 3 + 1}", "unknown"
    if unit == "DE":
        return f"{(anchor.year + 10 * amount) // 10:03d}", "unknown"
    if unit == "CE":
        return f"{(anchor.year + 100 * amount) // 100:02d}", "unknown"
    return f"{anchor.year + amount:04d}", "year"


#: "and a half" of a unit, in the next smaller one (TimeML writes "2 1/2 years" as P2Y6M).
_HALVES = {("Y", False): "6M", ("D", False): "T12H", ("H", True): "30M", ("M", True): "30S"}


def and_a_half(count: int, unit: str, clock: bool) -> str:
    """The duration ``count`` and a half ``unit``: "2 1/2 years" → P2Y6M, "a minute and a half"
    → PT1M30S; a unit with no whole smaller one keeps a decimal ("1 1/2 months" → P1.5M)."""
    prefix = "PT" if clock else "P"
    half = _HALVES.get((unit, clock))
    if half is None:
        return f"{prefix}{count}.5{unit[:1] if unit != 'DE' else 'DE'}"
    return f"{prefix}{count}{unit}{half}"


def weekend_of(anchor: date, amount: int) -> str:
    """The weekend ``amount`` weeks from the anchor's, as "2024-W44-WE"."""
    return iso_week(anchor + timedelta(weeks=amount)) + "-WE"


def safe_date(year: int, month: int, day: int) -> date | None:
    """``date(year, month, day)``, or None when no such day exists (Feb. 30)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def precision_of(value: str | None) -> str:
    """The precision a TIMEX3 value carries: minute, hour, day, week, month, year or unknown."""
    if not value or value[:1] in "PX" or value.endswith("_REF"):
        return "unknown"
    date_part, _, time_part = value.partition("T")
    if time_part:
        if ":" in time_part:
            return "minute"
        return "hour" if time_part[:1].isdigit() else "day"
    return _DATE_PRECISION.get(_shape(date_part), "unknown")


_DATE_PRECISION = {"9999-99-99": "day", "9999-W99": "week", "9999-99": "month", "9999": "year"}


def _shape(value: str) -> str:
    return "".join("9" if ch.isdigit() else ch for ch in value)
