"""Coverage over time, store-wide: per outlet and per entity, per day.

Read from the derived tables the store writes with the stories (``coverage``: each story's
outlets and their pages; ``reports``: each independent report, copies of one wire story counted
once; ``mentions``: each report naming an entity), so the page, the API's CSV and ``sqlite3``
agree. :meth:`newsloom.store.listing.Listing.coverage_days` is the read method.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Literal

#: Each outlet's pages per day: all of them, and those that are independent reports (a page is
#: a report when the ``reports`` table holds it as one; a copy's report is its group's earliest).
_OUTLET_PAGES = """
SELECT c.outlet, substr(a.date_key, 1, 10) AS day, count(*),
       sum(EXISTS (SELECT 1 FROM reports AS r
                   WHERE r.story_id = c.story_id AND r.report_id = j.value))
FROM coverage AS c, json_each(c.articles) AS j JOIN articles AS a ON a.id = j.value
WHERE day BETWEEN ? AND ?
GROUP BY c.outlet, day"""

#: Stories each outlet published first, by the day of its first page.
_OUTLET_FIRSTS = """
SELECT outlet, substr(first_published, 1, 10) AS day, count(*)
FROM coverage WHERE first = 1 AND day BETWEEN ? AND ?
GROUP BY outlet, day"""

#: Independent reports naming each entity, on each report's day (names are read apart: joining
#: ``entities`` here took three times as long on a store of 100,000 pages).
_ENTITY_REPORTS = """
SELECT key, max(name), substr(at, 1, 10) AS day, count(*)
FROM mentions WHERE kind = 'entity' AND day BETWEEN ? AND ?
GROUP BY key, day"""


@dataclass(frozen=True, slots=True)
class CoverageDay:
    """One outlet's or one entity's coverage on one day (``YYYY-MM-DD``, the page's own date).

    An outlet (``key`` and ``name`` are its name): its independent ``reports``, the ``copies``
    it printed of another's report, and ``first``: stories it published first that day. An
    entity (``key`` is its slug): the independent ``reports`` naming it (``copies`` and
    ``first`` are 0)."""

    kind: Literal["outlet", "entity"]
    key: str
    name: str
    day: str
    reports: int
    copies: int = 0
    first: int = 0


def coverage_days(conn: sqlite3.Connection, since: str, until: str) -> list[CoverageDay]:
    """Every outlet's and entity's coverage per day in ``[since, until]``; undated pages are
    left out. Outlets first, then entities, each by key and day."""
    span = (since, until)
    pages = {(o, d): (int(n), int(r)) for o, d, n, r in conn.execute(_OUTLET_PAGES, span)}
    firsts = {(o, d): int(n) for o, d, n in conn.execute(_OUTLET_FIRSTS, span)}
    outlets = []
    for outlet, day in sorted(pages.keys() | firsts.keys()):
        n, reports = pages.get((outlet, day), (0, 0))
        first = firsts.get((outlet, day), 0)
        outlets.append(CoverageDay("outlet", outlet, outlet, day, reports, n - reports, first))
    names = dict(conn.execute("SELECT slug, name FROM entities"))
    entities = [
        CoverageDay("entity", k, names.get(k, n), d, int(c))
        for k, n, d, c in sorted(conn.execute(_ENTITY_REPORTS, span))
    ]
    return outlets + entities
