"""The web index: derived tables that make the listing, filter and entity pages fast.

The store keeps each dossier as one JSON document, which is right for reading a story but not
for "stories that mention this outlet" over 100k articles. The web app therefore keeps its own
**cache** tables, all named ``web_*``, derived from ``stories`` and never written by anyone else:

============================  ==========================================================
``web_meta``                  ``version`` (of these tables) and ``fingerprint`` (of the stories)
``web_stories``               one row per story: dates, sizes, outlets, independent reports
``web_story_outlets``         outlet → story
``web_outlets``               outlet → number of stories (the filter's choices)
``web_entities``              entity slug → name, type, aliases, counts, across the store
``web_story_entities``        entity slug → story, and the entity's per-story id (``E1`` …)
``web_aliases``               slug of each spelling → entity slug (so guessed addresses work)
``web_reports``               one row per independent report of a story: its time and pages
``web_mentions``              entity or headline phrase → the reports naming it, with times
============================  ==========================================================

``web_stories`` also keeps what the front page shows (``newsloom.front``): the story's section,
its newest page (``newest``, wall-clock ISO, zone dropped) and the first summary line (``lede``).

Entity ids: the store has no entity table; each dossier numbers its entities ``E1`` … Across the
store an entity is its **slug**: the canonical name, diacritics removed, lower-cased, every run of
other characters turned into ``-`` ("Volodymyr Zelenskyy" → ``volodymyr-zelenskyy``). Entities of
different stories with the same slug are one entity page.

Migration: the tables carry their own version (:data:`VERSION`) in ``web_meta``; a file with
another version (or none) gets them dropped and rebuilt: they are a cache, so nothing is lost.
They live in the store file when it is writable (so the cache survives restarts), otherwise in a
separate file the caller chooses (a temporary one by default). The fingerprint (a hash of every
story's id, size, dates and dossier length) says when ``replace_stories`` has run since.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsloom.front.clock import When, parse_when
from newsloom.front.phrases import title_phrases
from newsloom.store import db

#: Version of the ``web_*`` tables below; bump it when they change (they are rebuilt).
VERSION = 2

_TABLES = (
    "web_meta",
    "web_stories",
    "web_story_outlets",
    "web_outlets",
    "web_entities",
    "web_story_entities",
    "web_aliases",
    "web_pages",  # version 2 only
    "web_reports",
    "web_mentions",
)

_SCHEMA = (
    "CREATE TABLE web_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TABLE web_stories (
        id TEXT PRIMARY KEY,
        title TEXT,
        first_published TEXT,
        last_published TEXT,
        n_articles INTEGER NOT NULL,
        n_reports INTEGER NOT NULL,
        n_outlets INTEGER NOT NULL,
        outlets TEXT NOT NULL,
        section TEXT,
        newest TEXT,
        lede TEXT
    )""",
    "CREATE INDEX web_stories_newest ON web_stories(newest DESC, id)",
    "CREATE INDEX web_stories_recent ON web_stories(last_published DESC, id)",
    "CREATE INDEX web_stories_size ON web_stories(n_articles DESC, last_published DESC, id)",
    """CREATE TABLE web_story_outlets (
        outlet TEXT NOT NULL, story_id TEXT NOT NULL, PRIMARY KEY (outlet, story_id)
    ) WITHOUT ROWID""",
    "CREATE TABLE web_outlets (name TEXT PRIMARY KEY, n_stories INTEGER NOT NULL)",
    """CREATE TABLE web_entities (
        slug TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        aliases TEXT NOT NULL,
        n_stories INTEGER NOT NULL,
        mentions INTEGER NOT NULL
    )""",
    "CREATE INDEX web_entities_size ON web_entities(n_stories DESC, slug)",
    """CREATE TABLE web_story_entities (
        slug TEXT NOT NULL, story_id TEXT NOT NULL, entity_id TEXT NOT NULL,
        PRIMARY KEY (slug, story_id, entity_id)
    ) WITHOUT ROWID""",
    """CREATE TABLE web_aliases (
        alias TEXT NOT NULL, slug TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (alias, slug)
    ) WITHOUT ROWID""",
    """CREATE TABLE web_reports (
        story_id TEXT NOT NULL, report_id TEXT NOT NULL, at TEXT NOT NULL, pages INTEGER NOT NULL
    )""",
    "CREATE INDEX web_reports_at ON web_reports(at)",
    """CREATE TABLE web_mentions (
        kind TEXT NOT NULL, key TEXT NOT NULL, name TEXT NOT NULL,
        story_id TEXT NOT NULL, report_id TEXT NOT NULL, at TEXT NOT NULL
    )""",
    "CREATE INDEX web_mentions_at ON web_mentions(at)",
)

#: Characters of the first summary line kept as a story's lede (feeds, front page).
LEDE_CHARS = 280

_FINGERPRINT = """
SELECT id, n_articles, coalesce(first_published, ''), coalesce(last_published, ''),
       coalesce(length(dossier), -1), coalesce(json_extract(data, '$.section'), '')
FROM stories ORDER BY id
"""


def slugify(name: str) -> str:
    """The store-wide id of an entity name: ``"Zelenskyy, Volodymyr"`` → ``zelenskyy-volodymyr``."""
    plain = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    out, dash = [], False
    for char in plain:
        if char.isalnum():
            out.append(char)
            dash = False
        elif not dash and out:
            out.append("-")
            dash = True
    return "".join(out).strip("-") or "-"


def fingerprint(conn: sqlite3.Connection) -> str:
    """A hash of what the index is derived from; it changes whenever the stories do."""
    digest = hashlib.sha256()
    for row in conn.execute(_FINGERPRINT):
        digest.update(repr(row).encode())
    return digest.hexdigest()[:32]


def writable(path: Path) -> bool:
    """Can the index tables go into ``path`` itself (file and folder writable, for the WAL)?"""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def is_current(index_conn: sqlite3.Connection, stamp: str) -> bool:
    try:
        rows = dict(index_conn.execute("SELECT key, value FROM web_meta").fetchall())
    except sqlite3.OperationalError:  # no web_meta yet
        return False
    return rows.get("version") == str(VERSION) and rows.get("fingerprint") == stamp


def build(store_path: Path, index_path: Path) -> str:
    """(Re)build the index of the store at ``store_path`` into ``index_path``; return its stamp.

    Reads with a read-only connection to the store and writes with a connection of its own to
    ``index_path`` (which may be the store file): one ``BEGIN IMMEDIATE`` transaction, so
    readers see the old index until the new one is whole. Does nothing when it is current.
    """
    source = db.open_read(store_path)
    try:
        source.execute("BEGIN")  # one snapshot for the fingerprint and the rows
        stamp = fingerprint(source)
        target = db.open_write(index_path)
        try:
            db.configure_writer(target)
            if not is_current(target, stamp):
                _write(target, _collect(source), stamp)
        finally:
            target.close()
        source.execute("COMMIT")
    finally:
        source.close()
    return stamp


# ------------------------------------------------------------------------------- collecting


@dataclass(slots=True)
class _EntityAgg:
    names: Counter[str] = field(default_factory=Counter)
    types: Counter[str] = field(default_factory=Counter)
    aliases: Counter[str] = field(default_factory=Counter)
    stories: set[str] = field(default_factory=set)
    mentions: int = 0


@dataclass(slots=True)
class _Rows:
    stories: list[tuple[Any, ...]] = field(default_factory=list)
    story_outlets: set[tuple[str, str]] = field(default_factory=set)
    story_entities: set[tuple[str, str, str]] = field(default_factory=set)
    entities: dict[str, _EntityAgg] = field(default_factory=lambda: defaultdict(_EntityAgg))
    reports: list[tuple[str, str, str, int]] = field(default_factory=list)
    mentions: set[tuple[str, str, str, str, str, str]] = field(default_factory=set)


#: Each page of each story: its time (as sortable text) and headline.
_PAGES = """
SELECT sa.article_id, a.date_key, a.title
FROM story_articles AS sa JOIN articles AS a ON a.id = sa.article_id
"""


@dataclass(frozen=True, slots=True)
class _Page:
    at: When | None
    title: str | None


def _collect(source: sqlite3.Connection) -> _Rows:
    rows = _Rows()
    pages = {aid: _Page(parse_when(when), title) for aid, when, title in source.execute(_PAGES)}
    query = (
        "SELECT id, title, first_published, last_published, n_articles, data, dossier FROM stories"
    )
    for sid, title, first, last, n_articles, data, dossier in source.execute(query):
        story = json.loads(data)
        fused = json.loads(dossier) if dossier else {}
        copies = sum(max(0, len(g.get("articles", [])) - 1) for g in story.get("copy_groups", []))
        outlets = [[s["name"], bool(s.get("independent", True))] for s in fused.get("sources", [])]
        report_of = _report_of(story)
        newest = _add_pages(rows, sid, story.get("articles", []), report_of, pages)
        summary = fused.get("summary") or [{}]
        rows.stories.append(
            (
                sid,
                title,
                first,
                last,
                n_articles,
                max(1, n_articles - copies) if n_articles else 0,
                len(outlets),
                json.dumps(outlets, ensure_ascii=False),
                story.get("section"),
                newest,
                (summary[0].get("text") or "")[:LEDE_CHARS] or None,
            )
        )
        rows.story_outlets.update((name, sid) for name, _ in outlets)
        for entity in fused.get("entities", []):
            _add_entity(rows, sid, entity)
            named = Named("entity", slugify(entity["name"]), entity["name"])
            _add_mentions(rows, sid, named, entity.get("articles") or [], report_of, pages)
    return rows


def _report_of(story: dict[str, Any]) -> dict[str, str]:
    """Article id → its independent report: the earliest page of its copy group, else itself."""
    return {a: g["earliest"] for g in story.get("copy_groups", []) for a in g.get("articles", [])}


def _add_pages(
    rows: _Rows, sid: str, articles: list[str], report_of: dict[str, str], pages: dict[str, _Page]
) -> str | None:
    """Add the story's reports (each at its earliest page) and headline phrases.

    Returns the newest page's time (sortable text), or None when no page is dated.
    """
    first: dict[str, When] = {}
    size: Counter[str] = Counter()
    for aid in articles:
        page = pages.get(aid)
        if page is None or page.at is None:
            continue
        report = report_of.get(aid, aid)
        size[report] += 1
        if report not in first or page.at.at < first[report].at:
            first[report] = page.at
        for phrase in title_phrases(page.title):
            _add_mentions(rows, sid, Named("phrase", phrase, phrase), [aid], report_of, pages)
    rows.reports += [(sid, r, at.key, size[r]) for r, at in first.items()]
    dated = [p.at for a in articles if (p := pages.get(a)) is not None and p.at is not None]
    return max(dated, key=lambda w: w.at).key if dated else None


@dataclass(frozen=True, slots=True)
class Named:
    """What a mention names: an entity (by slug) or a headline phrase."""

    kind: str
    key: str
    name: str


def _add_mentions(
    rows: _Rows,
    sid: str,
    named: Named,
    articles: list[str],
    report_of: dict[str, str],
    pages: dict[str, _Page],
) -> None:
    """One row per independent report naming it, at the report's own (earliest) page time."""
    for aid in articles:
        report = report_of.get(aid, aid)
        page = pages.get(report)
        if page is not None and page.at is not None:
            rows.mentions.add((named.kind, named.key, named.name, sid, report, page.at.key))


def _add_entity(rows: _Rows, story_id: str, entity: dict[str, Any]) -> None:
    slug = slugify(entity["name"])
    agg = rows.entities[slug]
    agg.names[entity["name"]] += 1
    agg.types[entity.get("type") or "MISC"] += 1
    agg.aliases.update(entity.get("aliases") or [])
    agg.stories.add(story_id)
    agg.mentions += int(entity.get("mentions") or 0)
    rows.story_entities.add((slug, story_id, entity["id"]))


def _write(conn: sqlite3.Connection, rows: _Rows, stamp: str) -> None:
    with db.transaction(conn):
        for table in _TABLES:
            conn.execute(f"DROP TABLE IF EXISTS {table}")
        for statement in _SCHEMA:
            conn.execute(statement)
        conn.executemany(
            "INSERT INTO web_stories VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows.stories
        )
        conn.executemany("INSERT INTO web_reports VALUES (?, ?, ?, ?)", rows.reports)
        conn.executemany(
            "INSERT INTO web_mentions VALUES (?, ?, ?, ?, ?, ?)", sorted(rows.mentions)
        )
        conn.executemany("INSERT INTO web_story_outlets VALUES (?, ?)", sorted(rows.story_outlets))
        outlets = Counter(name for name, _ in rows.story_outlets)
        conn.executemany("INSERT INTO web_outlets VALUES (?, ?)", sorted(outlets.items()))
        conn.executemany(
            "INSERT INTO web_story_entities VALUES (?, ?, ?)", sorted(rows.story_entities)
        )
        conn.executemany(
            "INSERT INTO web_entities VALUES (?, ?, ?, ?, ?, ?)", _entity_rows(rows.entities)
        )
        conn.executemany("INSERT INTO web_aliases VALUES (?, ?, ?)", _alias_rows(rows.entities))
        conn.executemany(
            "INSERT INTO web_meta VALUES (?, ?)",
            [("version", str(VERSION)), ("fingerprint", stamp)],
        )


def _entity_rows(entities: dict[str, _EntityAgg]) -> Iterable[tuple[Any, ...]]:
    for slug, agg in entities.items():
        name = agg.names.most_common(1)[0][0]
        aliases = sorted(set(agg.aliases) | set(agg.names), key=lambda a: (-agg.aliases[a], a))
        yield (
            slug,
            name,
            agg.types.most_common(1)[0][0],
            json.dumps(aliases, ensure_ascii=False),
            len(agg.stories),
            agg.mentions,
        )


def _alias_rows(entities: dict[str, _EntityAgg]) -> Iterable[tuple[str, str, int]]:
    for slug, agg in entities.items():
        counts: Counter[str] = Counter()
        for alias in set(agg.aliases) | set(agg.names):
            counts[slugify(alias)] += len(agg.stories)
        for alias_slug, n in counts.items():
            if alias_slug != slug:
                yield alias_slug, slug, n
