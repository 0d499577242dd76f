"""Tests for newsloom.store: schema, batches, stories, search, and crash consistency."""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsloom.errors import NotFoundError, StoreError
from newsloom.model import (
    Article,
    Dossier,
    Entity,
    Figure,
    Mention,
    Quote,
    Rejection,
    Removed,
    SourceCoverage,
    Span,
    Story,
    TimeRef,
)
from newsloom.store import HIT_END, HIT_START, BatchCounts, Store
from newsloom.store.query import QuerySyntaxError, match_expression
from newsloom.store.schema import APPLICATION_ID, LATEST, migrate

# ------------------------------------------------------------------------------- fixtures


def _article(
    id: str,
    body: str = "The council met on Tuesday.",
    *,
    title: str | None = None,
    digest: str = "d1",
    published: str | None = None,
    source: str | None = None,
) -> Article:
    return Article(
        id=id,
        input=f"pages/{id}.html",
        digest=digest,
        title=title,
        body=body,
        published=published,
        source=source,
    )


def _rich_article() -> Article:
    body = (
        'Mayor Ana Ortiz said "the bridge will reopen in May" in a post on X. '
        "About 1,200 residents signed the petition on Monday."
    )
    return Article(
        id="rich",
        input="crawl.jsonl#L3",
        digest="sha-rich",
        url="https://example.test/bridge",
        source="Harbor Gazette",
        title="Bridge to reopen, mayor says",
        byline=["Lee Park"],
        agency=None,
        dateline="PORTVILLE",
        published="2024-05-02T09:30",
        crawl_date="2024-05-03",
        section="Local",
        language="en",
        body=body,
        captions=["The old bridge at dusk."],
        removed=[Removed(text="Subscribe now", reason="teaser-rail")],
        flags=["short"],
        sentences=[Span(start=0, end=69), Span(start=70, end=len(body))],
        entities=[Mention(text="Ana Ortiz", start=6, end=15, label="PERSON", entity="E1")],
        quotes=[
            Quote(
                text="the bridge will reopen in May",
                start=22,
                end=51,
                speaker="Ana Ortiz",
                speaker_entity="E1",
                cue="said",
                channel="a post on X",
            )
        ],
        figures=[
            Figure(text="About 1,200 residents", start=70, end=91, value=1200, qualifier="about")
        ],
        times=[TimeRef(text="Monday", start=122, end=128, value="2024-04-29", precision="day")],
    )


def _story(id: str, articles: list[str], last: str | None, title: str = "A story") -> Story:
    return Story(id=id, title=title, articles=articles, first_published=last, last_published=last)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "news.db") as s:
        yield s


# --------------------------------------------------------------------------------- schema


def test_create_and_reopen(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    with Store(path) as s:
        s.write_batch([_article("a1")], [])
        assert s._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert s._conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
    with Store(path) as s:  # reopening migrates nothing and loses nothing
        assert s.count_articles() == 1
        assert migrate(s._conn, str(path)) == LATEST
        assert s.stats()["schema_version"] == LATEST
    raw = sqlite3.connect(path)
    try:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == LATEST
        assert raw.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        raw.close()


def test_not_sqlite_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"these are my notes, not a database\n" * 200)
    before = path.read_bytes()
    with pytest.raises(StoreError, match="not a database"):
        Store(path)
    assert path.read_bytes() == before


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    Store(path).close()
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA user_version = {LATEST + 1}")
    raw.close()
    with pytest.raises(StoreError, match="newer"):
        Store(path)


def test_foreign_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    raw = sqlite3.connect(path)
    raw.execute("CREATE TABLE accounts (id INTEGER PRIMARY KEY)")
    raw.commit()
    raw.close()
    with pytest.raises(StoreError, match="not a newsloom store"):
        Store(path)


def test_unopenable_path(tmp_path: Path) -> None:
    with pytest.raises(StoreError):
        Store(tmp_path / "no" / "such" / "dir" / "news.db")


def test_memory_store() -> None:
    with Store.memory() as s:
        assert s.write_batch([_article("a1")], []) == BatchCounts(added=1)
        assert [a.id for a in s.articles()] == ["a1"]
        with pytest.raises(StoreError, match="in-memory"):
            s.reader()


# ------------------------------------------------------------------------------- articles


def test_article_round_trip(store: Store) -> None:
    rich = _rich_article()
    store.write_batch([rich], [])
    assert store.article("rich") == rich
    assert store.digests(["rich", "missing"]) == {"rich": "sha-rich"}
    with pytest.raises(NotFoundError):
        store.article("missing")


def test_articles_stream_by_date_then_id(store: Store) -> None:
    store.write_batch(
        [
            _article("c", published="2024-05-03"),
            _article("undated"),
            _article("b", published="2024-05-01"),
            _article("a", published="2024-05-03"),
        ],
        [],
    )
    assert [a.id for a in store.articles()] == ["b", "a", "c", "undated"]
    assert [a.id for a in store.articles(["undated", "a", "nope"])] == ["a", "undated"]
    assert store.count_articles() == 4


def test_same_digest_skipped_new_digest_updated(store: Store) -> None:
    first = store.write_batch([_article("a1", "Old text about ferries.")], [])
    assert first == BatchCounts(added=1)
    again = store.write_batch([_article("a1", "Old text about ferries.")], [])
    assert again == BatchCounts(skipped=1)
    changed = store.write_batch([_article("a1", "New text about trams.", digest="d2")], [])
    assert changed == BatchCounts(updated=1)
    assert first + again + changed == BatchCounts(added=1, updated=1, skipped=1)
    assert store.article("a1").body == "New text about trams."
    assert store.count_articles() == 1
    assert [h.article for h in store.search("trams")] == ["a1"]
    assert store.search("ferries") == []  # the FTS index followed the update


def test_rejections_upserted_and_cleared_on_success(store: Store) -> None:
    counts = store.write_batch(
        [],
        [
            Rejection(input="pages/b.html", code="NL-READ-004", reason="empty"),
            Rejection(input="pages/a.html", code="NL-READ-003", reason="not UTF-8"),
        ],
    )
    assert counts == BatchCounts(rejected=2)
    store.write_batch([], [Rejection(input="pages/b.html", code="NL-READ-005", reason="big")])
    assert store.rejections() == [
        Rejection(input="pages/a.html", code="NL-READ-003", reason="not UTF-8"),
        Rejection(input="pages/b.html", code="NL-READ-005", reason="big"),
    ]
    store.write_batch([_article("b")], [])  # input pages/b.html now produced an article
    assert [r.input for r in store.rejections()] == ["pages/a.html"]


# -------------------------------------------------------------------------------- stories


def test_replace_stories_round_trip_and_dirty_flag(store: Store) -> None:
    assert not store.stories_dirty()
    store.write_batch([_article(i) for i in ("a1", "a2", "a3")], [])
    assert store.stories_dirty()
    dossier = Dossier(
        story="S1",
        sources=[SourceCoverage(name="Harbor Gazette", articles=["a1"])],
        entities=[Entity(id="E1", name="Ana Ortiz", type="PERSON", articles=["a1", "a2"])],
    )
    stories = [
        _story("S2", ["a3"], None),
        _story("S1", ["a1", "a2"], "2024-05-01"),
        _story("S3", [], "2024-05-04"),
    ]
    store.replace_stories(stories, {"S1": dossier})
    assert not store.stories_dirty()
    assert [s.id for s in store.stories()] == ["S3", "S1", "S2"]
    assert store.story("S1") == stories[1]
    assert store.dossier("S1") == dossier
    assert store.story_of("a2") == "S1"
    assert store.story_of("nope") is None
    with pytest.raises(NotFoundError):
        store.dossier("S2")  # a story without a dossier
    with pytest.raises(NotFoundError):
        store.story("S9")

    store.replace_stories([_story("S4", ["a1"], None)], {})
    assert [s.id for s in store.stories()] == ["S4"]
    assert store.story_of("a2") is None
    assert store.stats()["stories"] == 1


def test_skipped_batch_keeps_stories_clean(store: Store) -> None:
    store.write_batch([_article("a1")], [])
    store.replace_stories([_story("S1", ["a1"], None)], {})
    store.write_batch([_article("a1")], [Rejection(input="x", code="NL-READ-004", reason="e")])
    assert not store.stories_dirty()
    store.write_batch([_article("a2")], [])
    assert store.stories_dirty()


@pytest.mark.parametrize(
    ("stories", "dossiers", "message"),
    [
        ([_story("S1", ["ghost"], None)], {}, "not in the store"),
        ([_story("S1", ["a1"], None), _story("S2", ["a1"], None)], {}, "another story"),
        ([_story("S1", ["a1"], None), _story("S1", ["a2"], None)], {}, "two stories"),
        ([_story("S1", ["a1"], None)], {"S7": Dossier(story="S7")}, "unknown stories"),
    ],
)
def test_bad_stories_rejected_and_rolled_back(
    store: Store, stories: list[Story], dossiers: dict[str, Dossier], message: str
) -> None:
    store.write_batch([_article("a1"), _article("a2")], [])
    store.replace_stories([_story("S0", ["a1", "a2"], None)], {})
    with pytest.raises(StoreError, match=message):
        store.replace_stories(stories, dossiers)
    assert [s.id for s in store.stories()] == ["S0"]
    assert store.story_of("a1") == "S0"


# --------------------------------------------------------------------------------- search


@pytest.fixture
def searchable(store: Store) -> Store:
    store.write_batch(
        [
            _article(
                "title-hit",
                "The ministry said little else.",
                title="Ferry strike halts crossings",
                source="Harbor Gazette",
                published="2024-05-02",
            ),
            _article("body-hit", "Unions called a ferry strike. The ferry strike ended."),
            _article("accents", "Le président said North Korean troops had moved."),
            _article("other", "Rain is expected on Tuesday."),
        ],
        [],
    )
    store.replace_stories([_story("S1", ["title-hit", "body-hit"], "2024-05-02")], {})
    return store


def test_search_ranks_title_first_with_snippet_and_story(searchable: Store) -> None:
    hits = searchable.search("ferry strike")
    assert [h.article for h in hits] == ["title-hit", "body-hit"]
    assert hits[0].score <= hits[1].score
    assert hits[0].story == "S1"
    assert hits[0].source == "Harbor Gazette"
    assert hits[0].published == "2024-05-02"
    assert f"{HIT_START}Ferry{HIT_END} {HIT_START}strike{HIT_END}" in hits[0].snippet
    assert "<" not in hits[1].snippet
    assert searchable.search("ferry", limit=1)[0].article == "title-hit"


def test_search_phrase_prefix_stemming_diacritics(searchable: Store) -> None:
    assert [h.article for h in searchable.search('"north korean"')] == ["accents"]
    assert searchable.search('"korean north"') == []
    assert [h.article for h in searchable.search("kor*")] == ["accents"]
    assert [h.article for h in searchable.search('"north kor"*')] == ["accents"]
    assert [h.article for h in searchable.search("president")] == ["accents"]
    assert [h.article for h in searchable.search("crossing")] == ["title-hit"]  # porter
    assert searchable.search("troops")[0].story is None
    assert searchable.search("") == []
    assert searchable.search("   ") == []
    assert searchable.search("ferry", limit=0) == []


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '"""',
        "AND OR NOT",
        "*",
        "**",
        "body:",
        "body:ferry",
        "NEAR(",
        "NEAR(ferry strike, 2)",
        "'); DROP TABLE articles;--",
        "ferry AND",
        "(ferry",
        "^ferry",
        "-ferry",
        "ferry\x00strike",
        "\x02\x03",
        "title:ferry OR body:strike",
        "ферри 渡し舟 ⛴",
        "a" * 5000,
        " ".join(["ferry"] * 500),
    ],
)
def test_hostile_queries_are_answered_or_explained(searchable: Store, query: str) -> None:
    """Anything typed is either searched or refused with a message: never an SQLite error."""
    try:
        hits = searchable.search(query)
    except QuerySyntaxError as exc:
        assert str(exc)
    else:
        assert isinstance(hits, list)
    assert searchable.count_articles() == 4


def test_fts5_syntax_is_not_passed_through(searchable: Store) -> None:
    # As FTS5 syntax these would match "body-hit"; here they are words no article has together.
    assert searchable.search("body:ferry") == []
    assert searchable.search("NEAR(ferry strike, 2)") == []
    # "^" is no FTS5 operator here: the tokenizer drops it and the word is "ferry"
    assert [h.article for h in searchable.search("^ferry")] == [
        h.article for h in searchable.search("ferry")
    ]


def test_or_not_and_fields(searchable: Store) -> None:
    ids = lambda q: sorted(h.article for h in searchable.search(q))  # noqa: E731
    assert ids("ferry OR rain") == ["body-hit", "other", "title-hit"]
    assert ids("ferry NOT unions") == ["title-hit"]
    assert ids("ferry -unions") == ["title-hit"]
    assert ids("NOT ferry") == ["accents", "other"]  # newest first, every page without the word
    assert ids("-ferry -rain") == ["accents"]
    assert ids("title:ferry") == ["title-hit"]
    assert ids('title:"ferry strike"') == ["title-hit"]
    assert ids("title:rain") == []
    assert ids('outlet:"harbor gazette"') == ["title-hit"]
    assert ids("ferry outlet:nobody") == []
    assert ids("ferry from:2024-05-01 to:2024-05") == ["title-hit"]  # undated pages drop out
    assert ids("(ferry OR rain) strike") == ["body-hit", "title-hit"]
    assert ids("strike AND ferry") == ["body-hit", "title-hit"]  # AND is the default


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ('"ferry', "unclosed quote"),
        ("(ferry", "unclosed parenthesis"),
        ("ferry)", "unmatched"),
        ("ferry OR", "OR needs a term"),
        ("OR ferry", "OR needs a term"),
        ("title:", "needs a value"),
        ("from:yesterday", "a date is written"),
        ("from:2024-13", "no such date"),
        ("ferry OR -rain", "NOT inside OR"),
        ("(outlet:x ferry)", "outside parentheses"),
        ("(" * 20 + "ferry" + ")" * 20, "nest at most"),
        (" ".join(f"w{n}" for n in range(40)), "at most 32"),
    ],
)
def test_syntax_errors_say_what_to_write(searchable: Store, query: str, message: str) -> None:
    with pytest.raises(QuerySyntaxError, match=message):
        searchable.search(query)


def test_match_expression() -> None:
    assert match_expression("") is None
    assert match_expression(' " * ( ) ') is None
    assert match_expression("ferry strike") == '("ferry" AND "strike")'
    assert match_expression('"north korean" troops') == '("north korean" AND "troops")'
    assert match_expression("ukrain*") == '"ukrain" *'
    assert match_expression('"north kor"*') == '"north kor" *'
    assert match_expression('say"hi') is None  # an unclosed quote: no expression
    assert match_expression("a\x00b") == '("a" AND "b")'
    assert match_expression("fire -plastics") == '"fire" NOT "plastics"'
    assert match_expression("NOT fire") is None  # nothing to rank by


# ------------------------------------------------------------------------------- readers


def test_reader_sees_commits_from_another_thread(store: Store) -> None:
    store.write_batch([_article("a1", "Ferry news.")], [])
    seen: list[int] = []

    def read() -> None:
        with store.reader() as reader:
            seen.append(reader.count_articles())
            seen.append(len(reader.search("ferry")))
            with pytest.raises(sqlite3.OperationalError):
                reader._conn.execute("DELETE FROM articles")

    thread = threading.Thread(target=read)
    thread.start()
    thread.join()
    assert seen == [1, 1]


# ---------------------------------------------------------------------- crash consistency

_WRITER = """
import sys
from newsloom.model import Article, Rejection
from newsloom.store import Store

path, size = sys.argv[1], int(sys.argv[2])
body = " ".join(["Crews repaired the ferry ramp while officials watched."] * 40)
with Store(path) as store:
    print("ready", flush=True)
    for b in range(1_000_000):
        batch = [
            Article(id=f"b{b:06d}-{j:02d}", input=f"in/{b}/{j}", digest="x", title=f"Batch {b}",
                    body=body)
            for j in range(size)
        ]
        batch.append(Article(id="latest", input="in/latest", digest=str(b), body=f"batch {b}"))
        rejected = [Rejection(input=f"bad/{b}", code="NL-READ-004", reason="empty")]
        store.write_batch(batch, rejected)
        print(b, flush=True)
"""

BATCH_SIZE = 20


def _wait_for_ready(out: Path, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while not out.read_text().startswith("ready\n"):
        assert proc.poll() is None, "writer died before it started"
        assert time.monotonic() < deadline, "writer never started"
        time.sleep(0.01)


def _committed(out: Path) -> list[int]:
    lines = out.read_text().split("\n")[1:-1]  # drop "ready" and any unfinished last line
    return [int(line) for line in lines]


@pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_sigkill_leaves_whole_batches(tmp_path: Path, seed: int) -> None:
    path, out = tmp_path / "news.db", tmp_path / "writer.out"
    with out.open("wb") as sink:
        proc = subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(path), str(BATCH_SIZE)], stdout=sink
        )
        try:
            _wait_for_ready(out, proc)
            time.sleep(random.Random(seed).uniform(0.2, 0.8))
        finally:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
    assert proc.returncode == -signal.SIGKILL

    raw = sqlite3.connect(path)
    try:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        raw.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
    finally:
        raw.close()

    with Store(path) as s:
        sizes: dict[int, int] = {}
        for article in s.articles():
            if article.id != "latest":
                batch = int(article.id[1:7])
                sizes[batch] = sizes.get(batch, 0) + 1
        assert sizes, "no batch committed before the kill"
        last = max(sizes)
        assert sorted(sizes) == list(range(last + 1))
        assert set(sizes.values()) == {BATCH_SIZE}  # all or nothing per batch
        assert set(_committed(out)) <= set(sizes)  # every batch reported as written is there
        assert s.article("latest").digest == str(last)
        assert len(s.rejections()) == last + 1
        assert s.stats()["articles"] == (last + 1) * BATCH_SIZE + 1
