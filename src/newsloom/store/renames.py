"""Renaming stored articles: the article row, its story membership, and every reference to it
in the stories' and dossiers' JSON, in the caller's transaction.

Used by the schema migration that gives old stores the page ids of today (``schema``), and by
``Store.adopt`` when a re-read page finds itself stored under the id an older newsloom gave it.
Only the keys that hold article ids are rewritten, so an entity or a quote whose text happens to
equal an old id is left alone.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence

from newsloom.store import derived

#: JSON keys of ``Story`` and ``Dossier`` (and what they nest) whose values are article ids.
ARTICLE_KEYS = frozenset({"article", "articles", "earliest", "longest", "copy_of"})


def rename_articles(conn: sqlite3.Connection, pairs: Sequence[tuple[str, str]]) -> int:
    """Rename articles ``old -> new`` (inside an open transaction); return how many were.

    A pair whose old id is not stored, or whose new id is already taken, is passed over.
    """
    done: dict[str, str] = {}
    conn.execute("PRAGMA defer_foreign_keys = ON")  # the memberships follow in this transaction
    for old, new in pairs:
        if old == new or not _exists(conn, old) or _exists(conn, new):
            continue
        (data,) = conn.execute("SELECT data FROM articles WHERE id = ?", (old,)).fetchone()
        record = json.loads(data)
        record["id"] = new
        conn.execute(
            "UPDATE articles SET id = ?, data = ? WHERE id = ?",
            (new, json.dumps(record, ensure_ascii=False, separators=(",", ":")), old),
        )
        conn.execute("UPDATE story_articles SET article_id = ? WHERE article_id = ?", (new, old))
        done[old] = new
    if done:
        _rewrite_stories(conn, done)
    return len(done)


def _exists(conn: sqlite3.Connection, article_id: str) -> bool:
    row = conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
    return row is not None


def _rewrite_stories(conn: sqlite3.Connection, done: Mapping[str, str]) -> None:
    stories = conn.execute(
        "SELECT DISTINCT s.id, s.data, s.dossier FROM stories AS s "
        "JOIN story_articles AS sa ON sa.story_id = s.id "
        "WHERE sa.article_id IN (SELECT value FROM json_each(?))",
        (json.dumps(sorted(done.values())),),
    ).fetchall()
    for story_id, data, dossier in stories:
        conn.execute(
            "UPDATE stories SET data = ?, dossier = ? WHERE id = ?",
            (_renamed_json(data, done), _renamed_json(dossier, done), story_id),
        )
    derived.rederive(conn, [story_id for story_id, _, _ in stories])


def _renamed_json(text: str | None, done: Mapping[str, str]) -> str | None:
    if text is None:
        return None
    return json.dumps(renamed(json.loads(text), done), ensure_ascii=False, separators=(",", ":"))


def renamed(value: object, done: Mapping[str, str], key: str | None = None) -> object:
    """``value`` with the article ids under ``ARTICLE_KEYS`` renamed per ``done``."""
    if isinstance(value, dict):
        return {k: renamed(v, done, k) for k, v in value.items()}
    if isinstance(value, list):
        return [renamed(v, done, key) for v in value]
    if isinstance(value, str) and key in ARTICLE_KEYS:
        return done.get(value, value)
    return value
