"""Splitting a large proposed story whose halves name different actors (hand-built docs)."""

from __future__ import annotations

from collections.abc import Sequence

from newsloom.group.actors import (
    RESPLIT_MAIN,
    RESPLIT_MIN,
    RESPLIT_OTHER,
    RESPLIT_PART,
    RESPLIT_THRESHOLD,
    apart,
    own_name,
    resplit,
)
from newsloom.group.features import Doc


def _doc(i: int, *names: str) -> Doc:
    opening = {f"@{n}": 1.0 for n in names} | {"injured": 1.0, "reserve": 1.0}
    return Doc(id=f"d{i}", order=("9999", f"d{i}"), day=None, title=None, outlet="x",
               terms=dict(opening), entities=frozenset(names), paragraphs={}, opening=opening)  # fmt: skip


def _halves(first: list[Doc], second: list[Doc]) -> tuple[list[Doc], list[int]]:
    """The docs, and the labels a story-local cut would give them."""
    return [*first, *second], [0] * len(first) + [1] * len(second)


def _cut(labels: list[int]) -> object:
    seen: list[float] = []

    def cluster(docs: Sequence[Doc], threshold: float) -> list[int]:
        seen.append(threshold)
        assert len(docs) == len(labels)
        return labels

    cluster.seen = seen  # type: ignore[attr-defined]
    return cluster


def test_halves_about_different_players_are_two_events() -> None:
    lund = [_doc(i, "ivo lund", "harbor hawks") for i in range(6)]
    pell = [_doc(10 + i, "dana pell", "harbor hawks") for i in range(5)]
    docs, labels = _halves(lund, pell)
    cluster = _cut(labels)
    parts = resplit(list(range(len(docs))), docs, cluster)  # type: ignore[arg-type]
    assert parts == [list(range(6)), list(range(6, 11))]
    assert cluster.seen == [RESPLIT_THRESHOLD]  # type: ignore[attr-defined]


def test_a_small_story_is_not_recut() -> None:
    docs = [_doc(i, "ivo lund") for i in range(RESPLIT_MIN - 1)]
    cluster = _cut([0] * len(docs))
    assert resplit(list(range(len(docs))), docs, cluster) == [list(range(len(docs)))]  # type: ignore[arg-type]
    assert cluster.seen == []  # type: ignore[attr-defined]


def test_a_cut_into_many_parts_or_a_tiny_half_keeps_the_story_whole() -> None:
    docs = [_doc(i, "ivo lund" if i < 6 else "dana pell") for i in range(11)]
    whole = [list(range(11))]
    three = [0] * 4 + [1] * 4 + [2] * 3
    assert resplit(list(range(11)), docs, _cut(three)) == whole  # type: ignore[arg-type]
    tiny = [0] * (11 - RESPLIT_PART + 1) + [1] * (RESPLIT_PART - 1)
    assert resplit(list(range(11)), docs, _cut(tiny)) == whole  # type: ignore[arg-type]


def test_halves_apart_by_a_name_of_their_own_each() -> None:
    first = [_doc(i, "ivo lund", "arden") for i in range(6)]
    second = [_doc(10 + i, "ivo lund", "belmoor") for i in range(5)]
    assert own_name(first, second) == "@arden"  # a place of its own is not enough alone
    assert own_name(second, first) == "@belmoor"
    assert apart(first, second)
    same = [_doc(20 + i, "ivo lund") for i in range(5)]
    assert own_name(same, first) is None and not apart(first, same)


def test_no_main_name_or_a_weak_one_is_not_evidence() -> None:
    nameless = [_doc(i) for i in range(5)]
    named = [_doc(10 + i, "dana pell") for i in range(5)]
    assert own_name(nameless, named) is None
    assert not apart(nameless, named)
    # Every opening names someone else: no name is carried by RESPLIT_MAIN of the half.
    scattered = [_doc(20 + i, f"person {i}") for i in range(5)]
    assert RESPLIT_MAIN > 1 / 5 and own_name(scattered, named) is None
    assert not apart(scattered, named)


def test_a_main_name_common_in_the_other_half_keeps_them_together() -> None:
    lund = [_doc(i, "ivo lund") for i in range(5)]
    # Pell's half mentions Lund in its openings too often to be another event.
    mixed = [_doc(10 + i, "dana pell", *(["ivo lund"] if i < 2 else [])) for i in range(5)]
    assert RESPLIT_OTHER < 2 / 5
    assert not apart(lund, mixed)
    clean = [_doc(10 + i, "dana pell") for i in range(5)]
    assert apart(lund, clean)
