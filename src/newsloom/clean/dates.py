"""Publication dates and times as pages print them, to ISO 8601.

A zone is kept only when the page states one ("EDT", "GMT", "+02:00"); otherwise the result is a
naive local time (``2024-11-02T15:38``), never a guessed offset.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

MONTHS: dict[str, int] = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9,
    "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12,
    "december": 12,
}  # fmt: skip
#: Month names of other languages whose pages print "Maret 30, 2015", "30 mars 2015",
#: "12. März 2024", "12 de marzo de 2024", "12 marzo 2024", "12 марта 2024" (Indonesian/Malay,
#: Dutch, German, French, Spanish, Portuguese, Italian, Russian in the genitive and nominative);
#: full names, and abbreviations no English word near a day and a year shares.
FOREIGN_MONTHS: dict[str, int] = {
    "januari": 1, "februari": 2, "maret": 3, "maart": 3, "mei": 5, "juni": 6, "juli": 7,
    "agustus": 8, "augustus": 8, "oktober": 10, "desember": 12, "december": 12,
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "mai": 5, "dezember": 12, "okt": 10,
    "dez": 12, "mrz": 3,
    "janvier": 1, "février": 2, "mars": 3, "avril": 4, "juin": 6, "juillet": 7, "août": 8,
    "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "janv": 1, "févr": 2,
    "fév": 2, "avr": 4, "juil": 7, "déc": 12,
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11,
    "diciembre": 12, "ene": 1, "abr": 4, "dic": 12,
    "janeiro": 1, "fevereiro": 2, "março": 3, "maio": 5, "junho": 6, "julho": 7,
    "setembro": 9, "outubro": 10, "novembro": 11, "dezembro": 12, "fev": 2,
    "gennaio": 1, "febbraio": 2, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7,
    "settembre": 9, "ottobre": 10, "dicembre": 12, "giu": 6, "lug": 7, "ott": 10,
    "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7,
    "августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
    "январь": 1, "февраль": 2, "март": 3, "апрель": 4, "май": 5, "июнь": 6, "июль": 7,
    "август": 8, "сентябрь": 9, "октябрь": 10, "ноябрь": 11, "декабрь": 12,
    "янв": 1, "фев": 2, "мар": 3, "апр": 4, "июн": 6, "июл": 7, "авг": 8, "сен": 9,
    "сент": 9, "окт": 10, "ноя": 11, "нояб": 11, "дек": 12,
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
#: Weekday names before a date, English and the languages of ``FOREIGN_MONTHS``.
_WEEKDAYS = (
    r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
    r"|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag"
    r"|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
    r"|lunes|martes|miércoles|jueves|viernes|sábado|domingo"
    r"|segunda|terça|quarta|quinta|sexta|(?:segunda|terça|quarta|quinta|sexta)-feira"
    r"|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica"
    r"|понедельник|вторник|среда|четверг|пятница|суббота|воскресенье"
)
_WEEKDAY = rf"(?:(?:{_WEEKDAYS}),?\s+)?"
#: After the day: "4th", "12." (German), "1er" (French), "1º" (Spanish, Portuguese).
_DAY_SUFFIX = r"(?:st|nd|rd|th|er|º|°|\.)?"
_MDY = rf"{_WEEKDAY}{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})"
_DMY = (
    rf"{_WEEKDAY}(?P<day>\d{{1,2}}){_DAY_SUFFIX}\s+(?:de\s+)?{_MONTH},?\s+(?:de\s+|del\s+)?"
    rf"(?P<year>\d{{4}})"
)
#: "14:30", "2:30 pm EDT", "14h30" (French, Portuguese), "14.30 Uhr".
_CLOCK = (
    r"(?P<hour>\d{1,2})(?::|\.|h)(?P<minute>\d{2})(?::(?P<second>\d{2}))?"
    r"\s*(?P<ampm>[ap]\.?\s?m\.?)?(?:\s*(?:uhr|h)\b)?"
    r"(?:\s*(?P<zone>[A-Z]{1,4}T?|UTC|GMT|Z)\b)?(?:\s*(?P<offset>[+-]\d{2}:?\d{2}))?"
)
#: Words between a date and its clock time: "at", "um", "à", "a las", "às", "alle", "ore", "в".
_AT = r"(?:at|um|à|a las|a la|às|alle|ore|в)"
#: A clock time after the date: "March 4, 2025 2:41 pm", "7 March 2025 · 14:05 GMT".
_TIME = rf"(?:\s*(?:,|/|--|-|–|\||·|•)?\s*(?:г\.|года)?\s*(?:,\s*)?(?:{_AT}\s+)?{_CLOCK})?"
#: A clock time before the date: "7:45 AM EDT, Mon March 10, 2025".
_TIME_FIRST = rf"{_CLOCK}\s*(?:,|/|on|-|–|\||·|•)?\s*"
#: A numeric date, day first: "12.03.2024" (any page), "12/03/2024" and "12-03-2024" (pages
#: whose language writes the day first, see ``numeric_dates``).
_DOTTED = r"(?<![\d.])(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>(?:19|20)\d{2})(?![\d.]\d)"
_SLASHED = (
    r"(?<![\d/.-])(?P<day>\d{1,2})[/-](?P<month>\d{1,2})[/-](?P<year>(?:19|20)\d{2})(?![\d/-])"
)
_TEXT_DATE_RES = [
    *(re.compile(_TIME_FIRST + p, re.I) for p in (_MDY, _DMY)),
    *(re.compile(p + _TIME, re.I) for p in (_MDY, _DMY)),
]
_DOTTED_RE = re.compile(_DOTTED + _TIME, re.I)
_SLASHED_RE = re.compile(_SLASHED + _TIME, re.I)

#: Whether slashed numeric dates are read, and day first: set per page by ``numeric_dates``
#: (an English page's "03/12/2024" is month first, a French page's day first; unknown: unread).
_DAY_FIRST: ContextVar[bool] = ContextVar("day_first", default=False)


@contextmanager
def numeric_dates(day_first: bool) -> Iterator[None]:
    """Read "12/03/2024" as 12 March while the block runs (a page whose language writes the day
    first); without it, slashed dates stay unread as before (their order is not known)."""
    token = _DAY_FIRST.set(day_first)
    try:
        yield
    finally:
        _DAY_FIRST.reset(token)


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


#: Every date form here has a four-digit year: a line without one is passed over at once (the
#: month and weekday names of nine languages make the full patterns slow to search).
_YEAR_RE = re.compile(r"\d{4}")


def find_datetime(text: str) -> tuple[str, re.Match[str]] | None:
    """The first date (with time and zone when given) in ``text``, as ISO text, and its match."""
    if not _YEAR_RE.search(text):
        return None
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
    found.extend(_numeric(text))
    if not found:
        return None
    _, _, value, match = min(found, key=lambda item: item[:2])  # earliest, then longest
    return value, match


#: A clock whose hour and minute are set apart as clocks are: "14:30", "14h30".
_SEPARATED = re.compile(r"\d(?::|h)\d").search


def _numeric(text: str) -> list[tuple[int, int, str, re.Match[str]]]:
    """Day-first numeric dates in ``text`` (slashed ones only under ``numeric_dates``)."""
    patterns = [_DOTTED_RE, _SLASHED_RE] if _DAY_FIRST.get() else [_DOTTED_RE]
    found: list[tuple[int, int, str, re.Match[str]]] = []
    for pattern in patterns:
        match = pattern.search(text)
        if not match:
            continue
        d = _safe_date(int(match["year"]), int(match["month"]), int(match["day"]))
        value = _format(d, match) if d else None
        if value:
            found.append((match.start(), -len(match[0]), value, match))
    return found


def _clock(text: str) -> re.Match[str] | None:
    match = _CLOCK_RE.search(text)
    if not match or not (match["ampm"] or match["zone"] or match["offset"] or _SEPARATED(match[0])):
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


#: What may stand beside a date on a date line: separators, "at", "on", "le" (French), "am"
#: (German), "el" (Spanish), "em" (Portuguese), "il" (Italian), "г." / "года" (Russian).
_DATE_LINE_LEFTOVER_RE = re.compile(
    r"^[\s,./|–—:-]*(?:at|on|le|am|el|em|il|г\.?|года)?[\s,./|–—:-]*$", re.I
)


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
