"""Page times as text → ``datetime``: the one parser every reader of stored times uses.

Stored times are ISO text as the page gave them: a day (``2025-03-13``), a wall-clock time
(``2025-03-13T14:20``) or a zoned one (``2025-03-13T14:20:00-04:00``). Listings and the front
page compare them as the page printed them (wall clock, zone dropped); :class:`When` keeps
whether the page gave a time at all. A page's naive stamp takes the zone of its other stamp
(``with_page_zone``, in the clean stage), and "who published first" compares instants when every
time is zoned (``time_order``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime


@dataclass(frozen=True, slots=True)
class When:
    """A page time as printed: wall-clock ``at`` (zone dropped) and whether it had a time."""

    at: datetime
    has_time: bool

    @property
    def key(self) -> str:
        """Sortable text: ``2025-03-13T14:20:00`` or, for a bare date, ``2025-03-13``."""
        return (
            self.at.isoformat(timespec="seconds") if self.has_time else self.at.date().isoformat()
        )


def parse_when(value: str | None) -> When | None:
    """An ISO date or date-time (``2025-03-13``, ``2025-03-13T14:20:00-04:00``), or None."""
    if not value:
        return None
    text = value.strip()
    try:
        at = datetime.fromisoformat(text)
    except ValueError:
        return None
    return When(at.replace(tzinfo=None), has_time=len(text) > 10)


def to_datetime(value: str | None) -> datetime | None:
    """``parse_when`` for charts and spans: also a bare year or month (``2025``, ``2025-03``,
    taken as its first day), as a naive wall-clock datetime; None for anything else."""
    if not value:
        return None
    text = value.strip()
    for size, pad in ((4, "-01-01"), (7, "-01")):
        if len(text) == size:
            text += pad
    found = parse_when(text)
    return found.at if found else None


def zone_of(value: str | None) -> str | None:
    """The UTC offset a stamp is written with (``-04:00``, ``+00:00``), or None for a day or a
    wall-clock time without one."""
    if not value or len(value.strip()) <= 10:
        return None
    try:
        at = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return at.isoformat()[-6:] if at.utcoffset() is not None else None


def with_page_zone(published: str | None, updated: str | None) -> tuple[str | None, str | None]:
    """A page's two stamps in one zone: a wall-clock time without an offset gets the offset the
    page's other stamp is written with (a page prints its times in one zone; its markup may
    give ``datePublished`` zoned and ``dateModified`` not). A stamp no other stamp on the page
    zones stays as it is: the page's local time, zone unknown (``docs/json-schema.md``)."""
    zone = zone_of(published) or zone_of(updated)
    if zone is None:
        return published, updated
    return _zoned(published, zone), _zoned(updated, zone)


def _zoned(value: str | None, zone: str) -> str | None:
    """``value`` with ``zone`` when it is a time without an offset; anything else unchanged."""
    if not value or len(value.strip()) <= 10 or zone_of(value) is not None:
        return value
    try:
        at = datetime.fromisoformat(value.strip())
    except ValueError:
        return value
    return at.isoformat(timespec="minutes" if at.second == 0 else "seconds") + zone


def time_order(values: Iterable[str | None]) -> Callable[[str | None], str]:
    """A sort key for comparing these stamps: the instant (UTC) when every stamp with a time
    states its zone — two outlets in different zones are ordered by when they published, not by
    their clocks — else the wall clock as printed (a local time of unknown zone cannot be put
    on one line with a zoned one); missing stamps sort last."""
    timed = [v for v in values if v and len(v.strip()) > 10]
    if timed and all(zone_of(v) for v in timed):
        return _instant_key
    return _wall_key


def _wall_key(value: str | None) -> str:
    return value or "9999"


def _instant_key(value: str | None) -> str:
    if not value:
        return "9999"
    try:
        at = datetime.fromisoformat(value.strip())
    except ValueError:
        return value
    if at.utcoffset() is None:
        return value
    return at.astimezone(UTC).replace(tzinfo=None).isoformat()
