"""``newsloom top``, ``latest`` and ``trending``: the front page's rails in the terminal.

They read the store and call the same assembly (``web.front``) as the page and the API, so the
three always agree; ``--format json`` prints exactly the API's answer, ``table``/``csv``/``tsv``
its rows (``render.listing``: page text inert in tables, formula-safe in CSV).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Literal

from newsloom.front import window_text
from newsloom.render.dates import human_date
from newsloom.render.listing import Cell, Listing
from newsloom.web import front
from newsloom.web.data import Catalog

Rail = Literal["top", "latest", "trending"]


@dataclass(frozen=True, slots=True)
class RailAnswer:
    """One rail, ready to print: a heading for people, the rows, and the API's JSON answer."""

    heading: str
    listing: Listing
    data: dict[str, Any]

    def json_text(self) -> str:
        return json.dumps(self.data, ensure_ascii=False, indent=2) + "\n"


def rail_answer(
    db: Path, rail: Rail, window: timedelta, now: datetime | None, limit: int
) -> RailAnswer:
    """One rail of the store at ``db``: the same assembly as the page and the API."""
    catalog = Catalog(db)
    try:
        ref = front.clock(catalog, now, window)
        if rail == "trending":
            trends = front.trends(catalog, ref, limit)
            data = front.envelope(ref, trending=[front.trend_json(t) for t in trends])
            return RailAnswer(_heading(ref, "Trending", True), _trend_rows(trends), data)
        stories = (front.top if rail == "top" else front.latest)(catalog, ref, limit)
    finally:
        catalog.close()
    data = front.envelope(ref, stories=[front.story_json(s) for s in stories])
    title = "Top Stories" if rail == "top" else "Latest Headlines"
    return RailAnswer(_heading(ref, title, rail == "top"), _story_rows(rail, stories), data)


def _heading(ref: front.Clock, what: str, windowed: bool) -> str:
    when = human_date(ref.now.isoformat(timespec="minutes")) if ref.now else "—"
    span = f", last {window_text(ref.window)}" if windowed else ""
    return f"[bold]{what}{span}[/] · relative to {when}"


def _story_rows(rail: Rail, stories: list[front.FrontStory]) -> Listing:
    rows: list[list[Cell]] = []
    for n, s in enumerate(stories, 1):
        in_window = s.in_window if s.in_window is not None else s.n_reports
        rows.append(
            [
                n,
                s.id,
                s.n_reports,
                in_window,
                s.section,
                s.newest,
                s.ago,
                "; ".join(o.name for o in s.outlets),
                s.title,
            ]
        )
    empty = "nothing in this window" if rail == "top" else "no stories yet"
    columns = [
        "rank",
        "story",
        "reports",
        "in_window",
        "section",
        "newest",
        "ago",
        "outlets",
        "title",
    ]
    return Listing(columns, rows, empty=empty, dates=("newest",))


def _trend_rows(trends: list[front.TrendView]) -> Listing:
    rows: list[list[Cell]] = [
        [
            n,
            t.name,
            t.kind,
            t.count,
            round(t.baseline, 3),
            round(t.rise, 3),
            "; ".join(s.id for s in t.stories),
        ]
        for n, t in enumerate(trends, 1)
    ]
    columns = ["rank", "name", "kind", "reports", "usual", "rise", "stories"]
    return Listing(columns, rows, empty="nothing rises above its usual rate in this window")
