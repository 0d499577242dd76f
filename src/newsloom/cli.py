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
from collections.abc import Callable
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape

from newsloom import __version__
from newsloom.cli_common import (
    DbOption,
    Exit,
    FormatOption,
    MaxBytesOption,
    OutputOption,
    app,
    err,
    open_reader,
    open_store,
    out,
    plural,
)
from newsloom.config import (
    CONFIG_ENV,
    DEFAULT_BATCH_SIZE,
    DEFAULT_DB,
    DEFAULT_MAX_BYTES,
    DEFAULT_PAGE_SECONDS,
    ConfigError,
    OutletNames,
    Settings,
    config_path,
    load_defaults,
    load_outlet_names,
)
from newsloom.errors import StoreError
from newsloom.render.listing import ListFormat, Listing, emit

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

    from newsloom.model import Rejection, Result
    from newsloom.pipeline import IngestReport

# The pipeline (spaCy, scikit-learn) is imported inside the commands that run it, so that
# `newsloom --help` and the read commands start without loading it.


class Format(StrEnum):
    json = "json"
    md = "md"


PageSecondsOption = Annotated[
    float,
    typer.Option(
        "--page-seconds",
        min=0,
        help="Per-page time limit in each of read, clean and annotate (0: none).",
    ),
]
StdinIdOption = Annotated[
    str | None,
    typer.Option(
        "--id",
        help="The id of the page read from standard input (-); default: stdin-<its digest>.",
    ),
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


def _stdin_id(value: str | None, paths: list[str]) -> str | None:
    """``--id`` checked: only with ``-``, and a value that can be an id."""
    if value is None:
        return None
    from newsloom.ids import id_problem, printable
    from newsloom.read import STDIN_ARG

    problem = id_problem(value.strip())
    if STDIN_ARG not in paths or problem is not None:
        why = problem or "it names the page read from standard input: give - too"
        err.print(f"[red]error:[/] --id {escape(printable(value))!r}: {escape(why)}")
        raise typer.Exit(Exit.USAGE)
    return value.strip()


def _progress() -> Progress:
    """Pages done / known so far, their rate and the time left (stderr, terminals only)."""
    from rich.progress import (  # loaded by the commands that show it: --help starts faster
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    return Progress(
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        BarColumn(bar_width=None),
        MofNCompleteColumn(),
        TextColumn("pages"),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        TextColumn("left"),
        TimeRemainingColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )


def _bar_update(bar: Progress, task: TaskID) -> Callable[[str, int], None]:
    """The pipeline's progress events on ``bar``: ``total`` adds pages found (the workers'
    scans run ahead of the work), ``batch`` pages done, ``group`` the regroup at the end."""
    bar.update(task, rate="")

    def update(event: str, n: int) -> None:
        if event == "total":
            known = bar.tasks[task].total or 0
            bar.update(task, total=known + n)
            return
        described = "grouping" if event == "group" else "ingesting"
        bar.update(task, advance=n, description=described)
        speed = bar.tasks[task].speed
        bar.update(task, rate=f"{speed:.1f}/s" if speed else "")

    return update


def _check_cluster(address: str | None) -> None:
    if address is None:
        return
    from newsloom.scale.backends import cluster_problem

    problem = cluster_problem(address)
    if problem:
        err.print(f"[red]error:[/] --cluster {escape(address)!r}: {escape(problem)}")
        raise typer.Exit(Exit.USAGE)


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
    page_seconds: PageSecondsOption = DEFAULT_PAGE_SECONDS,
    stdin_id: StdinIdOption = None,
    config: ConfigOption = None,
    watch: Annotated[
        bool,
        typer.Option(
            "--watch", help="Keep following one folder: ingest new and changed files (Ctrl-C)."
        ),
    ] = False,
    interval: Annotated[
        float, typer.Option(min=0.1, help="With --watch: seconds between two looks.")
    ] = 5.0,
    workers: Annotated[
        int,
        typer.Option(
            "--workers",
            "-j",
            min=0,
            help="Processes that read, clean and annotate; 0 (default): one per core.",
        ),
    ] = 0,
    cluster: Annotated[
        str | None,
        typer.Option(
            "--cluster",
            help="Run on Dask instead: local:N (a local cluster of N workers) or a scheduler "
            "address (tcp://HOST:8786) whose workers have newsloom and see the same paths.",
        ),
    ] = None,
) -> None:
    """Read pages into the store: clean, annotate, group into stories.

    Prints articles added, duplicates skipped, and each rejected input with its reason.
    Exit code 3 when some inputs were rejected, 4 when nothing could be ingested.
    """
    from newsloom.pipeline import ingest

    given_id = _stdin_id(stdin_id, paths)
    _check_cluster(cluster)
    settings = Settings(
        max_bytes=max_bytes,
        batch_size=batch_size,
        page_seconds=page_seconds,
        outlets=_outlet_rules(config),
    )
    if watch:
        _watch(paths, db, settings, interval)
        return
    with open_store(db) as store, _progress() as bar:
        task = bar.add_task("reading", total=None)
        report = ingest(
            paths,
            store,
            settings,
            stdin=sys.stdin.buffer,
            progress=_bar_update(bar, task),
            stdin_id=given_id,
            workers=workers,
            cluster=cluster,
        )
    _print_ingest(report, db)
    raise typer.Exit(_exit_code(report.added + report.updated + report.skipped, report.rejections))


def _watch(paths: list[str], db: Path, settings: Settings, interval: float) -> None:
    """``ingest --watch FOLDER``: ingest new and changed files until interrupted."""
    from newsloom.pipeline import ingest
    from newsloom.watch import watch

    if len(paths) != 1 or not Path(paths[0]).is_dir():
        err.print("[red]error:[/] --watch follows one folder: newsloom ingest --watch DIR")
        raise typer.Exit(Exit.USAGE)
    folder = Path(paths[0])
    out.print(f"watching {escape(str(folder))} every {interval:g} s (Ctrl-C stops)")
    with open_store(db) as store:

        def ingest_files(files: list[Path]) -> None:
            report = ingest([str(f) for f in files], store, settings, base=folder)
            _print_ingest(report, db)

        try:
            watch(folder, ingest_files, interval)
        except KeyboardInterrupt:
            out.print("stopped")


def _print_ingest(report: IngestReport, db: Path) -> None:
    from newsloom.render.terminal import print_rejections

    out.print(
        f"[bold]{plural(report.added, 'article')}[/] added, {report.updated} updated, "
        f"{plural(report.skipped, 'duplicate')} skipped, {report.rejected} rejected; "
        f"{plural(report.stories, 'story')} in {escape(str(db))}"
    )
    for item in report.renamed:
        out.print(
            f"renamed  {escape(item.input)}  is {escape(item.id)!r}: another page of this run "
            f"is {escape(item.was)!r}"
        )
    if report.rejections:
        print_rejections(out, report.rejections)


@app.command("regroup")
def regroup_cmd(db: DbOption = DEFAULT_DB, config: ConfigOption = None) -> None:
    """Settle outlet names (with newsloom.toml's [outlets]), then recompute every story and
    dossier from the stored articles (after an upgrade, or after editing the outlet names)."""
    from newsloom.pipeline import regroup

    rules = _outlet_rules(config)
    with open_store(db) as store:
        n = regroup(store, rules)
    out.print(f"{plural(n, 'story')} in {escape(str(db))}")


@app.command("outlets")
def outlets_cmd(
    db: DbOption = DEFAULT_DB,
    config: ConfigOption = None,
    fmt: FormatOption = ListFormat.table,
    output: OutputOption = None,
) -> None:
    """List the outlets in the store with their hosts and page counts, to spot one site under
    two names (or two sites under one) and fix it in newsloom.toml's [outlets] table."""
    rules = _outlet_rules(config)
    with open_reader(db) as store:
        rows = store.outlets()
    if not rows:
        err.print("no outlets: the store holds no pages")
        raise typer.Exit(Exit.NOT_FOUND)
    listing = Listing(["outlet", "hosts", "pages"])
    pending = []
    for row in rows:
        name = row.name or "unknown"
        listing.rows.append([name, "; ".join(row.hosts) or "(no URL)", row.pages])
        wanted = {rules.resolve(row.name, h) for h in row.hosts} or {rules.resolve(row.name)}
        pending += [(name, new) for new in sorted(n for n in wanted if n and n != row.name)]
    emit(listing, fmt, out, output)
    for name, new in pending:
        err.print(f"newsloom.toml renames {escape(name)} to {escape(new)}: run newsloom regroup")


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
    page_seconds: PageSecondsOption = DEFAULT_PAGE_SECONDS,
    stdin_id: StdinIdOption = None,
    config: ConfigOption = None,
) -> None:
    """One shot, in memory: read, clean, annotate, group and fuse, then print the result."""
    from newsloom.pipeline import analyze

    with _progress() as bar:
        task = bar.add_task("analyzing", total=None, rate="")
        result = analyze(
            paths,
            Settings(max_bytes=max_bytes, page_seconds=page_seconds, outlets=_outlet_rules(config)),
            stdin=sys.stdin.buffer,
            progress=lambda event, n: bar.update(task, advance=n),
            stdin_id=_stdin_id(stdin_id, paths),
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
    with open_store(target) as store, _progress() as bar:
        task = bar.add_task("reading", total=None)
        report = ingest([str(sample_dir())], store, Settings(), progress=_bar_update(bar, task))
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

    open_reader(db).close()
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


def _version(value: bool) -> None:
    if value:
        out.print(f"newsloom {__version__}")
        raise typer.Exit(Exit.OK)


@app.callback()
def _main(
    ctx: typer.Context,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")
    ] = False,
    verbose: Annotated[
        int, typer.Option("--verbose", "-v", count=True, help="Say more (-vv: everything).")
    ] = 0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only errors.")] = False,
) -> None:
    """Turn a crawl of news pages into stories with cross-source dossiers.

    Logging: --verbose / --quiet, or NEWSLOOM_LOG=debug|info|warning|error.
    """
    from newsloom import logs

    logs.configure(logs.level_for(verbose, quiet))
    ctx.default_map = _config_defaults()


def _config_defaults() -> dict[str, dict[str, object]]:
    """``[defaults]`` of the settings file, as each command's option defaults (click's
    ``default_map``): a command takes the settings it has options for."""
    try:
        defaults = load_defaults(config_path(None))
    except ConfigError as exc:
        err.print(f"[red]error:[/] {escape(str(exc))}")
        raise typer.Exit(Exit.USAGE) from exc
    if not defaults:
        return {}
    commands = typer.main.get_command(app).commands  # type: ignore[attr-defined]
    mapping: dict[str, dict[str, object]] = {}
    for name, command in commands.items():
        known = {p.name for p in command.params}
        mapping[name] = {k: v for k, v in defaults.items() if k in known}
    return mapping


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


# The read commands, registered after the commands above so that `--help` lists ingest first.
from newsloom import cli_read as cli_read  # noqa: E402
