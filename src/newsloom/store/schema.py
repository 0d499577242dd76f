"""The store's schema: an ordered list of migrations, tracked with ``PRAGMA user_version``.

Each migration runs in its own transaction together with the ``user_version`` bump, so a file is
always at exactly one version, even if the process dies mid-migration. Rules: append new
migrations at the end, never edit or renumber a published one. A file whose version is newer than
:data:`LATEST` was written by a newer newsloom and is refused rather than guessed at.

Article, story and dossier rows keep the whole model as JSON (``data``, ``dossier``) so reading
back is one ``model_validate_json``; the plain columns beside it exist to be queried and indexed.
``articles`` has an explicit ``pk INTEGER PRIMARY KEY`` because ``articles_fts`` is an external
content FTS5 table keyed by rowid, and an implicit rowid may be renumbered by ``VACUUM``.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from newsloom.errors import StoreError
from newsloom.ids import content_id, id_problem, repeated_id
from newsloom.store import derived, outlets, story_ids
from newsloom.store.db import transaction
from newsloom.store.renames import rename_articles

#: ``PRAGMA application_id`` of a newsloom store ("NLOM"), so ``file(1)`` and we can tell it apart
#: from other SQLite files.
APPLICATION_ID = 0x4E4C4F4D


@dataclass(frozen=True, slots=True)
class Migration:
    """SQL statements, then (optionally) a function for what SQL alone cannot do."""

    version: int
    statements: tuple[str, ...]
    run: Callable[[sqlite3.Connection], None] | None = None


_V1 = (
    f"PRAGMA application_id = {APPLICATION_ID:d}",
    """CREATE TABLE articles (
        pk INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        digest TEXT NOT NULL,
        input TEXT NOT NULL,
        url TEXT,
        source TEXT,
        agency TEXT,
        title TEXT,
        published TEXT,
        crawl_date TEXT,
        date_key TEXT,
        body TEXT NOT NULL,
        data TEXT NOT NULL,
        ingested_at TEXT NOT NULL
    )""",
    "CREATE INDEX articles_date_key ON articles(date_key, id)",
    "CREATE INDEX articles_input ON articles(input)",
    """CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, body,
        content='articles', content_rowid='pk',
        tokenize='porter unicode61 remove_diacritics 2'
    )""",
    """CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, body) VALUES (new.pk, new.title, new.body);
    END""",
    """CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, body)
            VALUES ('delete', old.pk, old.title, old.body);
    END""",
    """CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, body)
            VALUES ('delete', old.pk, old.title, old.body);
        INSERT INTO articles_fts(rowid, title, body) VALUES (new.pk, new.title, new.body);
    END""",
    """CREATE TABLE rejections (
        input TEXT PRIMARY KEY,
        code TEXT NOT NULL,
        reason TEXT NOT NULL,
        at TEXT NOT NULL
    )""",
    """CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        title TEXT,
        first_published TEXT,
        last_published TEXT,
        n_articles INTEGER NOT NULL,
        data TEXT NOT NULL,
        dossier TEXT
    )""",
    "CREATE INDEX stories_last_published ON stories(last_published DESC, id)",
    """CREATE TABLE story_articles (
        story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        article_id TEXT NOT NULL REFERENCES articles(id),
        position INTEGER NOT NULL,
        PRIMARY KEY (story_id, article_id)
    )""",
    # Stories partition the articles: an article is in at most one story.
    "CREATE UNIQUE INDEX story_articles_article ON story_articles(article_id)",
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "INSERT INTO meta(key, value) VALUES ('stories_dirty', '0')",
)

_RECORD_ID = re.compile(
    r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
)


def _v2_page_ids(conn: sqlite3.Connection) -> None:
    """Page ids as they are made now (``newsloom.ids``), where the stored row says what they are:
    a WARC record (stored under its record id) gets its target URL; a page read from standard
    input (all stored as ``stdin``) gets ``stdin-<digest>``. Ids that came from a path stay: the
    argument they were relative to is not stored; a re-ingest adopts them (``Store.adopt``)."""
    rows = conn.execute("SELECT id, input, url, digest FROM articles ORDER BY pk").fetchall()
    taken = {row[0] for row in rows}
    pairs: list[tuple[str, str]] = []
    for old, input_, url, digest in rows:
        new = _current_id(old, input_, url, digest)
        if new is None or new == old:
            continue
        if new in taken:
            new = repeated_id(new, taken)
        taken.add(new)
        pairs.append((old, new))
    rename_articles(conn, pairs)


def _current_id(old: str, input_: str, url: str | None, digest: str) -> str | None:
    if old == "stdin" and input_ == "stdin":
        return content_id(digest)
    is_record = _RECORD_ID.fullmatch(old) is not None and input_.endswith(f"#{old}")
    if is_record and url and id_problem(url) is None:
        return url
    return None


#: Version 5: story ids of 64 bits (``story_ids.py``): 32 were a 5% collision risk at 100k.
#:
#: Version 4 (below): one outlet name per site (host → name, pages), from the stored pages' own
#: names (``outlets.py``).
#:
#: Version 3: the derived tables (``derived.py``) that listings, the front page, the entity index
#: and ``sqlite3`` users query, filled from the stored stories (after version 2 gave the articles
#: today's ids); the web package's old ``web_*`` cache tables are dropped.
_V3 = derived.TABLES

#: Every migration, oldest first. Append only.
MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, _V1),
    Migration(2, (), run=_v2_page_ids),
    Migration(3, _V3, run=derived.fill),
    Migration(4, outlets.CREATE, run=outlets.fill),
    Migration(5, (), run=story_ids.widen),
)

LATEST = MIGRATIONS[-1].version


def check(conn: sqlite3.Connection, where: str) -> int:
    """Return the file's schema version; StoreError if it is not ours or is too new."""
    app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if app_id not in (0, APPLICATION_ID):
        raise StoreError(f"{where} is a SQLite database but not a newsloom store")
    if version > LATEST:
        raise StoreError(
            f"{where} has store schema version {version}, newer than this newsloom knows "
            f"({LATEST}); upgrade newsloom to open it"
        )
    return version


def migrate(conn: sqlite3.Connection, where: str) -> int:
    """Bring the file up to :data:`LATEST`, one transaction per migration; return the version."""
    version = check(conn, where)
    for migration in MIGRATIONS:
        if version >= migration.version:
            continue
        with transaction(conn):
            version = check(conn, where)  # again under the write lock: another process may
            if version >= migration.version:  # have migrated while we waited for it
                continue
            if version == 0:
                _refuse_foreign_tables(conn, where)
            for statement in migration.statements:
                conn.execute(statement)
            if migration.run is not None:
                migration.run(conn)
            conn.execute(f"PRAGMA user_version = {migration.version:d}")
            version = migration.version
    return version


def _refuse_foreign_tables(conn: sqlite3.Connection, where: str) -> None:
    """A version-0 file must be empty: never add our tables to someone else's database."""
    (n,) = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    if n:
        raise StoreError(f"{where} is a SQLite database but not a newsloom store")
