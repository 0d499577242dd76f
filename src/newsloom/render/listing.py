"""Listings as tables, JSON, CSV or TSV: one shape for every list the CLI prints.

A :class:`Listing` is named columns and rows of plain values. ``table`` prints it with Rich for
a person (full-width lines, never wrapped, when the output is not a terminal, so ``grep`` and
``cut`` see whole rows); ``json`` prints a list of objects; ``csv`` and ``tsv`` print a header
and one line per row. Page text goes into the Rich table as inert ``Text`` (no markup, control
characters removed) and into CSV through the ``csv`` module (quoted as needed); a cell that
starts like a spreadsheet formula (``=``, ``+``, ``-``, ``@``) is prefixed with ``'`` in CSV and
TSV, so a hostile headline never runs as a formula when an analyst opens the file.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text

from newsloom.render.dates import human_date
from newsloom.render.plain import plain

Cell = str | int | float | bool | None


class ListFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    tsv = "tsv"


@dataclass(slots=True)
class Listing:
    columns: list[str]
    rows: list[list[Cell]] = field(default_factory=list)
    #: Printed instead of an empty table ("no stories yet: …"); JSON and CSV stay empty.
    empty: str = "nothing to show"
    #: Columns of ISO dates and times: shown in words in the table ("Nov. 19, 2019, 6:18
    #: p.m.", ``render.dates``), kept as ISO in JSON, CSV and TSV for programs.
    dates: tuple[str, ...] = ()

    def records(self) -> list[dict[str, Cell]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _safe_cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    if isinstance(value, str) and text.startswith(_FORMULA_START):
        return "'" + text
    return text


def delimited(listing: Listing, delimiter: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow(listing.columns)
    for row in listing.rows:
        cells = [_safe_cell(v) for v in row]
        if delimiter == "\t":  # TSV has no quoting: a tab or newline inside a cell becomes a space
            cells = [c.replace("\t", " ").replace("\n", " ") for c in cells]
        writer.writerow(cells)
    return buffer.getvalue()


def text_of(listing: Listing, fmt: ListFormat) -> str:
    """The listing as JSON, CSV or TSV text (``table`` is printed by :func:`emit`)."""
    if fmt is ListFormat.json:
        return json.dumps(listing.records(), ensure_ascii=False, indent=2) + "\n"
    return delimited(listing, "," if fmt is ListFormat.csv else "\t")


def rich_table(listing: Listing) -> Table:
    table = Table(*listing.columns, box=None)
    dated = [c in listing.dates for c in listing.columns]
    for row in listing.rows:
        table.add_row(*(_table_cell(v, d) for v, d in zip(row, dated, strict=True)))
    return table


def _table_cell(value: Cell, is_date: bool) -> Text:
    if value is None:
        return plain("")
    if is_date and isinstance(value, str):
        return plain(human_date(value))
    return plain(str(value))


def emit(listing: Listing, fmt: ListFormat, console: Console, output: Path | None = None) -> None:
    """Print ``listing`` in ``fmt`` to ``console``, or write it to ``output`` atomically."""
    if fmt is ListFormat.table:
        if output is not None:
            sink = io.StringIO()
            _print_table(
                listing, Console(file=sink, width=10_000, soft_wrap=False, highlight=False)
            )
            write_atomic(output, sink.getvalue())
            return
        _print_table(listing, console)
        return
    text = text_of(listing, fmt)
    if output is not None:
        write_atomic(output, text)
    else:
        console.file.write(text)


def _print_table(listing: Listing, console: Console) -> None:
    if not listing.rows:
        console.print(listing.empty)
        return
    console.print(rich_table(listing))


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` all at once: a temporary file beside it, renamed over it when
    whole, so a failure never leaves a half-written or empty file."""
    folder = path.resolve().parent
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def rows_of(columns: Sequence[str], records: Sequence[dict[str, Cell]]) -> Listing:
    """A listing from records (missing keys become empty cells)."""
    return Listing(list(columns), [[r.get(c) for c in columns] for r in records])
