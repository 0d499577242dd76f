"""Top Stories: stories ranked by independent reports in a window, then by recency.

An **independent report** is a page that is not a later copy of another page: each copy group
(``Story.copy_groups``) counts once, by its earliest page, and every page in no copy group counts
for itself. That is the dossier's "N independent reports" (``len(articles) - copies``). A report
is dated by its earliest page, and counts for the window when that page falls in it
(``now - window < page <= now``): a wire story republished three times is one report, and an
old report republished today is not news of today.

Order: more reports in the window first; then the newer newest page in the window; then the
story id (stable). Copies never raise a story's rank, so the most-copied wire story cannot
outrank a story more outlets reported on their own.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from newsloom.store import PageMark as PageMark


@dataclass(frozen=True, slots=True)
class Ranked:
    story: str
    reports: int  # independent reports with a page in the window
    pages: int  # pages of those reports, copies included
    newest: datetime  # the newest of those reports


def top_stories(
    pages: Iterable[PageMark], now: datetime, window: timedelta, limit: int = 10
) -> list[Ranked]:
    """The ``limit`` stories with the most independent reports in ``(now - window, now]``."""
    first: dict[tuple[str, str], datetime] = {}
    size: dict[tuple[str, str], int] = {}
    for page in pages:
        key = (page.story, page.report)
        size[key] = size.get(key, 0) + page.pages
        if key not in first or page.at < first[key]:
            first[key] = page.at
    since = now - window
    found: dict[str, Ranked] = {}
    for (story, report), at in first.items():
        if not since < at <= now:
            continue
        old = found.get(story, Ranked(story, 0, 0, at))
        n = size[(story, report)]
        found[story] = Ranked(story, old.reports + 1, old.pages + n, max(old.newest, at))
    ranked = sorted(found.values(), key=lambda r: r.story)
    ranked.sort(key=lambda r: (r.reports, r.newest), reverse=True)
    return ranked[: max(0, limit)]
