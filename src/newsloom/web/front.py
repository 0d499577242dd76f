"""The front page (``/``): Top Stories, Latest Headlines and Trending, from the web index.

One assembly for every surface: the HTML page, ``/api/v1/top|latest|trending``, the Atom feeds
and the ``newsloom top|latest|trending`` commands all call :func:`top`, :func:`latest` and
:func:`trends` (the rules are in ``newsloom.front``). "Now" is the newest page in the store
unless the caller gives one, so an old crawl still has a front page. Answers are remembered per
index stamp (``Catalog.memo``): the default front page costs one dictionary look-up until the
stories change.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import quote, urlencode

from newsloom.front import (
    BASELINE_WINDOWS,
    DEFAULT_WINDOW,
    EARLIEST_NOW,
    LATEST_NOW,
    Trend,
    relative_time,
    top_stories,
    trending,
    window_text,
)
from newsloom.model import SCHEMA
from newsloom.render.atom import AtomEntry
from newsloom.store import FrontRow, OutletMark, slugify
from newsloom.web.data import Catalog
from newsloom.web.pages import Chrome
from newsloom.when import When, parse_when

#: Stories in each rail, and trends.
FRONT_SIZE = 10


@dataclass(frozen=True, slots=True)
class FrontStory:
    """A story on the front page."""

    id: str
    title: str | None
    section: str | None
    newest: str | None  # its newest page, wall-clock ISO (zone dropped)
    ago: str  # relative to the front page's "now": "7 hours ago", "Nov. 2"
    n_reports: int  # independent reports of the whole story, as on its dossier page
    in_window: int | None  # independent reports in the window (Top Stories only)
    n_articles: int
    outlets: list[OutletMark]
    lede: str | None

    @property
    def path(self) -> str:
        return "/stories/" + quote(self.id, safe="")


@dataclass(frozen=True, slots=True)
class TrendStory:
    id: str
    title: str | None


@dataclass(frozen=True, slots=True)
class TrendView:
    kind: str  # "entity" | "phrase"
    key: str
    name: str
    count: int  # independent reports in the window
    baseline: float  # mean per window over the windows before
    rise: float
    href: str  # its entity page, or the stories holding the phrase
    stories: list[TrendStory]


@dataclass(frozen=True, slots=True)
class Clock:
    """The reference of a front page: "now", the window, and where the crawl starts."""

    now: datetime | None
    start: datetime | None
    window: timedelta

    def since(self, windows: int = 1) -> str:
        assert self.now is not None
        return (self.now - windows * self.window).isoformat(timespec="seconds")

    @property
    def until(self) -> str:
        assert self.now is not None
        return self.now.isoformat(timespec="seconds")


def clock(catalog: Catalog, now: datetime | None, window: timedelta = DEFAULT_WINDOW) -> Clock:
    """``now`` (default: the newest page in the store) and the crawl's first report."""
    oldest, newest = catalog.crawl_span()
    first = parse_when(oldest)
    if now is None:
        found = parse_when(newest)
        now = found.at if found else None
    if now is not None:  # a page dated 0001-01-01 or 9999-12-31 must not overflow the windows
        now = min(max(now, EARLIEST_NOW), LATEST_NOW)
    return Clock(now, first.at if first else None, window)


def top(catalog: Catalog, ref: Clock, limit: int = FRONT_SIZE) -> list[FrontStory]:
    """Top Stories: most independent reports in the window, then most recent."""
    if ref.now is None:
        return []
    now = ref.now

    def make() -> list[FrontStory]:
        marks = catalog.report_marks(ref.since(), ref.until)
        ranked = top_stories(marks, now, ref.window, limit)
        rows = catalog.front_rows([r.story for r in ranked])
        return [_story(rows[r.story], now, r.reports) for r in ranked if r.story in rows]

    return catalog.memo(("top", now, ref.window, limit), make)


def latest(catalog: Catalog, ref: Clock, limit: int = FRONT_SIZE) -> list[FrontStory]:
    """Latest Headlines: stories by their newest page, newest first (none after "now")."""
    if ref.now is None:
        return []
    now = ref.now
    return [_story(row, now, None) for row in catalog.latest_rows(ref.until, limit)]


def trends(catalog: Catalog, ref: Clock, limit: int = FRONT_SIZE) -> list[TrendView]:
    """Entities and headline phrases rising most against their own baseline."""
    if ref.now is None:
        return []
    now = ref.now

    def make() -> list[TrendView]:
        marks = catalog.mention_marks(ref.since(BASELINE_WINDOWS + 1), ref.until)
        found = _distinct(trending(marks, now, ref.window, ref.start, limit * 3))[:limit]
        ids = sorted({s for t in found for s in t.stories[:3]})
        rows = catalog.front_rows(ids)
        return [_trend(t, rows) for t in found]

    return catalog.memo(("trending", now, ref.window, ref.start, limit), make)


def entity_stories(catalog: Catalog, ref: Clock, slug: str, limit: int) -> list[FrontStory]:
    """The newest stories naming entity ``slug`` (its feed)."""
    found, _ = catalog.entity_stories(slug, 0, limit)
    rows = catalog.front_rows([r.id for r, _ in found])
    now = ref.now or datetime(1970, 1, 1)
    stories = [_story(rows[r.id], now, None) for r, _ in found if r.id in rows]
    return sorted(stories, key=lambda s: (s.newest or "", s.id), reverse=True)


def _distinct(found: list[Trend]) -> list[Trend]:
    """Drop a phrase that is part of a trending entity's name ("ostrander furniture")."""
    names = [slugify(t.name) for t in found if t.kind == "entity"]
    return [
        t for t in found if t.kind == "entity" or not any(slugify(t.key) in name for name in names)
    ]


def _story(row: FrontRow, now: datetime, in_window: int | None) -> FrontStory:
    r = row.row
    return FrontStory(
        id=r.id,
        title=r.title,
        section=row.section,
        newest=row.newest,
        ago=relative_time(parse_when(row.newest), now),
        n_reports=r.n_reports,
        in_window=in_window,
        n_articles=r.n_articles,
        outlets=r.outlets,
        lede=row.lede,
    )


def _trend(t: Trend, rows: dict[str, FrontRow]) -> TrendView:
    if t.kind == "entity":
        href = "/entities/" + quote(t.key, safe="")
    else:
        href = "/stories?" + urlencode({"q": f'"{t.key}"'})
    stories = [TrendStory(s, rows[s].row.title) for s in t.stories[:3] if s in rows]
    return TrendView(t.kind, t.key, t.name, t.count, t.baseline, t.rise, href, stories)


# ---------------------------------------------------------------------------------- page


@dataclass(frozen=True, slots=True)
class FrontPage:
    """``/`` without list parameters: the three rails, and the stories filter form."""

    chrome: Chrome
    now: datetime | None
    window: str
    top: list[FrontStory]
    latest: list[FrontStory]
    trending: list[TrendView]
    outlets: list[tuple[str, int]]
    notices: list[str]
    template: str = "front.html"


def front_page(
    catalog: Catalog, chrome: Chrome, ref: Clock, notices: list[str] | None = None
) -> FrontPage:
    """The page: Latest Headlines skip the stories already under Top Stories."""
    found = top(catalog, ref)
    shown = {s.id for s in found}
    newest = [s for s in latest(catalog, ref, FRONT_SIZE + len(found)) if s.id not in shown]
    return FrontPage(
        chrome=chrome,
        now=ref.now,
        window=window_text(ref.window),
        top=found,
        latest=newest[:FRONT_SIZE],
        trending=trends(catalog, ref),
        outlets=catalog.outlets(),
        notices=notices or [],
    )


# ---------------------------------------------------------------------------------- JSON


def story_json(s: FrontStory) -> dict[str, Any]:
    """A front-page story in the API and ``--json``: the stories list's keys, and more."""
    data: dict[str, Any] = {
        "id": s.id,
        "title": s.title,
        "section": s.section,
        "newest": s.newest,
        "ago": s.ago,
        "n_articles": s.n_articles,
        "n_reports": s.n_reports,
    }
    if s.in_window is not None:
        data["reports_in_window"] = s.in_window
    data |= {
        "sources": [{"name": o.name, "independent": o.independent} for o in s.outlets],
        "lede": s.lede,
        "url": f"/api/v1/stories/{quote(s.id, safe='')}",
        "html_url": s.path,
    }
    return data


def trend_json(t: TrendView) -> dict[str, Any]:
    return {
        "kind": t.kind,
        "key": t.key,
        "name": t.name,
        "count": t.count,
        "baseline": t.baseline,
        "rise": t.rise,
        "html_url": t.href,
        "stories": [
            {"id": s.id, "title": s.title, "html_url": "/stories/" + quote(s.id, safe="")}
            for s in t.stories
        ],
    }


def envelope(ref: Clock, **items: Any) -> dict[str, Any]:
    """``{"schema", "now", "window", …}``: every front-page answer starts so."""
    now = ref.now.isoformat(timespec="seconds") if ref.now else None
    return {"schema": SCHEMA, "now": now, "window": window_text(ref.window), **items}


# ---------------------------------------------------------------------------------- feeds


def atom_entries(stories: list[FrontStory], base: str) -> list[AtomEntry]:
    """Feed entries linking back to each story's dossier page (absolute, from ``base``)."""
    entries = []
    for s in stories:
        when = parse_when(s.newest) or When(datetime(1970, 1, 1), has_time=False)
        outlets = ", ".join(o.name for o in s.outlets)
        facts = f"{s.n_reports} independent report{'s' if s.n_reports != 1 else ''}"
        facts += f", {s.n_articles} page{'s' if s.n_articles != 1 else ''}"
        summary = " · ".join(x for x in (s.section, facts, outlets) if x)
        if s.lede:
            summary += "\n\n" + s.lede
        url = base.rstrip("/") + s.path
        entries.append(
            AtomEntry(
                id=url,
                title=s.title or s.id,
                updated=when.at,
                link=url,
                summary=summary,
                authors=[o.name for o in s.outlets],
                categories=[s.section] if s.section else [],
            )
        )
    return entries
