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


# ----------------------------------------------------------------- quotes, figures, timeline

from newsloom.fuse import fuse  # noqa: E402
from newsloom.fuse.figures import figure_claims, scope_place  # noqa: E402
from newsloom.fuse.quotes import same_statement, trace_quotes, word_diff  # noqa: E402
from newsloom.fuse.timeline import sort_key, timeline  # noqa: E402
from newsloom.model import Figure, Quote, Span, Story, TimeRef  # noqa: E402

LONG_QUOTE = (
    "We warned the council twice about the cracks. Nobody came to look, and now the bridge is "
    "closed for months"
)
SHORT_QUOTE = "Nobody came to look, and now the bridge is closed for months"
TRANSLATED = "We told the council twice about the cracks. No one came to inspect them"


def _quoted(aid: str, text: str, speaker: str, day: str, source: str) -> Article:
    body = f"“{text},” {speaker} said."
    return Article(
        id=aid, body=body, published=day, source=source,
        quotes=[Quote(text=text, start=1, end=1 + len(text), speaker=speaker)],
    )  # fmt: skip


def test_trimmed_and_translated_quotes_are_one_statement() -> None:
    assert same_statement(LONG_QUOTE, SHORT_QUOTE)
    assert same_statement(LONG_QUOTE, TRANSLATED)
    assert not same_statement(LONG_QUOTE, "The ferry will run on the winter timetable from Monday")


def test_quote_tracing_marks_longest_earliest_and_differences() -> None:
    groups = trace_quotes(
        [
            _quoted("a", SHORT_QUOTE, "Mayor Ilse Brandt", "2025-03-04T08:00", "Courier"),
            _quoted("b", LONG_QUOTE, "Ilse Brandt", "2025-03-04T10:00", "Ledger"),
            _quoted("c", "The ferry will run on the winter timetable", "Brandt", "2025-03-04", "X"),
        ]
    )
    traced = next(g for g in groups if len(g.variants) == 2)
    assert traced.longest == "b"
    assert traced.earliest == "a"
    short = next(v for v in traced.variants if v.article == "a")
    assert [d.op for d in short.diff] == ["dropped", "same"]
    assert len(groups) == 2


def test_word_diff_marks_changes() -> None:
    ops = [
        (d.op, d.text, d.other) for d in word_diff("No one came to inspect", "Nobody came to look")
    ]
    assert ops == [("changed", "No one", "Nobody"), ("same", "came to", None),
                   ("changed", "inspect", "look")]  # fmt: skip


def _figured(aid: str, figures: list[Figure], source: str) -> Article:
    return Article(id=aid, body="x" * 200, figures=figures, source=source, published="2025-03-05")


def _fig(
    value: float, counts: str, scope: str | None, per: str | None = None, pred: str | None = None
) -> Figure:
    return Figure(text=f"{value} {counts}", start=0, end=5, value=value, counts=counts,
                  counts_head=counts.split()[-1].rstrip("s"), scope=scope, per=per, predicate=pred)  # fmt: skip


def _bare(value: float, text: str, pred: str | None = None) -> Figure:
    return Figure(text=text, start=0, end=5, value=value, predicate=pred)


def test_bare_numbers_agree_only_on_what_happened() -> None:
    articles = [
        _figured("a", [_bare(80, "up to 80"), _bare(200, "more than 200", pred="killed")], "A"),
        _figured("b", [_bare(80, "as many as 80"), _bare(200, "about 200", pred="killed")], "B"),
    ]
    claims = figure_claims(articles, {"a": "a", "b": "b"})
    by_value = sorted((c.reports[0].value, c.independent_reports) for c in claims)
    assert by_value == [(80, 1), (80, 1), (200, 2)]  # chance agreement stays apart


def test_one_outlets_two_articles_do_not_corroborate_each_other() -> None:
    same = [
        _figured("a", [_fig(300, "residents", None)], "Courier"),
        _figured("b", [_fig(300, "residents", None)], "Courier"),
    ]
    (claim,) = figure_claims(same, {"a": "a", "b": "b"})
    assert (claim.independent_reports, claim.status) == (2, "single-source")
    other = [same[0], _figured("c", [_fig(300, "residents", None)], "Ledger")]
    assert figure_claims(other, {"a": "a", "c": "c"})[0].status == "corroborated"


def test_figure_claims_status_and_reasons() -> None:
    articles = [
        _figured(
            "a",
            [
                _fig(300, "residents", "in the Dunmore region"),
                _fig(12, "workers", "at the mill", pred="injured"),
            ],
            "Courier",
        ),
        _figured(
            "b",
            [
                _fig(300, "residents", "of the Dunmore-Oblast area"),
                _fig(15, "workers", "at the mill", pred="injured"),
                _fig(40, "residents", "per day", per="day"),
            ],
            "Ledger",
        ),
        _figured("c", [_fig(300, "residents", "in the Dunmore region")], "Gazette"),
    ]
    report_of = {"a": "a", "b": "b", "c": "a"}  # c is a copy of a
    claims = {(c.counts, c.per): c for c in figure_claims(articles, report_of)}
    residents = claims[("residents", None)]
    assert residents.status == "corroborated"
    assert residents.independent_reports == 2  # the copy counts once
    assert claims[("workers", None)].status == "differs"
    assert claims[("residents", "day")].status == "single-source"
    assert any("rate per day" in why for why in residents.apart_from)


def test_different_numbers_without_a_shared_event_stay_apart() -> None:
    articles = [
        _figured("a", [_fig(42, "people", None, pred="killed")], "Wire"),
        _figured("b", [_fig(3000, "people", None, pred="sheltered")], "Paper"),
        _figured("c", [_fig(12, "people", None, pred="missing")], "Site"),
        _figured("d", [_fig(15, "people", None, pred="missing")], "Other"),
    ]
    claims = figure_claims(articles, {a.id: a.id for a in articles})
    assert sorted(c.value for c in claims if c.status == "differs") == [12]
    assert len(claims) == 3
    killed = next(c for c in claims if c.value == 42)
    assert any("different events (killed vs sheltered)" in why for why in killed.apart_from)


def test_single_source_when_only_copies_agree() -> None:
    articles = [
        _figured("a", [_fig(42, "dead", "in Tessaly")], "Wire"),
        _figured("b", [_fig(42, "dead", "in Tessaly")], "Reprint"),
    ]
    [claim] = figure_claims(articles, {"a": "a", "b": "a"})
    assert claim.status == "single-source"


def test_scope_place() -> None:
    assert scope_place("in Veloria’s Dunmore region near the border") == "dunmore"
    assert scope_place("the Dunmore-Oblast area of Veloria") == "dunmore"
    assert scope_place("to areas near Veloria") == "veloria"
    assert scope_place(None) == ""


def _dated(aid: str, body: str, when: str, value: str, day: str, source: str) -> Article:
    at = body.index(when)
    return Article(
        id=aid, body=body, published=day, source=source,
        sentences=[Span(start=0, end=len(body))],
        times=[TimeRef(text=when, start=at, end=at + len(when), value=value, precision="day")],
    )  # fmt: skip


def test_timeline_merges_same_statement_across_outlets_in_order() -> None:
    a = _dated("a", "The council closed the Route 9 bridge on Tuesday after finding cracks.",
               "Tuesday", "2025-03-04", "2025-03-05T08:00", "Courier")  # fmt: skip
    b = _dated("b", "On Tuesday the council shut the bridge on Route 9 over cracks it found.",
               "Tuesday", "2025-03-04", "2025-03-05T09:00", "Ledger")  # fmt: skip
    c = _dated("c", "Inspectors first reported the cracks in the bridge deck on Feb. 20.",
               "Feb. 20", "2025-02-20", "2025-03-05T10:00", "Ledger")  # fmt: skip
    entries = timeline([a, b, c])
    assert [e.date for e in entries] == ["2025-02-20", "2025-03-04"]
    assert entries[1].outlets == ["Courier", "Ledger"]
    assert entries[1].first_reported == "2025-03-05T08:00"
    assert sort_key("2025-02") < sort_key("2025-02-20") < sort_key("2025-W09")


STATEMENT = "Officials on Thursday said Ukraine in August captured the town."


def _statement(quote_date: str | None, with_quote: bool = True, cue_at: bool = True) -> Article:
    thursday, august = STATEMENT.index("Thursday"), STATEMENT.index("August")
    cue, words = STATEMENT.index("said"), STATEMENT.index("Ukraine")
    quote = Quote(text=STATEMENT[words:-1], start=words, end=len(STATEMENT) - 1, cue="said",
                  cue_start=cue if cue_at else None, cue_end=cue + 4 if cue_at else None,
                  date=quote_date, direct=False)  # fmt: skip
    return Article(
        id="s", body=STATEMENT, published="2024-11-02", source="Ledger",
        sentences=[Span(start=0, end=len(STATEMENT))],
        times=[
            TimeRef(text="Thursday", start=thursday, end=thursday + 8, value="2024-10-31",
                    precision="day"),
            TimeRef(text="August", start=august, end=august + 6, value="2024-08",
                    precision="month"),
        ],
        quotes=[quote] if with_quote else [],
    )  # fmt: skip


def test_statement_is_listed_under_its_cues_date_only() -> None:
    entries = timeline([_statement("2024-10-31")])
    assert [(e.date, e.expression) for e in entries] == [("2024-10-31", "Thursday")]


def test_statement_with_an_undated_cue_is_listed_under_each_date() -> None:
    assert [e.date for e in timeline([_statement(None)])] == ["2024-08", "2024-10-31"]
    assert [e.date for e in timeline([_statement(None, with_quote=False)])] == [
        "2024-08",
        "2024-10-31",
    ]
    # a dated quote whose cue was not located does not say which sentence it dates
    assert [e.date for e in timeline([_statement("2024-10-31", cue_at=False)])] == [
        "2024-08",
        "2024-10-31",
    ]


def test_dossier_coverage_lists_what_each_outlet_alone_has() -> None:
    a = _dated("a", "The council closed the Route 9 bridge on Tuesday after inspectors found "
               "deep cracks in two of its piers.", "Tuesday", "2025-03-04", "2025-03-05", "Courier")  # fmt: skip
    b = _dated("b", "Engineers will need at least four months to rebuild the damaged piers "
               "before traffic returns to Tuesday levels.", "Tuesday", "2025-03-04", "2025-03-05", "Ledger")  # fmt: skip
    dossier = fuse(Story(id="S1", articles=["a", "b"]), [a, b])
    alone = {s.name: [f.text for f in s.alone] for s in dossier.sources}
    assert alone["Courier"] == [a.body]
    assert alone["Ledger"] == [b.body]
    assert dossier.sources[0].first


def test_dateline_city_joins_the_place_entity() -> None:
    a = _article("a", [("Dunmore", "GPE")])
    b = Article(id="b", body="x", dateline="DUNMORE, Veloria")
    entities = merge_entities([a, b])
    dunmore = next(e for e in entities if e.name == "Dunmore")
    assert dunmore.articles == ["a", "b"]


def test_copies_of_one_report_are_compared_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """40 copies of a wire report with three figures, and one independent report: the figure
    pairs compared are those of one copy and the independent report, not of every copy; each
    claim still lists every copy's figure."""
    from newsloom.fuse import figures as fuse_figures

    wire = [_fig(300, "residents", "in Dunmore"), _fig(12, "workers", None, pred="injured"),
            _fig(4, "boats", None)]  # fmt: skip
    articles = [_figured(f"w{i}", list(wire), f"Paper {i}") for i in range(40)]
    articles.append(_figured("own", [_fig(300, "residents", "in Dunmore")], "Gazette"))
    report_of = {a.id: "w0" for a in articles[:40]} | {"own": "own"}
    calls = []
    real = fuse_figures._same_claim
    monkeypatch.setattr(fuse_figures, "_same_claim", lambda a, b: calls.append(1) or real(a, b))
    claims = {c.value: c for c in fuse_figures.figure_claims(articles, report_of)}
    assert len(calls) <= 6  # 4 distinct figures: at most 4·3/2 pairs, not 121·120/2
    residents = claims[300]
    assert len(residents.reports) == 41 and residents.independent_reports == 2
    assert residents.status == "corroborated"
    assert len(claims[12].reports) == 40 and claims[12].status == "single-source"


def test_the_same_figure_twice_in_one_page_stays_two_figures() -> None:
    from newsloom.fuse.figures import _one_per_report, claim_key

    twice = [_fig(5, "boats", None), _fig(5, "boats", None)]
    a, b = _figured("a", list(twice), "Wire"), _figured("b", list(twice), "Reprint")
    placed = [(x, f, claim_key(f)) for x in (a, b) for f in x.figures]
    reps, copies = _one_per_report(placed, {"a": "a", "b": "a"})
    assert len(reps) == 2 and copies == [[0, 2], [1, 3]]
