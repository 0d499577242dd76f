"""The ``newsloom`` command line: thin commands that parse, call the pipeline or the store, print.

Exit codes (stable; scripts rely on them):

====  ===========================================================
0     success
1     unexpected error (a bug: please report it)
2     usage error (bad option or argument)
3     partial success: some inputs were rejected, the rest went in
4     nothing usable: every input was rejected, or none was found
5     not found: no such story, article or entity
6     the store cannot be opened (not a newsloom file, newer schema)
====  ===========================================================
"""

from __future__ import annotations

import sys
import tempfile
from enum import IntEnum, StrEnum
from importlib import resources
from pathlib import Path
from typing import Annotated, Literal

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from newsloom import __version__
from newsloom.config import (
    CONFIG_ENV,
    DEFAULT_BATCH_SIZE,
    DEFAULT_DB,
    DEFAULT_MAX_BYTES,
    ConfigError,
    OutletNames,
    Settings,
    config_path,
    load_outlet_names,
)
from newsloom.errors import DESCRIPTIONS, NotFoundError, StoreError
from newsloom.model import Rejection, Result
from newsloom.pipeline import IngestReport, analyze, ingest, regroup, stored_result
from newsloom.render import json as render_json
from newsloom.render import markdown as render_md
from newsloom.render.terminal import print_rejections, print_stories, print_story
from newsloom.store import Store


class Exit(IntEnum):
    OK = 0
    ERROR = 1
    USAGE = 2
    PARTIAL = 3
    NOTHING = 4
    NOT_FOUND = 5
    STORE = 6


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
ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config",
        envvar=CONFIG_ENV,
        help="Settings file (TOML; its [outlets] table renames outlets). "
        "Default: ./newsloom.toml when it exists.",
    ),
]


def _outlet_rules(config: Path | None) -> OutletNames:
    try:
        return load_outlet_names(config_path(config))
    except ConfigError as exc:
        err.print(f"[red]error:[/] {escape(str(exc))}")
        raise typer.Exit(Exit.USAGE) from exc


def _open_store(db: Path) -> Store:
    try:
        return Store(db)
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
    config: ConfigOption = None,
) -> None:
    """Read pages into the store: clean, annotate, group into stories.

    Prints articles added, duplicates skipped, and each rejected input with its reason.
    Exit code 3 when some inputs were rejected, 4 when nothing could be ingested.
    """
    outlets = _outlet_rules(config)
    settings = Settings(max_bytes=max_bytes, batch_size=batch_size, outlets=outlets)
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
    out.print(
        f"[bold]{report.added}[/] articles added, {report.updated} updated, "
        f"{report.skipped} duplicates skipped, {report.rejected} rejected; "
        f"{report.stories} stories in {escape(str(db))}"
    )
    if report.rejections:
        print_rejections(out, report.rejections)


@app.command("regroup")
def regroup_cmd(db: DbOption = DEFAULT_DB, config: ConfigOption = None) -> None:
    """Settle outlet names (with newsloom.toml's [outlets]), then recompute every story and
    dossier from the stored articles (after an upgrade, or after editing the outlet names)."""
    rules = _outlet_rules(config)
    with _open_store(db) as store:
        n = regroup(store, rules)
    out.print(f"{n} stories in {escape(str(db))}")


@app.command("outlets")
def outlets_cmd(db: DbOption = DEFAULT_DB, config: ConfigOption = None) -> None:
    """List the outlets in the store with their hosts and page counts, to spot one site under
    two names (or two sites under one) and fix it in newsloom.toml's [outlets] table."""
    rules = _outlet_rules(config)
    with _open_store(db) as store:
        rows = store.outlets()
    if not rows:
        err.print("no outlets: the store holds no pages")
        raise typer.Exit(Exit.NOT_FOUND)
    table = Table("outlet", "hosts", "pages", box=None)
    pending = []
    for row in rows:
        name = row.name or "unknown"
        table.add_row(escape(name), escape(", ".join(row.hosts) or "(no URL)"), str(row.pages))
        wanted = {rules.resolve(row.name, h) for h in row.hosts} or {rules.resolve(row.name)}
        pending += [(name, new) for new in sorted(n for n in wanted if n and n != row.name)]
    out.print(table)
    for name, new in pending:
        out.print(f"newsloom.toml renames {escape(name)} to {escape(new)}: run newsloom regroup")


@app.command("stories")
def stories_cmd(
    db: DbOption = DEFAULT_DB,
    limit: Annotated[int, typer.Option(help="Show at most this many stories.")] = 50,
) -> None:
    """List the stories in the store, newest first."""
    with _open_store(db) as store:
        stories = store.stories()[:limit]
        dossiers = {s.id: store.dossier(s.id) for s in stories}
    print_stories(out, stories, dossiers)


@app.command("show")
def show_cmd(
    story_id: Annotated[str, typer.Argument(help="A story id (see `stories`).")],
    db: DbOption = DEFAULT_DB,
) -> None:
    """Show one story's dossier: outlets, copies, entities, summary, why each article is in."""
    with _open_store(db) as store:
        try:
            result = stored_result(store, story_id)
        except NotFoundError as exc:
            err.print(f"[red]not found:[/] {escape(str(exc))}")
            raise typer.Exit(Exit.NOT_FOUND) from exc
    story = result.stories[0]
    print_story(out, story, result.dossiers[story.id], result.articles)


@app.command("search")
def search_cmd(
    query: Annotated[str, typer.Argument(help='Words, "a phrase", or prefix*.')],
    db: DbOption = DEFAULT_DB,
    limit: Annotated[int, typer.Option(help="At most this many hits.")] = 20,
) -> None:
    """Full-text search over article titles and bodies. Exit code 5 when nothing matches."""
    with _open_store(db) as store:
        hits = store.search(query, limit=limit)
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
    if codes:
        for code, text in DESCRIPTIONS.items():
            out.print(f"{code.value}  {text}")
        return
    with _open_store(db) as store:
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
    if fmt is ExportFormat.html:
        _export_html(db, story)
        return
    with _open_store(db) as store:
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

    _open_store(db).close()  # create/migrate, and refuse a file that is not a store
    try:
        html = story_report(db, story)
    except NotFoundError as exc:
        err.print(f"[red]not found:[/] {escape(str(exc))}")
        raise typer.Exit(Exit.NOT_FOUND) from exc
    sys.stdout.write(html)


def _emit(result: Result, fmt: Format) -> None:
    text = render_json.dumps(result) if fmt is Format.json else render_md.render(result)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


@app.command("analyze")
def analyze_cmd(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, globs, or - for stdin.")],
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.json,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
    config: ConfigOption = None,
) -> None:
    """One shot, in memory: read, clean, annotate, group and fuse, then print the result."""
    settings = Settings(max_bytes=max_bytes, outlets=_outlet_rules(config))
    with _progress() as bar:
        task = bar.add_task("analyzing", total=None)
        result = analyze(
            paths,
            settings,
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
        serve_cmd(db=target, host="127.0.0.1", port=port, token=None)


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
) -> None:
    """Open the store in the web UI and HTTP API (read-only unless --token is given)."""
    import uvicorn

    from newsloom.web import WebSettings, create_app
    from newsloom.web.app import LOOPBACK_HOSTS

    if not db.is_file():
        err.print(
            f"[red]error:[/] no store at {escape(str(db))}: run [bold]newsloom ingest PATH…[/] "
            "first, or [bold]newsloom demo --serve[/]"
        )
        raise typer.Exit(Exit.STORE)
    loopback = host in LOOPBACK_HOSTS
    try:
        web = create_app(
            WebSettings(db=db, token=token, allowed_hosts=LOOPBACK_HOSTS if loopback else None)
        )
    except StoreError as exc:
        err.print(f"[red]error:[/] {escape(str(exc))}")
        raise typer.Exit(Exit.STORE) from exc
    shown = f"[{host}]" if ":" in host else host
    out.print(
        f"newsloom: serving {escape(str(db))} at [bold]http://{shown}:{port}/[/] "
        f"({'uploads with token' if token else 'read-only'}; API at /api/v1, docs at /docs; "
        "Ctrl-C stops)"
    )
    uvicorn.run(web, host=host, port=port, log_level="warning", access_log=False)


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
    from newsloom.front.clock import parse_when, parse_window
    from newsloom.web.terminal import print_rail  # the web index loads only when asked

    if not db.is_file():
        err.print(f"[red]error:[/] no store at {escape(str(db))}: run [bold]newsloom ingest[/]")
        raise typer.Exit(Exit.STORE)
    when = parse_when(now)
    try:
        span = parse_window(window)
        if now and when is None:
            raise ValueError(f"--now is an ISO date or time, not {now!r}")
    except ValueError as exc:
        err.print(f"[red]error:[/] {escape(str(exc))}")
        raise typer.Exit(Exit.USAGE) from exc
    try:
        print_rail(out, db, rail, span, when.at if when else None, limit, as_json)
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


def main() -> None:
    try:
        app()
    except Exception as exc:  # pragma: no cover - last resort, keeps the exit code meaningful
        err.print(f"[red]internal error:[/] {escape(repr(exc))}")
        sys.exit(Exit.ERROR)
