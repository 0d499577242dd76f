"""Everything that reads the store, shared by :class:`Store` and :class:`StoreReader`.

Ids are passed to SQLite as one JSON array (``json_each``), so a lookup of any number of ids is
one statement with one parameter, never a string built from user input.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import Self

from newsloom.errors import NotFoundError, StoreError
from newsloom.model import Article, Dossier, Rejection, Story
from newsloom.store import db, outlets, schema
from newsloom.store.listing import Listing
from newsloom.store.outlets import OutletRow

_IDS = "SELECT value FROM json_each(?)"


class Reading(Listing):
    """Read methods over ``self._conn``; subclasses open the connection."""

    _conn: sqlite3.Connection

    # -------------------------------------------------------------------------- lifecycle

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # ---------------------------------------------------------------------------- articles

    def digests(self, ids: Iterable[str]) -> dict[str, str]:
        """The stored digest of each known id (unknown ids are left out)."""
        rows = self._conn.execute(
            f"SELECT id, digest FROM articles WHERE id IN ({_IDS})", (_json_ids(ids),)
        )
        return {str(i): str(d) for i, d in rows}

    def article(self, id: str, *, linked: bool = True) -> Article:
        """One article; ``linked``: with its links to its story's entities (see ``articles``)."""
        row = self._conn.execute("SELECT data FROM articles WHERE id = ?", (id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no article {id!r} in the store")
        article = Article.model_validate_json(row[0])
        return self._linked(article) if linked else article

    def articles(
        self, ids: Iterable[str] | None = None, *, linked: bool = False
    ) -> Iterator[Article]:
        """Stream articles (all, or those of ``ids`` that exist) by date, then id.

        The date is ``published``, else ``crawl_date``; undated articles come last. Consume
        the iterator (or close it): an open one keeps a read transaction alive. ``linked``:
        each mention's ``entity`` and quote's ``speaker_entity`` filled from the story it is in
        (the store keeps articles as written, before their story was fused); the pipeline
        reads them unlinked, readers of the export linked.
        """
        order = "ORDER BY date_key IS NULL, date_key, id"
        if ids is None:
            rows = self._conn.execute(f"SELECT data FROM articles {order}")
        else:
            rows = self._conn.execute(
                f"SELECT data FROM articles WHERE id IN ({_IDS}) {order}", (_json_ids(ids),)
            )
        for (data,) in rows:
            article = Article.model_validate_json(data)
            yield self._linked(article) if linked else article

    def _linked(self, article: Article) -> Article:
        rows = self._conn.execute(
            'SELECT kind, start, "end", entity_id FROM entity_links WHERE article_id = ?',
            (article.id,),
        ).fetchall()
        if not rows:
            return article
        links = {(kind, start, end): entity for kind, start, end, entity in rows}
        for mention in article.entities:
            mention.entity = links.get(("mention", mention.start, mention.end), mention.entity)
        for quote in article.quotes:
            quote.speaker_entity = links.get(
                ("quote", quote.start, quote.end), quote.speaker_entity
            )
        return article

    def count_articles(self) -> int:
        return self._count("articles")

    def count_stories(self) -> int:
        return self._count("stories")

    def ungrouped(self) -> list[str]:
        """Ids of stored articles that are in no story (new since the last grouping)."""
        rows = self._conn.execute(
            "SELECT a.id FROM articles a LEFT JOIN story_articles sa ON sa.article_id = a.id "
            "WHERE sa.article_id IS NULL ORDER BY a.id"
        )
        return [str(i) for (i,) in rows]

    def date_keys(self, ids: Iterable[str]) -> dict[str, str | None]:
        """The date key (published, else crawl date) of each known id."""
        rows = self._conn.execute(
            f"SELECT id, date_key FROM articles WHERE id IN ({_IDS})", (_json_ids(ids),)
        )
        return {str(i): (str(d) if d is not None else None) for i, d in rows}

    def ids_between(self, lo: str, hi: str) -> list[str]:
        """Ids of articles whose date key lies in ``[lo, hi]`` (ISO text, compared as text)."""
        rows = self._conn.execute(
            "SELECT id FROM articles WHERE date_key >= ? AND date_key <= ?", (lo, hi)
        )
        return [str(i) for (i,) in rows]

    def ids_by_date(self, ids: Iterable[str] | None = None) -> list[tuple[str, str | None]]:
        """Each article's (id, date key) (all, or those of ``ids``), in the order ``articles()``
        gives them: by date, then id, undated last. Two short columns: the sort stays small."""
        order = "ORDER BY date_key IS NULL, date_key, id"
        if ids is None:
            rows = self._conn.execute(f"SELECT id, date_key FROM articles {order}")
        else:
            rows = self._conn.execute(
                f"SELECT id, date_key FROM articles WHERE id IN ({_IDS}) {order}",
                (_json_ids(ids),),
            )
        return [(str(i), (str(d) if d is not None else None)) for i, d in rows.fetchall()]

    def sections_and_urls(
        self, ids: Iterable[str] | None = None
    ) -> list[tuple[str | None, str | None]]:
        """Each article's (section label, url) (all, or those of ``ids``): what
        ``front.sections`` learns folders from."""
        what = "SELECT json_extract(data, '$.section'), url FROM articles"
        if ids is None:
            rows = self._conn.execute(what)
        else:
            rows = self._conn.execute(f"{what} WHERE id IN ({_IDS})", (_json_ids(ids),))
        return [(section, url) for section, url in rows.fetchall()]

    def newest_date_key(self) -> str | None:
        """The latest date key in the store (None: no dated article)."""
        row = self._conn.execute("SELECT max(date_key) FROM articles").fetchone()
        return str(row[0]) if row and row[0] is not None else None

    def ids_undated(self) -> list[str]:
        rows = self._conn.execute("SELECT id FROM articles WHERE date_key IS NULL")
        return [str(i) for (i,) in rows]

    def story_members(self, article_ids: Iterable[str]) -> dict[str, list[str]]:
        """For every story holding one of ``article_ids``: all of that story's article ids."""
        rows = self._conn.execute(
            "SELECT story_id, article_id FROM story_articles WHERE story_id IN ("
            f"SELECT story_id FROM story_articles WHERE article_id IN ({_IDS})) "
            "ORDER BY story_id, position",
            (_json_ids(article_ids),),
        )
        out: dict[str, list[str]] = {}
        for story, article in rows:
            out.setdefault(str(story), []).append(str(article))
        return out

    def rejections(self) -> list[Rejection]:
        rows = self._conn.execute("SELECT input, code, reason FROM rejections ORDER BY input")
        return [Rejection(input=i, code=c, reason=r) for i, c, r in rows]

    def rejection_rows(self, since: str | None = None) -> list[tuple[str, str, str, str]]:
        """``(input, code, reason, at)`` of each refused input (``at``: when, UTC ISO), newest
        first; only those refused at or after ``since`` (ISO date or time) when given."""
        rows = self._conn.execute(
            "SELECT input, code, reason, at FROM rejections WHERE at >= ? ORDER BY at DESC, input",
            (since or "",),
        )
        return [(str(i), str(c), str(r), str(a)) for i, c, r, a in rows]

    def story_ids_like(self, text: str, limit: int = 5) -> list[str]:
        """Story ids a mistyped id may mean: same id in another case, or ids it starts."""
        rows = self._conn.execute(
            "SELECT id FROM stories WHERE lower(id) = lower(?) OR id LIKE ? ESCAPE '\\' "
            "ORDER BY lower(id) = lower(?) DESC, id LIMIT ?",
            (text, _like_prefix(text), text, limit),
        )
        return [str(i) for (i,) in rows]

    # ----------------------------------------------------------------------------- stories

    def stories(self) -> list[Story]:
        """All stories, most recently updated first (undated last), then by id."""
        rows = self._conn.execute("SELECT data FROM stories ORDER BY last_published DESC, id")
        return [Story.model_validate_json(data) for (data,) in rows]

    def story(self, id: str) -> Story:
        row = self._conn.execute("SELECT data FROM stories WHERE id = ?", (id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no story {id!r} in the store")
        return Story.model_validate_json(row[0])

    def dossier(self, id: str) -> Dossier:
        """The dossier of story ``id``; NotFoundError if the story or its dossier is missing."""
        row = self._conn.execute("SELECT dossier FROM stories WHERE id = ?", (id,)).fetchone()
        if row is None or row[0] is None:
            raise NotFoundError(f"no dossier for story {id!r} in the store")
        return Dossier.model_validate_json(row[0])

    def story_of(self, article_id: str) -> str | None:
        row = self._conn.execute(
            "SELECT story_id FROM story_articles WHERE article_id = ?", (article_id,)
        ).fetchone()
        return None if row is None else str(row[0])

    def stories_version(self) -> int:
        """A counter bumped each time stories are replaced: caches of listings key on it."""
        row = self._conn.execute("SELECT value FROM meta WHERE key = 'stories_version'").fetchone()
        return int(row[0]) if row is not None else 0

    def stories_dirty(self) -> bool:
        """True when articles changed since stories were last replaced (group + fuse again)."""
        row = self._conn.execute("SELECT value FROM meta WHERE key = 'stories_dirty'").fetchone()
        return row is not None and row[0] == "1"

    # ----------------------------------------------------------------------------- outlets

    def outlets(self) -> list[OutletRow]:
        """Every outlet with its hosts and page count (see ``newsloom outlets``)."""
        return outlets.outlet_rows(self._conn)

    def site_votes(self, hosts: Iterable[str] | None = None) -> dict[str, dict[str | None, int]]:
        """Per host (all, or those of ``hosts``): how many stored pages carry each name."""
        return outlets.site_votes(self._conn, hosts)

    def unhosted_names(self) -> dict[str | None, list[str]]:
        """The names of the stored pages without a URL, with their ids."""
        return outlets.unhosted_names(self._conn)

    # ------------------------------------------------------------------------------- stats

    def stats(self) -> dict[str, int]:
        """Row counts and flags, for ``newsloom stats`` and the web UI's footer."""
        (sources,) = self._conn.execute("SELECT count(DISTINCT source) FROM articles").fetchone()
        (version,) = self._conn.execute("PRAGMA user_version").fetchone()
        return {
            "articles": self.count_articles(),
            "sources": int(sources),
            "rejections": self._count("rejections"),
            "stories": self._count("stories"),
            "stories_dirty": int(self.stories_dirty()),
            "schema_version": int(version),
        }

    def _count(self, table: str) -> int:
        (n,) = self._conn.execute(f"SELECT count(*) FROM {table}").fetchone()
        return int(n)


class StoreReader(Reading):
    """A read-only connection to a store file, for a thread other than the writer's.

    Get one from :meth:`Store.reader`. In WAL mode it reads the last committed state without
    blocking, or being blocked by, the writer. Use it from one thread at a time.
    """

    def __init__(self, path: Path) -> None:
        self._conn = db.open_read(path)
        try:
            version = schema.check(self._conn, str(path))
            if version < schema.LATEST:
                raise StoreError(
                    f"{path} was written by an older newsloom (store schema {version}, this "
                    f"newsloom reads {schema.LATEST}); upgrade it once with "
                    f"`newsloom regroup --db {path}`"
                )
        except sqlite3.DatabaseError as exc:
            self._conn.close()
            raise StoreError(f"cannot read store {path}: {exc}") from exc
        except BaseException:
            self._conn.close()
            raise


def _like_prefix(text: str) -> str:
    """A LIKE pattern for ids starting with ``text`` (any case; ``%``/``_`` taken literally)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return escaped + "%"


def _json_ids(ids: Iterable[str]) -> str:
    return json.dumps(list(ids))
