"""The ``newsloom`` command line: thin commands that parse, call the pipeline or the store, print.

Exit codes (stable; scripts rely on them):

====  ===========================================================
0     success
1     unexpected error (a bug: please report it)
2     usage error (bad option or argument)
3     partial success: some inputs were rejected, the rest went in
4     nothing usable: every input was rejected, or none was found
5     not found: no such story, article or entity
6     the store cannot be opened (missing for a read command, not a newsloom file, newer or
      older schema, unreadable)
7     the store cannot be written (disk full, read-only file or folder, locked by another
      process); what was committed before stays consistent, and a rerun completes it
====  ===========================================================

Read commands (``stories``, ``show``, ``search``, ``rejections``, ``export``, ``top``,
``latest``, ``trending``, ``serve`` without ``--token``) open the store read-only and never
write to it, so they work on a read-only file and never create one by mistake.
"""

from __future__ import annotations

import os
import socket
import sqlite3
import sys
import tempfile
from enum import IntEnum, StrEnum
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from newsloom import __version__
from newsloom.config import DEFAULT_BATCH_SIZE, DEFAULT_DB, DEFAULT_MAX_BYTES, Settings
from newsloom.errors import DESCRIPTIONS, NotFoundError, StoreError

if TYPE_CHECKING:
    from newsloom.model import Rejection, Result
    from newsloom.pipeline import IngestReport
    from newsloom.store import Store, StoreReader

# The pipeline (spaCy, scikit-learn) is imported inside the commands that run it, so that
# `newsloom --help` and the read commands start without loading it.


class Exit(IntEnum):
    OK = 0
    ERROR = 1
    USAGE = 2
    PARTIAL = 3
    NOTHING = 4
    NOT_FOUND = 5
    STORE = 6
    STORE_WRITE = 7


class Format(StrEnum):
    json = "json"
    md = "md"


class ExportFormat(StrEnum):
    json = "json"
    md = "md"
    html = "html"


app = typer.Typer(
    name="newsloom",
    help="Turn a crawl of news pages into stories with cross-source dossiers.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)
out = Console(highlight=False, soft_wrap=False)
err = Console(stderr=True, highlight=False)

DbOption = Annotated[
    Path, typer.Option("--db", envvar="NEWSLOOM_DB", help="The SQLite store file.")
]
MaxBytesOption = Annotated[
    int, typer.Option("--max-bytes", help="Reject inputs larger than this many bytes.")
]


def _open_store(db: Path) -> Store:
    """The store for a command that writes (created when missing, migrated when old)."""
    from newsloom.store import Store

    try:
        return Store(db)
    except StoreError as exc:
        err.print(f"[red]error:[/] {escape(str(exc))}")
        raise typer.Exit(Exit.STORE) from exc


def _open_reader(db: Path) -> StoreReader:
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


def _progress() -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        BarColumn(bar_width=None),
        TextColumn("{task.completed} inputs"),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )


def _exit_code(n_good: int, rejections: list[Rejection]) -> Exit:
    if n_good == 0 and not rejections:
        return Exit.NOTHING
    if n_good == 0:
        return Exit.NOTHING
    return Exit.PARTIAL if rejections else Exit.OK


@app.command("ingest")
def ingest_cmd(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, globs, or - for stdin.")],
    db: DbOption = DEFAULT_DB,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
    batch_size: Annotated[
        int, typer.Option("--batch-size", min=1, help="Pages per transaction.")
    ] = DEFAULT_BATCH_SIZE,
) -> None:
    """Read pages into the store: clean, annotate, group into stories.

    Prints articles added, duplicates skipped, and each rejected input with its reason.
    Exit code 3 when some inputs were rejected, 4 when nothing could be ingested.
    """
    from newsloom.pipeline import ingest

    settings = Settings(max_bytes=max_bytes, batch_size=batch_size)
    with _open_store(db) as store, _progress() as bar:
        task = bar.add_task("ingesting", total=None)
        report = ingest(
            paths,
            store,
            settings,
            stdin=sys.stdin.buffer,
            progress=lambda event, n: bar.update(task, advance=n, description=event),
        )
    _print_ingest(report, db)
    raise typer.Exit(_exit_code(report.added + report.updated + report.skipped, report.rejections))


def _print_ingest(report: IngestReport, db: Path) -> None:
    from newsloom.render.terminal import print_rejections

    out.print(
        f"[bold]{report.added}[/] articles added, {report.updated} updated, "
        f"{report.skipped} duplicates skipped, {report.rejected} rejected; "
        f"{report.stories} stories in {escape(str(db))}"
    )
    if report.rejections:
        print_rejections(out, report.rejections)


@app.command("regroup")
def regroup_cmd(db: DbOption = DEFAULT_DB) -> None:
    """Recompute every story and dossier from the stored articles (after an upgrade)."""
    from newsloom.pipeline import regroup

    with _open_store(db) as store:
        n = regroup(store)
    out.print(f"{n} stories in {escape(str(db))}")


@app.command("stories")
def stories_cmd(
    db: DbOption = DEFAULT_DB,
    limit: Annotated[int, typer.Option(help="Show at most this many stories.")] = 50,
) -> None:
    """List the stories in the store, newest first."""
    from newsloom.render.terminal import print_stories

    with _open_reader(db) as store:
        stories = store.stories()[:limit]
        dossiers = {s.id: store.dossier(s.id) for s in stories}
    print_stories(out, stories, dossiers)


@app.command("show")
def show_cmd(
    story_id: Annotated[str, typer.Argument(help="A story id (see `stories`).")],
    db: DbOption = DEFAULT_DB,
) -> None:
    """Show one story's dossier: outlets, copies, entities, summary, why each article is in."""
    from newsloom.pipeline import stored_result
    from newsloom.render.terminal import print_story

    with _open_reader(db) as store:
        try:
            result = stored_result(store, story_id)
        except NotFoundError as exc:
            err.print(f"[red]not found:[/] {escape(str(exc))}")
            raise typer.Exit(Exit.NOT_FOUND) from exc
    story = result.stories[0]
    print_story(out, story, result.dossiers[story.id], result.articles)


@app.command("search")
def search_cmd(
    query: Annotated[
        str,
        typer.Argument(
            help='Words, "a phrase", prefix*, OR, -word, title:, outlet:, entity:, from:, to:.'
        ),
    ],
    db: DbOption = DEFAULT_DB,
    limit: Annotated[int, typer.Option(help="At most this many hits.")] = 20,
) -> None:
    """Full-text search over article titles and bodies (syntax: docs/usage.md#search).

    A name the store knows as an entity also finds its other spellings. Exit code 5 when
    nothing matches, 2 when the query cannot be read.
    """
    from newsloom.store.query import QuerySyntaxError

    with _open_reader(db) as store:
        try:
            plan = store.search_plan(query)
            hits = store.search_page(plan, 0, limit)[0]
        except QuerySyntaxError as exc:
            err.print(f"[red]error:[/] this search cannot be read: {escape(str(exc))}")
            raise typer.Exit(Exit.USAGE) from exc
    for note in plan.notes:
        err.print(f"note: {escape(note)}")
    if not hits:
        err.print("no matches")
        raise typer.Exit(Exit.NOT_FOUND)
    table = Table("article", "story", "title", "snippet", box=None)
    for hit in hits:
        snippet = escape(hit.snippet).replace("\x02", "[bold yellow]").replace("\x03", "[/]")
        table.add_row(hit.article, hit.story or "", escape(hit.title or ""), snippet)
    out.print(table)


@app.command("rejections")
def rejections_cmd(
    db: DbOption = DEFAULT_DB,
    codes: Annotated[bool, typer.Option("--codes", help="List every rejection code.")] = False,
) -> None:
    """List the inputs the store refused, with their codes and reasons."""
    from newsloom.render.terminal import print_rejections

    if codes:
        for code, text in DESCRIPTIONS.items():
            out.print(f"{code.value}  {text}")
        return
    with _open_reader(db) as store:
        print_rejections(out, store.rejections())


@app.command("export")
def export_cmd(
    db: DbOption = DEFAULT_DB,
    fmt: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ExportFormat.json,
    story: Annotated[str | None, typer.Option(help="Export only this story.")] = None,
) -> None:
    """Print the store's stories, articles and rejections as JSON or Markdown.

    `--format html --story ID > report.html` writes one story's dossier as a standalone page
    that opens offline and prints well.
    """
    from newsloom.pipeline import stored_result

    if fmt is ExportFormat.html:
        _export_html(db, story)
        return
    with _open_reader(db) as store:
        try:
            result = stored_result(store, story)
        except NotFoundError as exc:
            err.print(f"[red]not found:[/] {escape(str(exc))}")
            raise typer.Exit(Exit.NOT_FOUND) from exc
    _emit(result, Format(fmt.value))


def _export_html(db: Path, story: str | None) -> None:
    if not story:
        err.print("[red]error:[/] --format html needs --story ID (one dossier per report)")
        raise typer.Exit(Exit.USAGE)
    from newsloom.web.report import story_report  # the web stack loads only when asked

    _open_reader(db).close()  # refuse a missing, foreign or old file before anything else
    try:
        html = story_report(db, story)
    except NotFoundError as exc:
        err.print(f"[red]not found:[/] {escape(str(exc))}")
        raise typer.Exit(Exit.NOT_FOUND) from exc
    sys.stdout.write(html)


def _emit(result: Result, fmt: Format) -> None:
    from newsloom.render import json as render_json
    from newsloom.render import markdown as render_md

    text = render_json.dumps(result) if fmt is Format.json else render_md.render(result)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


@app.command("analyze")
def analyze_cmd(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, globs, or - for stdin.")],
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.json,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
) -> None:
    """One shot, in memory: read, clean, annotate, group and fuse, then print the result."""
    from newsloom.pipeline import analyze

    with _progress() as bar:
        task = bar.add_task("analyzing", total=None)
        result = analyze(
            paths,
            Settings(max_bytes=max_bytes),
            stdin=sys.stdin.buffer,
            progress=lambda event, n: bar.update(task, advance=n),
        )
    _emit(result, fmt)
    raise typer.Exit(_exit_code(len(result.articles), result.rejections))


def sample_dir() -> Path:
    """The bundled sample corpus (fictional pages written for newsloom)."""
    return Path(str(resources.files("newsloom") / "sample" / "pages"))


@app.command("demo")
def demo_cmd(
    db: Annotated[
        Path | None, typer.Option("--db", help="Keep the demo store here (default: temporary).")
    ] = None,
    serve: Annotated[
        bool, typer.Option("--serve", help="Then open it in the web UI (see `serve`).")
    ] = False,
    port: Annotated[int, typer.Option(help="Port for --serve.")] = 8000,
) -> None:
    """Run the whole pipeline on the bundled sample corpus and show the stories."""
    from newsloom.pipeline import ingest, stored_result
    from newsloom.render.terminal import print_stories, print_story

    target = db or Path(tempfile.mkdtemp(prefix="newsloom-demo-")) / "demo.db"
    out.print(f"Ingesting the sample corpus into {escape(str(target))} …")
    with _open_store(target) as store, _progress() as bar:
        task = bar.add_task("ingesting", total=None)
        report = ingest(
            [str(sample_dir())],
            store,
            Settings(),
            progress=lambda event, n: bar.update(task, advance=n, description=event),
        )
        _print_ingest(report, target)
        stories = store.stories()
        dossiers = {s.id: store.dossier(s.id) for s in stories}
        print_stories(out, stories, dossiers)
        if stories:
            biggest = max(stories, key=lambda s: (len(s.articles), s.id))
            result = stored_result(store, biggest.id)
            print_story(out, biggest, result.dossiers[biggest.id], result.articles)
    out.print(f"\nExplore further: [bold]newsloom stories --db {escape(str(target))}[/]")
    if serve:
        serve_cmd(db=target, host="127.0.0.1", port=port, token=None, workers=1)


@app.command("serve")
def serve_cmd(
    db: DbOption = DEFAULT_DB,
    host: Annotated[
        str, typer.Option(help="Address to bind; anything but 127.0.0.1 exposes the store.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            envvar="NEWSLOOM_TOKEN", help="Enable page uploads (POST) for holders of this token."
        ),
    ] = None,
    workers: Annotated[
        int,
        typer.Option(min=0, max=64, help="Server processes; 0 (default): one per core, up to 4."),
    ] = 0,
) -> None:
    """Open the store in the web UI and HTTP API (read-only unless --token is given)."""
    import uvicorn

    from newsloom.web import WebSettings, create_app
    from newsloom.web.app import LOOPBACK_HOSTS, settings_to_env

    _open_reader(db).close()
    loopback = host in LOOPBACK_HOSTS
    settings = WebSettings(db=db, token=token, allowed_hosts=LOOPBACK_HOSTS if loopback else None)
    try:
        web = create_app(settings)  # also checks the store before any worker starts
    except StoreError as exc:
        err.print(f"[red]error:[/] {escape(str(exc))}")
        raise typer.Exit(Exit.STORE) from exc
    _check_port(host, port)
    n = workers or min(4, os.cpu_count() or 1)
    shown = f"[{host}]" if ":" in host else host
    out.print(
        f"newsloom: serving {escape(str(db))} at [bold]http://{shown}:{port}/[/] "
        f"({'uploads with token' if token else 'read-only'}; {n} worker"
        f"{'s' if n > 1 else ''}; API at /api/v1, docs at /docs; Ctrl-C stops)"
    )
    if n == 1:
        uvicorn.run(web, host=host, port=port, log_level="warning", access_log=False)
        return
    os.environ.update(settings_to_env(settings))
    uvicorn.run(
        "newsloom.web.app:app_from_env",
        factory=True,
        workers=n,
        host=host,
        port=port,
        log_level="warning",
        access_log=False,
    )


def _check_port(host: str, port: int) -> None:
    """Refuse a busy or forbidden address before saying "serving" (exit 2, a usage error)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            why = escape(exc.strerror or str(exc))
            err.print(
                f"[red]error:[/] cannot listen on {escape(host)}:{port}: {why}"
                " — pick another [bold]--port[/] or stop what is using it"
            )
            raise typer.Exit(Exit.USAGE) from exc


WindowOption = Annotated[str, typer.Option(help="How far back from now: 90m, 24h, 7d, 2w.")]
NowOption = Annotated[
    str | None,
    typer.Option(help="Reference time (ISO); default: the newest page in the store."),
]
LimitOption = Annotated[int, typer.Option(min=1, max=100, help="How many to show.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print the API's JSON answer.")]


def _rail(
    rail: Literal["top", "latest", "trending"],
    db: Path,
    window: str,
    now: str | None,
    limit: int,
    as_json: bool,
) -> None:
    from newsloom.front.clock import parse_now, parse_window
    from newsloom.web.terminal import print_rail  # the web index loads only when asked

    _open_reader(db).close()
    try:
        span = parse_window(window)
        at = parse_now(now) if now else None
    except ValueError as exc:
        err.print(f"[red]error:[/] {escape(str(exc))}")
        raise typer.Exit(Exit.USAGE) from exc
    try:
        print_rail(out, db, rail, span, at, limit, as_json)
    except StoreError as exc:
        err.print(f"[red]error:[/] {escape(str(exc))}")
        raise typer.Exit(Exit.STORE) from exc


@app.command("top")
def top_cmd(
    db: DbOption = DEFAULT_DB,
    window: WindowOption = "24h",
    now: NowOption = None,
    limit: LimitOption = 10,
    as_json: JsonOption = False,
) -> None:
    """Top Stories: most independent reports in the window (copies count once), then newest."""
    _rail("top", db, window, now, limit, as_json)


@app.command("latest")
def latest_cmd(
    db: DbOption = DEFAULT_DB,
    now: NowOption = None,
    limit: LimitOption = 10,
    as_json: JsonOption = False,
) -> None:
    """Latest Headlines: newest stories first, with section and relative time."""
    _rail("latest", db, "24h", now, limit, as_json)


@app.command("trending")
def trending_cmd(
    db: DbOption = DEFAULT_DB,
    window: WindowOption = "24h",
    now: NowOption = None,
    limit: LimitOption = 10,
    as_json: JsonOption = False,
) -> None:
    """Trending: entities and headline phrases rising most against their own baseline."""
    _rail("trending", db, window, now, limit, as_json)


def _version(value: bool) -> None:
    if value:
        out.print(f"newsloom {__version__}")
        raise typer.Exit(Exit.OK)


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")
    ] = False,
) -> None:
    """Turn a crawl of news pages into stories with cross-source dossiers."""


#: What SQLite says when the store cannot take a write, and what to tell the user.
_WRITE_FAULTS = {
    "disk is full": "the disk holding the store is full: free some space and run it again",
    "readonly": "the store (or its folder) is read-only: use a writable --db",
    "read-only": "the store (or its folder) is read-only: use a writable --db",
    "locked": "the store is locked by another process: wait for it and run it again",
    "unable to open": "the store's folder cannot be written: use a writable --db",
}


def write_fault(exc: BaseException) -> str | None:
    """The user's message for a store write failure (disk full, read-only, locked), else None."""
    if not isinstance(exc, sqlite3.OperationalError | StoreError):
        return None
    text = str(exc).lower()
    return next((msg for key, msg in _WRITE_FAULTS.items() if key in text), None)


def main() -> None:
    try:
        app()
    except Exception as exc:  # pragma: no cover - last resort, keeps the exit code meaningful
        message = write_fault(exc)
        if message is not None:
            err.print(f"[red]error:[/] {escape(message)} ({escape(str(exc))})")
            sys.exit(Exit.STORE_WRITE)
        err.print(f"[red]internal error:[/] {escape(repr(exc))}")
        sys.exit(Exit.ERROR)
