"""No input stops a run, end to end: ingest, rerun, stdin, budgets in annotate, the store's own
refusals, and the migration of old page ids (issue #13). Inputs are generated here."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.language import Language
from typer.testing import CliRunner

import newsloom.pipeline as pipeline
from newsloom.annotate import load_nlp, plain_sentences
from newsloom.budget import OverTime
from newsloom.cli import Exit, app
from newsloom.config import Settings
from newsloom.errors import Code
from newsloom.model import Article, Dossier, Page, Story
from newsloom.pipeline import annotate_within, ingest
from newsloom.read import read_inputs
from newsloom.store import Store
from newsloom.store import schema as store_schema

runner = CliRunner()

TOWNS = ["Dunmore", "Lisvane", "Port Alder", "Elmfield", "Brackwater", "Tessaly", "Orvik"]


def story_html(n: int) -> str:
    town = TOWNS[n % len(TOWNS)]
    paras = [
        f"Officials in {town} said on Tuesday that the bridge would close for repairs after "
        f"inspectors found cracks during a routine check, report {n}.",
        f"The mayor of {town} told residents that the work would take about {n + 3} weeks.",
        "Residents said the bridge had needed repairs for years, and several of them complained.",
    ]
    body = "".join(f"<p>{p}</p>" for p in paras)
    return f"<html><head><title>{town} bridge</title></head><body><h1>{town}</h1>{body}</body>"


def hostile_crawl(root: Path) -> tuple[set[str], set[str]]:
    """A crawl with good pages and every hostile input of the probe; returns (good page ids,
    names of the bad inputs)."""
    for folder, n in (("a", 0), ("b", 1)):
        (root / folder).mkdir(parents=True)
        (root / folder / "index.html").write_text(story_html(n))
    (root / "loop").symlink_to("loop")
    (root / "gone.html").symlink_to(root / "nowhere.html")
    os.mkfifo(root / "pipe")
    with open(os.path.join(os.fsencode(root), b"caf\xe9.html"), "w", encoding="utf-8") as f:
        f.write(story_html(2))
    lines = [
        json.dumps({"id": "j1", "html": story_html(3)}),
        json.dumps({"id": "bad\u0000id", "html": story_html(4)}),
        json.dumps({"id": "j5", "html": story_html(5)}).replace("Tuesday", "Tues\\ud800day"),
        "[" * 50_000 + "]" * 50_000,
        json.dumps({"id": "j7", "html": story_html(6)}),
    ]
    (root / "pages.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "README.md").write_text("# About this crawl\n\nFetched in March.\n")
    nav = "<html><body><nav><a href='/'>Home</a> <a href='/w'>World</a></nav>"
    (root / "nav.html").write_text(nav + "<div>Advertisement</div></body></html>")
    good = {"a/index", "b/index", "caf\\xe9", "j1", "j5", "j7"}
    bad = {"loop", "gone.html", "pipe", "pages.jsonl#L2", "pages.jsonl#L4", "README.md", "nav.html"}
    return good, bad


@pytest.mark.slow
def test_hostile_crawl_loses_no_good_page_and_codes_every_bad_input(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl"
    good, bad = hostile_crawl(crawl)
    db = tmp_path / "n.db"
    for run in range(2):  # a rerun neither crashes nor duplicates (same ids: skipped)
        result = runner.invoke(app, ["ingest", str(crawl), "--db", str(db)])
        assert result.exit_code == Exit.PARTIAL, result.output
        added = f"{len(good)} articles added" if run == 0 else "0 articles added"
        assert added in result.output, result.output
    exported = json.loads(runner.invoke(app, ["export", "--db", str(db)]).output)
    ids = [a["id"] for a in exported["articles"]]
    assert sorted(ids) == sorted(good)
    rejected = {r["input"].removeprefix(f"{crawl}/"): r["code"] for r in exported["rejections"]}
    assert set(rejected) == bad
    assert rejected["loop"] == "NL-READ-012" and rejected["pipe"] == "NL-READ-011"
    assert rejected["README.md"] == "NL-READ-010" and rejected["nav.html"] == "NL-CLEAN-001"
    assert rejected["pages.jsonl#L2"] == rejected["pages.jsonl#L4"] == "NL-READ-007"


@pytest.mark.slow
def test_two_pages_piped_one_after_the_other_are_two_articles(tmp_path: Path) -> None:
    db = tmp_path / "n.db"
    for n in (0, 1):
        result = runner.invoke(app, ["ingest", "-", "--db", str(db)], input=story_html(n))
        assert result.exit_code == Exit.OK, result.output
    named = runner.invoke(
        app, ["ingest", "-", "--id", "mine", "--db", str(db)], input=story_html(2)
    )
    assert named.exit_code == Exit.OK, named.output
    with sqlite3.connect(db) as con:
        ids = sorted(row[0] for row in con.execute("SELECT id FROM articles"))
    assert len(ids) == 3 and ids[0] == "mine" and all(i.startswith("stdin-") for i in ids[1:])


def test_id_option_needs_stdin(tmp_path: Path) -> None:
    result = runner.invoke(app, ["ingest", str(tmp_path), "--id", "x", "--db", str(tmp_path / "d")])
    assert result.exit_code == Exit.USAGE
    bad = runner.invoke(app, ["analyze", "-", "--id", "a\tb"], input="x")
    assert bad.exit_code == Exit.USAGE


def test_codes_are_listed() -> None:
    listed = runner.invoke(app, ["rejections", "--codes"]).output
    for code in ("NL-READ-010", "NL-READ-011", "NL-READ-012", "NL-BUDGET-001", "NL-STORE-001"):
        assert code in listed


# ------------------------------------------------------------------------------ annotate


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp(Settings().spacy_models)


RUSSIAN = (
    "Городской совет Дунмора проголосовал во вторник за закрытие моста на ремонт. "
    "Мэр Иван Петров сказал жителям, что работы займут около трёх недель. "
    "Жители говорят, что мост давно нуждался в ремонте."
)


@pytest.mark.slow
def test_non_english_pages_skip_the_english_extractors(nlp: Language) -> None:
    english = Article(id="en", input="en", body=RUSSIAN.replace("Дунмора", "x"), language="en")
    russian = Article(id="ru", input="ru", body=RUSSIAN, language="ru")
    done = annotate_within([russian, english], nlp, seconds=None)
    ru, en = done["ru"], done["en"]
    assert isinstance(ru, Article) and isinstance(en, Article)
    assert ru.entities == [] and ru.quotes == [] and ru.figures == [] and ru.times == []
    first, *rest = (RUSSIAN[s.start : s.end] for s in ru.sentences)
    assert first.endswith("ремонт.") and len(rest) == 2


def test_plain_sentences_trim_and_split() -> None:
    text = "  Один. Два!\n\nТри  "
    assert [text[s.start : s.end] for s in plain_sentences(text)] == ["Один.", "Два!", "Три"]


def fake_annotate(slow: str | None = None, broken: str | None = None) -> object:
    def annotate(articles: list[Article], nlp: object) -> Iterator[Article]:
        for article in articles:
            if article.id == slow:
                while True:
                    pass
            if article.id == broken:
                raise RuntimeError("parser broke")
            yield article.model_copy(update={"flags": ["annotated"]})

    return annotate


def test_annotate_over_time_rejects_that_article_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "annotate", fake_annotate(slow="b"))
    articles = [Article(id=i, input=i, body="Text.") for i in "abc"]
    done = annotate_within(articles, None, seconds=0.2)  # type: ignore[arg-type]
    assert [getattr(done[i], "code", "ok") for i in "abc"] == ["ok", Code.OVER_TIME, "ok"]


def test_annotate_failure_rejects_that_article_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "annotate", fake_annotate(broken="a"))
    articles = [Article(id=i, input=i, body="Text.") for i in "ab"]
    done = annotate_within(articles, None, seconds=None)  # type: ignore[arg-type]
    bad = done["a"]
    assert getattr(bad, "code", None) == Code.ANNOTATE_FAILED and "parser broke" in bad.reason  # type: ignore[union-attr]
    assert isinstance(done["b"], Article) and done["b"].flags == ["annotated"]


def test_article_over_the_annotate_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "annotate", fake_annotate())
    monkeypatch.setattr(pipeline, "MAX_ANNOTATE_CHARS", 10)
    articles = [Article(id="long", input="l", body="x" * 11), Article(id="ok", input="o", body="y")]
    done = annotate_within(articles, None, seconds=None)  # type: ignore[arg-type]
    assert getattr(done["long"], "code", None) == Code.OVER_MEMORY
    assert isinstance(done["ok"], Article)


def test_read_over_time_rejects_the_rest_of_that_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.html").write_text(story_html(0))
    (tmp_path / "b.html").write_text(story_html(1))
    real = pipeline.read_inputs.__globals__["read_source"]

    def slow(src: object, settings: Settings, stdin: object = None) -> Iterator[object]:
        if str(src).find("a.html") >= 0:
            while True:
                pass
        yield from real(src, settings, stdin)

    monkeypatch.setattr("newsloom.read.read_source", slow)
    results = list(read_inputs([str(tmp_path)], Settings(page_seconds=0.2)))
    assert [type(r).__name__ for r in results] == ["Rejection", "Page"]
    assert results[0].code == Code.OVER_TIME  # type: ignore[union-attr]


def test_over_time_is_not_an_exception() -> None:
    assert not issubclass(OverTime, Exception)  # a library's `except Exception` cannot eat it


# --------------------------------------------------------------------------------- store


def test_an_article_the_store_refuses_is_a_rejection_and_the_rest_is_written(
    tmp_path: Path,
) -> None:
    good = Article(id="good", input="in/good", digest="1", body="Fine text.")
    bad = Article(id="bad\ud800", input="in/bad", digest="2", body="Text.")
    with Store(tmp_path / "s.db") as store:
        counts = store.write_batch([good, bad], [])
        assert (counts.added, len(counts.refused)) == (1, 1)
        assert counts.refused[0].code == Code.STORE_FAILED
        assert [r.code for r in store.rejections()] == [Code.STORE_FAILED]
        assert [a.id for a in store.articles()] == ["good"]


def _v1_store(path: Path) -> None:
    """A store as the schema-1 newsloom wrote it: a WARC page under its record id, a page from
    standard input under "stdin", a file page under its stem, and a story over all three."""
    conn = sqlite3.connect(path, isolation_level=None)
    for statement in store_schema.MIGRATIONS[0].statements:
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    rid = "0b4b6c3e-1f6a-4a57-9d0e-5a4c2a1b9e77"
    rows = [
        (rid, f"crawl.warc#{rid}", "https://news.example/bridge"),
        ("stdin", "stdin", None),
        ("index", "crawl/a/index.html", None),
    ]
    for n, (aid, input_, url) in enumerate(rows):
        data = Article(id=aid, input=input_, url=url, digest=f"{n}" * 64, body="Body.")
        conn.execute(
            "INSERT INTO articles (id, digest, input, url, body, data, ingested_at) "
            "VALUES (?, ?, ?, ?, ?, ?, '2025-01-01')",
            (aid, data.digest, input_, url, "Body.", data.model_dump_json()),
        )
    story = Story(id="S1", articles=[r[0] for r in rows])
    dossier = Dossier(story="S1").model_dump()
    dossier["sources"] = [{"name": "X", "articles": [rid], "first_published": None}]
    conn.execute(
        "INSERT INTO stories (id, n_articles, data, dossier) VALUES ('S1', 3, ?, ?)",
        (story.model_dump_json(), json.dumps(dossier)),
    )
    for n, (aid, _, _) in enumerate(rows):
        conn.execute("INSERT INTO story_articles VALUES ('S1', ?, ?)", (aid, n))
    conn.close()


def test_migration_gives_old_stores_todays_ids(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _v1_store(path)
    with Store(path) as store:
        ids = sorted(a.id for a in store.articles())
        assert ids == ["https://news.example/bridge", "index", f"stdin-{'1' * 16}"]
        story = store.story("S1")
        assert sorted(story.articles) == ids
        assert store.story_members(ids) == {"S1": story.articles}
        raw = store._conn.execute("SELECT dossier FROM stories").fetchone()[0]
        assert json.loads(raw)["sources"][0]["articles"] == ["https://news.example/bridge"]
        assert store._conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_reingest_adopts_an_article_stored_under_its_stem(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl"
    (crawl / "a").mkdir(parents=True)
    (crawl / "a" / "index.html").write_text(story_html(0))
    [page] = [p for p in read_inputs([str(crawl)], Settings()) if isinstance(p, Page)]
    old = Article(id="index", input=page.input, digest=page.digest, body="Body.")
    with Store(tmp_path / "s.db") as store:
        store.write_batch([old], [])
        store.replace_stories([Story(id="S1", articles=["index"])], {})
        report = ingest([str(crawl)], store, Settings())  # nothing new: no spaCy needed
        assert (report.added, report.skipped) == (0, 1)
        assert [a.id for a in store.articles()] == ["a/index"]
        assert store.story("S1").articles == ["a/index"]
