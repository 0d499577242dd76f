"""Migration 5: story ids of 64 bits instead of 32.

A story's id is ``S`` + a sha1 prefix of its earliest article's id. Eight hex digits (32 bits)
give about a 5% chance that two of 100,000 stories share an id — on a primary key. Sixteen
(64 bits) make that about 3 in 10 billion. The new id starts with the old one, so an old link
or a note with ``S1a2b3c4d`` still finds its story (``story_ids_like`` suggests it).

Stories are rewritten in chunks (``FILL_BATCH``): rows out under the old id, in under the new,
``data.id`` and ``dossier.story`` changed with them; then the derived tables are filled again.
A story whose id was not made this way (a hand-built store) keeps its id.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3

from newsloom.store import derived

#: Hex digits of sha1 in a story id (``group.stories.story_id`` makes them).
STORY_ID_HEX = 16


def wide_id(old: str, earliest: str) -> str:
    """The 64-bit id of a story whose earliest article is ``earliest``; ``old`` when ``old``
    was not made from it."""
    full = "S" + hashlib.sha1(earliest.encode()).hexdigest()
    return full[: 1 + STORY_ID_HEX] if full.startswith(old) and len(old) == 9 else old


def widen(conn: sqlite3.Connection) -> None:
    """Give every stored story its wide id (inside the migration's transaction)."""
    ids = [str(i) for (i,) in conn.execute("SELECT id FROM stories ORDER BY id")]
    derived.clear(conn)
    for start in range(0, len(ids), derived.FILL_BATCH):
        chunk = json.dumps(ids[start : start + derived.FILL_BATCH])
        rows = conn.execute(
            "SELECT id, title, first_published, last_published, n_articles, data, dossier "
            "FROM stories WHERE id IN (SELECT value FROM json_each(?))",
            (chunk,),
        ).fetchall()
        for row in rows:
            _rewrite(conn, row)
    derived.fill(conn)


def _rewrite(conn: sqlite3.Connection, row: tuple[object, ...]) -> None:
    old, title, first, last, n, data, dossier = row
    story = json.loads(str(data))
    members = [
        str(a)
        for (a,) in conn.execute(
            "SELECT article_id FROM story_articles WHERE story_id = ? ORDER BY position", (old,)
        )
    ]
    earliest = story.get("articles", [None])[0] if story.get("articles") else None
    new = wide_id(str(old), str(earliest)) if earliest else str(old)
    if new == old:
        return
    story["id"] = new
    fused = json.loads(str(dossier)) if dossier is not None else None
    if fused is not None:
        fused["story"] = new
    conn.execute("DELETE FROM story_articles WHERE story_id = ?", (old,))
    conn.execute("DELETE FROM stories WHERE id = ?", (old,))
    conn.execute(
        "INSERT INTO stories (id, title, first_published, last_published, n_articles, data, "
        "dossier) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (new, title, first, last, n, _json(story), None if fused is None else _json(fused)),
    )
    conn.executemany(
        "INSERT INTO story_articles (story_id, article_id, position) VALUES (?, ?, ?)",
        [(new, a, i) for i, a in enumerate(members)],
    )


def _json(value: object) -> str:
    """Compact JSON, as pydantic's ``model_dump_json`` writes it."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
