"""Trending: what rises most against its own recent baseline, not what is always there.

A **mention** is one independent report (copies count once, see ``rank.py``) that names an
entity, or whose headline holds a key phrase. Time is cut into windows ending at ``now``:
window 0 is ``(now - W, now]``, window k is ``(now - (k+1)W, now - kW]``. For each key:

- ``count`` = reports mentioning it in window 0;
- ``baseline`` = its mean count per window over windows 1..``BASELINE_WINDOWS``, using only the
  windows that overlap the crawl (a store that starts two days ago has a two-window baseline,
  not a week of zeros);
- ``rise`` = ``(count + PRIOR) / (baseline + PRIOR)``, a ratio smoothed so that one report more
  than nothing is not a trend.

A key trends when ``count >= MIN_COUNT`` and ``rise >= MIN_RISE``; the trends are ordered by
rise, then count, then key, and at most ``PER_STORY`` of them may have the same lead story (the
one holding most of its reports), so the names of one event do not fill the list.

An entity named at a steady rate every day has ``rise`` about 1 and never trends, however often
it is named. On the first window of a crawl there is no baseline: everything named in
``MIN_COUNT`` reports trends, which is the honest answer with no history.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from newsloom.store import MentionMark as MentionMark

#: Windows before the current one that make the baseline (a week of days by default).
BASELINE_WINDOWS = 7

#: Reports needed in the current window: one report is news, not a trend.
MIN_COUNT = 2

#: Smoothing added to both sides of the ratio: with no history, 2 reports rise 3x, 1 rises 2x.
PRIOR = 1.0

#: Trends that may share a lead story: the event's two most-risen names, then other events.
PER_STORY = 2

#: How much above its own baseline a key must be. 2x: a key at its usual rate is about 1x;
#: judged on the synthetic day series in tests/test_front.py, not tuned on a corpus.
MIN_RISE = 2.0


@dataclass(frozen=True, slots=True)
class Trend:
    kind: str
    key: str
    name: str
    count: int  # reports in the current window
    baseline: float  # mean reports per window before it
    rise: float
    stories: list[str] = field(default_factory=list)  # stories of the current window, most first


@dataclass(slots=True)
class _Tally:
    name: str
    windows: dict[int, set[str]] = field(default_factory=lambda: defaultdict(set))
    stories: dict[str, int] = field(default_factory=lambda: defaultdict(int))


def trending(
    mentions: Iterable[MentionMark],
    now: datetime,
    window: timedelta,
    start: datetime | None = None,
    limit: int = 10,
) -> list[Trend]:
    """Keys whose reports in ``(now - window, now]`` rise most over their baseline.

    ``start`` is the oldest page of the crawl (None: every baseline window counts).
    """
    tallies: dict[tuple[str, str], _Tally] = {}
    for m in mentions:
        k = _window_of(m.at, now, window)
        if k is None:
            continue
        tally = tallies.setdefault((m.kind, m.key), _Tally(m.name))
        tally.windows[k].add(m.report)
        if k == 0:
            tally.stories[m.story] += 1
    history = _baseline_windows(now, window, start)
    trends = [_trend(kind, key, t, history) for (kind, key), t in tallies.items()]
    found = [t for t in trends if t.count >= MIN_COUNT and t.rise >= MIN_RISE]
    found.sort(key=lambda t: (-t.rise, -t.count, t.kind, t.key))
    return _spread(found)[: max(0, limit)]


def _spread(found: list[Trend]) -> list[Trend]:
    """Keep at most ``PER_STORY`` trends per lead story, in order."""
    seen: dict[str, int] = defaultdict(int)
    kept = []
    for trend in found:
        lead = trend.stories[0] if trend.stories else ""
        if seen[lead] < PER_STORY:
            seen[lead] += 1
            kept.append(trend)
    return kept


def _window_of(at: datetime, now: datetime, window: timedelta) -> int | None:
    if at > now:
        return None
    k = (now - at) // window  # window k holds ages in [kW, (k+1)W)
    return k if k <= BASELINE_WINDOWS else None


def _baseline_windows(now: datetime, window: timedelta, start: datetime | None) -> int:
    """How many of windows 1..BASELINE_WINDOWS overlap the crawl (end at or after ``start``)."""
    if start is None:
        return BASELINE_WINDOWS
    return sum(1 for k in range(1, BASELINE_WINDOWS + 1) if now - k * window >= start)


def _trend(kind: str, key: str, tally: _Tally, history: int) -> Trend:
    count = len(tally.windows.get(0, ()))
    before = sum(len(r) for k, r in tally.windows.items() if 1 <= k <= history)
    baseline = before / history if history else 0.0
    stories = sorted(tally.stories, key=lambda s: (-tally.stories[s], s))
    rise = (count + PRIOR) / (baseline + PRIOR)
    return Trend(kind, key, tally.name, count, round(baseline, 2), round(rise, 2), stories)
