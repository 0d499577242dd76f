"""A site's full name for the short one its menus and lines use (invented sites and lines)."""

from __future__ import annotations

import pytest

from newsloom.clean.outlet import Kind, Vote
from newsloom.clean.outlet_full import full_names, stands_for
from newsloom.clean.outlet_page import capture_votes, page_outlet


@pytest.mark.parametrize(
    ("short", "full", "expected"),
    [
        ("Chron", "Harbor Chronicle", True),  # clipped, a place before it
        ("HB Post", "Harbor Bay Post", True),  # capitals abbreviating two words... as one
        ("CT Post", "Coast Town Post", True),
        ("Hpost", "The Harbor Post", True),  # glued: "H" of Harbor, then Post
        ("Kabar Laut", "Kabar dari Laut", True),  # a connector left out inside
        ("Harbor", "Harbor Magazine", False),  # a word after it: a sub-brand or a section
        ("Harbor", "Harbor Calendar", False),
        ("Harbor News", "Harbor News Radio", False),  # a whole name is not its radio's
        ("Harbor News", "Harbor Evening News", False),  # ...nor its evening programme's
        ("Harbor", "Harborview", False),  # a longer word is another name
        ("Harbor Post", "Contact Harbor Post", False),  # a word before it only: no growth
        ("Hpost", "Harbor Calendar Post", False),  # a glued piece is a word's start
        ("HBP", "Harbor Bay Post", False),  # initials alone: the acronym rules' job
        ("Harbor Post", "Harbor Post", False),  # the same name
        ("Harbor Post", "Sun Ledger", False),
    ],
)
def test_a_short_name_stands_for_a_full_one(short: str, full: str, expected: bool) -> None:
    assert stands_for(short, full) is expected


def test_a_menus_short_name_takes_the_logo_lines_full_name() -> None:
    lines = ["Harbor Chronicle", "Local news", "Chron sports", "Weather"]
    votes = [
        Vote("Chron", Kind.MENTION),
        Vote("Chron", Kind.SELF),
        Vote("Ledger Co", Kind.COPYRIGHT),
    ]
    assert [v.name for v in full_names(votes, lines)] == [
        "Harbor Chronicle",
        "Harbor Chronicle",
        "Ledger Co",  # no full name stands for it: unchanged
    ]


def test_a_full_name_in_runs_needs_to_be_written_again_and_keeps_its_the() -> None:
    once = ["The Harbor Post Group is a company.", "Contact us"]
    twice = [*once, "Tickets from The Harbor Post Conferences", "Harbor Post Lite"]
    vote = [Vote("Hpost Inc", Kind.COPYRIGHT)]
    assert full_names(vote, once)[0].name == "Hpost Inc"  # written once: not enough
    assert full_names(vote, twice)[0].name == "The Harbor Post"  # "The" mostly, and kept


@pytest.mark.parametrize(
    "line",
    [
        "About Harbor Chronicle",  # a menu item, not the name by itself
        "By HARBOR CHRONICLE STAFF",  # a shouted byline
        "Harbor Chronicle 2019",  # a number: a line about something else
        "Harbor Chronicle sports and weather for the whole bay area today",  # too long
    ],
)
def test_lines_that_are_not_a_name_by_themselves_give_no_full_name(line: str) -> None:
    assert full_names([Vote("Chron", Kind.MENTION)], [line])[0].name == "Chron"


def test_the_capture_of_a_site_under_its_short_name_is_named_in_full() -> None:
    """Through the product's capture path: the masthead says "Chron", the logo line the name."""
    text = "\n".join(
        [
            "Chron",
            "Harbor Chronicle",
            "Ferry fares rise in the bay",
            "Fares rose on Monday, the ferry office said in a statement to riders.",
            "© 2019 Ledger Communications",
        ]
    )
    url = "https://www.chron.example/news/ferry-fares-rise"
    votes = capture_votes(text, url)
    assert page_outlet(votes, url, None) == "Harbor Chronicle"
