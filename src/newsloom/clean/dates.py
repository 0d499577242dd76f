"""Publication dates and times as pages print them, to ISO 8601.

A zone is kept only when the page states one ("EDT", "GMT", "+02:00"); otherwise the result is a
naive local time (``2024-11-02T15:38``), never a guessed offset.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

MONTHS: dict[str, int] = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9,
    "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12,
    "december": 12,
}  # fmt: skip
#: Month names of other Latin-script languages whose pages print "Maret 30, 2015" or
#: "30 mars 2015" (Indonesian/Malay, Dutch, German, French); only full names, which no English
#: word near a day and a year shares.
FOREIGN_MONTHS: dict[str, int] = {
    "januari": 1, "februari": 2, "maret": 3, "maart": 3, "mei": 5, "juni": 6, "juli": 7,
    "agustus": 8, "augustus": 8, "oktober": 10, "desember": 12, "december": 12,
    "januar": 1, "februar": 2, "märz": 3, "mai": 5, "dezember": 12,
    "janvier": 1, "février": 2, "mars": 3, "avril": 4, "juin": 6, "juillet": 7, "août": 8,
    "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12,
}  # fmt: skip
ALL_MONTHS: dict[str, int] = {**FOREIGN_MONTHS, **MONTHS}

#: Fixed-offset abbreviations; the ambiguous US "ET/CT/MT/PT" resolve through their zone.
FIXED_ZONES: dict[str, int] = {
    "utc": 0, "gmt": 0, "z": 0, "wet": 0, "bst": 60, "cet": 60, "west": 60, "wat": 60,
    "cest": 120, "eet": 120, "cat": 120, "sast": 120, "eest": 180, "msk": 180, "eat": 180,
    "pkt": 300, "ist": 330, "ict": 420, "wib": 420, "hkt": 480, "sgt": 480, "pht": 480,
    "awst": 480, "wita": 480, "jst": 540, "kst": 540, "wit": 540, "acst": 570, "aest": 600,
    "acdt": 630, "aedt": 660, "nzst": 720, "nzdt": 780,
    "est": -300, "edt": -240, "cst": -360, "cdt": -300, "mst": -420, "mdt": -360,
    "pst": -480, "pdt": -420, "akst": -540, "akdt": -480, "hst": -600, "hdt": -540,
}  # fmt: skip
REGION_ZONES: dict[str, str] = {
    "et": "America/New_York",
    "ct": "America/Chicago",
    "mt": "America/Denver",
    "pt": "America/Los_Angeles",
}

_MONTH = (
    r"(?<![^\W\d_])(?P<month>"
    + "|".join(sorted(ALL_MONTHS, key=len, reverse=True))
    + r")(?![^\W\d_])\.?"
)
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_MDY = rf"{_WEEKDAY}{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})"
_DMY = rf"{_WEEKDAY}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>\d{{4}})"
_CLOCK = (
    r"(?P<hour>\d{1,2})(?::|\.)(?P<minute>\d{2})(?::(?P<second>\d{2}))?"
    r"\s*(?P<ampm>[ap]\.?\s?m\.?)?"
    r"(?:\s*(?P<zone>[A-Z]{1,4}T?|UTC|GMT|Z)\b)?(?:\s*(?P<offset>[+-]\d{2}:?\d{2}))?"
)
#: A clock time after the date: "March 4, 2025 2:41 pm", "7 March 2025 · 14:05 GMT".
_TIME = rf"(?:\s*(?:,|/|at|--|-|–|\||·|•)?\s*{_CLOCK})?"
#: A clock time before the date: "7:45 AM EDT, Mon March 10, 2025".
_TIME_FIRST = rf"{_CLOCK}\s*(?:,|/|on|-|–|\||·|•)?\s*"
_TEXT_DATE_RES = [
    *(re.compile(_TIME_FIRST + p, re.I) for p in (_MDY, _DMY)),
    *(re.compile(p + _TIME, re.I) for p in (_MDY, _DMY)),
]
#: A clock time alone ("Updated 1:20 PM EDT"), read on a day known from elsewhere.
_CLOCK_RE = re.compile(rf"(?<![\d:.])(?:at\s+)?{_CLOCK}", re.I)
_ISO_RE = re.compile(
    r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})"
    r"(?:[T ](?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:\.\d+)?)?"
    r"\s*(?P<offset>Z|[+-]\d{2}:?\d{2})?)?"
)


def _offset_minutes(text: str) -> int:
    if text.upper() == "Z":
        return 0
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    return sign * (int(digits[:2]) * 60 + int(digits[2:4]))


def _zone(name: str | None, offset: str | None, naive: datetime) -> timezone | None:
    if offset:
        return timezone(timedelta(minutes=_offset_minutes(offset)))
    if not name:
        return None
    key = name.lower()
    if key in FIXED_ZONES:
        return timezone(timedelta(minutes=FIXED_ZONES[key]))
    if key in REGION_ZONES:
        utcoffset = naive.replace(tzinfo=ZoneInfo(REGION_ZONES[key])).utcoffset()
        return timezone(utcoffset) if utcoffset is not None else None
    return None


def _hour24(hour: int, ampm: str | None) -> int:
    if not ampm:
        return hour
    pm = ampm.lower().startswith("p")
    if hour == 12:
        return 12 if pm else 0
    return hour + 12 if pm else hour


def _format(d: date, match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    if groups.get("hour") is None:
        return d.isoformat()
    hour = _hour24(int(groups["hour"]), groups.get("ampm"))
    minute = int(groups["minute"])
    second = int(groups.get("second") or 0)
    if hour > 23 or minute > 59 or second > 59:
        return d.isoformat()
    naive = datetime(d.year, d.month, d.day, hour, minute, second)
    tz = _zone(groups.get("zone"), groups.get("offset"), naive)
    if tz is None:
        return naive.isoformat(timespec="seconds" if groups.get("second") else "minutes")
    return naive.replace(tzinfo=tz).isoformat(timespec="seconds")


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def find_datetime(text: str) -> tuple[str, re.Match[str]] | None:
    """The first date (with time and zone when given) in ``text``, as ISO text, and its match."""
    iso = _ISO_RE.search(text)
    if iso:
        d = _safe_date(int(iso["year"]), int(iso["month"]), int(iso["day"]))
        if d:
            return _format_iso(d, iso), iso
    found: list[tuple[int, int, str, re.Match[str]]] = []
    for pattern in _TEXT_DATE_RES:
        match = pattern.search(text)
        if not match:
            continue
        month = ALL_MONTHS[match["month"].lower().rstrip(".")]
        d = _safe_date(int(match["year"]), month, int(match["day"]))
        value = _format(d, match) if d else None
        if value:
            found.append((match.start(), -len(match[0]), value, match))
    if not found:
        return None
    _, _, value, match = min(found, key=lambda item: item[:2])  # earliest, then longest
    return value, match


def _clock(text: str) -> re.Match[str] | None:
    match = _CLOCK_RE.search(text)
    if not match or not (match["ampm"] or match["zone"] or match["offset"] or ":" in match[0]):
        return None
    return match


def has_clock(text: str) -> bool:
    """``text`` holds a clock time ("1:20 PM EDT", "14:05")."""
    return _clock(text) is not None


def parse_clock_on(text: str, day: date) -> str | None:
    """ISO text for a clock time alone in ``text`` ("1:20 PM EDT") on ``day``, or None."""
    match = _clock(text)
    return _format(day, match) if match else None


def _format_iso(d: date, match: re.Match[str]) -> str:
    if match["hour"] is None:
        return d.isoformat()
    naive = datetime(d.year, d.month, d.day, int(match["hour"]), int(match["minute"]))
    if match["second"]:
        naive = naive.replace(second=int(match["second"]))
    if match["offset"]:
        tz = timezone(timedelta(minutes=_offset_minutes(match["offset"])))
        return naive.replace(tzinfo=tz).isoformat(timespec="seconds")
    return naive.isoformat(timespec="seconds" if match["second"] else "minutes")


def parse_datetime(text: str) -> str | None:
    """ISO text for the first date in ``text``, or None."""
    found = find_datetime(text)
    return found[0] if found else None


_DATE_LINE_LEFTOVER_RE = re.compile(r"^[\s,./|–—:-]*(?:at|on)?[\s,./|–—:-]*$", re.I)


def parse_date_line(line: str) -> str | None:
    """ISO text when the whole ``line`` is a date/time stamp (nothing else on it), else None."""
    found = find_datetime(line)
    if not found:
        return None
    _, match = found
    leftover = line[: match.start()] + " " + line[match.end() :]
    return found[0] if _DATE_LINE_LEFTOVER_RE.match(leftover) else None


#: The westernmost zone in use (UTC−12): a crawl day ends there last.
_LAST_ZONE = timezone(timedelta(hours=-12))


def after_day(value: str, latest: date) -> bool:
    """``value`` is provably later than the day ``latest``, in whatever zone that day was.

    A date or a naive time is compared by its day; a time with a zone by its instant, against
    the end of ``latest`` in the last zone to reach midnight (UTC−12), so that 02:34 UTC on the
    5th stays possible for a page crawled on the 4th in New York.
    """
    try:
        stamp = datetime.fromisoformat(value)
    except ValueError:
        return False
    if stamp.tzinfo is None:
        return stamp.date() > latest
    end = datetime.combine(latest, datetime.max.time(), tzinfo=_LAST_ZONE)
    return stamp > end
