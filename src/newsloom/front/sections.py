"""Sections: each story gets the section most of its pages carry.

A page's section is its own label (``Article.section``: the capture's "World News" line or the
HTML ``article:section``, kept by the clean stage when it removes the line from the text), folded
into one name (``vocab.SECTION_ALIASES``: "World News", "World", "Americas" → "World"). A page
with no label gets one from its URL: a folder the same site's labelled pages use for a section
(``/nation/…`` on a site whose ``/nation/`` pages say "Nation"), else a folder that names a
section by itself (``/world/``, ``/sport/``).

A story's section is the most common among its pages; a tie goes to the section of the earliest
page that has one. No page with a section: None, never a guess.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from urllib.parse import urlsplit

from newsloom.front.vocab import SECTION_ALIASES, URL_SECTIONS
from newsloom.model import Article, Story

_NEWS = re.compile(r"\s+news$", re.I)
_SPACES = re.compile(r"\s+")
_FOLDER = re.compile(r"^[a-z][a-z.&-]{1,30}$")

#: Longest label taken as a section (longer text is a headline or a breadcrumb trail).
MAX_LABEL = 40


Folders = dict[tuple[str, str], str]


def assign_sections(
    stories: Sequence[Story], articles: Sequence[Article], learned: Folders | None = None
) -> list[Story]:
    """``stories`` with ``section`` set from their pages (copies of the story objects).
    ``learned`` is what the site folders mean (``learn_folders``), learned from ``articles``
    when not given: a store regrouped a few stories at a time learns it from every page."""
    if learned is None:
        learned = learn_folders((a.section, a.url) for a in articles)
    page_section = {a.id: _page_section(a, learned) for a in articles}
    order = {a.id: (a.date_key or "9999", a.id) for a in articles}
    return [
        story.model_copy(update={"section": _story_section(story, page_section, order)})
        for story in stories
    ]


def _canonical(label: str | None) -> str | None:
    if not label:
        return None
    text = _SPACES.sub(" ", label).strip()
    if not text or len(text) > MAX_LABEL:
        return None
    short = _NEWS.sub("", text) or text
    return SECTION_ALIASES.get(short.lower(), short)


def _folders(url: str | None) -> tuple[str, list[str]]:
    if not url:
        return "", []
    try:
        parts = urlsplit(url)
    except ValueError:
        return "", []
    folders = [f.lower() for f in parts.path.split("/")[:-1] if f]
    return parts.netloc.lower(), [f for f in folders if _FOLDER.match(f)]


def learn_folders(pages: Iterable[tuple[str | None, str | None]]) -> Folders:
    """(site, folder) → the section its labelled pages carry most, from the (section, url)
    of each page of this crawl."""
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for label, url in pages:
        section = _canonical(label)
        host, folders = _folders(url)
        if section and folders:
            votes[(host, folders[0])][section] += 1
    return {key: count.most_common(1)[0][0] for key, count in votes.items()}


def _page_section(article: Article, learned: dict[tuple[str, str], str]) -> str | None:
    own = _canonical(article.section)
    if own:
        return own
    host, folders = _folders(article.url)
    if folders and (host, folders[0]) in learned:
        return learned[(host, folders[0])]
    for folder in folders:
        if folder in URL_SECTIONS:
            return SECTION_ALIASES[folder]
    return None


def _story_section(
    story: Story,
    page_section: dict[str, str | None],
    order: dict[str, tuple[str, str]],
) -> str | None:
    members = sorted(story.articles, key=lambda a: order.get(a, ("9999", a)))
    found = [s for a in members if (s := page_section.get(a))]
    if not found:
        return None
    counts = Counter(found)
    best = max(counts.values())
    return next(s for s in found if counts[s] == best)
