"""The time-expression rules: one compiled regex and one normaliser per kind of expression.

A normaliser turns a match into a TIMEX3 value (``_Norm``) or refuses it (returns None), so a
shorter rule can still claim the text. Names of months and weekdays match capitalised (or upper
case) only; the words around them match in any case.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Protocol

from newsloom.annotate import timex_resolve as tr
from newsloom.annotate.timex_resolve import Direction
from newsloom.annotate.timex_vocab import (
    AGO_SIGN,
    AMBIGUOUS_MONTHS,
    COUNT_NOUNS,
    EVENT_RELATIVE,
    LONG_SPANS,
    MONTHS,
    NUMBER_WORDS,
    ORDINALS,
    PARTS_OF_DAY,
    QUANTIFIERS,
    REFERENCES,
    RELATIVE_DAYS,
    SEASONS,
    SETS,
    UNITS,
    VAGUE_COUNTS,
    WEEKDAYS,
)

NOON_HOUR = 12


@dataclass
class Norm:
    """What a rule says about its match."""

    value: str | None
    type: str = "DATE"
    mod: str | None = None
    precision: str | None = None
    #: True when the value was computed from the anchor (None without one).
    relative: bool = True
    #: "that year", "the following month": (unit letter, shift), resolved against the date named
    #: before it once spans are chosen (``timex_anaphora.resolve``).
    anaphor: tuple[str, int] | None = None


class Context(Protocol):
    """What the rules need from the document: the anchor, the tense and discourse memory."""

    anchor: date
    text: str
    last_quarter: str | None

    def direction(self, start: int, end: int) -> Direction: ...


Normaliser = Callable[[re.Match[str], Context], Norm | None]


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    normalise: Normaliser
    flags: frozenset[str] = field(default_factory=frozenset)


# ------------------------------------------------------------------------- regex building


def _capitalised(form: str) -> str:
    return " ".join(word[:1].upper() + word[1:] for word in form.split(" "))


def _names(forms: list[str]) -> str:
    """A case-sensitive alternation of capitalised and upper-case name forms, longest first."""
    variants = {_capitalised(f) for f in forms} | {f.upper() for f in forms}
    escaped = (re.escape(v).replace("'", "['’]") for v in sorted(variants, key=len, reverse=True))
    return "(?:" + "|".join(escaped) + ")"


def _words(forms: list[str] | set[str] | frozenset[str]) -> str:
    escaped = (re.escape(f).replace(r"\ ", r"\s+") for f in sorted(forms, key=len, reverse=True))
    return "(?i:" + "|".join(escaped) + ")"


_MON = _names([m for m in MONTHS if m.endswith(".") or len(m) > 3 or m == "may"])
_WD = _names([w for w in WEEKDAYS if not w.endswith(".")])
_DAY = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
_YEAR = r"(?P<year>(?:1[6-9]|20)\d\d)(?![\d,.]\d|\s*%|-\w)"
_POD = r"(?i:morning|afternoon|evening|night|overnight)"
_NUM = (
    r"(?P<num>\d+(?:\.\d+)?(?:\s+1/2)?|"
    r"(?i:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\s-](?i:one|two|three|four|five|"
    r"six|seven|eight|nine)|" + _words(set(NUMBER_WORDS) | VAGUE_COUNTS)[:-1] + "))"
)
_UNIT = (
    r"(?P<unit>(?i:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?|"
    r"centur(?:y|ies)))"
)
#: A set's unit: the duration units and "quarter" ("every quarter" = P1Q).
_SET_UNIT = _UNIT.replace("centur(?:y|ies)", "centur(?:y|ies)|quarter")
#: One more unit: "an additional year", "another month", "one more week" = P1Y, P1M, P1W.
_ONE_MORE = r"(?i:another|an?\s+additional|one\s+more)\s+(?P<unit>(?i:" + (
    r"minute|hour|day|week|month|quarter|year|decade))"
)
_MOD = r"(?i:(?P<mod>early|late|mid|earlier|later)[\s-]+)"
_PREP = (
    r"(?i:\b(?P<pre>in|since|by|until|till|through|during|from|to|of|before|after|between|and|"
    r"or|on|each|every|for|throughout)\s+)"
)
#: A quantity just before "a year" makes it a rate: "$2 million a year", "700 seats a week".
_RATE_BEFORE_RE = re.compile(
    r"(?:(?<![\d,.])(?!(?:1[6-9]|20)\d\d\b)\d[\d,.]*|\b(?i:million|billion|thousand|hundred|"
    r"dozen|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|fifty))"
    r"[^\S\n]+(?:[a-z]+[^\S\n]+)?$"
)
_OPENING_QUOTES = "\"“'‘"
_NOUN_AFTER_RE = re.compile(r"[^\S\n]+[a-z]{3,}")
_MOD_CODES = {"early": "START", "late": "END", "mid": "MID", "earlier": None, "later": None}


def _compile(pattern: str) -> re.Pattern[str]:
    """Whole words only, and never across a line break ("in August" / "2 men arrested")."""
    pattern = pattern.replace(r"[\s-]", r"(?:[^\S\n]|-)").replace(r"\s", r"[^\S\n]")
    return re.compile(r"(?<![\w.-])" + pattern + r"(?![\w-])")


# ---------------------------------------------------------------------------- helpers


def _mod(m: re.Match[str]) -> str | None:
    word = (m.groupdict().get("mod") or "").lower()
    return _MOD_CODES.get(word)


def _number(text: str | None) -> int | None:
    """A count written in digits or words; None for vague counts ("several")."""
    if not text:
        return None
    word = re.sub(r"\s+", " ", text.lower())
    if word in VAGUE_COUNTS:
        return None
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    tens, _, ones = word.replace("-", " ").partition(" ")
    if tens in NUMBER_WORDS and ones in NUMBER_WORDS:  # "twenty-four", spoken "twenty four"
        return NUMBER_WORDS[tens] + NUMBER_WORDS[ones]
    return int(float(word.split()[0]))


def _unit(text: str) -> tuple[str, bool]:
    word = text.lower()
    word = "century" if word.startswith("centur") else word.rstrip("s")
    return UNITS[word]


def _month(text: str) -> int:
    return MONTHS[text.lower()]


def _day_value(day: date | None, pod: str | None = None) -> Norm | None:
    if day is None:
        return None
    if pod:
        return Norm(f"{day.isoformat()}T{PARTS_OF_DAY[pod.lower()]}", "TIME", precision="day")
    return Norm(day.isoformat())


# ---------------------------------------------------------------------------- normalisers


def _full_date(m: re.Match[str], ctx: Context) -> Norm | None:
    month, day = _month(m["mon"]), int(m["day"])
    if m["year"]:
        return _absolute(_day_value(tr.safe_date(int(m["year"]), month, day)))
    weekday = WEEKDAYS[m["wd"].lower()] if m["wd"] else None
    resolved = tr.resolve_month_day(ctx.anchor, month, day, ctx.direction(*m.span()), weekday)
    return _day_value(resolved)


def _numeric_date(m: re.Match[str], ctx: Context) -> Norm | None:
    return _absolute(_day_value(tr.safe_date(int(m["year"]), int(m["m"]), int(m["d"]))))


def _month_year(m: re.Match[str], ctx: Context) -> Norm:
    return Norm(f"{m['year']}-{_month(m['mon']):02d}", mod=_mod(m), relative=False)


def _bare_month(m: re.Match[str], ctx: Context) -> Norm | None:
    word = m["mon"].lower().rstrip(".")
    after = ctx.text[m.end() : m.end() + 2]
    named = after[:1] == " " and after[1:].isupper()  # "March Madness", "August Wilson"
    ambiguous = word in AMBIGUOUS_MONTHS
    if not (m["rel"] or m["mod"]) and (named and (ambiguous or not m["pre"])):
        return None
    if not (m["pre"] or m["rel"] or m["mod"]) and ambiguous:
        return None
    month = _month(m["mon"])
    rel = (m["rel"] or "").lower()
    if m["yrel"]:  # "in July last year": one expression (TempEval-3 dev value F1 77.9 → 78.2)
        year = ctx.anchor.year + _REL_OFFSETS[m["yrel"].lower()]
    elif rel in ("last", "next"):
        year, _ = tr.resolve_month(ctx.anchor, month, "future" if rel == "next" else "past")
        same = month == ctx.anchor.month
        year += (1 if rel == "next" else -1) if same else 0
    elif rel == "this":
        year = ctx.anchor.year
    else:
        year, _ = tr.resolve_month(ctx.anchor, month, ctx.direction(*m.span("x")))
    return Norm(f"{year:04d}-{month:02d}", mod=_mod(m))


def _weekday(m: re.Match[str], ctx: Context) -> Norm | None:
    weekday = WEEKDAYS[m["wd"].lower()]
    rel = (m["rel"] or "").lower()
    anchor = ctx.anchor
    if rel in ("last", "past", "previous", "this past"):
        day = tr.resolve_weekday(anchor - timedelta(days=1), weekday, "past")
    elif rel in ("next", "coming", "this coming"):
        day = tr.resolve_weekday(anchor + timedelta(days=1), weekday, "future")
    else:
        direction = "future" if rel == "this" else ctx.direction(*m.span("x"))
        day = tr.resolve_weekday(anchor, weekday, direction)
    norm = _day_value(day, m["pod"])
    if norm is not None:
        norm.mod = _mod(m)
    return norm


def _relative_day(m: re.Match[str], ctx: Context) -> Norm | None:
    word = (m["word"] or "").lower()
    pod = m["pod"] or m["pod2"]
    if word:
        offset = RELATIVE_DAYS[word]
        pod = pod or ("night" if word == "tonight" else None)
    else:
        this = m["this"].lower()
        if this == "last" and pod.lower() != "night":
            return None
        offset = -1 if this == "last" else 0
    norm = _day_value(ctx.anchor + timedelta(days=offset), pod)
    if norm is not None:
        norm.mod = _mod(m)
    return norm


_REL_OFFSETS = {"last": -1, "past": -1, "previous": -1, "this": 0, "current": 0, "next": 1}
_REL_OFFSETS |= {"coming": 1, "the past": -1, "the last": -1, "the next": 1, "the coming": 1}
_REL_OFFSETS |= {
    "the latest": -1,
    "the previous": -1,
    "the current": 0,
    "this past": -1,
    "this coming": 1,
}


def _the_weekend(m: re.Match[str], ctx: Context) -> Norm:
    """ "the weekend": the coming one in a future sentence, else the last one (or this one)."""
    saturday = tr.SATURDAY
    if ctx.direction(*m.span()) == "future":
        day = tr.resolve_weekday(ctx.anchor, saturday, "future")
    else:
        day = tr.resolve_weekday(ctx.anchor + timedelta(days=1), saturday, "past")
    return Norm(tr.iso_week(day) + "-WE")


def _relative_unit(m: re.Match[str], ctx: Context) -> Norm | None:
    quoted = m.start() > 0 and ctx.text[m.start() - 1] in _OPENING_QUOTES
    if quoted and m["unit"].istitle() and m["rel"][:1].isupper():
        return None  # "This Week", a programme's name in quotes
    offset = _REL_OFFSETS[re.sub(r"\s+", " ", m["rel"].lower())]
    word = m["unit"].lower()
    if word in SEASONS:
        return Norm(f"{ctx.anchor.year + offset:04d}-{SEASONS[word]}", mod=_mod(m))
    if word == "weekend":
        return Norm(tr.weekend_of(ctx.anchor, offset), mod=_mod(m))

    unit, _ = UNITS[word]
    if unit in LONG_SPANS:
        return Norm(LONG_SPANS[unit], "DURATION", relative=False)
    value, precision = tr.shift_unit(ctx.anchor, unit, offset)
    if unit == "Q":
        _note_quarter(ctx, value)
    return Norm(value, mod=_mod(m), precision=precision)


def _ago(m: re.Match[str], ctx: Context) -> Norm | None:
    direction = re.sub(r"\s+", " ", m["dir"].lower())
    if direction in EVENT_RELATIVE:
        return None
    count = _number(m["num"])
    sign = AGO_SIGN[direction]
    unit, clock = _unit(m["unit"])
    if count is None:
        return Norm("PAST_REF" if sign < 0 else "FUTURE_REF", relative=False)
    if clock:
        return None
    if unit == "Y" and count == 1 and ctx.last_quarter:
        return Norm(tr.shift_quarter(ctx.last_quarter, sign), precision="unknown")
    value, precision = tr.shift_unit(ctx.anchor, unit, sign * count)
    return Norm(value, precision=precision)


def _duration(m: re.Match[str], ctx: Context) -> Norm | None:
    unit_text = m["unit"].lower()
    num_text = (m["num"] or "").lower()
    if unit_text.startswith("second") and num_text in ("a", "the"):
        return None
    if re.match(r"[\s-]+old\b", ctx.text[m.end() : m.end() + 5]):
        return None
    if num_text in ("a", "an") and _RATE_BEFORE_RE.search(
        ctx.text, max(0, m.start() - 40), m.start()
    ):
        return None  # "$2 million a year", "four flights a week": a rate, not a time
    unit, clock = _unit(unit_text)
    count = _number(num_text)
    if (
        count is not None
        and count > 1
        and not unit_text.endswith("s")
        and " " in m[0][-len(unit_text) - 1 :]
        and not _adjectival(m, ctx, num_text)
    ):
        return None  # "the 1988 second quarter", "two day": a number beside a word, not a count
    if count is not None and ("1/2" in num_text or m["half"]):
        return Norm(tr.and_a_half(count, unit, clock), "DURATION", relative=False)
    amount = "X" if count is None else _amount(num_text, count)
    value = f"PT{amount}{unit}" if clock else f"P{amount}{unit[:1] if unit != 'DE' else 'DE'}"
    return Norm(value, "DURATION", relative=False)


def _adjectival(m: re.Match[str], ctx: Context, num_text: str) -> bool:
    """ "a two day rally", "a five year low": a count written in words before a singular unit
    and a noun is a compound adjective (the hyphen left out), a duration all the same."""
    if not num_text or num_text[:1].isdigit() or m["unit"].lower().startswith("second"):
        return False
    return _NOUN_AFTER_RE.match(ctx.text, m.end()) is not None


def _amount(text: str, count: int) -> str:
    if "1/2" in text:
        return f"{count}.5"
    if re.fullmatch(r"\d+\.\d+", text):
        return text
    return str(count)


def _plain_units(m: re.Match[str], ctx: Context) -> Norm:
    unit, clock = _unit(m["unit"])
    return Norm(f"PT{'X'}{unit}" if clock else f"PX{unit[:1]}", "DURATION", relative=False)


def _year(m: re.Match[str], ctx: Context) -> Norm | None:
    before = ctx.text[max(0, m.start() - 12) : m.start()].split()
    after = ctx.text[m.end() : m.end() + 14].split()
    if before and before[-1].strip("(") in QUANTIFIERS:
        return None
    if after and after[0].strip(".,;:").lower() in COUNT_NOUNS:
        return None
    return Norm(m["year"], mod=_mod(m), relative=False)


def _decade(m: re.Match[str], ctx: Context) -> Norm:
    digits = m["dec"].lstrip("'’")
    if len(digits) == 4:
        return Norm(digits[:3], mod=_mod(m), relative=False, precision="unknown")
    century = ctx.anchor.year // 100
    decade = century * 100 + int(digits)
    if decade > ctx.anchor.year:
        decade -= 100
    return Norm(str(decade)[:3], mod=_mod(m), precision="unknown")


def _quarter(m: re.Match[str], ctx: Context) -> Norm | None:
    adjs = (m["adj"] or "").lower()
    owner = (m["owner"] or "").lower()
    year = m["pyear"] or m["year"]
    if not (m["the"] or m["ord"] or adjs or owner):
        return None
    if m["head"].lower() == "period" and not ((adjs or year) and ctx.last_quarter):
        return None  # "the latest period" is a quarter only in a report that named one
    if m["ord"]:
        value = _quarter_with_year(m, ctx, ORDINALS[m["ord"].lower()], owner)
    elif "current" in adjs:
        value = f"{ctx.anchor.year}-Q{tr.quarter_of(ctx.anchor)}"
    else:
        value = ctx.last_quarter or tr.last_completed_quarter(ctx.anchor)
        if year:  # "the 1988 quarter", "the 1989 period": the reported quarter in another year
            return Norm(f"{year}-Q{value[-1]}", precision="unknown")
    if "year-" in adjs or "year ago" in adjs or (owner.startswith("last") and not m["ord"]):
        return Norm(tr.shift_quarter(value, -1), precision="unknown")
    _note_quarter(ctx, value)
    return Norm(value, precision="unknown")


def _note_quarter(ctx: Context, value: str) -> None:
    """Remember the quarter a report is about, for "a year ago" and "the latest period" later:
    only a quarter that is over ("expects a fourth-quarter charge" is not reported on), and
    never an earlier one than already noted ("after a flat second quarter"). TempEval-3 dev
    value F1 78.4 → 78.6 (over) → 78.8 (not earlier). Taking the quarter from "the quarter
    ended Sept. 30" lowered it to 78.5: TimeBank keeps fiscal numbering ("first quarter ended
    Sept. 29" is Q1), so the date says nothing about the quarter's name."""
    if tr.quarter_ended(value, ctx.anchor) and value > (ctx.last_quarter or ""):
        ctx.last_quarter = value


def _quarter_with_year(m: re.Match[str], ctx: Context, quarter: int, owner: str) -> str:
    if m["year"] or m["pyear"]:
        return f"{m['year'] or m['pyear']}-Q{quarter}"
    if owner.startswith("last"):
        return f"{ctx.anchor.year - 1}-Q{quarter}"
    if owner.startswith("this") or owner.startswith("next"):
        return f"{ctx.anchor.year + owner.startswith('next')}-Q{quarter}"
    return tr.resolve_quarter(ctx.anchor, quarter, ctx.direction(*m.span()))


def _year_ago_adj(m: re.Match[str], ctx: Context) -> Norm:
    """ "year-earlier" results: the quarter a year before the one reported, else last year."""
    if ctx.last_quarter:
        return Norm(tr.shift_quarter(ctx.last_quarter, -1), precision="unknown")
    return Norm(str(ctx.anchor.year - 1))


def _half(m: re.Match[str], ctx: Context) -> Norm | None:
    if "quarters" in m[0].lower() and not re.search(r"(?i)\bof\b", m[0]):
        return None  # "the last two quarters' results": two quarters back, not a half
    half = ORDINALS.get(m["ord"].lower(), 2)  # "the last half", "the last two quarters": H2
    year = int(m["year"]) if m["year"] else ctx.anchor.year
    return Norm(f"{year:04d}-H{half}", precision="unknown", relative=not m["year"])


def _reference(m: re.Match[str], ctx: Context) -> Norm:
    return Norm(REFERENCES[re.sub(r"\s+", " ", m[0].lower())], relative=False)


def _recent_units(m: re.Match[str], ctx: Context) -> Norm:
    """ "recent years" = PXY (annotators: 5 PX-durations to 3 PAST_REF in TempEval-3 training);
    "the weeks ahead" = PXW."""
    unit, _ = _unit(m["unit"])
    return Norm(f"PX{unit[:1]}", "DURATION", relative=False)


def _set(m: re.Match[str], ctx: Context, kind: str = "SET") -> Norm:
    """A set ("daily", "every quarter"), or with ``kind`` "DURATION" one unit of it."""
    word = m[0].lower()
    if word in SETS:
        return Norm(SETS[word], kind, relative=False)
    unit, clock = _unit(m["unit"])
    value = f"PT1{unit}" if clock else f"P1{unit if unit == 'DE' else unit[:1]}"
    return Norm(value, kind, relative=False)


def _time(m: re.Match[str], ctx: Context) -> Norm | None:
    hour, minute = _clock(m)
    if hour is None:
        return None
    precision = "minute" if m["min"] or m["min24"] else "hour"
    value = f"{ctx.anchor.isoformat()}T{hour:02d}:{minute:02d}"
    return Norm(value, "TIME", precision=precision)


def _clock(m: re.Match[str]) -> tuple[int | None, int]:
    if m["noon"]:
        return (NOON_HOUR if m["noon"].lower() != "midnight" else 0), 0
    if m["h24"]:
        return int(m["h24"]), int(m["min24"])
    hour, minute = int(m["h"]), int(m["min"] or 0)
    if hour > NOON_HOUR:
        return None, 0
    pm = m["ampm"].lower().startswith("p")
    hour = hour % NOON_HOUR + (NOON_HOUR if pm else 0)
    return hour, minute


def _absolute(norm: Norm | None) -> Norm | None:
    if norm is not None:
        norm.relative = False
    return norm


# ---------------------------------------------------------------------------- the rules

_REL_WORDS = (
    r"(?P<rel>(?i:this\s+past|this\s+coming|the\s+past|the\s+last|the\s+next|the\s+coming|"
    r"the\s+previous|the\s+current|the\s+latest(?=\s+(?i:fiscal\s+)?(?i:year|month|week)\b)|"
    r"last|this|next|past|coming|previous|current))"
)
#: "the current fiscal year", "last fiscal quarter": one expression, the unit's value (TempEval-3
#: dev value F1 with "couple of" 81.6 → 81.8 through ``analyze``).
_FISCAL = r"(?:(?i:fiscal)\s+(?=(?i:year|quarter)\b))"
_QUARTER_ADJ = (
    r"latest|current|recent|past|previous|prior|year-ago|year-earlier|year\s+ago|comparable|"
    r"just-ended|just\s+ended|fiscal|calendar|same|final|last"
)

RULES: tuple[Rule, ...] = (
    Rule(
        "full_date",
        _compile(rf"(?:(?P<wd>{_WD}),?\s+(?:the\s+)?)?(?P<mon>{_MON})\s+{_DAY}(?:,?\s+{_YEAR})?"),
        _full_date,
    ),
    Rule(
        "day_month",
        _compile(
            rf"(?:(?P<wd>{_WD}),?\s+)?(?:the\s+)?{_DAY}\s+(?:of\s+)?(?P<mon>{_MON})(?:,?\s+{_YEAR})?"
        ),
        _full_date,
    ),
    Rule(
        "numeric_date",
        _compile(
            r"(?:(?P<year>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-3]\d)"
            r"|(?P<m2>1[0-2]|0?[1-9])/(?P<d2>[0-3]?\d)/(?P<year2>(?:19|20)\d\d))"
        ),
        lambda m, ctx: _numeric_date(m, ctx) if m["year"] else _us_date(m),
    ),
    Rule("month_year", _compile(rf"{_MOD}?(?P<mon>{_MON}),?\s+(?:of\s+)?{_YEAR}"), _month_year),
    Rule(
        "month",
        _compile(
            rf"{_PREP}?(?P<x>(?:(?P<rel>(?i:last|next|this))\s+)?{_MOD}?(?P<mon>{_MON})"
            r"(?:,?\s+(?P<yrel>(?i:last|next|this))\s+(?i:year))?)(?!\s+\d)"
        ),
        _bare_month,
    ),
    Rule(
        "weekday",
        _compile(
            rf"(?P<x>{_MOD}?(?:(?P<rel>(?i:this\s+past|this\s+coming|last|next|this|"
            rf"coming|past|previous))\s+)?(?P<wd>{_WD})(?:\s+(?P<pod>{_POD}))?)"
        ),
        _weekday,
    ),
    Rule(
        "relative_day",
        _compile(
            rf"{_MOD}?(?:(?P<word>(?i:today|yesterday|tomorrow|tonight))|(?P<this>(?i:this|last))"
            rf"\s+(?P<pod2>{_POD}))(?:\s+(?P<pod>{_POD}))?"
        ),
        _relative_day,
    ),
    Rule(
        "relative_unit",
        _compile(
            rf"{_MOD}?{_REL_WORDS}\s+{_FISCAL}?(?P<unit>(?i:week|weekend|month|year|quarter|"
            r"decade|century|spring|summer|fall|autumn|winter))"
        ),
        _relative_unit,
    ),
    Rule("year_ago_adj", _compile(r"(?i:year-earlier|year-ago)(?=\s+[a-z])"), _year_ago_adj),
    Rule("weekend", _compile(r"(?i:the\s+weekend)"), _the_weekend),
    Rule(
        "ago",
        _compile(
            rf"{_NUM}[\s-]+{_UNIT}\s+(?P<dir>(?i:ago|earlier|before|later|from\s+now|hence))(?!\s+(?:than|that))"
        ),
        _ago,
    ),
    Rule(
        "duration",
        _compile(
            r"(?:(?i:the\s+(?:past|last|next|first|previous|coming|following|final|latest|"
            r"preceding|same|full|entire|whole)|the|another|an?\s+additional|the\s+same)\s+)?"
            rf"{_NUM}[\s-]+(?:(?i:trading|business|working)\s+)?{_UNIT}(?P<half>\s+(?i:and\s+a\s+half))?(?:-long)?"
        ),
        _duration,
    ),
    Rule("one_more", _compile(_ONE_MORE), lambda m, ctx: _set(m, ctx, "DURATION")),
    Rule(
        "plain_units",
        _compile(
            r"(?<=(?i:for|ver|hin) )(?:(?<=(?i:over) )(?i:the)\s+)?"
            r"(?P<unit>(?i:years|months|weeks|days|hours|decades))"
        ),
        _plain_units,
    ),
    Rule("recent_units", _compile(r"(?i:recent)\s+" + _UNIT), _recent_units),
    Rule(
        "units_ahead",
        _compile(r"(?i:the)\s+(?P<unit>(?i:days|weeks|months|years))\s+(?i:ahead)"),
        _recent_units,
    ),
    Rule(
        "year",
        _compile(rf"(?:(?i:fiscal|calendar|the\s+year|fy)\s+)?{_MOD}?{_YEAR}"),
        _year,
    ),
    Rule(
        "decade",
        _compile(rf"(?:(?i:the)\s+)?{_MOD}?(?P<dec>(?:1[6-9]|20)\d0|['’]\d0)['’]?s"),
        _decade,
    ),
    Rule(
        "quarter",
        _compile(
            r"(?:(?P<the>(?i:the))\s+|(?P<owner>(?i:this|last|next)\s+year['’]s)\s+)?"
            rf"(?P<adj>(?:(?i:{_QUARTER_ADJ})[\s-]+)*)"
            r"(?:(?P<pyear>(?:19|20)\d\d)\s+)?"
            r"(?:(?P<ord>(?i:first|second|third|fourth|1st|2nd|3rd|4th))[\s-]+)?(?i:fiscal\s+)?"
            rf"(?P<head>(?i:quarter|period))(?:\s+(?i:of)\s+{_YEAR})?"
        ),
        _quarter,
    ),
    Rule(
        "half",
        _compile(
            r"(?:(?i:the)\s+)?(?P<ord>(?i:first|second|last))[\s-]+(?i:half|two\s+quarters)"
            rf"(?:\s+(?i:of)\s+(?:(?i:the\s+year)|{_YEAR})|(?=\s+(?i:profit|earnings|results|"
            r"sales|net|revenue|loss|growth)))"
        ),
        _half,
    ),
    Rule("reference", _compile(_words(set(REFERENCES))), _reference),
    Rule(
        "set",
        _compile(rf"(?:{_words(set(SETS))}|(?i:every|each|per|once\s+a|twice\s+a)\s+{_SET_UNIT})"),
        _set,
    ),
    Rule(
        "time",
        _compile(
            r"(?:(?P<h>1[0-2]|0?[1-9])(?::(?P<min>[0-5]\d))?\s*(?P<ampm>(?i:a\.m\.|p\.m\.|am|pm))"
            r"|(?P<h24>[01]\d|2[0-3]):(?P<min24>[0-5]\d)(?=\s*(?:GMT|UTC|[A-Z]{2,4}T\b|local|h\b))"
            r"|(?P<noon>(?i:noon|midnight)))"
            r"(?:\s+(?:[ECMP][SD]T|GMT|UTC|ET)\b)?"
        ),
        _time,
    ),
)


def _us_date(m: re.Match[str]) -> Norm | None:
    day = tr.safe_date(int(m["year2"]), int(m["m2"]), int(m["d2"]))
    return _absolute(_day_value(day))
