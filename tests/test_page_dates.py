"""Publication dates: formats and zones, stamps in text captures, the page's zone in HTML."""

from __future__ import annotations

from datetime import date

import lxml.html
import pytest

from newsloom.clean.dates import after_day, parse_datetime
from newsloom.clean.pagedates import published
from newsloom.clean.pagezone import header_dates, localise
from newsloom.clean.textdates import capture_dates

CRAWL = date(2025, 3, 4)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("March 4, 2025 2:41 pm", "2025-03-04T14:41"),
        ("Tue, Mar. 4, 2025 · 14:05 GMT", "2025-03-04T14:05:00+00:00"),
        ("4 March 2025 09:30 HKT", "2025-03-04T09:30:00+08:00"),
        ("March 4, 2025 at 2:26 PM HST", "2025-03-04T14:26:00-10:00"),
        ("7:45 AM EDT, Mon March 10, 2025", "2025-03-10T07:45:00-04:00"),
        ("Posted on Maret 4, 2025 by Admin", "2025-03-04"),
        ("4 mars 2025", "2025-03-04"),
        ("Thu Mar 06 2025 03:05:46 GMT+0000", "2025-03-06T03:05:46+00:00"),
        ("Nov.November 18, 2024 12:02 PM", "2024-11-18T12:02"),
        ("the remainder 4, 2025 was sold", None),
    ],
)
def test_formats_and_zones(text: str, want: str | None) -> None:
    assert parse_datetime(text) == want


def test_after_day_compares_days_and_instants() -> None:
    assert after_day("2025-03-05", CRAWL)
    assert not after_day("2025-03-04T23:59", CRAWL)
    # 02:34 UTC on the 5th is still the 4th west of UTC-2: possible for a crawl on the 4th
    assert not after_day("2025-03-05T02:34:00+00:00", CRAWL)
    assert after_day("2025-03-05T13:00:00+00:00", CRAWL)


# ------------------------------------------------------------------------------ text captures


def _capture(*lines: str) -> str:
    return "\n".join(lines)


BODY = (
    "Ferry crews walked off the job on Tuesday, stopping every crossing in the bay for the "
    "first time in a decade, union officials said."
)


def test_labelled_stamps_give_published_and_updated() -> None:
    text = _capture(
        "Ferry strike enters second day",
        "Posted March 4, 2025 9:19 am.",
        "Last Updated March 4, 2025 10:26 am.",
        BODY,
    )
    assert capture_dates(text, CRAWL) == capture_dates(text, None)
    found = capture_dates(text, CRAWL)
    assert (found.published, found.updated) == ("2025-03-04T09:19", "2025-03-04T10:26")


def test_clock_alone_is_read_on_the_stamps_day_and_zone_kept() -> None:
    text = _capture(
        "Published 7:45 AM EDT, Mon March 3, 2025",
        "Updated 1:20 PM EDT",
        BODY,
    )
    found = capture_dates(text, CRAWL)
    assert found.published == "2025-03-03T07:45:00-04:00"
    assert found.updated == "2025-03-03T13:20:00-04:00"


def test_byline_with_date_and_update_on_one_line() -> None:
    text = _capture("By Ana Ruiz | March 3, 2025 at 2:26 PM HST - Updated March 3 at 4:46 PM", BODY)
    found = capture_dates(text, CRAWL)
    assert found.published == "2025-03-03T14:26:00-10:00"
    assert found.updated == "2025-03-03T16:46"


def test_only_an_update_is_not_a_publication_date() -> None:
    found = capture_dates(_capture("By Ana Ruiz Updated Mar 3, 2025, 10:28am EST", BODY), CRAWL)
    assert found.published is None
    assert found.updated == "2025-03-03T10:28:00-05:00"


def test_relative_stamp_counts_back_from_the_crawl_date() -> None:
    text = _capture("Ferry strike enters second day", "By Ana Ruiz | 2 days ago", BODY)
    assert capture_dates(text, CRAWL).published == "2025-03-02"
    assert capture_dates(_capture("Published 3 hours ago", BODY), CRAWL).published == "2025-03-04"
    assert capture_dates(text, None).published is None  # no crawl date, nothing to count from


def test_teaser_rail_dates_are_passed_over() -> None:
    rail = []
    for i in range(5):
        rail += [f"Teaser headline number {i} about something else", f"March {i + 1}, 2025"]
    text = _capture(*rail, "Ferry strike enters second day", "March 4, 2025 | 8:05 am", BODY)
    assert capture_dates(text, CRAWL).published == "2025-03-04T08:05"


def test_comments_embedded_posts_and_prose_dates_are_passed_over() -> None:
    text = _capture(
        "This March 1, 2025, file photo shows the terminal.",
        "— Harbor Union (@harborunion) March 2, 2025",
        BODY,
        "Jane Roe on March 3, 2025 at 4:47 pm said:",
        "Great reporting.",
    )
    assert capture_dates(text, CRAWL).published is None


def test_a_label_inside_a_sentence_is_not_a_stamp() -> None:
    text = _capture("The study was published on March 2, 2025 by the agency.", BODY)
    assert capture_dates(text, CRAWL).published is None


def test_future_dates_refused() -> None:
    text = _capture(
        "Weather March 6, 2025 (This Morning) Some sunshine by the end of the day.",
        "March 6, 2025",
        "Ferry strike enters second day",
        "Published March 3, 2025",
        BODY,
    )
    assert capture_dates(text, CRAWL).published == "2025-03-03"
    assert capture_dates(_capture("Published March 9, 2025", BODY), CRAWL).published is None


# ----------------------------------------------------------------------------- HTML, the zone


def _tree(head: str, header: str = "") -> object:
    markup = (
        f"<html><head>{head}</head><body><nav><time>March 9, 2025</time></nav>"
        f"<h1>Ferry strike enters second day</h1><div class='byline'>{header}</div>"
        f"<p>{BODY}</p></body></html>"
    )
    return lxml.html.fromstring(markup)


def _published(head: str, header: str = "") -> str | None:
    tree = _tree(head, header)
    return published(tree, {}, {}, CRAWL, None) if not head else _with_meta(tree, head)


def _with_meta(tree: object, head: str) -> str | None:
    root = lxml.html.fromstring(f"<html><head>{head}</head></html>")
    meta = {
        (el.get("property") or el.get("name") or "").lower(): el.get("content") or ""
        for el in root.iter("meta")
    }
    return published(tree, meta, {}, CRAWL, None)


UTC_STAMP = '<meta property="article:published_time" content="2025-03-04T07:03:25+00:00">'


def test_utc_stamp_takes_the_zone_of_the_local_clock_under_the_headline() -> None:
    found = _published(UTC_STAMP, "Reuters <span>March 3, 2025 11:03 PM</span>")
    assert found == "2025-03-03T23:03:25-08:00"


def test_utc_stamp_takes_the_offset_of_a_naive_stamp_of_the_same_instant() -> None:
    naive = '<meta name="sailthru.date" content="2025-03-03 23:03:25">'
    assert _published(UTC_STAMP + naive) == "2025-03-03T23:03:25-08:00"


def test_utc_stamp_takes_the_zone_of_another_stamp() -> None:
    modified = '<meta property="og:updated_time" content="2025-03-04T02:15:39-05:00">'
    assert _published(UTC_STAMP + modified) == "2025-03-04T02:03:25-05:00"


def test_utc_stamp_gives_the_day_printed_under_the_headline() -> None:
    assert _published(UTC_STAMP, "By Ana Ruiz <span>Mar. 3, 2025</span>") == "2025-03-03"


def test_utc_stamp_kept_when_the_page_shows_no_zone() -> None:
    assert _published(UTC_STAMP, "By Ana Ruiz") == "2025-03-04T07:03:25+00:00"
    # a clock that is not the same instant (other minutes) says nothing about the zone
    assert (
        _published(UTC_STAMP, "<span>March 4, 2025 9:41 AM</span>") == "2025-03-04T07:03:25+00:00"
    )


def test_header_dates_start_under_the_headline() -> None:
    tree = _tree("", "<span>March 3, 2025</span>")
    assert header_dates(tree) == ["2025-03-03"]  # the nav's date above the headline is not read


def test_localise_leaves_a_day_it_cannot_be() -> None:
    tree = _tree("", "<span>February 20, 2025</span>")
    assert localise("2025-03-04T07:03:25+00:00", tree, []) == "2025-03-04T07:03:25+00:00"
