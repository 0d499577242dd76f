"""The store's derived tables (quotes, figures, coverage, timeline, entities, listings): written
with the stories, kept in step when some stories change, filled by the migration for old
stores; read commands open a store read-only; write faults become a clear exit code."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from newsloom.cli import Exit, write_fault
from newsloom.errors import StoreError
from newsloom.model import (
    Article,
    Dossier,
    Entity,
    FigureClaim,
    FigureReport,
    QuoteGroup,
    QuoteVariant,
    SourceCoverage,
    Story,
    SummaryLine,
    TimelineEntry,
)
from newsloom.store import Store, StoreReader, StoryFilter
from newsloom.store import schema as store_schema

BODY = "Mayor Ana Ortiz said the bridge will reopen. About 1,200 residents signed it."


def _article(id: str, source: str, published: str, title: str) -> Article:
    return Article(
        id=id,
        input=f"{id}.html",
        digest=id,
        source=source,
        published=published,
        title=title,
        body=BODY,
    )


def _dossier(story: str, arts: list[tuple[str, str]], entity: str = "Ana Ortiz") -> Dossier:
    return Dossier(
        story=story,
        sources=[
            SourceCoverage(name=outlet, articles=[aid], independent=i == 0, first=i == 0)
            for i, (aid, outlet) in enumerate(arts)
        ],
        entities=[
            Entity(
                id="E1",
                name=entity,
                type="PERSON",
                aliases=[entity.split()[-1]],
                articles=[a for a, _ in arts],
                mentions=3,
            )
        ],
        quotes=[
            QuoteGroup(
                speaker=entity,
                speaker_entity="E1",
                longest=arts[0][0],
                earliest=arts[0][0],
                variants=[
                    QuoteVariant(
                        article=aid, text="the bridge will reopen", start=20, end=42, outlet=outlet
                    )
                    for aid, outlet in arts
                ],
            )
        ],
        figures=[
            FigureClaim(
                value=1200,
                counts="residents",
                status="corroborated",
                independent_reports=2,
                reports=[
                    FigureReport(
                        article=aid,
                        text="About 1,200 residents",
                        outlet=outlet,
                        value=1200,
                        qualifier="about",
                        start=44,
                        end=65,
                    )
                    for aid, outlet in arts
                ],
            )
        ],
        timeline=[
            TimelineEntry(date="2024-05-02", text=BODY, articles=[arts[0][0]], outlets=[arts[0][1]])
        ],
        summary=[SummaryLine(text="The bridge will reopen.", articles=[arts[0][0]])],
    )


def _fill(store: Store) -> None:
    arts = [
        _article("a1", "Harbor Gazette", "2024-05-02T09:30", "Bridge to reopen"),
        _article("a2", "Valley Times", "2024-05-02T11:00", "Bridge reopening set"),
        _article("b1", "Valley Times", "2024-05-04T08:00", "Ferry strike ends"),
    ]
    store.write_batch(arts, [])
    stories = [
        Story(
            id="S1",
            title="Bridge to reopen",
            articles=["a1", "a2"],
            first_published="2024-05-02T09:30",
            last_published="2024-05-02T11:00",
        ),
        Story(
            id="S2",
            title="Ferry strike ends",
            articles=["b1"],
            first_published="2024-05-04T08:00",
            last_published="2024-05-04T08:00",
        ),
    ]
    dossiers = {
        "S1": _dossier("S1", [("a1", "Harbor Gazette"), ("a2", "Valley Times")]),
        "S2": _dossier("S2", [("b1", "Valley Times")], entity="Ana Ortiz"),
    }
    store.replace_stories(stories, dossiers)


def test_derived_tables_answer_plain_sql(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with Store(db) as store:
        _fill(store)
    conn = sqlite3.connect(db)
    by_outlet = dict(conn.execute("SELECT outlet, count(*) FROM figures GROUP BY outlet"))
    assert by_outlet == {"Harbor Gazette": 1, "Valley Times": 2}
    quotes = conn.execute("SELECT story_id, article_id, speaker FROM quotes ORDER BY 1, 2")
    assert [tuple(r) for r in quotes] == [
        ("S1", "a1", "Ana Ortiz"),
        ("S1", "a2", "Ana Ortiz"),
        ("S2", "b1", "Ana Ortiz"),
    ]
    coverage = conn.execute("SELECT outlet, independent FROM coverage WHERE story_id = 'S1'")
    assert dict(coverage) == {"Harbor Gazette": 1, "Valley Times": 0}
    assert conn.execute("SELECT date FROM timeline WHERE story_id = 'S1'").fetchone() == (
        "2024-05-02",
    )
    (n_stories,) = conn.execute(
        "SELECT n_stories FROM entities WHERE slug = 'ana-ortiz'"
    ).fetchone()
    assert n_stories == 2
    # the foreign keys hold: every figure's article is a stored article
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()


def test_some_stories_replaced_keeps_the_rest_and_store_wide_entities(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        _fill(store)
        before = store.stories_version()
        story = Story(id="S3", title="Ferry strike ends", articles=["b1"])
        store.replace_some_stories(
            ["S2"], [story], {"S3": _dossier("S3", [("b1", "Valley Times")], entity="Lee Park")}
        )
        assert store.stories_version() == before + 1
        rows, total = store.story_page(StoryFilter(), 0, 10)
        assert total == 2 and {r.id for r in rows} == {"S1", "S3"}
        ana = store.entity("ana-ortiz")
        assert ana is not None and ana.n_stories == 1  # S2 is gone; only S1 names her now
        assert store.resolve_entity("Park") == "lee-park"  # a spelling leads to the entity
        conn = store._conn
        assert conn.execute("SELECT count(*) FROM quotes WHERE story_id = 'S2'").fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM mentions WHERE story_id = 'S2'").fetchone() == (
            0,
        )
        outlets = {o.name: o.stories for o in store.outlet_counts()}
        assert outlets == {"Harbor Gazette": 1, "Valley Times": 2}


def _version_one_store(path: Path) -> None:
    """A store as the first release wrote it: schema 1, web cache tables inside."""
    conn = sqlite3.connect(path, isolation_level=None)
    for statement in store_schema.MIGRATIONS[0].statements:
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    conn.execute("CREATE TABLE web_stories (id TEXT)")
    article = _article("a1", "Harbor Gazette", "2024-05-02T09:30", "Bridge to reopen")
    conn.execute(
        "INSERT INTO articles (id, digest, input, source, title, published, date_key, body, data,"
        " ingested_at) VALUES ('a1', 'a1', 'a1.html', 'Harbor Gazette', 'Bridge to reopen',"
        " '2024-05-02T09:30', '2024-05-02T09:30', ?, ?, '2024-05-03')",
        (BODY, article.model_dump_json()),
    )
    story = Story(id="S1", title="Bridge to reopen", articles=["a1"])
    dossier = _dossier("S1", [("a1", "Harbor Gazette")])
    conn.execute(
        "INSERT INTO stories VALUES ('S1', 'Bridge to reopen', NULL, NULL, 1, ?, ?)",
        (story.model_dump_json(), dossier.model_dump_json()),
    )
    conn.execute("INSERT INTO story_articles VALUES ('S1', 'a1', 0)")
    conn.close()


def test_old_store_is_migrated_with_its_stories(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    _version_one_store(db)
    with pytest.raises(StoreError, match="older newsloom"):  # a reader never migrates
        StoreReader(db)
    with Store(db) as store:  # a writer does, once
        tables = {r[0] for r in store._conn.execute("SELECT name FROM sqlite_master")}
        assert "web_stories" not in tables
        (n,) = store._conn.execute("SELECT count(*) FROM figures").fetchone()
        assert n == 1
        assert store.entity("ana-ortiz") is not None
    with StoreReader(db) as reader:
        assert [r.id for r in reader.story_page(StoryFilter(), 0, 5)[0]] == ["S1"]


def test_write_fault_messages() -> None:
    assert "full" in (write_fault(sqlite3.OperationalError("database or disk is full")) or "")
    assert "read-only" in (
        write_fault(sqlite3.OperationalError("attempt to write a readonly database")) or ""
    )
    assert "locked" in (write_fault(sqlite3.OperationalError("database is locked")) or "")
    assert write_fault(sqlite3.OperationalError("no such table: x")) is None
    assert write_fault(ValueError("database or disk is full")) is None


def test_disk_full_mid_ingest_is_exit_7_and_a_rerun_completes(tmp_path: Path) -> None:
    """SQLite's page cap stands in for a full disk: the same error, the same code path."""
    pages = tmp_path / "pages"
    pages.mkdir()
    for n in range(6):
        words = " ".join(f"word{n}x{k}" for k in range(400))
        (pages / f"p{n}.txt").write_text(
            f"Title number {n} here\n\nBy Ann Lee\n\n{words}. The end of page {n}.\n"
        )
    db = tmp_path / "s.db"
    script = (
        "import sys\n"
        "from newsloom.store import db\n"
        "orig = db.configure_writer\n"
        "def capped(conn):\n"
        "    orig(conn)\n"
        "    conn.execute('PRAGMA max_page_count = 60')\n"
        "db.configure_writer = capped\n"
        "from newsloom.cli import main\n"
        "sys.argv = ['newsloom', 'ingest', '--batch-size', '1', '--db', sys.argv[1], sys.argv[2]]\n"
        "main()\n"
    )
    env = {**os.environ, "HOME": str(tmp_path)}
    full = subprocess.run(
        [sys.executable, "-c", script, str(db), str(pages)],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert full.returncode == Exit.STORE_WRITE, full.stderr
    assert "full" in full.stderr and "internal error" not in full.stderr
    with Store(db) as store:
        assert store._conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        stored = store.count_articles()
    assert stored < 6
    rerun = subprocess.run(
        [sys.executable, "-m", "newsloom", "ingest", "--db", str(db), str(pages)],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert rerun.returncode == Exit.OK, rerun.stderr
    with StoreReader(db) as reader:
        assert reader.count_articles() == 6


@pytest.mark.skipif(
    os.geteuid() != 0 or shutil.which("setpriv") is None,
    reason="needs root to run a read command as another user",
)
def test_read_commands_work_on_a_store_in_a_read_only_folder() -> None:
    """A store another user owns, in a folder we cannot write: read commands still answer."""
    top = Path(tempfile.mkdtemp(prefix="newsloom-ro-"))  # pytest's tmp_path is root-only
    os.chmod(top, 0o755)
    folder = top / "ro"
    folder.mkdir()
    with Store(folder / "s.db") as store:
        _fill(store)
    os.chmod(folder, 0o555)
    os.chmod(folder / "s.db", 0o444)
    env = {**os.environ, "HOME": "/tmp", "PYTHONPATH": str(Path(__file__).parents[1] / "src")}
    result = subprocess.run(
        [
            "setpriv",
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            sys.executable,
            "-m",
            "newsloom",
            "export",
            "--db",
            str(folder / "s.db"),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert sorted(s["id"] for s in json.loads(result.stdout)["stories"]) == ["S1", "S2"]
    assert sorted(p.name for p in folder.iterdir()) == ["s.db"]
    os.chmod(folder, 0o755)
    shutil.rmtree(top)


def test_search_finds_every_spelling_of_an_entity(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        a = _article("ap", "AP", "2024-11-02T10:00", "Zelenskyy urges allies")
        b = _article("upi", "UPI", "2024-11-02T12:00", "Zelensky warns on troops")
        a = a.model_copy(update={"body": "President Volodymyr Zelenskyy said allies must act."})
        b = b.model_copy(update={"body": "Ukrainian President Volodymyr Zelensky warned."})
        store.write_batch([a, b], [])
        dossier = Dossier(
            story="S1",
            entities=[
                Entity(
                    id="E1",
                    name="Volodymyr Zelenskyy",
                    type="PERSON",
                    aliases=["Zelenskyy", "Zelensky", "Volodymyr Zelensky"],
                    articles=["ap", "upi"],
                    mentions=2,
                )
            ],
        )
        store.replace_stories([Story(id="S1", articles=["ap", "upi"])], {"S1": dossier})
        for typed in ("Zelenskyy", "zelensky", "Zelenskiy"):  # the last is in no page
            hits = store.search(typed)
            assert sorted(h.article for h in hits) == ["ap", "upi"], typed
            assert "also written" in " ".join(store.search_plan(typed).notes)
        assert sorted(h.article for h in store.search("zelensky OR nothingatall")) == ["ap", "upi"]
        assert [h.article for h in store.search("entity:Zelenskiy outlet:UPI")] == ["upi"]
        assert store.search("Zelenskiy*") == []  # a prefix is taken as typed: no page has it
        assert store.search_plan("allies").notes == []


def test_renaming_an_article_rewrites_its_derived_rows(tmp_path: Path) -> None:
    """A page adopted under its new id (``Store.adopt``) takes its quotes, figures and coverage
    rows along: the foreign keys hold and the rows name the new id."""
    db = tmp_path / "s.db"
    with Store(db) as store:
        _fill(store)
        adopted = store.adopt([("crawl/a1", "a1.html", "a1")])
        assert adopted == {"crawl/a1"}
        conn = store._conn
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        ids = {r[0] for r in conn.execute("SELECT article_id FROM figures WHERE story_id = 'S1'")}
        assert ids == {"crawl/a1", "a2"}
        assert store.entity("ana-ortiz") is not None
        assert store.story("S1").articles[0] == "crawl/a1"
