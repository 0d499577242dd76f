"""Build ``Page`` objects from decoded content: capture, HTML or plain text."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import date, datetime

from newsloom.errors import Code
from newsloom.ids import scrub
from newsloom.model import Page, PageFormat
from newsloom.read.capture import Capture, parse_capture
from newsloom.read.html import is_feed, looks_like_markup
from newsloom.read.notpage import not_a_page
from newsloom.read.reject import ReadError
from newsloom.read.sniff import html_by_name


@dataclass(frozen=True, slots=True)
class Origin:
    """Everything about a page except its content."""

    id: str
    input: str
    url: str | None = None
    source: str | None = None
    crawl_date: date | None = None
    encoding: str | None = None


def digest(content: str) -> str:
    """sha256 hex of the decoded content, so the same page read twice has the same digest."""
    return hashlib.sha256(content.encode("utf-8", "surrogatepass")).hexdigest()


def page_from_text(text: str, origin: Origin, *, name: str = "") -> Page:
    """Classify decoded text by content (a capture prefix, then markup), then by ``name``
    (the lower-cased file name): a document that is not a page is refused (NL-READ-010)."""
    if not text.strip():
        raise ReadError(Code.EMPTY, "holds only whitespace")
    capture = parse_capture(text)
    if capture is not None:
        return capture_page(capture, origin)
    if is_feed(text):
        raise ReadError(Code.UNSUPPORTED, "an RSS/Atom feed; feeds are not read yet")
    html_name = html_by_name(name)
    what = not_a_page(text, name, html_name=html_name)
    if what is not None:
        raise ReadError(Code.NOT_A_PAGE, what)
    if html_name or looks_like_markup(text):
        return html_page(text, origin)
    return _page("text", origin, text=text)


def capture_page(capture: Capture, origin: Origin) -> Page:
    """A capture page; an explicit ``origin.crawl_date`` wins over the prefix's date."""
    if not capture.text.strip():
        raise ReadError(Code.EMPTY, "capture holds only the date line")
    origin = replace(origin, crawl_date=origin.crawl_date or capture.crawl_date)
    return _page("capture", origin, text=capture.text)


def html_page(html: str, origin: Origin, page_format: PageFormat = "html") -> Page:
    if not html.strip():
        raise ReadError(Code.EMPTY, "holds only whitespace")
    return _page(page_format, origin, html=html)


def text_page(text: str, origin: Origin) -> Page:
    """Text given as text (a JSONL ``text`` value): a capture if it has the prefix."""
    if not text.strip():
        raise ReadError(Code.EMPTY, "holds only whitespace")
    capture = parse_capture(text)
    if capture is not None:
        return capture_page(capture, origin)
    return _page("text", origin, text=text)


def _page(
    page_format: PageFormat, origin: Origin, *, text: str | None = None, html: str | None = None
) -> Page:
    """Every string scrubbed (``names.scrub``): a lone surrogate or NUL from a JSON escape
    would fail a later stage or the store."""
    text = scrub(text) if text is not None else None
    html = scrub(html) if html is not None else None
    content = text if text is not None else html or ""
    return Page(
        id=origin.id,
        input=origin.input,
        format=page_format,
        url=scrub(origin.url) if origin.url else None,
        source=scrub(origin.source) if origin.source else None,
        crawl_date=origin.crawl_date,
        text=text,
        html=html,
        encoding=origin.encoding,
        digest=digest(content),
    )


def parse_iso_date(value: object) -> date | None:
    """``YYYY-MM-DD`` or an ISO datetime (``Z`` allowed) -> its date; anything else None."""
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(value).date()
    except ValueError:
        return None
