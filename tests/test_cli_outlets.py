"""``newsloom outlets`` and the user's outlet names (``newsloom.toml``), through the CLI.

The pages are fictional and written here: two sites, one of which names itself in two ways.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsloom.cli import Exit, app
from newsloom.store import Store

pytestmark = pytest.mark.slow

runner = CliRunner()

BODY = (
    "<p>Officials in {town} said on Tuesday that the ferry would stop running for two weeks "
    "after inspectors found cracks in its hull during a routine check.</p>"
    "<p>The mayor of {town} told residents that a temporary bus service would run while the "
    "repairs were made, and that fares would be waived.</p>"
)


def _html(title: str, town: str, head: str, foot: str) -> str:
    return (
        f"<html><head><title>{title}</title>{head}</head><body><article><h1>{title}</h1>"
        f"{BODY.format(town=town)}</article><footer><p>{foot}</p></footer></body></html>"
    )


def _crawl(folder: Path) -> Path:
    pages = [
        {  # names itself in og:site_name and in <title>
            "id": "hg1",
            "url": "https://www.harborgazette.example/news/ferry-dunmore",
            "html": _html(
                "Dunmore ferry halted | Harbor Gazette",
                "Dunmore",
                '<meta property="og:site_name" content="Harbor Gazette">',
                "© 2025 Harbor Gazette Media LLC. All rights reserved.",
            ),
        },
        {  # only its parent company's copyright line and its host
            "id": "hg2",
            "url": "https://harborgazette.example/news/ferry-lisvane",
            "html": _html(
                "Lisvane ferry halted",
                "Lisvane",
                "",
                "© 2025 Harbor Gazette Media LLC. All rights reserved.",
            ),
        },
        {
            "id": "vw1",
            "url": "https://valleywire.example/story/orvik-ferry",
            "html": _html(
                "Orvik ferry halted - Valley Wire",
                "Orvik",
                '<meta property="og:site_name" content="Valley Wire">',
                "More from Valley Wire",
            ),
        },
    ]
    path = folder / "crawl.jsonl"
    path.write_text("\n".join(json.dumps(p) for p in pages) + "\n", encoding="utf-8")
    return path


def _table(output: str) -> dict[str, tuple[str, str]]:
    """outlet name → (hosts, pages), from the printed table."""
    rows = {}
    for line in output.splitlines()[1:]:
        parts = line.split()
        if len(parts) >= 3 and parts[-1].isdigit():
            rows[" ".join(parts[:-2])] = (parts[-2], parts[-1])
    return rows


def test_outlets_lists_one_name_per_site_with_hosts_and_pages(tmp_path: Path) -> None:
    db = tmp_path / "n.db"
    ingested = runner.invoke(app, ["ingest", str(_crawl(tmp_path)), "--db", str(db)])
    assert ingested.exit_code == Exit.OK, ingested.output
    listed = runner.invoke(app, ["outlets", "--db", str(db)])
    assert listed.exit_code == Exit.OK, listed.output
    assert _table(listed.output) == {
        "Harbor Gazette": ("harborgazette.example", "2"),
        "Valley Wire": ("valleywire.example", "1"),
    }
    exported = json.loads(runner.invoke(app, ["export", "--db", str(db)]).output)
    assert {a["id"]: a["source"] for a in exported["articles"]} == {
        "hg1": "Harbor Gazette",
        "hg2": "Harbor Gazette",
        "vw1": "Valley Wire",
    }


def test_newsloom_toml_renames_an_outlet_after_regroup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "n.db"
    assert runner.invoke(app, ["ingest", str(_crawl(tmp_path)), "--db", str(db)]).exit_code == 0
    monkeypatch.chdir(tmp_path)  # ./newsloom.toml is read by default
    monkeypatch.delenv("NEWSLOOM_CONFIG", raising=False)
    Path("newsloom.toml").write_text(
        '[outlets]\n"valleywire.example" = "The Valley Wire"\n', encoding="utf-8"
    )
    pending = runner.invoke(app, ["outlets", "--db", str(db)])
    assert "renames Valley Wire to The Valley Wire: run newsloom regroup" in pending.output
    assert runner.invoke(app, ["regroup", "--db", str(db)]).exit_code == Exit.OK
    listed = runner.invoke(app, ["outlets", "--db", str(db)])
    assert _table(listed.output)["The Valley Wire"] == ("valleywire.example", "1")
    assert "renames" not in listed.output
    story = json.loads(runner.invoke(app, ["export", "--db", str(db)]).output)["stories"]
    names = {s["name"] for st in story for s in st["sources"]}
    assert "The Valley Wire" in names and "Valley Wire" not in names


def test_config_option_and_env_for_analyze(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    crawl = _crawl(tmp_path)
    rules = tmp_path / "rules.toml"
    rules.write_text('[outlets]\n"Harbor Gazette" = "The Harbor Gazette"\n', encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(crawl), "--config", str(rules)])
    assert result.exit_code == Exit.OK, result.output
    sources = {a["id"]: a["source"] for a in json.loads(result.stdout)["articles"]}
    assert sources["hg1"] == sources["hg2"] == "The Harbor Gazette"
    monkeypatch.setenv("NEWSLOOM_CONFIG", str(rules))
    result = runner.invoke(app, ["analyze", str(crawl)])
    assert json.loads(result.stdout)["articles"][0]["source"] == "The Harbor Gazette"


def test_bad_config_is_a_usage_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[outlets\n", encoding="utf-8")
    result = runner.invoke(app, ["outlets", "--db", str(tmp_path / "n.db"), "--config", str(bad)])
    assert result.exit_code == Exit.USAGE
    assert "not valid TOML" in result.output


def test_outlets_of_an_empty_store(tmp_path: Path) -> None:
    missing = runner.invoke(app, ["outlets", "--db", str(tmp_path / "n.db")])
    assert missing.exit_code == Exit.STORE  # a read command never creates a store
    Store(tmp_path / "n.db").close()
    result = runner.invoke(app, ["outlets", "--db", str(tmp_path / "n.db")])
    assert result.exit_code == Exit.NOT_FOUND


def test_defaults_from_the_settings_file(tmp_path: Path) -> None:
    """`[defaults]` in newsloom.toml sets option defaults; the command line still wins."""
    import os
    import subprocess
    import sys

    Store(tmp_path / "from-config.db").close()
    (tmp_path / "newsloom.toml").write_text('[defaults]\ndb = "from-config.db"\nbatch_size = 8\n')
    env = {**os.environ, "HOME": str(tmp_path)}
    env.pop("NEWSLOOM_DB", None)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "newsloom", *args],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )

    assert run("stories").returncode == 0  # found the configured store
    missing = run("stories", "--db", "other.db")
    assert missing.returncode == Exit.STORE and "other.db" in missing.stderr
    (tmp_path / "newsloom.toml").write_text("[defaults]\ncolour = 'red'\n")
    bad = run("stories")
    assert bad.returncode == Exit.USAGE and "no setting 'colour'" in bad.stderr
