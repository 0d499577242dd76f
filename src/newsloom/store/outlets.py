"""The store's outlet names: one row per site (host → name, pages) in the ``outlets`` table.

The table is what ``newsloom outlets`` lists and what keeps every stored page of a host under one
name. Which name that is, is decided outside the store (``clean.outlet_sites``) from the names
the host's pages carry (:func:`site_votes`); :func:`set_site_names` records the decision and
renames the pages that carried another. Migration 3 builds the table for a store written before
it existed, from its pages' own names (``fill``). Hosts are read from the stored URLs here, in
Python: a SQL function would have to be registered on every connection that opens the file.
"""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

CREATE = (
    """CREATE TABLE outlets (
        host TEXT PRIMARY KEY,
        name TEXT,
        pages INTEGER NOT NULL
    )""",
)

_UPSERT = """
INSERT INTO outlets (host, name, pages) VALUES (?, ?, ?)
ON CONFLICT (host) DO UPDATE SET name = excluded.name, pages = excluded.pages
"""

_RENAME = """
UPDATE articles SET source = ?, data = json_set(data, '$.source', ?) WHERE id = ?
"""


@dataclass(frozen=True, slots=True)
class OutletRow:
    """One outlet as ``newsloom outlets`` lists it: its name (None: unknown), the hosts its pages
    come from (empty for pages without a URL) and how many pages it has."""

    name: str | None
    hosts: tuple[str, ...]
    pages: int


def host_of(url: str | None) -> str | None:
    """The host of a stored URL without ``www.``; None without one."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return None
    return host.removeprefix("www.") or None


def fill(conn: sqlite3.Connection) -> None:
    """Migration 3: a row per host of the stored pages, named by most of its pages."""
    votes = site_votes(conn)
    for host, names in votes.items():
        counted = Counter({name: n for name, n in names.items() if name})
        name = min(counted, key=lambda k: (-counted[k], k)) if counted else None
        conn.execute(_UPSERT, (host, name, sum(names.values())))


def site_votes(
    conn: sqlite3.Connection, hosts: Iterable[str] | None = None
) -> dict[str, dict[str | None, int]]:
    """Per host (all, or those of ``hosts``): how many stored pages carry each name."""
    wanted = None if hosts is None else set(hosts)
    votes: dict[str, dict[str | None, int]] = defaultdict(lambda: defaultdict(int))
    for url, source in conn.execute("SELECT url, source FROM articles WHERE url IS NOT NULL"):
        host = host_of(url)
        if host and (wanted is None or host in wanted):
            votes[host][source] += 1
    return {host: dict(names) for host, names in votes.items()}


def set_site_names(conn: sqlite3.Connection, names: Mapping[str, str | None]) -> list[str]:
    """Record each host's name and rename the host's pages that carry another; return the ids
    of the renamed pages. Call inside a transaction."""
    pages: Counter[str] = Counter()
    renamed: list[str] = []
    for article_id, url, source in conn.execute(
        "SELECT id, url, source FROM articles WHERE url IS NOT NULL"
    ):
        host = host_of(url)
        if host is None or host not in names:
            continue
        pages[host] += 1
        if source != names[host]:
            renamed.append(str(article_id))
            conn.execute(_RENAME, (names[host], names[host], article_id))
    for host, name in names.items():
        if pages[host]:
            conn.execute(_UPSERT, (host, name, pages[host]))
        else:  # no stored page has this host any more
            conn.execute("DELETE FROM outlets WHERE host = ?", (host,))
    return renamed


def unhosted_names(conn: sqlite3.Connection) -> dict[str | None, list[str]]:
    """The names of the stored pages without a URL, with their ids."""
    out: dict[str | None, list[str]] = defaultdict(list)
    for article_id, source in conn.execute("SELECT id, source FROM articles WHERE url IS NULL"):
        out[source].append(str(article_id))
    return dict(out)


def rename_pages(conn: sqlite3.Connection, names: Mapping[str, str | None]) -> None:
    """Give each article id its new name. Call inside a transaction."""
    for article_id, name in names.items():
        conn.execute(_RENAME, (name, name, article_id))


def outlet_rows(conn: sqlite3.Connection) -> list[OutletRow]:
    """Every outlet with its hosts and page count, the most pages first, then by name."""
    hosts: dict[str | None, list[str]] = defaultdict(list)
    pages: Counter[str | None] = Counter()
    for host, name, n in conn.execute("SELECT host, name, pages FROM outlets ORDER BY host"):
        hosts[name].append(str(host))
        pages[name] += int(n)
    for name, ids in unhosted_names(conn).items():
        hosts.setdefault(name, [])
        pages[name] += len(ids)
    rows = [OutletRow(name, tuple(hosts[name]), pages[name]) for name in hosts]
    return sorted(rows, key=lambda r: (-r.pages, r.name is None, (r.name or "").casefold()))
