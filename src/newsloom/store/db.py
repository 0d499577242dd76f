"""Opening connections and running transactions: the only place that sets PRAGMAs.

Connections run with ``isolation_level=None`` (autocommit): the sqlite3 module never opens a
transaction behind our back, and every write goes through :func:`transaction`, which issues an
explicit ``BEGIN IMMEDIATE`` / ``COMMIT``. ``IMMEDIATE`` takes the write lock at ``BEGIN``, so a
second writer waits (``busy_timeout``) at the start instead of failing half-way through.

Why ``synchronous=NORMAL`` and not ``FULL``: in WAL mode NORMAL syncs the WAL at checkpoints
rather than at every commit. A killed process (SIGKILL, OOM) loses nothing that was committed,
because committed frames are already in the OS page cache; a power cut may roll back the last few
commits, but never corrupts the file or splits a transaction. FULL buys durability against power
loss, not consistency; re-running ``ingest`` redoes any lost batch, so the fsync per batch is not
worth it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from newsloom.errors import StoreError

#: How long a connection waits for another process's write lock before giving up. A batch
#: commit takes milliseconds; five seconds covers a slow disk or a checkpoint.
BUSY_TIMEOUT_MS = 5000

MEMORY = ":memory:"


def open_write(path: Path | None) -> sqlite3.Connection:
    """Open (or create) the file read-write; ``None`` opens a private in-memory database."""
    where = MEMORY if path is None else str(path)
    try:
        conn = sqlite3.connect(where, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open store {where}: {exc}") from exc
    return conn


def open_read(path: Path) -> sqlite3.Connection:
    """Open an existing store file read-only (``mode=ro``): it never writes to the file.

    A WAL-mode file needs its ``-shm`` index to be read, which SQLite creates beside the file:
    in a folder this process cannot write (a store another user owns, a read-only mount) that
    fails, and the file is then opened ``immutable`` — read as it is, with no locking, which is
    right for a store nobody can be writing to from here.
    """
    try:
        return _read_connection(path, immutable=False)
    except sqlite3.Error as exc:
        if not _cannot_share(exc):
            raise StoreError(f"cannot open store {path} for reading: {exc}") from exc
    try:
        return _read_connection(path, immutable=True)
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open store {path} for reading: {exc}") from exc


def _read_connection(path: Path, *, immutable: bool) -> sqlite3.Connection:
    uri = path.resolve().as_uri() + ("?mode=ro&immutable=1" if immutable else "?mode=ro")
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS:d}")
        conn.execute("PRAGMA query_only = ON")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the first real read
    except BaseException:
        conn.close()
        raise
    return conn


def _cannot_share(exc: sqlite3.Error) -> bool:
    """SQLite's answers when it cannot create a WAL file's shared-memory index."""
    if not isinstance(exc, sqlite3.OperationalError):
        return False
    text = str(exc).lower()
    return "readonly" in text or "unable to open" in text or "read-only" in text


#: What SQLite says when no write can succeed, whatever is written: a fault of the store, not of
#: one article (``cli.write_fault`` turns these into exit 7 with a message).
WRITE_FAULTS = ("disk is full", "readonly", "read-only", "locked", "unable to open", "disk i/o")


def is_write_fault(exc: BaseException) -> bool:
    """Is ``exc`` the store refusing every write (rather than one row being bad)?"""
    if not isinstance(exc, sqlite3.OperationalError):
        return False
    text = str(exc).lower()
    return any(key in text for key in WRITE_FAULTS)


def configure_writer(conn: sqlite3.Connection) -> None:
    """Set the write connection's PRAGMAs (see the module docstring for ``synchronous``)."""
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS:d}")
    conn.execute("PRAGMA journal_mode = WAL")  # an in-memory database answers "memory": fine
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` … ``COMMIT``; roll back on any exception (and re-raise it)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
