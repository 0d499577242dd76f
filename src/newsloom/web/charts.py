"""Chart geometry for the story page, computed here and drawn as inline SVG by the templates.

No JavaScript and no chart library: each chart is a small typed object of coordinates and
labels, so the drawing is testable and prints the same as it shows.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from newsloom.fuse import sort_key
from newsloom.model import Article, SourceCoverage, TimelineEntry
from newsloom.render.dates import day_text, human_date, month_text
from newsloom.when import to_datetime

#: Drawing size in SVG user units (the SVG scales to the page width).
WIDTH = 1120
LABEL_WIDTH = 170
ROW_HEIGHT = 22
AXIS_HEIGHT = 26
PAD = 14
#: Ticks on a time axis, about.
TICKS = 6
#: Width of one character of an axis label, in units of its font size (the system sans fonts
#: the stylesheet names average 0.5–0.56 em; the wider is assumed so labels never collide).
CHAR_EM = 0.56
#: Space kept between two axis labels, in SVG units.
LABEL_GAP = 10


@dataclass(frozen=True, slots=True)
class Layout:
    """A chart's drawing: the wide one for screens and print, the narrow one for phones.

    An SVG scales to its box, text included: the 1,120-unit drawing on a 390-pixel phone would
    print its labels at a third of their size. So the page carries both drawings and the
    stylesheet shows one (the narrow one's labels sit above each row, not beside it).
    """

    name: str
    width: int
    label_width: int  # the column of row labels left of the plot (0: labels above each row)
    row_height: int
    ticks: int
    font: float  # axis labels, SVG units

    def text_width(self, text: str) -> float:
        return len(text) * self.font * CHAR_EM


WIDE = Layout("wide", WIDTH, LABEL_WIDTH, ROW_HEIGHT, TICKS, 11)
NARROW = Layout("narrow", 420, 0, 36, 3, 13)


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
    label_y: float = 0.0


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
    layout: str = "wide"
    label_x: float = LABEL_WIDTH - 10
    label_anchor: str = "end"


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


def _ticks(scale: _Scale, layout: Layout, days_only: bool = False) -> list[Tick]:
    span = scale.hi - scale.lo
    if span <= timedelta(0):
        ticks = [Tick(scale.x(scale.lo), _label(scale.lo, timedelta(days=2), days_only))]
    else:
        step = span / (layout.ticks - 1)
        ticks = [
            Tick(scale.x(scale.lo + step * i), _label(scale.lo + step * i, span, days_only))
            for i in range(layout.ticks)
        ]
    return _spaced([_fitted(t, layout) for t in ticks], layout)


def _fitted(tick: Tick, layout: Layout) -> Tick:
    """Anchor a label so it stays inside the drawing: one centred on a tick near an edge would
    be cut in half (the last tick's date used to end mid-word)."""
    half = layout.text_width(tick.label) / 2
    if tick.x + half > layout.width - 2:
        return Tick(tick.x, tick.label, "end")
    if tick.x - half < 2:
        return Tick(tick.x, tick.label, "start")
    return tick


def _extent(tick: Tick, layout: Layout) -> tuple[float, float]:
    size = layout.text_width(tick.label)
    left = {"start": tick.x, "end": tick.x - size}.get(tick.anchor, tick.x - size / 2)
    return left, left + size


def _spaced(ticks: list[Tick], layout: Layout) -> list[Tick]:
    """Leave out a label that would overlap the one before it (its point keeps its hover
    title); the last label wins over the one before it, so the axis always shows its end."""
    kept: list[Tick] = []
    for tick in ticks:
        if kept and _extent(tick, layout)[0] - _extent(kept[-1], layout)[1] < LABEL_GAP:
            if tick is not ticks[-1] or len(kept) == 1:
                continue
            kept.pop()
        kept.append(tick)
    return kept


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
    sources: Sequence[SourceCoverage],
    articles: dict[str, Article],
    copies: set[str],
    layout: Layout = WIDE,
) -> TimeStrip:
    """One row per outlet (first publication first), one dot per article at its time."""
    times = {a.id: w for a in articles.values() if (w := to_datetime(a.date_key))}
    undated = [s.name for s in sources if not any(a in times for a in s.articles)]
    dated = [s for s in sources if s.name not in undated]
    if not times:
        return TimeStrip(layout.width, 0, [], [], undated, layout=layout.name)
    above = layout.label_width == 0  # the narrow drawing: each outlet's name over its row
    plot_left = PAD if above else layout.label_width
    scale = _Scale(min(times.values()), max(times.values()), plot_left + PAD, layout.width - PAD)
    rows = [_strip_row(source, i, times, copies, scale, layout) for i, source in enumerate(dated)]
    axis_y = PAD + layout.row_height * len(dated) + 4
    return TimeStrip(
        width=layout.width,
        height=int(axis_y + AXIS_HEIGHT),
        rows=rows,
        ticks=_ticks(scale, layout),
        undated=undated,
        plot_left=plot_left,
        axis_y=axis_y,
        layout=layout.name,
        label_x=plot_left if above else plot_left - 10,
        label_anchor="start" if above else "end",
    )


def _strip_row(
    source: SourceCoverage,
    i: int,
    times: dict[str, datetime],
    copies: set[str],
    scale: _Scale,
    layout: Layout,
) -> StripRow:
    above = layout.label_width == 0
    top = PAD + layout.row_height * i
    y = top + (layout.row_height - 8 if above else layout.row_height / 2)
    dots = [
        Dot(
            x=scale.x(times[a]),
            article=a,
            label=f"{source.name} · {times[a]:%Y-%m-%d %H:%M}"
            + (" · copy of a wire report" if a in copies else ""),
            copy=a in copies,
            first=times[a] == scale.lo,
            r=6.0 if above else 5.0,
        )
        for a in source.articles
        if a in times
    ]
    xs = [d.x for d in dots]
    return StripRow(
        y=y,
        outlet=source.name,
        independent=source.independent,
        first=any(d.first for d in dots),
        dots=dots,
        x_from=min(xs),
        x_to=max(xs),
        label_y=top + 12 if above else y + 4,
    )


# ---------------------------------------------------------------------------- timeline


@dataclass(frozen=True, slots=True)
class TimelinePoint:
    x: float
    date: str
    n_entries: int
    n_articles: int
    r: float
    label: str
    y: float = 0.0  # the dot's centre: dates too close to share a line stack upwards


@dataclass(frozen=True, slots=True)
class TimelineChart:
    """Dated statements on a calendar axis; a larger dot means more reports of that date."""

    width: int
    height: int
    axis_y: float
    points: list[TimelinePoint]
    ticks: list[Tick]
    layout: str = "wide"


#: Height of the timeline drawing with one line of dots; each further line adds LANE_HEIGHT.
TIMELINE_HEIGHT = 92
#: Up to this many dates, each dated point gets its own axis label.
TIMELINE_DATE_TICKS = 8
#: Largest dot radius, and the rise from one line of dots to the next.
MAX_RADIUS = 14.0
LANE_HEIGHT = 2 * MAX_RADIUS + 4
#: Lines of dots at most; beyond it dots may overlap (their table rows do not).
MAX_LANES = 4
#: Space kept between two dots on one line, in SVG units.
DOT_GAP = 3.0


def _when(value: str) -> datetime | None:
    """Where a timeline date sits on the axis: a day or month as itself, a week at its Monday."""
    return to_datetime(value) or to_datetime(sort_key(value))


def _lanes(points: list[tuple[float, float]]) -> list[int]:
    """A line for each dot (``(x, r)``), the lowest where it overlaps no dot already placed:
    dates a day apart on a month-long axis would otherwise sit on top of each other."""
    ends: list[float] = []  # the right edge of the last dot on each line
    lanes = [0] * len(points)
    for i in sorted(range(len(points)), key=lambda i: points[i][0]):
        x, r = points[i]
        lane = next((k for k, end in enumerate(ends) if end + DOT_GAP <= x - r), len(ends))
        if lane >= MAX_LANES:
            lane = min(range(len(ends)), key=lambda k: ends[k])
        if lane == len(ends):
            ends.append(x + r)
        else:
            ends[lane] = max(ends[lane], x + r)
        lanes[i] = lane
    return lanes


def timeline_chart(entries: Sequence[TimelineEntry], layout: Layout = WIDE) -> TimelineChart | None:
    by_date: dict[str, list[TimelineEntry]] = defaultdict(list)
    for entry in entries:
        if _when(entry.date):
            by_date[entry.date].append(entry)
    if not by_date:
        return None
    whens = {d: w for d in by_date if (w := _when(d))}
    lo, hi = min(whens.values()), max(whens.values())
    if lo == hi:
        lo, hi = lo - timedelta(days=1), hi + timedelta(days=1)
    scale = _Scale(lo, hi, PAD + 30, layout.width - PAD - 30)
    days = sorted(by_date.items())
    sized = [
        (scale.x(whens[d]), min(4.0 + 2.0 * _n_articles(items), MAX_RADIUS)) for d, items in days
    ]
    lanes = _lanes(sized)
    height = TIMELINE_HEIGHT + LANE_HEIGHT * max(lanes)
    axis_y = height - AXIS_HEIGHT
    points = [
        TimelinePoint(
            x=x,
            date=day,
            n_entries=len(items),
            n_articles=_n_articles(items),
            r=r,
            label=f"{human_date(day)}: {len(items)} statement(s), {_n_articles(items)} report(s)",
            y=axis_y - 30 - LANE_HEIGHT * lane,
        )
        for (day, items), (x, r), lane in zip(days, sized, lanes, strict=True)
    ]
    if len(points) <= TIMELINE_DATE_TICKS:
        ordered = sorted(points, key=lambda p: p.x)
        ticks = _spaced([_fitted(Tick(p.x, human_date(p.date)), layout) for p in ordered], layout)
    else:
        ticks = _ticks(scale, layout, days_only=True)
    return TimelineChart(layout.width, int(height), axis_y, points, ticks, layout.name)


def _n_articles(items: list[TimelineEntry]) -> int:
    return len({a for e in items for a in e.articles})
