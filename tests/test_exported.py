"""The public surface is small and deliberate: changing it is a visible decision."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import newsloom
import newsloom.errors
from newsloom import annotate, clean, front, fuse, group, read, store

ROOT = Path(__file__).resolve().parents[1]


def test_top_level_names() -> None:
    assert sorted(newsloom.__all__) == [
        "Article", "Code", "Dossier", "Page", "Rejection", "Result", "SCHEMA", "Settings",
        "Store", "StoreReader", "Story", "__version__", "analyze", "load_nlp", "open",
    ]  # fmt: skip
    for name in newsloom.__all__:
        assert hasattr(newsloom, name)


def test_one_entry_point_per_stage() -> None:
    assert "read_inputs" in read.__all__
    assert "clean" in clean.__all__
    assert "annotate" in annotate.__all__
    assert "group" in group.__all__
    assert "fuse" in fuse.__all__
    assert "Store" in store.__all__
    for package in (read, clean, annotate, group, fuse, front, store):
        assert all(hasattr(package, name) for name in package.__all__), package.__name__


#: Packages whose modules are internals: others use what the package's ``__init__`` exports.
#: (``render``'s modules are one output format each, ``web`` and ``scale`` are leaves that only
#: the CLI and the pipeline start: they are imported by module, lazily.)
STAGES = frozenset({"read", "clean", "annotate", "group", "fuse", "front", "store"})


def _cross_imports(path: Path) -> list[str]:
    """``newsloom.<stage>.<module>`` imports of ``path`` into a stage it is not part of."""
    parts = path.relative_to(ROOT / "src").with_suffix("").parts
    own = parts[1] if len(parts) > 2 else None
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        for name in names:
            bits = name.split(".")
            if len(bits) > 2 and bits[0] == "newsloom" and bits[1] in STAGES and bits[1] != own:
                found.append(f"{path.relative_to(ROOT)}: {name}")
    return found


def test_no_module_reaches_into_another_stage() -> None:
    """Issue 14's rule, as its grep: no module imports another stage's internals, so the
    pipeline, the web and the CLI go through each stage's (and the store's) public API."""
    found = [
        hit
        for path in sorted((ROOT / "src/newsloom").rglob("*.py"))
        for hit in _cross_imports(path)
    ]
    assert found == []


def test_web_and_front_never_open_the_database() -> None:
    """The web and the front page read through the store's read API, never SQLite itself."""
    for folder in ("web", "front"):
        for path in (ROOT / "src/newsloom" / folder).rglob("*.py"):
            assert "sqlite3" not in path.read_text(encoding="utf-8"), path


def test_readme_python_example_runs(tmp_path: Path) -> None:
    """The README's Python example, as written, in a fresh process (the sample corpus path made
    absolute so it runs from a temporary folder)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Python API", 1)[1]
    code = section.split("```python\n", 1)[1].split("```", 1)[0]
    code = code.replace(
        '"src/newsloom/sample/pages"', repr(str(ROOT / "src/newsloom/sample/pages"))
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=600
    )
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert len(lines) >= 6 and "stories" in lines[3]
    assert (tmp_path / "sample.db").is_file()
    assert "ferry" in lines[-1].lower()  # the search found the ferry story's pages


def test_open_read_only_never_writes(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with newsloom.open(db) as store:
        assert store.count_articles() == 0
    before = db.read_bytes()
    with newsloom.open(db, read_only=True) as reader:
        assert reader.stories() == []
    assert db.read_bytes() == before
    with pytest.raises(newsloom.errors.StoreError):
        newsloom.open(tmp_path / "missing.db", read_only=True)
    assert not (tmp_path / "missing.db").exists()


def test_analyze_takes_pages_and_paths(tmp_path: Path) -> None:
    from newsloom.read.pages import Origin, text_page

    (tmp_path / "a.txt").write_text(
        "Ferry strike ends in Port Alder\n\nThe ferry strike in Port Alder ended on Monday after "
        "the union and the operator agreed on pay, officials said.\n"
    )
    page = text_page(
        "Ferry strike over in Port Alder\n\nPort Alder's ferry strike ended on Monday when the "
        "union and the operator agreed on pay, officials said.\n",
        Origin(id="given", input="given"),
    )
    result = newsloom.analyze([tmp_path / "a.txt", page])
    assert sorted(a.id for a in result.articles)[-1] == "given"
    assert len(result.articles) == 2 and result.stories


def test_cli_help_does_not_load_the_pipeline() -> None:
    """`newsloom --help` starts without spaCy, scikit-learn or even the data model."""
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from newsloom.cli import app\n"
        "result = CliRunner().invoke(app, ['--help'])\n"
        "assert result.exit_code == 0, result.output\n"
        "heavy = [m for m in ('spacy', 'sklearn', 'newsloom.pipeline', 'newsloom.model') "
        "if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == ""
