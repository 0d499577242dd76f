"""Page times: one parser, a page's stamps in one zone, outlets ordered by the instant."""

from __future__ import annotations

from datetime import datetime

from newsloom.clean import clean
from newsloom.fuse import fuse
from newsloom.model import Article, Page, Story
from newsloom.when import time_order, to_datetime, with_page_zone, zone_of


def test_zone_of() -> None:
    assert zone_of("2025-03-13T14:20:00-04:00") == "-04:00"
    assert zone_of("2025-03-13T14:20:00Z") == "+00:00"
    assert zone_of("2025-03-13T14:20") is None  # a local time, zone unknown
    assert zone_of("2025-03-13") is None  # a day has no zone
    assert zone_of("not a time at all") is None
    assert zone_of(None) is None


def test_a_naive_stamp_takes_the_zone_of_the_pages_other_stamp() -> None:
    assert with_page_zone("2025-03-13T10:48", "2025-03-13T14:20:00-04:00") == (
        "2025-03-13T10:48-04:00",
        "2025-03-13T14:20:00-04:00",
    )
    assert with_page_zone("2025-03-13T10:48:30+01:00", "2025-03-14T09:05:07") == (
        "2025-03-13T10:48:30+01:00",
        "2025-03-14T09:05:07+01:00",
    )


def test_stamps_no_other_stamp_zones_stay_as_they_are() -> None:
    assert with_page_zone("2025-03-13T10:48", None) == ("2025-03-13T10:48", None)
    assert with_page_zone("2025-03-13T10:48", "2025-03-14T09:00") == (
        "2025-03-13T10:48",
        "2025-03-14T09:00",
    )
    # a day gets no zone, and a stamp that does not parse is left for the reader to see
    assert with_page_zone("2025-03-13", "2025-03-14T09:00-05:00")[0] == "2025-03-13"
    assert with_page_zone("2025-03-13Tnoon", "2025-03-14T09:00-05:00")[0] == "2025-03-13Tnoon"


def test_to_datetime_takes_partial_dates() -> None:
    assert to_datetime("2025") == datetime(2025, 1, 1)
    assert to_datetime("2025-03") == datetime(2025, 3, 1)
    assert to_datetime("2025-03-13T14:20:00-04:00") == datetime(2025, 3, 13, 14, 20)
    assert to_datetime("2025-W09") == datetime(2025, 2, 24)  # an ISO week: its Monday
    assert to_datetime("late March") is None
    assert to_datetime("") is None and to_datetime(None) is None


def test_time_order_compares_instants_only_when_every_time_is_zoned() -> None:
    tokyo, london = "2025-03-13T09:00+09:00", "2025-03-13T02:00+00:00"
    zoned = time_order([tokyo, london, "2025-03-12", None])
    assert sorted([london, tokyo], key=zoned) == [tokyo, london]  # 00:00 UTC before 02:00 UTC
    assert zoned(None) > zoned(london)
    mixed = time_order([tokyo, "2025-03-13T05:00"])
    assert sorted([tokyo, "2025-03-13T05:00"], key=mixed) == ["2025-03-13T05:00", tokyo]


def _html_page(published: str, modified: str) -> Page:
    body = "".join(
        f"<p>The harbour board of Port Alder met on {d} to vote on the new ferry timetable, "
        "officials said, and the union agreed to the change after talks.</p>"
        for d in ("Monday", "Tuesday", "Wednesday")
    )
    html = (
        '<html><head><meta property="article:published_time" content="' + published + '">'
        '<meta property="article:modified_time" content="' + modified + '">'
        "<title>Ferry timetable agreed</title></head><body><article>"
        f"<h1>Ferry timetable agreed in Port Alder</h1>{body}</article></body></html>"
    )
    return Page(id="p", input="p.html", digest="d", format="html", html=html)


def test_clean_gives_the_pages_zone_to_its_naive_stamp() -> None:
    article = clean(_html_page("2025-03-13T10:48:00-04:00", "2025-03-13T14:20:00"))
    assert isinstance(article, Article)
    assert article.published == "2025-03-13T10:48:00-04:00"
    assert article.updated == "2025-03-13T14:20-04:00"


def _article(aid: str, outlet: str, published: str) -> Article:
    return Article(
        id=aid,
        input=aid,
        digest=aid,
        source=outlet,
        title=f"Ferry report {aid}",
        published=published,
        body=f"The ferry strike in Port Alder ended, report {aid} said on Monday.",
    )


def test_first_to_publish_is_the_earliest_instant_across_zones() -> None:
    tokyo = _article("a", "Tokyo Daily", "2025-03-13T09:00:00+09:00")  # 00:00 UTC
    london = _article("b", "London Post", "2025-03-13T02:00:00+00:00")  # 02:00 UTC
    story = Story(id="s", title="Ferry", articles=["a", "b"])
    sources = fuse(story, [london, tokyo]).sources
    assert [s.name for s in sources] == ["Tokyo Daily", "London Post"]
    assert sources[0].first
