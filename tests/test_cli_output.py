"""The CLI's listings for scripts and spreadsheets: --format table|json|csv|tsv, -o written
whole or not at all, filters on `stories`, id suggestions, rejections with times, plurals."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from newsloom.cli import Exit, app
from newsloom.model import Article, Rejection
from newsloom.render.listing import ListFormat, Listing, delimited, emit
from newsloom.store import Store
from newsloom.web.fixtures import fixture_store

runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return fixture_store(tmp_path / "f.db")


def _run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_stories_as_csv_parse_back(db: Path) -> None:
    code, stdout, _ = _run("stories", "--db", str(db), "--format", "csv")
    assert code == 0
    rows = list(csv.reader(io.StringIO(stdout)))
    assert rows[0] == [
        "id",
        "first_published",
        "last_published",
        "pages",
        "reports",
        "outlets",
        "title",
    ]
    assert sorted(r[0] for r in rows[1:]) == ["S1", "S2", "S3"]


def test_the_issue_pipe_counts_rows(db: Path) -> None:
    cmd = f'{sys.executable} -m newsloom stories --db {db} --format csv | {sys.executable} -c "import csv,sys; print(len(list(csv.reader(sys.stdin))))"'
    assert (
        subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=120).stdout.strip()
        == "4"
    )


def test_stories_json_tsv_and_filters(db: Path) -> None:
    _, stdout, _ = _run("stories", "--db", str(db), "--format", "json")
    records = json.loads(stdout)
    assert {r["id"] for r in records} == {"S1", "S2", "S3"} and "outlets" in records[0]
    outlet = records[0]["outlets"].split("; ")[0]
    _, stdout, _ = _run("stories", "--db", str(db), "--format", "json", "--outlet", outlet)
    assert records[0]["id"] in {r["id"] for r in json.loads(stdout)}
    _, stdout, _ = _run("stories", "--db", str(db), "-f", "tsv", "--q", "mill")
    assert [line.split("\t")[0] for line in stdout.splitlines()[1:]] == ["S2"]
    _, stdout, _ = _run("stories", "--db", str(db), "-f", "json", "--entity", "kessel")
    assert [r["id"] for r in json.loads(stdout)] == ["S2"]
    code, _, stderr = _run("stories", "--db", str(db), "--q", '"mill')
    assert code == Exit.USAGE and "unclosed quote" in stderr
    code, _, stderr = _run("stories", "--db", str(db), "--from", "March")
    assert code == Exit.USAGE


def test_piped_table_rows_are_whole_lines(db: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "newsloom", "stories", "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    with Store(db) as store:
        titles = [s.title for s in store.stories() if s.title]
    long_title = max(titles, key=len)
    assert any(long_title in line for line in proc.stdout.splitlines())


def test_show_tables_as_csv_and_suggestions(db: Path) -> None:
    code, stdout, _ = _run("show", "S2", "--db", str(db), "--table", "figures", "-f", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(stdout)))
    assert rows and {"value", "counts", "status", "outlet", "article_id", "text"} <= set(rows[0])
    for table in ("coverage", "quotes", "entities", "timeline"):
        code, stdout, _ = _run("show", "S2", "--db", str(db), "--table", table, "-f", "json")
        assert code == 0 and isinstance(json.loads(stdout), list), table
    code, _, stderr = _run("show", "s2", "--db", str(db))
    assert code == Exit.NOT_FOUND and "did you mean: S2?" in stderr
    code, stdout, _ = _run("show", "S2", "--db", str(db), "-f", "json")
    assert json.loads(stdout)["stories"][0]["id"] == "S2"


def test_output_file_is_written_whole_or_not_at_all(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    code, _, _ = _run("export", "--db", str(db), "-f", "html", "--story", "nope", "-o", str(target))
    assert code == Exit.NOT_FOUND and not target.exists()
    assert list(tmp_path.glob("*.part")) == []
    code, _, _ = _run("export", "--db", str(db), "-f", "html", "--story", "S2", "-o", str(target))
    assert code == 0 and target.read_text().startswith("<!doctype html>")
    out = tmp_path / "stories.csv"
    assert _run("stories", "--db", str(db), "-f", "csv", "-o", str(out))[0] == 0
    assert out.read_text().startswith("id,")


def test_rejections_have_times_since_and_clear(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    with Store(db) as store:
        store.write_batch([], [Rejection(input="a.bin", code="NL-READ-003", reason="binary")])
    code, stdout, _ = _run("rejections", "--db", str(db), "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(stdout)))
    assert code == 0 and rows[0]["input"] == "a.bin" and rows[0]["at"][:2] == "20"
    _, stdout, _ = _run("rejections", "--db", str(db), "-f", "json", "--since", "2999-01-01")
    assert json.loads(stdout) == []
    code, stdout, _ = _run("rejections", "--db", str(db), "--clear")
    assert code == 0 and "1 rejection cleared" in stdout
    _, stdout, _ = _run("rejections", "--db", str(db), "-f", "json")
    assert json.loads(stdout) == []
    _, stdout, _ = _run("rejections", "--codes", "-f", "csv")
    assert stdout.startswith("code,meaning") and "NL-READ-003" in stdout


def test_rails_in_every_format(db: Path) -> None:
    for rail in ("top", "latest", "trending"):
        window = [] if rail == "latest" else ["--window", "30d"]
        code, stdout, _ = _run(rail, "--db", str(db), *window, "-f", "csv")
        assert code == 0 and stdout.startswith("rank,"), rail
        code, stdout, _ = _run(rail, "--db", str(db), *window, "--json")
        assert code == 0 and json.loads(stdout)["schema"] == "newsloom/1", rail


def test_csv_cells_never_run_as_formulas() -> None:
    text = delimited(Listing(["title"], [['=HYPERLINK("http://x")'], ["-2+3"], ["plain"]]), ",")
    assert list(csv.reader(io.StringIO(text)))[1:] == [
        ['\'=HYPERLINK("http://x")'],
        ["'-2+3"],
        ["plain"],
    ]


def test_plurals(tmp_path: Path) -> None:
    pages = tmp_path / "p"
    pages.mkdir()
    (pages / "a.txt").write_text(
        "Ferry strike ends in Port Alder\n\nThe ferry strike in Port Alder ended on Monday after "
        "the union and the operator agreed on pay, officials said on Monday evening.\n"
    )
    result = runner.invoke(app, ["ingest", str(pages), "--db", str(tmp_path / "s.db")])
    assert "1 article added" in result.stdout and "1 story in" in result.stdout


def test_article_ids_in_listings_are_plain(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    with Store(db) as store:
        store.write_batch(
            [Article(id="a", input="a", digest="d", body="x", title="[bold]x\x1b[31m")], []
        )
    code, stdout, _ = _run("search", "x", "--db", str(db))
    assert code == 0 and "\x1b" not in stdout and "[bold]x" in stdout  # shown, not obeyed


def test_logging_levels_from_options_and_environment() -> None:
    import logging

    from newsloom.logs import level_for

    assert level_for(0, False, "") == logging.WARNING
    assert level_for(1, False, "") == logging.INFO
    assert level_for(2, False, "error") == logging.DEBUG
    assert level_for(0, True, "debug") == logging.ERROR
    assert level_for(0, False, "debug") == logging.DEBUG
    assert level_for(0, False, "nonsense") == logging.WARNING


def test_verbose_ingest_logs_each_batch(tmp_path: Path) -> None:
    pages = tmp_path / "p"
    pages.mkdir()
    (pages / "a.txt").write_text(
        "Ferry strike ends in Port Alder\n\nThe ferry strike in Port Alder ended on Monday after "
        "the union and the operator agreed on pay, officials said on Monday evening.\n"
    )
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "newsloom",
            "-v",
            "ingest",
            str(pages),
            "--db",
            str(tmp_path / "s.db"),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert "INFO newsloom.scale: batch of 1: 1 added" in proc.stderr  # the run's coordinator
    quiet = subprocess.run(
        [
            sys.executable,
            "-m",
            "newsloom",
            "-q",
            "ingest",
            str(pages),
            "--db",
            str(tmp_path / "s.db"),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert "INFO" not in quiet.stderr


def test_tables_show_dates_in_words_and_files_keep_iso(db: Path) -> None:
    listing = Listing(
        ["when", "title"],
        [["2019-11-19T18:18", "2019-11-19"], ["2019-11-18T23:30:00+00:00", None], [None, "x"]],
        dates=("when",),
    )
    sink = io.StringIO()
    emit(listing, ListFormat.table, Console(file=sink, width=200))
    shown = sink.getvalue()
    assert "Nov. 19, 2019, 6:18 p.m." in shown and "Nov. 18, 2019, 11:30 p.m." in shown
    assert "2019-11-19" in shown  # a column not named in ``dates`` stays as it is
    csv_rows = list(csv.reader(io.StringIO(delimited(listing, ","))))
    assert csv_rows[1][0] == "2019-11-19T18:18"
    code, stdout, _ = _run("stories", "--db", str(db))
    assert code == 0 and "March 3, 2025, 7:40 a.m." in stdout and "2025-03-03T07:40" not in stdout
