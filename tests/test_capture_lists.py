"""A capture whose body is a list or a table of short lines (a calendar, a tour's dates, a
standings table one cell a line): the shape runs of the line model and how the capture cleaner
takes them (issue 17).

Fixtures are small pages written for these tests (a fictional league, band and town).
"""

from __future__ import annotations

import sys
from pathlib import Path

from newsloom.clean.capture import (
    Kind,
    Line,
    classify,
    clean_capture,
    mark_rails,
)
from newsloom.clean.linemodel import (
    FEATURE_NAMES,
    SECOND_NAMES,
    LineModel,
    features,
    gains,
    line_shape,
    models_in_use,
    shape_runs,
    shape_spans,
)
from test_capture_body import FOOTER, _page  # the same footer and page builder

HEADER = [
    "Subscribe",
    "Home",
    "Music",
    "Harbor Lights announce a summer tour of eight cities",
    "By Ana Ruiz | Harbor Ledger",
    "Published November 3, 2025",
]
INTRO = [
    "The folk band Harbor Lights will play eight cities next summer, its first tour since the "
    "singer's long illness, the band said on Monday in a message to its fans.",
]
TOUR = [
    "June 9 – Port Alder, OR @ Harbor Pavilion",
    "June 12 – Millbrook, WA @ Riverside Hall",
    "June 14 – Cedar Falls, ID @ Grange Theater",
    "June 18 – Stonebridge, MT @ County Fairgrounds",
    "June 21 – Eastwater, WY @ The Old Mill",
    "June 24 – Red Rock, CO @ Canyon Amphitheater",
    "June 27 – Salt Flats, UT @ Union Station Hall",
    "June 30 – Mesa Verde, AZ @ Desert Sky Stage",
]


# ------------------------------------------------------------------------------- the shapes


def test_shape_is_the_opening_of_the_skeleton() -> None:
    assert line_shape("3a rodada: 14 de abril – Porto Alegre") == "9a:"
    assert line_shape("June 9 – Port Alder, OR @ Harbor Pavilion") == "a9–"
    # numbered items whose tails differ share their opening
    assert line_shape("2) Tin Robot Kit (blue)") == line_shape("3) Kite: Red Falcon, 2 m") == "9)a"
    assert line_shape("Martin Ruiz Jr.") == "a"  # a closing full stop does not count
    assert line_shape("85%") == "9%"


def test_paragraphs_and_archive_counts_have_no_shape() -> None:
    assert line_shape(INTRO[0]) == ""  # more words than a list item has
    assert line_shape("November (97)") == ""  # an archive's entry and its count


def test_a_run_of_same_shape_lines_is_a_list() -> None:
    spans = shape_spans(["Tour dates", *TOUR, "Tickets go on sale on Friday."])
    assert spans[0] is None and spans[-1] is None
    assert spans[1:-1] == [(1, len(TOUR))] * len(TOUR)


def test_a_table_one_cell_a_line_repeats_its_row() -> None:
    rows = [["1", "Ana Ruiz", "250"], ["2", "Ben Cole", "231"], ["3", "Kim Park", "198"]]
    cells = [cell for row in rows for cell in row]
    assert shape_runs(["Standings", *cells]) == [0] + [len(cells)] * len(cells)


def test_menus_and_page_numbers_are_no_lists() -> None:
    menu = ["Home", "World", "Business", "Sport", "Culture", "Opinion"]
    assert shape_runs(menu) == [0] * len(menu)  # bare words: no number, no sign
    pages = ["1", "2", "3", "4", "5", "Next"]
    assert shape_runs(pages) == [0] * len(pages)  # numbers alone: page links, an archive's years


def test_shape_run_feature_marks_the_items() -> None:
    lines = classify(_page(HEADER, INTRO, TOUR, FOOTER))
    column = FEATURE_NAMES.index("shape_run")
    rows = features(lines)
    by_text = {line.text: row[column] for line, row in zip(lines, rows, strict=True)}
    assert all(by_text[item] > 0 for item in TOUR)
    assert by_text[INTRO[0]] == 0.0


# ------------------------------------------------------------------------ the capture's body


def test_a_list_under_the_opening_paragraph_is_kept_whole() -> None:
    result = clean_capture(_page(HEADER, INTRO, ["Tour dates"], TOUR, FOOTER))
    for item in TOUR:
        assert item in result.paragraphs
    assert "About Us" not in result.paragraphs


def _by_length(names: tuple[str, ...], weight: float = 3.0, centre: float = 4.0) -> LineModel:
    """A model that scores a line by its length alone: sigmoid(weight * (log chars - centre));
    a 40-character line scores 0.30, a 74-character line 0.72."""
    n = len(names)
    weights = tuple(weight if name == "size" else 0.0 for name in names)
    return LineModel(names, (0.0,) * n, (1.0,) * n, weights, -centre * weight)


def test_the_stretch_stopping_inside_a_list_takes_it_whole() -> None:
    tour = [
        "June 3 – Port Alder, OR @ Harbor Pavilion and Gardens on the Old Pier Road",
        "June 6 – Millbrook, WA @ Riverside Hall and the Concert Lawn by the Old Mill",
        *TOUR[2:],
    ]
    with models_in_use(_by_length(FEATURE_NAMES), _by_length(SECOND_NAMES)):
        result = clean_capture(_page(HEADER, INTRO, ["Tour dates"], tour, FOOTER))
    # the two long items end the stretch; the six short ones (0.30 each) follow it, under the
    # keep threshold: taken with their list, whose lines score 0.41 on average
    assert [p for p in result.paragraphs if p in tour] == tour


def test_a_table_repeated_cell_is_no_duplicate() -> None:
    rows = [  # position, rower, points, wins, penalties
        ["1", "Ana Ruiz", "250", "0", "0"],
        ["2", "Ben Cole", "231", "0", "0"],
        ["3", "Kim Park", "198", "0", "0"],
        ["4", "Lee Moss", "176", "0", "0"],
        ["5", "Sam Ortiz", "150", "0", "0"],
    ]
    cells = [cell for row in rows for cell in row]
    intro = [
        "The Port Alder rowing league published its standings after the fifth regatta of the "
        "season on Sunday, with last year's champion still on top of the table.",
        "Final standings after five regattas:",
    ]
    result = clean_capture(_page(HEADER, intro, cells, FOOTER))
    kept = [p for p in result.paragraphs if p in cells]
    lines = classify(_page(HEADER, intro, cells, FOOTER))
    assert any(ln.kind is Kind.DUPLICATE and ln.text == "0" for ln in lines)
    assert kept == cells  # every cell in order, the "0" just under another "0" too


def test_a_list_the_model_thinks_unlikely_is_left_out() -> None:
    menu = [f"Formula {n} news" for n in (1, 2, 3)] + [f"Formula {n} results" for n in (1, 2, 3)]
    assert all(span for span in shape_spans(menu))  # a list by its shape...
    result = clean_capture(_page(menu, HEADER, INTRO, FOOTER))
    assert not set(menu) & set(result.paragraphs)  # ...but menu chrome above the headline


def _rail_page(items: list[str]) -> list[Line]:
    lines = classify(_page(["Home", "Videos", "Live radio", "Podcasts", "Forum"], items))
    mark_rails(lines)
    return lines


def test_a_bare_rail_stops_at_a_list_of_numbers() -> None:
    lines = _rail_page(TOUR)
    assert lines[1].kind is Kind.HEADING  # "Videos", a menu's label read as a rail heading
    assert [ln.reason for ln in lines[2:5]] == ["teaser-rail"] * 3
    assert all(ln.reason is None for ln in lines[5:])  # the tour dates are not teasers


def test_a_numbered_list_right_under_a_rail_heading_is_the_rail() -> None:
    ranked = [
        "1. Ferry strike talks to resume on Monday in Port Alder",
        "2. Harbor bridge repairs run late again, city says",
        "3. Bakery on Elm Street wins a state award",
        "4. School board delays vote on the new calendar",
    ]
    assert all(span for span in shape_spans(ranked))  # one list: "9.a" each
    lines = classify(_page(["Most read"], ranked, ["About Us"]))
    mark_rails(lines)
    assert lines[0].kind is Kind.HEADING
    assert [ln.reason for ln in lines[1:5]] == ["teaser-rail"] * 4


def test_a_rail_of_titles_without_numbers_goes_on() -> None:
    titles = [
        "Ferry strike, talks to resume on Monday",
        "Harbor bridge, repairs run late again",
        "Bakery on Elm Street, a state award",
    ]
    assert all(span for span in shape_spans(titles))  # a list by its shape, but no number
    lines = _rail_page(titles)
    assert all(ln.reason == "teaser-rail" for ln in lines[5:])


# ------------------------------------------------------------------- the training labels


def test_training_labels_read_table_cells_across_line_ends() -> None:
    bench = Path(__file__).resolve().parents[1] / "bench"
    sys.path.insert(0, str(bench))
    try:
        from seb_score import shingles
        from seb_train import LABEL_SHARE, across_lines
    finally:
        sys.path.remove(str(bench))
    truth = set(shingles("1 Ana Ruiz 250 2 Ben Cole 231"))
    lines = classify(_page(["Share", "1", "Ana Ruiz", "250", "2", "Ben Cole", "231", "Print"]))
    shares = across_lines(lines, truth)
    # each cell's shingles, read across line ends, are the truth's (the edge cells' also take
    # the chrome's words beside the table)
    assert all(share >= LABEL_SHARE for share in shares[1:7])
    assert shares[3] == 1.0
    assert shares[0] == 0.0 and shares[7] == 0.0  # chrome beside the table is not


# ---------------------------------------------------------------- captions inside the body


def _line(text: str, kind: Kind) -> Line:
    return Line(text, kind)


def test_a_caption_between_two_paragraphs_is_neutral_evidence() -> None:
    para = "The ferry will run an extra boat on weekday mornings, the port authority said."
    caption = "The harbor ferry at dawn. Photo: Jan Peters"
    lines = [
        _line(para, Kind.PROSE),
        _line("Advertisement", Kind.AD),
        _line(caption, Kind.CAPTION),
        _line(caption, Kind.DUPLICATE),  # the caption printed twice
        _line(para, Kind.PROSE),
    ]
    assert gains(lines, [0.9, 0.0, 0.0, 0.0, 0.9])[1:4] == [0.0, 0.0, 0.0]


def test_a_caption_beside_the_header_still_counts_against() -> None:
    caption = "The harbor ferry at dawn. Photo: Jan Peters"
    lines = [
        _line("Print Article", Kind.SHORT),
        _line(caption, Kind.CAPTION),
        _line("The ferry will run an extra boat on weekday mornings.", Kind.PROSE),
    ]
    assert gains(lines, [0.1, 0.1, 0.9])[1] < 0


# ------------------------------------------------------------------- numbered lists of links

DEALS = [
    "1) Tin Robot Kit with remote control and two spare batteries (blue)",
    "https://shop.example.com/deals/tin-robot-kit-blue-with-remote",
    "2) Kite: Red Falcon, 2 m wingspan, with a carry bag",
    "https://shop.example.com/deals/red-falcon-kite-two-metres",
    "3) Wooden train set of the harbor line (40 pieces)",
    "https://shop.example.com/deals/wooden-harbor-train-set",
    "4) Board game: Lighthouse Keepers, family edition",
    "https://shop.example.com/deals/lighthouse-keepers-board-game",
]


def test_a_numbered_list_keeps_the_link_under_each_item() -> None:
    """Items whose tails differ ("1) Tin Robot …", "2) Kite: …") are one list by their opening,
    and the link printed under each item is part of the list: kept with it."""
    assert shape_spans(DEALS)[0] == (0, len(DEALS) - 1)
    with models_in_use(_by_length(FEATURE_NAMES), _by_length(SECOND_NAMES)):
        result = clean_capture(_page(HEADER, INTRO, DEALS, FOOTER))
    assert [p for p in result.paragraphs if p in DEALS] == DEALS


LATER = [
    "Tickets go on sale on Friday morning at the box office and online, the band's manager "
    "said, and each buyer may take at most four of them.",
]


def test_a_link_line_outside_a_list_is_still_chrome() -> None:
    link = "https://shop.example.com/deals/tin-robot-kit-blue-with-remote"
    with models_in_use(_by_length(FEATURE_NAMES), _by_length(SECOND_NAMES)):
        result = clean_capture(_page(HEADER, INTRO, [link], LATER, FOOTER))
    assert LATER[0] in result.paragraphs
    assert link not in result.paragraphs


# ------------------------------------------------------------ a tabloid's rail of kickers

_KICKED = [
    "Most read in harbor news",
    "SHOCK EXIT",
    "Harbor star 'quits show after row with producers'",
    "BRIDGE WOES",
    "Repairs run late again as city blames the weather",
    "‘NOT GOOD ENOUGH’",
    "Ferry fares 'to rise twice this year'",
]


def test_a_rail_of_kickers_over_titles_is_teasers() -> None:
    after = "The council will meet again on Monday to discuss the harbor budget in full."
    lines = classify(_page(_KICKED, [after]))
    mark_rails(lines)
    assert lines[0].kind is Kind.HEADING  # "Most read in …"
    assert [ln.reason for ln in lines[1:7]] == ["teaser-rail"] * 6
    assert lines[7].reason is None  # the body goes on after the rail


def test_a_capitals_subheading_over_a_sentence_is_no_kicker() -> None:
    lines = classify(
        _page(
            ["Latest from Harbor", "HARBOR WORKS"],
            ["Crews began the repairs on Monday and expect to finish by the end of the month."],
        )
    )
    mark_rails(lines)
    assert lines[2].reason is None  # a sentence with its full stop: body, not a teaser
