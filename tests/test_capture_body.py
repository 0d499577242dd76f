"""The body of a text capture: the two-pass line model and the body stretch (issue 3).

Fixtures are small pages written for these tests.
"""

from __future__ import annotations

from newsloom.clean.capture import classify, clean_capture, mark_rails
from newsloom.clean.linemodel import (
    FEATURE_NAMES,
    SECOND_NAMES,
    LineModel,
    best_stretch,
    features,
    first_probabilities,
    load_models,
    models_in_use,
    own_features,
    probabilities,
    second_features,
    topic_words,
)

HEADER = [
    "Subscribe",
    "Sign In",
    "Home",
    "Travel",
    "Ferry crews ready the harbor for the winter timetable",
    "By Ana Ruiz | Harbor Ledger",
    "Published November 3, 2025",
]
BODY = [
    "The harbor ferries will switch to their winter timetable on Monday, the port authority "
    "said, with fewer crossings in the evening and an extra boat on weekday mornings.",
    "Ferry captains said the morning boat would ease the crowding that commuters have "
    "complained about since the harbor bridge closed for repairs in September.",
    "The port authority said the ferry fares would not change this winter.",
]
RAIL = [
    "Most Read",
    "Council delays vote on stadium parking",
    "2 hours ago",
    "Storm knocks out power to 3,000 homes",
    "5 hours ago",
    "Bakery on Elm Street wins state award",
    "1 day ago",
]
FOOTER = ["About Us", "Contact Us", "© 2025 Harbor Ledger. All rights reserved."]


def _page(*parts: list[str]) -> str:
    return "\n".join(line for part in parts for line in part)


def test_weights_match_the_features() -> None:
    first, second = load_models()
    assert len(first.weights) == len(FEATURE_NAMES)
    assert len(second.weights) == len(SECOND_NAMES)
    assert SECOND_NAMES[: len(FEATURE_NAMES)] == FEATURE_NAMES


def test_best_stretch_is_the_largest_sum() -> None:
    assert best_stretch([-1.0, 2.0, -0.5, 2.0, -3.0, 1.0]) == (1, 3)
    assert best_stretch([-1.0, -2.0]) == (None, None)
    assert best_stretch([]) == (None, None)


def test_glued_teaser_title_and_blurb() -> None:
    assert own_features("Customers Leave Without Paying At SteakhouseA party of six left").glued
    assert own_features("Is Violence On The Rise?Violence is part of the game").glued
    assert not own_features("The ferries will switch to the winter timetable on Monday.").glued


def test_body_lines_share_topic_words() -> None:
    lines = classify(_page(HEADER, BODY, RAIL))
    mark_rails(lines)
    rows = features(lines)
    cohesion = FEATURE_NAMES.index("cohesion")
    body_at = len(HEADER)
    teaser_at = len(HEADER) + len(BODY) + 3  # "Storm knocks out power ..."
    assert rows[body_at][cohesion] > rows[teaser_at][cohesion]
    assert "ferries" in topic_words(BODY[0])


def test_second_pass_sees_the_first_scores_against_the_page() -> None:
    lines = classify(_page(HEADER, BODY, RAIL, FOOTER))
    mark_rails(lines)
    rows = features(lines)
    first = first_probabilities(lines)
    rows2 = second_features(lines, rows, first)
    rank, vs_top = SECOND_NAMES.index("p1_rank"), SECOND_NAMES.index("p1_vs_top")
    body_at = len(HEADER)
    assert rows2[body_at][rank] > rows2[0][rank]
    assert rows2[body_at][vs_top] > rows2[0][vs_top]
    assert max(row[vs_top] for row in rows2) == 0.0  # the page's likeliest line
    assert len(probabilities(lines)) == len(lines)


def test_a_lone_headline_is_no_body() -> None:
    result = clean_capture("Ferry crews ready the harbor for the winter timetable")
    assert result.paragraphs == []


def _constant_models(bias: float) -> tuple[LineModel, LineModel]:
    n1, n2 = len(FEATURE_NAMES), len(SECOND_NAMES)
    return (
        LineModel((), (0.0,) * n1, (1.0,) * n1, (0.0,) * n1, bias),
        LineModel((), (0.0,) * n2, (1.0,) * n2, (0.0,) * n2, bias),
    )


def test_body_starts_after_the_header_it_swallowed() -> None:
    with models_in_use(*_constant_models(3.0)):  # every line at p 0.95: the whole page
        result = clean_capture(_page(HEADER[4:], BODY))
    assert result.paragraphs == BODY
    assert result.title == HEADER[4]
    assert result.byline == ["Ana Ruiz"]


def test_body_kept_rail_and_footer_removed() -> None:
    result = clean_capture(_page(HEADER, BODY, RAIL, FOOTER))
    assert result.paragraphs == BODY
    removed = {r.text: r.reason for r in result.removed}
    assert all(removed.get(line) for line in RAIL + FOOTER)
    assert removed["Subscribe"]


def test_listicle_items_between_paragraphs_are_kept() -> None:
    items = [
        "Pack a warm layer: the evening crossings get cold once the sun goes down over the bay.",
        "Buy a monthly pass: the ferry authority says it pays for itself after twelve crossings.",
        "Check the timetable: the last boat now leaves the harbor at nine in the evening.",
    ]
    result = clean_capture(_page(HEADER, BODY[:2], items, BODY[2:], RAIL, FOOTER))
    body = "\n".join(result.paragraphs)
    assert all(item in body for item in items)
    assert "Storm knocks out power to 3,000 homes" not in body


def test_related_links_and_foreign_rail_headings() -> None:
    from newsloom.clean.capture import Kind, line_kind

    assert line_kind("Related links:") is Kind.HEADING
    assert line_kind("Você pode gostar...") is Kind.HEADING
    assert line_kind("Читайте также") is Kind.HEADING
    assert (
        line_kind("Related links between the two cases were found by police.") is not Kind.HEADING
    )


def test_newsletter_prompt_is_a_sign_off() -> None:
    from newsloom.clean.capture import Kind, line_kind

    assert line_kind("Stay up to date with Harbor Ledger. Subscribe to our newsletter.") is (
        Kind.SIGN_OFF
    )
    assert line_kind("Stay calm, the harbor master told the crews on Monday.") is Kind.PROSE


def test_blank_lines_around_a_line_mark_it_spaced() -> None:
    lines = classify("Menu\nHome\n\nThe ferries will run all winter, the port said.\n\nAbout")
    assert [line.spaced for line in lines] == [False, False, True, True]


def test_spaced_feature_is_relative_to_the_page() -> None:
    spaced = FEATURE_NAMES.index("spaced")
    every_line_spaced = features(classify("\n\n".join(HEADER + BODY)))
    assert {row[spaced] for row in every_line_spaced} == {0.0}  # no contrast, no evidence
    some_spaced = features(classify("\n".join(HEADER) + "\n\n" + "\n\n".join(BODY)))
    assert some_spaced[len(HEADER)][spaced] > 0 > some_spaced[0][spaced]


def test_header_distance_counts_lines_after_the_byline() -> None:
    distance = FEATURE_NAMES.index("header_distance")
    rows = features(classify(_page(HEADER, BODY, RAIL)))
    byline_at = HEADER.index("By Ana Ruiz | Harbor Ledger")
    assert rows[byline_at][distance] == 0.0
    assert 0 < rows[len(HEADER)][distance] < rows[-1][distance]


def test_length_weighs_the_evidence_for_a_stretch() -> None:
    from newsloom.clean.linemodel import gains

    lines = classify(_page(BODY, ["Yes (41%)", "No (29%)"]))
    evidence = gains(lines, [0.9] * len(lines))
    assert evidence[0] > 10 * evidence[-1] > 0


def test_a_lone_sentence_amid_chrome_is_still_the_body() -> None:
    lines = classify(_page(HEADER[:4], BODY[2:], FOOTER[:2]))
    with models_in_use(*_constant_models(-3.0)):  # every line at p 0.05: no stretch has evidence
        result = clean_capture(_page(HEADER[:4], BODY[2:], FOOTER[:2]))
        assert len(set(first_probabilities(lines))) == 1
    assert result.paragraphs == BODY[2:]
    assert len(set(first_probabilities(lines))) > 1  # the shipped weights again after the block


# A wire capture with no headline line: the likeliest headline is a sentence in the middle.
NO_HEADLINE = """HARBORTON (AP) --

The city council of Harborton is reviewing whether parking violations by several of its members \
should affect their standing on the transport committee, officials said on Tuesday.

The review began after a local newspaper reported that three members had collected more than \
forty unpaid tickets in the past two years.

``That matter is under review,'' council clerk Dana Whitfield said when asked Tuesday about the \
tickets. ``We will look at all of it.''

Members of the committee declined to comment on the review, and the mayor's office said it would \
wait for the clerk's report before deciding anything.

The council meets again next week.
"""


def test_headline_below_body_paragraphs_stays_in_the_body() -> None:
    result = clean_capture(NO_HEADLINE)
    quote = next(line for line in NO_HEADLINE.splitlines() if line.startswith("``That"))
    assert result.title == quote  # the page's likeliest headline line ...
    assert quote in result.paragraphs  # ... is still a paragraph of the article
    assert all(r.reason != "title" for r in result.removed)


def test_headline_above_the_body_leaves_it() -> None:
    text = "Council reviews members' parking tickets\n\n" + NO_HEADLINE.split("\n\n", 1)[1]
    result = clean_capture(text)
    assert result.title == "Council reviews members' parking tickets"
    assert result.title not in result.paragraphs
