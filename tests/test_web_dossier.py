"""The dossier page's wording and layout decisions, on small hand-built dossiers.

A wire report and its reprints are one report ("1 report · 3 copies"), identical quote copies are
one wording, each omitted fact is listed once, chart labels stay inside their drawing and dots
do not sit on top of each other, and reported speech never looks like a quote.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

import pytest

from newsloom.model import (
    Article,
    CopyGroup,
    Dossier,
    FactRef,
    FigureClaim,
    FigureReport,
    QuoteGroup,
    QuoteVariant,
    Result,
    SourceCoverage,
    Story,
    TimelineEntry,
)
from newsloom.render import markdown
from newsloom.render.counts import claim_reports, count_reports, reports_copies
from newsloom.web import pages
from newsloom.web.charts import LABEL_GAP, NARROW, WIDE, time_strip, timeline_chart
from newsloom.web.dossier import ArticleRef, clip_label, figure_view, quote_view
from newsloom.web.omissions import FactItem, omissions
from webclient import Client, _close

OUTLETS = {"a": "Wire", "b": "Gazette", "c": "Herald", "d": "Courier", "e": "Ledger"}


def ref(article: str) -> ArticleRef:
    n = sorted(OUTLETS).index(article) + 1 if article in OUTLETS else 0
    return ArticleRef(n, article, OUTLETS.get(article, "?"), None, None, 0, None, None, [])


def _variant(article: str, text: str) -> QuoteVariant:
    return QuoteVariant(article=article, text=text, start=0, end=len(text))


# ------------------------------------------------------------------------------- wording


@pytest.mark.parametrize(
    ("reports", "copies", "text"),
    [(1, 0, "1 report"), (1, 3, "1 report · 3 copies"), (2, 1, "2 reports · 1 copy")],
)
def test_reports_and_copies_are_worded_apart(reports: int, copies: int, text: str) -> None:
    assert reports_copies(reports, copies) == text


def test_a_figure_reprinted_by_three_papers_is_one_report() -> None:
    claim = FigureClaim(
        value=320,
        counts="people",
        status="single-source",
        reports=[
            FigureReport(article="a", text="about 320 people", report="a"),
            FigureReport(article="b", text="about 320 people", report="a"),
            FigureReport(article="c", text="about 320 people", report="a"),
            FigureReport(article="e", text="about 320 people", report="a"),
        ],
    )
    view = figure_view(claim, ref, {})
    assert view.backing == "1 report · 3 copies"
    # One row for the one wording, with every article that prints it.
    assert [[a.id for a in r.articles] for r in view.reports] == [["a", "b", "c", "e"]]
    assert view.reports[0].outlets == ["Wire", "Gazette", "Herald", "Ledger"]


def test_a_figure_without_report_ids_takes_them_from_the_copy_groups() -> None:
    claim = FigureClaim(
        value=4,
        reports=[
            FigureReport(article="a", text="four"),
            FigureReport(article="b", text="4"),
            FigureReport(article="d", text="four"),
        ],
    )
    assert claim_reports(claim, {"b": "a"}) == (2, 1)
    assert claim_reports(claim, {}) == (3, 0)  # the else branch: each page its own report
    assert count_reports(["a", "a", "b"], {"b": "a"}) == (1, 1)  # an article counts once


def test_markdown_and_terminal_word_figures_as_the_page_does() -> None:
    body = "Officials said about 320 people work there."
    articles = [
        Article(id=i, input=f"{i}.html", digest=i, body=body, source=OUTLETS[i]) for i in "abc"
    ]
    story = Story(
        id="S1",
        articles=["a", "b", "c"],
        copy_groups=[CopyGroup(id="C1", articles=["a", "b", "c"], earliest="a")],
    )
    claim = FigureClaim(
        value=320,
        counts="people",
        status="single-source",
        reports=[FigureReport(article=i, text="about 320 people") for i in "abc"],
    )
    quote = QuoteGroup(
        speaker="Ana Ruiz",
        longest="a",
        variants=[
            QuoteVariant(article=i, outlet=OUTLETS[i], text="We will rebuild.", start=0, end=16)
            for i in "abc"
        ],
    )
    dossier = Dossier(story="S1", figures=[claim], quotes=[quote])
    text = markdown.render(Result(articles=articles, stories=[story], dossiers={"S1": dossier}))
    assert "single-source · 1 report · 2 copies" in text
    assert "**Ana Ruiz** · same words in 3 articles (1 report · 2 copies)" in text

    from io import StringIO

    from rich.console import Console

    from newsloom.render.terminal import print_story

    out = StringIO()
    print_story(Console(file=out, width=200), story, dossier, articles)
    printed = out.getvalue()
    assert "single-source · 1 report · 2 copies" in printed
    assert "Ana Ruiz · same words in 3 articles (1 report · 2 copies)" in printed
    # The three copies are one line, with their outlets (not three "versions").
    assert printed.count("“We will rebuild.”") == 1 and "Wire, Gazette, Herald: “We" in printed


@pytest.mark.parametrize(
    ("texts", "summary"),
    [
        (["We will rebuild the pier.", "we will rebuild the pier"], "same words in 2 articles"),
        (["We will rebuild the pier.", "rebuild the pier"], "2 versions in 2 articles"),
    ],
)
def test_quote_wording_is_the_same_in_every_renderer(texts: list[str], summary: str) -> None:
    from newsloom.render.counts import quote_backing

    pairs = list(zip("ab", texts, strict=True))
    said = quote_backing(pairs, {})
    web = quote_view(QuoteGroup(variants=[_variant(a, t) for a, t in pairs]), ref, {}, {})
    assert said == web.summary and said.startswith(summary)
    assert quote_backing([("a", "We will rebuild."), ("b", "We shall rebuild.")], {}).endswith(
        "worded differently"
    )


# -------------------------------------------------------------------------------- quotes


def test_identical_quote_copies_fold_into_one_wording_with_their_outlets() -> None:
    words = "We had flames coming through the roof, and that's what drove the decision."
    group = QuoteGroup(
        speaker="Samuel Oduya",
        variants=[
            _variant("a", words),
            _variant("b", words.replace("that's", "that’s")),  # a reprint's curly apostrophe
            _variant("c", words.upper()),
            _variant("d", "and that's what drove the decision."),  # trimmed by another outlet
        ],
    )
    view = quote_view(group, ref, {}, {"b": "a", "c": "a"})
    assert [[a.id for a in v.articles] for v in view.variants] == [["a", "b", "c"], ["d"]]
    assert view.variants[0].reference and not view.variants[1].reference
    assert view.summary == "2 versions in 4 articles (2 reports · 2 copies): some trimmed"


@pytest.mark.parametrize(
    ("texts", "copies", "summary"),
    [
        (["Stay away from the north side.", "stay away from the north side"], {"b": "a"},
         "same words in 2 articles (1 report · 1 copy)"),
        (["Stay away from the north side."], {}, "1 article"),
        (["Stay away from the north side.", "Keep away from the north side."], {},
         "2 versions in 2 articles (2 reports): worded differently"),
    ],
)  # fmt: skip
def test_a_quote_heading_never_calls_copies_versions(
    texts: list[str], copies: dict[str, str], summary: str
) -> None:
    group = QuoteGroup(variants=[_variant(a, t) for a, t in zip("ab", texts, strict=False)])
    assert quote_view(group, ref, {}, copies).summary == summary


# ----------------------------------------------------------------------------- omissions

_FIRE = "Crews from six fire departments were still pouring water on the smoldering drums."
_FIRE_2 = "Crews from six fire departments kept pouring water on smoldering drums overnight."
_MAYOR = "“Please stay away from the north side,” Mayor Denise Arkwright wrote on Tuesday."
_ALONE = "The plant was cited by state workplace safety inspectors last year for two violations."


def _fact(article: str, text: str, start: int = 0) -> FactRef:
    return FactRef(article=article, text=text, start=start, end=start + len(text))


def _omissions_dossier() -> Dossier:
    quote = QuoteGroup(
        speaker="Denise Arkwright",
        variants=[QuoteVariant(article="a", text="Please stay away", start=500, end=516)],
    )
    lone_quote = QuoteGroup(
        speaker="Rita Vance",
        variants=[QuoteVariant(article="b", text="We knocked on every door", start=0, end=24)],
    )
    figure = FigureClaim(value=250, counts="cots", reports=[FigureReport(article="d", text="x")])
    return Dossier(
        story="S1",
        quotes=[quote, lone_quote],
        figures=[figure],
        sources=[
            SourceCoverage(name="Wire", articles=["a"], alone=[_fact("a", _ALONE, 900)]),
            SourceCoverage(
                name="Gazette",
                articles=["b"],
                omits=[_fact("a", _FIRE, 100), _fact("a", _ALONE, 900), _fact("a", _MAYOR, 490)],
                alone_quotes=[1],
                omits_figures=[0],
            ),
            SourceCoverage(
                name="Herald",
                articles=["c"],
                # The same fact, told by another outlet's sentence: one row, two outlets.
                omits=[_fact("d", _FIRE_2, 40), _fact("a", _ALONE, 900)],
                omits_quotes=[0],  # inside the mayor's sentence, already listed
                omits_figures=[0],
            ),
            SourceCoverage(name="Courier", articles=["d"]),
            SourceCoverage(
                name="Reprint", articles=["e"], independent=False, omits=[_fact("b", _FIRE_2)]
            ),
        ],
    )


def _label_quote(dossier: Dossier) -> Any:
    return lambda i: FactItem("quote", dossier.quotes[i].variants[0].text, speaker="x")


def test_each_omitted_fact_is_listed_once_with_the_outlets_that_lack_it() -> None:
    dossier = _omissions_dossier()
    found = omissions(dossier, ref, _label_quote(dossier), lambda i: "250 cots")
    assert [(o.outlet, [i.text for i in o.items]) for o in found.only] == [
        ("Wire", [_ALONE]),
        ("Gazette", ["We knocked on every door"]),
    ]
    rows = [(r.item.kind, r.item.text, r.missing) for r in found.left_out]
    # The fact the wire alone reports is not repeated under the outlets that lack it; the fire
    # is one row (two outlets worded it); the mayor's quote joins her sentence's row; the figure
    # is one row with both outlets; the reprint (a copy) lists nothing of its own.
    assert rows == [
        ("fact", _FIRE, ["Gazette", "Herald"]),
        ("fact", _MAYOR, ["Gazette", "Herald"]),
        ("figure", "250 cots", ["Gazette", "Herald"]),
    ]
    assert found.left_out[0].item.article is not None
    assert found.left_out[0].item.article.id == "a"


def test_no_omissions_is_empty() -> None:
    dossier = Dossier(story="S", sources=[SourceCoverage(name="Wire", articles=["a"])])
    assert not omissions(dossier, ref, _label_quote(dossier), str)


# -------------------------------------------------------------------------------- labels


@pytest.mark.parametrize(
    ("label", "clipped"),
    [
        ("Calloway County Office of Emergency Management", "Calloway County Office…"),
        ("Port Calloway", "Port Calloway"),
        ("Supercalifragilisticexpialidocious", "Supercalifragilisticexp…"),  # one long word
    ],
)
def test_matrix_labels_are_cut_at_a_word(label: str, clipped: str) -> None:
    assert clip_label(label) == clipped and len(clip_label(label)) <= 24


def _articles(times: dict[str, str]) -> dict[str, Article]:
    return {
        a: Article(id=a, input=a, digest=a, body="x", source=OUTLETS[a], published=t)
        for a, t in times.items()
    }


def test_time_strip_labels_stay_inside_the_drawing() -> None:
    articles = _articles(
        {"a": "2025-03-04T13:55", "b": "2025-03-05T08:00", "c": "2025-03-06T17:45"}
    )
    sources = [SourceCoverage(name=OUTLETS[a], articles=[a]) for a in articles]
    for layout in (WIDE, NARROW):
        strip = time_strip(sources, articles, set(), layout)
        last = strip.ticks[-1]
        assert last.anchor == "end" and last.label == "March 6 17:45"  # the axis shows its end
        for tick in strip.ticks:
            size = layout.text_width(tick.label)
            left = {"start": tick.x, "end": tick.x - size}.get(tick.anchor, tick.x - size / 2)
            assert left >= 0 and left + size <= layout.width, (layout.name, tick)
    narrow = time_strip(sources, articles, set(), NARROW)
    assert narrow.label_anchor == "start" and narrow.ticks[0].anchor == "start"
    # Each outlet's name sits above its row of dots, not beside it.
    assert all(r.label_y < r.y - 8 for r in narrow.rows)


def test_axis_labels_never_overlap_and_the_last_one_wins() -> None:
    days = [f"2025-03-{d:02d}" for d in (1, 2, 3, 20, 21)]
    chart = timeline_chart([TimelineEntry(date=d, text=d, articles=["a"]) for d in days], NARROW)
    assert chart is not None and chart.ticks[-1].label == "March 21, 2025"
    shares = {"start": 0.0, "end": 1.0}
    spans = sorted(
        (t.x - NARROW.text_width(t.label) * shares.get(t.anchor, 0.5), NARROW.text_width(t.label))
        for t in chart.ticks
    )
    for (left, size), (next_left, _) in pairwise(spans):
        assert left + size + LABEL_GAP <= next_left + 0.01


def test_timeline_dots_a_day_apart_stack_instead_of_overlapping() -> None:
    entries = [
        TimelineEntry(date=d, text=f"{d} {i}", articles=list("abcde"[: 1 + i % 3]))
        for i, d in enumerate(["2025-03-04", "2025-03-04", "2025-03-05", "2025-03-06"])
    ] + [TimelineEntry(date="2025-01-10", text="long before", articles=["a"])]
    chart = timeline_chart(entries)
    assert chart is not None
    points = chart.points
    assert len({p.y for p in points}) > 1  # some dots moved up a line
    for i, p in enumerate(points):
        for q in points[i + 1 :]:
            if p.y == q.y:
                assert abs(p.x - q.x) >= p.r + q.r, (p.date, q.date)
    assert all(p.y - p.r > 0 for p in points)  # every line fits in the drawing
    lone = timeline_chart(entries[-1:])
    assert lone is not None and {p.y for p in lone.points} == {lone.axis_y - 30}


# ---------------------------------------------------------------------- quote vs reported


def test_reported_speech_is_never_dressed_as_a_quote(app: Any) -> None:
    page = pages.article_page(app.state.web.catalog, "ferry-harbor")
    assert page.counts["quote"] == 1 and page.counts["said"] == 1
    notes = [s.note for para in page.paragraphs for s in para if "said" in s.kinds]
    assert notes and all(n.startswith("reported speech, not a quote") for n in notes)
    html = Client(app).get("/articles/ferry-harbor").text
    side = html.split('class="side-list said-list"')[1].split("</ul>")[0]
    assert '<q class="said-quote">the company knows what it owes</q>' in side
    assert '<span class="said-paraphrase">talks would open on Thursday</span>' in side
    assert "<q" not in side.split("talks would open")[0].rsplit("<li", 1)[1]
    assert 'class="hl-said"' in html and "Reported speech" in html


@pytest.fixture
def app(tmp_path: Any) -> Any:
    from newsloom.web import WebSettings, create_app
    from newsloom.web.fixtures import fixture_store

    built = create_app(WebSettings(db=fixture_store(tmp_path / "fixture.db")))
    yield built
    _close(built)


def test_long_sections_fold_behind_and_n_more(tmp_path: Any) -> None:
    from newsloom.store import Store
    from newsloom.web import WebSettings, create_app
    from newsloom.web.dossier import Shown
    from newsloom.web.fixtures import fixture_store

    db = fixture_store(tmp_path / "long.db")
    with Store(db) as store:
        stories = store.stories()
        dossiers = {s.id: store.dossier(s.id) for s in stories}
        dossiers["S2"].figures += [
            FigureClaim(
                value=n,
                counts="boats",
                reports=[FigureReport(article="mill-courier", text=f"{n} boats")],
            )
            for n in range(100, 125)
        ]
        store.replace_stories(stories, dossiers)
    built = create_app(WebSettings(db=db))
    try:
        html = Client(built).get("/stories/S2").text
    finally:
        _close(built)
    section = html.split('<section id="figures">')[1].split("</section>")[0]
    shown, folded = section.split('<details class="more">')
    assert shown.count('<tr class="fig-') == Shown().figures
    assert "and 6 more figures" in folded and folded.count('<tr class="fig-') == 6
    assert "124 boats" in folded  # every row is still on the page, one click away
