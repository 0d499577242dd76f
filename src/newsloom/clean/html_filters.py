"""Post-filters on trafilatura's extracted blocks, judged on the page's own markup.

trafilatura keeps some page furniture inside the article container: "Related: ..." and
"Read more: ..." link lines and the label over them ("Don't miss"), rails of teasers, the
standfirst and date line of the article's header, hover cards of linked names, newsletter and
"follow us" prompts, italic captions under pictures. Each extracted block is traced back to
the element it came from (a mark set on each paragraph before extraction survives into
trafilatura's output tree; other blocks are found by their text between the traced ones),
and the element's links, names and neighbours decide. Every block taken out is returned with
its reason, for ``Article.removed``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice, pairwise
from typing import Any

from lxml import etree

from newsloom.clean import vocab

#: The attribute that carries an element's position in the page into trafilatura's output.
SOURCE_ATTR = "data-newsloom-i"
#: A block whose source element has at least this share of its text inside links, and at
#: most ``LINK_MAX_WORDS`` words, is a link to another page ("Related: ...", a teaser).
LINK_MIN_SHARE = 0.8
LINK_MAX_WORDS = 30
#: A block inside a link (a teaser's heading) is a link line: links are looked for this many
#: levels above the block's element.
LINK_REACH = 4
#: A link card inside a paragraph: an inline box with at least this many links holding at
#: least this share of its text.
CARD_MIN_LINKS = 3
CARD_MIN_SHARE = 0.9
CARD_TAGS = ("span", "div", "aside", "ul")
#: A rail of teasers is at least this many blocks in a row, each of at most this many words,
#: with a headline link of at least this many words, in the block or in a box at most this
#: many levels above it that holds little else (this many characters).
TEASER_MIN_RUN = 3
TEASER_MAX_WORDS = 50
TEASER_TITLE_WORDS = 4
TEASER_REACH = 2
TEASER_SLACK = 20
#: A teaser's box holds at most this many links (headline, picture, section).
TEASER_MAX_LINKS = 3
#: ...and at most this many elements (looked at before its links and text, which keeps the
#: time linear on a page of thousands of list items).
TEASER_MAX_ELEMENTS = 30
#: A caption under a picture has at most this many words.
CAPTION_MAX_WORDS = 25
#: The picture above it is a small box (a link around an image, a figure).
CAPTION_PICTURE_ELEMENTS = 10
#: The filters never take more than this share of the extracted text.
MAX_DROP_SHARE = 0.5
#: A label over dropped links ("Don't miss", "Partner news") has at most this many words.
LABEL_MAX_WORDS = 4
#: A header is at most this many elements above a block's source, and holds at most this many
#: words in at most this many blocks (else it is a container named "header" that holds the
#: body: one such site in SEB).
HEADER_REACH = 5
HEADER_MAX_WORDS = 60
HEADER_MAX_BLOCKS = 3
#: ...and at most this many elements (a site's whole article box can be named "header").
HEADER_MAX_ELEMENTS = 300
HEADER_NAMES = frozenset({"header", "headline"})
#: How many page elements after the last traced block are searched for an untraced block's
#: source (bounds the time on a page whose output kept no marks).
TRACE_REACH = 400
#: ...and the source found holds at most this many times the block's text (a line of a
#: paragraph split at line breaks, not the whole page).
TRACE_MAX_RATIO = 8
#: A text node starts a block when the block starts with its first this many characters...
TRACE_HEAD_CHARS = 40
#: ...and the node's block element is at most this many levels above it (a link in a bold
#: span in a paragraph).
TRACE_LIFT = 4
#: Page elements that make a block of text of their own.
BLOCK_TAGS = frozenset(
    {"p", "div", "li", "td", "th", "dd", "dt", "blockquote", "section", "article", "pre",
     "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "center"}
)  # fmt: skip
_NAME_SPLIT_RE = re.compile(r"[^a-z]+")
_TERMINAL_RE = re.compile(r"[.!?…\"”]$")


@dataclass(slots=True)
class Block:
    """One paragraph of trafilatura's output and where it came from."""

    text: str
    tag: str
    #: The position of the source element in the page, when the output element kept the mark.
    index: int | None = None
    source: Any = None
    drop: str | None = None


def mark(elements: list[Any]) -> None:
    """Number the paragraphs, so that extracted blocks can be traced to them (trafilatura
    keeps the attributes of the ``p`` elements it takes over; on SEB, 3,013 of 3,014 marked
    blocks were ``p``: other elements are traced by their text)."""
    for i, el in enumerate(elements):
        if el.tag == "p":
            el.set(SOURCE_ATTR, str(i))


def unmark(tree: Any) -> None:
    etree.strip_attributes(tree, SOURCE_ATTR)


def source_index(out_el: Any) -> int | None:
    """The page position an output element carried through extraction, or None."""
    index = out_el.get(SOURCE_ATTR)
    return int(index) if index is not None and index.isdigit() else None


def trace(blocks: list[Block], elements: list[Any]) -> None:
    """Set each block's ``source``. trafilatura rebuilds some elements (list items, a
    paragraph split at line breaks) without the mark: their source is found between the
    blocks traced before and after (see ``_find_source``)."""
    following: list[int | None] = [None] * len(blocks)  # the next marked position after each
    nxt: int | None = None
    for i in range(len(blocks) - 1, -1, -1):
        following[i] = nxt
        if blocks[i].index is not None:
            nxt = blocks[i].index
    last = -1
    for i, block in enumerate(blocks):
        if block.index is not None and block.index < len(elements):
            block.source, last = elements[block.index], block.index
            continue
        hi = following[i]
        if hi is None:  # after the last marked block: look forward
            start, end = last + 1, min(len(elements), last + 1 + TRACE_REACH)
        else:  # look back from the next marked block
            start, end = max(last + 1, hi - TRACE_REACH), min(hi, len(elements))
        found = _find_source(block.text, elements, start, end)
        if found is not None:
            block.source, last = found


def _find_source(text: str, elements: list[Any], start: int, end: int) -> tuple[Any, int] | None:
    """The first element in ``elements[start:end]`` with a text node that starts the block,
    lifted to its enclosing block element, that holds the block's whole text (and not much
    more: a line of a paragraph split at line breaks, not the whole page)."""
    first = text[0]
    for j in range(start, end):
        el = elements[j]
        if not isinstance(el.tag, str):
            continue
        for node, owner in ((el.text, el), (el.tail, el.getparent())):
            if not node or node.lstrip()[:1] != first or owner is None:
                continue
            if not text.startswith(_clean_space(node)[:TRACE_HEAD_CHARS]):
                continue
            container = _block_of(owner)
            inner = _text(container) if container is not None else ""
            if text in inner and len(inner) <= TRACE_MAX_RATIO * len(text):
                return container, j
    return None


def _block_of(el: Any) -> Any:
    for _ in range(TRACE_LIFT):
        if el is None or el.tag in BLOCK_TAGS:
            return el
        el = el.getparent()
    return None


def judge(blocks: list[Block]) -> None:
    """Set ``drop`` (a reason) on the blocks that are page furniture; none when that would
    be most of the text (then the page is a list of links, not an article with some)."""
    for block in blocks:
        if block.source is not None and _is_link_line(block):
            block.drop = "link"
    _judge_headers(blocks)
    _judge_teasers(blocks)
    for block in blocks:
        if block.drop is None and block.source is not None and _is_image_caption(block):
            block.drop = "caption"
    for block in blocks:
        if block.drop is None:
            block.drop = _text_kind(block.text)
    for before, after in pairwise(blocks):
        if after.drop == "link" and before.drop is None and _is_label(before.text):
            before.drop = "link"
    dropped = sum(len(block.text) for block in blocks if block.drop)
    if dropped > MAX_DROP_SHARE * sum(len(block.text) for block in blocks):
        for block in blocks:
            block.drop = None


def cut_cards(blocks: list[Block]) -> list[str]:
    """Take link cards out of the kept paragraphs, and return their texts.

    A card is an inline box of links inside a paragraph (a hover card after a linked name:
    the person's name, three headlines, "More"): at least ``CARD_MIN_LINKS`` links and at
    least ``CARD_MIN_SHARE`` of its text in them, and less than the whole paragraph. The
    innermost box is cut (its wrapper may hold the linked name, which is prose).
    """
    cut: list[str] = []
    for block in blocks:
        if block.drop is not None or block.source is None or block.source.tag != "p":
            continue
        for el in reversed(list(block.source.iter(*CARD_TAGS))):  # inner boxes first
            text = _card_text(el)
            if text and len(text) < len(block.text) and text in block.text:
                block.text = _clean_space(block.text.replace(text, " ", 1))
                cut.append(text)
    return cut


def _card_text(el: Any) -> str | None:
    links = el.findall(".//a")
    if len(links) < CARD_MIN_LINKS:
        return None
    text = _text(el)
    linked = sum(len(_text(a)) for a in links)
    return text if linked >= CARD_MIN_SHARE * len(text) else None


def _judge_teasers(blocks: list[Block]) -> None:
    """Drop rails of teasers: at least ``TEASER_MIN_RUN`` blocks in a row, each a headline
    link with its blurb (in the block, or the blurb beside the headline in a small box)."""
    run: list[Block] = []
    for block in [*blocks, None]:
        if block is not None and block.drop is None and _is_teaser(block):
            run.append(block)
            continue
        if len(run) >= TEASER_MIN_RUN:
            for teaser in run:
                teaser.drop = "teaser"
        if block is None or block.drop is None:
            run = []


def _is_teaser(block: Block) -> bool:
    el = block.source
    if el is None or len(block.text.split()) > TEASER_MAX_WORDS:
        return False
    first = el.find(".//a")
    if first is not None:
        title = _text(first)
        if _is_headline(title) and block.text.startswith(title) and len(block.text) > len(title):
            return True
    for _ in range(TEASER_REACH):
        el = el.getparent()
        if el is None or _small_subtree(el, TEASER_MAX_ELEMENTS) is None:
            return False
        links = el.findall(".//a")
        if len(links) > TEASER_MAX_LINKS:  # not a small box: the article's container
            return False
        titles = [t for a in links if _is_headline(t := _text(a)) and t not in block.text]
        if titles:
            return len(_text(el)) <= len(block.text) + sum(map(len, titles)) + TEASER_SLACK
    return False


def _is_image_caption(block: Block) -> bool:
    """A short paragraph set all in italics right under a picture (the picture alone in the
    element before it)."""
    el = block.source
    if len(block.text.split()) > CAPTION_MAX_WORDS or (el.text or "").strip():
        return False
    children = list(el)
    if len(children) != 1 or children[0].tag not in ("em", "i") or (children[0].tail or "").strip():
        return False
    before = el.getprevious()
    if before is None or _small_subtree(before, CAPTION_PICTURE_ELEMENTS) is None:
        return False
    return before.find(".//img") is not None and not _text(before)


def _is_headline(text: str) -> bool:
    return len(text.split()) >= TEASER_TITLE_WORDS


def _is_link_line(block: Block) -> bool:
    """A line that is mostly links, not a printed address (a URL printed in the article is
    part of it: SEB dev, 21 such paragraphs in the ground truth)."""
    if len(block.text.split()) > LINK_MAX_WORDS or vocab.URL_LINE_RE.match(block.text):
        return False
    return link_share(block.text, block.source) >= LINK_MIN_SHARE


def link_share(text: str, el: Any) -> float:
    """Share of ``text`` (a block made from ``el``, maybe one line of it) inside the links of
    ``el``; 1.0 when the element is itself inside a link."""
    parent = el
    for _ in range(LINK_REACH):
        if parent is None:
            break
        if parent.tag == "a":
            return 1.0
        parent = parent.getparent()
    if not text:
        return 0.0
    linked = sum(len(t) for a in el.iter("a") if (t := _text(a)) and t in text)
    return min(1.0, linked / len(text))


def _judge_headers(blocks: list[Block]) -> None:
    """Drop the blocks of the article's header (a standfirst, a date line): those inside a
    ``header`` element or one named so ("article__header", "headline-wrap"), close above
    them, when that header holds at most ``HEADER_MAX_BLOCKS`` blocks (a site that names its
    whole article container "article-header" holds the body too)."""
    groups: dict[int, tuple[Any, list[Block]]] = {}
    for block in blocks:
        if block.drop is None and block.source is not None:
            header = _header_of(block.source)
            if header is not None:
                groups.setdefault(id(header), (header, []))[1].append(block)
    for header, group in groups.values():
        inside = _small_subtree(header, HEADER_MAX_ELEMENTS)
        if inside is None:  # a big box is a container, not a header
            continue
        held = sum(1 for block in blocks if id(block.source) in inside)  # of any kind
        words = sum(len(block.text.split()) for block in group)
        if held <= HEADER_MAX_BLOCKS and words <= HEADER_MAX_WORDS:
            for block in group:
                block.drop = "header"


def _small_subtree(el: Any, limit: int) -> set[int] | None:
    """The ids of ``el`` and its descendants, or None when they are more than ``limit``
    (a bounded look: never more than ``limit`` + 1 elements visited)."""
    found = {id(x) for x in islice(el.iter(), limit + 1)}
    return found if len(found) <= limit else None


def _header_of(el: Any) -> Any:
    for _ in range(HEADER_REACH):
        if el is None:
            return None
        if el.tag == "header" or not HEADER_NAMES.isdisjoint(_name_words(el)):
            return el
        el = el.getparent()
    return None


def _name_words(el: Any) -> set[str]:
    name = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
    return set(_NAME_SPLIT_RE.split(name)) if "head" in name else set()


def _text_kind(text: str) -> str | None:
    """A call to action ("Sign up for our daily newsletter", "Suivez-nous sur Facebook") or a
    copyright line (in any language of ``vocab_langs``)."""
    words = len(text.split())
    low = text.lower()
    promo = any(key in low for key in vocab.PROMO_KEYS)
    if promo and words <= vocab.PROMO_MAX_WORDS and vocab.PROMO_RE.search(text):
        return "promo"
    if words <= vocab.PROMO_MAX_WORDS and vocab.SIGN_OFF_LANGS_RE.match(text):
        return "promo"  # "Folgen Sie uns auf …", "Abonnez-vous à notre newsletter …"
    if words <= vocab.COPYRIGHT_MAX_WORDS and vocab.COPYRIGHT_RE.search(text):
        return "copyright"
    return None


def _is_label(text: str) -> bool:
    short = len(text.split()) <= LABEL_MAX_WORDS
    return short and not _TERMINAL_RE.search(text) and not vocab.URL_LINE_RE.match(text)


def _text(el: Any) -> str:
    return _clean_space("".join(el.itertext()))


def _clean_space(text: str | None) -> str:
    return " ".join((text or "").split())
