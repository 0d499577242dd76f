"""Atom feeds (RFC 4287) of stories, for the feed reader an analyst already uses.

Every piece of text is page text written by strangers: it goes into the document only through
ElementTree, which escapes ``&``, ``<``, ``>`` and quotes, after the characters XML 1.0 cannot
hold at all (control characters, lone surrogates) are removed. Titles and summaries are
``type="text"``, so a reader never renders them as markup.

Atom requires a time zone on every date; page times without one are written as UTC (``Z``).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import UTC, datetime

ATOM_NS = "http://www.w3.org/2005/Atom"

#: What XML 1.0 cannot carry: C0 controls but tab/newline/return, lone surrogates, U+FFFE/F.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True, slots=True)
class AtomEntry:
    id: str  # an absolute IRI, stable for the story
    title: str
    updated: datetime
    link: str  # the story's page (rel="alternate"), absolute
    summary: str = ""
    authors: list[str] = field(default_factory=list)  # the outlets
    categories: list[str] = field(default_factory=list)  # the section
    published: datetime | None = None


@dataclass(frozen=True, slots=True)
class AtomFeed:
    id: str  # the feed's own absolute address
    title: str
    updated: datetime
    link: str  # the HTML page the feed follows, absolute
    entries: list[AtomEntry]
    subtitle: str = ""
    generator: str = "newsloom"
    version: str = ""


def atom_feed(feed: AtomFeed) -> bytes:
    """The feed as a UTF-8 Atom document."""
    root = ET.Element("feed", {"xmlns": ATOM_NS})
    _text(root, "id", feed.id)
    _text(root, "title", feed.title, {"type": "text"})
    if feed.subtitle:
        _text(root, "subtitle", feed.subtitle, {"type": "text"})
    _text(root, "updated", rfc3339(feed.updated))
    ET.SubElement(root, "link", {"rel": "self", "href": _clean(feed.id)})
    ET.SubElement(
        root, "link", {"rel": "alternate", "type": "text/html", "href": _clean(feed.link)}
    )
    _text(ET.SubElement(root, "author"), "name", feed.generator)
    _text(root, "generator", feed.generator, {"version": feed.version} if feed.version else {})
    for entry in feed.entries:
        _entry(root, entry)
    body: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return body


def _entry(root: ET.Element, entry: AtomEntry) -> None:
    node = ET.SubElement(root, "entry")
    _text(node, "id", entry.id)
    _text(node, "title", entry.title or entry.id, {"type": "text"})
    _text(node, "updated", rfc3339(entry.updated))
    if entry.published is not None:
        _text(node, "published", rfc3339(entry.published))
    attrs = {"rel": "alternate", "type": "text/html", "href": _clean(entry.link)}
    ET.SubElement(node, "link", attrs)
    for name in entry.authors:
        _text(ET.SubElement(node, "author"), "name", name)
    for term in entry.categories:
        ET.SubElement(node, "category", {"term": _clean(term)})
    if entry.summary:
        _text(node, "summary", entry.summary, {"type": "text"})


def _text(parent: ET.Element, tag: str, text: str, attrs: dict[str, str] | None = None) -> None:
    ET.SubElement(parent, tag, attrs or {}).text = _clean(text)


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text)


def rfc3339(when: datetime) -> str:
    """``2025-03-13T14:20:00Z`` (naive times taken as UTC) or with the stated offset."""
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    text = when.isoformat(timespec="seconds")
    return text.replace("+00:00", "Z")
