"""The :class:`Store`: the one write connection to a newsloom SQLite file.

Each write method is one ``BEGIN IMMEDIATE`` … ``COMMIT`` transaction, so a killed process leaves
either the whole batch or none of it. See the package docstring for the threading shape.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from newsloom.errors import StoreError
from newsloom.model import Article, Dossier, Rejection, Story
from newsloom.store import db, outlets, schema
from newsloom.store.reading import Reading, StoreReader


@dataclass(frozen=True, slots=True)
class BatchCounts:
    """What one or more ``write_batch`` calls did; add them up with ``+``."""

    added: int = 0
    updated: int = 0
    skipped: int = 0
    rejected: int = 0

    def __add__(self, other: BatchCounts) -> BatchCounts:
        return BatchCounts(
            added=self.added + other.added,
            updated=self.updated + other.updated,
            skipped=self.skipped + other.skipped,
            rejected=self.rejected + other.rejected,
        )


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
        """
        now = _now()
        with db.transaction(self._conn):
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
            self._conn.executemany(
                _UPSERT_REJECTION, [(r.input, r.code, r.reason, now) for r in rejections]
            )
            self._conn.executemany(
                "DELETE FROM rejections WHERE input = ?", [(a.input,) for a in articles]
            )
            if added or updated:
                self._conn.execute(_SET_DIRTY, ("1",))
        return BatchCounts(added, updated, skipped, len(rejections))

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

    def replace_stories(self, stories: Sequence[Story], dossiers: Mapping[str, Dossier]) -> None:
        """Replace every story (and its dossier) in one transaction; clears ``stories_dirty``.

        Every article a story lists must be in the store, and in no other story; ``dossiers``
        is keyed by story id and may leave stories out.
        """
        ids = {s.id for s in stories}
        stray = sorted(set(dossiers) - ids)
        if stray:
            raise StoreError(f"dossiers for unknown stories: {', '.join(stray[:5])}")
        with db.transaction(self._conn):
            self._conn.execute("DELETE FROM story_articles")
            self._conn.execute("DELETE FROM stories")
            for story in stories:
                self._insert_story(story, dossiers.get(story.id))
            self._conn.execute(_SET_DIRTY, ("0",))

    def replace_some_stories(
        self,
        remove: Sequence[str],
        stories: Sequence[Story],
        dossiers: Mapping[str, Dossier],
    ) -> None:
        """Drop the stories ``remove`` and write ``stories`` in their place, in one transaction;
        clears ``stories_dirty``. Every other story stays as it is, so the new stories must
        hold only articles that are in no story left standing."""
        with db.transaction(self._conn):
            gone = [(i,) for i in dict.fromkeys([*remove, *(s.id for s in stories)])]
            self._conn.executemany("DELETE FROM story_articles WHERE story_id = ?", gone)
            self._conn.executemany("DELETE FROM stories WHERE id = ?", gone)
            for story in stories:
                self._insert_story(story, dossiers.get(story.id))
            self._conn.execute(_SET_DIRTY, ("0",))

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
