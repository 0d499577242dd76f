"""Page times as text → ``datetime``: the one parser every reader of stored times uses.

Stored times are ISO text as the page gave them: a day (``2025-03-13``), a wall-clock time
(``2025-03-13T14:20``) or a zoned one (``2025-03-13T14:20:00-04:00``). Listings and the front
page compare them as the page printed them (wall clock, zone dropped); :class:`When` keeps
whether the page gave a time at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


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
