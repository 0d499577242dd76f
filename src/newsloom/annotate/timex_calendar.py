"""Calendar names the core rules leave out: seasons, years and decades said in words, and
recurring weekdays.

- A season named alone ("over the summer", "the early summer", "the winter of 1994") is a
  TIMEX3 season value ``1989-SU``: the year given, else the last such season begun by the anchor
  (the next one not yet over when the sentence points ahead). A season is counted in the year it
  begins in, except winter, which is that of the January it spans ("this winter" read in
  February 1998 is ``1998-WI``).
- Broadcast transcripts say years and decades in words: "nineteen ninety-four" is 1994, "the
  year two thousand" 2000, "the nineties" ``199``.
- "the year", "the full year", "the fiscal year" in a report are the anchor's year; "the year
  ending June 30" and "the whole year" are a year's length (P1Y).
- "by mid-afternoon", "early evening yesterday": that part of the anchor's day (``TAF``).
- "will one day be", "could some day replace": an unnamed day ahead, ``FUTURE_REF``.
- "the week of March 6" is that day's ISO week (``2000-W10``).
- "April 24 and 25": the second day is a date of the month named before it.
- Holidays: fixed-date ones ("Christmas") and Thanksgiving (the fourth Thursday of November).
- "each Thursday", "on Tuesdays", "Tuesday nights" recur: a SET valued ``XXXX-WXX-4`` (with the
  part of the day when one is named, ``XXXX-WXX-2TNI``), as TimeML writes them.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from newsloom.annotate import timex_resolve as tr
from newsloom.annotate.timex_rules import (
    _MOD,
    _MON,
    _POD,
    _YEAR,
    Context,
    Norm,
    Rule,
    _compile,
    _day_value,
    _full_date,
    _mod,
    _names,
)
from newsloom.annotate.timex_vocab import (
    HOLIDAYS,
    NUMBER_WORDS,
    PARTS_OF_DAY,
    RELATIVE_DAYS,
    SEASONS,
    WEEKDAYS,
)

#: Thanksgiving (US): the fourth Thursday of November.
THANKSGIVING_WEEK = 4
#: The month each season begins in (winter: the January it spans, see the module docstring).
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 1}
#: Months each season lasts.
SEASON_MONTHS = 3

_TENS = r"(?i:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_ONES = r"(?i:one|two|three|four|five|six|seven|eight|nine)"
_SPOKEN_YEAR = (
    rf"(?P<syear>(?i:nineteen|eighteen)[\s-]+{_TENS}(?:[\s-]{_ONES})?"
    rf"|(?i:two\s+thousand)(?:\s+(?i:and\s+)?{_ONES})?)"
)
_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6}
_DECADE_WORDS |= {"seventies": 7, "eighties": 8, "nineties": 9}
_CENTURY_WORDS = {"nineteen": 1900, "eighteen": 1800}
_NEXT_WORD_RE = re.compile(r"[^\S\n]+([a-z]+)")
#: Words that may follow a date ("April 24 and 25 in Washington"); another lower-case word
#: after the second number makes it a count ("and 25 people").
_LINK_WORDS = frozenset({"in", "at", "on", "of", "to", "for", "and", "or", "when", "as", "with",
                         "from", "by", "before", "after", "during", "while", "the"})  # fmt: skip
_WD_NAMES = "|".join(w.capitalize() for w in WEEKDAYS)


def spoken_year(text: str) -> int:
    """ "nineteen ninety-four" → 1994, "two thousand and one" → 2001 (the rule's own forms)."""
    words = re.split(r"[\s-]+", text.lower())
    if words[:2] == ["two", "thousand"]:
        return 2000 + sum(NUMBER_WORDS[w] for w in words[2:] if w != "and")
    return _CENTURY_WORDS[words[0]] + sum(NUMBER_WORDS[w] for w in words[1:])


def resolve_season(anchor: date, code: str, ahead: bool) -> int:
    """The year of the season ``code`` named without one: the last one begun on or before the
    anchor, or with ``ahead`` the first one not over by then."""
    start = SEASON_START[code]
    year = anchor.year if start <= anchor.month else anchor.year - 1
    if ahead and anchor.month >= start + SEASON_MONTHS + 12 * (year - anchor.year):
        year += 1
    return year


def _season(m: re.Match[str], ctx: Context) -> Norm | None:
    word = m["season"].lower()
    code = SEASONS[word]
    if m["year"] or m["syear"]:
        year = int(m["year"]) if m["year"] else spoken_year(m["syear"])
        return Norm(f"{year:04d}-{code}", mod=_mod(m), relative=False)
    if not m["the"]:
        return None
    if word == "fall" and re.match(r"\s+(?:of|in|from|to|on)\b", ctx.text[m.end() :]):
        return None  # "the fall of the government", "the fall in prices"
    ahead = ctx.direction(*m.span()) == "future"
    return Norm(f"{resolve_season(ctx.anchor, code, ahead):04d}-{code}", mod=_mod(m))


def _spoken_year(m: re.Match[str], ctx: Context) -> Norm | None:
    if m["syear"].lower().startswith("two") and not m["lead"]:
        return None  # "two thousand" alone is a count
    return Norm(str(spoken_year(m["syear"])), relative=False)


def _spoken_decade(m: re.Match[str], ctx: Context) -> Norm | None:
    if not (m["the"] or m["cent"]):
        return None  # "in their twenties" is an age
    tens = _DECADE_WORDS[m["dec"].lower()]
    century = _CENTURY_WORDS[m["cent"].lower()] if m["cent"] else 100 * (ctx.anchor.year // 100)
    decade = century + 10 * tens
    if not m["cent"] and decade > ctx.anchor.year:
        decade -= 100
    return Norm(str(decade)[:3], mod=_mod(m), precision="unknown", relative=not m["cent"])


def _weekday_set(m: re.Match[str], ctx: Context) -> Norm | None:
    plural = m["wd"].endswith("s") or (m["pod"] or "").lower().endswith("s")
    if not (m["each"] or plural):
        return None
    value = f"XXXX-WXX-{WEEKDAYS[m['wd'].lower().rstrip('s')] + 1}"
    if m["pod"]:
        value += "T" + PARTS_OF_DAY[m["pod"].lower().rstrip("s")]
    return Norm(value, "SET", relative=False)


def _the_year(m: re.Match[str], ctx: Context) -> Norm:
    adj = (m["adj"] or "").lower()
    if m["ending"] is not None or adj in ("whole", "entire"):
        return Norm("P1Y", "DURATION", relative=False)
    return Norm(f"{ctx.anchor.year:04d}")


def _second_day(m: re.Match[str], ctx: Context) -> Norm | None:
    """ "April 24 and 25": the second day of the month named before it, resolved as a full date;
    not "on May 4 and 25 people died" (a count before its noun)."""
    after = _NEXT_WORD_RE.match(ctx.text, m.end())
    if after and after[1] not in _LINK_WORDS:
        return None
    return _full_date(m, ctx)


def _week_of(m: re.Match[str], ctx: Context) -> Norm | None:
    """ "the week of March 6": the ISO week holding that day (TimeML ``2000-W10``)."""
    day = _full_date(m, ctx)
    if day is None or day.value is None:
        return None
    week = tr.iso_week(date.fromisoformat(day.value))
    return Norm(week + ("-WE" if m["unit"].lower() == "weekend" else ""), relative=day.relative)


def _part_of_day(m: re.Match[str], ctx: Context) -> Norm:
    """ "by mid-afternoon", "early evening yesterday": that part of the anchor's day (or of the
    day named after it), with the modifier."""
    offset = RELATIVE_DAYS[m["rel"].lower()] if m["rel"] else 0
    day = ctx.anchor + timedelta(days=offset)
    code = PARTS_OF_DAY[m["pod"].lower()]
    return Norm(f"{day.isoformat()}T{code}", "TIME", mod=_mod(m), precision="day")


def _future_day(m: re.Match[str], ctx: Context) -> Norm:
    return Norm("FUTURE_REF", relative=False)


#: Rules that win over the core rules on the same span ("one day" after a modal is not P1D).
FIRST_RULES: tuple[Rule, ...] = (
    Rule(
        "future_day",
        _compile(
            r"(?i:will|would|could|may|might|can|should)\s+(?P<x>(?i:one|some)\s+day)"
            r"(?=\s+[a-z])"
        ),
        _future_day,
    ),
)


def _holiday(m: re.Match[str], ctx: Context) -> Norm | None:
    if _names_things(ctx.text, m.end()):
        return None
    name = re.sub(r"\s+", " ", m["name"].lower()).replace("’", "'")
    direction = ctx.direction(*m.span())
    if name.startswith("thanksgiving"):
        day = _thanksgiving(ctx.anchor.year)
        if direction != "future" and day > ctx.anchor:
            day = _thanksgiving(ctx.anchor.year - 1)
        return _day_value(day)
    month, dom = HOLIDAYS[name]
    return _day_value(tr.resolve_month_day(ctx.anchor, month, dom, direction or "past"))


def _names_things(text: str, end: int) -> bool:
    """ "Christmas cards", "Halloween costumes": a holiday before a plural common noun names
    things of the holiday, not a day; "Christmas holidays" and "Easter weekends" stay times."""
    after = _PLURAL_AFTER_RE.match(text, end)
    return after is not None and after["noun"] not in _PLURAL_TIME_NOUNS


def _thanksgiving(year: int) -> date:
    first = date(year, 11, 1)
    first_thursday = first + timedelta(days=(3 - first.weekday()) % 7)
    return first_thursday + timedelta(weeks=THANKSGIVING_WEEK - 1)


_PLURAL_AFTER_RE = re.compile(r"[ \t]+(?P<noun>[a-z]{2,}s)\b")
#: Plural nouns after a holiday that still name its time.
_PLURAL_TIME_NOUNS = frozenset({"holidays", "weekends", "weeks", "days", "nights", "seasons"})
_HOLIDAY_NAMES = _names([*HOLIDAYS, "thanksgiving day", "thanksgiving"])

CALENDAR_RULES: tuple[Rule, ...] = (
    Rule("holiday", _compile(rf"(?P<name>{_HOLIDAY_NAMES})"), _holiday),
    Rule(
        "part_of_day",
        _compile(
            r"(?i:(?P<mod>early|mid|late)[\s-]*)(?P<pod>(?i:morning|afternoon|evening))"
            r"(?:\s+(?P<rel>(?i:yesterday|today|tomorrow)))?"
        ),
        _part_of_day,
    ),
    Rule(
        "week_of",
        _compile(
            r"(?i:the)\s+(?P<unit>(?i:week|weekend))\s+(?i:of)\s+(?P<wd>)?"
            rf"(?P<mon>{_MON})\s+(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
            rf"(?:,?\s+{_YEAR})?"
        ),
        _week_of,
    ),
    Rule(
        "second_day",
        _compile(
            rf"(?P<wd>)?(?P<mon>{_MON})\s+(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
            r"\s+(?i:and|or)\s+"
            rf"(?P<x>(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)(?:,?\s+{_YEAR})?)"
        ),
        _second_day,
    ),
    Rule(
        "the_year",
        _compile(
            r"(?i:the)\s+(?:(?P<adj>(?i:full|fiscal|calendar|whole|entire))\s+)?(?i:year)"
            r"(?P<ending>(?=\s+(?i:ending|ended)\b))?"
            r"(?!\s+(?i:before|after|earlier|ago|of|in\s+which|when|that|since|to|through)\b)"
        ),
        _the_year,
    ),
    Rule(
        "season",
        _compile(
            rf"(?:(?P<the>(?i:the))\s+)?{_MOD}?(?P<season>(?i:spring|summer|fall|autumn|winter))"
            rf"(?:\s+(?i:of)\s+(?:{_YEAR}|{_SPOKEN_YEAR}))?"
        ),
        _season,
    ),
    Rule(
        "spoken_year",
        _compile(rf"(?:(?P<lead>(?i:the\s+year))\s+)?{_SPOKEN_YEAR}"),
        _spoken_year,
    ),
    Rule(
        "spoken_decade",
        _compile(
            rf"(?:(?P<the>(?i:the))\s+)?{_MOD}?(?:(?P<cent>(?i:nineteen|eighteen))[\s-]+)?"
            rf"(?P<dec>(?i:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))"
        ),
        _spoken_decade,
    ),
    Rule(
        "weekday_set",
        _compile(
            rf"(?:(?P<each>(?i:each|every))\s+)?(?P<wd>(?:{_WD_NAMES})s?)"
            rf"(?:\s+(?P<pod>{_POD}s?))?"
        ),
        _weekday_set,
    ),
)
