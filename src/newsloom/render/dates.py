"""Dates in words for people: the one place a TIMEX3 or ISO value becomes what a reader sees.

Every renderer (Markdown, terminal, web pages, front page) shows dates through ``human_date``;
only the JSON export and the API keep the ISO / TIMEX3 values. The style is the one the front
page already printed, AP style (news sites' own):

- a day: ``2025-02-24`` → "Feb. 24, 2025"; with a time, "Feb. 24, 2025, 3:38 p.m." (the zone
  is dropped, the wall clock is shown as the page printed it); a part of the day,
  ``2024-10-31TNI`` → "Oct. 31, 2024, night";
- a week: ``2025-W09`` → "week of Feb. 24, 2025" (its Monday), a weekend ``2025-W09-WE`` →
  "weekend of March 1, 2025" (its Saturday); never the ISO week code;
- a month: ``2025-02`` → "February 2025" (AP spells a month out when it has no day); a year
  "2025"; a quarter ``2025-Q1`` → "first quarter of 2025"; a half, a season, a decade
  (``199`` → "1990s"), a century (``20`` → "2000s");
- durations ``P3D`` → "3 days", ``PXY`` → "years", ``P2Y6M`` → "2 years 6 months";
  ``PRESENT_REF`` → "now";
- nothing → "—"; a value of no known shape is returned as it is (the caller escapes it).
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the CLI's tables use this module: --help must not load the model
    from newsloom.model import TimeRef

__all__ = ["day_text", "human_date", "human_time", "month_text"]

#: AP style: five month names are abbreviated before a day, the others spelled out.
AP_MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.",
             "Nov.", "Dec.")  # fmt: skip
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")  # fmt: skip
#: Shown when there is no date at all.
NO_DATE = "—"
NOON = 12

_PARTS_OF_DAY = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night",
                 "MI": "midday", "DT": "daytime"}  # fmt: skip
_ORDINALS = {"1": "first", "2": "second", "3": "third", "4": "fourth"}
_SEASONS = {"SP": "spring", "SU": "summer", "FA": "fall", "WI": "winter"}
_REFERENCES = {"PRESENT_REF": "now", "PAST_REF": "the past", "FUTURE_REF": "the future"}
_UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day", "Q": "quarter", "DE": "decade",
          "CE": "century", "WE": "weekend"}  # fmt: skip
_CLOCK_UNITS = {"H": "hour", "M": "minute", "S": "second"}
_SET_UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day", "H": "hour"}

_DAY_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](.+))?$")
_CLOCK_RE = re.compile(r"^(\d{2})(?::(\d{2}))?")
_WEEK_RE = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")
_MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR_RE = re.compile(r"^\d{4}$")
_PART_RE = re.compile(r"^(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)$")
_DECADE_RE = re.compile(r"^\d{2,3}$")
_WEEKDAY_SET_RE = re.compile(r"^XXXX-WXX-([1-7])(?:T([A-Z]{2}))?$")
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_COMPOUND_RE = re.compile(r"^P(\d+Y)?(\d+M)?(\d+D)?(?:T(\d+H)?(\d+M)?(\d+S)?)?$")
_DURATION_RE = re.compile(r"^P(T?)(\d+(?:\.\d+)?|X)(DE|CE|WE|[YMWDQHS])$")


def day_text(day: date, year: bool = True) -> str:
    """ "Feb. 24, 2025"; "Feb. 24" with ``year=False`` (the front page, within the year)."""
    text = f"{AP_MONTHS[day.month - 1]} {day.day}"
    return f"{text}, {day.year}" if year else text


def month_text(year: int, month: int) -> str:
    """ "February 2025": a month without a day is spelled out."""
    return f"{MONTH_NAMES[month - 1]} {year}"


def human_date(value: str | None) -> str:
    """A TIMEX3 or ISO 8601 value in words (see the module docstring for every shape)."""
    if not value or not value.strip():
        return NO_DATE
    text = value.strip()
    for reader in (_day, _week, _month_or_year, _period, _duration, _compound):
        if (words := reader(text)) is not None:
            return words
    return _REFERENCES.get(text, text)


def human_time(ref: TimeRef) -> str:
    """A time expression's value in words: a set ("P1W") is "every week", ("XXXX-WXX-4TNI")
    "every Thursday night"; unresolved "—"."""
    if ref.type == "SET" and ref.value and (m := _DURATION_RE.match(ref.value)):
        unit = (_CLOCK_UNITS if m[1] else _SET_UNITS).get(m[3])
        if unit and m[2] == "1":
            return f"every {unit}"
    if ref.type == "SET" and ref.value and (w := _WEEKDAY_SET_RE.match(ref.value)):
        part = f" {_PARTS_OF_DAY[w[2]]}" if w[2] in _PARTS_OF_DAY else ""
        return f"every {_WEEKDAY_NAMES[int(w[1]) - 1]}{part}"
    return human_date(ref.value)


# ---------------------------------------------------------------------------------- shapes


def _day(text: str) -> str | None:
    m = _DAY_RE.match(text)
    if m is None or (day := _safe_date(int(m[1]), int(m[2]), int(m[3]))) is None:
        return None
    words = day_text(day)
    rest = (m[4] or "").strip()
    if rest in _PARTS_OF_DAY:
        return f"{words}, {_PARTS_OF_DAY[rest]}"
    clock = _clock(rest)
    return f"{words}, {clock}" if clock else words


def _clock(text: str) -> str | None:
    """ "15:38:00-04:00" → "3:38 p.m."; "12:00" → "noon"; "00:00" → "midnight"."""
    m = _CLOCK_RE.match(text)
    if m is None:
        return None
    hour, minute = int(m[1]), int(m[2] or 0)
    if hour > NOON * 2 or minute > 59:
        return None
    if minute == 0 and hour in (0, NOON * 2):
        return "midnight"
    if minute == 0 and hour == NOON:
        return "noon"
    suffix = "a.m." if hour < NOON or hour == NOON * 2 else "p.m."
    shown = hour % NOON or NOON
    return f"{shown}:{minute:02d} {suffix}" if minute else f"{shown} {suffix}"


def _week(text: str) -> str | None:
    m = _WEEK_RE.match(text)
    if m is None:
        return None
    try:
        monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
    except ValueError:
        return None
    if m[3]:
        saturday = date.fromisocalendar(int(m[1]), int(m[2]), 6)
        return f"weekend of {day_text(saturday)}"
    return f"week of {day_text(monday)}"


def _month_or_year(text: str) -> str | None:
    if _YEAR_RE.match(text):
        return text
    m = _MONTH_RE.match(text)
    if m is None or not 1 <= int(m[2]) <= len(MONTH_NAMES):
        return None
    return month_text(int(m[1]), int(m[2]))


def _period(text: str) -> str | None:
    """Quarters, halves and seasons of a year; decades and centuries."""
    if _DECADE_RE.match(text):
        return f"{text}0s" if len(text) == 3 else f"{text}00s"
    m = _PART_RE.match(text)
    if m is None:
        return None
    year, part = m[1], m[2]
    if part in _SEASONS:
        return f"{_SEASONS[part]} {year}"
    kind = "quarter" if part[0] == "Q" else "half"
    return f"{_ORDINALS[part[1]]} {kind} of {year}"


def _duration(text: str) -> str | None:
    m = _DURATION_RE.match(text)
    if m is None:
        return None
    unit = (_CLOCK_UNITS if m[1] else _UNITS).get(m[3])
    if unit is None:
        return None
    if m[2] == "X":
        return "centuries" if unit == "century" else f"{unit}s"
    amount = m[2].removesuffix(".0")
    plural = "centuries" if unit == "century" else f"{unit}s"
    return f"{amount} {unit if amount == '1' else plural}"


def _compound(text: str) -> str | None:
    """ "P2Y6M" → "2 years 6 months", "PT1H30M" → "1 hour 30 minutes", "P1DT12H" → "1 day 12
    hours": a duration in two units ("2 1/2 years")."""
    m = _COMPOUND_RE.match(text)
    if m is None or not any(m.groups()):
        return None
    date_part, time_part = text[1:].partition("T")[::2]
    parts = [*_unit_words(date_part, _UNITS), *_unit_words(time_part, _CLOCK_UNITS)]
    return " ".join(parts) if len(parts) > 1 else None


def _unit_words(text: str, units: dict[str, str]) -> list[str]:
    return [
        f"{n} {units[u]}{'' if n == '1' else 's'}" for n, u in re.findall(r"(\d+)([A-Z])", text)
    ]


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
