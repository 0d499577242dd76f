"""The coverage-over-time page (``/coverage``): the whole store's volume by day, week or month,
and per outlet (its reports, the copies it printed, the stories it was first to publish) and
per entity (the reports naming it).

Counts come from the store's one read method (``coverage_days``); here they are put in time
buckets and drawn as bars: plain SVG rectangles whose drawing stretches to any width (no text
inside, so nothing shrinks on a phone), with every number also in the table beside it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from urllib.parse import urlencode

from newsloom.render.counts import reports_copies
from newsloom.render.dates import day_text, month_text
from newsloom.store import CoverageDay
from newsloom.web.data import Catalog
from newsloom.web.pages import Chrome, chrome
from newsloom.web.text import pathpart

#: A span up to this many days is drawn day by day; up to WEEKS_UP_TO week by week; longer
#: spans month by month (about 90 bars at most before months: enough to see a trend, few
#: enough that a bar stays wider than a pixel on a phone).
DAYS_UP_TO = 92
WEEKS_UP_TO = 92 * 7
#: Rows of the outlet and entity tables: those with the most reports (the CSV has them all).
TOP_ROWS = 25
#: Width of one bar's slot and the height of the drawings, in SVG units.
STEP = 10
SPARK_HEIGHT = 24
VOLUME_HEIGHT = 120


@dataclass(frozen=True, slots=True)
class Bar:
    """One time bucket: independent reports at the bottom, copies stacked on top."""

    x: float
    width: float
    reports_y: float
    reports_h: float
    copies_y: float
    copies_h: float
    title: str


@dataclass(frozen=True, slots=True)
class Bars:
    width: int
    height: int
    bars: list[Bar]


@dataclass(frozen=True, slots=True)
class SeriesRow:
    """An outlet or an entity over the whole span."""

    key: str
    name: str
    href: str
    reports: int
    copies: int
    first: int
    peak: str  # the bucket with the most reports, in words
    bars: Bars

    @property
    def backing(self) -> str:
        return reports_copies(self.reports, self.copies)


@dataclass(frozen=True, slots=True)
class CoveragePage:
    chrome: Chrome
    since: str
    until: str
    unit: str  # "day" | "week" | "month"
    labels: list[str]  # each bucket, in words
    volume: Bars
    reports: int
    copies: int
    outlets: list[SeriesRow]
    entities: list[SeriesRow]
    more_outlets: int
    more_entities: int
    led: int  # the most stories one outlet published first (the scale of the "first" bars)
    notices: list[str] = field(default_factory=list)
    template: str = "coverage.html"

    @property
    def axis(self) -> list[str]:
        """First, middle and last bucket labels for the axis under the volume chart."""
        if len(self.labels) <= 2:
            return list(self.labels)
        return [self.labels[0], self.labels[len(self.labels) // 2], self.labels[-1]]

    @property
    def csv_url(self) -> str:
        kept = {k: v for k, v in (("from", self.since), ("to", self.until)) if v}
        return "/api/v1/coverage?" + urlencode({**kept, "format": "csv"})


def coverage_page(
    catalog: Catalog,
    since: date | None,
    until: date | None,
    notices: list[str] | None = None,
    upload: bool = False,
) -> CoveragePage:
    """The page for ``[since, until]``: built once per stories version and span (a store of
    100,000 pages takes seconds to count), then from memory with this request's chrome."""
    low = since.isoformat() if since else ""
    high = until.isoformat() if until else ""
    built = catalog.memo(("coverage_page", low, high), lambda: _build(catalog, low, high))
    return replace(
        built,
        chrome=chrome(catalog, "Coverage over time", "coverage", upload=upload),
        notices=list(notices or []),
    )


def _build(catalog: Catalog, low: str, high: str) -> CoveragePage:
    rows = catalog.coverage_days(low, high or "9999")
    unit, buckets = time_buckets({d for r in rows if (d := _day(r.day))})
    index = {b: i for i, b in enumerate(buckets)}
    labels = [_label(b, unit) for b in buckets]
    outlets = _series(rows, "outlet", unit, index, labels)
    entities = _series(rows, "entity", unit, index, labels)
    total = _slots([r for r in rows if r.kind == "outlet"], unit, index)
    return CoveragePage(
        chrome=chrome(catalog, "Coverage over time", "coverage"),
        since=low,
        until=high,
        unit=unit,
        labels=labels,
        volume=_bars(total, labels, max(_peak(total), 1), VOLUME_HEIGHT),
        reports=sum(r for r, _ in total),
        copies=sum(c for _, c in total),
        outlets=outlets[:TOP_ROWS],
        entities=entities[:TOP_ROWS],
        more_outlets=max(0, len(outlets) - TOP_ROWS),
        more_entities=max(0, len(entities) - TOP_ROWS),
        led=max((o.first for o in outlets), default=0),
    )


# ------------------------------------------------------------------------------ buckets


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def time_buckets(days: Iterable[date]) -> tuple[str, list[date]]:
    """The bucket size for the span of ``days`` ("day", "week" or "month") and the start of
    every bucket from the first day's to the last day's, empty ones included."""
    ordered = sorted(days)
    span = (ordered[-1] - ordered[0]).days + 1 if ordered else 0
    unit = "day" if span <= DAYS_UP_TO else "week" if span <= WEEKS_UP_TO else "month"
    return unit, _buckets(ordered, unit)


def _start(day: date, unit: str) -> date:
    if unit == "week":
        return day - timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    return day


def _buckets(days: Sequence[date], unit: str) -> list[date]:
    if not days:
        return []
    out, current, last = [], _start(days[0], unit), _start(days[-1], unit)
    while current <= last:
        out.append(current)
        current = _next(current, unit)
    return out


def _next(start: date, unit: str) -> date:
    if unit == "day":
        return start + timedelta(days=1)
    if unit == "week":
        return start + timedelta(days=7)
    return date(start.year + start.month // 12, start.month % 12 + 1, 1)


def _label(start: date, unit: str) -> str:
    if unit == "week":
        return f"week of {day_text(start)}"
    if unit == "month":
        return month_text(start.year, start.month)
    return day_text(start)


# ------------------------------------------------------------------------------- series

_Counts = list[tuple[int, int]]  # (reports, copies) per bucket


def _slots(rows: Iterable[CoverageDay], unit: str, index: dict[date, int]) -> _Counts:
    counts = [(0, 0)] * len(index)
    for r in rows:
        day = _day(r.day)
        if day is not None:
            i = index[_start(day, unit)]
            counts[i] = (counts[i][0] + r.reports, counts[i][1] + r.copies)
    return counts


def _series(
    rows: Sequence[CoverageDay], kind: str, unit: str, index: dict[date, int], labels: list[str]
) -> list[SeriesRow]:
    """One row per outlet (or entity), most reports first, all on one scale so they compare."""
    by_key: dict[str, list[CoverageDay]] = defaultdict(list)
    for r in rows:
        if r.kind == kind:
            by_key[r.key].append(r)
    slots = {k: _slots(days, unit, index) for k, days in by_key.items()}
    scale = max((_peak(s) for s in slots.values()), default=1) or 1
    out = []
    for key, days in by_key.items():
        counts = slots[key]
        best = max(range(len(counts)), key=lambda i: (counts[i][0], counts[i][1], -i))
        out.append(
            SeriesRow(
                key=key,
                name=days[0].name,
                href=_href(kind, key),
                reports=sum(d.reports for d in days),
                copies=sum(d.copies for d in days),
                first=sum(d.first for d in days),
                peak=labels[best] if counts else "",
                bars=_bars(counts, labels, scale, SPARK_HEIGHT),
            )
        )
    return sorted(out, key=lambda s: (-s.reports, -s.copies, s.name.lower()))


def _href(kind: str, key: str) -> str:
    if kind == "entity":
        return f"/entities/{pathpart(key)}"
    return "/stories?" + urlencode({"outlet": key})


def _peak(counts: _Counts) -> int:
    return max((r + c for r, c in counts), default=0)


def _bars(counts: _Counts, labels: list[str], scale: int, height: int) -> Bars:
    """Bars on a shared ``scale`` (the largest bucket of the table): a non-empty bucket keeps
    at least a sliver, so one report in a busy month still shows."""
    bars = []
    for i, (reports, copies) in enumerate(counts):
        if not reports and not copies:
            continue
        h_r = max(reports / scale * height, 1.5 if reports else 0.0)
        h_c = max(copies / scale * height, 1.5 if copies else 0.0)
        bars.append(
            Bar(
                x=i * STEP + 1,
                width=STEP - 2,
                reports_y=height - h_r,
                reports_h=h_r,
                copies_y=height - h_r - h_c,
                copies_h=h_c,
                title=f"{labels[i]}: {reports_copies(reports, copies)}",
            )
        )
    return Bars(max(1, len(counts)) * STEP, height, bars)
