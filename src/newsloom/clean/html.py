"""Clean an HTML page: trafilatura finds the body; the page's own markup gives the metadata.

trafilatura is the best open body extractor on news (0.958 shingle F1 on the SEB pages), so it
finds the main text; the page's meta tags and ``<time>`` elements give dates with their zones,
which trafilatura's ``date`` drops; figcaptions are kept apart as captions; each extracted
block is traced to its page element and judged on the markup (``html_filters``: link lines,
teaser rails, the article header, calls to action); then the same line tests as for text
captures take datelines, bylines and leftover chrome out of the paragraphs.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from typing import Any
from urllib.parse import urlsplit

import lxml.html
import trafilatura
from lxml.etree import ParserError, XMLSyntaxError
from trafilatura.utils import load_html

from newsloom.clean import html_filters, htmltitle, pagedates
from newsloom.clean.capture import ALWAYS_CHROME, Kind, line_kind
from newsloom.clean.dates import numeric_dates
from newsloom.clean.html_filters import Block
from newsloom.clean.language import day_first
from newsloom.clean.meta import agency_name, find_dateline, parse_byline, split_names
from newsloom.clean.outlet import Vote
from newsloom.clean.outlet_html import html_votes
from newsloom.clean.outlet_names import host_name, parse_host
from newsloom.model import Removed

#: trafilatura's fast mode (no readability / jusText comparison), tables kept. On the 181 SEB
#: pages, trafilatura's text alone: default 0.957 F1 at 16.9 pages/s; fast + tables 0.962 F1 at
#: 26.1 pages/s (precision 0.946 vs 0.942, recall 0.979 vs 0.972; /tmp variants run, same pages,
#: interleaved). The fallback extractors cost a third of the time and did not pay for it.
TRAFILATURA_FAST = True
TRAFILATURA_TABLES = True
#: "Headline | Site", "Headline - Site", "Headline — Site".
_TITLE_SEPARATOR_RE = re.compile(r"\s+[|–—-]\s+")
#: Longer extracted paragraphs are article text without a look at their kind. With the
#: markup filters (``html_filters``) before them, the SEB dev F1 is the same at 150, 200 and
#: 300 characters (0.9843); the kinds of the 150-300 character paragraphs cost 0.65 ms a page.
HTML_KIND_MAX_CHARS = 150
#: Sibling containers (see ``_with_sibling_blocks``): a container class must hold at least this
#: many extracted paragraphs to be the article's; a paragraph joins from a sibling container
#: when it has this many words and at most this share of its text in links.
RESCUE_MIN_FOUND = 3
RESCUE_MIN_WORDS = 8
RESCUE_MAX_LINK_SHARE = 0.5
#: Bounds that keep one page's time bounded. The largest SEB page is 1.5 MB with 1,710 elements;
#: 300,000 paragraphs (6.6 MB) took trafilatura 56 s, 20,000 elements about 2 s.
MAX_MARKUP_CHARS = 12_000_000
MAX_ELEMENTS = 20_000
#: Paragraph-like elements of trafilatura's output tree.
BLOCK_TAGS = ("p", "head", "list", "quote", "item", "table", "lb", "row", "cell")


#: Line kinds dropped from an extracted HTML body. A URL printed as its own paragraph inside the
#: article is part of it (SEB dev: 21 such paragraphs, all in the ground truth).
HTML_CHROME = ALWAYS_CHROME - {Kind.URL}


@dataclass(slots=True)
class HtmlResult:
    title: str | None = None
    byline: list[str] = field(default_factory=list)
    agency: str | None = None
    dateline: str | None = None
    published: str | None = None
    updated: str | None = None
    url: str | None = None
    outlet_votes: list[Vote] = field(default_factory=list)
    language: str | None = None
    section: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)


class UnparseableHtml(ValueError):
    """lxml could not build a tree from the markup."""


class PathologicalHtml(ValueError):
    """Markup too large to extract in bounded time (see ``MAX_MARKUP_CHARS``, ``MAX_ELEMENTS``)."""


def clean_html(markup: str, crawl_date: date | None = None, url: str | None = None) -> HtmlResult:
    """Body, metadata and captions of one HTML page; dates after ``crawl_date`` are refused."""
    if len(markup) > MAX_MARKUP_CHARS:
        raise PathologicalHtml(f"markup of {len(markup):,} characters, over {MAX_MARKUP_CHARS:,}")
    tree = _parse(markup)
    elements = list(islice(tree.iter(), MAX_ELEMENTS + 1))  # held: one lxml proxy (id) each
    if len(elements) > MAX_ELEMENTS:
        raise PathologicalHtml(f"over {MAX_ELEMENTS:,} elements")
    result = HtmlResult()
    meta = _meta_tags(tree)
    ld = _json_ld(tree)
    result.url = meta.get("og:url") or _canonical(tree)
    result.outlet_votes = html_votes(tree, parse_host(host_name(url or result.url)))
    result.title = _title(tree, meta, ld, url or result.url)
    result.section = meta.get("article:section")
    result.language = _language(tree)
    result.captions = _captions(tree)
    _authors(meta, ld, result)
    # extraction works on a copy: the tree stays whole for the dates
    with numeric_dates(day_first(result.language)):  # "12/03/2024" on a <html lang="fr"> page
        _body(tree, elements, result, _headings(tree, meta, result.title))
    latest = crawl_date or date.today()
    result.updated = pagedates.updated(meta, ld, latest)
    result.published = pagedates.published(tree, meta, ld, latest, url or result.url)  # last:
    return result  # htmldate's fallback may prune the tree it is given


def _parse(markup: str) -> Any:
    """One parse per page, with trafilatura's parser settings (its tree scores 0.004 F1 better
    on SEB than lxml's defaults); lxml's own parser when trafilatura refuses the markup."""
    tree = load_html(markup)
    if tree is not None:
        return tree
    try:
        tree = lxml.html.fromstring(markup)
        if not isinstance(tree.tag, str):  # a fragment opening with a comment parses to the
            tree = lxml.html.document_fromstring(markup)  # comment: every later step needs
        return tree  # an element ("Input object is not an XML element", a zip() mismatch)
    except (ParserError, XMLSyntaxError, ValueError) as exc:
        raise UnparseableHtml(str(exc)) from exc


def _meta_tags(tree: Any) -> dict[str, str]:
    found: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        value = (el.get("content") or "").strip()
        if key and value and key not in found:
            found[key] = value
    return found


def _json_ld(tree: Any) -> dict[str, Any]:
    """The first JSON-LD object that looks like an article (data only; never executed)."""
    for el in tree.iter("script"):
        if (el.get("type") or "").lower() != "application/ld+json" or not el.text:
            continue
        try:
            data = json.loads(el.text)
        except ValueError:
            continue
        for item in data if isinstance(data, list) else [data]:
            if isinstance(item, dict) and ("datePublished" in item or "headline" in item):
                return item
    return {}


def _title(tree: Any, meta: dict[str, str], ld: dict[str, Any], url: str | None) -> str | None:
    """The headline (``htmltitle``): the visible ``h1`` that the title tags confirm, else the
    title tags without the site's name."""
    headline = ld.get("headline")
    titles = [_text(el) for el in islice(tree.iter("title"), 1)]  # not an <svg>'s <title>
    tags = [
        headline.strip() if isinstance(headline, str) else "",
        meta.get("og:title", ""),
        meta.get("twitter:title", ""),
        *titles,
    ]
    sources = htmltitle.TitleSources(
        h1s=[_text(el) for el in tree.iter("h1")],
        tags=[tag for tag in tags if tag],
        site_names=[meta.get("og:site_name", ""), _publisher(ld)],
        host=urlsplit(url).hostname if url else None,
    )
    return htmltitle.headline(sources)


def _publisher(ld: dict[str, Any]) -> str:
    publisher = ld.get("publisher")
    name = publisher.get("name") if isinstance(publisher, dict) else None
    return name if isinstance(name, str) else ""


def _headings(tree: Any, meta: dict[str, str], title: str | None) -> set[str]:
    """Texts that repeat the headline, not article text: every ``h1``, ``og:title``, and the
    headline part of ``<title>``."""
    found = {title or "", meta.get("og:title", "")}
    found.update(_text(el) for el in tree.iter("h1"))
    found.update(_TITLE_SEPARATOR_RE.split(_text(el))[0] for el in tree.iter("title"))
    return found - {""}


def _canonical(tree: Any) -> str | None:
    for el in tree.iter("link"):
        if (el.get("rel") or "").lower() == "canonical" and el.get("href"):
            return str(el.get("href"))
    return None


def _language(tree: Any) -> str | None:
    lang = tree.get("lang") or ""
    return lang.split("-")[0].lower() or None


def _captions(tree: Any) -> list[str]:
    return [text for el in tree.iter("figcaption") if (text := _text(el))]


def _authors(meta: dict[str, str], ld: dict[str, Any], result: HtmlResult) -> None:
    raw = meta.get("author") or meta.get("article:author") or _ld_author(ld)
    if raw and not raw.startswith("http"):
        names, agency = split_names(raw)
        result.byline, result.agency = names, agency


def _ld_author(ld: dict[str, Any]) -> str | None:
    author = ld.get("author")
    items = author if isinstance(author, list) else [author]
    names = [a.get("name") if isinstance(a, dict) else a for a in items]
    joined = ", ".join(n for n in names if isinstance(n, str))
    return joined or None


def _body(tree: Any, elements: list[Any], result: HtmlResult, headings: set[str]) -> None:
    html_filters.mark(elements)
    try:
        doc = trafilatura.bare_extraction(
            tree,
            fast=TRAFILATURA_FAST,
            with_metadata=False,
            include_comments=False,
            include_tables=TRAFILATURA_TABLES,
        )
    finally:
        html_filters.unmark(tree)
    body = getattr(doc, "body", None)
    if body is None:
        return
    blocks = _blocks(body, elements)
    skip = {*headings, *result.captions}
    _judge(blocks, result)
    for text in _with_sibling_blocks(elements, blocks):
        _add_paragraph(text, skip, result)
    _take_dateline(result)


def _judge(blocks: list[Block], result: HtmlResult) -> None:
    """The markup filters: every block or span they take out is listed with its reason."""
    html_filters.judge(blocks)
    for text in html_filters.cut_cards(blocks):
        result.removed.append(Removed(text=text, reason="link-card"))
    for block in blocks:
        if block.drop is None:
            continue
        result.removed.append(Removed(text=block.text, reason=block.drop))
        if block.drop == "caption" and block.text not in result.captions:
            result.captions.append(block.text)  # a caption the markup did not mark as one


def _with_sibling_blocks(elements: list[Any], blocks: list[Block]) -> list[str]:
    """The kept blocks' texts plus the paragraphs of the article's other containers.

    A story split into several containers of one class ("article__body" after each ad slot)
    is often extracted from its first container only. The container class that holds most of
    the extracted paragraphs is the article's; its other paragraphs join, in page order.
    """
    kept = [block for block in blocks if block.drop is None]
    found = [b.source for b in blocks if b.source is not None and b.source.tag == "p"]
    signature = _main_container(found)
    if signature is None:
        return [block.text for block in kept]
    holders = {id(el.getparent()) for el in found}  # what trafilatura left out of a container
    sources = {id(el) for el in found}  # it extracted from stays out: only other containers
    rescued = [  # of the same class join
        (i, text)
        for i, el in enumerate(elements)
        if el.tag == "p"
        and id(el) not in sources
        and _signature(el) == signature
        and id(el.getparent()) not in holders
        and len((text := _text(el)).split()) >= RESCUE_MIN_WORDS
        and not _link_heavy(el, text)
    ]
    if not rescued:
        return [block.text for block in kept]
    return _merge(kept, elements, rescued)


def _signature(el: Any) -> tuple[str, str] | None:
    parent = el.getparent()
    if parent is None or not parent.get("class"):
        return None
    return str(parent.tag), str(parent.get("class"))


def _main_container(found: list[Any]) -> tuple[str, str] | None:
    counts: dict[tuple[str, str], int] = {}
    for el in found:
        sig = _signature(el)
        if sig is not None:
            counts[sig] = counts.get(sig, 0) + 1
    if not counts:
        return None
    sig, n = max(counts.items(), key=lambda item: item[1])
    return sig if n >= RESCUE_MIN_FOUND else None


def _link_heavy(el: Any, text: str) -> bool:
    linked = sum(len(_text(a)) for a in el.iter("a"))
    return linked > RESCUE_MAX_LINK_SHARE * len(text)


def _merge(kept: list[Block], elements: list[Any], rescued: list[tuple[int, str]]) -> list[str]:
    """Each rescued paragraph after the last extracted block that stands before it."""
    order = {id(el): i for i, el in enumerate(elements)}
    position = [order.get(id(block.source), -1) for block in kept]
    for i in range(1, len(position)):
        position[i] = max(position[i], position[i - 1])  # blocks keep their own order
    items = [(pos, i, b.text) for i, (pos, b) in enumerate(zip(position, kept, strict=True))]
    items += [(pos, len(kept) + j, text) for j, (pos, text) in enumerate(rescued)]
    return [text for _, _, text in sorted(items)]


def _blocks(body: Any, elements: list[Any]) -> list[Block]:
    """The blocks of trafilatura's output tree, each traced to its page element (see
    ``html_filters.trace``)."""
    found: list[Block] = []
    _collect(body, elements, found)
    html_filters.trace(found, elements)
    return found


def _collect(el: Any, elements: list[Any], out: list[Block]) -> None:
    """Each word once: a block's own text and inline children form one paragraph; nested
    blocks (a ``p`` in a ``quote``, the ``item``s of a ``list``, the ``cell``s of a ``row``)
    are paragraphs of their own."""
    source = html_filters.source_index(el)
    buffer = [el.text or ""]
    for child in el:
        if child.tag in BLOCK_TAGS:
            _add_block(buffer, el, source, out)
            _collect(child, elements, out)
            buffer = [child.tail or ""]
        else:
            buffer.append("".join(child.itertext()) + (child.tail or ""))
    _add_block(buffer, el, source, out)


def _add_block(buffer: list[str], el: Any, source: int | None, out: list[Block]) -> None:
    text = _clean_space("".join(buffer))
    if text:
        out.append(Block(text=text, tag=str(el.tag), index=source))


def _add_paragraph(text: str, skip: set[str], result: HtmlResult) -> None:
    if not text:
        return
    if text in skip:
        result.removed.append(
            Removed(text=text, reason="caption" if text in result.captions else "title")
        )
        return
    kind = line_kind(text) if len(text) <= HTML_KIND_MAX_CHARS else Kind.PROSE
    if kind is Kind.BYLINE:
        parsed = parse_byline(text)
        if parsed and not result.byline:
            result.byline = parsed[0]
        result.agency = result.agency or (parsed[1] if parsed else None)
        result.removed.append(Removed(text=text, reason="byline"))
    elif kind in HTML_CHROME or (kind is Kind.CREDIT and agency_name(text)):
        result.removed.append(Removed(text=text, reason=kind.value))
    else:
        result.paragraphs.append(text)


def _take_dateline(result: HtmlResult) -> None:
    if not result.paragraphs:
        return
    found = find_dateline(result.paragraphs[0])
    if found:
        result.dateline = found.place
        result.agency = result.agency or found.agency
        result.paragraphs[0] = result.paragraphs[0][found.end :].lstrip()
        result.removed.append(Removed(text=found.text, reason="dateline"))


def _text(el: Any) -> str:
    return _clean_space("".join(el.itertext()))


def _clean_space(text: str | None) -> str:
    return " ".join((text or "").split())
