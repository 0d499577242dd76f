"""The HTML body post-filters (``newsloom.clean.html_filters``) on small hand-written pages."""

from __future__ import annotations

import lxml.html

from newsloom.clean import html_filters
from newsloom.clean.html import clean_html

PROSE = [
    "Forty-one ships waited to pass the canal locks on Tuesday, the canal authority said in a "
    "statement issued late in the afternoon.",
    "It is the longest queue since the locks reopened after repairs in the spring, and pilots "
    "said the wait had reached three days for the largest vessels.",
    "Brokers said freight rates on the route had risen for a third straight week as carriers "
    "added surcharges for cargo booked this month.",
    "The authority expects the queue to shrink once the second lock reopens next week, a "
    "spokeswoman said, adding that night passages would resume.",
    "Shipping groups have asked for a timetable of the remaining works so that they can plan "
    "their routes for the coming months.",
]


def _page(body: str, header: str = "", article_class: str = "story") -> str:
    return f"""<html><head><title>Canal queue reaches record length | Harbourline</title></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article class="{article_class}">{header}
<h1>Canal queue reaches record length</h1>
<div class="story-body">{body}</div></article>
<footer><p>About us. Contact. Privacy policy and terms of use.</p></footer></body></html>"""


def _paragraphs(texts: list[str]) -> str:
    return "".join(f"<p>{text}</p>" for text in texts)


def test_related_link_line_is_dropped_with_a_reason() -> None:
    body = _paragraphs(PROSE[:2])
    body += '<p>Related: <a href="/a">Port strike ends after two weeks of talks</a></p>'
    body += _paragraphs(PROSE[2:])
    result = clean_html(_page(body))
    assert not any("Port strike" in p for p in result.paragraphs)
    assert any(r.reason == "link" and "Port strike" in r.text for r in result.removed)
    assert len(result.paragraphs) == len(PROSE)


def test_label_and_links_split_at_line_breaks_are_dropped() -> None:
    links = (
        "<p><strong>DON'T MISS</strong></p><p>"
        '<a href="/b">Tanker runs aground near the harbour mouth</a> [VIDEO]<br>'
        '<a href="/c">Dock workers vote on new contract</a> [INSIGHT]<br>'
        '<a href="/d">Ferry timetable changes for the winter</a></p>'
    )
    result = clean_html(_page(_paragraphs(PROSE[:3]) + links + _paragraphs(PROSE[3:])))
    body = "\n".join(result.paragraphs)
    assert "Tanker runs aground" not in body
    assert "Ferry timetable" not in body
    assert "DON'T MISS" not in body
    assert "second lock reopens" in body


def test_prose_with_a_link_is_kept() -> None:
    linked = (
        'The <a href="/authority">canal authority</a> published its figures on Tuesday, and '
        "they show the queue grew by a third in a week."
    )
    body = _paragraphs(PROSE[:2]) + f"<p>{linked}</p>" + _paragraphs(PROSE[2:])
    result = clean_html(_page(body))
    assert any(p.startswith("The canal authority published") for p in result.paragraphs)
    assert not result.removed or all(r.reason != "link" for r in result.removed)


def _blocks(markup: str) -> list[html_filters.Block]:
    tree = lxml.html.fromstring(f"<div>{markup}</div>")
    return [
        html_filters.Block(text=" ".join(p.text_content().split()), tag="p", source=p)
        for p in tree.iter("p")
    ]


def test_a_printed_url_is_not_a_link_line_but_a_related_line_is() -> None:
    blocks = _blocks(
        _paragraphs(PROSE[:3])
        + '<p><a href="https://canal.example/queue">https://canal.example/queue</a></p>'
        + '<p>Related: <a href="/a">Port strike ends after two weeks of talks</a></p>'
    )
    html_filters.judge(blocks)
    assert [b.drop for b in blocks] == [None, None, None, None, "link"]


def test_standfirst_in_the_article_header_is_dropped() -> None:
    header = "<header><h2>Pilots say the wait has never been this long.</h2></header>"
    result = clean_html(_page(_paragraphs(PROSE), header=header))
    assert not any("never been this long" in p for p in result.paragraphs)
    assert any(r.reason == "header" for r in result.removed)
    assert result.paragraphs[0].startswith("Forty-one ships")


def test_a_container_named_header_that_holds_the_body_keeps_it() -> None:
    page = f"""<html><head><title>Canal queue</title></head><body>
<div class="article-wrapper"><div class="article-header"><div class="entry-content">
{_paragraphs(PROSE)}</div></div></div></body></html>"""
    result = clean_html(page)
    assert len(result.paragraphs) == len(PROSE)
    assert not any(r.reason == "header" for r in result.removed)


def test_filters_never_take_most_of_the_text() -> None:
    items = "".join(
        f'<p><a href="/{i}">Canal notice number {i} for ships waiting at the northern locks</a></p>'
        for i in range(12)
    )
    result = clean_html(_page(items + _paragraphs(PROSE[:1])))
    assert sum("Canal notice number" in p for p in result.paragraphs) == 12


def test_marks_are_removed_after_extraction() -> None:
    tree = lxml.html.fromstring(f"<html><body>{_paragraphs(PROSE)}</body></html>")
    elements = list(tree.iter())
    html_filters.mark(elements)
    assert tree.find(".//p").get(html_filters.SOURCE_ATTR) is not None
    html_filters.unmark(tree)
    assert all(el.get(html_filters.SOURCE_ATTR) is None for el in tree.iter())


def test_calls_to_action_and_copyright_lines_are_dropped_with_a_reason() -> None:
    body = _paragraphs(PROSE)
    body += "<p>Sign up for the Harbourline daily newsletter to get the news in your inbox.</p>"
    body += "<p>Follow us on Twitter @harbourline for more canal news.</p>"
    body += "<p>Jane Roe contributed to this report.</p>"
    body += "<p>© 2025 Harbourline Media. All rights reserved.</p>"
    result = clean_html(_page(body))
    assert result.paragraphs[-1].startswith("Shipping groups")
    reasons = {r.reason for r in result.removed}
    assert {"promo", "copyright"} <= reasons


def test_prose_that_mentions_a_newsletter_is_kept() -> None:
    long_mention = (
        "The authority said its weekly newsletter to shipping firms would carry the timetable "
        "of the works, but pilots said they had not been told when the second lock would "
        "reopen, and several carriers said they would keep their surcharges in place until "
        "the queue had fallen back under twenty ships, which brokers did not expect before "
        "the end of the month at the earliest, given the backlog of vessels at anchor."
    )
    result = clean_html(_page(_paragraphs(PROSE[:3]) + f"<p>{long_mention}</p>"))
    assert any(p.startswith("The authority said its weekly newsletter") for p in result.paragraphs)


def test_a_hover_card_inside_a_paragraph_is_cut_but_the_linked_name_stays() -> None:
    card = (
        '<span class="person"><a href="/p/roe">Jane Roe</a><span class="card">'
        '<a href="/p/roe">Jane Roe</a> <a href="/1">Port strike ends after two weeks</a> '
        '<a href="/2">Locks to reopen in the spring</a> <a href="/3">Carriers add surcharges</a>'
        '<a href="/p/roe">MORE</a></span></span>'
    )
    linked = f"<p>Harbour master {card} said the queue would shrink once the lock reopened.</p>"
    result = clean_html(_page(_paragraphs(PROSE[:2]) + linked + _paragraphs(PROSE[2:])))
    paragraph = next(p for p in result.paragraphs if p.startswith("Harbour master"))
    assert paragraph == (
        "Harbour master Jane Roe said the queue would shrink once the lock reopened."
    )
    assert any(r.reason == "link-card" and "Port strike" in r.text for r in result.removed)


def test_a_rail_of_teasers_inside_the_article_container_is_dropped() -> None:
    teasers = "".join(
        f'<div class="box"><div><a href="/{i}">{title}</a></div><div>{blurb}</div></div>'
        for i, (title, blurb) in enumerate(
            [
                ("Ferry operator orders two new boats", "The order is worth forty million."),
                ("Bridge repairs delayed until the summer", "Engineers found more corrosion."),
                ("Harbour fees to rise in the new year", "The council voted on Monday night."),
            ]
        )
    )
    result = clean_html(_page(_paragraphs(PROSE) + teasers))
    body = "\n".join(result.paragraphs)
    assert "Engineers found more corrosion" not in body
    assert "The council voted" not in body
    assert body.endswith("coming months.")
    assert sum(r.reason == "teaser" for r in result.removed) >= 2


def test_an_italic_line_under_a_picture_is_a_caption() -> None:
    picture = '<p><a href="/big.jpg"><img src="/small.jpg" alt=""></a></p>'
    caption = "<p><em>The northern lock at dawn, seen from the control tower</em></p>"
    result = clean_html(_page(_paragraphs(PROSE[:3]) + picture + caption + _paragraphs(PROSE[3:])))
    assert "The northern lock at dawn, seen from the control tower" in result.captions
    assert not any("northern lock at dawn" in p for p in result.paragraphs)
    assert any(r.reason == "caption" for r in result.removed)
