"""The command line end to end, with the real spaCy model and a real SQLite file.

Pages are fictional and generated here; the seed pages are used only when ``../shared`` exists.
"""

from __future__ import annotations

import gzip
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from newsloom.cli import Exit, app
from newsloom.store import Store

pytestmark = pytest.mark.slow

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
runner = CliRunner()

TOWNS = ["Dunmore", "Lisvane", "Port Alder", "Elmfield", "Brackwater", "Tessaly", "Orvik"]
THINGS = ["bridge", "ferry", "school", "clinic", "market", "harbour", "library"]


def capture(title: str, body: list[str], day: str = "2025-03-04") -> str:
    paragraphs = "\n\n".join(body)
    return (
        f" date {day} {title}\n\nBy Ana Ruiz\n\nPosted March 4, 2025 9:00 am.\n\n{paragraphs}\n\n"
        "Top Stories\n\nCouncil approves new bike lanes\nCouncil approves new bike lanes\n\n"
        "The council voted on Monday night to fund the lanes, which...\n\n6m ago\n"
    )


def story_page(n: int) -> str:
    town, thing = TOWNS[n % len(TOWNS)], THINGS[(n // len(TOWNS)) % len(THINGS)]
    body = [
        f"Officials in {town} said on Tuesday that the {thing} would close for repairs after "
        f"inspectors found cracks during a routine check, page {n}.",
        f"The mayor of {town} told residents that work would take about {n + 3} weeks and that "
        "a temporary service would run in the meantime.",
        f"Residents said the {thing} had needed repairs for years, and several complained that "
        "the council had ignored earlier warnings.",
    ]
    return capture(f"{town} {thing} to close for repairs after cracks found", body)


def html_page(n: int) -> str:
    paragraphs = story_page(n).split("\n\n")[3:6]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<html><head><title>Page {n}</title></head><body><article><h1>Page {n}</h1>{body}"
        "</article><aside><h2>Top Stories</h2><p>6m ago</p></aside></body></html>"
    )


def write_good_pages(folder: Path) -> None:
    (folder / "good_a.txt").write_text(story_page(0), encoding="utf-8")
    text = story_page(1).replace("Residents said", "“Residents,” she said, “are tired.” They said")
    (folder / "utf16.txt").write_bytes(text.encode("utf-16"))  # with a BOM
    (folder / "cp1252.txt").write_bytes(text.replace("page 1", "page 2").encode("cp1252"))


def write_bad_inputs(folder: Path) -> None:
    (folder / "binary.bin").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "cut.html.gz").write_bytes(gzip.compress(b"<html><body>" + b"<p>x</p>" * 500)[:60])
    with (folder / "huge.txt").open("wb") as f:  # 50 MB, sparse: rejected without being read
        f.truncate(50 * 1024 * 1024)
    lines = [
        json.dumps({"id": "j1", "text": story_page(3)}),
        '{"id": "j2", "text": "unterminated',
        json.dumps({"id": "j3", "html": html_page(4)}),
    ]
    (folder / "pages.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_bad_inputs_rejected_good_ones_ingested(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    write_good_pages(crawl)
    write_bad_inputs(crawl)
    db = tmp_path / "n.db"
    result = runner.invoke(app, ["ingest", str(crawl), "--db", str(db)])
    assert result.exit_code == Exit.PARTIAL, result.output
    rejected = runner.invoke(app, ["rejections", "--db", str(db)])
    for name, code in [("binary.bin", "NL-READ-002"), ("empty.txt", "NL-READ-004"),
                       ("cut.html.gz", "NL-READ-006"), ("huge.txt", "NL-READ-005"),
                       ("pages.jsonl#L2", "NL-READ-007")]:  # fmt: skip
        assert name in rejected.output and code in rejected.output, (name, rejected.output)
    exported = json.loads(runner.invoke(app, ["export", "--db", str(db)]).output)
    ids = {a["id"] for a in exported["articles"]}
    assert {"good_a", "utf16", "cp1252", "j1", "j3"} <= ids
    bodies = {a["id"]: a["body"] for a in exported["articles"]}
    assert "“Residents,” she said, “are tired.”" in bodies["utf16"]
    assert "“Residents,” she said" in bodies["cp1252"]
    assert all("Top Stories" not in b and "6m ago" not in b for b in bodies.values())


def test_ingest_twice_keeps_one_article_each(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    write_good_pages(crawl)
    db = tmp_path / "n.db"
    assert runner.invoke(app, ["ingest", str(crawl), "--db", str(db)]).exit_code == Exit.OK
    again = runner.invoke(app, ["ingest", str(crawl), str(crawl / "good_a.txt"), "--db", str(db)])
    assert again.exit_code == Exit.OK
    assert "0 articles added" in again.output
    with sqlite3.connect(db) as con:
        assert con.execute("select count(*) from articles").fetchone()[0] == 3


def test_analyze_nothing_usable(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    result = runner.invoke(app, ["analyze", str(tmp_path / "empty.txt")])
    assert result.exit_code == Exit.NOTHING
    assert json.loads(result.stdout)["rejections"][0]["code"] == "NL-READ-004"


def test_show_unknown_story_is_not_found(tmp_path: Path) -> None:
    Store(tmp_path / "n.db").close()
    result = runner.invoke(app, ["show", "S-nope", "--db", str(tmp_path / "n.db")])
    assert result.exit_code == Exit.NOT_FOUND


@pytest.mark.parametrize(
    "command",
    [
        ["stories"],
        ["show", "S1"],
        ["search", "fire"],
        ["rejections"],
        ["export"],
        ["export", "--format", "html", "--story", "S1"],
        ["top"],
        ["latest"],
        ["trending"],
        ["serve"],
    ],
)
def test_read_commands_never_create_a_store(tmp_path: Path, command: list[str]) -> None:
    """A mistyped --db on a read command is an error with the fix, not a new empty store."""
    missing = tmp_path / "typo.db"
    result = runner.invoke(app, [*command, "--db", str(missing)])
    assert result.exit_code == Exit.STORE
    assert "no store at" in result.stderr
    assert not missing.exists()


def test_not_a_store(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.db"
    bogus.write_text("hello, not sqlite\n" * 100)
    assert runner.invoke(app, ["stories", "--db", str(bogus)]).exit_code == Exit.STORE


def test_sigkill_mid_ingest_then_rerun_completes(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    n_pages = 160
    for n in range(n_pages):
        (crawl / f"p{n:03d}.txt").write_text(story_page(n), encoding="utf-8")
    db = tmp_path / "n.db"
    cmd = [sys.executable, "-m", "newsloom", "ingest", str(crawl), "--db", str(db),
           "--batch-size", "8"]  # fmt: skip
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for_some_articles(db, proc)
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    with sqlite3.connect(db) as con:
        assert con.execute("pragma integrity_check").fetchone()[0] == "ok"
        partial = con.execute("select count(*) from articles").fetchone()[0]
    assert 0 < partial < n_pages
    rerun = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert rerun.returncode == 0, rerun.stderr
    with sqlite3.connect(db) as con:
        assert con.execute("pragma integrity_check").fetchone()[0] == "ok"
        assert con.execute("select count(*) from articles").fetchone()[0] == n_pages
        grouped = con.execute("select count(*) from story_articles").fetchone()[0]
    assert grouped == n_pages


def _wait_for_some_articles(db: Path, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if db.exists():
            try:
                with sqlite3.connect(db, timeout=1) as con:
                    if con.execute("select count(*) from articles").fetchone()[0] >= 8:
                        return
            except sqlite3.OperationalError:
                pass
        time.sleep(0.05)
    pytest.fail("ingest never committed a batch")


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed pages not present")
def test_seed_pages_analyze_into_one_story() -> None:
    result = runner.invoke(app, ["analyze", *sorted(map(str, SEEDS.glob("*.txt"))), "-f", "json"])
    assert result.exit_code == Exit.OK
    data = json.loads(result.stdout)
    assert data["schema"] == "newsloom/1"
    assert len(data["articles"]) == 2
    assert len(data["stories"]) == 1
    assert sorted(s["independent"] for s in data["stories"][0]["sources"]) == [True, True]
    for article in data["articles"]:
        assert article["title"]
        for chrome in ("Top Stories", "Latest Headlines", "Trending Stories", "Advertisement"):
            assert chrome not in article["body"]


def test_export_html_report_is_standalone(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    hostile = (
        story_page(0)
        .replace("Dunmore bridge", "Dunmore <script>alert(1)</script> bridge")
        .replace("Officials in", "Officials <img src=x onerror=alert(2)> in")
    )
    (crawl / "p0.txt").write_text(hostile, encoding="utf-8")
    (crawl / "p1.txt").write_text(story_page(7), encoding="utf-8")
    db = tmp_path / "n.db"
    assert runner.invoke(app, ["ingest", str(crawl), "--db", str(db)]).exit_code == Exit.OK
    story_id = json.loads(runner.invoke(app, ["export", "--db", str(db)]).stdout)["stories"][0][
        "id"
    ]
    result = runner.invoke(
        app, ["export", "--db", str(db), "--format", "html", "--story", story_id]
    )
    assert result.exit_code == Exit.OK
    html = result.stdout
    assert html.startswith("<!doctype html>")
    assert "<script" not in html.replace("&lt;script", "")
    assert "onerror=alert" not in html.replace("onerror=alert(2)&gt;", "")
    assert 'href="/' not in html and "<link" not in html  # nothing to fetch, no app links
    assert "Content-Security-Policy" in html
    missing = runner.invoke(app, ["export", "--db", str(db), "--format", "html"])
    assert missing.exit_code == Exit.USAGE
    unknown = runner.invoke(app, ["export", "--db", str(db), "-f", "html", "--story", "S-no"])
    assert unknown.exit_code == Exit.NOT_FOUND


def test_regroup_rebuilds_stories_from_stored_articles(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    write_good_pages(crawl)
    db = tmp_path / "n.db"
    assert runner.invoke(app, ["ingest", str(crawl), "--db", str(db)]).exit_code == Exit.OK
    with sqlite3.connect(db) as con:
        con.execute("delete from story_articles")
        con.execute("delete from stories")
    result = runner.invoke(app, ["regroup", "--db", str(db)])
    assert result.exit_code == Exit.OK
    with sqlite3.connect(db) as con:
        assert con.execute("select count(*) from story_articles").fetchone()[0] == 3


BRIDGE = [
    "Officials in Dunmore closed the old river bridge on {day} after inspectors found deep "
    "cracks in two of its stone piers during a routine check.",
    "Engineers said repairs would take at least {n} weeks and that a ferry would carry "
    "commuters across the river in the meantime.",
]
HARBOUR = [
    "Fishing crews in Orvik were kept ashore as a spring storm battered the northern harbour "
    "and tore three trawlers from their moorings.",
    "The harbour master said {n} boats had been damaged and that the breakwater would be "
    "surveyed by divers once the swell dropped.",
]


def dated_page(lines: list[str], title: str, day: str, n: int) -> str:
    posted = date.fromisoformat(day).strftime("Posted %B %d, %Y 9:00 am.")
    page = capture(title, [line.format(day=day, n=n) for line in lines], day)
    return page.replace("Posted March 4, 2025 9:00 am.", posted)


def _story_rows(db: Path) -> dict[str, tuple[str, str]]:
    with sqlite3.connect(db) as con:
        rows = con.execute("select id, data, dossier from stories").fetchall()
    return {i: (d, f) for i, d, f in rows}


def test_ingest_regroups_only_around_the_new_pages(tmp_path: Path) -> None:
    first, later = tmp_path / "first", tmp_path / "later"
    first.mkdir()
    later.mkdir()
    (first / "a1.txt").write_text(
        dated_page(BRIDGE, "Dunmore bridge shut", "2025-01-10", 6), "utf-8"
    )
    (first / "b1.txt").write_text(dated_page(HARBOUR, "Storm hits Orvik", "2025-05-20", 3), "utf-8")
    (first / "b2.txt").write_text(
        dated_page(HARBOUR, "Orvik boats torn loose", "2025-05-21", 4), "utf-8"
    )
    db = tmp_path / "n.db"
    assert runner.invoke(app, ["ingest", str(first), "--db", str(db)]).exit_code == Exit.OK
    before = _story_rows(db)
    (later / "a2.txt").write_text(
        dated_page(BRIDGE, "Dunmore bridge cracks", "2025-01-11", 8), "utf-8"
    )
    assert runner.invoke(app, ["ingest", str(later), "--db", str(db)]).exit_code == Exit.OK
    after = _story_rows(db)
    orvik = [i for i, (data, _) in before.items() if "b1" in json.loads(data)["articles"]]
    assert len(orvik) == 1 and after[orvik[0]] == before[orvik[0]]  # untouched: far in time
    dunmore = [
        json.loads(d)["articles"] for d, _ in after.values() if "a1" in json.loads(d)["articles"]
    ]
    assert dunmore == [["a1", "a2"]]  # the new page joined the existing story
    full = json.loads(runner.invoke(app, ["export", "--db", str(db)]).stdout)["stories"]
    assert runner.invoke(app, ["regroup", "--db", str(db)]).exit_code == Exit.OK
    regrouped = json.loads(runner.invoke(app, ["export", "--db", str(db)]).stdout)["stories"]
    assert sorted(s["articles"] for s in full) == sorted(s["articles"] for s in regrouped)


def test_search_syntax_errors_and_spellings(tmp_path: Path) -> None:
    from newsloom.model import Article, Dossier, Entity, Story

    db = tmp_path / "s.db"
    with Store(db) as store:
        pages = [
            Article(
                id="ap",
                input="ap.txt",
                digest="1",
                title="Zelenskyy urges allies",
                body="President Zelenskyy urged allies to act on the ferry.",
                published="2024-11-02",
            ),
            Article(
                id="upi",
                input="upi.txt",
                digest="2",
                title="Zelensky warns",
                body="Zelensky warned allies.",
                published="2024-11-02",
            ),
        ]
        store.write_batch(pages, [])
        entity = Entity(
            id="E1",
            name="Volodymyr Zelenskyy",
            type="PERSON",
            aliases=["Zelenskyy", "Zelensky"],
            articles=["ap", "upi"],
        )
        store.replace_stories(
            [Story(id="S1", articles=["ap", "upi"])], {"S1": Dossier(story="S1", entities=[entity])}
        )
    found = runner.invoke(app, ["search", "zelensky", "--db", str(db)])
    assert found.exit_code == 0
    assert "ap" in found.stdout and "upi" in found.stdout
    assert "also written" in found.stderr
    bad = runner.invoke(app, ["search", '"ferry', "--db", str(db)])
    assert bad.exit_code == Exit.USAGE and "unclosed quote" in bad.stderr
    none = runner.invoke(app, ["search", "ferry -allies", "--db", str(db)])
    assert none.exit_code == Exit.NOT_FOUND


@pytest.mark.skipif(not SEEDS.is_dir(), reason="needs ../shared/seeds")
def test_search_zelensky_finds_both_seed_reports(tmp_path: Path) -> None:
    """AP writes Zelenskyy, UPI Zelensky: one search finds both, whichever is typed."""
    db = tmp_path / "seeds.db"
    assert runner.invoke(app, ["ingest", str(SEEDS), "--db", str(db)]).exit_code == 0
    for typed in ("zelensky", "Zelenskyy", "Zelenskiy"):
        result = runner.invoke(app, ["search", typed, "--db", str(db)])
        assert result.exit_code == 0, typed
        assert result.stdout.count("\n") >= 2
        with Store(db) as store:
            assert len(store.search(typed)) == 2, typed


@pytest.mark.skipif(not SEEDS.is_dir(), reason="needs ../shared/seeds")
def test_exported_articles_link_to_story_entities_from_a_store_too(tmp_path: Path) -> None:
    """`Mention.entity` and `Quote.speaker_entity` are filled in the export, whether the result
    comes from memory (analyze) or from a store (ingest + export), and agree."""
    db = tmp_path / "seeds.db"
    assert runner.invoke(app, ["ingest", str(SEEDS), "--db", str(db)]).exit_code == 0
    stored = json.loads(runner.invoke(app, ["export", "--db", str(db)]).stdout)
    fresh = json.loads(runner.invoke(app, ["analyze", str(SEEDS)]).stdout)
    for data in (stored, fresh):
        ids = {e["id"] for e in data["stories"][0]["entities"]}
        mentions = [m for a in data["articles"] for m in a["entities"]]
        assert sum(1 for m in mentions if m["entity"] in ids) >= len(mentions) // 2
        speakers = [q["speaker_entity"] for a in data["articles"] for q in a["quotes"]]
        assert any(s in ids for s in speakers)

    def linked(data: dict[str, Any]) -> list[tuple[int, str]]:
        return sorted((m["start"], m["entity"]) for a in data["articles"] for m in a["entities"])

    assert linked(stored) == linked(fresh)
