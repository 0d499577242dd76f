"""Lines the capture headline never takes, or takes only as a last resort
(clean/headline_rules.py): site furniture and widgets (issue 12's examples), a quotation with
its dashed source, a dated byline, a long question of the body, a label in capitals, a blog's
name; and the dek rule that does not climb to the last line of a list of teasers.

Fixtures are small pages written for these tests.
"""

from __future__ import annotations

import pytest

from newsloom.clean.capture import Line, clean_capture
from newsloom.clean.headline import FEATURE_NAMES, candidates, choose, features, model_in_use
from newsloom.clean.headline_rules import (
    HEADER_RATIO,
    HEADLINE_MAX_WORDS,
    body_sentence,
    counted_teaser,
    crumbed,
    dated_byline,
    furniture,
    label_line,
    on_header,
    over_header,
    quotation,
    shouted,
    teaser_list_end,
    too_long,
    weather_widget,
)
from newsloom.clean.linemodel import LineModel
from test_headline import BODY  # the same small page body as the headline tests
from test_headline_cues import _by_length, _lines, _page  # the same page and model helpers

HEADLINE = "Ferry crews ready the harbor for the winter timetable"
HEADER = ["By Ana Ruiz", "Published November 3, 2025"]
#: Issue 12's examples of lines taken for a headline on real pages.
ISSUE_CHROME = [
    "Home",
    "World",
    "Opinion",
    "E-mail this to a friend",
    "Skip to contentSkip to site index",
    "BLR 26 ° C Clouds",
    "Mar 5, 10:43 AM EST",
    "Primary Navigation",
    "Jump | Free Trial Issue",
]


# ------------------------------------------------------------------ furniture and widgets


@pytest.mark.parametrize("chrome", ISSUE_CHROME)
def test_issue_chrome_is_never_the_headline(chrome: str) -> None:
    # with the shipped model, on a page whose header has a byline and a date but no headline
    assert clean_capture(_page([chrome], HEADER, BODY)).title is None
    # and when it stands over the headline
    assert clean_capture(_page([chrome, HEADLINE], HEADER, BODY)).title == HEADLINE


@pytest.mark.parametrize("chrome", ISSUE_CHROME)
def test_issue_chrome_loses_even_when_the_model_prefers_it(chrome: str) -> None:
    lines = _lines(_page([chrome, "Harbor"], HEADER, BODY))
    start = 4
    with model_in_use(_by_length(-2.0)):  # shorter lines score higher: "Harbor" or the chrome
        at = choose(lines, start, start + len(BODY) - 1)
    assert at is not None and lines[at].text != chrome


def test_furniture_words_and_what_is_not_furniture() -> None:
    assert furniture("Sign in | Subscribe")
    assert furniture("Back to top")
    assert furniture("LocalSportsWeather")  # glued items are split before each capital
    assert not furniture("to the")  # glue words alone name nothing of the site
    assert not furniture("World leaders meet at the harbor summit")
    assert not furniture("Harbor News")  # a name: left to the model


def test_a_weather_widget_and_a_headline_that_names_a_temperature() -> None:
    assert weather_widget("BLR 26 ° C Clouds")
    assert weather_widget("Port Alder 71°F Sunny")
    assert not weather_widget("Harbor swelters as the afternoon heat reaches 38°C on the pier")
    assert not weather_widget("Ferry crews ready 26 boats")


# ----------------------------------------------------------------- quotations and bylines


def test_a_quotation_and_its_source_are_never_the_headline() -> None:
    claim = '"Ferries carry 9,000 cars a day across the harbor."'
    source = "— Jo Doe on Sunday, November 2nd, 2025 in a radio interview"
    page = [claim, source, HEADLINE]
    lines = _lines(_page(page, HEADER, BODY))
    assert quotation(lines, 0) and quotation(lines, 1) and not quotation(lines, 2)
    start = len(page) + len(HEADER)
    with model_in_use(_by_length(2.0)):  # the longer quoted claim would score higher
        assert choose(lines, start, start + len(BODY) - 1) == 2


def test_a_hyphen_bullet_is_no_quotation_source() -> None:
    lines = _lines(_page([HEADLINE, "- Fewer evening boats"], BODY))
    assert not quotation(lines, 0)
    assert not quotation(lines, 1)


def test_only_quotations_leave_no_headline() -> None:
    lines = _lines(_page(['"We are ready for the winter"', "— Harbor master Jo Doe"], BODY))
    with model_in_use(_by_length(2.0)):
        assert choose(lines, 2, 1 + len(BODY)) is None


def test_a_dated_byline_is_never_the_headline() -> None:
    assert dated_byline("September 3, 2025 | by Ana")
    assert dated_byline("Posted November 3, 2025 by Al Roe")
    assert not dated_byline("Ferries hit by Storm Ana on November 3, 2025 reopen")
    assert not dated_byline("Written by Ana Ruiz")  # no date: the line kinds see to it
    byline = "November 3, 2025 | by Ana Ruiz"
    lines = _lines(_page([HEADLINE, byline], BODY))
    with model_in_use(_by_length(-2.0)):  # the shorter byline line would score higher
        assert choose(lines, 2, 1 + len(BODY)) == 0


# ----------------------------------------------------------------------- body sentences


def test_a_long_question_of_the_body_is_no_candidate() -> None:
    short = "Will the ferries run on time this winter?"
    long = " ".join(["Why"] + ["would"] * HEADLINE_MAX_WORDS + ["anyone wait?"])
    assert body_sentence(long, inside=True)
    assert not body_sentence(long, inside=False)  # above the body: left to the model
    assert not body_sentence(short, inside=True)  # a question headline in the stretch stays
    assert body_sentence("The boats run late.", inside=True)
    lines = _lines(_page([short, long], BODY))
    assert [lines[i].text for i in candidates(lines, 0, 1 + len(BODY))] == [short]


def test_a_line_longer_than_any_headline_is_never_taken_wherever_it_stands() -> None:
    # a lead question cut off from the body stretch (by a share row): above it, so it is
    # still a candidate, but no headline has that many words
    lead = " ".join(["Why"] + ["would"] * HEADLINE_MAX_WORDS + ["anyone wait?"])
    assert too_long(lead)
    assert not too_long(" ".join(["word"] * HEADLINE_MAX_WORDS))  # the longest a headline has
    page = [HEADLINE, "Share", lead]
    lines = _lines(_page(page, BODY))
    assert 2 in candidates(lines, len(page), len(page) + len(BODY) - 1)  # left to learn from
    with model_in_use(_by_length(2.0)):  # the longer line would score higher
        assert choose(lines, len(page), len(page) + len(BODY) - 1) == 0


def test_a_teaser_with_its_comment_count_is_never_the_headline() -> None:
    assert counted_teaser("Council delays the parking vote (148)")
    assert not counted_teaser("Ferry fares rise (again)")  # brackets, but no count
    assert not counted_teaser("Route (12) ferries return to the harbor")  # not at the end
    rail = [
        "Most Commented",
        "Council delays the stadium parking vote again after a night of hearings (148)",
        "Pier cafe reopens after repairs to its storm-damaged deck and kitchen (97)",
    ]
    page = [*rail, HEADLINE]
    lines = _lines(_page(page, HEADER, BODY))
    start = len(page) + len(HEADER)
    with model_in_use(_by_length(2.0)):  # the longer teaser would score higher
        assert lines[choose(lines, start, start + len(BODY) - 1) or 0].text == HEADLINE


# --------------------------------------------------------------------- last-resort labels


def test_a_label_in_capitals_gives_way_to_the_headline() -> None:
    assert shouted("HARBOR LIFE")
    assert not shouted("US")  # too few letters to be shouting
    assert not shouted("항구 소식")  # a script without case is never shouted
    lines = _lines(_page(["HARBOR LIFE", HEADLINE], HEADER, BODY))
    start = 2 + len(HEADER)
    with model_in_use(_by_length(-2.0)):  # the shorter label would score higher
        assert choose(lines, start, start + len(BODY) - 1) == 1


def test_a_label_in_capitals_is_taken_when_nothing_else_can_be() -> None:
    lines = _lines(_page(["HARBOR LIFE"], HEADER, BODY))
    start = 1 + len(HEADER)
    with model_in_use(_by_length(-2.0)):
        assert choose(lines, start, start + len(BODY) - 1) == 0


def test_a_blog_name_gives_way_to_the_post_title() -> None:
    assert label_line("The Harbor Blog")
    assert not label_line("Why our harbor pilots started a blog")
    lines = _lines(_page(["The Harbor Blog", HEADLINE], HEADER, BODY))
    start = 2 + len(HEADER)
    with model_in_use(_by_length(-2.0)):
        assert choose(lines, start, start + len(BODY) - 1) == 1


# ------------------------------------------------------------------------------ dek rule


def test_the_dek_rule_does_not_climb_to_the_last_teaser_of_a_list() -> None:
    teasers = [
        "Council delays the parking vote",
        "Pier cafe reopens after repairs",
        "Tug crews rescue a stranded sailboat",
    ]
    page = [*teasers, HEADLINE]
    lines = _lines(_page(page, HEADER, BODY))
    assert teaser_list_end(lines, 2)
    assert not teaser_list_end(lines, 1)  # fewer lines above it than a list needs
    assert not teaser_list_end(_lines(_page(["Home", "Harbor", HEADLINE])), 2)  # menu items
    start = len(page) + len(HEADER)
    # the headline scores highest, the shorter teaser above it more than 0.7 of that
    with model_in_use(_by_length(1.0)):
        assert choose(lines, start, start + len(BODY) - 1) == 3


# -------------------------------------------------------------- a promotion over the header

PROMO = "Winter sale: every ferry pass on the harbor line is half price until the end of March"


def _header_page(*parts: list[str]) -> tuple[list[Line], int, int]:
    """The page's lines with ``BODY`` under ``parts``, and the body's first and last index."""
    lines = _lines(_page(*parts, BODY))
    end = len(lines) - 1
    return lines, end - len(BODY) + 1, end


def test_a_longer_promotion_over_the_headline_gives_way_to_it() -> None:
    lines, start, end = _header_page([PROMO, HEADLINE], HEADER)
    assert on_header(lines, 1) and not on_header(lines, 0)
    model = _by_length(0.5)  # the longer promotion scores higher, the headline nearly as high
    promo, head = (model.probability(row) for row in features(lines, start, end, [0, 1]))
    assert HEADER_RATIO < head / promo < 1  # the fixture is what it says
    with model_in_use(model):
        assert choose(lines, start, end) == 1


def test_a_headline_over_an_author_name_alone_keeps_it() -> None:
    # the author's name stands on the date stamp, but the headline stands on the header too
    lines, start, end = _header_page([HEADLINE, "Ana Ruiz"], HEADER[1:])
    assert on_header(lines, 0) and on_header(lines, 1)
    assert over_header(lines, {0: 0.5, 1: 0.5}, 0) == 0
    with model_in_use(_by_length(0.1)):  # the name nearly as likely as the headline
        assert choose(lines, start, end) == 0


def test_without_a_header_under_it_the_shorter_line_does_not_take_over() -> None:
    lines, start, end = _header_page([PROMO, HEADLINE])
    assert not on_header(lines, 1)
    assert over_header(lines, {0: 0.5, 1: 0.49}, 0) == 0
    with model_in_use(_by_length(0.5)):  # as likely as on the page with a header
        assert choose(lines, start, end) == 0


def test_a_line_below_scoring_far_less_does_not_take_over() -> None:
    lines, start, end = _header_page([PROMO, HEADLINE], HEADER)
    assert over_header(lines, {0: 0.5, 1: 0.5 * HEADER_RATIO * 0.9}, 0) == 0
    with model_in_use(_by_length(8.0)):  # the headline scores a fraction of the promotion
        assert choose(lines, start, end) == 0


TEASERS = [
    "Council delays the parking vote until spring",
    "Pier cafe reopens after months of repairs",
    "Tug crews rescue a stranded sailboat",
]
LONGER = "Ferry crews ready the harbor and its four piers for the coming winter timetable"


def test_a_longer_headline_under_the_last_teaser_of_a_list_takes_over() -> None:
    lines = _lines(_page(TEASERS, [LONGER], HEADER, BODY))
    last = len(TEASERS) - 1
    assert teaser_list_end(lines, last) and on_header(lines, last + 1)
    assert over_header(lines, {last: 0.5, last + 1: 0.45}, last) == last + 1


def test_a_longer_line_under_a_headline_that_ends_no_list_is_its_dek() -> None:
    lines = _lines(_page(["Home", "Harbor", HEADLINE, LONGER], HEADER, BODY))
    assert not teaser_list_end(lines, 2) and on_header(lines, 3)
    assert over_header(lines, {2: 0.5, 3: 0.45}, 2) == 2


# ------------------------------------------------------------- a title named by a breadcrumb


def _unsure() -> LineModel:
    """A model unsure of every line: each scores sigmoid(-12), under ``MIN_PROBABILITY``."""
    n = len(FEATURE_NAMES)
    return LineModel(FEATURE_NAMES, (0.0,) * n, (1.0,) * n, (0.0,) * n, -12.0)


def test_a_line_a_breadcrumb_ends_on_is_the_headline_even_when_the_model_is_unsure() -> None:
    title = "Only the tide knows…"
    crumb = ["Home", title, "Stories » Harbor life » " + title]
    with model_in_use(_unsure()):
        assert clean_capture(_page(crumb, HEADER, BODY)).title == title
        # without the trail the page has no credible headline
        assert clean_capture(_page(["Home", title], HEADER, BODY)).title is None


def test_crumbed_needs_a_trail_ending_on_the_whole_line() -> None:
    lines = _lines(_page(["Only the tide knows", "Stories » Harbor life » Only the tide knows"]))
    assert crumbed(lines, 0)
    other = _lines(_page(["Only the tide knows", "Stories » Harbor life » Ferry news"]))
    assert not crumbed(other, 0)
    short = _lines(_page(["Harbor life", "Stories » Harbor life"]))
    assert not crumbed(short, 0)  # a section's name, not a title
