"""Published and updated times from a text capture, read off the page's own date stamps.

A capture prints many dates: the article's stamp ("Posted November 2, 2024 9:19 am.", "By Jane
Doe | March 4, 2025 at 2:26 PM HST - Updated 4:46 PM"), but also teaser rails ("2 days ago at
07:52 am" under every teaser), comments ("Jane on September 12, 2018 at 4:47 pm said:"),
embedded posts ("— Name (@handle) November 1, 2019") and prose ("This March 28, 2017, file
photo"). Only *stamp-shaped* lines count: a labelled part ("Published", "Updated"), a byline
with its date, or a line that is mostly a date or starts with one. A stamp with other dated lines
all round it is a rail's and is passed over. The first stamp left is the article's: its
"Updated" part gives ``updated``, the rest ``published``. Times keep the zone the page states.

The crawl date bounds everything: nothing after it is returned, and a relative stamp
("Published 3 hours ago") is read as a day counted back from it — the crawl date itself is
never reported as the publication date (``Article.date_key`` falls back on it, as such).

The clean stage is to call it in ``newsloom.clean._from_text`` right after ``clean_capture``
(``found.published, found.updated = capture_dates(text, page.crawl_date)``), where the crawl
date is known; ``capture.clean_capture`` does not see the crawl date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from newsloom.clean import vocab
from newsloom.clean.dates import after_day, find_datetime, has_clock, parse_clock_on
from newsloom.clean.vocab_langs import BYLINE_PREFIXES

#: A stamp line is at most this long; longer lines are prose or teaser blurbs.
STAMP_LINE_MAX_CHARS = 160
#: An unlabelled date makes a line a stamp when it covers at least this share of the line's
#: characters ("Reuters November 18, 2019 11:03 PM")...
STAMP_DATE_SHARE = 0.5
#: ...or starts within this many characters of its start ("October 12, 2018/0 Comments/...").
STAMP_START_MAX = 3
#: A stamp with another dated line of the same shape ("2 days ago at 07:52 am", "November 19,
#: 2019 at 6:34 am") within ``RAIL_SPAN`` lines on either side belongs to a rail of teasers or
#: comments, which repeat one shape every 2-5 lines; an article's header stamps differ in shape
#: ("Posted ..." / "Last Updated ...").
RAIL_SPAN = 6
#: Only short dated lines make a rail: a photo caption that names the day is not a teaser.
RAIL_LINE_MAX_CHARS = 80
#: A clock time alone is read on the day of a stamp at most this many lines above it.
CLOCK_REACH = 3

#: Where each labelled part starts: "Published ... | Updated ...".
_LABEL_RE = re.compile(
    rf"(?P<label>{vocab.POSTED_LABELS})(?!\w)\s*(?:on|at|:|am|le|el|em|il|в)?", re.I
)
#: What may stand right before a label inside a line: a separator or a time's end.
_LABEL_AFTER_RE = re.compile(r"(?:[|/·•,:;()\-–—]|\d|(?i:[ap]\.?m\.?)|[A-Z]{2,5})\s*$")
#: A byline opens the line ("By Jane Doe | ...", "Posted by Jane Doe on ...").
_BYLINE_RE = re.compile(rf"^(?:by|posted by|written by|{BYLINE_PREFIXES})\s", re.I)
#: A reader's comment ("Jane on September 12, 2018 at 4:47 pm said:").
_COMMENT_RE = re.compile(r"\b(?:said|says|wrote|writes|replied|replies)\s*:\s*$", re.I)
#: An embedded social post ("— Name (@handle) November 1, 2019").
_HANDLE_RE = re.compile(r"\(@\w+\)")
#: A relative stamp: "3 hours ago", "4h", "an hour ago", "yesterday".
_RELATIVE_RE = re.compile(
    r"\b(?:(?P<n>\d{1,3}|an?|one)\s*(?P<unit>s|m|h|d|w|secs?|seconds?|mins?|minutes?|hrs?|"
    r"hours?|days?|weeks?)\b(?:\s+ago)?|(?P<yesterday>yesterday)|(?P<now>just now))",
    re.I,
)
_UNIT_DAYS = {"d": 1, "day": 1, "days": 1, "w": 7, "week": 7, "weeks": 7}


@dataclass(frozen=True, slots=True)
class PageDates:
    published: str | None = None
    updated: str | None = None


@dataclass(frozen=True, slots=True)
class _Stamp:
    index: int
    updated: bool
    value: str
    relative: bool


def capture_dates(text: str, crawl_date: date | None) -> PageDates:
    """The article's published and updated times, from the stamp lines of a capture's text."""
    lines = [" ".join(raw.split()) for raw in text.split("\n")]
    lines = [line for line in lines if line]
    shapes = [
        _shape(line) if len(line) <= RAIL_LINE_MAX_CHARS and _dated(line) else "" for line in lines
    ]
    stamps: list[_Stamp] = []
    known: tuple[int, date] | None = None  # the day of the last stamp, for a clock alone
    for i, line in enumerate(lines):
        if not _dated(line) or _in_rail(lines, shapes, i):
            continue
        day = known[1] if known and i - known[0] <= CLOCK_REACH else None
        for stamp in _stamps(i, line, crawl_date, day):
            if not stamp.relative:
                known = (i, date.fromisoformat(stamp.value[:10]))
            if crawl_date is None or not after_day(stamp.value, crawl_date):
                stamps.append(stamp)
    absolute = [s for s in stamps if not s.relative]
    published = _first(absolute, updated=False) or _first(stamps, updated=False)
    updated = _first(absolute, updated=True) or _first(stamps, updated=True)
    return PageDates(published=published, updated=updated)


def _first(stamps: list[_Stamp], *, updated: bool) -> str | None:
    return next((s.value for s in stamps if s.updated == updated), None)


def _dated(line: str) -> bool:
    """A short line that prints a date, a clock time or a relative time."""
    if len(line) > STAMP_LINE_MAX_CHARS:
        return False
    if find_datetime(line) is not None:
        return True
    if _RELATIVE_RE.search(line) and "ago" in line.lower():
        return True
    return bool(_LABEL_RE.match(line)) and (has_clock(line) or bool(_RELATIVE_RE.search(line)))


def _in_rail(lines: list[str], shapes: list[str], i: int) -> bool:
    """Another short dated line nearby has this line's shape (a repeated line is a copy)."""
    if not shapes[i]:
        return False
    lo, hi = max(0, i - RAIL_SPAN), min(len(lines), i + RAIL_SPAN + 1)
    return any(shapes[j] == shapes[i] and lines[j] != lines[i] for j in range(lo, hi) if j != i)


def _shape(line: str) -> str:
    """The line with every number a ``0`` and every word but a label an ``a``."""
    shape = _LABEL_RE.sub(lambda m: m["label"].upper() + " ", line)
    shape = re.sub(r"\d+", "0", shape)
    return re.sub(r"[^\W\d_]+\.?", lambda m: m[0] if m[0].isupper() else "a", shape)


def _stamps(index: int, line: str, crawl_date: date | None, known: date | None) -> list[_Stamp]:
    """The dated parts of one stamp line; none when the line is not stamp-shaped. ``known`` is
    the day of a stamp just above, on which a clock time alone ("Updated 1:20 PM EDT") is read."""
    if _COMMENT_RE.search(line) or _HANDLE_RE.search(line):
        return []
    found: list[_Stamp] = []
    for label, segment in _segments(line):
        value, relative = _segment_value(label, segment, line, known, crawl_date)
        if value is None:
            continue
        if not relative:
            known = date.fromisoformat(value[:10])
        updated = bool(vocab.UPDATED_KEY_RE.match(label))
        found.append(_Stamp(index, updated, value, relative))
    return found


def _segments(line: str) -> list[tuple[str, str]]:
    """``(label, text)`` parts of a line; the part before any label has the label ``""``.

    A label inside a sentence ("an article published Monday") does not start a part: only one
    at the line's start or after a separator, a time or a byline does.
    """
    parts: list[tuple[str, str]] = []
    label, start = "", 0
    for match in _LABEL_RE.finditer(line):
        before = line[: match.start()]
        if before.strip() and not (_LABEL_AFTER_RE.search(before) or _BYLINE_RE.match(before)):
            continue
        parts.append((label, line[start : match.start()]))
        label, start = match["label"], match.end()
    parts.append((label, line[start:]))
    return [(lab, text) for lab, text in parts if text.strip()]


def _segment_value(
    label: str, segment: str, line: str, known: date | None, crawl_date: date | None
) -> tuple[str | None, bool]:
    found = find_datetime(segment)
    if found is not None:
        value, match = found
        if label or _BYLINE_RE.match(line) or _stamp_shaped(segment, match.start(), match.end()):
            return value, False
        return None, False
    if known is not None and label:
        return parse_clock_on(segment, known), False
    if crawl_date is not None and (label or _BYLINE_RE.match(line)):
        return _relative(segment, crawl_date), True
    return None, False


def _stamp_shaped(segment: str, start: int, end: int) -> bool:
    text = segment.strip(" |-–—·•/,")
    if not text:
        return False
    lead = len(segment) - len(segment.lstrip(" |-–—·•/,"))
    share = len("".join(segment[start:end].split())) / max(1, len("".join(text.split())))
    return share >= STAMP_DATE_SHARE or start - lead <= STAMP_START_MAX


def _relative(segment: str, crawl_date: date) -> str | None:
    """The day of a relative stamp, counted back from the crawl date; hours and minutes are
    read as the crawl day (the crawl's time of day is not known)."""
    match = _RELATIVE_RE.search(segment)
    if not match:
        return None
    if match["now"]:
        return crawl_date.isoformat()
    if match["yesterday"]:
        return (crawl_date - timedelta(days=1)).isoformat()
    count = 1 if match["n"].lower() in ("a", "an", "one") else int(match["n"])
    days = _UNIT_DAYS.get(match["unit"].lower(), 0) * count
    return (crawl_date - timedelta(days=days)).isoformat()
