"""The page's own zone for a publication stamp that the markup gives only in UTC.

Many pages stamp ``datePublished`` in UTC and print the newsroom's local time for readers: a
story put up at 11:03 PM in San Francisco is stamped 07:03 UTC the next day, and the next day is
not the day the story is dated. The page shows its zone in three ways, tried in this order:

1. the same instant printed as a local clock: a naive stamp in the markup ("2019-11-18
   20:58:46"), or a date and time printed under the headline ("November 18, 2019 11:03 PM"). The
   difference to the UTC stamp, a whole number of quarter hours between UTC−12 and UTC+14 with the
   same minutes (and seconds, when both give them), is the page's offset;
2. another stamp of the page with a local offset (``dateModified`` in ``-05:00``, "2:26 PM HST"
   under the headline), close enough in time to share its daylight-saving rule;
3. the day printed under the headline ("Nov. 19, 2019"), when the UTC stamp falls on another day
   that is that day in some zone: then only the page's day is certain, and the day is returned.

Otherwise the stamp stays in UTC: the page does not say its zone.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import Any

from newsloom.clean.dates import parse_datetime

#: The zones in use: UTC−12 to UTC+14, in steps of a quarter hour.
ZONE_MIN = timedelta(hours=-12)
ZONE_MAX = timedelta(hours=14)
ZONE_STEP = timedelta(minutes=15)
#: Another stamp's offset is the page's zone only this close in time (a daylight-saving change
#: may lie further away).
ZONE_REACH = timedelta(days=7)
#: Under the headline: at most this many elements are read, each with at most this much text
#: (a byline and stamp block, not a paragraph), and the first few dates kept.
HEADER_ELEMENTS = 120
HEADER_TEXT_MAX = 160
HEADER_DATES = 3
#: Two stamps this close are one instant.
SAME_INSTANT = timedelta(minutes=1)
_NOT_TEXT = frozenset({"script", "style", "noscript", "template", "svg"})


def localise(stamp: str, tree: Any, stamps: list[str]) -> str:
    """``stamp`` (an instant in UTC) in the page's own zone or on its own day, when the page
    shows either; else ``stamp`` unchanged. ``stamps`` are the markup's other date stamps."""
    try:
        utc = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    if utc.utcoffset() is None:
        return stamp
    header = header_dates(tree) if tree is not None else []
    offset = _offset_from_clock(utc, [s for s in stamps if _has_seconds(s)] + header)
    if offset is None:
        offset = _offset_from_stamps(utc, stamps + header)
    if offset is not None:
        return utc.astimezone(timezone(offset)).isoformat(timespec="seconds")
    if header:
        day = date.fromisoformat(header[0][:10])
        if day != utc.date() and _possible_day(utc, day):
            return day.isoformat()
    return stamp


def header_dates(tree: Any) -> list[str]:
    """The first dates printed in short elements after the page's first ``<h1>``."""
    h1 = next(iter(tree.iter("h1")), None)
    if h1 is None:
        return []
    found: list[str] = []
    seen = 0
    started = False
    for el in tree.iter():
        if el is h1:
            started = True
            continue
        if not started or not isinstance(el.tag, str) or el.tag in _NOT_TEXT:
            continue
        seen += 1
        if seen > HEADER_ELEMENTS or len(found) >= HEADER_DATES:
            break
        text = " ".join(el.text_content().split())
        if not text or len(text) > HEADER_TEXT_MAX:
            continue
        value = parse_datetime(text)
        if value and value not in found:
            found.append(value)
    return found


def _offset_from_clock(utc: datetime, renderings: list[str]) -> timedelta | None:
    """The offset at which a rendering prints the same instant as ``utc``."""
    for value in renderings:
        try:
            local = datetime.fromisoformat(value)
        except ValueError:
            continue
        if "T" not in value:
            continue
        if local.tzinfo is not None:
            offset = local.utcoffset()
            if offset and abs(local - utc) <= SAME_INSTANT:
                return offset
            continue
        base = utc.replace(tzinfo=None, microsecond=0)
        if not _has_seconds(value):
            base = base.replace(second=0)
        diff = local - base
        if diff and ZONE_MIN <= diff <= ZONE_MAX and diff % ZONE_STEP == timedelta(0):
            return diff
    return None


def _offset_from_stamps(utc: datetime, stamps: list[str]) -> timedelta | None:
    for value in stamps:
        try:
            other = datetime.fromisoformat(value)
        except ValueError:
            continue
        offset = other.utcoffset()
        if offset and abs(other - utc) <= ZONE_REACH:
            return offset
    return None


def _has_seconds(value: str) -> bool:
    """An ISO time with seconds ("2019-11-18T20:58:46")."""
    time = value.partition("T")[2]
    return len(time) >= 8 and time[5:6] == ":"


def _possible_day(utc: datetime, day: date) -> bool:
    """``day`` is the date of the instant ``utc`` in some zone between UTC−12 and UTC+14."""
    return (utc + ZONE_MIN).date() <= day <= (utc + ZONE_MAX).date()
