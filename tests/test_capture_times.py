"""A text capture's published/updated times are never later than the day it was captured."""

from __future__ import annotations

from datetime import date

import pytest

from newsloom.clean import _capture_times, clean
from newsloom.clean.dates import after_day
from newsloom.model import Article, Page

BODY = (
    "The county board voted on Monday to close the old ferry landing at Marrow Point after "
    "engineers found that its pilings had rotted through in several places.\n"
    "Commuters who used the landing will be moved to the new terminal two miles north, a "
    "spokeswoman for the county said in a statement released after the vote.\n"
    "The landing opened in 1931 and carried about 1,400 passengers a day at its busiest, "
    "according to figures kept by the county historical society.\n"
)


def _page(text: str, crawl: date | None) -> Page:
    return Page(id="p1", input="p1.txt", format="capture", text=text, crawl_date=crawl,
                digest="x")  # fmt: skip


def test_a_header_time_after_the_crawl_day_gives_way_to_the_page_stamp() -> None:
    text = "Ferry landing to close\nPublished March 3, 2025 4:10 PM EST\n" + BODY
    page = _page(text, date(2025, 3, 4))
    published, updated = _capture_times(page, text, "2025-03-19T09:00", None)
    assert published is not None and published.startswith("2025-03-03")
    assert updated is None


def test_header_times_within_the_crawl_day_are_kept() -> None:
    page = _page(BODY, date(2025, 3, 4))
    assert _capture_times(page, BODY, "2025-03-04T08:00", "2025-03-04T09:00") == (
        "2025-03-04T08:00",
        "2025-03-04T09:00",
    )


def test_without_a_crawl_date_nothing_is_second_guessed() -> None:
    page = _page(BODY, None)
    assert _capture_times(page, BODY, "2031-01-01", None) == ("2031-01-01", None)


@pytest.mark.parametrize(
    "stamp",
    [
        "Published March 21, 2025",  # a typo'd year or a scheduled page: after the capture
        "Posted 2025-03-12 10:00",
    ],
)
def test_an_article_is_never_dated_after_its_capture(stamp: str) -> None:
    crawl = date(2025, 3, 4)
    article = clean(_page(f"Ferry landing to close\n{stamp}\n{BODY}", crawl))
    assert isinstance(article, Article)
    for value in (article.published, article.updated):
        assert value is None or not after_day(value, crawl)
