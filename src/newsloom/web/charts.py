"""Chart geometry for the story page, computed here and drawn as inline SVG by the templates.

No JavaScript and no chart library: each chart is a small typed object of coordinates and
labels, so the drawing is testable and prints the same as it shows.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from newsloom.fuse.timeline import sort_key
from newsloom.model import Article, SourceCoverage, TimelineEntry
from newsloom.render.dates import day_text, human_date, month_text
from newsloom.web.text import parse_when

#: Drawing size in SVG user units (the SVG scales to the page width).
WIDTH = 1120
LABEL_WIDTH = 170
ROW_HEIGHT = 22
AXIS_HEIGHT = 26
PAD = 14
#: Ticks on a time axis, about.
TICKS = 6


@dataclass(frozen=True, slots=True)
class Tick:
    x: float
    label: str
    anchor: str = "middle"


@dataclass(frozen=True, slots=True)
class Dot:
    x: float
    article: str
    label: str
    copy: bool = False
    first: bool = False
    r: float = 5.0


@dataclass(frozen=True, slots=True)
class StripRow:
    y: float
    outlet: str
    independent: bool
    first: bool
    dots: list[Dot] = field(default_factory=list)
    x_from: float = 0.0
    x_to: float = 0.0


@dataclass(frozen=True, slots=True)
class TimeStrip:
    """Outlets (rows) against publication time: who was first, who followed, who copied."""

    width: int
    height: int
    rows: list[StripRow]
    ticks: list[Tick]
    undated: list[str]
    plot_left: int = LABEL_WIDTH
    axis_y: float = 0.0


@dataclass(frozen=True, slots=True)
class _Scale:
    lo: datetime
    hi: datetime
    left: float
    right: float

    def x(self, when: datetime) -> float:
        span = (self.hi - self.lo).total_seconds()
        if span <= 0:
            return (self.left + self.right) / 2
        return self.left + (when - self.lo).total_seconds() / span * (self.right - self.left)


def _ticks(scale: _Scale, days_only: bool = False) -> list[Tick]:
    span = scale.hi - scale.lo
    if span <= timedelta(0):
        return [Tick(scale.x(scale.lo), _label(scale.lo, timedelta(days=2), days_only))]
    step = span / (TICKS - 1)
    return [
        Tick(scale.x(scale.lo + step * i), _label(scale.lo + step * i, span, days_only))
        for i in range(TICKS)
    ]


def _label(when: datetime, span: timedelta, days_only: bool = False) -> str:
    """A tick's label, in words (``render.dates``) at the precision the axis's span needs."""
    if span <= timedelta(days=1) and not days_only:
        return when.strftime("%H:%M")
    if span <= timedelta(days=4) and not days_only:
        return f"{day_text(when.date(), year=False)} {when:%H:%M}"
    if span <= timedelta(days=400):
        return day_text(when.date())
    return month_text(when.year, when.month)


def time_strip(
    sources: Sequence[SourceCoverage], articles: dict[str, Article], copies: set[str]
) -> TimeStrip:
    """One row per outlet (first publication first), one dot per article at its time."""
    times = {a.id: w for a in articles.values() if (w := parse_when(a.date_key))}
    undated = [s.name for s in sources if not any(a in times for a in s.articles)]
    dated = [s for s in sources if s.name not in undated]
    height = AXIS_HEIGHT + PAD + ROW_HEIGHT * max(1, len(dated))
    if not times:
        return TimeStrip(WIDTH, 0, [], [], undated)
    scale = _Scale(min(times.values()), max(times.values()), LABEL_WIDTH + PAD, WIDTH - PAD)
    first_time = scale.lo
    rows = []
    for i, source in enumerate(dated):
        dots = [
            Dot(
                x=scale.x(times[a]),
                article=a,
                label=f"{source.name} · {times[a]:%Y-%m-%d %H:%M}"
                + (" · copy of a wire report" if a in copies else ""),
                copy=a in copies,
                first=times[a] == first_time,
            )
            for a in source.articles
            if a in times
        ]
        xs = [d.x for d in dots]
        rows.append(
            StripRow(
                y=PAD + ROW_HEIGHT * i + ROW_HEIGHT / 2,
                outlet=source.name,
                independent=source.independent,
                first=any(d.first for d in dots),
                dots=dots,
                x_from=min(xs),
                x_to=max(xs),
            )
        )
    axis_y = PAD + ROW_HEIGHT * len(dated) + 4
    return TimeStrip(WIDTH, height, rows, _ticks(scale), undated, axis_y=axis_y)


# ---------------------------------------------------------------------------- timeline


@dataclass(frozen=True, slots=True)
class TimelinePoint:
    x: float
    date: str
    n_entries: int
    n_articles: int
    r: float
    label: str


@dataclass(frozen=True, slots=True)
class TimelineChart:
    """Dated statements on a calendar axis; a larger dot means more reports of that date."""

    width: int
    height: int
    axis_y: float
    points: list[TimelinePoint]
    ticks: list[Tick]


TIMELINE_HEIGHT = 92
#: Up to this many dates, each dated point gets its own axis label.
TIMELINE_DATE_TICKS = 8


#: Axis labels closer than this (in SVG units) would overlap; the later one is left out (the
#: point keeps its hover title). An ISO date at the chart's font is about 64 units wide.
MIN_LABEL_GAP = 72


def _spaced(ticks: list[Tick]) -> list[Tick]:
    kept: list[Tick] = []
    for tick in ticks:
        if not kept or tick.x - kept[-1].x >= MIN_LABEL_GAP:
            kept.append(tick)
    return kept


def _when(value: str) -> datetime | None:
    """Where a timeline date sits on the axis: a day or month as itself, a week at its Monday."""
    return parse_when(value) or parse_when(sort_key(value))


def timeline_chart(entries: Sequence[TimelineEntry]) -> TimelineChart | None:
    by_date: dict[str, list[TimelineEntry]] = defaultdict(list)
    for entry in entries:
        if _when(entry.date):
            by_date[entry.date].append(entry)
    if not by_date:
        return None
    whens = {d: _when(d) for d in by_date}
    lo = min(w for w in whens.values() if w)
    hi = max(w for w in whens.values() if w)
    if lo == hi:
        lo, hi = lo - timedelta(days=1), hi + timedelta(days=1)
    scale = _Scale(lo, hi, PAD + 30, WIDTH - PAD - 30)
    axis_y = TIMELINE_HEIGHT - AXIS_HEIGHT
    points = []
    for day, items in sorted(by_date.items()):
        when = whens[day]
        assert when is not None
        n_articles = len({a for e in items for a in e.articles})
        points.append(
            TimelinePoint(
                x=scale.x(when),
                date=day,
                n_entries=len(items),
                n_articles=n_articles,
                r=min(4.0 + 2.0 * n_articles, 14.0),
                label=f"{human_date(day)}: {len(items)} statement(s), {n_articles} report(s)",
            )
        )
    if len(points) <= TIMELINE_DATE_TICKS:
        ticks = _spaced([Tick(p.x, human_date(p.date)) for p in points])
    else:
        ticks = _ticks(scale, days_only=True)
    return TimelineChart(WIDTH, TIMELINE_HEIGHT, axis_y, points, ticks)
