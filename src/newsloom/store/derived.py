"""Derived tables: what the stories and dossiers say, as rows anyone can query and filter.

The store keeps each story and dossier whole, as JSON (``stories.data``, ``stories.dossier``):
one read gives a whole dossier back. Listings, filters, the front page, the entity index and a
user in ``sqlite3`` or Datasette need rows instead. These tables are **derived**: written in the
same transaction as the stories they come from (``Store.replace_stories`` and
``replace_some_stories``), created and first filled by a schema migration, never written by
anyone else — so a read-only command or server only ever reads them.

==================  =========================================================================
``story_index``     one row per story: dates, sizes, outlets, independent reports, section,
                    newest page (wall-clock ISO, zone dropped), lede (first summary line)
``coverage``        one row per story and outlet: its pages, first publication, whether it is
                    an independent report, its headline and words
``story_entities``  one row per entity of a story (``E1`` …) with its store-wide ``slug``
``entities``        one row per slug across the store: name, type, aliases, stories, mentions
``entity_aliases``  slug of each spelling → entity slug (so a guessed address or alias works)
``entity_keys``     transliteration skeleton of each spelling → entity slug ("Zelenskiy",
                    "Zelensky" and "Zelenskyy" share ``zelensky``), for search
``quotes``          one row per quote variant: speaker, outlet, article, offsets, text
``figures``         one row per report of a figure claim: value, what it counts, status, outlet
``timeline``        one row per dated statement of a story, with its date and outlets
``reports``         one row per independent report of a story, at its earliest page
``mentions``        an entity or a headline phrase named by a report, at the report's time
``entity_links``    which story entity (``E1`` …) each entity mention and quote speaker of an
                    article is: ``Mention.entity`` and ``Quote.speaker_entity``, which fuse sets
                    after the article was stored
==================  =========================================================================

Every story-keyed row cascades from ``stories`` (``ON DELETE CASCADE``), so dropping a story
drops its rows; the two store-wide tables (``entities``, ``entity_aliases``) are recomputed for
the slugs the changed stories touch.

Entity ids: each dossier numbers its entities ``E1`` …; across the store an entity is its
**slug**: the canonical name, diacritics removed, lower-cased, every run of other characters
turned into ``-`` ("Volodymyr Zelenskyy" → ``volodymyr-zelenskyy``).
"""

from __future__ import annotations

import json
import sqlite3
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from newsloom.model import Article, Dossier, Story
from newsloom.spelling import skeleton
from newsloom.store.phrases import title_phrases
from newsloom.when import When, parse_when

#: Characters of the first summary line kept as a story's lede (feeds, front page).
LEDE_CHARS = 280

TABLES = (
    """CREATE TABLE story_index (
        story_id TEXT PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,
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
    "CREATE INDEX story_index_newest ON story_index(newest DESC, story_id)",
    "CREATE INDEX story_index_recent ON story_index(last_published DESC, story_id)",
    """CREATE INDEX story_index_size
        ON story_index(n_articles DESC, last_published DESC, story_id)""",
    """CREATE TABLE coverage (
        story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        outlet TEXT NOT NULL,
        position INTEGER NOT NULL,
        pages INTEGER NOT NULL,
        articles TEXT NOT NULL,
        first_published TEXT,
        independent INTEGER NOT NULL,
        first INTEGER NOT NULL,
        headline TEXT,
        words INTEGER NOT NULL,
        PRIMARY KEY (story_id, outlet)
    )""",
    "CREATE INDEX coverage_outlet ON coverage(outlet, story_id)",
    """CREATE TABLE story_entities (
        story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        entity_id TEXT NOT NULL,
        slug TEXT NOT NULL,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        aliases TEXT NOT NULL,
        mentions INTEGER NOT NULL,
        articles INTEGER NOT NULL,
        PRIMARY KEY (story_id, entity_id)
    )""",
    "CREATE INDEX story_entities_slug ON story_entities(slug, story_id)",
    """CREATE TABLE entities (
        slug TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        aliases TEXT NOT NULL,
        n_stories INTEGER NOT NULL,
        mentions INTEGER NOT NULL
    )""",
    "CREATE INDEX entities_size ON entities(n_stories DESC, mentions DESC, slug)",
    """CREATE TABLE entity_aliases (
        alias TEXT NOT NULL, slug TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (alias, slug)
    ) WITHOUT ROWID""",
    "CREATE INDEX entity_aliases_slug ON entity_aliases(slug)",
    """CREATE TABLE entity_keys (
        key TEXT NOT NULL, slug TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (key, slug)
    ) WITHOUT ROWID""",
    "CREATE INDEX entity_keys_slug ON entity_keys(slug)",
    """CREATE TABLE quotes (
        story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        quote INTEGER NOT NULL,
        variant INTEGER NOT NULL,
        speaker TEXT,
        speaker_entity TEXT,
        article_id TEXT NOT NULL REFERENCES articles(id),
        outlet TEXT,
        published TEXT,
        text TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        words INTEGER NOT NULL,
        longest INTEGER NOT NULL,
        earliest INTEGER NOT NULL,
        PRIMARY KEY (story_id, quote, variant)
    )""",
    "CREATE INDEX quotes_article ON quotes(article_id)",
    """CREATE TABLE figures (
        story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        claim INTEGER NOT NULL,
        report INTEGER NOT NULL,
        value REAL,
        counts TEXT,
        unit TEXT,
        per TEXT,
        scope TEXT,
        status TEXT NOT NULL,
        independent_reports INTEGER NOT NULL,
        article_id TEXT NOT NULL REFERENCES articles(id),
        outlet TEXT,
        text TEXT NOT NULL,
        reported_value REAL,
        qualifier TEXT,
        attributed_to TEXT,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        PRIMARY KEY (story_id, claim, report)
    )""",
    "CREATE INDEX figures_article ON figures(article_id)",
    """CREATE TABLE timeline (
        story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        entry INTEGER NOT NULL,
        date TEXT NOT NULL,
        text TEXT NOT NULL,
        expression TEXT,
        first_reported TEXT,
        outlets TEXT NOT NULL,
        articles TEXT NOT NULL,
        article_id TEXT,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        PRIMARY KEY (story_id, entry)
    )""",
    "CREATE INDEX timeline_date ON timeline(date)",
    """CREATE TABLE reports (
        story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        report_id TEXT NOT NULL,
        at TEXT NOT NULL,
        pages INTEGER NOT NULL,
        PRIMARY KEY (story_id, report_id)
    )""",
    "CREATE INDEX reports_at ON reports(at)",
    """CREATE TABLE mentions (
        kind TEXT NOT NULL,
        key TEXT NOT NULL,
        name TEXT NOT NULL,
        story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        report_id TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (story_id, kind, key, report_id)
    )""",
    "CREATE INDEX mentions_at ON mentions(at)",
    """CREATE TABLE entity_links (
        story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        article_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        entity_id TEXT NOT NULL,
        PRIMARY KEY (article_id, kind, start, "end")
    ) WITHOUT ROWID""",
    "CREATE INDEX entity_links_story ON entity_links(story_id)",
)

#: Every derived table, children of ``stories`` first.
DERIVED_TABLES = (
    "entity_links",
    "mentions",
    "reports",
    "timeline",
    "figures",
    "quotes",
    "story_entities",
    "coverage",
    "story_index",
    "entities",
    "entity_aliases",
    "entity_keys",
)

#: The cache tables of the web package before the store owned them (dropped by the migration).
OLD_WEB_TABLES = (
    "web_meta",
    "web_stories",
    "web_story_outlets",
    "web_outlets",
    "web_entities",
    "web_story_entities",
    "web_aliases",
    "web_pages",
    "web_reports",
    "web_mentions",
)


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


# ------------------------------------------------------------------------------- writing


@dataclass(frozen=True, slots=True)
class _Page:
    at: When | None
    title: str | None


def write_stories(
    conn: sqlite3.Connection, pairs: Sequence[tuple[Story, Dossier | None]]
) -> set[str]:
    """Write the derived rows of freshly inserted stories; return the entity slugs they name.

    Runs inside the caller's transaction, after the ``stories`` rows are in.
    """
    members = {a for story, _ in pairs for a in story.articles}
    pages = _pages(conn, members)
    slugs: set[str] = set()
    for story, dossier in pairs:
        fused = dossier or Dossier(story=story.id)
        report_of = {a: g.earliest for g in story.copy_groups for a in g.articles}
        newest = _write_reports(conn, story, report_of, pages)
        _write_index_row(conn, story, fused, newest)
        _write_coverage(conn, story.id, fused)
        slugs |= _write_entities(conn, story.id, fused, report_of, pages)
        _write_quotes(conn, story.id, fused)
        _write_figures(conn, story.id, fused)
        _write_timeline(conn, story.id, fused)
    return slugs


def clear(conn: sqlite3.Connection) -> None:
    """Empty every derived table (before all stories are replaced: cheaper than cascades)."""
    for table in DERIVED_TABLES:
        conn.execute(f"DELETE FROM {table}")


#: The derived tables keyed by story (the rest, ``entities``/``entity_aliases``/``entity_keys``,
#: are store-wide and recomputed per slug).
STORY_TABLES = DERIVED_TABLES[:9]


def rederive(conn: sqlite3.Connection, story_ids: Iterable[str]) -> None:
    """Write again the derived rows of stories whose stored JSON changed in place (articles
    renamed), inside the caller's transaction. Does nothing before the tables exist (a
    migration older than the one creating them)."""
    ids = sorted(set(story_ids))
    found = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'story_index'"
    ).fetchone()
    if not ids or found is None:
        return
    wanted = json.dumps(ids)
    slugs = slugs_of(conn, ids)
    for table in STORY_TABLES:
        conn.execute(f"DELETE FROM {table} WHERE story_id IN (SELECT value FROM json_each(?))",
                     (wanted,))  # fmt: skip
    rows = conn.execute(
        "SELECT data, dossier FROM stories WHERE id IN (SELECT value FROM json_each(?))",
        (wanted,),
    ).fetchall()
    pairs = [
        (
            Story.model_validate_json(data),
            None if dossier is None else Dossier.model_validate_json(dossier),
        )
        for data, dossier in rows
    ]
    slugs |= write_stories(conn, pairs)
    refresh_entities(conn, slugs)


def write_links(
    conn: sqlite3.Connection, stories: Sequence[Story], articles: Sequence[Article]
) -> None:
    """The links fuse set on the stories' articles (``Mention.entity``,
    ``Quote.speaker_entity``), as ``entity_links`` rows."""
    story_of = {a: s.id for s in stories for a in s.articles}
    rows = []
    for article in articles:
        story_id = story_of.get(article.id)
        if story_id is None:
            continue
        rows += [(story_id, article.id, "mention", m.start, m.end, m.entity)
                 for m in article.entities if m.entity]  # fmt: skip
        rows += [(story_id, article.id, "quote", q.start, q.end, q.speaker_entity)
                 for q in article.quotes if q.speaker_entity]  # fmt: skip
    conn.executemany("INSERT OR REPLACE INTO entity_links VALUES (?, ?, ?, ?, ?, ?)", rows)


def slugs_of(conn: sqlite3.Connection, story_ids: Iterable[str]) -> set[str]:
    """The entity slugs named by these stories (read before they are deleted)."""
    rows = conn.execute(
        "SELECT DISTINCT slug FROM story_entities WHERE story_id IN "
        "(SELECT value FROM json_each(?))",
        (json.dumps(list(story_ids)),),
    )
    return {str(s) for (s,) in rows}


def _pages(conn: sqlite3.Connection, ids: Iterable[str]) -> dict[str, _Page]:
    rows = conn.execute(
        "SELECT id, date_key, title FROM articles WHERE id IN (SELECT value FROM json_each(?))",
        (json.dumps(sorted(ids)),),
    )
    return {str(i): _Page(parse_when(when), title) for i, when, title in rows}


def _write_index_row(
    conn: sqlite3.Connection, story: Story, fused: Dossier, newest: str | None
) -> None:
    copies = sum(max(0, len(g.articles) - 1) for g in story.copy_groups)
    n_articles = len(dict.fromkeys(story.articles))
    outlets = [[s.name, s.independent] for s in fused.sources]
    lede = (fused.summary[0].text if fused.summary else "")[:LEDE_CHARS] or None
    conn.execute(
        "INSERT INTO story_index VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            story.id,
            story.title,
            story.first_published,
            story.last_published,
            n_articles,
            max(1, n_articles - copies) if n_articles else 0,
            len(outlets),
            json.dumps(outlets, ensure_ascii=False),
            story.section,
            newest,
            lede,
        ),
    )


def _write_reports(
    conn: sqlite3.Connection, story: Story, report_of: dict[str, str], pages: dict[str, _Page]
) -> str | None:
    """Each independent report at its earliest dated page, and the headline phrases of every
    page; return the newest page's time (sortable text), or None when no page is dated."""
    first: dict[str, When] = {}
    size: Counter[str] = Counter()
    phrases: set[tuple[str, str, str, str, str, str]] = set()
    for aid in dict.fromkeys(story.articles):
        page = pages.get(aid)
        if page is None or page.at is None:
            continue
        report = report_of.get(aid, aid)
        size[report] += 1
        if report not in first or page.at.at < first[report].at:
            first[report] = page.at
        for phrase in title_phrases(page.title):
            phrases |= _mention_rows("phrase", phrase, phrase, story.id, [aid], report_of, pages)
    conn.executemany(
        "INSERT INTO reports VALUES (?, ?, ?, ?)",
        [(story.id, r, at.key, size[r]) for r, at in first.items()],
    )
    conn.executemany("INSERT OR IGNORE INTO mentions VALUES (?, ?, ?, ?, ?, ?)", sorted(phrases))
    dated = [p.at for a in story.articles if (p := pages.get(a)) is not None and p.at is not None]
    return max(dated, key=lambda w: w.at).key if dated else None


def _mention_rows(
    kind: str,
    key: str,
    name: str,
    story_id: str,
    articles: Iterable[str],
    report_of: dict[str, str],
    pages: dict[str, _Page],
) -> set[tuple[str, str, str, str, str, str]]:
    """One row per independent report naming it, at the report's own (earliest) page time."""
    rows = set()
    for aid in articles:
        report = report_of.get(aid, aid)
        page = pages.get(report)
        if page is not None and page.at is not None:
            rows.add((kind, key, name, story_id, report, page.at.key))
    return rows


def _write_coverage(conn: sqlite3.Connection, story_id: str, fused: Dossier) -> None:
    rows: dict[str, tuple[Any, ...]] = {}
    for position, s in enumerate(fused.sources):
        rows.setdefault(
            s.name,
            (
                story_id,
                s.name,
                position,
                len(s.articles),
                json.dumps(s.articles, ensure_ascii=False),
                s.first_published,
                int(s.independent),
                int(s.first),
                s.headline,
                s.words,
            ),
        )
    conn.executemany("INSERT INTO coverage VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows.values())


def _write_entities(
    conn: sqlite3.Connection,
    story_id: str,
    fused: Dossier,
    report_of: dict[str, str],
    pages: dict[str, _Page],
) -> set[str]:
    rows = []
    mentions: set[tuple[str, str, str, str, str, str]] = set()
    for entity in fused.entities:
        slug = slugify(entity.name)
        rows.append(
            (
                story_id,
                entity.id,
                slug,
                entity.name,
                entity.type or "MISC",
                json.dumps(entity.aliases, ensure_ascii=False),
                entity.mentions,
                len(entity.articles),
            )
        )
        mentions |= _mention_rows(
            "entity", slug, entity.name, story_id, entity.articles, report_of, pages
        )
    conn.executemany("INSERT INTO story_entities VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
    conn.executemany("INSERT OR IGNORE INTO mentions VALUES (?, ?, ?, ?, ?, ?)", sorted(mentions))
    return {row[2] for row in rows}


def _write_quotes(conn: sqlite3.Connection, story_id: str, fused: Dossier) -> None:
    rows = [
        (
            story_id,
            q,
            v,
            group.speaker,
            group.speaker_entity,
            variant.article,
            variant.outlet,
            variant.published,
            variant.text,
            variant.start,
            variant.end,
            variant.words,
            int(variant.article == group.longest),
            int(variant.article == group.earliest),
        )
        for q, group in enumerate(fused.quotes)
        for v, variant in enumerate(group.variants)
    ]
    conn.executemany("INSERT INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)


def _write_figures(conn: sqlite3.Connection, story_id: str, fused: Dossier) -> None:
    rows = [
        (
            story_id,
            c,
            r,
            claim.value,
            claim.counts,
            claim.unit,
            claim.per,
            claim.scope,
            claim.status,
            claim.independent_reports,
            report.article,
            report.outlet,
            report.text,
            report.value,
            report.qualifier,
            report.attributed_to,
            report.start,
            report.end,
        )
        for c, claim in enumerate(fused.figures)
        for r, report in enumerate(claim.reports)
    ]
    marks = ", ".join("?" * 18)
    conn.executemany(f"INSERT INTO figures VALUES ({marks})", rows)


def _write_timeline(conn: sqlite3.Connection, story_id: str, fused: Dossier) -> None:
    rows = [
        (
            story_id,
            n,
            entry.date,
            entry.text,
            entry.expression,
            entry.first_reported,
            json.dumps(entry.outlets, ensure_ascii=False),
            json.dumps(entry.articles, ensure_ascii=False),
            entry.articles[0] if entry.articles else None,
            entry.start,
            entry.end,
        )
        for n, entry in enumerate(fused.timeline)
    ]
    conn.executemany("INSERT INTO timeline VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)


# ------------------------------------------------------------------- store-wide entities


@dataclass(slots=True)
class _EntityAgg:
    names: Counter[str]
    types: Counter[str]
    aliases: Counter[str]
    stories: set[str]
    mentions: int = 0


def refresh_entities(conn: sqlite3.Connection, slugs: Iterable[str] | None = None) -> None:
    """Recompute ``entities`` and ``entity_aliases`` for ``slugs`` (every slug when None)."""
    if slugs is None:
        conn.execute("DELETE FROM entities")
        conn.execute("DELETE FROM entity_aliases")
        conn.execute("DELETE FROM entity_keys")
        rows = conn.execute(
            "SELECT story_id, slug, name, type, aliases, mentions FROM story_entities"
        )
    else:
        wanted = json.dumps(sorted(set(slugs)))
        subset = "(SELECT value FROM json_each(?))"
        conn.execute(f"DELETE FROM entities WHERE slug IN {subset}", (wanted,))
        conn.execute(f"DELETE FROM entity_aliases WHERE slug IN {subset}", (wanted,))
        conn.execute(f"DELETE FROM entity_keys WHERE slug IN {subset}", (wanted,))
        rows = conn.execute(
            "SELECT story_id, slug, name, type, aliases, mentions FROM story_entities "
            f"WHERE slug IN {subset}",
            (wanted,),
        )
    aggs: dict[str, _EntityAgg] = defaultdict(
        lambda: _EntityAgg(Counter(), Counter(), Counter(), set())
    )
    for story_id, slug, name, type_, aliases, mentions in rows.fetchall():
        agg = aggs[slug]
        agg.names[name] += 1
        agg.types[type_] += 1
        agg.aliases.update(json.loads(aliases))
        agg.stories.add(story_id)
        agg.mentions += int(mentions)
    conn.executemany("INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?)", _entity_rows(aggs))
    conn.executemany("INSERT INTO entity_aliases VALUES (?, ?, ?)", _alias_rows(aggs))
    conn.executemany("INSERT INTO entity_keys VALUES (?, ?, ?)", _key_rows(aggs))


def _entity_rows(aggs: dict[str, _EntityAgg]) -> Iterable[tuple[Any, ...]]:
    for slug, agg in aggs.items():
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


def _alias_rows(aggs: dict[str, _EntityAgg]) -> Iterable[tuple[str, str, int]]:
    for slug, agg in aggs.items():
        counts: Counter[str] = Counter()
        for alias in set(agg.aliases) | set(agg.names):
            counts[slugify(alias)] += len(agg.stories)
        for alias_slug, n in counts.items():
            if alias_slug != slug:
                yield alias_slug, slug, n


def name_key(text: str) -> str:
    """The transliteration skeleton of a spelling: ``Zelenskiy`` → ``zelensky``."""
    return " ".join(k for w in text.split() if (k := skeleton(w)))


def _key_rows(aggs: dict[str, _EntityAgg]) -> Iterable[tuple[str, str, int]]:
    for slug, agg in aggs.items():
        keys = {name_key(a) for a in set(agg.aliases) | set(agg.names)}
        for key in keys:
            if key:
                yield key, slug, len(agg.stories)


# ----------------------------------------------------------------------------- migration


#: Stories derived per step of the migration (bounds its memory on a large store).
FILL_BATCH = 500


def fill(conn: sqlite3.Connection) -> None:
    """Derive the rows of every stored story (the migration that creates these tables)."""
    for table in OLD_WEB_TABLES:
        conn.execute(f"DROP TABLE IF EXISTS {table}")
    ids = [str(i) for (i,) in conn.execute("SELECT id FROM stories ORDER BY id")]
    for start in range(0, len(ids), FILL_BATCH):
        rows = conn.execute(
            "SELECT data, dossier FROM stories WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(ids[start : start + FILL_BATCH]),),
        ).fetchall()
        pairs = [
            (
                Story.model_validate_json(data),
                None if dossier is None else Dossier.model_validate_json(dossier),
            )
            for data, dossier in rows
        ]
        write_stories(conn, pairs)
    refresh_entities(conn)
