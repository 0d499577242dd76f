"""The capture headline's filters, rules and cues (clean/headline.py): time stamps, breadcrumb
trails and glued menus are no candidates; lines below the body or under a rail heading only
when nothing else is; a wrapper yields the headline it holds, a label the headline that holds
it; the dek rule looks past a label; the cues of field values, names, runs and stale dates.

Fixtures are small pages written for these tests.
"""

from __future__ import annotations

from newsloom.clean.capture import Line, classify, clean_capture, mark_rails
from newsloom.clean.headline import (
    FEATURE_NAMES,
    all_name_words,
    candidates,
    choose,
    features,
    model_in_use,
)
from newsloom.clean.headline_rules import stamp_like, tool_row
from newsloom.clean.linemodel import LineModel
from test_headline import BODY  # the same small page body as the headline tests

HEADLINE = "Ferry crews ready the harbor for the winter timetable"
DEK = "Winter crossings will run less often in the evening and more often on weekday mornings"


def _page(*parts: list[str]) -> str:
    return "\n".join(line for part in parts for line in part)


def _lines(text: str) -> list[Line]:
    lines = classify(text)
    mark_rails(lines)
    return lines


def _by_length(weight: float, centre: float = 4.2) -> LineModel:
    """A model that scores a line by its length alone: sigmoid(weight * (log chars - centre))."""
    n = len(FEATURE_NAMES)
    weights = tuple(weight if name == "size" else 0.0 for name in FEATURE_NAMES)
    return LineModel(FEATURE_NAMES, (0.0,) * n, (1.0,) * n, weights, -centre * weight)


def _texts(lines: list[Line], at: list[int]) -> list[str]:
    return [lines[i].text for i in at]


# ---------------------------------------------------------------------------------- filters


def test_a_time_stamp_is_no_headline() -> None:
    assert stamp_like("11.28.2025 10:15 AM")
    assert stamp_like("Nov 3, 2025 10:15")
    assert not stamp_like("Ferry timetable 11.03.25")  # numbers, but no clock time
    assert not stamp_like("Ferries leave at 10:15 from the harbor pier")  # a clock, mostly words
    lines = _lines(_page(["11.28.2025 10:15 AM", HEADLINE], BODY))  # month first: not a date
    assert lines[0].kind == "short"  # the line kinds do not take it for a date stamp
    assert _texts(lines, candidates(lines, 2, 1 + len(BODY))) == [HEADLINE]


def test_a_breadcrumb_trail_and_a_glued_menu_are_no_candidates() -> None:
    crumbs, glued = "News > Harbor > Ferries", "HomeNewsHarborFerries"
    quoted = "Captain: «We are ready for the winter»"
    brand = "Harbor app gets a YouTube channel"
    lines = _lines(_page([crumbs, glued, quoted, brand], BODY))
    assert _texts(lines, candidates(lines, 4, 3 + len(BODY))) == [quoted, brand]


def test_a_row_of_page_tools_is_never_chosen() -> None:
    assert tool_row("Print This Article Share it With Friends")
    assert tool_row("E-mail this to a friend")
    assert not tool_row("Share")  # a single button: left to the model
    assert not tool_row("Share prices fall as the harbor closes")
    assert not tool_row("Post Office closes early")
    tools = "Print this story Share it with your friends"
    lines = _lines(_page([HEADLINE, tools], BODY))
    with model_in_use(_by_length(2.0)):  # the longer tool row would score higher
        assert choose(lines, 2, 1 + len(BODY)) == 0
    only = _lines(_page([tools], BODY))
    assert candidates(only, 1, len(BODY)) == [0]
    with model_in_use(_by_length(2.0)):  # no headline rather than the row
        assert choose(only, 1, len(BODY)) is None


def test_a_line_below_the_body_is_no_headline_when_one_stands_above() -> None:
    teaser = "Council delays the vote on harbor ferry parking fees again"
    lines = _lines(_page(["Home", HEADLINE], BODY, [teaser]))
    with model_in_use(_by_length(2.0)):  # the longer teaser would score higher
        assert choose(lines, 2, 1 + len(BODY)) == 1


def test_a_line_below_the_body_is_taken_when_nothing_stands_above() -> None:
    lines = _lines(_page(BODY, [HEADLINE]))
    end = len(BODY) - 1
    with model_in_use(_by_length(2.0)):
        assert choose(lines, 0, end) == len(BODY)


def test_the_first_line_under_a_rail_heading_is_a_teaser() -> None:
    teaser = "Council delays the vote on harbor ferry parking fees again"
    lines = _lines(_page(["Most Read", teaser, HEADLINE], BODY))
    assert lines[0].kind == "rail-heading"
    start = 3
    with model_in_use(_by_length(2.0)):  # the teaser is longer, but stands under the heading
        assert choose(lines, start, start + len(BODY) - 1) == 2


# ------------------------------------------------------------------------------------ rules


def test_a_breadcrumb_ending_on_the_headline_yields_it() -> None:
    crumb = f"Home News Harbor {HEADLINE}"
    with model_in_use(_by_length(2.0)):  # the longer breadcrumb scores higher
        assert clean_capture(_page([crumb, HEADLINE], BODY)).title == HEADLINE


def test_a_label_inside_the_headline_gives_way_to_it() -> None:
    label = "Winter timetable"
    with model_in_use(_by_length(-1.0)):  # the shorter label scores higher
        assert clean_capture(_page([label, HEADLINE], BODY)).title == HEADLINE


def test_a_label_stays_when_the_line_holding_it_scores_far_lower() -> None:
    label = "Winter timetable"
    with model_in_use(_by_length(-8.0, 3.0)):  # the headline scores far under a tenth of it
        assert clean_capture(_page([label, HEADLINE], BODY)).title == label


def test_the_dek_rule_looks_past_a_label_between_headline_and_dek() -> None:
    with model_in_use(_by_length(1.0)):  # dek highest, headline 0.8 of it, label far lower
        assert clean_capture(_page([HEADLINE, "Editorial", DEK], BODY)).title == HEADLINE


# ------------------------------------------------------------------------------------- cues


def _rows(text: str, start: int, end: int) -> tuple[list[Line], dict[int, list[float]]]:
    lines = _lines(text)
    at = candidates(lines, start, end)
    return lines, dict(zip(at, features(lines, start, end, at), strict=True))


def _index(lines: list[Line], text: str) -> int:
    return next(i for i, ln in enumerate(lines) if ln.text == text)


def test_a_field_value_after_its_label_is_marked() -> None:
    header = [HEADLINE, "Author:", "Harbor Desk Staff", "Publish date:", "Nov 3, 2025"]
    lines, rows = _rows(_page(header, BODY), len(header), len(header) + len(BODY) - 1)
    after = FEATURE_NAMES.index("after_label")
    assert rows[_index(lines, "Harbor Desk Staff")][after] == 1.0
    assert rows[_index(lines, HEADLINE)][after] == 0.0


def test_wrap_cues_tell_a_breadcrumb_from_a_label() -> None:
    crumb, label = f"Home News {HEADLINE}", "Winter timetable"
    lines, rows = _rows(_page([label, crumb, HEADLINE], BODY), 3, 3 + len(BODY) - 1)
    wraps, wrapped = FEATURE_NAMES.index("wraps_near"), FEATURE_NAMES.index("wrapped_near")
    head, outer = rows[_index(lines, HEADLINE)], rows[_index(lines, crumb)]
    assert outer[wraps] > 0.8 > head[wraps]  # the breadcrumb is mostly the headline
    assert head[wrapped] > 0.8  # the headline is most of the breadcrumb
    assert rows[_index(lines, label)][wrapped] < 0.5  # the label is a small part of a line


def test_names_only_lines() -> None:
    assert all_name_words("Ana Ruiz and Tom Lee Harbor Ledger")
    assert all_name_words("Harbor Desk Staff")
    assert not all_name_words(HEADLINE)  # lower-case words
    assert not all_name_words("Harbor")  # one word is a label, not a run of names
    assert not all_name_words("Ferries Run 24 Hours")  # a number


def test_run_of_menu_items_and_stale_dates_below() -> None:
    menu = ["Home", "World", "Harbor", "Ferries"]
    teaser = "Council delays the vote on harbor parking"
    header = [*menu, HEADLINE, "November 3, 2025", teaser, "June 2, 2019"]
    lines, rows = _rows(_page(header, BODY), len(header), len(header) + len(BODY) - 1)
    run, stale = FEATURE_NAMES.index("run"), FEATURE_NAMES.index("stale_next")
    assert rows[_index(lines, "World")][run] > rows[_index(lines, teaser)][run]
    assert rows[_index(lines, teaser)][stale] == 1.0  # an old date under it: a teaser
    assert rows[_index(lines, HEADLINE)][stale] == 0.0  # the page's own date under it


def test_a_standfirst_the_body_repeats_is_marked() -> None:
    header = [HEADLINE, BODY[0], "By Ana Ruiz", "Published November 3, 2025", "Share", "Email"]
    lines, rows = _rows(_page(header, BODY), len(header), len(header) + len(BODY) - 1)
    assert lines[len(header)].kind == "prose"  # far enough below not to be a duplicate line
    copy = FEATURE_NAMES.index("body_copy")
    assert rows[1][copy] == 1.0  # the standfirst line above the body, repeated as its lead
    assert rows[0][copy] == 0.0
