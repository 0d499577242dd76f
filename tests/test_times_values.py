"""Time-expression values: the TIMEX3 forms added for issue 17 (hand-written sentences)."""

from __future__ import annotations

from datetime import date

from newsloom.annotate.times import find_times

SATURDAY = date(2024, 11, 2)


def values(text: str, anchor: date | None = SATURDAY) -> dict[str, str | None]:
    return {ref.text: ref.value for ref in find_times(text, anchor)}


def test_count_in_words_before_a_singular_unit_and_a_noun_is_a_duration() -> None:
    found = values("Farmers began a three day march and shares hit a five year low.")
    assert found == {"three day": "P3D", "five year": "P5Y"}


def test_count_in_digits_before_a_singular_unit_is_not_a_duration() -> None:
    assert "1988 second" not in values("Profit in the 1988 second quarter fell.")
    assert values("They waited two day.") == {}  # no noun after it: not a compound adjective


def test_spoken_tens_and_ones_with_a_space_are_one_count() -> None:
    assert values("The talks lasted twenty four hours.") == {"twenty four hours": "PT24H"}
    assert values("The talks lasted twenty-four hours.") == {"twenty-four hours": "PT24H"}


def test_that_year_takes_the_year_named_before_it() -> None:
    text = "The mayor left in June 2021 and came back later that year."
    assert values(text) == {"June 2021": "2021-06", "later that year": "2021"}


def test_anaphors_cut_and_shift_the_last_date() -> None:
    text = "The board met on March 3, 2022. That same day it sold a plant; the following month it hired."
    found = values(text)
    assert found["That same day"] == "2022-03-03"
    assert found["the following month"] == "2022-04"


def test_quarter_anaphor_after_a_day() -> None:
    text = "Sales were counted on Aug. 9, 2023, and results for that quarter improved."
    assert values(text)["that quarter"] == "2023-Q3"


def test_anaphor_without_an_earlier_date_is_dropped() -> None:
    assert values("Nobody knew what happened that day.") == {}


def test_anaphor_finer_than_its_antecedent_is_dropped() -> None:
    assert "that day" not in values("The bridge opened in 2019. Crowds came that day.")


def test_that_week_and_a_year_anaphor_after_a_year() -> None:
    found = values("Rain fell on Friday, Nov. 1, 2024, and that week the river rose.")
    assert found["that week"] == "2024-W44"
    assert values("The law passed in 2010 and took effect the following year.") == {
        "2010": "2010",
        "the following year": "2011",
    }


def test_at_unit_cuts_each_granularity() -> None:
    from newsloom.annotate.timex_anaphora import at_unit

    assert at_unit("2021-06", "Q", 0) == "2021-Q2"
    assert at_unit("2021-06", "M", 1) == "2021-07"
    assert at_unit("2021-Q3", "Y", 1) == "2022"
    assert at_unit("2021-Q3", "Q", 1) == "2021-Q4"
    assert at_unit("2021-06-30T13:00", "D", 1) == "2021-07-01"
    assert at_unit("2021-06", "D", 0) is None
    assert at_unit("2021", "M", 0) is None


def test_season_named_alone_is_the_last_one_begun() -> None:
    found = values("Sales slowed over the summer, and the early spring was worse.")
    assert found == {"the summer": "2024-SU", "the early spring": "2024-SP"}
    assert values("Sales slowed in the winter of 2019.") == {"the winter of 2019": "2019-WI"}


def test_season_ahead_in_a_future_sentence() -> None:
    assert values("The bridge will reopen in the summer.") == {"the summer": "2025-SU"}
    assert values("The fair will return in the fall.") == {"the fall": "2024-FA"}


def test_season_word_without_the_or_a_year_is_not_a_time() -> None:
    assert values("Summer jobs are scarce and prices fall quickly.") == {}
    assert values("Nobody expected the fall of the old council.") == {}


def test_resolve_season_winter_and_ahead() -> None:
    from newsloom.annotate.timex_calendar import resolve_season

    assert resolve_season(date(1998, 2, 10), "WI", ahead=False) == 1998
    assert resolve_season(date(2024, 4, 1), "SU", ahead=False) == 2023
    assert resolve_season(date(2024, 4, 1), "SU", ahead=True) == 2024
    assert resolve_season(date(2024, 10, 1), "SU", ahead=True) == 2025


def test_years_and_decades_in_words() -> None:
    found = values("Prices last peaked in the winter of nineteen eighty-six.")
    assert found == {"the winter of nineteen eighty-six": "1986-WI"}
    assert values("The plan runs to the year two thousand.") == {"the year two thousand": "2000"}
    assert values("She sold two thousand copies.") == {}
    assert values("Crime fell through the nineties.") == {"the nineties": "199"}
    assert values("Rents rose in the nineteen seventies.") == {"the nineteen seventies": "197"}
    assert values("Most buyers are in their twenties.") == {}


def test_recurring_weekdays_are_sets() -> None:
    refs = {r.text: (r.value, r.type) for r in find_times("Buses leave each Thursday.", SATURDAY)}
    assert refs == {"each Thursday": ("XXXX-WXX-4", "SET")}
    assert values("The club meets on Tuesdays and on Friday nights.") == {
        "Tuesdays": "XXXX-WXX-2",
        "Friday nights": "XXXX-WXX-5TNI",
    }
    assert values("The club met on Friday night.") == {"Friday night": "2024-11-01TNI"}


def test_the_year_in_a_report_is_the_anchor_year() -> None:
    found = values("Profit for the full year rose, and the fiscal year looks strong.")
    assert found == {"the full year": "2024", "the fiscal year": "2024"}


def test_the_year_ending_and_the_whole_year_are_lengths() -> None:
    refs = find_times("Net fell in the year ended June 30; it rained the whole year.", SATURDAY)
    assert {(r.text, r.value, r.type) for r in refs} == {
        ("the year", "P1Y", "DURATION"),
        ("June 30", "2024-06-30", "DATE"),
        ("the whole year", "P1Y", "DURATION"),
    }


def test_the_year_before_an_event_is_not_the_anchor_year() -> None:
    assert values("He moved away the year before the flood.") == {}


def test_second_day_of_a_coordinated_date() -> None:
    assert values("The summit meets on April 24 and 25 in Lisbon.") == {
        "April 24": "2024-04-24",
        "25": "2024-04-25",
    }
    assert values("On April 24 and 25 people were hurt.") == {"April 24": "2024-04-24"}


def test_halves_of_a_year() -> None:
    assert values("Profit fell in the last half of 2019.") == {"the last half of 2019": "2019-H2"}
    found = values("Orders rose through the first two quarters of 2020.")
    assert found == {"the first two quarters of 2020": "2020-H1"}
    assert "the last two quarters" not in values("Sales in the last two quarters rose.")


def test_the_week_of_a_date_is_its_iso_week() -> None:
    assert values("A hearing is set for the week of March 6, 2023.") == {
        "the week of March 6, 2023": "2023-W10"
    }
    assert values("Crowds came on the weekend of Nov. 9, 2024.") == {
        "the weekend of Nov. 9, 2024": "2024-W45-WE"
    }


def test_part_of_day_with_a_modifier_is_on_the_anchor_day() -> None:
    refs = find_times("By mid-afternoon yesterday the river had crested.", SATURDAY)
    assert [(r.text, r.value, r.mod) for r in refs] == [
        ("mid-afternoon yesterday", "2024-11-01TAF", "MID")
    ]
    assert values("Crews arrived in the early evening.") == {"early evening": "2024-11-02TEV"}
    assert values("The evening was calm.") == {}  # no modifier: not claimed


def test_and_a_half_goes_to_the_next_smaller_unit() -> None:
    assert values("They lived in camps for 2 1/2 years.") == {"2 1/2 years": "P2Y6M"}
    assert values("The talks lasted an hour and a half.") == {"an hour and a half": "PT1H30M"}
    assert values("The storm lasted a day and a half.") == {"a day and a half": "P1DT12H"}
    assert values("Repairs took 1 1/2 months.") == {"1 1/2 months": "P1.5M"}  # no whole half


def test_one_day_after_a_modal_is_the_future() -> None:
    assert values("The line will one day reach the coast.") == {"one day": "FUTURE_REF"}
    assert values("The line was closed for one day last week.")["one day"] == "P1D"


def test_title_case_name_in_quotes_is_not_a_time() -> None:
    assert values('She said on the show "This Week" that talks had stalled.') == {}
    assert values("She said this week that talks had stalled.") == {"this week": "2024-W44"}


def test_the_next_day_follows_the_last_day_named() -> None:
    text = "The judge ruled on March 3, 2022. The clerk filed the next morning."
    assert values(text)["the next morning"] == "2022-03-04"
    # "the next month" is still counted from the anchor, not from the day named before it
    found = values("The judge ruled on March 3, 2022. The next month will be busy.")
    assert found["The next month"] == "2024-12"
