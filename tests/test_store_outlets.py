"""The store's outlet names: the ``outlets`` table, its migration, and settling names in place."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from newsloom.config import OutletNames
from newsloom.model import Article
from newsloom.pipeline import settle_store_outlets
from newsloom.store import Store
from newsloom.store.outlets import OutletRow
from newsloom.store.schema import LATEST, MIGRATIONS


def _article(aid: str, source: str | None, url: str | None) -> Article:
    return Article(id=aid, input=f"{aid}.html", digest=aid, url=url, source=source, body="Text.")


PAGES = [
    _article("a1", "Harbor Gazette", "https://www.harborgazette.example/a1"),
    _article("a2", "Harbor Gazette", "https://harborgazette.example/a2"),
    _article("a3", "harborgazette.example", "https://harborgazette.example/a3"),
    _article("b1", "Valley Wire", "https://valleywire.example/b1"),
    _article("c1", "Lakeshore Ledger", None),
    _article("c2", None, None),
    _article("d1", None, "https://dark.example/d1"),  # a site whose page named no one
]


def _old_store(path: Path) -> None:
    """A store as written before the outlets table existed (schema version 1)."""
    conn = sqlite3.connect(path, isolation_level=None)
    for statement in MIGRATIONS[0].statements:
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    for a in PAGES:
        conn.execute(
            "INSERT INTO articles (id, digest, input, url, source, body, data, ingested_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, 'then')",
            (a.id, a.digest, a.input, a.url, a.source, a.body, a.model_dump_json()),
        )
    conn.close()


def test_migration_builds_the_table_from_the_pages_own_names(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _old_store(path)
    with Store(path) as store:
        assert store.stats()["schema_version"] == LATEST
        assert store.outlets() == [
            OutletRow("Harbor Gazette", ("harborgazette.example",), 3),
            OutletRow(None, ("dark.example",), 2),
            OutletRow("Lakeshore Ledger", (), 1),
            OutletRow("Valley Wire", ("valleywire.example",), 1),
        ]
        assert store.article("a3").source == "harborgazette.example"  # not renamed yet
        assert not store.stories_dirty()


def test_settling_renames_a_sites_odd_page_and_marks_stories_dirty(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _old_store(path)
    with Store(path) as store:
        renamed = settle_store_outlets(store)
        assert renamed == {"a3"}
        assert store.article("a3").source == "Harbor Gazette"  # the model's JSON too
        row = store._conn.execute("SELECT source FROM articles WHERE id = 'a3'").fetchone()
        assert row[0] == "Harbor Gazette"
        assert store.stories_dirty()
        assert settle_store_outlets(store) == set()  # settled stays settled


def test_user_rules_rename_sites_and_pages_without_url(tmp_path: Path) -> None:
    rules = OutletNames.from_table(
        {"valleywire.example": "The Valley Wire", "Lakeshore Ledger": "The Lakeshore Ledger"}
    )
    with Store(tmp_path / "new.db") as store:
        store.write_batch(PAGES, [])
        renamed = settle_store_outlets(store, rules)
        assert renamed == {"a3", "b1", "c1"}
        names = {row.name: row for row in store.outlets()}
        assert names["The Valley Wire"].hosts == ("valleywire.example",)
        assert names["The Lakeshore Ledger"] == OutletRow("The Lakeshore Ledger", (), 1)
        assert store.article("c2").source is None
        assert store.article("d1").source is None  # no name to give it


def test_a_host_whose_pages_moved_away_leaves_the_table(tmp_path: Path) -> None:
    with Store(tmp_path / "new.db") as store:
        store.write_batch([_article("m", "Mover", "https://old.example/m")], [])
        settle_store_outlets(store)
        moved = _article("m", "Mover", "https://new.example/m").model_copy(update={"digest": "x"})
        store.write_batch([moved], [])
        settle_store_outlets(store, hosts={"old.example", "new.example"})
        assert store.outlets() == [OutletRow("Mover", ("new.example",), 1)]
