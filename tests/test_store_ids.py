"""Story ids of 64 bits, and the migration that widens the 32-bit ids of older stores."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from newsloom.group import stories as group_stories
from newsloom.model import Article, Dossier, SourceCoverage, Story
from newsloom.store import Store, story_ids
from newsloom.store import schema as store_schema


def _sha(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()


def test_story_ids_have_64_bits() -> None:
    sid = group_stories.story_id("crawl/a.html")
    assert sid == "S" + _sha("crawl/a.html")[:16]
    assert story_ids.STORY_ID_HEX == group_stories.STORY_ID_HEX  # the store's copy agrees


def test_wide_id_keeps_an_id_not_made_from_the_earliest_article() -> None:
    assert story_ids.wide_id("S" + _sha("a1")[:8], "a1") == "S" + _sha("a1")[:16]
    assert story_ids.wide_id("S1", "a1") == "S1"  # hand-made
    assert story_ids.wide_id("S" + _sha("b2")[:8], "a1") == "S" + _sha("b2")[:8]  # another's


def _version_four_store(path: Path, stories: list[tuple[str, list[str]]]) -> None:
    """A store as version 4 wrote it: 32-bit story ids."""
    conn = sqlite3.connect(path, isolation_level=None)
    for migration in store_schema.MIGRATIONS[:4]:
        for statement in migration.statements:
            conn.execute(statement)
    conn.execute("PRAGMA user_version = 4")
    for sid, members in stories:
        for aid in members:
            article = Article(id=aid, input=f"{aid}.html", digest=aid, source="Harbor Gazette",
                              title="Bridge to reopen", body="The bridge will reopen.")  # fmt: skip
            conn.execute(
                "INSERT INTO articles (id, digest, input, source, title, body, data, ingested_at)"
                " VALUES (?, ?, ?, 'Harbor Gazette', 'Bridge to reopen', ?, ?, '2024-05-03')",
                (aid, aid, f"{aid}.html", article.body, article.model_dump_json()),
            )
        story = Story(id=sid, title="Bridge to reopen", articles=members)
        dossier = Dossier(
            story=sid,
            sources=[SourceCoverage(name="Harbor Gazette", articles=members, independent=True)],
        )
        conn.execute(
            "INSERT INTO stories VALUES (?, 'Bridge to reopen', NULL, NULL, ?, ?, ?)",
            (sid, len(members), story.model_dump_json(), dossier.model_dump_json()),
        )
        conn.executemany(
            "INSERT INTO story_articles VALUES (?, ?, ?)",
            [(sid, a, i) for i, a in enumerate(members)],
        )
    conn.close()


def test_migration_widens_story_ids_everywhere(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    old = "S" + _sha("a1")[:8]
    _version_four_store(db, [(old, ["a1", "a2"]), ("S1", ["b1"])])
    new = "S" + _sha("a1")[:16]
    with Store(db) as store:
        assert sorted(s.id for s in store.stories()) == sorted([new, "S1"])
        assert store.story(new).articles == ["a1", "a2"]
        assert store.dossier(new).story == new
        assert store.story_members(["a2"]) == {new: ["a1", "a2"]}
        (n,) = store._conn.execute(
            "SELECT count(*) FROM coverage WHERE story_id = ?", (new,)
        ).fetchone()
        assert n == 1  # the derived tables follow
        assert store.story_ids_like(old) == [new]  # an old link still finds it
        assert store.dossier("S1").story == "S1"
