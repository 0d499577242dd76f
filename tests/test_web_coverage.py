"""Coverage over time, store-wide: the store's read method, the page and its CSV.

Expected counts are worked out by hand from the fixture store (``newsloom.web.fixtures``): the
ferry strike (Meridian Press first on March 3, Dunmore Gazette's copy of it the same day, Valley
Times the same day, Harbor Wire on March 4), the mill fire (Kessel Courier on Feb. 28, Valley
Times on March 1) and the hostile story (two outlets on March 2).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from newsloom.store import StoreReader
from newsloom.web import WebSettings, create_app
from newsloom.web.fixtures import fixture_store
from newsloom.web.over_time import coverage_page, time_buckets
from webclient import Client, _close

EVIL_OUTLET = "<svg onload=alert(7)>Outlet"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return fixture_store(tmp_path / "fixture.db")


@pytest.fixture
def app(db: Path) -> Iterator[Any]:
    built = create_app(WebSettings(db=db))
    yield built
    _close(built)


def test_the_store_counts_reports_copies_and_firsts_per_outlet_and_day(db: Path) -> None:
    reader = StoreReader(db)
    try:
        days = reader.coverage_days()
        outlets = {
            (d.key, d.day): (d.reports, d.copies, d.first) for d in days if d.kind == "outlet"
        }
        assert outlets == {
            ("Meridian Press", "2025-03-03"): (1, 0, 1),
            ("Dunmore Gazette", "2025-03-03"): (0, 1, 0),  # a copy of Meridian's wire report
            ("Valley Times", "2025-03-03"): (1, 0, 0),
            ("Valley Times", "2025-03-01"): (1, 0, 0),
            ("Harbor Wire", "2025-03-04"): (1, 0, 0),
            ("Kessel Courier", "2025-02-28"): (1, 0, 1),
            (EVIL_OUTLET, "2025-03-02"): (1, 0, 1),
            ("Plain Outlet", "2025-03-02"): (1, 0, 0),
        }
        port = {d.day: d.reports for d in days if d.kind == "entity" and d.key == "port-alder"}
        # Named by all four ferry pages: the copy counts with its original, once.
        assert port == {"2025-03-03": 2, "2025-03-04": 1}
        assert {d.name for d in days if d.key == "maren-voss"} == {"Maren Voss"}
        inside = reader.coverage_days("2025-03-02", "2025-03-03")
        assert {d.day for d in inside} == {"2025-03-02", "2025-03-03"}
        assert reader.coverage_days("2026-01-01") == []
    finally:
        reader.close()


def test_the_page_totals_and_orders_outlets_by_reports(app: Any) -> None:
    page = coverage_page(app.state.web.catalog, None, None)
    assert page.unit == "day" and page.labels[0] == "Feb. 28, 2025"
    assert page.labels[-1] == "March 4, 2025" and len(page.labels) == 5
    assert (page.reports, page.copies) == (7, 1)
    assert [o.name for o in page.outlets][:1] == ["Valley Times"]  # two reports, the most
    meridian = next(o for o in page.outlets if o.name == "Meridian Press")
    assert (meridian.first, meridian.peak, meridian.backing) == (1, "March 3, 2025", "1 report")
    gazette = next(o for o in page.outlets if o.name == "Dunmore Gazette")
    assert (
        gazette.backing == "0 reports · 1 copy"
        and gazette.href == "/stories?outlet=Dunmore+Gazette"
    )
    # The March 3 bar of the whole store: two reports and a copy stacked on top.
    march3 = next(b for b in page.volume.bars if b.title.startswith("March 3"))
    assert march3.title == "March 3, 2025: 2 reports · 1 copy"
    assert march3.copies_y + march3.copies_h == pytest.approx(march3.reports_y)
    # Three reports each (ties go by name); the entity links to its page.
    assert [(e.name, e.reports) for e in page.entities[:2]] == [
        ("Maren Voss", 3),
        ("Port Alder", 3),
    ]
    assert page.entities[1].href == "/entities/port-alder"
    one_day = coverage_page(app.state.web.catalog, date(2025, 3, 2), date(2025, 3, 2))
    assert one_day.labels == ["March 2, 2025"] and one_day.reports == 2


@pytest.mark.parametrize(
    ("first", "last", "unit", "n", "label_first"),
    [
        (date(2025, 3, 1), date(2025, 3, 31), "day", 31, date(2025, 3, 1)),
        (date(2025, 1, 1), date(2025, 6, 30), "week", 27, date(2024, 12, 30)),  # a Monday
        (date(2023, 3, 5), date(2025, 2, 1), "month", 24, date(2023, 3, 1)),  # over New Year
    ],
)
def test_time_buckets_widen_with_the_span(
    first: date, last: date, unit: str, n: int, label_first: date
) -> None:
    found_unit, buckets = time_buckets([last, first])
    assert (found_unit, len(buckets), buckets[0]) == (unit, n, label_first)
    assert time_buckets([]) == ("day", [])


def test_coverage_page_renders_escaped_and_the_csv_downloads(app: Any) -> None:
    client = Client(app)
    html = client.get("/coverage").text
    assert "&lt;svg onload=alert(7)&gt;Outlet" in html and "<svg onload" not in html
    assert 'href="/api/v1/coverage?format=csv"' in html
    r = client.get("/api/v1/coverage?format=csv&kind=outlet")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert 'filename="coverage-outlet.csv"' in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert {row["kind"] for row in rows} == {"outlet"} and len(rows) == 8
    meridian = next(row for row in rows if row["key"] == "Meridian Press")
    assert (meridian["day"], meridian["reports"], meridian["first"]) == ("2025-03-03", "1", "1")
    data = client.get("/api/v1/coverage?kind=entity&from=2025-03-04").json()
    assert data["from"] == "2025-03-04" and {r["day"] for r in data["rows"]} == {"2025-03-04"}
    assert client.get("/api/v1/coverage?from=soon").status_code == 400
    notice = client.get("/coverage?from=soon").text
    assert "Ignored from=" in notice and "YYYY-MM-DD" in notice
    empty = client.get("/coverage?from=2030-01-01").text
    assert "No dated pages in these dates." in empty
