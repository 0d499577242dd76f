"""Regrouping in bounded memory: the store streamed through the story index by date, frozen
stories written as they freeze, and undated pages that never force a whole-store regroup."""

from __future__ import annotations

import queue
from pathlib import Path

import pytest

from newsloom import pipeline
from newsloom.errors import StoreError
from newsloom.group import StoryIndex, group
from newsloom.group.index import EVICT_DAYS
from newsloom.model import Article, Mention
from newsloom.scale import regroup as scale_regroup
from newsloom.scale.regroup import _chunks, regroup_store
from newsloom.store import Store
from newsloom.web.fixtures import synthetic_store

EVENTS = {
    "bridge": "The Dunmore bridge was shut after engineers found a crack in its main span, "
    "and commuters were sent to a ferry across the river while repairs go on.",
    "harbour": "A spring storm tore three trawlers from their moorings in the Orvik harbour, "
    "and the harbour master said divers would survey the breakwater.",
    "mill": "Fire broke out at the Kessel textile mill overnight and four workers died, the "
    "fire marshal said, as the cause of the blaze was investigated.",
}


def _article(aid: str, event: str, day: str | None, n: int) -> Article:
    body = f"{EVENTS[event]} Report number {n} on the {event} from our desk."
    place = {"bridge": "Dunmore", "harbour": "Orvik", "mill": "Kessel"}[event]
    start = body.index(place)
    return Article(
        id=aid,
        input=f"{aid}.html",
        digest=f"d-{aid}",
        source=f"Outlet {n}",
        title=f"{event.capitalize()} news {n}",
        published=f"{day}T09:00" if day else None,
        body=body,
        entities=[Mention(text=place, start=start, end=start + len(place), label="GPE")],
    )


def test_chunks_end_where_the_day_changes() -> None:
    rows = [("a", "2024-01-01T08"), ("b", "2024-01-01T09"), ("c", "2024-01-02"), ("d", None)]
    assert list(_chunks(rows, 1)) == [["a", "b"], ["c"], ["d"]]
    assert list(_chunks(rows, 10)) == [["a", "b", "c", "d"]]
    undated = [("x", None), ("y", None), ("z", None)]
    assert list(_chunks(undated, 2)) == [["x", "y"], ["z"]]  # undated: cut every ``size``


def test_frozen_stories_leave_the_index() -> None:
    index = StoryIndex()
    index.add(
        [_article("b1", "bridge", "2024-01-01", 1), _article("b2", "bridge", "2024-01-02", 2)]
    )
    assert index.pop_frozen() == []
    later = f"2024-{1 + (EVICT_DAYS + 40) // 28:02d}-15"
    index.add([_article("h1", "harbour", later, 1)])
    frozen = index.pop_frozen()
    assert [s.articles for s in frozen] == [["b1", "b2"]]
    assert [s.articles for s in index.stories()] == [["h1"]]
    assert index.pop_frozen() == []


def _fill(db: Path, articles: list[Article]) -> None:
    with Store(db) as store:
        store.write_batch(articles, [])


def _members(db: Path) -> list[list[str]]:
    with Store(db) as store:
        return sorted(s.articles for s in store.stories())


def _spread() -> list[Article]:
    """Three events, each a few days long, months apart: blocks freeze as the stream goes."""
    out = []
    for month, event in zip((1, 4, 8), EVENTS, strict=True):
        out += [
            _article(f"{event}{i}", event, f"2024-{month:02d}-{10 + i:02d}", i) for i in range(3)
        ]
    return out


def test_a_store_smaller_than_a_chunk_is_grouped_as_group_does(tmp_path: Path) -> None:
    articles = _spread()
    _fill(tmp_path / "s.db", articles)
    with Store(tmp_path / "s.db") as store:
        assert regroup_store(store) == 3
    assert _members(tmp_path / "s.db") == sorted(s.articles for s in group(articles))


def test_a_store_streamed_in_small_chunks_writes_every_story(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(scale_regroup, "REGROUP_CHUNK", 2)
    monkeypatch.setattr(scale_regroup, "WRITE_STORIES", 1)
    articles = _spread()
    _fill(tmp_path / "s.db", articles)
    with Store(tmp_path / "s.db") as store:
        assert regroup_store(store) == 3
        assert not store.stories_dirty()
        for story in store.stories():
            assert store.dossier(story.id).story == story.id  # fused with its own pages
    assert _members(tmp_path / "s.db") == sorted(s.articles for s in group(articles))


def test_synthetic_store_regroups_every_article_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(scale_regroup, "REGROUP_CHUNK", 50)
    db = synthetic_store(tmp_path / "syn.db", 300)
    with Store(db) as store:
        n = pipeline.regroup(store)
        stories = store.stories()
        assert n == len(stories) > 10
        members = [a for s in stories for a in s.articles]
        assert len(members) == len(set(members)) == store.count_articles() == 300


def test_an_undated_page_does_not_regroup_the_whole_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "s.db"
    _fill(db, _spread())
    with Store(db) as store:
        regroup_store(store)
        before = {s.id: s for s in store.stories()}

        def whole(_: Store) -> int:
            raise AssertionError("a whole-store regroup")

        monkeypatch.setattr(pipeline, "_regroup_all", whole)
        store.write_batch([_article("mill9", "mill", None, 9)], [])
        pipeline.update_stories(store, ["mill9"])
        after = {s.id: s for s in store.stories()}
    far = [sid for sid, s in before.items() if s.articles[0].startswith("bridge")]
    assert far and all(after[sid] == before[sid] for sid in far)  # months away: untouched
    mill = next(s for s in after.values() if "mill9" in s.articles)
    assert mill.articles[:3] == ["mill0", "mill1", "mill2"]  # joined the newest days' story


def test_an_undated_page_in_a_store_of_undated_pages(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    _fill(db, [_article("h1", "harbour", None, 1)])
    with Store(db) as store:
        regroup_store(store)
        store.write_batch([_article("h2", "harbour", None, 2)], [])
        assert pipeline.update_stories(store, ["h2"]) == 1
        assert [s.articles for s in store.stories()] == [["h1", "h2"]]


def _stored(db: Path) -> list[tuple[list[str], str, str]]:
    """Each story's members, id and dossier JSON, in the store's order."""
    with Store(db) as store:
        return [(s.articles, s.id, store.dossier(s.id).model_dump_json()) for s in store.stories()]


def test_grouping_in_a_second_process_stores_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(scale_regroup, "REGROUP_CHUNK", 2)
    for name in ("here.db", "apart.db"):
        _fill(tmp_path / name, _spread())
    monkeypatch.setattr(scale_regroup, "APART_MIN", 10**9)
    with Store(tmp_path / "here.db") as store:
        here = regroup_store(store)
    monkeypatch.setattr(scale_regroup, "APART_MIN", 0)
    monkeypatch.setattr(scale_regroup.os, "cpu_count", lambda: 2)
    calls: list[int] = []
    real = scale_regroup.group_apart

    def counted(path: Path, rows: list[tuple[str, str | None]], chunk: int):  # type: ignore[no-untyped-def]
        calls.append(len(rows))
        return real(path, rows, chunk)

    monkeypatch.setattr(scale_regroup, "group_apart", counted)
    with Store(tmp_path / "apart.db") as store:
        assert regroup_store(store) == here == 3
    assert calls == [9]  # the second process ran, on every article
    assert _stored(tmp_path / "apart.db") == _stored(tmp_path / "here.db")


def test_one_core_or_an_in_memory_store_groups_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(scale_regroup, "APART_MIN", 0)

    def never(*_: object) -> None:
        raise AssertionError("a second process")

    monkeypatch.setattr(scale_regroup, "group_apart", never)
    with Store.memory() as store:  # no file for a second process to open
        store.write_batch(_spread(), [])
        assert regroup_store(store) == 3
    monkeypatch.setattr(scale_regroup.os, "cpu_count", lambda: 1)
    store = Store.memory()
    store.write_batch(_spread(), [])
    assert list(scale_regroup._grouped(store, store.ids_by_date())) != []
    store.close()


class _Gone:
    exitcode = -9

    def is_alive(self) -> bool:
        return False


class _Running(_Gone):
    def is_alive(self) -> bool:
        return True


def test_drain_stops_at_the_end_mark_and_fails_on_errors_or_death(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(scale_regroup, "APART_POLL", 0.01)
    inbox: queue.Queue[scale_regroup.Batch] = queue.Queue()
    story = group([_article("b1", "bridge", "2024-01-01", 1)])
    for item in (story, [], None, story):
        inbox.put(item)
    assert list(scale_regroup.drain(inbox, _Running())) == [story, []]  # stops at None
    inbox = queue.Queue()
    inbox.put("OperationalError: disk I/O error")
    with pytest.raises(StoreError, match="grouping failed: OperationalError"):
        list(scale_regroup.drain(inbox, _Running()))
    with pytest.raises(StoreError, match="exit code -9"):
        list(scale_regroup.drain(queue.Queue(), _Gone()))


def test_a_failed_grouping_leaves_the_stories_as_they_were(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "s.db"
    _fill(db, _spread())
    with Store(db) as store:
        regroup_store(store)
    before = _stored(db)
    monkeypatch.setattr(scale_regroup, "APART_MIN", 0)
    monkeypatch.setattr(scale_regroup.os, "cpu_count", lambda: 2)

    def half_then_dies(path: Path, rows: list[tuple[str, str | None]], chunk: int):  # type: ignore[no-untyped-def]
        yield group([_article("bridge0", "bridge", "2024-01-10", 0)])
        raise StoreError("the grouping process ended (exit code -9)")

    monkeypatch.setattr(scale_regroup, "group_apart", half_then_dies)
    with Store(db) as store, pytest.raises(StoreError):
        regroup_store(store)
    assert _stored(db) == before
