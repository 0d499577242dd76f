"""Reading the store for the web app: one read-only connection pair per worker thread.

Request handlers run in a thread pool. Each thread gets its own :class:`~newsloom.store.StoreReader`
(the store's public read methods) and its own raw read-only connection for the web index queries
(``index.py``), with the index file attached when it is not the store file. WAL mode means none
of them blocks, or is blocked by, a writer (``ingest`` in another process, or the upload path).

The index is rebuilt by :meth:`Catalog.refresh` when the stories change; a background thread
calls it every :data:`REFRESH_SECONDS`, and it costs one ``PRAGMA data_version`` when nothing
was committed since.
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
import threading
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal, TypeVar, cast

from newsloom.front.clock import parse_when
from newsloom.front.rank import PageMark
from newsloom.front.trending import MentionMark
from newsloom.store import HIT_END, HIT_START, SearchHit, StoreReader, db
from newsloom.store.fts import match_expression
from newsloom.store.reading import BODY_WEIGHT, SNIPPET_TOKENS, TITLE_WEIGHT
from newsloom.web import index

#: How often the background thread checks whether the stories changed. A regroup takes far
#: longer than this, so a reader waits at most this long to see new stories in the listing.
REFRESH_SECONDS = 2.0

#: Article hits used to find the stories that match a search-box query on the stories page.
#: More than any analyst pages through; it bounds the work of a query matching everything.
MAX_SEARCH_ARTICLES = 5000

Sort = Literal["recent", "size"]

T = TypeVar("T")

#: Front-page answers remembered per index stamp (each is a few kilobytes).
MEMO_SIZE = 64


@dataclass(frozen=True, slots=True)
class StoryFilter:
    """What the stories page and ``/api/v1/stories`` filter and sort by (all optional)."""

    q: str = ""
    outlet: str = ""
    entity: str = ""
    since: date | None = None
    until: date | None = None
    sort: Sort = "recent"

    def active(self) -> bool:
        return bool(self.q or self.outlet or self.entity or self.since or self.until)


@dataclass(frozen=True, slots=True)
class OutletMark:
    name: str
    independent: bool


@dataclass(frozen=True, slots=True)
class StoryRow:
    """One line of the stories list."""

    id: str
    title: str | None
    first_published: str | None
    last_published: str | None
    n_articles: int
    n_reports: int
    outlets: list[OutletMark]

    @property
    def n_outlets(self) -> int:
        return len(self.outlets)


@dataclass(frozen=True, slots=True)
class FrontRow:
    """A story as the front page shows it: its list row, section, newest page and lede."""

    row: StoryRow
    section: str | None
    newest: str | None  # sortable wall-clock text (see ``front.clock.When.key``)
    lede: str | None


@dataclass(frozen=True, slots=True)
class EntityRow:
    slug: str
    name: str
    type: str
    aliases: list[str]
    n_stories: int
    mentions: int


_STORY_COLUMNS = "id, title, first_published, last_published, n_articles, n_reports, outlets"
_ORDER: dict[Sort, str] = {
    "recent": "last_published DESC, id",
    "size": "n_articles DESC, last_published DESC, id",
}

# Search in two steps: rank the matches by bm25 without building any snippet, then build
# snippets for the one page shown. (Building them in the ranking query, as ``Store.search``
# does, costs a snippet per match: 58 ms instead of 24 for a word in 1% of 100k articles.)
_SEARCH_RANK = f"""
SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?
ORDER BY bm25(articles_fts, {TITLE_WEIGHT}, {BODY_WEIGHT}), rowid LIMIT ? OFFSET ?
"""
# The rowids go in as integer literals (ints read back from the index, never user text): FTS5
# plans a literal ``IN`` list as rowid lookups, 4x faster than ``json_each`` or one query each.
_SEARCH_PAGE = f"""
SELECT articles_fts.rowid, a.id, a.title, a.source, a.published, sa.story_id,
       snippet(articles_fts, -1, ?, ?, '…', {SNIPPET_TOKENS:d}),
       bm25(articles_fts, {TITLE_WEIGHT}, {BODY_WEIGHT})
FROM articles_fts
JOIN articles AS a ON a.pk = articles_fts.rowid
LEFT JOIN story_articles AS sa ON sa.article_id = a.id
WHERE articles_fts MATCH ? AND articles_fts.rowid IN ({{rowids}})
"""
_SEARCH_COUNT = "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?"

_FTS_STORIES = """
SELECT DISTINCT sa.story_id FROM (
    SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? LIMIT ?
) AS hit
JOIN articles AS a ON a.pk = hit.rowid
JOIN story_articles AS sa ON sa.article_id = a.id
"""


class Catalog:
    """The web app's view of one store file; safe to share between threads."""

    def __init__(self, store_path: Path, index_path: Path | None = None) -> None:
        self.store_path = store_path
        if index_path is None:
            index_path = store_path if index.writable(store_path) else _temp_index()
        self.index_path = index_path
        self._local = threading.local()
        self._lock = threading.Lock()
        self._open: list[sqlite3.Connection | StoreReader] = []
        self._probe: sqlite3.Connection | None = None
        self._seen_version: int | None = None
        self._memo: dict[Hashable, object] = {}
        self._memo_lock = threading.Lock()  # not ``_lock``: a refresh holds that one for long
        self.stamp = index.build(store_path, index_path)
        self.stats = _stats(store_path)

    # ------------------------------------------------------------------------- lifecycle

    def reader(self) -> StoreReader:
        """This thread's read-only store connection (the store's own read methods)."""
        found: StoreReader | None = getattr(self._local, "reader", None)
        if found is None:
            found = StoreReader(self.store_path)
            self._local.reader = found
            self._remember(found)
        return found

    def _conn(self) -> sqlite3.Connection:
        found: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if found is None:
            found = db.open_read(self.store_path)
            if self.index_path != self.store_path:
                uri = self.index_path.resolve().as_uri() + "?mode=ro"
                found.execute("ATTACH DATABASE ? AS ix", (uri,))
            self._local.conn = found
            self._remember(found)
        return found

    def _remember(self, conn: sqlite3.Connection | StoreReader) -> None:
        with self._lock:
            self._open.append(conn)

    def close(self) -> None:
        with self._lock:
            for conn in self._open:
                conn.close()
            self._open.clear()
            if self._probe is not None:
                self._probe.close()
                self._probe = None

    def refresh(self) -> bool:
        """Rebuild the index if the stories changed since it was built; True if it did."""
        with self._lock:
            if self._probe is None:
                self._probe = db.open_read(self.store_path)
            (version,) = self._probe.execute("PRAGMA data_version").fetchone()
            if version == self._seen_version:
                return False
            self._seen_version = version
            self.stats = _stats(self.store_path)
            if index.fingerprint(self._probe) == self.stamp:
                return False
        self.stamp = index.build(self.store_path, self.index_path)
        return True

    # --------------------------------------------------------------------------- stories

    def stories(self, flt: StoryFilter, offset: int, limit: int) -> tuple[list[StoryRow], int]:
        """One page of stories matching ``flt``, and how many match in all."""
        where, params = self._where(flt)
        conn = self._conn()
        (total,) = conn.execute(f"SELECT count(*) FROM web_stories {where}", params).fetchone()
        rows = conn.execute(
            f"SELECT {_STORY_COLUMNS} FROM web_stories {where} "
            f"ORDER BY {_ORDER[flt.sort]} LIMIT ? OFFSET ?",
            [*params, limit, offset],
        ).fetchall()
        return [_story_row(r) for r in rows], int(total)

    def story_rows(self, ids: list[str]) -> dict[str, StoryRow]:
        rows = self._conn().execute(
            f"SELECT {_STORY_COLUMNS} FROM web_stories "
            "WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(ids),),
        )
        return {r[0]: _story_row(r) for r in rows}

    def _where(self, flt: StoryFilter) -> tuple[str, list[Any]]:
        conds: list[str] = []
        params: list[Any] = []
        if flt.q:
            conds.append("id IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(self.stories_matching(flt.q)))
        if flt.outlet:
            conds.append("id IN (SELECT story_id FROM web_story_outlets WHERE outlet = ?)")
            params.append(flt.outlet)
        if flt.entity:
            conds.append("id IN (SELECT story_id FROM web_story_entities WHERE slug = ?)")
            params.append(self.resolve_entity(flt.entity) or index.slugify(flt.entity))
        if flt.since:
            conds.append("substr(coalesce(last_published, first_published), 1, 10) >= ?")
            params.append(flt.since.isoformat())
        if flt.until:
            conds.append("substr(coalesce(first_published, last_published), 1, 10) <= ?")
            params.append(flt.until.isoformat())
        return ("WHERE " + " AND ".join(conds) if conds else ""), params

    def stories_matching(self, query: str) -> list[str]:
        """Ids of the stories holding an article that matches ``query`` (full-text)."""
        expression = match_expression(query)
        if expression is None:
            return []
        try:
            rows = self._conn().execute(_FTS_STORIES, (expression, MAX_SEARCH_ARTICLES))
            return [r[0] for r in rows]
        except sqlite3.OperationalError:  # defensive: match_expression quotes everything
            return []

    def search(self, query: str, offset: int, limit: int) -> tuple[list[SearchHit], int]:
        """One page of article hits, best first (as ``Store.search``), and the total count."""
        expression = match_expression(query)
        if expression is None or limit <= 0:
            return [], 0
        conn = self._conn()
        try:
            (total,) = conn.execute(_SEARCH_COUNT, (expression,)).fetchone()
            ranked = [int(pk) for (pk,) in conn.execute(_SEARCH_RANK, (expression, limit, offset))]
            sql = _SEARCH_PAGE.format(rowids=",".join(map(str, ranked)) or "NULL")
            rows = {r[0]: r[1:] for r in conn.execute(sql, (HIT_START, HIT_END, expression))}
        except sqlite3.OperationalError:  # defensive: match_expression quotes everything
            return [], 0
        hits = [
            SearchHit(
                article=r[0],
                title=r[1],
                source=r[2],
                published=r[3],
                story=r[4],
                snippet=r[5],
                score=float(r[6]),
            )
            for pk in ranked
            if (r := rows.get(pk)) is not None
        ]
        return hits, int(total)

    # ------------------------------------------------------------------------ front page

    def crawl_span(self) -> tuple[str | None, str | None]:
        """The oldest report and the newest page in the store (sortable text), or None."""
        conn = self._conn()
        (oldest,) = conn.execute("SELECT min(at) FROM web_reports").fetchone()
        (newest,) = conn.execute("SELECT max(newest) FROM web_stories").fetchone()
        return oldest, newest

    def report_marks(self, since: str, until: str) -> list[PageMark]:
        """Independent reports dated in ``(since, until]`` (one mark per report)."""
        rows = self._conn().execute(
            "SELECT story_id, report_id, at, pages FROM web_reports WHERE at > ? AND at <= ?",
            (since, until),
        )
        return [PageMark(s, r, w.at, int(n)) for s, r, at, n in rows if (w := parse_when(at))]

    def mention_marks(self, since: str, until: str) -> list[MentionMark]:
        """Reports naming an entity or a headline phrase, dated in ``(since, until]``."""
        rows = self._conn().execute(
            "SELECT kind, key, name, story_id, report_id, at FROM web_mentions "
            "WHERE at > ? AND at <= ?",
            (since, until),
        )
        return [
            MentionMark(kind, key, name, story, report, w.at)
            for kind, key, name, story, report, at in rows
            if (w := parse_when(at))
        ]

    def front_rows(self, ids: list[str]) -> dict[str, FrontRow]:
        rows = self._conn().execute(
            f"SELECT {_STORY_COLUMNS}, section, newest, lede FROM web_stories "
            "WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(ids),),
        )
        return {r[0]: _front_row(r) for r in rows}

    def latest_rows(self, until: str, limit: int) -> list[FrontRow]:
        """Stories by their newest page, newest first, none newer than ``until``."""
        rows = self._conn().execute(
            f"SELECT {_STORY_COLUMNS}, section, newest, lede FROM web_stories "
            "WHERE newest <= ? ORDER BY newest DESC, id LIMIT ?",
            (until, limit),
        )
        return [_front_row(r) for r in rows]

    def memo(self, key: Hashable, make: Callable[[], T]) -> T:
        """``make()``, remembered under ``key`` until the index is rebuilt."""
        full = (self.stamp, key)
        with self._memo_lock:
            if full in self._memo:
                return cast(T, self._memo[full])
        value = make()
        with self._memo_lock:
            if len(self._memo) >= MEMO_SIZE:
                self._memo.clear()
            self._memo[full] = value
        return value

    def outlets(self) -> list[tuple[str, int]]:
        rows = self._conn().execute("SELECT name, n_stories FROM web_outlets ORDER BY name")
        return [(str(n), int(c)) for n, c in rows]

    # -------------------------------------------------------------------------- entities

    def entity(self, slug: str) -> EntityRow | None:
        row = (
            self._conn()
            .execute(
                "SELECT slug, name, type, aliases, n_stories, mentions FROM web_entities "
                "WHERE slug = ?",
                (slug,),
            )
            .fetchone()
        )
        return None if row is None else _entity_row(row)

    def resolve_entity(self, text: str) -> str | None:
        """The entity slug for a slug, a name, or any spelling seen (most stories wins)."""
        slug = index.slugify(text)
        conn = self._conn()
        if conn.execute("SELECT 1 FROM web_entities WHERE slug = ?", (slug,)).fetchone():
            return slug
        row = conn.execute(
            "SELECT slug FROM web_aliases WHERE alias = ? ORDER BY n DESC, slug LIMIT 1", (slug,)
        ).fetchone()
        return None if row is None else str(row[0])

    def entities(self, prefix: str, offset: int, limit: int) -> tuple[list[EntityRow], int]:
        cond, params = "", []
        if prefix:
            cond, params = "WHERE slug >= ? AND slug < ?", [prefix, prefix + "\uffff"]
        conn = self._conn()
        (total,) = conn.execute(f"SELECT count(*) FROM web_entities {cond}", params).fetchone()
        rows = conn.execute(
            "SELECT slug, name, type, aliases, n_stories, mentions FROM web_entities "
            f"{cond} ORDER BY n_stories DESC, mentions DESC, slug LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
        return [_entity_row(r) for r in rows], int(total)

    def entity_stories(
        self, slug: str, offset: int, limit: int
    ) -> tuple[list[tuple[StoryRow, list[str]]], int]:
        """Stories naming the entity (newest first) with its per-story ids (``E1`` …)."""
        conn = self._conn()
        (total,) = conn.execute(
            "SELECT count(DISTINCT story_id) FROM web_story_entities WHERE slug = ?", (slug,)
        ).fetchone()
        rows = conn.execute(
            f"SELECT {_STORY_COLUMNS}, (SELECT json_group_array(entity_id) "
            "FROM web_story_entities AS e WHERE e.slug = ? AND e.story_id = s.id) "
            "FROM web_stories AS s WHERE id IN "
            "(SELECT story_id FROM web_story_entities WHERE slug = ?) "
            "ORDER BY last_published DESC, id LIMIT ? OFFSET ?",
            (slug, slug, limit, offset),
        ).fetchall()
        return [(_story_row(r[:7]), json.loads(r[7])) for r in rows], int(total)

    def story_entity_slugs(self, story_id: str) -> dict[str, str]:
        """Per-story entity id (``E1``) → store-wide slug, for linking a dossier's entities."""
        rows = self._conn().execute(
            "SELECT entity_id, slug FROM web_story_entities WHERE story_id = ?", (story_id,)
        )
        return {str(e): str(s) for e, s in rows}


def _story_row(row: tuple[Any, ...]) -> StoryRow:
    sid, title, first, last, n_articles, n_reports, outlets = row
    return StoryRow(
        id=sid,
        title=title,
        first_published=first,
        last_published=last,
        n_articles=int(n_articles),
        n_reports=int(n_reports),
        outlets=[OutletMark(name, bool(ind)) for name, ind in json.loads(outlets)],
    )


def _front_row(row: tuple[Any, ...]) -> FrontRow:
    return FrontRow(_story_row(row[:7]), row[7], row[8], row[9])


def _entity_row(row: tuple[Any, ...]) -> EntityRow:
    slug, name, type_, aliases, n_stories, mentions = row
    return EntityRow(slug, name, type_, json.loads(aliases), int(n_stories), int(mentions))


def _stats(store_path: Path) -> dict[str, int]:
    """Row counts for the page footer (cached: counting 100k articles is not free)."""
    with StoreReader(store_path) as reader:
        return reader.stats()


def _temp_index() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="newsloom-web-"))
    return folder / "web-index.sqlite"
