"""Outlet evidence in an HTML page's markup: ``og:site_name`` and the other meta names, the
JSON-LD publisher and website, the ``<title>`` after its separator, logos' alt texts, and the
page's visible text lines (see ``outlet_text``). JSON-LD is read as data, never executed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from lxml import etree

from newsloom.clean.outlet import Kind, Vote
from newsloom.clean.outlet_names import Host, Match, host_match, parse_host, split_tagline
from newsloom.clean.outlet_self import self_votes
from newsloom.clean.outlet_text import email_domains, main_domain, text_votes

#: Meta tags that name the site, and the kind of vote each gives.
META_KINDS: dict[str, Kind] = {
    "og:site_name": Kind.SITE_NAME,
    "application-name": Kind.APP_NAME,
    "apple-mobile-web-app-title": Kind.APP_NAME,
    "al:ios:app_name": Kind.APP_NAME,
    "twitter:app:name:iphone": Kind.APP_NAME,
    "publisher": Kind.PUBLISHER,
    "article:publisher": Kind.PUBLISHER,
    "copyright": Kind.COPYRIGHT,
}
#: JSON-LD types whose ``name`` is the publisher's.
ORGANISATION_TYPES = frozenset(
    {"Organization", "NewsMediaOrganization", "Corporation", "OnlineBusiness", "LocalBusiness"}
)
#: JSON-LD is nested; objects deeper than this are not looked at.
LD_MAX_DEPTH = 6
#: A site's name after the headline in ``<title>`` has at most this many words (longer parts
#: are a second headline: "Take C.A.R.E. - harbr9 auf der Hafenmesse 2025").
TITLE_NAME_WORDS = 4
#: Text lines read from the markup, at most (a page's chrome and body are well within it).
MAX_LINES = 5000
#: Words around a logo's alt text that are not the name ("The Berkshire Eagle logo").
_LOGO_WORDS_RE = re.compile(r"^(?:logo\s+(?:of\s+)?)|\s+(?:logo|home ?page|home)$", re.I)
_BLOCK_TAGS = frozenset(
    "address article aside blockquote body dd div dl dt fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table td th tr ul br option "
    "button label".split()
)
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "head", "select"})


def html_votes(tree: Any, host: Host | None) -> list[Vote]:
    """Every vote the markup and visible text of one page give; without a known host, the
    domain of the newsroom's e-mail addresses stands in for it."""
    lines = visible_lines(tree)
    votes = []
    if host is None:
        domains = email_domains(lines)
        votes = [Vote(d, Kind.DOMAIN) for d in domains]
        host = parse_host(main_domain(domains))
    votes += meta_votes(tree)
    votes += ld_votes(tree)
    votes += title_votes(tree, host)
    votes += logo_votes(tree)
    return votes + text_votes(lines, host) + self_votes(lines, host)


def meta_votes(tree: Any) -> list[Vote]:
    votes = []
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        value = (el.get("content") or "").strip()
        kind = META_KINDS.get(key)
        if kind is not None and value and not value.startswith(("http://", "https://www.face")):
            votes.append(Vote(value, kind))
    return votes


def ld_votes(tree: Any) -> list[Vote]:
    """Publisher and website names of every JSON-LD block (authors are people, not outlets)."""
    votes = []
    for el in tree.iter("script"):
        if (el.get("type") or "").lower() != "application/ld+json" or not el.text:
            continue
        try:
            data = json.loads(el.text)
        except ValueError:
            continue
        votes += [Vote(name, kind) for name, kind in _ld_names(data, 0, publisher=False)]
    return votes


def _ld_names(data: Any, depth: int, publisher: bool) -> Iterator[tuple[str, Kind]]:
    if depth > LD_MAX_DEPTH:
        return
    if isinstance(data, list):
        for item in data:
            yield from _ld_names(item, depth + 1, publisher)
        return
    if not isinstance(data, dict):
        return
    types = data.get("@type")
    types = set(types) if isinstance(types, list) else {types}
    name = data.get("name")
    if isinstance(name, str) and name.strip():
        if "WebSite" in types:
            yield name, Kind.WEBSITE
        elif publisher or types & ORGANISATION_TYPES:
            yield name, Kind.PUBLISHER
    for key in ("publisher", "sourceOrganization", "isPartOf", "@graph", "mainEntityOfPage"):
        if key in data:
            yield from _ld_names(data[key], depth + 1, publisher=key == "publisher")


def title_votes(tree: Any, host: Host | None) -> list[Vote]:
    """The site's name in ``<title>``: the last part after a separator, any part that spells
    the host, and a host-spelled name before a colon ("The Harbor Review: ...")."""
    for el in tree.iter("title"):
        text = " ".join("".join(el.itertext()).split())
        parts = split_tagline(text)
        last = parts[-1] if len(parts) > 1 else ""
        votes = [Vote(last, Kind.TITLE)] if 0 < len(last.split()) <= TITLE_NAME_WORDS else []
        votes += [
            Vote(part, Kind.TITLE) for part in parts[:-1] if host_match(part, host) is Match.EXACT
        ]
        head = text.split(": ", 1)[0]
        if head != text and host_match(head, host) is Match.EXACT:
            votes.append(Vote(head, Kind.TITLE))
        return votes
    return []


def logo_votes(tree: Any) -> list[Vote]:
    """Alt texts of images that are a logo (by their own or a near ancestor's class or id)."""
    votes = []
    for img in tree.iter("img"):
        alt = (img.get("alt") or "").strip()
        if alt and _is_logo(img):
            name = _LOGO_WORDS_RE.sub("", alt).strip()
            if name:
                votes.append(Vote(name, Kind.LOGO))
    return votes


def _is_logo(img: Any) -> bool:
    el, depth = img, 0
    while el is not None and depth < 3:
        marks = " ".join(str(el.get(a) or "") for a in ("class", "id", "src")).lower()
        if "logo" in marks or "masthead" in marks:
            return True
        el, depth = el.getparent(), depth + 1
    return False


def visible_lines(tree: Any) -> list[str]:
    """The page's text as a browser would break it into lines: one line per block element,
    inline elements joined into their block's line. ``iterwalk`` keeps the walk in C and its
    depth unbounded by Python's recursion."""
    lines: list[str] = []
    current: list[str] = []
    walker = etree.iterwalk(tree, events=("start", "end"))
    for event, el in walker:
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in _SKIP_TAGS or not tag:
                walker.skip_subtree()
                if el.tail and el is not tree:
                    current.append(el.tail)
                continue
            if tag in _BLOCK_TAGS:
                _flush(current, lines)
            if el.text:
                current.append(el.text)
            continue
        if tag in _BLOCK_TAGS:
            _flush(current, lines)
        if el.tail and el is not tree:
            current.append(el.tail)
        if len(lines) >= MAX_LINES:
            break
    _flush(current, lines)
    return lines[:MAX_LINES]


def _flush(current: list[str], lines: list[str]) -> None:
    text = " ".join("".join(current).split())
    if text:
        lines.append(text)
    current.clear()
