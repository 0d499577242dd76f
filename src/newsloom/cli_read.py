"""The read commands: ``stories``, ``show``, ``search``, ``rejections``, ``export``, ``top``,
``latest``, ``trending``. Each opens the store read-only (``rejections --clear`` excepted) and
prints a listing as a table for people, or JSON, CSV or TSV for scripts and spreadsheets
(``--format``), to stdout or atomically to a file (``-o``)."""

from __future__ import annotations

import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer
from rich.markup import escape

from newsloom.cli_common import (
    DbOption,
    Exit,
    FormatOption,
    OutputOption,
    app,
    err,
    not_found,
    open_reader,
    open_store,
    out,
    plural,
)
from newsloom.config import DEFAULT_DB
from newsloom.errors import DESCRIPTIONS, NotFoundError
from newsloom.render.listing import ListFormat, Listing, emit, write_atomic

if TYPE_CHECKING:
    from newsloom.model import Result
    from newsloom.store import Reading

# ------------------------------------------------------------------------------- stories


@app.command("stories")
def stories_cmd(
    db: DbOption = DEFAULT_DB,
    q: Annotated[
        str, typer.Option("--q", help="Only stories with a page matching this search.")
    ] = "",
    outlet: Annotated[str, typer.Option(help="Only stories this outlet covered.")] = "",
    entity: Annotated[
        str, typer.Option(help="Only stories naming this entity (any spelling).")
    ] = "",
    since: Annotated[
        str | None, typer.Option("--from", help="Updated on or after (YYYY-MM-DD).")
    ] = None,
    until: Annotated[
        str | None, typer.Option("--to", help="Begun on or before (YYYY-MM-DD).")
    ] = None,
    sort: Annotated[Literal["recent", "size"], typer.Option(help="recent or size.")] = "recent",
    limit: Annotated[int, typer.Option(min=1, help="Show at most this many stories.")] = 50,
    offset: Annotated[int, typer.Option(min=0, help="Skip this many first.")] = 0,
    fmt: FormatOption = ListFormat.table,
    output: OutputOption = None,
) -> None:
    """List the stories, newest first, with the web's filters."""
    from newsloom.store import QuerySyntaxError, StoryFilter

    flt = StoryFilter(
        q=q,
        outlet=outlet,
        entity=entity,
        since=_day(since, "--from"),
        until=_day(until, "--to"),
        sort=sort,
    )
    with open_reader(db) as store:
        try:
            rows, total = store.story_page(flt, offset, limit)
        except QuerySyntaxError as exc:
            raise _bad_query(exc) from exc
    listing = Listing(
        ["id", "first_published", "last_published", "pages", "reports", "outlets", "title"],
        [
            [
                r.id,
                r.first_published,
                r.last_published,
                r.n_articles,
                r.n_reports,
                "; ".join(o.name for o in r.outlets),
                r.title,
            ]
            for r in rows
        ],
        empty="no stories match these filters"
        if flt.active()
        else "no stories yet: run newsloom ingest PATH first",
        dates=("first_published", "last_published"),
    )
    emit(listing, fmt, out, output)
    if fmt is ListFormat.table and output is None and total > offset + len(rows):
        err.print(f"{plural(total, 'story')} in all; --offset {offset + len(rows)} shows more")


def _day(text: str | None, option: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        err.print(f"[red]error:[/] {option} takes a date like 2025-03-04, not {escape(text)}")
        raise typer.Exit(Exit.USAGE) from exc


def _bad_query(exc: Exception) -> typer.Exit:
    err.print(f"[red]error:[/] this search cannot be read: {escape(str(exc))}")
    return typer.Exit(Exit.USAGE)


# ---------------------------------------------------------------------------------- show


class ShowFormat(StrEnum):
    table = "table"
    json = "json"
    md = "md"
    csv = "csv"
    tsv = "tsv"


class DossierTable(StrEnum):
    coverage = "coverage"
    figures = "figures"
    quotes = "quotes"
    entities = "entities"
    timeline = "timeline"


@app.command("show")
def show_cmd(
    story_id: Annotated[str, typer.Argument(help="A story id (see `stories`).")],
    db: DbOption = DEFAULT_DB,
    fmt: Annotated[
        ShowFormat, typer.Option("--format", "-f", help="table, json, md; csv/tsv with --table.")
    ] = ShowFormat.table,
    table: Annotated[
        DossierTable | None,
        typer.Option(help="One dossier table: coverage, figures, quotes, entities, timeline."),
    ] = None,
    output: OutputOption = None,
) -> None:
    """Show one story's dossier: outlets, copies, figures, quotes, timeline, entities, why
    each article is in — or one of its tables (`--table figures --format csv`)."""
    with open_reader(db) as store:
        if table is not None or fmt in (ShowFormat.csv, ShowFormat.tsv):
            _show_table(store, story_id, table or DossierTable.figures, fmt, output)
            return
        from newsloom.pipeline import stored_result

        try:
            result = stored_result(store, story_id)
        except NotFoundError as exc:
            raise not_found(str(exc), store.story_ids_like(story_id)) from exc
    if fmt is ShowFormat.table and output is None:
        from newsloom.render.terminal import print_story

        story = result.stories[0]
        print_story(out, story, result.dossiers[story.id], result.articles)
        return
    _write_result(result, "md" if fmt is ShowFormat.md else "json", output)


def _show_table(
    store: Reading, story_id: str, table: DossierTable, fmt: ShowFormat, output: Path | None
) -> None:
    try:
        columns, rows = store.dossier_table(story_id, table.value)
    except NotFoundError as exc:
        raise not_found(str(exc), store.story_ids_like(story_id)) from exc
    as_list = (
        ListFormat.table if fmt in (ShowFormat.table, ShowFormat.md) else ListFormat(fmt.value)
    )
    emit(
        Listing(columns, [list(r) for r in rows], empty=f"no {table.value} in this story"),
        as_list,
        out,
        output,
    )


def _write_result(result: Result, fmt: Literal["json", "md"], output: Path | None) -> None:
    from newsloom.render import json as render_json
    from newsloom.render import markdown as render_md

    text = render_json.dumps(result) if fmt == "json" else render_md.render(result)
    text = text if text.endswith("\n") else text + "\n"
    if output is not None:
        write_atomic(output, text)
    else:
        sys.stdout.write(text)


# -------------------------------------------------------------------------------- search


@app.command("search")
def search_cmd(
    query: Annotated[
        str,
        typer.Argument(
            help='Words, "a phrase", prefix*, OR, -word, title:, outlet:, entity:, from:, to:.'
        ),
    ],
    db: DbOption = DEFAULT_DB,
    limit: Annotated[int, typer.Option(min=1, help="At most this many hits.")] = 20,
    fmt: FormatOption = ListFormat.table,
    output: OutputOption = None,
) -> None:
    """Full-text search over article titles and bodies (syntax: docs/usage.md#search).

    A name the store knows as an entity also finds its other spellings. Exit code 5 when
    nothing matches, 2 when the query cannot be read.
    """
    from newsloom.store import HIT_END, HIT_START, QuerySyntaxError

    with open_reader(db) as store:
        try:
            plan = store.search_plan(query)
            hits = store.search_page(plan, 0, limit)[0]
        except QuerySyntaxError as exc:
            raise _bad_query(exc) from exc
    for note in plan.notes:
        err.print(f"note: {escape(note)}")
    if not hits:
        err.print("no matches")
        raise typer.Exit(Exit.NOT_FOUND)
    listing = Listing(
        ["article", "story", "outlet", "published", "title", "snippet"],
        [
            [
                h.article,
                h.story,
                h.outlet,
                h.published,
                h.title,
                h.snippet.replace(HIT_START, "").replace(HIT_END, ""),
            ]
            for h in hits
        ],
        dates=("published",),
    )
    emit(listing, fmt, out, output)


# ---------------------------------------------------------------------------- rejections


@app.command("rejections")
def rejections_cmd(
    db: DbOption = DEFAULT_DB,
    codes: Annotated[bool, typer.Option("--codes", help="List every rejection code.")] = False,
    since: Annotated[
        str | None, typer.Option(help="Only those refused on or after this date or time (UTC).")
    ] = None,
    clear: Annotated[
        bool, typer.Option("--clear", help="Forget them (all, or those before --before).")
    ] = False,
    before: Annotated[
        str | None, typer.Option(help="With --clear: only those refused before this date.")
    ] = None,
    fmt: FormatOption = ListFormat.table,
    output: OutputOption = None,
) -> None:
    """List the inputs the store refused, newest first, with codes, reasons and when."""
    if codes:
        listing = Listing(["code", "meaning"], [[c.value, t] for c, t in DESCRIPTIONS.items()])
        emit(listing, fmt, out, output)
        return
    if clear:
        with open_store(db) as store:
            n = store.clear_rejections(before)
        out.print(f"{plural(n, 'rejection')} cleared")
        return
    with open_reader(db) as store:
        rows = store.rejection_rows(since)
    listing = Listing(
        ["at", "code", "input", "reason"],
        [[at, code, where, reason] for where, code, reason, at in rows],
        empty="no rejected inputs",
    )
    emit(listing, fmt, out, output)


# -------------------------------------------------------------------------------- export


class ExportFormat(StrEnum):
    json = "json"
    md = "md"
    html = "html"


@app.command("export")
def export_cmd(
    db: DbOption = DEFAULT_DB,
    fmt: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ExportFormat.json,
    story: Annotated[str | None, typer.Option(help="Export only this story.")] = None,
    output: OutputOption = None,
) -> None:
    """Print the store's stories, articles and rejections as JSON or Markdown.

    `--format html --story ID -o report.html` writes one story's dossier as a standalone page
    that opens offline and prints well (with -o, a failure leaves no half-written file).
    """
    if fmt is ExportFormat.html:
        _export_html(db, story, output)
        return
    from newsloom.pipeline import stored_result

    with open_reader(db) as store:
        try:
            result = stored_result(store, story)
        except NotFoundError as exc:
            raise not_found(str(exc), store.story_ids_like(story or "")) from exc
    _write_result(result, "md" if fmt is ExportFormat.md else "json", output)


def _export_html(db: Path, story: str | None, output: Path | None) -> None:
    if not story:
        err.print("[red]error:[/] --format html needs --story ID (one dossier per report)")
        raise typer.Exit(Exit.USAGE)
    from newsloom.web.report import story_report  # the web stack loads only when asked

    with open_reader(db) as store:  # refuse a missing, foreign or old file first
        suggestions = store.story_ids_like(story)
    try:
        html = story_report(db, story)
    except NotFoundError as exc:
        raise not_found(str(exc), suggestions) from exc
    if output is not None:
        write_atomic(output, html)
    else:
        sys.stdout.write(html)


# --------------------------------------------------------------------------------- rails

WindowOption = Annotated[str, typer.Option(help="How far back from now: 90m, 24h, 7d, 2w.")]
NowOption = Annotated[
    str | None,
    typer.Option(help="Reference time (ISO); default: the newest page in the store."),
]
LimitOption = Annotated[int, typer.Option(min=1, max=100, help="How many to show.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print the API's JSON answer.")]
Rail = Literal["top", "latest", "trending"]


def _rail(
    rail: Rail,
    db: Path,
    window: str,
    now: str | None,
    limit: int,
    fmt: ListFormat,
    as_json: bool,
    output: Path | None,
) -> None:
    from newsloom.errors import StoreError
    from newsloom.front import parse_now, parse_window
    from newsloom.web.terminal import rail_answer  # the web assembly loads only when asked

    open_reader(db).close()
    try:
        span = parse_window(window)
        at = parse_now(now) if now else None
    except ValueError as exc:
        err.print(f"[red]error:[/] {escape(str(exc))}")
        raise typer.Exit(Exit.USAGE) from exc
    try:
        answer = rail_answer(db, rail, span, at, limit)
    except StoreError as exc:
        err.print(f"[red]error:[/] {escape(str(exc))}")
        raise typer.Exit(Exit.STORE) from exc
    if as_json or (fmt is ListFormat.json):
        text = answer.json_text()
        if output is not None:
            write_atomic(output, text)
        else:
            sys.stdout.write(text)
        return
    if fmt is ListFormat.table and output is None:
        out.print(answer.heading)
    emit(answer.listing, fmt, out, output)


@app.command("top")
def top_cmd(
    db: DbOption = DEFAULT_DB,
    window: WindowOption = "24h",
    now: NowOption = None,
    limit: LimitOption = 10,
    fmt: FormatOption = ListFormat.table,
    as_json: JsonOption = False,
    output: OutputOption = None,
) -> None:
    """Top Stories: most independent reports in the window (copies count once), then newest."""
    _rail("top", db, window, now, limit, fmt, as_json, output)


@app.command("latest")
def latest_cmd(
    db: DbOption = DEFAULT_DB,
    now: NowOption = None,
    limit: LimitOption = 10,
    fmt: FormatOption = ListFormat.table,
    as_json: JsonOption = False,
    output: OutputOption = None,
) -> None:
    """Latest Headlines: newest stories first, with section and relative time."""
    _rail("latest", db, "24h", now, limit, fmt, as_json, output)


@app.command("trending")
def trending_cmd(
    db: DbOption = DEFAULT_DB,
    window: WindowOption = "24h",
    now: NowOption = None,
    limit: LimitOption = 10,
    fmt: FormatOption = ListFormat.table,
    as_json: JsonOption = False,
    output: OutputOption = None,
) -> None:
    """Trending: entities and headline phrases rising most against their own baseline."""
    _rail("trending", db, window, now, limit, fmt, as_json, output)
