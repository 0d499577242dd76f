"""Reading dates and windows: the one place the front page turns text into ``datetime``."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from newsloom.when import When, parse_when

__all__ = [
    "DEFAULT_WINDOW",
    "MAX_WINDOW",
    "When",
    "parse_now",
    "parse_when",
    "parse_window",
    "window_text",
]

_WINDOW = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(m|min|h|d|w)\s*$", re.I)
_UNIT = {"m": 60.0, "min": 60.0, "h": 3600.0, "d": 86400.0, "w": 7 * 86400.0}

#: The default window of Top Stories and Trending: the last day of the crawl.
DEFAULT_WINDOW = timedelta(hours=24)

#: The longest window anyone may ask for (bounds the rows one request reads).
MAX_WINDOW = timedelta(days=366)


#: The reference times a user may give ("now"): the front page counts back from them by up to
#: ``MAX_WINDOW`` times its baseline windows, which must stay a real date.
EARLIEST_NOW = datetime(1900, 1, 1)
LATEST_NOW = datetime(9000, 1, 1)


def parse_window(text: str) -> timedelta:
    """``"24h"``, ``"90m"``, ``"7d"``, ``"2w"`` → a ``timedelta``; ValueError otherwise."""
    match = _WINDOW.match(text)
    if not match:
        raise ValueError(f"a window is a number and a unit (90m, 24h, 7d, 2w), not {text!r}")
    seconds = float(match[1]) * _UNIT[match[2].lower()]
    if not 60 <= seconds <= MAX_WINDOW.total_seconds():  # before timedelta() can overflow
        raise ValueError(f"a window is between 1m and {MAX_WINDOW.days}d, not {text!r}")
    return timedelta(seconds=seconds)


def parse_now(text: str) -> datetime:
    """A reference time given by a user (ISO date or time) → wall-clock ``datetime``.

    ValueError for anything else, and for times outside ``EARLIEST_NOW``–``LATEST_NOW``.
    """
    when = parse_when(text)
    if when is None:
        raise ValueError(f"an ISO date or time (2025-03-13 or 2025-03-13T14:20), not {text!r}")
    if not EARLIEST_NOW <= when.at <= LATEST_NOW:
        first, last = EARLIEST_NOW.year, LATEST_NOW.year
        raise ValueError(f"a time between the years {first} and {last}, not {text!r}")
    return when.at


def window_text(window: timedelta) -> str:
    """A window as a user would type it: ``24h``, ``7d``, ``2w``, ``90m``."""
    seconds = int(window.total_seconds())
    day = 86400
    if seconds % (7 * day) == 0 and seconds >= 14 * day:
        return f"{seconds // (7 * day)}w"
    if seconds % day == 0 and seconds >= 2 * day:
        return f"{seconds // day}d"
    if seconds % 3600 == 0 and seconds >= 3600:
        return f"{seconds // 3600}h"
    return f"{max(1, seconds // 60)}m"
