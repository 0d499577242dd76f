"""What every ``newsloom`` command shares: the app, exit codes, consoles, options, opening the
store. Kept free of the pipeline so that ``newsloom --help`` and read commands start fast."""

from __future__ import annotations

import sys
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape

from newsloom.errors import StoreError
from newsloom.render.listing import ListFormat

if TYPE_CHECKING:
    from newsloom.store import Store, StoreReader


class Exit(IntEnum):
    OK = 0
    ERROR = 1
    USAGE = 2
    PARTIAL = 3
    NOTHING = 4
    NOT_FOUND = 5
    STORE = 6
    STORE_WRITE = 7


app = typer.Typer(
    name="newsloom",
    help="Turn a crawl of news pages into stories with cross-source dossiers.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,  # plain help: flags without type labels, [brackets] shown as written
)


def _console(stderr: bool = False) -> Console:
    """A console for people on a terminal; for a pipe or a file, whole lines never wrapped
    (``newsloom stories | grep Ferry`` sees every row whole)."""
    stream = sys.stderr if stderr else sys.stdout
    if stream.isatty():
        return Console(stderr=stderr, highlight=False, soft_wrap=False)
    return Console(stderr=stderr, highlight=False, soft_wrap=True, width=10_000)


out = _console()
err = _console(stderr=True)

DbOption = Annotated[
    Path, typer.Option("--db", envvar="NEWSLOOM_DB", help="The SQLite store file.")
]
MaxBytesOption = Annotated[
    int, typer.Option("--max-bytes", help="Reject inputs larger than this many bytes.")
]
FormatOption = Annotated[
    ListFormat, typer.Option("--format", "-f", help="table (for people), json, csv or tsv.")
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output", "-o", help="Write to this file (whole or not at all) instead of stdout."
    ),
]


def plural(n: int, word: str, many: str | None = None) -> str:
    """``1 story``, ``2 stories``, ``0 pages``."""
    if n == 1:
        return f"{n} {word}"
    return f"{n} {many or (word[:-1] + 'ies' if word.endswith('y') else word + 's')}"


def open_store(db: Path) -> Store:
    """The store for a command that writes (created when missing, migrated when old)."""
    from newsloom.store import Store

    try:
        return Store(db)
    except StoreError as exc:
        err.print(f"[red]error:[/] {escape(str(exc))}")
        raise typer.Exit(Exit.STORE) from exc


def open_reader(db: Path) -> StoreReader:
    """The store for a read command: read-only, never created, never migrated."""
    if not db.is_file():
        err.print(
            f"[red]error:[/] no store at {escape(str(db))}: run [bold]newsloom ingest PATH…[/] "
            "first, or pass [bold]--db[/] (or NEWSLOOM_DB) to name an existing store"
        )
        raise typer.Exit(Exit.STORE)
    from newsloom.store import StoreReader

    try:
        return StoreReader(db)
    except StoreError as exc:
        err.print(f"[red]error:[/] {escape(str(exc))}")
        raise typer.Exit(Exit.STORE) from exc


def not_found(message: str, suggestions: list[str] | None = None) -> typer.Exit:
    """Print a not-found error (with "did you mean" when there are suggestions); return the
    exit to raise."""
    err.print(f"[red]not found:[/] {escape(message)}")
    if suggestions:
        err.print("did you mean: " + ", ".join(escape(s) for s in suggestions) + "?")
    return typer.Exit(Exit.NOT_FOUND)
