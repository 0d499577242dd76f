"""The extractors bench/seb.py runs live: newsloom, its peers, and the text baselines."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from typing import Any

from newsloom.clean import clean, learn_site_chrome
from newsloom.clean.chrome import SiteChrome
from newsloom.model import Article
from newsloom.read.capture import parse_capture
from seb_data import SebPage

Extract = Callable[[SebPage], "Answer"]


class Answer:
    """What one system said about one page."""

    __slots__ = ("body", "byline", "published")

    def __init__(
        self, body: str, published: str | None = None, byline: list[str] | None = None
    ) -> None:
        self.body = body
        self.published = published
        self.byline = byline or []


def newsloom_html(page: SebPage) -> Answer:
    return _answer(clean(page.html_page()))


def make_newsloom_text(chrome: SiteChrome | None) -> Extract:
    def run(page: SebPage) -> Answer:
        return _answer(clean(page.text_page(), site_chrome=chrome))

    return run


def _answer(result: Any) -> Answer:
    if isinstance(result, Article):
        return Answer(result.body, result.published, result.byline)
    return Answer("")


def trafilatura_html(page: SebPage) -> Answer:
    import trafilatura

    return Answer(trafilatura.extract(page.html(), include_comments=False) or "")


def trafilatura_meta(page: SebPage) -> Answer:
    """trafilatura with its metadata (date, author), for the date and byline tables."""
    import trafilatura

    doc = trafilatura.bare_extraction(page.html(), with_metadata=True, include_comments=False)
    author = getattr(doc, "author", None) or ""
    names = [a.strip() for a in author.split(";") if a.strip()]
    return Answer(getattr(doc, "text", "") or "", getattr(doc, "date", None), names)


def htmldate_only(page: SebPage) -> Answer:
    from htmldate import find_date

    return Answer("", find_date(page.html(), original_date=True))


def newspaper_html(page: SebPage) -> Answer:
    from newspaper import Article as NArticle

    art = NArticle(page.url, fetch_images=False)
    art.download(input_html=page.html())
    art.parse()
    published = art.publish_date.isoformat() if art.publish_date else None
    return Answer(art.text or "", published, list(art.authors))


def readability_html(page: SebPage) -> Answer:
    import lxml.html
    from readability import Document

    summary = Document(page.html()).summary(html_partial=True)
    return Answer(lxml.html.fromstring(summary).text_content() if summary.strip() else "")


def whole_capture(page: SebPage) -> Answer:
    capture = parse_capture(page.capture())
    return Answer(capture.text if capture else "")


#: The line-filter baseline keeps the longest run of lines with at least this many words...
FILTER_MIN_WORDS = 10
#: ...allowing this many shorter lines inside the run.
FILTER_GAP = 2


def line_filter(page: SebPage) -> Answer:
    """The simple baseline on a SEB capture (``longest_run``)."""
    capture = parse_capture(page.capture())
    return Answer(longest_run(capture.text if capture else ""))


def longest_run(text: str) -> str:
    """The longest run of long lines (a few short ones allowed inside) of a capture's text."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    best: tuple[int, int] = (0, 0)
    start = last = -1
    for i, line in enumerate(lines):
        if len(line.split()) < FILTER_MIN_WORDS:
            continue
        if start < 0 or i - last > FILTER_GAP + 1:
            start = i
        last = i
        if sum(len(x) for x in lines[start : last + 1]) > sum(len(x) for x in lines[slice(*best)]):
            best = (start, last + 1)
    return "\n".join(lines[slice(*best)])


def installed(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def html_systems(peers: bool) -> dict[str, Extract]:
    systems: dict[str, Extract] = {"newsloom": newsloom_html, "trafilatura": trafilatura_html}
    if peers and installed("newspaper"):
        systems["newspaper4k"] = newspaper_html
    if peers and installed("readability"):
        systems["readability-lxml"] = readability_html
    return systems


def text_systems(pages: list[SebPage]) -> dict[str, Extract]:
    chrome = learn_site_chrome([p.text_page() for p in pages])
    return {
        "newsloom": make_newsloom_text(chrome),
        "newsloom (no site chrome)": make_newsloom_text(None),
        "whole capture": whole_capture,
        "line filter": line_filter,
    }
