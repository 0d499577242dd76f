"""Tests for newsloom.front (sections, Top Stories, Trending, relative times) and the front page.

Unit tests build small objects by hand; web tests run in-process against the fixture store
(``newsloom.web.fixtures``); the sample-corpus test ingests the bundled corpus (slow: spaCy).
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from newsloom.cli import app as cli_app
from newsloom.cli import sample_dir
from newsloom.config import Settings
from newsloom.front.clock import When, parse_when, parse_window, window_text
from newsloom.front.rank import PageMark, top_stories
from newsloom.front.relative import relative_time
from newsloom.front.sections import assign_sections
from newsloom.front.trending import MentionMark, trending
from newsloom.model import Article, Story
from newsloom.pipeline import ingest
from newsloom.store import Store
from newsloom.store.phrases import title_phrases
from newsloom.web import WebSettings, create_app
from newsloom.web import front as web_front
from newsloom.web.data import Catalog
from newsloom.web.fixtures import fixture_store
from newsloom.web.front import FrontPage
from test_web import DOCS, Client, _close

NOW = datetime(2025, 3, 13, 14, 20)
DAY = timedelta(days=1)


# -------------------------------------------------------------------------- relative time


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        ("2025-03-13T14:20", "just now"),
        ("2025-03-13T14:14", "6m ago"),
        ("2025-03-13T13:20", "1 hour ago"),
        ("2025-03-13T07:05", "7 hours ago"),
        ("2025-03-12T14:20", "1 day ago"),
        ("2025-03-10T09:00", "3 days ago"),
        ("2025-03-06T14:21", "6 days ago"),
        ("2025-03-06T14:20", "March 6"),  # a week old: the date
        ("2024-11-02T09:19", "Nov. 2, 2024"),  # another year
        ("2025-09-02T09:19", "Sept. 2"),  # after "now": never "in the future … ago"
        ("2025-03-13", "today"),  # a bare date is said in days
        ("2025-03-12", "yesterday"),
        ("2025-03-11", "2 days ago"),
        ("2025-02-28", "Feb. 28"),
        ("2025-03-13T10:00:00-04:00", "4 hours ago"),  # zones dropped: wall-clock as printed
    ],
)
def test_relative_time(when: str, expected: str) -> None:
    assert relative_time(parse_when(when), NOW) == expected


def test_relative_time_unknown_and_parsing() -> None:
    assert relative_time(None, NOW) == "—"
    assert parse_when("yesterday") is None and parse_when(None) is None
    assert parse_when("2025-03-13") == When(datetime(2025, 3, 13), has_time=False)
    assert parse_when("2025-03-13T14:20:00+00:00") == When(datetime(2025, 3, 13, 14, 20), True)
    assert When(datetime(2025, 3, 13, 14, 20), True).key == "2025-03-13T14:20:00"


def test_windows() -> None:
    assert parse_window("24h") == DAY and parse_window("7d") == 7 * DAY
    assert parse_window("90m") == timedelta(minutes=90) and parse_window(" 2W ") == 14 * DAY
    for bad in ("", "24", "x", "0h", "-1d", "400d", "1y"):
        with pytest.raises(ValueError):
            parse_window(bad)
    assert [window_text(parse_window(w)) for w in ("24h", "7d", "90m", "2w", "36h")] == [
        "24h",
        "7d",
        "90m",
        "2w",
        "36h",
    ]


# ---------------------------------------------------------------------------- Top Stories


def _marks(story: str, *pages: tuple[str, str]) -> list[PageMark]:
    """Pages of ``story`` as (report, hours before NOW)."""
    return [PageMark(story, report, NOW - timedelta(hours=float(h))) for report, h in pages]


def test_top_stories_count_independent_reports_not_copies() -> None:
    wire = _marks("WIRE", ("w", "5"), ("w", "4"), ("w", "3"), ("w", "2"))  # 1 report, 3 copies
    wide = _marks("WIDE", ("a", "20"), ("b", "19"))  # two outlets on their own
    fresh = _marks("FRESH", ("c", "1"))
    ranked = top_stories([*wire, *wide, *fresh], NOW, DAY)
    assert [(r.story, r.reports) for r in ranked] == [("WIDE", 2), ("FRESH", 1), ("WIRE", 1)]
    assert ranked[2].pages == 4  # its copies are still pages of the story


def test_top_stories_window_ties_and_limit() -> None:
    marks = [
        *_marks("OLD", ("o1", "30"), ("o2", "29"), ("o3", "28")),  # out of the 24 h window
        *_marks("B", ("b", "3")),
        *_marks("A", ("a", "3")),  # same reports, same time: by id
        *_marks("LATE", ("x", "-1")),  # after "now": not yet
        *_marks("REPUB", ("r", "30"), ("r", "2")),  # an old report republished: not news
    ]
    ranked = top_stories(marks, NOW, DAY)
    assert [r.story for r in ranked] == ["A", "B"]
    assert top_stories(marks, NOW, 2 * DAY)[0].story == "OLD"
    assert len(top_stories(marks, NOW, 2 * DAY, limit=2)) == 2
    edge = _marks("EDGE", ("e", "24"))  # exactly one window old: out, (now - W, now]
    assert top_stories(edge, NOW, DAY) == []


# ------------------------------------------------------------------------------- trending


def _mentions(
    key: str, per_day: list[int], story: str = "S", kind: str = "entity"
) -> list[MentionMark]:
    """``per_day[0]`` reports today, ``per_day[1]`` yesterday … each its own report."""
    out = []
    for day, n in enumerate(per_day):
        for i in range(n):
            at = NOW - day * DAY - timedelta(hours=1 + i)
            out.append(MentionMark(kind, key, key.title(), f"{story}{day}", f"{key}-{day}-{i}", at))
    return out


def test_a_steady_entity_never_trends_a_rising_one_does() -> None:
    steady = _mentions("ukraine", [3, 3, 3, 3, 3, 3, 3, 3])  # every day, at its usual rate
    busy = _mentions("capital", [9, 8, 10, 9, 9, 8, 10, 9])  # always a lot
    rising = _mentions("halden", [4, 0, 0, 0, 1, 0, 0, 0])
    once = _mentions("lone", [1, 0, 0, 0, 0, 0, 0, 0])  # one report is news, not a trend
    found = trending([*steady, *busy, *rising, *once], NOW, DAY, NOW - 10 * DAY)
    assert [t.key for t in found] == ["halden"]
    halden = found[0]
    assert halden.count == 4 and halden.baseline == pytest.approx(1 / 7, abs=0.01)
    assert halden.rise == pytest.approx(5 / (1 + 1 / 7), abs=0.01)


def test_trending_counts_copies_once_and_orders_by_rise() -> None:
    copies = [
        MentionMark("entity", "wire", "Wire", "S1", "orig", NOW - timedelta(hours=h))
        for h in (1, 2, 3, 4)
    ]  # four pages, one report
    big = _mentions("strike", [6, 1, 1, 1, 1, 1, 1, 1])
    small = _mentions("bridge", [3, 0, 0, 0, 0, 0, 0, 0], story="T")
    found = trending([*copies, *big, *small], NOW, DAY, NOW - 10 * DAY)
    assert [t.key for t in found] == ["bridge", "strike"]  # rise 4.0 before 3.5
    assert found[1].stories == ["S0"]


def test_trending_baseline_only_over_the_crawl() -> None:
    marks = _mentions("port", [3, 3])  # a crawl of two days: the same rate both days
    assert trending(marks, NOW, DAY, start=NOW - 2 * DAY + timedelta(hours=1)) == []
    # A crawl of one day has no history: named in two reports, it trends.
    today = _mentions("port", [2])
    assert [t.key for t in trending(today, NOW, DAY, start=NOW - timedelta(hours=5))] == ["port"]


def test_trending_spreads_over_stories() -> None:
    names = [m for k in ("a", "b", "c", "d") for m in _mentions(k, [3], story="ONE")]
    other = _mentions("e", [2], story="TWO")
    found = trending([*names, *other], NOW, DAY, NOW - 10 * DAY)
    assert [t.key for t in found] == ["a", "b", "e"]  # two names of one event, then another


def test_title_phrases() -> None:
    assert title_phrases("Marrow Bay bus drivers walk off the job as transit strike begins") == [
        "marrow bay",
        "bay bus",
        "bus drivers",
        "transit strike",
    ]
    assert title_phrases("Ferry capsizes in rough seas, killing at least 18") == [
        "ferry capsizes",
        "rough seas",
    ]
    assert title_phrases(None) == [] and title_phrases("Two of the 18") == []
    assert title_phrases("<script>alert(1)</script>") == [
        "script alert",
        "alert script",
    ]  # words only


# ------------------------------------------------------------------------------- sections


def _article(aid: str, when: str, section: str | None = None, url: str | None = None) -> Article:
    return Article(id=aid, published=when, section=section, url=url)


def test_sections_fold_labels_and_learn_from_urls() -> None:
    articles = [
        _article("a1", "2025-03-06T08:30", "World News"),
        _article("a2", "2025-03-06T09:00", "Americas"),
        _article("a3", "2025-03-06T10:00", "U.S. News"),
        _article("a4", "2025-03-06T11:00", url="https://paper.example/world/2025/03/06/x"),
        # a site whose labelled /nation/ pages say "Nation": its unlabelled /nation/ page too
        _article("b1", "2025-03-04T10:00", "Nation", "https://sentinel.example/nation/a"),
        _article("b2", "2025-03-04T11:00", None, "https://sentinel.example/nation/b"),
        _article("b3", "2025-03-04T12:00", "Michigan"),
        _article("c1", "2025-03-05T10:00", "Sport"),
        _article("c2", "2025-03-05T09:00", "Science News"),  # tie: the earliest page's
        _article("d1", "2025-03-05T09:00"),
        _article("e1", "2025-03-05T09:00", "A very long line that is surely not a section label"),
    ]
    stories = [
        Story(id="W", articles=["a1", "a2", "a3", "a4"]),
        Story(id="U", articles=["b1", "b2", "b3"]),
        Story(id="T", articles=["c1", "c2"]),
        Story(id="N", articles=["d1", "e1"]),
    ]
    found = {s.id: s.section for s in assign_sections(stories, articles)}
    assert found == {"W": "World", "U": "U.S.", "T": "Science", "N": None}
    assert all(s.section is None for s in stories)  # the inputs are left as they were


# ---------------------------------------------------------------------------- web (fixture)


@pytest.fixture
def app(tmp_path: Path) -> Iterator[Any]:
    built = create_app(WebSettings(db=fixture_store(tmp_path / "fixture.db")))
    yield built
    _close(built)


def test_front_page_context(app: Any) -> None:
    catalog: Catalog = app.state.web.catalog
    ref = web_front.clock(catalog, None)
    assert ref.now == datetime(2025, 3, 4, 8, 15)  # the newest page, not the wall clock
    chrome = web_front.Chrome("Front page", "front")
    page = web_front.front_page(catalog, chrome, ref)
    assert [s.id for s in page.top] == ["S1"]
    ferry = page.top[0]
    assert (ferry.in_window, ferry.n_reports, ferry.n_articles) == (2, 3, 4)  # the copy's
    assert ferry.ago == "just now" and ferry.lede  # report is dated by its 07:40 original
    assert [s.id for s in page.latest] == ["S3", "S2"]  # Top Stories are not repeated
    assert [s.ago for s in page.latest] == ["1 day ago", "3 days ago"]
    wide = web_front.front_page(catalog, chrome, web_front.clock(catalog, None, 7 * DAY))
    assert [s.id for s in wide.top] == ["S1", "S3", "S2"]


def test_front_page_html_and_list_mode(app: Any) -> None:
    client = Client(app)
    html = client.get("/").text
    assert "Top Stories" in html and "Latest Headlines" in html and "Trending" in html
    assert html.count('href="/stories/S1"') == 1  # one link per story on the page
    assert 'type="application/atom+xml"' in html and "/feeds/top.atom" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert" not in html
    listed = client.get("/?sort=size").text  # any list parameter: the stories list
    assert 'class="list stories-list' in listed and "Top Stories" not in listed
    assert "Top Stories" not in client.get("/stories").text
    week = client.get("/?window=7d").text
    assert week.count("front-item") == 3
    notice = client.get("/?window=soon&now=later").text
    assert "Ignored window=" in notice and "Ignored now=" in notice


def test_front_api(app: Any) -> None:
    client = Client(app)
    top = client.get("/api/v1/top", params={"window": "7d"}).json()
    assert top["schema"] == "newsloom/1" and top["now"] == "2025-03-04T08:15:00"
    assert top["window"] == "7d"
    assert [s["id"] for s in top["stories"]] == ["S1", "S3", "S2"]
    ferry = top["stories"][0]
    assert ferry["n_reports"] == 3 and ferry["reports_in_window"] == 3
    assert ferry["html_url"] == "/stories/S1" and ferry["ago"] == "just now"
    assert {"name": "Dunmore Gazette", "independent": False} in ferry["sources"]
    latest = client.get("/api/v1/latest", params={"now": "2025-03-02T12:00", "limit": 5}).json()
    assert [s["id"] for s in latest["stories"]] == ["S3", "S2"]  # nothing after "now"
    assert latest["stories"][0]["ago"] == "1 hour ago"
    trend = client.get("/api/v1/trending", params={"window": "2d"}).json()
    for t in trend["trending"]:
        assert t["count"] >= 2 and t["rise"] >= 2
        assert t["html_url"].startswith(("/entities/", "/stories?q="))
    assert "maren-voss" in {t["key"] for t in trend["trending"]}
    for url in ("/api/v1/top?window=soon", "/api/v1/latest?now=later", "/api/v1/top?limit=0"):
        r = client.get(url)
        assert r.status_code == 400 and r.json()["error"]["code"] == "invalid_parameter"


def test_docs_describe_the_front_page() -> None:
    text = DOCS.read_text(encoding="utf-8")
    line = re.search(r"^- `FrontPage`.*: (.+)$", text, re.M)
    assert line, "docs/web.md does not describe FrontPage"
    documented = set(re.findall(r"`(\w+)`", line.group(1)))
    assert documented == {f.name for f in dataclasses.fields(FrontPage)} - {"template"}
    for address in ("`/feeds/top.atom`", "`/feeds/latest.atom`", "`/feeds/entity/{slug}.atom`"):
        assert address in text


def test_cli_rails(tmp_path: Path) -> None:
    db = fixture_store(tmp_path / "cli.db")
    runner = CliRunner()
    got = runner.invoke(cli_app, ["top", "--db", str(db), "--window", "7d"])
    assert got.exit_code == 0, got.output
    assert "Top Stories, last 7d" in got.output and "Ferry crews strike" in got.output
    assert "<script>" in got.output  # page text printed as text, not markup
    got = runner.invoke(cli_app, ["latest", "--db", str(db), "--json"])
    data = json.loads(got.output)
    assert [s["id"] for s in data["stories"]] == ["S1", "S3", "S2"]
    assert runner.invoke(cli_app, ["trending", "--db", str(db)]).exit_code == 0
    assert runner.invoke(cli_app, ["top", "--db", str(db), "--window", "soon"]).exit_code == 2
    assert runner.invoke(cli_app, ["top", "--db", str(tmp_path / "none.db")]).exit_code == 6


# --------------------------------------------------------------------------- sample corpus


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("sample") / "sample.db"
    with Store(db) as store:
        ingest([str(sample_dir())], store, Settings())
    return db


@pytest.mark.slow
def test_sample_front_page_is_defensible(sample_db: Path) -> None:
    catalog = Catalog(sample_db)
    try:
        ref = web_front.clock(catalog, None, 30 * DAY)  # the whole crawl (4-13 March 2025)
        assert ref.now == datetime(2025, 3, 13, 14, 20)
        top = web_front.top(catalog, ref, 20)
        with Store(sample_db) as store:
            stories = {s.id: s for s in store.stories()}
        reports = [s.in_window for s in top]
        assert reports == sorted(reports, reverse=True)  # most independent reports lead
        assert reports[0] == max(s.reports for s in stories.values())
        for s in top:  # the same count as the dossier page's "N independent reports"
            copies = sum(len(g.articles) - 1 for g in stories[s.id].copy_groups)
            assert s.n_reports == len(stories[s.id].articles) - copies
        wire = max(
            stories.values(), key=lambda s: max((len(g.articles) for g in s.copy_groups), default=0)
        )
        assert max(len(g.articles) for g in wire.copy_groups) == 4  # the MP fire story, 3 copies
        at = [s.id for s in top].index(wire.id)
        assert all(s.in_window <= top[at].in_window for s in top[at:])
        assert all(s.in_window > top[at].in_window for s in top if s.n_reports > wire.reports)
        assert top[0].n_articles < wire.pages  # it leads with fewer pages than the wire story
        sections = {s.title: s.section for s in top}
        assert (
            sections["Earthquake in central Chile kills 42 and leaves towns without power"]
            == "World"
        )
        assert all(s.section for s in top)
        latest = web_front.latest(catalog, ref, 20)
        newest = [s.newest for s in latest]
        assert newest == sorted(newest, reverse=True)
        assert latest[0].ago == "just now"
        for story in latest:  # "N days ago" within a week, the date past it
            age = ref.now - datetime.fromisoformat(story.newest[:16])
            recent = story.ago.endswith(("ago", "today", "yesterday", "just now"))
            assert story.ago.startswith("March ") if age.days >= 7 else recent
        day = web_front.top(catalog, web_front.clock(catalog, None), 10)
        assert day and all(s.in_window for s in day)
    finally:
        catalog.close()
