"""Anaphoric time expressions: "that year", "later that day", "the following month".

TimeML resolves these against the time last named in the text, not the document date: in "the
mayor left the city in June 2021 and came back later that year", "later that year" is 2021. The
rule below claims the span with a placeholder; ``resolve`` runs after span selection, in text
order, and gives each one the value of the last chosen date cut to its unit (and moved by one unit
for "the following ..."). One with no earlier date to lean on, or whose antecedent is coarser than
its unit ("that day" after "in 2021"), is dropped rather than guessed.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from newsloom.annotate import timex_resolve as tr
from newsloom.annotate.timex_rules import Context, Norm, Rule, _compile

#: The unit word of an anaphor and its TIMEX3 letter.
_UNITS = {"day": "D", "morning": "D", "week": "W", "month": "M", "year": "Y", "quarter": "Q"}
#: "the following month" is one unit after the antecedent; "that (same) month" is the same one.
#: "the next day" too ("the next month" is the month after the anchor: ``relative_unit`` claims
#: it first, by rule order).
_SHIFTS = {"the following": 1, "the next": 1, "that": 0, "that same": 0, "the same": 0}
_DAY_RE = re.compile(r"(\d{4})-(\d\d)-(\d\d)")
_MONTH_RE = re.compile(r"(\d{4})-(\d\d)(?!\d)")


def _anaphor(m: re.Match[str], ctx: Context) -> Norm:
    shift = _SHIFTS[re.sub(r"\s+", " ", m["det"].lower())]
    return Norm(None, anaphor=(_UNITS[m["unit"].lower()], shift))


ANAPHOR_RULE = Rule(
    "anaphor",
    _compile(
        r"(?:(?i:earlier|later)\s+)?(?P<det>(?i:that\s+same|that|the\s+same|the\s+following|the\s+next))\s+"
        r"(?P<unit>(?i:day|morning|week|month|year|quarter))(?!\s+(?i:of|as|that)\b)"
    ),
    _anaphor,
)


def resolve(chosen: list[tuple[int, int, Norm]]) -> list[tuple[int, int, Norm]]:
    """Fill each anaphor from the last date chosen before it; drop the ones left unresolved."""
    out: list[tuple[int, int, Norm]] = []
    last: str | None = None
    for start, end, norm in chosen:
        if norm.anaphor is not None:
            value = at_unit(last, *norm.anaphor) if last else None
            if value is None:
                continue
            norm = Norm(value, precision=tr.precision_of(value) if norm.anaphor[0] != "Q"
                        else "unknown")  # fmt: skip
        if norm.type in ("DATE", "TIME") and (norm.value or "")[:1].isdigit():
            last = norm.value
        out.append((start, end, norm))
    return out


def at_unit(value: str, unit: str, shift: int) -> str | None:
    """``value`` (a TIMEX3 date) cut to ``unit`` and moved ``shift`` units; None when the value
    is coarser than the unit ("2021" has no day)."""
    day = _DAY_RE.match(value)
    if day:
        return _from_day(date(*map(int, day.groups())), unit, shift)
    month = _MONTH_RE.match(value)
    if month and unit in ("M", "Q", "Y"):
        year, mon = tr.shift_months(int(month[1]), int(month[2]), shift if unit == "M" else 0)
        return _cut(year, mon, unit, shift)
    if re.match(r"\d{4}-Q\d", value) and unit in ("Q", "Y"):
        year, quarter = int(value[:4]), int(value[6])
        return _cut(year, 3 * quarter, unit, shift)
    if re.match(r"\d{4}(?!\d)", value) and unit == "Y":
        return f"{int(value[:4]) + shift:04d}"
    return None


def _from_day(day: date, unit: str, shift: int) -> str:
    if unit == "D":
        return (day + timedelta(days=shift)).isoformat()
    if unit == "W":
        return tr.iso_week(day + timedelta(weeks=shift))
    year, month = tr.shift_months(day.year, day.month, shift if unit == "M" else 0)
    return _cut(year, month, unit, shift)


def _cut(year: int, month: int, unit: str, shift: int) -> str:
    if unit == "M":
        return f"{year:04d}-{month:02d}"
    if unit == "Q":
        return tr.shift_unit(date(year, month, 1), "Q", shift)[0]
    return f"{year + shift:04d}"
