"""Relative times the way news sites print them: "6m ago", "7 hours ago", "1 day ago", "Nov. 2".

The reference ("now") is given by the caller: the newest page in the store by default, so a
crawl read a year later still says "7 hours ago" about the page seven hours older than its
newest one. Past a week (or for a time after "now") the date is printed instead, AP style.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from newsloom.front.clock import When
from newsloom.render.dates import day_text

#: Older than this, a page gets its date rather than "N days ago".
ABSOLUTE_AFTER = timedelta(days=7)


def relative_time(when: When | None, now: datetime) -> str:
    """``when`` relative to ``now``: "just now", "6m ago", "1 hour ago", "3 days ago", "Nov. 2".

    A bare date (no time printed) is said in days: "today", "yesterday", "3 days ago". Unknown
    times are "—".
    """
    if when is None:
        return "—"
    if not when.has_time:
        return _days(when.at, now)
    delta = now - when.at
    if delta < timedelta(0) or delta >= ABSOLUTE_AFTER:
        return _date(when.at, now)
    minutes = int(delta.total_seconds() // 60)
    if minutes < 1:
        return "just now"
    if minutes < 60:
        return f"{minutes}m ago"
    hours = minutes // 60
    if hours < 24:
        return f"{hours} hour{'s' if hours != 1 else ''} ago"
    days = hours // 24
    return f"{days} day{'s' if days != 1 else ''} ago"


def _days(at: datetime, now: datetime) -> str:
    days = (now.date() - at.date()).days
    if days < 0 or days >= ABSOLUTE_AFTER.days:
        return _date(at, now)
    return {0: "today", 1: "yesterday"}.get(days, f"{days} days ago")


def _date(at: datetime, now: datetime) -> str:
    return day_text(at.date(), year=at.year != now.year)
