"""Dates in words (``render.dates``), and every renderer showing them instead of ISO codes."""

from __future__ import annotations

from datetime import date

import pytest
from rich.console import Console

from newsloom.model import Article, Dossier, Result, Story, TimelineEntry, TimeRef
from newsloom.render import markdown, terminal
from newsloom.render.dates import day_text, human_date, human_time, month_text
from newsloom.web.charts import timeline_chart


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("2025-02-24", "Feb. 24, 2025"),
        ("2025-03-06", "March 6, 2025"),
        ("2024-09-12", "Sept. 12, 2024"),
        ("2024-11-02T15:38", "Nov. 2, 2024, 3:38 p.m."),
        ("2024-11-02T15:38:00-04:00", "Nov. 2, 2024, 3:38 p.m."),
        ("2024-11-02T09:00", "Nov. 2, 2024, 9 a.m."),
        ("2024-11-02T12:00", "Nov. 2, 2024, noon"),
        ("2024-11-02T00:00", "Nov. 2, 2024, midnight"),
        ("2024-11-02T24", "Nov. 2, 2024, midnight"),
        ("2024-10-31TNI", "Oct. 31, 2024, night"),
        ("2024-11-01TMO", "Nov. 1, 2024, morning"),
        ("2025-W09", "week of Feb. 24, 2025"),
        ("2025-W09-WE", "weekend of March 1, 2025"),
        ("2025-02", "February 2025"),
        ("2025", "2025"),
        ("2025-Q1", "first quarter of 2025"),
        ("2024-H2", "second half of 2024"),
        ("2024-SU", "summer 2024"),
        ("199", "1990s"),
        ("20", "2000s"),
        ("P3D", "3 days"),
        ("P1Y", "1 year"),
        ("P1.5Y", "1.5 years"),
        ("PT5H", "5 hours"),
        ("PXY", "years"),
        ("P2Y6M", "2 years 6 months"),
        ("PT1H30M", "1 hour 30 minutes"),
        ("P1DT12H", "1 day 12 hours"),
        ("P100CE", "100 centuries"),
        ("PRESENT_REF", "now"),
        ("PAST_REF", "the past"),
    ],
)
def test_values_in_words(value: str, words: str) -> None:
    assert human_date(value) == words


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (None, "—"),
        ("", "—"),
        ("  ", "—"),
        ("2025-02-30", "2025-02-30"),  # no such day: shown as given, never guessed
        ("2025-W60", "2025-W60"),  # no such week
        ("PT", "PT"),  # a duration with no amount
        ("2025-13", "2025-13"),  # no such month
        ("2024-11-02T31:00", "Nov. 2, 2024"),  # a clock that is no clock: the day alone
        ("P3Z", "P3Z"),  # no such unit
        ("PT3D", "PT3D"),  # no such clock unit
        ("2024-11-02TXX", "Nov. 2, 2024"),  # an unknown part of the day: the day alone
        ("XXXX-WXX-1", "XXXX-WXX-1"),  # an underspecified TIMEX3 value
        ("soon", "soon"),
    ],
)
def test_unknown_shapes_are_shown_as_given(value: str | None, shown: str) -> None:
    assert human_date(value) == shown


def test_day_and_month_helpers() -> None:
    assert day_text(date(2025, 2, 24)) == "Feb. 24, 2025"
    assert day_text(date(2025, 2, 24), year=False) == "Feb. 24"
    assert month_text(2025, 9) == "September 2025"


def test_sets_in_words() -> None:
    every_week = TimeRef(text="weekly", start=0, end=6, value="P1W", type="SET")
    assert human_time(every_week) == "every week"
    hourly = TimeRef(text="hourly", start=0, end=6, value="PT1H", type="SET")
    assert human_time(hourly) == "every hour"
    twice = TimeRef(text="every two days", start=0, end=14, value="P2D", type="SET")
    assert human_time(twice) == "2 days"  # not "every 1": the count is kept as a duration
    day = TimeRef(text="Monday", start=0, end=6, value="2025-03-03", type="DATE")
    assert human_time(day) == "March 3, 2025"


def test_recurring_weekdays_in_words() -> None:
    thursdays = TimeRef(text="each Thursday", start=0, end=13, value="XXXX-WXX-4", type="SET")
    assert human_time(thursdays) == "every Thursday"
    nights = TimeRef(text="Tuesday nights", start=0, end=14, value="XXXX-WXX-2TNI", type="SET")
    assert human_time(nights) == "every Tuesday night"
    odd = TimeRef(text="x", start=0, end=1, value="XXXX-WXX-9", type="SET")
    assert human_time(odd) == "XXXX-WXX-9"  # no such weekday: shown as it is, as before


# --------------------------------------------------------------------------- the renderers

WEEK_ENTRY = TimelineEntry(date="2025-W09", text="Prices rose that week.", articles=["a"],
                           outlets=["Courier"], first_reported="2025-03-05T10:00")  # fmt: skip
DAY_ENTRY = TimelineEntry(date="2025-03-04", text="The bridge closed.", articles=["a"],
                          outlets=["Courier"], first_reported="2025-03-05T10:00")  # fmt: skip


def _result() -> Result:
    article = Article(id="a", source="Courier", body="Prices rose. The bridge closed.",
                      published="2025-03-05T10:00")  # fmt: skip
    story = Story(id="S1", title="Bridge", articles=["a"], first_published="2025-03-05T10:00",
                  last_published="2025-03-05T10:00")  # fmt: skip
    dossier = Dossier(story="S1", timeline=[WEEK_ENTRY, DAY_ENTRY])
    return Result(articles=[article], stories=[story], dossiers={"S1": dossier})


def test_markdown_shows_dates_in_words() -> None:
    text = markdown.render(_result())
    assert "week of Feb. 24, 2025" in text and "March 4, 2025" in text
    assert "March 5, 2025, 10 a.m." in text
    assert "2025-W09" not in text and "2025-03-04" not in text


def test_terminal_shows_dates_in_words() -> None:
    console = Console(record=True, width=200)
    result = _result()
    terminal.print_story(console, result.stories[0], result.dossiers["S1"], result.articles)
    text = console.export_text()
    assert "week of Feb. 24, 2025" in text and "2025-W09" not in text


def test_timeline_chart_places_a_week_at_its_monday_and_labels_in_words() -> None:
    chart = timeline_chart([WEEK_ENTRY, DAY_ENTRY])
    assert chart is not None and [p.date for p in chart.points] == ["2025-03-04", "2025-W09"]
    week = next(p for p in chart.points if p.date == "2025-W09")
    day = next(p for p in chart.points if p.date == "2025-03-04")
    assert week.x < day.x  # Feb. 24 before March 4
    assert week.label.startswith("week of Feb. 24, 2025:")
    assert {t.label for t in chart.ticks} <= {"week of Feb. 24, 2025", "March 4, 2025"}


def test_timeline_chart_with_many_dates_labels_its_axis_in_days() -> None:
    entries = [
        TimelineEntry(date=f"2025-03-{day:02d}", text=f"Day {day}.", articles=["a"])
        for day in range(1, 13)
    ]
    chart = timeline_chart(entries)
    assert chart is not None and len(chart.points) == 12
    assert chart.ticks[0].label == "March 1, 2025"
    assert all(t.label.startswith("March ") and ":" not in t.label for t in chart.ticks)
