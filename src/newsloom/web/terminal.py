"""``newsloom top``, ``latest`` and ``trending``: the front page's rails in the terminal.

They read the same web index and call the same assembly (``web.front``) as the page and the
API, so the three always agree; ``--json`` prints exactly the API's answer. Page text goes into
Rich tables as inert ``Text`` (``render.terminal.plain``), never as markup.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path
from typing import Literal

from rich.console import Console
from rich.table import Table
from rich.text import Text

from newsloom.front.clock import window_text
from newsloom.render.dates import human_date
from newsloom.render.terminal import plain
from newsloom.web import front
from newsloom.web.data import Catalog

Rail = Literal["top", "latest", "trending"]


def print_rail(
    console: Console,
    db: Path,
    rail: Rail,
    window: timedelta,
    now: datetime | None,
    limit: int,
    as_json: bool = False,
) -> int:
    """Print one rail of the store at ``db``; return how many items it had."""
    catalog = Catalog(db)
    try:
        ref = front.clock(catalog, now, window)
        if rail == "trending":
            trends = front.trends(catalog, ref, limit)
            if as_json:
                data = front.envelope(ref, trending=[front.trend_json(t) for t in trends])
                console.print_json(json.dumps(data, ensure_ascii=False))
            else:
                _trends(console, ref, trends)
            return len(trends)
        stories = (front.top if rail == "top" else front.latest)(catalog, ref, limit)
    finally:
        catalog.close()
    if as_json:
        data = front.envelope(ref, stories=[front.story_json(s) for s in stories])
        console.print_json(json.dumps(data, ensure_ascii=False))
    else:
        _stories(console, ref, rail, stories)
    return len(stories)


def _heading(ref: front.Clock, what: str) -> str:
    when = human_date(ref.now.isoformat(timespec="minutes")) if ref.now else "—"
    return f"[bold]{what}[/] · relative to {when}"


def _stories(
    console: Console, ref: front.Clock, rail: Rail, stories: list[front.FrontStory]
) -> None:
    if rail == "top":
        console.print(_heading(ref, f"Top Stories, last {window_text(ref.window)}"))
    else:
        console.print(_heading(ref, "Latest Headlines"))
    if not stories:
        console.print("nothing in this window" if rail == "top" else "no stories yet")
        return
    table = Table("#", "reports", "section // when", "title", "outlets", "story", box=None)
    for n, s in enumerate(stories, 1):
        reports = str(s.n_reports)
        if s.in_window is not None and s.in_window != s.n_reports:
            reports = f"{s.in_window} of {s.n_reports}"
        table.add_row(
            str(n),
            reports,
            plain(s.section or "—") + Text(f" // {s.ago}"),
            plain(s.title or s.id),
            plain(", ".join(o.name for o in s.outlets)),
            plain(s.id),
        )
    console.print(table)


def _trends(console: Console, ref: front.Clock, trends: list[front.TrendView]) -> None:
    console.print(_heading(ref, f"Trending, last {window_text(ref.window)}"))
    if not trends:
        console.print("nothing rises above its usual rate in this window")
        return
    table = Table("#", "name", "kind", "reports", "usual", "rise", "stories", box=None)
    for n, t in enumerate(trends, 1):
        table.add_row(
            str(n),
            plain(t.name),
            t.kind,
            str(t.count),
            f"{t.baseline:g}",
            f"×{t.rise:g}",
            plain(", ".join(s.id for s in t.stories)),
        )
    console.print(table)
