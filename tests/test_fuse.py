"""Fuse: entity merging across spellings, on hand-built fictional articles."""

from __future__ import annotations

import pytest

from newsloom.fuse.entities import defined_acronyms, merge_entities
from newsloom.fuse.names import demonym_places, person_key, place_key, skeleton, strip_titles
from newsloom.model import Article, Mention


def _article(aid: str, mentions: list[tuple[str, str]], body: str = "") -> Article:
    return Article(
        id=aid,
        body=body,
        entities=[Mention(text=t, start=0, end=len(t), label=lab, norm=t) for t, lab in mentions],
    )


@pytest.mark.parametrize(
    "variants",
    [
        ["Zelenskyy", "Zelensky", "Zelenskiy", "Zelenski"],
        ["Volodymyr", "Wolodymyr"],
        ["Khodorkovsky", "Hodorkovskiy"],
        ["Müller", "Muller"],
    ],
)
def test_transliteration_variants_share_a_skeleton(variants: list[str]) -> None:
    assert len({skeleton(v) for v in variants}) == 1


def test_different_names_keep_different_skeletons() -> None:
    assert skeleton("Biden") != skeleton("Boden")
    assert skeleton("Kovacs") != skeleton("Kovac")


def test_titles_and_possessives() -> None:
    assert strip_titles("President Ilsa Vandermeer’s") == "Ilsa Vandermeer"
    assert strip_titles("U.S. Secretary of State Ana Ruiz") == "Ana Ruiz"
    assert person_key("Gen. Tomas Keller") == ("tomas", "keler")
    assert place_key("the Dunmore-Oblast area") == place_key("Dunmore region")


def test_demonyms_point_at_places() -> None:
    assert place_key("Veloria") in [
        p[: len(place_key("Veloria"))] for p in demonym_places("Velorian")
    ]
    assert place_key("France") in demonym_places("French")


def test_one_person_every_spelling_and_surname_only_mentions() -> None:
    entities = merge_entities(
        [
            _article("a", [("President Olek Maryenkiy", "PERSON"), ("Maryenkiy", "PERSON")]),
            _article("b", [("Olek Maryenky", "PERSON"), ("Maryenky", "PERSON")]),
        ]
    )
    people = [e for e in entities if e.type == "PERSON"]
    assert len(people) == 1
    assert people[0].name in {"Olek Maryenkiy", "Olek Maryenky"}
    assert set(people[0].aliases) >= {"Maryenkiy", "Maryenky", "Olek Maryenky"}
    assert people[0].articles == ["a", "b"]


def test_two_people_sharing_a_surname_are_not_merged() -> None:
    entities = merge_entities(
        [
            _article("a", [("Ana Ruiz", "PERSON"), ("Marco Ruiz", "PERSON"), ("Ruiz", "PERSON")]),
        ]
    )
    names = sorted(e.name for e in entities)
    assert names == ["Ana Ruiz", "Marco Ruiz", "Ruiz"]


def test_demonym_joins_its_place_and_place_variants_merge() -> None:
    entities = merge_entities(
        [
            _article("a", [("Veloria", "GPE"), ("Velorian", "NORP"), ("Dunmore region", "GPE")]),
            _article("b", [("Velorians", "NORP"), ("Dunmore-Oblast area", "LOC")]),
        ]
    )
    by_name = {e.name: e for e in entities}
    assert set(by_name["Veloria"].aliases) == {"Veloria", "Velorian", "Velorians"}
    assert by_name["Veloria"].type == "GPE"
    assert len([e for e in entities if "Dunmore" in e.name]) == 1


def test_acronym_defined_in_text_joins_long_form() -> None:
    body = (
        "On Monday, Veloria’s border police said the crossing was shut. "
        "The agency, known by its acronym VBP, gave no reason."
    )
    assert defined_acronyms(body) == {"VBP": "Veloria’s border police"}
    assert defined_acronyms("The Harbour Safety Authority (HSA) said so.") == {
        "HSA": "Harbour Safety Authority"
    }
    entities = merge_entities(
        [_article("a", [], body), _article("b", [("VBP", "ORG")], "VBP officers stayed.")]
    )
    police = next(e for e in entities if "VBP" in e.aliases)
    assert police.name == "Veloria’s border police"
    assert police.articles == ["a", "b"]
