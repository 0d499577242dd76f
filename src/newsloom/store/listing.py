"""The store's typed read API over the derived tables (``derived.py``): listings with filters,
search pages, the front page's marks and the entity index.

Every surface that lists things — the web pages, the JSON API, the feeds, ``newsloom top`` and
friends — reads through these methods, so they agree with each other and with ``sqlite3``.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

from newsloom.store.derived import slugify
from newsloom.store.fts import match_expression
from newsloom.when import parse_when

Sort = Literal["recent", "size"]

#: Markers around matched words in :attr:`SearchHit.snippet`; a renderer turns them into bold
#: (after escaping the text). Control characters, so they never occur in clean article text.
HIT_START = "\x02"
HIT_END = "\x03"

#: bm25 weights of the ``title`` and ``body`` columns. A judgement, not a measurement: a word in
#: the headline says more about what a page is about than the same word in the body.
TITLE_WEIGHT = 5.0
BODY_WEIGHT = 1.0

#: Tokens of context in a snippet (FTS5 allows at most 64).
SNIPPET_TOKENS = 24

#: Article hits used to find the stories that match a query on the stories listing. More than
#: any analyst pages through; it bounds the work of a query matching everything.
MAX_SEARCH_ARTICLES = 5000


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One article matching a search, best first.

    ``snippet`` is plain text with matched words between :data:`HIT_START` and :data:`HIT_END`
    (never HTML). ``score`` is FTS5's bm25: lower is better. ``story`` is None until grouped.
    """

    article: str
    title: str | None
    snippet: str
    score: float
    story: str | None
    source: str | None
    published: str | None


@dataclass(frozen=True, slots=True)
class StoryFilter:
    """What story listings filter and sort by (all optional)."""

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
    """One line of a stories list."""

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
    newest: str | None  # sortable wall-clock text (see ``newsloom.when.When.key``)
    lede: str | None


@dataclass(frozen=True, slots=True)
class EntityRow:
    slug: str
    name: str
    type: str
    aliases: list[str]
    n_stories: int
    mentions: int


@dataclass(frozen=True, slots=True)
class PageMark:
    """Pages of a story: the independent report they belong to, and when they were published.

    One mark stands for all the pages of a report (``pages``), dated by its earliest one.
    """

    story: str
    report: str  # the earliest page of its copy group, else the page itself
    at: datetime
    pages: int = 1


@dataclass(frozen=True, slots=True)
class MentionMark:
    """One report naming ``key`` (an entity slug or a phrase), in ``story``, at ``at``."""

    kind: str  # "entity" | "phrase"
    key: str
    name: str
    story: str
    report: str
    at: datetime


@dataclass(frozen=True, slots=True)
class OutletCount:
    name: str
    stories: int


_STORY_COLUMNS = "story_id, title, first_published, last_published, n_articles, n_reports, outlets"
_FRONT_COLUMNS = f"{_STORY_COLUMNS}, section, newest, lede"
_ORDER: dict[Sort, str] = {
    "recent": "last_published DESC, story_id",
    "size": "n_articles DESC, last_published DESC, story_id",
}
_IDS = "(SELECT value FROM json_each(?))"

# Search in two steps: rank the matches by bm25 without building any snippet, then build
# snippets for the one page shown (a snippet per match costs 58 ms instead of 24 for a word in
# 1% of 100k articles). Ties go to the older row, so every surface orders hits alike.
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


class Listing:
    """Listing and index reads over ``self._conn`` (mixed into the store's readers)."""

    _conn: sqlite3.Connection

    # ----------------------------------------------------------------------------- stories

    def story_page(self, flt: StoryFilter, offset: int, limit: int) -> tuple[list[StoryRow], int]:
        """One page of stories matching ``flt``, and how many match in all."""
        where, params = self._story_where(flt)
        (total,) = self._conn.execute(
            f"SELECT count(*) FROM story_index {where}", params
        ).fetchone()
        rows = self._conn.execute(
            f"SELECT {_STORY_COLUMNS} FROM story_index {where} "
            f"ORDER BY {_ORDER[flt.sort]} LIMIT ? OFFSET ?",
            [*params, limit, offset],
        ).fetchall()
        return [_story_row(r) for r in rows], int(total)

    def story_rows(self, ids: list[str]) -> dict[str, StoryRow]:
        rows = self._conn.execute(
            f"SELECT {_STORY_COLUMNS} FROM story_index WHERE story_id IN {_IDS}",
            (json.dumps(ids),),
        )
        return {r[0]: _story_row(r) for r in rows}

    def _story_where(self, flt: StoryFilter) -> tuple[str, list[Any]]:
        conds: list[str] = []
        params: list[Any] = []
        if flt.q:
            conds.append(f"story_id IN {_IDS}")
            params.append(json.dumps(self.stories_matching(flt.q)))
        if flt.outlet:
            conds.append("story_id IN (SELECT story_id FROM coverage WHERE outlet = ?)")
            params.append(flt.outlet)
        if flt.entity:
            conds.append("story_id IN (SELECT story_id FROM story_entities WHERE slug = ?)")
            params.append(self.resolve_entity(flt.entity) or slugify(flt.entity))
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
            rows = self._conn.execute(_FTS_STORIES, (expression, MAX_SEARCH_ARTICLES))
            return [r[0] for r in rows]
        except sqlite3.OperationalError:  # defensive: match_expression quotes everything
            return []

    def outlet_counts(self) -> list[OutletCount]:
        """Every outlet of a story, with how many stories it covers (the filter's choices)."""
        rows = self._conn.execute(
            "SELECT outlet, count(*) FROM coverage GROUP BY outlet ORDER BY outlet"
        )
        return [OutletCount(str(n), int(c)) for n, c in rows]

    # ------------------------------------------------------------------------------ search

    def search_page(self, query: str, offset: int, limit: int) -> tuple[list[SearchHit], int]:
        """One page of article hits, best first, and the total count."""
        expression = match_expression(query)
        if expression is None or limit <= 0:
            return [], 0
        try:
            (total,) = self._conn.execute(_SEARCH_COUNT, (expression,)).fetchone()
            ranked = [
                int(pk) for (pk,) in self._conn.execute(_SEARCH_RANK, (expression, limit, offset))
            ]
            sql = _SEARCH_PAGE.format(rowids=",".join(map(str, ranked)) or "NULL")
            rows = {r[0]: r[1:] for r in self._conn.execute(sql, (HIT_START, HIT_END, expression))}
        except sqlite3.OperationalError:  # defensive: match_expression quotes everything
            return [], 0
        hits = [_hit(r) for pk in ranked if (r := rows.get(pk)) is not None]
        return hits, int(total)

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Full-text search over titles and bodies, best match first (see ``fts.py``)."""
        return self.search_page(query, 0, limit)[0]

    # -------------------------------------------------------------------------- front page

    def crawl_span(self) -> tuple[str | None, str | None]:
        """The oldest report and the newest page in the store (sortable text), or None."""
        (oldest,) = self._conn.execute("SELECT min(at) FROM reports").fetchone()
        (newest,) = self._conn.execute("SELECT max(newest) FROM story_index").fetchone()
        return oldest, newest

    def report_marks(self, since: str, until: str) -> list[PageMark]:
        """Independent reports dated in ``(since, until]`` (one mark per report)."""
        rows = self._conn.execute(
            "SELECT story_id, report_id, at, pages FROM reports WHERE at > ? AND at <= ?",
            (since, until),
        )
        return [PageMark(s, r, w.at, int(n)) for s, r, at, n in rows if (w := parse_when(at))]

    def mention_marks(self, since: str, until: str) -> list[MentionMark]:
        """Reports naming an entity or a headline phrase, dated in ``(since, until]``."""
        rows = self._conn.execute(
            "SELECT kind, key, name, story_id, report_id, at FROM mentions "
            "WHERE at > ? AND at <= ?",
            (since, until),
        )
        return [
            MentionMark(kind, key, name, story, report, w.at)
            for kind, key, name, story, report, at in rows
            if (w := parse_when(at))
        ]

    def front_rows(self, ids: list[str]) -> dict[str, FrontRow]:
        rows = self._conn.execute(
            f"SELECT {_FRONT_COLUMNS} FROM story_index WHERE story_id IN {_IDS}",
            (json.dumps(ids),),
        )
        return {r[0]: _front_row(r) for r in rows}

    def latest_rows(self, until: str, limit: int) -> list[FrontRow]:
        """Stories by their newest page, newest first, none newer than ``until``."""
        rows = self._conn.execute(
            f"SELECT {_FRONT_COLUMNS} FROM story_index "
            "WHERE newest <= ? ORDER BY newest DESC, story_id LIMIT ?",
            (until, limit),
        )
        return [_front_row(r) for r in rows]

    # ---------------------------------------------------------------------------- entities

    def entity(self, slug: str) -> EntityRow | None:
        row = self._conn.execute(
            "SELECT slug, name, type, aliases, n_stories, mentions FROM entities WHERE slug = ?",
            (slug,),
        ).fetchone()
        return None if row is None else _entity_row(row)

    def resolve_entity(self, text: str) -> str | None:
        """The entity slug for a slug, a name, or any spelling seen (most stories wins)."""
        slug = slugify(text)
        if self._conn.execute("SELECT 1 FROM entities WHERE slug = ?", (slug,)).fetchone():
            return slug
        row = self._conn.execute(
            "SELECT slug FROM entity_aliases WHERE alias = ? ORDER BY n DESC, slug LIMIT 1",
            (slug,),
        ).fetchone()
        return None if row is None else str(row[0])

    def entity_page(self, prefix: str, offset: int, limit: int) -> tuple[list[EntityRow], int]:
        """Entities (whose slug starts with ``prefix``), most stories first, and the total."""
        cond, params = "", []
        if prefix:
            cond, params = "WHERE slug >= ? AND slug < ?", [prefix, prefix + "\uffff"]
        (total,) = self._conn.execute(f"SELECT count(*) FROM entities {cond}", params).fetchone()
        rows = self._conn.execute(
            "SELECT slug, name, type, aliases, n_stories, mentions FROM entities "
            f"{cond} ORDER BY n_stories DESC, mentions DESC, slug LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
        return [_entity_row(r) for r in rows], int(total)

    def entity_stories(
        self, slug: str, offset: int, limit: int
    ) -> tuple[list[tuple[StoryRow, list[str]]], int]:
        """Stories naming the entity (newest first) with its per-story ids (``E1`` …)."""
        (total,) = self._conn.execute(
            "SELECT count(DISTINCT story_id) FROM story_entities WHERE slug = ?", (slug,)
        ).fetchone()
        rows = self._conn.execute(
            f"SELECT {_STORY_COLUMNS}, (SELECT json_group_array(entity_id) "
            "FROM story_entities AS e WHERE e.slug = ? AND e.story_id = s.story_id) "
            "FROM story_index AS s WHERE story_id IN "
            "(SELECT story_id FROM story_entities WHERE slug = ?) "
            "ORDER BY last_published DESC, story_id LIMIT ? OFFSET ?",
            (slug, slug, limit, offset),
        ).fetchall()
        return [(_story_row(r[:7]), json.loads(r[7])) for r in rows], int(total)

    def story_entity_slugs(self, story_id: str) -> dict[str, str]:
        """Per-story entity id (``E1``) → store-wide slug, for linking a dossier's entities."""
        rows = self._conn.execute(
            "SELECT entity_id, slug FROM story_entities WHERE story_id = ?", (story_id,)
        )
        return {str(e): str(s) for e, s in rows}


def _hit(row: tuple[Any, ...]) -> SearchHit:
    article, title, source, published, story, snippet, score = row
    return SearchHit(
        article=article,
        title=title,
        source=source,
        published=published,
        story=story,
        snippet=snippet,
        score=float(score),
    )


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
