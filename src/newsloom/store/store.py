"""The :class:`Store`: the one write connection to a newsloom SQLite file.

Each write method is one ``BEGIN IMMEDIATE`` … ``COMMIT`` transaction, so a killed process leaves
either the whole batch or none of it. See the package docstring for the threading shape.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from newsloom.errors import Code, StoreError
from newsloom.ids import printable
from newsloom.model import Article, Dossier, Rejection, Story
from newsloom.store import db, derived, outlets, schema
from newsloom.store.reading import Reading, StoreReader
from newsloom.store.renames import rename_articles


@dataclass(frozen=True, slots=True)
class BatchCounts:
    """What one or more ``write_batch`` calls did; add them up with ``+``."""

    added: int = 0
    updated: int = 0
    skipped: int = 0
    rejected: int = 0
    #: Articles the store could not write (NL-STORE-001), stored as rejections instead.
    refused: tuple[Rejection, ...] = ()

    def __add__(self, other: BatchCounts) -> BatchCounts:
        return BatchCounts(
            added=self.added + other.added,
            updated=self.updated + other.updated,
            skipped=self.skipped + other.skipped,
            rejected=self.rejected + other.rejected,
            refused=self.refused + other.refused,
        )


#: A story and its dossier (None: not fused), as ``rewriting_stories`` takes them.
StoryPair = tuple[Story, Dossier | None]
#: What ``rewriting_stories`` hands its block: write these (story, dossier) pairs, with the
#: articles fuse linked to their entities (``entity_links``; others are ignored).
StoryWriter = Callable[[Sequence[StoryPair], Sequence[Article]], None]

_INSERT_ARTICLE = """
INSERT INTO articles (id, digest, input, url, source, agency, title, published, crawl_date,
                      date_key, body, data, ingested_at)
VALUES (:id, :digest, :input, :url, :source, :agency, :title, :published, :crawl_date,
        :date_key, :body, :data, :ingested_at)
"""

_UPDATE_ARTICLE = """
UPDATE articles SET digest = :digest, input = :input, url = :url, source = :source,
    agency = :agency, title = :title, published = :published, crawl_date = :crawl_date,
    date_key = :date_key, body = :body, data = :data, ingested_at = :ingested_at
WHERE id = :id
"""

_UPSERT_REJECTION = """
INSERT INTO rejections (input, code, reason, at) VALUES (?, ?, ?, ?)
ON CONFLICT (input) DO UPDATE SET code = excluded.code, reason = excluded.reason, at = excluded.at
"""

_INSERT_STORY = """
INSERT INTO stories (id, title, first_published, last_published, n_articles, data, dossier)
VALUES (?, ?, ?, ?, ?, ?, ?)
"""

_BUMP_VERSION = """
INSERT INTO meta (key, value) VALUES ('stories_version', '1')
ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1
"""

_SET_DIRTY = """
INSERT INTO meta (key, value) VALUES ('stories_dirty', ?)
ON CONFLICT (key) DO UPDATE SET value = excluded.value
"""


class Store(Reading):
    """A newsloom store: one SQLite file (or memory) holding articles, rejections and stories.

    ``Store(path)`` opens or creates the file and migrates it to the current schema;
    ``Store.memory()`` is a private in-memory store. Use it as a context manager or ``close()``
    it. All reading methods (from :class:`Reading`) work on the write connection too.
    """

    def __init__(self, path: Path | str) -> None:
        self.path: Path | None = None if str(path) == db.MEMORY else Path(path)
        where = str(path)
        self._conn = db.open_write(self.path)
        try:
            schema.check(self._conn, where)  # before any PRAGMA writes to a file we may refuse
            db.configure_writer(self._conn)
            schema.migrate(self._conn, where)
        except sqlite3.DatabaseError as exc:
            self._conn.close()
            raise StoreError(f"cannot open store {where}: {exc}") from exc
        except BaseException:
            self._conn.close()
            raise

    @classmethod
    def memory(cls) -> Store:
        """A private, empty in-memory store (for one-shot ``analyze`` runs)."""
        return cls(db.MEMORY)

    def reader(self) -> StoreReader:
        """A new read-only connection to the same file, for another thread."""
        if self.path is None:
            raise StoreError("an in-memory store has no separate readers")
        return StoreReader(self.path)

    # ------------------------------------------------------------------------------ writes

    def write_batch(
        self, articles: Sequence[Article], rejections: Sequence[Rejection]
    ) -> BatchCounts:
        """Store one batch in one transaction; see :class:`BatchCounts` for what is counted.

        An article whose id is new is added; one whose id is known with another digest replaces
        the stored one (updated); same id and digest is skipped. Rejections are upserted by
        input, and an input that now produced an article loses its old rejection. Stories are
        marked dirty when an article was added or updated.

        When the batch cannot be written whole (a constraint, text SQLite refuses), each item
        is written in a transaction of its own, and an article that still fails becomes a
        NL-STORE-001 rejection: one bad article never costs the batch's good ones.
        """
        try:
            with db.transaction(self._conn):
                return self._write(articles, rejections)
        except (sqlite3.Error, ValueError) as exc:
            if db.is_write_fault(exc):
                raise  # the store cannot take any write (disk full, read-only, locked)
        counts = BatchCounts()
        for article in articles:
            try:
                with db.transaction(self._conn):
                    counts += self._write([article], [])
            except (sqlite3.Error, ValueError) as exc:
                if db.is_write_fault(exc):
                    raise
                counts += BatchCounts(refused=(_refused(article, exc),))
        refusals = [*rejections, *counts.refused]
        with db.transaction(self._conn):
            self._conn.executemany(_UPSERT_REJECTION, [_rejection_row(r) for r in refusals])
        return replace(counts, rejected=len(refusals))

    def _write(self, articles: Sequence[Article], rejections: Sequence[Rejection]) -> BatchCounts:
        now = _now()
        known = self.digests(a.id for a in articles)
        added = updated = skipped = 0
        for article in articles:
            old = known.get(article.id)
            if old == article.digest:
                skipped += 1
                continue
            sql = _INSERT_ARTICLE if old is None else _UPDATE_ARTICLE
            self._conn.execute(sql, _article_row(article, now))
            known[article.id] = article.digest
            if old is None:
                added += 1
            else:
                updated += 1
        self._conn.executemany(_UPSERT_REJECTION, [_rejection_row(r, now) for r in rejections])
        self._conn.executemany(
            "DELETE FROM rejections WHERE input = ?", [(a.input,) for a in articles]
        )
        if added or updated:
            self._conn.execute(_SET_DIRTY, ("1",))
        return BatchCounts(added, updated, skipped, len(rejections))

    def clear_rejections(self, before: str | None = None) -> int:
        """Forget refused inputs (all, or those refused before ``before``, ISO); return how many.
        A later ingest of the same input records it again if it is still bad."""
        with db.transaction(self._conn):
            cursor = self._conn.execute(
                "DELETE FROM rejections WHERE ? IS NULL OR at < ?", (before, before)
            )
        return int(cursor.rowcount)

    def adopt(self, pages: Sequence[tuple[str, str, str]]) -> set[str]:
        """For each ``(id, input, digest)`` not stored under ``id``: an article stored from the
        same input with the same content under another id (the id an older newsloom gave it,
        e.g. the bare file stem) is renamed to ``id``. Returns the ids adopted, which the
        caller can then skip as unchanged."""
        moves: list[tuple[str, str]] = []
        for page_id, input_, digest in pages:
            row = self._conn.execute(
                "SELECT id FROM articles WHERE input = ? AND digest = ? AND id != ? LIMIT 1",
                (input_, digest, page_id),
            ).fetchone()
            if row is not None and row[0] not in {old for old, _ in moves}:
                moves.append((row[0], page_id))
        if not moves:
            return set()
        with db.transaction(self._conn):
            rename_articles(self._conn, moves)
        return set(self.digests(new for _, new in moves))

    def set_site_names(self, names: Mapping[str, str | None]) -> list[str]:
        """Record each host's one outlet name (host → name) and rename the host's pages that
        carry another, in one transaction; return the renamed article ids. Stories are marked
        dirty when a page was renamed: their dossiers name outlets."""
        with db.transaction(self._conn):
            renamed = outlets.set_site_names(self._conn, names)
            if renamed:
                self._conn.execute(_SET_DIRTY, ("1",))
        return renamed

    def rename_pages(self, names: Mapping[str, str | None]) -> None:
        """Give articles (by id) a new outlet name, in one transaction; marks stories dirty."""
        if not names:
            return
        with db.transaction(self._conn):
            outlets.rename_pages(self._conn, names)
            self._conn.execute(_SET_DIRTY, ("1",))

    def replace_stories(
        self,
        stories: Sequence[Story],
        dossiers: Mapping[str, Dossier],
        articles: Sequence[Article] = (),
    ) -> None:
        """Replace every story (and its dossier) in one transaction; clears ``stories_dirty``.

        Every article a story lists must be in the store, and in no other story; ``dossiers``
        is keyed by story id and may leave stories out. ``articles``: the stories' articles as
        fuse left them, whose links to the story entities are kept (``entity_links``).
        """
        ids = {s.id for s in stories}
        stray = sorted(set(dossiers) - ids)
        if stray:
            raise StoreError(f"dossiers for unknown stories: {', '.join(stray[:5])}")
        with self.rewriting_stories() as add:
            add([(s, dossiers.get(s.id)) for s in stories], articles)

    @contextmanager
    def rewriting_stories(self) -> Iterator[StoryWriter]:
        """Replace every story, a few at a time: the block empties the stories, calls the
        function it is given with (story, dossier) pairs as they are ready, and everything is
        one transaction (readers see the old stories until it commits; an exception rolls it
        all back). A full regroup streams a store of any size through this in flat memory."""
        with db.transaction(self._conn):
            derived.clear(self._conn)
            self._conn.execute("DELETE FROM story_articles")
            self._conn.execute("DELETE FROM stories")

            def add(pairs: Sequence[StoryPair], articles: Sequence[Article]) -> None:
                for story, dossier in pairs:
                    self._insert_story(story, dossier)
                derived.write_stories(self._conn, pairs)
                derived.write_links(self._conn, [s for s, _ in pairs], articles)

            yield add
            derived.refresh_entities(self._conn)
            self._conn.execute(_SET_DIRTY, ("0",))
            self._conn.execute(_BUMP_VERSION)

    def replace_some_stories(
        self,
        remove: Sequence[str],
        stories: Sequence[Story],
        dossiers: Mapping[str, Dossier],
        articles: Sequence[Article] = (),
    ) -> None:
        """Drop the stories ``remove`` and write ``stories`` in their place, in one transaction;
        clears ``stories_dirty``. Every other story stays as it is, so the new stories must
        hold only articles that are in no story left standing."""
        with self.rewriting_some_stories(remove) as add:
            add([(s, dossiers.get(s.id)) for s in stories], articles)

    @contextmanager
    def rewriting_some_stories(self, remove: Sequence[str]) -> Iterator[StoryWriter]:
        """``replace_some_stories`` a few stories at a time: the stories ``remove`` go, and the
        function the block is given writes (story, dossier) pairs as they are ready (a stored
        story with the same id is replaced); one transaction, ``stories_dirty`` cleared."""
        with db.transaction(self._conn):
            slugs = self._drop_stories(remove)

            def add(pairs: Sequence[StoryPair], articles: Sequence[Article]) -> None:
                slugs.update(self._drop_stories([s.id for s, _ in pairs]))
                for story, dossier in pairs:
                    self._insert_story(story, dossier)
                slugs.update(derived.write_stories(self._conn, pairs))
                derived.write_links(self._conn, [s for s, _ in pairs], articles)

            yield add
            derived.refresh_entities(self._conn, slugs)
            self._conn.execute(_SET_DIRTY, ("0",))
            self._conn.execute(_BUMP_VERSION)

    def _drop_stories(self, ids: Sequence[str]) -> set[str]:
        """Delete stories (their derived rows cascade); return the entity slugs they named."""
        gone = list(dict.fromkeys(ids))
        slugs = derived.slugs_of(self._conn, gone)
        self._conn.executemany("DELETE FROM story_articles WHERE story_id = ?", _rows(gone))
        self._conn.executemany("DELETE FROM stories WHERE id = ?", _rows(gone))
        return slugs

    def _insert_story(self, story: Story, dossier: Dossier | None) -> None:
        members = list(dict.fromkeys(story.articles))
        try:
            self._conn.execute(
                _INSERT_STORY,
                (
                    story.id,
                    story.title,
                    story.first_published,
                    story.last_published,
                    len(members),
                    story.model_dump_json(),
                    None if dossier is None else dossier.model_dump_json(),
                ),
            )
            self._conn.executemany(
                "INSERT INTO story_articles (story_id, article_id, position) VALUES (?, ?, ?)",
                [(story.id, a, i) for i, a in enumerate(members)],
            )
        except sqlite3.IntegrityError as exc:
            raise StoreError(f"cannot store story {story.id!r}: {_explain(exc)}") from exc


def _rows(ids: Sequence[str]) -> list[tuple[str]]:
    return [(i,) for i in ids]


def _article_row(article: Article, now: str) -> dict[str, str | None]:
    return {
        "id": article.id,
        "digest": article.digest,
        "input": article.input,
        "url": article.url,
        "source": article.source,
        "agency": article.agency,
        "title": article.title,
        "published": article.published,
        "crawl_date": article.crawl_date,
        "date_key": article.date_key,
        "body": article.body,
        "data": article.model_dump_json(),
        "ingested_at": now,
    }


def _refused(article: Article, exc: Exception) -> Rejection:
    reason = printable(f"the store refused it: {type(exc).__name__}: {exc}")[:300]
    return Rejection(input=printable(article.input), code=Code.STORE_FAILED.value, reason=reason)


def _rejection_row(rejection: Rejection, now: str | None = None) -> tuple[str, str, str, str]:
    """A rejection as a row, its text made safe to store (``printable``)."""
    return (
        printable(rejection.input),
        rejection.code,
        printable(rejection.reason),
        now or _now(),
    )


def _explain(exc: sqlite3.IntegrityError) -> str:
    message = str(exc)
    if "FOREIGN KEY" in message:
        return "it lists an article that is not in the store"
    if "story_articles.article_id" in message:
        return "it shares an article with another story"
    if "stories.id" in message:
        return "two stories have this id"
    return message


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
