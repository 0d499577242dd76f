"""Splitting a large proposed story whose halves name different actors (hand-built docs)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from newsloom.group.actors import (
    RESPLIT_MAIN,
    RESPLIT_MIN,
    RESPLIT_OTHER,
    RESPLIT_PART,
    RESPLIT_THRESHOLD,
    RIVALS_CANDIDATES,
    RIVALS_COVER,
    RIVALS_MIN,
    apart,
    by_rival_names,
    by_rival_numbers,
    carried,
    nearer,
    own_name,
    resplit,
    rival_numbers,
    rivals,
)
from newsloom.group.events import cluster_block
from newsloom.group.features import Doc, to_doc
from newsloom.model import Article, Mention


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


def _agent_doc(i: int, agents: dict[str, str], *names: str) -> Doc:
    """A doc whose opening names ``agents`` (name → label) and ``names`` (not agents)."""
    doc = _doc(i, *agents, *names)
    doc.agents = {f"@{n}": label for n, label in agents.items()}
    return doc


def _offers(hawks: int, gulls: int) -> list[Doc]:
    """Two teams' offers to one player: every opening names the player, one team each."""
    return [
        *(_agent_doc(i, {"harbor hawks": "ORG", "ivo lund": "PERSON"}) for i in range(hawks)),
        *(_agent_doc(20 + i, {"cove gulls": "ORG", "ivo lund": "PERSON"}) for i in range(gulls)),
    ]


def test_rival_agents_cut_a_block_in_two() -> None:
    docs = _offers(6, 5)
    assert rivals(docs) == ("@harbor hawks", "@cove gulls")  # the most carried first
    assert by_rival_names(list(range(11)), docs) == [list(range(6)), list(range(6, 11))]
    # Indices are the caller's: a block's members in any order map back to them.
    shuffled = by_rival_names([9, 3, 4, 5, 6, 7, 8, 0, 1, 2, 10], docs)
    assert [set(side) for side in shuffled] == [set(range(6)), set(range(6, 11))]


def test_rivals_of_two_kinds_or_named_together_are_no_rivals() -> None:
    team_and_person = [
        *(_agent_doc(i, {"harbor hawks": "ORG"}) for i in range(6)),
        *(_agent_doc(20 + i, {"dana pell": "PERSON"}) for i in range(5)),
    ]
    assert rivals(team_and_person) is None  # an award and its host, a navy and its country
    together = _offers(6, 5)
    together[0].opening["@cove gulls"] = 1.0  # one opening names both teams: one event
    assert rivals(together) is None
    assert by_rival_names(list(range(11)), together) == [list(range(11))]


def test_rivals_must_cover_most_openings_and_each_a_few() -> None:
    docs = _offers(3, 3) + [_agent_doc(40 + i, {"ivo lund": "PERSON"}) for i in range(5)]
    assert RIVALS_COVER * len(docs) > 6  # the two teams are in 6 of 11 openings
    assert rivals(docs) is None
    assert rivals(_offers(RESPLIT_PART, RESPLIT_PART)) is not None
    assert rivals(_offers(RESPLIT_PART - 1, 8)) is None  # one team in too few openings


def test_rivals_are_among_the_most_carried_agents() -> None:
    docs = _offers(6, 5)
    for doc in docs:  # many agents each in more openings than either team
        doc.agents |= {f"@crowd {c}": "PERSON" for c in range(RIVALS_CANDIDATES)}
        doc.opening |= {f"@crowd {c}": 1.0 for c in range(RIVALS_CANDIDATES)}
    assert rivals(docs) is None


def test_an_opening_naming_neither_rival_joins_the_side_carrying_its_names() -> None:
    docs = [*_offers(6, 5), _agent_doc(30, {}, "cove bay"), _agent_doc(31, {})]
    docs[6].opening["@cove bay"] = 1.0  # the gulls' side names their town
    parts = by_rival_names(list(range(13)), docs)
    assert parts == [[*range(6), 12], [*range(6, 12)]]  # no names: the larger side


def test_nearer_picks_the_side_carrying_the_names_then_the_larger_side() -> None:
    counts = (Counter({"@harbor hawks": 4}), Counter({"@cove gulls": 3}))
    assert nearer(_doc(20, "cove gulls"), counts, (4, 3)) == 1
    assert nearer(_doc(21, "nobody"), counts, (4, 3)) == 0
    assert nearer(_doc(22, "nobody"), counts, (3, 4)) == 1


def test_an_opening_carries_a_name_by_its_longer_forms() -> None:
    doc = _doc(1, "east harbor hawks", "seaharbor")
    assert carried(doc) == {"@east harbor hawks", "@harbor hawks", "@hawks", "@seaharbor"}
    assert "@harbor" not in carried(doc)  # a name's endings, never its first words


def test_an_articles_agents_are_the_people_and_organisations_of_its_opening() -> None:
    body = "The Harbor Hawks offered Ivo Lund a deal in Arden.\n\nDana Pell said nothing."
    mentions = [
        Mention(text="Harbor Hawks", start=4, end=16, label="ORG"),
        Mention(text="Ivo Lund", start=25, end=33, label="PERSON"),
        Mention(text="Arden", start=45, end=50, label="GPE"),
        Mention(text="Dana Pell", start=53, end=62, label="PERSON"),
    ]
    doc = to_doc(Article(id="x", body=body, entities=mentions))
    assert doc.agents == {"@harbor hawks": "ORG", "@ivo lund": "PERSON"}


def test_a_block_cut_by_rivals_is_clustered_side_by_side() -> None:
    docs = _offers(6, 5)
    assert len(docs) >= RIVALS_MIN
    labels = cluster_block(docs, {}, 0)  # no corpus to weigh evidence by: no check
    assert len(set(labels[:6])) == 1 and len(set(labels[6:])) == 1
    assert labels[0] != labels[6]
    small = _offers(RIVALS_MIN // 2, RIVALS_MIN // 2 - 1)  # under RIVALS_MIN: not searched
    assert len(set(cluster_block(small, {}, 0))) == 1


def _quake_doc(i: int, *numbers: str) -> Doc:
    """A quake report's doc: one island's name in every opening, and ``numbers``."""
    doc = _doc(i, "isle of wend")
    doc.opening |= {n: 1.0 for n in numbers}
    return doc


def _quakes(first: int, second: int, neither: int = 0) -> list[Doc]:
    """Two quakes on one island: ``first`` openings give 4.8, ``second`` give 5.3."""
    return [
        *(_quake_doc(i, "4.8") for i in range(first)),
        *(_quake_doc(20 + i, "5.3", "12") for i in range(second)),
        *(_quake_doc(40 + i) for i in range(neither)),
    ]


def _no_matrix(story: Sequence[Doc]) -> NDArray[np.float64]:
    raise AssertionError("no cut: the similarity is never built")


def test_two_decimal_numbers_never_given_together_are_rivals() -> None:
    docs = _quakes(4, 3)
    assert rival_numbers(docs) == ({0, 1, 2, 3}, {4, 5, 6})
    # A count ("12 hurt") is no rival: it rises as a story goes on.
    counts = [_quake_doc(i, "12") for i in range(4)] + [_quake_doc(9 + i, "15") for i in range(4)]
    assert rival_numbers(counts) is None


def test_decimal_numbers_given_together_or_by_too_few_are_no_rivals() -> None:
    together = _quakes(4, 3)
    together[0].opening["5.3"] = 1.0  # one opening gives both: one quake's two estimates
    assert rival_numbers(together) is None
    assert rival_numbers(_quakes(4, RESPLIT_PART - 1)) is None
    assert by_rival_numbers(list(range(7)), together, _no_matrix) == [list(range(7))]


def test_an_opening_giving_neither_number_joins_the_side_its_text_is_closer_to() -> None:
    docs = _quakes(4, 3, neither=2)
    sim = np.eye(9)
    sim[7, 4:7] = sim[4:7, 7] = 0.3  # the first of the two is close to the 5.3 reports
    sim[8, 0:4] = sim[0:4, 8] = 0.3  # the second to the 4.8 ones
    parts = by_rival_numbers(list(range(9)), docs, lambda story: sim)
    assert parts == [[0, 1, 2, 3, 8], [4, 5, 6, 7]]
    # Indices are the caller's (the similarity is between the members, in their order).
    shuffled = by_rival_numbers([8, 7, 6, 5, 4, 3, 2, 1, 0], docs[::-1], lambda story: sim)
    assert [set(side) for side in shuffled] == [{8, 7, 6, 5, 0}, {4, 3, 2, 1}]


def test_a_block_without_rival_agents_is_cut_by_rival_numbers() -> None:
    docs = _quakes(6, 5)
    assert len(docs) >= RIVALS_MIN and rivals(docs) is None
    labels = cluster_block(docs, {}, 0)
    assert len(set(labels[:6])) == 1 and len(set(labels[6:])) == 1
    assert labels[0] != labels[6]
