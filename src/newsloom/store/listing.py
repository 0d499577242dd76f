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

from newsloom.errors import NotFoundError
from newsloom.model import outlet_label
from newsloom.store.derived import name_key, slugify
from newsloom.store.over_time import CoverageDay, coverage_days
from newsloom.store.query import (
    All,
    Any_,
    Filters,
    Node,
    Term,
    fts,
    parse,
    replace_terms,
    split_negations,
    terms,
)
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
#: Characters of a page's opening shown for a hit that no word ranked (a filter-only query).
PLAIN_SNIPPET_CHARS = 200

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
    outlet: str = ""  # who published it, as the article's dossier names it (never empty)


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

#: Spellings of one entity a search term grows into (the name as typed first).
MAX_SPELLINGS = 8

# Search in two steps: rank the matches by bm25 without building any snippet, then build
# snippets for the one page shown (a snippet per match costs 58 ms instead of 24 for a word in
# 1% of 100k articles). Ties go to the older row, so every surface orders hits alike. The
# rowids go in as integer literals (ints read back from the index, never user text): FTS5
# plans a literal ``IN`` list as rowid lookups, 4x faster than ``json_each`` or one query each.
_SEARCH_PAGE = f"""
SELECT articles_fts.rowid, a.id, a.title, a.source, a.agency, a.published, sa.story_id,
       snippet(articles_fts, -1, ?, ?, '…', {SNIPPET_TOKENS:d}),
       bm25(articles_fts, {TITLE_WEIGHT}, {BODY_WEIGHT})
FROM articles_fts
JOIN articles AS a ON a.pk = articles_fts.rowid
LEFT JOIN story_articles AS sa ON sa.article_id = a.id
WHERE articles_fts MATCH ? AND articles_fts.rowid IN ({{rowids}})
"""
#: A query with no words to rank by (only filters and NOT): the opening of each page instead.
_PLAIN_PAGE = f"""
SELECT a.pk, a.id, a.title, a.source, a.agency, a.published, sa.story_id,
       substr(a.body, 1, {PLAIN_SNIPPET_CHARS:d}), 0.0
FROM articles AS a
LEFT JOIN story_articles AS sa ON sa.article_id = a.id
WHERE a.pk IN ({{rowids}})
"""


@dataclass(frozen=True, slots=True)
class SearchPlan:
    """A query ready to run: its FTS5 expression (``match``: what to rank; ``exclude``: what to
    leave out when nothing is ranked), its SQL filter over ``articles AS a``, and notes for the
    user ("also written …")."""

    match: str | None
    exclude: str | None
    where: str
    params: tuple[Any, ...]
    notes: list[str]
    empty: bool


def _plan(text: Node | None, filters: Filters, notes: list[str]) -> SearchPlan:
    conds, params = _filter_sql(filters)
    where = " AND ".join(conds) or "1"
    if text is None:
        return SearchPlan(None, None, where, tuple(params), notes, empty=not conds)
    positive, negative = split_negations(text)
    if positive is None:
        exclude = fts(negative) if negative is not None else None
        return SearchPlan(None, exclude, where, tuple(params), notes, empty=False)
    match = fts(positive)
    if negative is not None:
        match = f"{match} NOT {fts(negative)}"
    return SearchPlan(match, None, where, tuple(params), notes, empty=False)


def _filter_sql(filters: Filters) -> tuple[list[str], list[Any]]:
    conds: list[str] = []
    params: list[Any] = []
    if filters.outlets:
        either = " OR ".join(
            "a.source = ? COLLATE NOCASE OR a.agency = ? COLLATE NOCASE" for _ in filters.outlets
        )
        conds.append(f"({either})")
        params += [name for name in filters.outlets for _ in (0, 1)]
    if filters.since:
        conds.append("substr(a.date_key, 1, 10) >= ?")
        params.append(filters.since.isoformat())
    if filters.until:
        conds.append("substr(a.date_key, 1, 10) <= ?")
        params.append(filters.until.isoformat())
    return conds, params


#: The dossier's tables as rows (CSV downloads, ``show --table``): table → its columns, in the
#: order they are shown. Each reads one derived table (``derived.py``) for one story.
DOSSIER_TABLES: dict[str, tuple[str, tuple[str, ...], str]] = {
    "coverage": (
        "coverage",
        ("outlet", "pages", "first_published", "independent", "first", "headline", "words",
         "articles"),
        "position",
    ),
    "figures": (
        "figures",
        ("claim", "value", "counts", "unit", "per", "scope", "status", "independent_reports",
         "outlet", "article_id", "reported_value", "qualifier", "attributed_to", "text", "start",
         '"end"'),
        "claim, report",
    ),
    "quotes": (
        "quotes",
        ("quote", "speaker", "outlet", "article_id", "published", "text", "start", '"end"',
         "words", "longest", "earliest"),
        "quote, variant",
    ),
    "entities": (
        "story_entities",
        ("entity_id", "name", "type", "aliases", "mentions", "articles", "slug"),
        "mentions DESC, entity_id",
    ),
    "timeline": (
        "timeline",
        ("date", "expression", "text", "outlets", "first_reported", "article_id", "start",
         '"end"'),
        "entry",
    ),
}  # fmt: skip


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
        """Ids of the stories holding an article that matches ``query`` (QuerySyntaxError when
        it cannot be read)."""
        hits, _ = self.search_page(query, 0, MAX_SEARCH_ARTICLES)
        return list(dict.fromkeys(h.story for h in hits if h.story))

    def dossier_table(self, story_id: str, name: str) -> tuple[list[str], list[tuple[Any, ...]]]:
        """One of the dossier's tables (``DOSSIER_TABLES``) for one story: columns and rows.
        NotFoundError when the story is not in the store; KeyError for an unknown table."""
        table, columns, order = DOSSIER_TABLES[name]
        found = self._conn.execute("SELECT 1 FROM stories WHERE id = ?", (story_id,)).fetchone()
        if found is None:
            raise NotFoundError(f"no story {story_id!r} in the store")
        rows = self._conn.execute(
            f"SELECT {', '.join(columns)} FROM {table} WHERE story_id = ? ORDER BY {order}",
            (story_id,),
        ).fetchall()
        return [c.strip('"') for c in columns], [tuple(r) for r in rows]

    def outlet_counts(self) -> list[OutletCount]:
        """Every outlet of a story, with how many stories it covers (the filter's choices)."""
        rows = self._conn.execute(
            "SELECT outlet, count(*) FROM coverage GROUP BY outlet ORDER BY outlet"
        )
        return [OutletCount(str(n), int(c)) for n, c in rows]

    def coverage_days(self, since: str = "", until: str = "9999") -> list[CoverageDay]:
        """Coverage over time, store-wide: per outlet and per entity, per day in
        ``[since, until]`` (``YYYY-MM-DD``; see ``over_time.py``)."""
        return coverage_days(self._conn, since, until)

    # ------------------------------------------------------------------------------ search

    def search_plan(self, query: str) -> SearchPlan:
        """``query`` read and made ready to run (see ``query.py``); QuerySyntaxError when it
        cannot be read. Names of known entities grow into all their spellings."""
        parsed = parse(query)
        notes: list[str] = []
        text = parsed.text
        swap: dict[Term, Node] = {}
        for term in terms(text):
            found = self._spellings(term, notes)
            if found is not None:
                swap[term] = found
        if text is not None and swap:
            text = replace_terms(text, swap)
        required: list[Node] = []
        for name in parsed.filters.entities:
            found = self._spellings(Term(name, phrase=True), notes)
            required.append(found if found is not None else Term(name, phrase=True))
        if required:
            text = (
                All((*required, text))
                if text is not None
                else (required[0] if len(required) == 1 else All(tuple(required)))
            )
        return _plan(text, parsed.filters, notes)

    def _spellings(self, term: Term, notes: list[str]) -> Node | None:
        """All spellings of the entity ``term`` names (ORed), or None when it names none."""
        if term.prefix:
            return None
        slug = self.resolve_entity(term.text) or self._slug_by_key(term.text)
        entity = self.entity(slug) if slug else None
        if entity is None:
            return None
        spellings = [term.text] + [a for a in entity.aliases if a.lower() != term.text.lower()]
        spellings = list(dict.fromkeys(spellings))[:MAX_SPELLINGS]
        if len(spellings) < 2:
            return None
        others = ", ".join(spellings[1:])
        notes.append(f"{term.text}: also written {others} ({entity.name})")
        return Any_(tuple(Term(a, phrase=True, column=term.column) for a in spellings))

    def _slug_by_key(self, text: str) -> str | None:
        key = name_key(text)
        if not key:
            return None
        row = self._conn.execute(
            "SELECT slug FROM entity_keys WHERE key = ? ORDER BY n DESC, slug LIMIT 1", (key,)
        ).fetchone()
        return None if row is None else str(row[0])

    def search_page(
        self, query: str | SearchPlan, offset: int, limit: int
    ) -> tuple[list[SearchHit], int]:
        """One page of article hits, best first (newest first when the query has no words to
        rank by), and the total count. QuerySyntaxError when the query cannot be read."""
        plan = query if isinstance(query, SearchPlan) else self.search_plan(query)
        if plan.empty or limit <= 0:
            return [], 0
        if plan.match is not None:
            ranked, total = self._ranked(plan, offset, limit)
            sql = _SEARCH_PAGE.format(rowids=",".join(map(str, ranked)) or "NULL")
            params: tuple[Any, ...] = (HIT_START, HIT_END, plan.match)
        else:
            ranked, total = self._newest(plan, offset, limit)
            sql = _PLAIN_PAGE.format(rowids=",".join(map(str, ranked)) or "NULL")
            params = ()
        rows = {r[0]: r[1:] for r in self._conn.execute(sql, params)}
        return [_hit(r) for pk in ranked if (r := rows.get(pk)) is not None], total

    def _ranked(self, plan: SearchPlan, offset: int, limit: int) -> tuple[list[int], int]:
        where = f"AND articles_fts.rowid IN (SELECT a.pk FROM articles AS a WHERE {plan.where})"
        where = where if plan.params else ""
        (total,) = self._conn.execute(
            f"SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ? {where}",
            (plan.match, *plan.params),
        ).fetchone()
        rows = self._conn.execute(
            f"SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? {where} "
            f"ORDER BY bm25(articles_fts, {TITLE_WEIGHT}, {BODY_WEIGHT}), rowid "
            "LIMIT ? OFFSET ?",
            (plan.match, *plan.params, limit, offset),
        )
        return [int(pk) for (pk,) in rows], int(total)

    def _newest(self, plan: SearchPlan, offset: int, limit: int) -> tuple[list[int], int]:
        where, params = plan.where, list(plan.params)
        if plan.exclude is not None:
            where += " AND a.pk NOT IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)"
            params.append(plan.exclude)
        (total,) = self._conn.execute(
            f"SELECT count(*) FROM articles AS a WHERE {where}", params
        ).fetchone()
        rows = self._conn.execute(
            f"SELECT a.pk FROM articles AS a WHERE {where} "
            "ORDER BY a.date_key IS NULL, a.date_key DESC, a.pk LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
        return [int(pk) for (pk,) in rows], int(total)

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Full-text search over titles and bodies, best match first (see ``query.py``)."""
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
    article, title, source, agency, published, story, snippet, score = row
    return SearchHit(
        article=article,
        title=title,
        source=source,
        published=published,
        story=story,
        snippet=snippet,
        score=float(score),
        outlet=outlet_label(source, agency, article),
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
