"""The dossier's shared facts and its Markdown rendering, on small hand-written stories."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsloom.fuse.coverage import coverage, item_backers, summary, unbalanced_quotes
from newsloom.fuse.entities import merge_entities
from newsloom.fuse.statements import is_heading
from newsloom.model import (
    Article,
    Dossier,
    Entity,
    FactRef,
    Figure,
    FigureClaim,
    FigureReport,
    Mention,
    QuoteGroup,
    QuoteVariant,
    Result,
    SourceCoverage,
    Span,
    Story,
    TimelineEntry,
    WordDiff,
)
from newsloom.render import markdown


def _article(aid: str, source: str, sentences: list[str]) -> Article:
    body, spans, at = "", [], 0
    for sentence in sentences:
        spans.append(Span(start=at, end=at + len(sentence)))
        body += sentence + " "
        at = len(body)
    return Article(id=aid, source=source, body=body.rstrip(), sentences=spans,
                   published="2025-03-05T10:00")  # fmt: skip


# ------------------------------------------------------------------------- shared by items


COURIER = [
    "Officials said on Tuesday that 41 families were moved out of the flooded valley overnight.",
    "The mayor toured the levee with engineers from the regional water board afterwards.",
]
LEDGER = [
    "Relocations reached 41 households according to a statement from city hall this week.",
    "Rain is expected to ease by the weekend across the northern districts of the province.",
]


def _figure_claim(a: Article, b: Article) -> FigureClaim:
    def report(article: Article) -> FigureReport:
        start = article.body.index("41")
        return FigureReport(article=article.id, text="41", start=start, end=start + 2,
                            outlet=article.source, value=41)  # fmt: skip

    return FigureClaim(value=41, counts="families", reports=[report(a), report(b)],
                       status="corroborated", independent_reports=2)  # fmt: skip


def test_a_sentence_holding_a_shared_figure_is_not_reported_alone() -> None:
    a, b = _article("a", "Courier", COURIER), _article("b", "Ledger", LEDGER)
    sources = [SourceCoverage(name="Courier", articles=["a"]),
               SourceCoverage(name="Ledger", articles=["b"])]  # fmt: skip
    # Worded too differently to match as text: without the figure, each would be "alone".
    coverage(sources, [a, b], [], [], {})
    assert COURIER[0] in [f.text for f in sources[0].alone]
    coverage(sources, [a, b], [], [_figure_claim(a, b)], {})
    assert [f.text for f in sources[0].alone] == [COURIER[1]]
    assert [f.text for f in sources[1].alone] == [LEDGER[1]]


def test_item_backers_ignore_items_of_one_article() -> None:
    a, b = _article("a", "Courier", COURIER), _article("b", "Ledger", LEDGER)
    claim = _figure_claim(a, b)
    lonely = FigureClaim(value=3, counts="levees", reports=[claim.reports[0]])
    items = item_backers([], [claim, lonely])
    assert [others for _, _, others in items["a"]] == [frozenset({"b"})]


def test_quote_marks_that_do_not_pair_up() -> None:
    assert unbalanced_quotes("Nobody came to look,” she said.")
    assert unbalanced_quotes("“We warned them twice.")
    assert unbalanced_quotes('He said "it held.')
    assert not unbalanced_quotes("“It held,” she said of the “old” levee.")
    assert not unbalanced_quotes("The levee held.")


def test_summary_lines_are_whole_statements_not_quote_fragments() -> None:
    fragment = "Nobody came to look at the cracked piers before the storm,” the engineer said."
    whole = "The engineer said nobody came to look at the cracked piers before the storm."
    a = _article("a", "Courier", ["“We warned them twice about it.", fragment])
    b = _article("b", "Ledger", [whole])
    lines = summary([a, b], {})
    assert lines and not any(unbalanced_quotes(line.text) for line in lines)
    assert set(lines[0].articles) == {"a", "b"}
    quoted = next(line.text for line in lines if line.text.startswith("“We warned"))
    assert quoted.endswith("the engineer said.")


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        ("2. Never urged a probe of the levee board", True),
        ("Ruiz: Claims against the board are “not credible”", True),
        ("The levee held.", False),
        ("“It held,” she said.", False),
        ("Did the levee hold?", False),
    ],
)
def test_a_subhead_is_no_sentence(text: str, heading: bool) -> None:
    assert is_heading(text) is heading


def test_summary_puts_subheads_after_sentences() -> None:
    subhead = "2. Pier warnings “ignored” for years"
    a = _article(
        "a", "Courier", [subhead, "The swollen river rose overnight across the lower valley farms."]
    )
    b = _article(
        "b",
        "Ledger",
        [subhead, "Road crews closed the old bridge to traffic after midnight on Tuesday."],
    )
    lines = summary([a, b], {})
    assert [line.text for line in lines][-1] == subhead  # backed by both, yet after sentences
    assert set(lines[-1].articles) == {"a", "b"}


# ------------------------------------------------------------------------------- markdown

EVIL = "<script>alert(1)</script> [click](http://evil.example) | pipe"


def _dossier() -> tuple[Result, Story]:
    a = _article("a", "Courier", COURIER)
    b = _article("b", "Ledger", LEDGER)
    story = Story(id="S1", title="Valley flood " + EVIL, articles=["a", "b"])
    claim = _figure_claim(a, b)
    claim.apart_from = ["12 levees: counts different things (families vs levees)"]
    other = FigureClaim(value=12, counts="levees", reports=[claim.reports[0]],
                        apart_from=["41 families: counts different things (families vs levees)"])  # fmt: skip
    quote = QuoteGroup(
        speaker="Ana Ruiz",
        longest="a",
        earliest="b",
        variants=[
            QuoteVariant(
                article="a", outlet="Courier", text="We warned them twice", start=5, end=25, words=4
            ),
            QuoteVariant(
                article="b",
                outlet="Ledger",
                text="We told them",
                start=3,
                end=15,
                words=3,
                diff=[
                    WordDiff(op="same", text="We"),
                    WordDiff(op="changed", text="told", other="warned"),
                    WordDiff(op="same", text="them"),
                    WordDiff(op="dropped", text="twice"),
                ],
            ),
        ],
    )
    dossier = Dossier(
        story="S1",
        sources=[
            SourceCoverage(
                name="Courier",
                articles=["a"],
                first=True,
                words=30,
                headline="Flood " + EVIL,
                alone=[FactRef(article="a", text=COURIER[1], start=91, end=175)],
                omits_quotes=[],
                alone_figures=[1],
            ),
            SourceCoverage(name="Ledger", articles=["b"], words=28, omits_figures=[1]),
        ],
        entities=[
            Entity(
                id="e1",
                name="Ana Ruiz",
                type="PERSON",
                aliases=["Ruiz", "Ana Ruiz"],
                articles=["a", "b"],
                mentions=3,
            )
        ],
        quotes=[quote],
        figures=[claim, other],
        timeline=[
            TimelineEntry(
                date="2025-03-04",
                text=COURIER[0],
                articles=["a", "b"],
                outlets=["Courier", "Ledger"],
                expression="Tuesday",
                first_reported="2025-03-05T10:00",
                start=0,
                end=90,
            )
        ],
    )
    return Result(articles=[a, b], stories=[story], dossiers={"S1": dossier}), story


def test_markdown_renders_every_dossier_section_with_sentence_pointers() -> None:
    result, _ = _dossier()
    text = markdown.render(result)
    for heading in ("### Coverage", "### Entities", "### Quotes", "### Figures", "### Timeline",
                    "### What each outlet alone reports", "### Articles"):  # fmt: skip
        assert heading in text
    assert "corroborated · 2 reports |" in text
    assert "\\[a:0–90\\]" in text  # the timeline points at its sentence
    assert "Ruiz" in text.split("### Entities")[1].split("###")[0]
    # The trimmed, reworded variant: the changed word in italics, the cut marked.
    assert "“We _told_ them \\[…\\]”" in text
    assert "longest" in text.split("- Courier (")[1].split("\n")[0]
    assert "earliest" in text.split("- Ledger (")[1].split("\n")[0]
    assert "only here, figure: 12 levees" in text
    assert "leaves out figure: 12 levees" in text


def test_markdown_says_each_kept_apart_pair_once() -> None:
    result, _ = _dossier()
    text = markdown.render(result)
    assert text.count("counts different things") == 1


def test_markdown_escapes_page_text() -> None:
    result, _ = _dossier()
    text = markdown.render(result)
    assert "<script>" not in text
    assert "](http" not in text
    assert "\\<script\\>" in text
    # A pipe in a headline cannot break the coverage table's columns.
    row = next(line for line in text.splitlines() if line.startswith("| Courier"))
    assert row.count(" | ") == 4


# ------------------------------------------------------------------------------- entities


def _mentioned(aid: str, mentions: list[tuple[str, str]]) -> Article:
    return Article(id=aid, body="", entities=[
        Mention(text=t, label=lab, start=0, end=len(t)) for t, lab in mentions])  # fmt: skip


def test_an_office_tagged_as_organisation_joins_the_person_it_names() -> None:

    a = _mentioned("a", [("Defense Marta Kowalski", "ORG"), ("Kowalski", "PERSON")])
    b = _mentioned("b", [("Marta Kowalski", "PERSON"), ("Defense Ministry", "ORG")])
    entities = {e.name: e for e in merge_entities([a, b])}
    assert "Defense Marta Kowalski" not in entities
    person = entities["Marta Kowalski"]
    assert person.type == "PERSON" and person.mentions == 3
    assert set(person.articles) == {"a", "b"}
    assert "Defense Ministry" in entities  # an organisation that names no one stays


def test_terminal_figure_row_shows_every_number_reported() -> None:
    from newsloom.render.terminal import _reported_as

    def report(outlet: str, value: float, who: str | None) -> FigureReport:
        return FigureReport(article=outlet.lower(), text="x", outlet=outlet, value=value,
                            attributed_to=who)  # fmt: skip

    agree = FigureClaim(value=2, reports=[report("A", 2, "chief"), report("B", 2, "chief")])
    assert _reported_as(agree) == "A (per chief); B (per chief)"
    reports = [report(o, 2, None) for o in "ABCD"] + [report("E", 3, "police")]
    differs = FigureClaim(value=2, status="differs", reports=reports)
    assert _reported_as(differs) == "2: A, B, C, D; 3: E (per police)"


# -------------------------------------------------------------------------------- figures


def _figure(value: float, counts: str | None, per: str | None = None) -> Figure:
    head = counts.split()[-1].rstrip("s") if counts else None
    return Figure(text=f"{value} {counts or ''}".strip(), start=0, end=5, value=value,
                  counts=counts, counts_head=head, per=per)  # fmt: skip


def _with(aid: str, source: str, figures: list[Figure]) -> Article:
    return Article(id=aid, body="x" * 50, figures=figures, source=source, published="2025-03-05")


def _claims_of(articles: list[Article]) -> list[set[str]]:
    from newsloom.fuse.figures import figure_claims

    claims = figure_claims(articles, {a.id: a.id for a in articles})
    return [{f"{r.article}:{r.text}" for r in c.reports} for c in claims]


def test_a_bare_number_joins_the_one_kind_that_agrees_with_it() -> None:
    a = _with("a", "Courier", [_figure(200, "people"), _figure(40, "homes")])
    b = _with("b", "Ledger", [_figure(200, None)])
    assert {"a:200 people", "b:200"} in _claims_of([a, b])


def test_a_bare_number_stays_alone_when_two_kinds_agree_with_it() -> None:
    a = _with("a", "Courier", [_figure(200, "people")])
    c = _with("c", "Sentinel", [_figure(200, "homes")])
    b = _with("b", "Ledger", [_figure(200, None)])
    assert {"b:200"} in _claims_of([a, b, c])


def test_a_dropped_rate_is_the_same_claim_across_outlets_only() -> None:
    a = _with("a", "Courier", [_figure(18000, "vehicles", per="day")])
    b = _with("b", "Ledger", [_figure(18000, "vehicles")])
    assert {"a:18000 vehicles", "b:18000 vehicles"} in _claims_of([a, b])
    same_page = _with("c", "Courier", [_figure(50, "trains", per="day"), _figure(50, "trains")])
    assert len(_claims_of([same_page])) == 2


# ------------------------------------------------------------------------------ omissions

THIRD = [
    "Officials said 41 families had been moved out of the flooded valley during the night.",
    "Schools across the district will stay closed until the county reopens the main roads.",
]


def test_each_outlet_lists_the_facts_others_report_that_it_left_out() -> None:
    a = _article("a", "Courier", COURIER)
    b = _article("b", "Ledger", LEDGER)
    c = _article("c", "Sentinel", THIRD)
    sources = [SourceCoverage(name=x.source or "", articles=[x.id]) for x in (a, b, c)]
    coverage(sources, [a, b, c], [], [], {})
    omits = {s.name: [f.text for f in s.omits] for s in sources}
    # Courier and Sentinel both report the evacuation; Ledger alone lacks it, and lists it once.
    evacuation = [t for t in omits["Ledger"] if "41 families" in t]
    assert len(evacuation) == 1
    assert not any("41 families" in t for t in omits["Courier"] + omits["Sentinel"])
    assert THIRD[1] in omits["Courier"] and THIRD[1] in omits["Ledger"]
    assert LEDGER[1] not in omits["Ledger"]


def test_with_two_outlets_omissions_are_the_other_outlets_own_facts() -> None:
    a, b = _article("a", "Courier", COURIER), _article("b", "Ledger", LEDGER)
    sources = [SourceCoverage(name="Courier", articles=["a"]),
               SourceCoverage(name="Ledger", articles=["b"])]  # fmt: skip
    coverage(sources, [a, b], [], [], {})
    assert sources[0].omits == [] and sources[1].omits == []
    assert sources[0].alone and sources[1].alone  # said there, once


# ---------------------------------------------------------------------- web page and report


def test_story_page_and_report_list_each_outlets_own_and_missing_facts(tmp_path: Path) -> None:
    from newsloom.store import Store
    from newsloom.web.data import Catalog
    from newsloom.web.dossier import story_page
    from newsloom.web.fixtures import fixture_store
    from newsloom.web.report import story_report

    db = fixture_store(tmp_path / "fixture.db")
    hostile = "<script>alert(1)</script> Only this outlet saw the second ferry turn back."
    with Store(db) as store:
        stories = store.stories()
        dossiers = {s.id: store.dossier(s.id) for s in stories}
        dossier = dossiers["S1"]
        first = dossier.sources[0]
        second = next(s for s in dossier.sources[1:] if s.independent)
        copy = next(s for s in dossier.sources if not s.independent)
        first.alone = [FactRef(article=first.articles[0], text=hostile, start=0, end=10)]
        second.omits = [FactRef(article=first.articles[0], text=hostile, start=0, end=10)]
        copy.omits = list(second.omits)
        store.replace_stories(stories, dossiers)
    catalog = Catalog(db)
    try:
        page = story_page(catalog, "S1")
    finally:
        catalog.close()
    only = {o.outlet: o.items for o in page.omissions.only}
    assert [f.text for f in only[first.name]] == [hostile]
    assert only[first.name][0].article is not None
    assert only[first.name][0].article.id == first.articles[0]
    # What one outlet alone reports, every other leaves out: listed once, under that outlet.
    assert all(row.item.text != hostile for row in page.omissions.left_out)
    assert copy.name not in only  # a copy's facts are its original's
    html = story_report(db, "S1")
    section = html.split('<section id="alone">')[1].split("</section>")[0]
    assert section.count("Only this outlet saw the second ferry") == 1
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Only this outlet" in section
    assert "<script>" not in section
    assert "Reported by one outlet alone" in section


def test_a_quote_inside_a_listed_sentence_is_not_listed_again() -> None:
    from newsloom.fuse.coverage import items_beyond_facts

    result, _ = _dossier()
    dossier = result.dossiers["S1"]
    courier = dossier.sources[0]
    variant = dossier.quotes[0].variants[0]  # Courier's, at 5–25 of article "a"
    courier.alone_quotes = [0]
    courier.alone = [FactRef(article="a", text="…", start=0, end=40)]
    assert items_beyond_facts(dossier, courier).alone_quotes == []
    courier.alone = [FactRef(article="a", text="…", start=20, end=90)]  # the quote's last words
    assert items_beyond_facts(dossier, courier).alone_quotes == []
    courier.alone = [FactRef(article="a", text="…", start=variant.end, end=90)]
    assert items_beyond_facts(dossier, courier).alone_quotes == [0]


# ----------------------------------------------------------------------------- statements


def test_a_quotation_over_two_sentences_is_one_statement() -> None:
    from newsloom.fuse.statements import statement_spans

    article = _article(
        "a",
        "Courier",
        [
            "“The sea was very angry this morning.",
            "The captain should never have been allowed to sail,” said Ana Ruiz.",
            "Divers searched the hull on Sunday.",
        ],
    )
    spans = statement_spans(article)
    texts = [article.body[s:e] for s, e in spans]
    assert texts[0].startswith("“The sea") and texts[0].endswith("said Ana Ruiz.")
    assert texts[1] == "Divers searched the hull on Sunday."


def test_a_statement_stops_at_a_paragraph_break_and_after_a_few_sentences() -> None:
    from newsloom.fuse.statements import MAX_SENTENCES, statement_spans

    body = "“It began in the hall.\n\nFirefighters came at six."
    article = Article(id="a", body=body, sentences=[Span(start=0, end=22), Span(start=24, end=49)])
    assert statement_spans(article) == [(0, 22), (24, 49)]
    unclosed = _article("b", "Ledger", ["“One."] + ["More words here."] * (MAX_SENTENCES + 2))
    spans = statement_spans(unclosed)
    assert spans[0] == (unclosed.sentences[0].start, unclosed.sentences[MAX_SENTENCES - 1].end)
    assert len(spans) == 1 + (MAX_SENTENCES + 3) - MAX_SENTENCES


def test_a_surname_tagged_as_a_place_joins_the_person_when_the_story_says_so() -> None:

    a = _mentioned("a", [("Ramon Ilagan", "PERSON"), ("Ilagan", "PERSON"), ("Ilagan", "GPE")])
    b = _mentioned("b", [("Ilagan", "PERSON"), ("Iloca", "GPE")])
    names = {e.name: e for e in merge_entities([a, b])}
    assert "Ilagan" not in names and names["Ramon Ilagan"].mentions == 4
    # A city that shares a surname, tagged as a place more often than as a person, stays.
    c = _mentioned("c", [("Lloyd Austin", "PERSON"), ("Austin", "PERSON"), ("Austin", "GPE"),
                        ("Austin", "GPE")])  # fmt: skip
    names = {e.name: e for e in merge_entities([c])}
    assert names["Austin"].type == "GPE" and names["Lloyd Austin"].mentions == 2


def test_a_surname_tagged_as_an_organisation_joins_the_one_person_bearing_it() -> None:

    a = _mentioned("a", [("Ximena Carrasco", "PERSON"), ("Carrasco", "ORG")])
    b = _mentioned("b", [("Carrasco", "ORG"), ("Carrasco", "PERSON")])
    names = {e.name: e for e in merge_entities([a, b])}
    assert "Carrasco" not in names and names["Ximena Carrasco"].mentions == 4
    # Two people share the surname: the organisation-tagged word cannot be told apart.
    c = _mentioned("c", [("Ana Vidal", "PERSON"), ("Luis Vidal", "PERSON"), ("Vidal", "ORG")])
    assert "Vidal" in {e.name for e in merge_entities([c])}


def test_a_one_word_person_named_like_a_town_or_company_is_that_town_or_company() -> None:
    a = _mentioned("a", [("Brennick", "PERSON"), ("Brennick", "PERSON"), ("Brennick", "GPE"),
                        ("Vossberg", "ORG"), ("Vossberg", "ORG"), ("Vossberg", "PERSON")])  # fmt: skip
    entities = merge_entities([a])
    assert sorted((e.name, e.type, e.mentions) for e in entities) == [
        ("Brennick", "GPE", 3),
        ("Vossberg", "ORG", 3),
    ]
    # A one-word person with a full name in the story stays a person.
    b = _mentioned("b", [("Dana Brennick", "PERSON"), ("Brennick", "PERSON"), ("Brennick", "GPE"),
                        ("Brennick", "GPE")])  # fmt: skip
    people = [e for e in merge_entities([b]) if e.type == "PERSON"]
    assert [(e.name, e.mentions) for e in people] == [("Dana Brennick", 2)]


def test_office_words_before_a_name_are_titles() -> None:
    from newsloom.fuse.names import person_key

    assert person_key("Executive Officer Laura Benning") == person_key("Laura Benning")
    assert person_key("Fire Marshal Carla Deane") == person_key("Carla Deane")


def test_markdown_writes_figures_as_a_reader_would() -> None:
    assert markdown._number(4_099_999_999.9999995) == "4,100,000,000"
    assert markdown._number(3.4) == "3.4"
    assert markdown._number(1200) == "1,200"


def test_a_name_tagged_a_person_once_and_a_ship_more_often_is_the_ship() -> None:
    a = _mentioned("a", [("Margaret Hale", "FAC"), ("Margaret Hale", "FAC"),
                        ("Margaret Hale", "PERSON")])  # fmt: skip
    assert [(e.name, e.type, e.mentions) for e in merge_entities([a])] == [
        ("Margaret Hale", "FAC", 3)
    ]
    # Named as a person more often: the person stays, beside the thing.
    b = _mentioned("b", [("Margaret Hale", "FAC"), ("Margaret Hale", "PERSON"),
                        ("Margaret Hale", "PERSON")])  # fmt: skip
    assert sorted(e.type for e in merge_entities([b])) == ["FAC", "PERSON"]


def test_a_person_tag_on_a_company_name_is_undone() -> None:
    a = _mentioned("a", [("Halden Polymer Works", "PERSON"), ("Halden Polymer Works", "FAC"),
                         ("Ana Ruiz", "PERSON"), ("Works", "PERSON")])  # fmt: skip
    entities = {e.name: e for e in merge_entities([a])}
    assert "Works" not in entities
    assert entities["Halden Polymer Works"].type == "FAC"
    assert entities["Halden Polymer Works"].mentions == 2
    assert entities["Ana Ruiz"].type == "PERSON"


def test_the_company_as_a_speaker_is_the_one_company_of_the_story() -> None:
    from newsloom.fuse.entities import speaker_entity

    plant = Entity(id="E1", name="Halden Polymer Works", type="FAC")
    union = Entity(id="E2", name="Transit Workers Local", type="ORG")
    person = Entity(id="E3", name="Ana Ruiz", type="PERSON", aliases=["Ana Ruiz", "Ruiz"])
    assert speaker_entity("the company", [plant, union, person]) == "E1"
    assert speaker_entity("The union", [plant, union, person]) == "E2"
    assert speaker_entity("Ruiz", [plant, union, person]) == "E3"
    other = Entity(id="E4", name="Vossberg Foods", type="ORG")
    assert speaker_entity("the company", [plant, other]) is None  # two companies: unknown
    assert speaker_entity("company officials", [plant]) is None
