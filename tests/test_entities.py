"""The story's entity resolver (fuse.resolve, fuse.name_rules) as the dossier calls it
(fuse.entities.merge_entities), on small fictional articles."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan
from spacy.vocab import Vocab

from newsloom.annotate import _mentions
from newsloom.fuse.coref_mention import MentionInDoc
from newsloom.fuse.entities import merge_entities, story_mentions
from newsloom.fuse.resolve import resolve
from newsloom.model import Article, Mention, Span


def _article(aid: str, mentions: list[tuple[str, str]], body: str = "") -> Article:
    text = body or " ".join(t for t, _ in mentions)
    out, at = [], 0
    for name, label in mentions:
        start = text.find(name, at) if body else at
        out.append(Mention(text=name, start=start, end=start + len(name), label=label, norm=name))
        at = start + len(name) + (0 if body else 1)
    return Article(id=aid, body=text, entities=out, sentences=[Span(start=0, end=len(text))])


def _people(articles: list[Article]) -> list[tuple[str, list[str]]]:
    return sorted((e.name, e.aliases) for e in merge_entities(articles) if e.type == "PERSON")


def test_an_initial_and_a_transliterated_first_name_join_the_full_name() -> None:
    people = _people(
        [
            _article("a", [("Volodymyr Zelenskyy", "PERSON")]),
            _article("b", [("Vladimir Zelensky", "PERSON"), ("V. Zelensky", "PERSON")]),
            _article("c", [("Zelenskiy", "PERSON")]),
        ]
    )
    assert len(people) == 1
    assert set(people[0][1]) >= {"Volodymyr Zelenskyy", "Vladimir Zelensky", "V. Zelensky"}


def test_an_initial_picks_the_one_full_name_it_abbreviates() -> None:
    people = dict(
        _people(
            [
                _article("a", [("Katja Orlen", "PERSON"), ("Piet Orlen", "PERSON")]),
                _article("b", [("K. Orlen", "PERSON"), ("Orlen", "PERSON")]),
            ]
        )
    )
    assert "K. Orlen" in people["Katja Orlen"]
    assert "Orlen" in people  # a bare surname two people bear stays apart


def test_short_first_names_are_not_taken_for_variants() -> None:
    people = _people([_article("a", [("Dan Holm", "PERSON"), ("Dana Holm", "PERSON")])])
    assert [name for name, _ in people] == ["Dan Holm", "Dana Holm"]


def test_a_first_name_alone_joins_the_full_name_of_its_document() -> None:
    people = _people([_article("a", [("Ilse Varkonyi", "PERSON"), ("Ilse", "PERSON")])])
    assert people == [("Ilse Varkonyi", ["Ilse", "Ilse Varkonyi", "Varkonyi"])]
    # Also said alone in a document without the full name: which Ilse is unknown.
    people = _people(
        [
            _article("a", [("Ilse Varkonyi", "PERSON"), ("Ilse", "PERSON")]),
            _article("b", [("Ilse", "PERSON")]),
        ]
    )
    assert [name for name, _ in people] == ["Ilse", "Ilse Varkonyi"]


def test_a_surname_tagged_as_a_nationality_is_the_person() -> None:
    people = _people(
        [_article("a", [("Piet Klamm", "PERSON"), ("Klamm", "NORP"), ("Velorian", "NORP")])]
    )
    assert people == [("Piet Klamm", ["Klamm", "Piet Klamm"])]


def test_an_organisation_named_by_its_last_words_joins_the_full_name() -> None:
    entities = merge_entities(
        [_article("a", [("Port Alder Gulls", "ORG")]), _article("b", [("Gulls", "ORG")])]
    )
    assert [(e.name, e.aliases) for e in entities] == [
        ("Port Alder Gulls", ["Gulls", "Port Alder Gulls"])
    ]
    # a generic last word ("Council") stays apart
    entities = merge_entities([_article("a", [("Alder City Council", "ORG"), ("Council", "ORG")])])
    assert [e.name for e in entities] == ["Alder City Council"]


def test_a_preposition_in_a_mention_span_is_not_part_of_the_name() -> None:
    m = [
        MentionInDoc(key="1", doc="d1", text="in Gulf of Vell", head="gulf", family="LOC",
                     label="LOC", proper=True),
        MentionInDoc(key="2", doc="d2", text="the Gulf of Vell", head="gulf", family="LOC",
                     label="LOC", proper=True),
    ]  # fmt: skip
    clusters = resolve(m).cluster
    assert clusters["1"] == clusters["2"]


def test_every_mention_points_at_its_entity() -> None:
    a = _article("a", [("Ilse Varkonyi", "PERSON"), ("Vell", "GPE"), ("Varkonyi", "PERSON")])
    b = _article("b", [("Varkonyi", "PERSON"), ("Works", "ORG")])
    entities = {e.id: e for e in merge_entities([a, b])}
    by_name = {e.name: e.id for e in entities.values()}
    assert [m.entity for m in a.entities] == [by_name["Ilse Varkonyi"], by_name["Vell"],
                                              by_name["Ilse Varkonyi"]]  # fmt: skip
    assert b.entities[0].entity == by_name["Ilse Varkonyi"]
    assert b.entities[1].entity is None  # a generic word: no entity


def test_surname_alias_only_when_nothing_else_answers_to_it() -> None:
    body = "Lena Marsh met Tomas Brook by the brook. Marsh said the fire was out."
    people = dict(
        _people([_article("a", [("Lena Marsh", "PERSON"), ("Tomas Brook", "PERSON")], body)])
    )
    assert "Marsh" in people["Lena Marsh"]
    assert people["Tomas Brook"] == ["Tomas Brook"]  # "brook" is a word of the story
    people = dict(_people([_article("a", [("Ana Ruiz", "PERSON"), ("Marco Ruiz", "PERSON")])]))
    assert people == {"Ana Ruiz": ["Ana Ruiz"], "Marco Ruiz": ["Marco Ruiz"]}
    place = merge_entities([_article("a", [("Joe Ventura", "PERSON"), ("Ventura", "GPE")])])
    assert next(e for e in place if e.type == "PERSON").aliases == ["Joe Ventura"]


def test_copies_of_one_wire_story_resolve_like_one_copy() -> None:
    names = [("Ilse Varkonyi", "PERSON"), ("Vell", "GPE"), ("Varkonyi", "PERSON"),
             ("Velorian", "NORP"), ("Vell Harbour Authority", "ORG")]  # fmt: skip
    one = merge_entities([_article("a0", names)])
    many = merge_entities([_article(f"a{n}", names) for n in range(60)])
    assert [(e.name, e.aliases) for e in one] == [(e.name, e.aliases) for e in many]
    assert many[0].mentions == 60 * one[0].mentions


def test_the_resolver_reads_speakers_and_datelines_too() -> None:
    a = Article(id="a", body="x", dateline="VELL, Veloria")
    mentions, of_key = story_mentions([a])
    assert [(m.text, m.label) for m in mentions] == [("Vell", "GPE")]
    assert of_key == {}


def test_document_clusters_keep_name_rules_apart() -> None:
    m = [
        MentionInDoc(key="1", doc="d1", text="Ilse Varkonyi", head="varkonyi", family="HUM",
                     label="PERSON", proper=True),
        MentionInDoc(key="2", doc="d2", text="Varkonyi", head="varkonyi", family="HUM",
                     label="PERSON", proper=True),
    ]  # fmt: skip
    together = resolve(m, {"d1": "e", "d2": "e"})
    apart = resolve(m, {"d1": "e1", "d2": "e2"})
    assert together.cluster["1"] == together.cluster["2"]
    assert apart.cluster["1"] != apart.cluster["2"]
    assert len(apart.names) == 2


def test_a_generational_suffix_is_not_the_surname() -> None:
    people = _people([_article("a", [("Orrin Fenwick Jr.", "PERSON"), ("Fenwick", "PERSON")])])
    assert people == [("Orrin Fenwick Jr.", ["Fenwick", "Orrin Fenwick Jr."])]


def test_a_full_name_once_tagged_a_nationality_is_the_person() -> None:
    people = _people(
        [
            _article("a", [("Tamsin Vollrath", "PERSON"), ("Vollrath", "PERSON")]),
            _article("b", [("Tamsin Vollrath", "NORP")]),
        ]
    )
    assert people == [("Tamsin Vollrath", ["Tamsin Vollrath", "Vollrath"])]
    # An organisation of that name stays beside the person (companies are named after people).
    entities = merge_entities(
        [
            _article("a", [("Tamsin Vollrath", "PERSON"), ("Vollrath", "PERSON")]),
            _article("b", [("Tamsin Vollrath", "ORG")]),
        ]
    )
    assert sorted(e.type for e in entities) == ["ORG", "PERSON"]


def test_a_thing_tagged_more_often_or_spelled_otherwise_stays_a_thing() -> None:
    entities = merge_entities(
        [
            _article("a", [("Tamsin Vollrath", "PERSON"), ("Vollrath", "PERSON")]),
            _article(
                "b", [("Tamsin Vollrath", "ORG"), ("Odell Marsh", "PERSON"), ("Marsh", "PERSON")]
            ),
            _article("c", [("Tamsin Vollrath", "ORG"), ("Odell Marsh", "ORG")]),
            _article("d", [("Odell-Marsh", "ORG")]),
        ]
    )
    kinds = sorted((e.name, e.type) for e in entities)
    # Tagged a thing twice, a person once: both stay.
    assert ("Tamsin Vollrath", "PERSON") in kinds and ("Tamsin Vollrath", "ORG") in kinds
    # The thing has a spelling no person has ("Odell-Marsh"): both stay.
    assert ("Odell Marsh", "PERSON") in kinds and ("Odell Marsh", "ORG") in kinds


def test_a_place_is_named_by_its_capitalised_run() -> None:
    entities = merge_entities(
        [
            _article("a", [("the Strait of Varna", "LOC")]),
            _article("b", [("the stormy Strait of Varna", "LOC")]),
            _article("c", [("Strait of Varna between Osk and Tarn", "LOC")]),
            _article("d", [("Bosk and Tarrow", "GPE")]),
        ]
    )
    names = sorted((e.name, len(e.aliases)) for e in entities)
    assert names == [("Bosk and Tarrow", 1), ("Strait of Varna", 1)]


def _tagged(words: list[str], spaces: list[bool], ents: list[tuple[int, int, str]]) -> Doc:
    doc = Doc(Vocab(), words=words, spaces=spaces)
    doc.ents = [SpacySpan(doc, start, end, label=label) for start, end, label in ents]
    return doc


def test_a_list_the_tagger_read_as_one_name_is_one_mention_per_name() -> None:
    words = ["It", "hired", "Alder", "Works", ",", "Quist", "Labs", ",", "and", "Vale", "Corp", "."]
    spaces = [True, True, True, False, True, True, False, True, True, True, False, False]
    found = _mentions(_tagged(words, spaces, [(2, 11, "ORG")]))
    assert [m.text for m in found] == ["Alder Works", "Quist Labs", "Vale Corp"]


def test_a_name_with_a_comma_suffix_or_an_and_stays_whole() -> None:
    words = ["Alder", "Works", ",", "Inc.", "and", "Bank", "of", "Vale", "and", "Trust", "gained"]
    spaces = [True, False, True, True, True, True, True, True, True, True, False]
    doc = _tagged(words, spaces, [(0, 4, "ORG"), (5, 10, "ORG")])
    assert [m.text for m in _mentions(doc)] == ["Alder Works, Inc.", "Bank of Vale and Trust"]


def test_a_trailing_comma_is_not_part_of_a_name() -> None:
    words = ["Alder", "Works", ",", "a", "start-up", ",", "won"]
    spaces = [True, False, True, True, False, True, False]
    assert [m.text for m in _mentions(_tagged(words, spaces, [(0, 3, "ORG")]))] == ["Alder Works"]
