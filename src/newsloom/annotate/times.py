"""Time expressions: found with compiled rules, resolved against the publication date.

``find_times(text, anchor, doc)`` returns one ``TimeRef`` per time expression in ``text``, with
character offsets into it and a TIMEX3 value:

- dates: ``2024-11-01`` (day), ``2024-W44`` (week), ``2024-08`` (month), ``2024`` (year),
  ``202`` (decade), ``2024-Q3`` (quarter), ``2024-SU`` (season), ``2024-W44-WE`` (weekend);
- parts of a day keep the TIMEX3 suffix: "Thursday night" is ``2024-10-31TNI`` (type TIME,
  precision day); "late Friday" is ``2024-11-01`` with ``mod="END"``. ``calendar_date`` gives
  the date part the dossier timeline sorts by;
- clock times: ``2024-11-02T15:38`` (minute) or ``…T15:00`` (hour, "3 p.m.");
- durations ``P3D``, ``PT5H``, ``PXY`` ("years"); sets ``P1D`` ("daily", type SET);
- ``PRESENT_REF`` / ``PAST_REF`` / ``FUTURE_REF`` for "now", "recently", "soon".

Relative expressions are resolved against ``anchor``: a weekday or a month named without a year is
the most recent one on or before the anchor, unless the sentence is in the future tense ("will
meet on Tuesday" is the coming Tuesday). With ``doc`` (spaCy's parse of the same text) the tense
is that of the clause the expression attaches to (``clause.time_tense``: "would begin ... by
Thursday" is ahead, "closed Wednesday" behind); when the clause says nothing, the nearest cue
word in the sentence decides (a modal "will"/"shall", a past auxiliary), as without a parse. With
``anchor=None`` an expression that needs one keeps its span, type and precision and gets
``value=None``; absolute ones ("Sept. 12, 2023", "1990s", "three weeks") keep their value.

Spans follow TIMEX3: "so far this year" is tagged "this year"; "on" before "Friday" is left out.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal, cast

from spacy.tokens import Doc

from newsloom.annotate import timex_anaphora
from newsloom.annotate.clause import time_tense
from newsloom.annotate.timex_calendar import CALENDAR_RULES, FIRST_RULES
from newsloom.annotate.timex_resolve import (
    Direction,
    precision_of,
    resolve_month,
    resolve_month_day,
    resolve_weekday,
)
from newsloom.annotate.timex_rules import RULES, Norm
from newsloom.annotate.timex_vocab import FUTURE_CUES, PAST_AUXILIARIES
from newsloom.model import TimeRef

__all__ = [
    "calendar_date",
    "find_times",
    "resolve_month",
    "resolve_month_day",
    "resolve_weekday",
]

Precision = Literal["minute", "hour", "day", "week", "month", "year", "unknown"]

#: Rules run against a stand-in anchor when none is given; values computed from it are dropped.
_STAND_IN_ANCHOR = date(2000, 6, 15)
#: How far (characters) either side of an expression tense cues are looked for, within its
#: sentence. TempEval-3 dev value F1: 20 → 76.8, 30 → 76.9, 40 → 76.7, 60 → 76.4, 120 → 76.3,
#: 200 → 76.3; 40 taken from the middle of the flat top.
TENSE_WINDOW = 40

_DEADLINE_REACH = 16  # characters before an expression: "as early as " is 12

#: "by February", "as soon as Tuesday": a deadline, in a sentence without a tense cue, is ahead.
#: TempEval-3 dev value F1 78.8 → 79.0 (held 78.4 either way); letting it override a tense cue
#: gave 79.0 / 78.3.
_SCHEDULE_RE = re.compile(r"[ \t]*(?:--|–|—|-)[ \t]+\S")
_DEADLINE_RE = re.compile(r"(?i:\bby|\bas\s+(?:soon|early)\s+as)\s+$")
_SENTENCE_END_RE = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“(]?[A-Z])|\n\s*\n")
_WORD_RE = re.compile(r"[A-Za-z'’]+")
_FUTURE_TAGS = frozenset({"will", "shall", "'ll", "’ll", "wo"})
_JOIN_TIME_RE = re.compile(r"\s*(?:,|at|on|/|-)?\s*$", re.I)
_MAX_JOIN_GAP = 6
#: A page's own time stamp before a clock time: "updated at", "was posted".
_STAMP_RE = re.compile(r"(?i:\b(?:updated|posted|published)\s+(?:at\s+)?)$")
_STAMP_REACH = 20
_SCOPE_PREFIX_RE = re.compile(
    r"(?i:(?:the\s+)?(?P<scope>end|beginning|start|middle|close|turn)\s+of\s+(?:the\s+)?)$"
)
#: "the day before last Tuesday's hearing": a day next to the date named after it, looked for
#: this many characters back from a day's value (``_DAY_VALUE_RE``).
_DAY_NEXT_TO_RE = re.compile(r"(?i:\b(?P<day>day)\s+(?P<side>before|after)\s+)$")
_DAY_NEXT_TO_REACH = 20
_DAY_VALUE_RE = re.compile(r"\d{4}-\d\d-\d\d")
_SCOPE_MODS = {"end": "END", "close": "END", "beginning": "START", "start": "START"}
_SCOPE_MODS |= {"middle": "MID", "turn": "START"}


def find_times(text: str, anchor: date | None, doc: Doc | None = None) -> list[TimeRef]:
    """Every time expression in ``text``, in text order, resolved against ``anchor``."""
    ctx = _Context(text=text, anchor=anchor or _STAND_IN_ANCHOR, doc=doc)
    chosen = timex_anaphora.resolve(_select(_candidates(ctx)))
    chosen = _join_clock_times(text, chosen)
    refs = [_time_ref(text, start, end, norm, anchor is None) for start, end, norm in chosen]
    return [_day_next_to(text, _with_scope(text, ref)) for ref in refs]


def calendar_date(ref: TimeRef) -> str | None:
    """The calendar part of a point-in-time value ("2024-10-31TNI" → "2024-10-31"), else None.

    This is what a dossier timeline sorts and groups by; durations, sets and references to the
    present/past/future have no calendar date.
    """
    value = ref.value
    if not value or ref.type in ("DURATION", "SET") or not value[:1].isdigit():
        return None
    return value.split("T", 1)[0]


# --------------------------------------------------------------------------------- context


@dataclass
class _Context:
    """One document being annotated (satisfies ``timex_rules.Context``)."""

    text: str
    anchor: date
    doc: Doc | None = None
    last_quarter: str | None = None
    _ends: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._ends = [m.end() for m in _SENTENCE_END_RE.finditer(self.text)]

    def direction(self, start: int, end: int) -> Direction:
        """The tense around ``text[start:end]``: its clause's, else the nearest cue word's.

        The clause (from the parse) raised TempEval-3 value F1 dev 79.2 → 79.8, held-out
        78.3 → 78.9 (bench/tempeval.py --spacy) over the nearest cue word alone.
        """
        if _schedule_entry(self.text, start, end):
            return "future"
        found: Direction | Literal["unknown"] = "unknown"
        if self.doc is not None:
            found = _clause_direction(self.doc, start, end)
            if found == "unknown":
                found = _doc_direction(self.doc, start, end)
        if found == "unknown":
            lo, hi = self._sentence(start, end)
            found = _regex_direction(self.text, max(lo, start - TENSE_WINDOW), start, end,
                                     min(hi, end + TENSE_WINDOW))  # fmt: skip
        if found is None and _DEADLINE_RE.search(self.text, max(0, start - _DEADLINE_REACH), start):
            return "future"
        return found

    def _sentence(self, start: int, end: int) -> tuple[int, int]:
        i = bisect.bisect_right(self._ends, start)
        lo = self._ends[i - 1] if i else 0
        j = bisect.bisect_left(self._ends, end)
        hi = self._ends[j] if j < len(self._ends) else len(self.text)
        return lo, hi


def _schedule_entry(text: str, start: int, end: int) -> bool:
    """A line that starts with its date and a dash before what happens then ("June 9 --
    Harbor Arena, Lakeshore"): a tour's or a season's schedule, which lists what is ahead."""
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip(" \t•*·-") and _SCHEDULE_RE.match(text, end) is not None


def _cue(word: str, tag: str | None = None) -> Direction | Literal["none"]:
    """Future for a future cue word or a future modal, past for a past auxiliary (was, had).

    Broader past cues were measured and dropped: past verb words and ``-ed`` forms lowered
    TempEval-3 dev value F1 from 76.4 to 75.8, spaCy's VBD tags from 76.8 to 75.6 (a past verb
    says little about a date named beside it: "payable Jan. 2", "announced plans ... in
    January"); the auxiliaries alone raised it from 77.2 to 77.4. Without a cue a weekday is
    resolved to the past, a date or month to the nearer occurrence (``FUTURE_WEIGHT``).
    """
    lower = word.lower()
    if tag is not None and tag.startswith("NN"):
        return "none"  # "unveiled its plans": a noun, not a plan for what is ahead
    if lower in FUTURE_CUES or (tag == "MD" and lower in _FUTURE_TAGS):
        return "future"
    return "past" if lower in PAST_AUXILIARIES else "none"


def _regex_direction(text: str, lo: int, start: int, end: int, hi: int) -> Direction:
    best: tuple[int, Direction] | None = None
    for segment, offset in ((text[lo:start], lo), (text[end:hi], end)):
        for m in _WORD_RE.finditer(segment):
            cue = _cue(m.group())
            if cue == "none":
                continue
            pos = m.start() + offset
            distance = start - pos if pos < start else pos - end
            if best is None or distance < best[0]:
                best = (distance, cue)
    return best[1] if best else None


def _clause_direction(doc: Doc, start: int, end: int) -> Direction | Literal["unknown"]:
    """The tense of the clause the expression belongs to (``clause.time_tense``)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return "unknown"
    return time_tense(span)


def _doc_direction(doc: Doc, start: int, end: int) -> Direction | Literal["unknown"]:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return "unknown"
    best: tuple[int, Direction] | None = None
    for token in span.sent:
        if span.start <= token.i < span.end or abs(token.idx - start) > TENSE_WINDOW + end - start:
            continue
        cue = _cue(token.text, token.tag_)
        if cue == "none":
            continue
        distance = abs(token.i - span.start)
        if best is None or distance < best[0]:
            best = (distance, cue)
    return best[1] if best else None


# ------------------------------------------------------------------------------ selection

_Candidate = tuple[int, int, int, Norm]
_RULES = (*FIRST_RULES, *RULES, *CALENDAR_RULES, timex_anaphora.ANAPHOR_RULE)


def _candidates(ctx: _Context) -> list[_Candidate]:
    """Every rule's matches, normalised in text order (so "the quarter" sees the last quarter)."""
    matches: list[tuple[int, int, int, re.Match[str]]] = []
    for index, rule in enumerate(_RULES):
        has_x = "x" in rule.pattern.groupindex
        for m in rule.pattern.finditer(ctx.text):
            start, end = m.span("x") if has_x else m.span()
            if end > start:
                matches.append((start, end, index, m))
    found: list[_Candidate] = []
    for start, end, index, m in sorted(matches, key=lambda c: (c[0], c[2])):
        norm = _RULES[index].normalise(m, ctx)
        if norm is not None:
            found.append((start, end, index, norm))
    return found


def _select(candidates: list[_Candidate]) -> list[tuple[int, int, Norm]]:
    """Longest first, then earliest, then rule order; no two chosen spans overlap."""
    taken: list[tuple[int, int, Norm]] = []
    starts: list[int] = []
    for start, end, _, norm in sorted(candidates, key=lambda c: (c[0] - c[1], c[0], c[2])):
        i = bisect.bisect_left(starts, start)
        if (i and taken[i - 1][1] > start) or (i < len(taken) and taken[i][0] < end):
            continue
        starts.insert(i, start)
        taken.insert(i, (start, end, norm))
    return taken


def _join_clock_times(
    text: str, chosen: list[tuple[int, int, Norm]]
) -> list[tuple[int, int, Norm]]:
    """ "Friday at 3 p.m.", "noon Saturday", "Nov. 2, 2024 / 3:38 PM": a day beside a clock
    time is one time; a clock time alone is on the day last named before it (else the anchor)."""
    out: list[tuple[int, int, Norm]] = []
    last_day: str | None = None
    for start, end, norm in chosen:
        if out and _joinable(text, out[-1], (start, end, norm)):
            prev_start, _, prev = out[-1]
            out[-1] = (prev_start, end, _joined(prev, norm))
        elif _is_clock(norm) and last_day and norm.value and not _page_stamp(text, start):
            out.append((start, end, _on_day(norm, last_day, norm)))
        else:
            out.append((start, end, norm))
        if _is_day(norm):
            last_day = norm.value
    return out


def _page_stamp(text: str, start: int) -> bool:
    """ "This story was updated at 5:45 p.m.": the clock time of the page's own update is on
    the page's day, not on the day the story last named."""
    return _STAMP_RE.search(text, max(0, start - _STAMP_REACH), start) is not None


def _is_clock(norm: Norm) -> bool:
    return norm.type == "TIME" and norm.precision in ("minute", "hour")


def _is_day(norm: Norm) -> bool:
    return norm.type == "DATE" and norm.value is not None and precision_of(norm.value) == "day"


def _on_day(clock: Norm, day: str | None, like: Norm) -> Norm:
    time_part = (clock.value or "").partition("T")[2]
    value = f"{day}T{time_part}" if day and clock.value else None
    return Norm(value, "TIME", like.mod, clock.precision, like.relative)


def _joined(a: Norm, b: Norm) -> Norm:
    day, clock = (a, b) if _is_clock(b) else (b, a)
    return _on_day(clock, day.value, day)


def _joinable(text: str, first: tuple[int, int, Norm], second: tuple[int, int, Norm]) -> bool:
    a, b = first[2], second[2]
    if not ((_is_day(a) and _is_clock(b)) or (_is_clock(a) and _is_day(b))):
        return False
    gap = second[0] - first[1]
    return gap < _MAX_JOIN_GAP and _JOIN_TIME_RE.match(text, first[1], second[0]) is not None


def _time_ref(text: str, start: int, end: int, norm: Norm, no_anchor: bool) -> TimeRef:
    value = None if no_anchor and norm.relative else norm.value
    precision = norm.precision or precision_of(norm.value)
    return TimeRef(
        text=text[start:end],
        start=start,
        end=end,
        value=value,
        precision=cast(Precision, precision),
        type=norm.type,
        mod=norm.mod,
    )


def _with_scope(text: str, ref: TimeRef) -> TimeRef:
    """ "the end of 1990": widen a date to its scope phrase and record the TIMEX3 mod."""
    if ref.type != "DATE" or not (ref.value or "0")[:1].isdigit():
        return ref
    m = _SCOPE_PREFIX_RE.search(text, max(0, ref.start - 30), ref.start)
    if m is None:
        return ref
    start = m.start()
    mod = _SCOPE_MODS[m["scope"].lower()]
    return ref.model_copy(update={"start": start, "text": text[start : ref.end], "mod": mod})


def _day_next_to(text: str, ref: TimeRef) -> TimeRef:
    """ "the day after March 3": the day before or after a named day, the span widened to it."""
    value = ref.value or ""
    if ref.type != "DATE" or ref.mod or not _DAY_VALUE_RE.fullmatch(value):
        return ref
    m = _DAY_NEXT_TO_RE.search(text, max(0, ref.start - _DAY_NEXT_TO_REACH), ref.start)
    if m is None:
        return ref
    shift = timedelta(days=1 if m["side"].lower() == "after" else -1)
    start = m.start("day")
    day = (date.fromisoformat(value) + shift).isoformat()
    return ref.model_copy(update={"start": start, "text": text[start : ref.end], "value": day})
