"""Site chrome learned from a corpus: lines that recur across many pages of one site.

A navigation menu, a footer, a cookie notice or a newsletter box is printed on every page of a
site; an article's sentences are not. ``learn_site_chrome`` makes one pass over a batch of pages
and keeps, per site, the lines seen on enough of that site's pages; ``clean`` then removes those
lines (reason ``site-chrome``) wherever they stand.

The site is the page's ``source`` or its URL's host. Pages with neither are not learned from:
without a site, a line shared by two pages may be a wire story printed by two outlets, which is
exactly what must be kept.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from newsloom.model import Page

#: A line is chrome for a site when it is on at least this many of the site's pages...
SITE_MIN_PAGES = 3
#: ...and on at least this share of them (a rail title shared by two of forty pages is not).
SITE_MIN_SHARE = 0.25
#: Lines with at least this many words are sentences: they must be on half the site's pages,
#: so that a story republished in a few updated versions keeps its paragraphs.
SITE_SENTENCE_WORDS = 16
SITE_SENTENCE_SHARE = 0.5


@dataclass(frozen=True, slots=True)
class SiteChrome:
    """Per site, the normalised lines that are chrome (see ``line_key``)."""

    lines: dict[str, frozenset[str]] = field(default_factory=dict)

    def for_page(self, page: Page) -> frozenset[str]:
        site = site_key(page)
        return self.lines.get(site, frozenset()) if site else frozenset()


def site_key(page: Page) -> str | None:
    if page.source:
        return page.source.lower()
    if page.url:
        host = urlsplit(page.url).hostname or ""
        return host.removeprefix("www.") or None
    return None


def line_key(line: str) -> str:
    """Case and spacing folded, digits masked: "© 2024 Site" and "© 2025 Site" are one line."""
    return re.sub(r"\d+", "0", re.sub(r"\s+", " ", line).strip().lower())


def page_lines(page: Page) -> set[str]:
    """The distinct line keys of a page's text (captures and plain text only)."""
    text = page.text or ""
    return {key for raw in text.split("\n") if (key := line_key(raw))}


def learn_site_chrome(pages: Iterable[Page]) -> SiteChrome:
    """One pass over a batch or corpus; memory is one counter of line keys per site."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    totals: Counter[str] = Counter()
    for page in pages:
        site = site_key(page)
        if site is None or page.text is None:
            continue
        totals[site] += 1
        counts[site].update(page_lines(page))
    learned = {
        site: frozenset(key for key, n in counter.items() if _is_chrome(key, n, totals[site]))
        for site, counter in counts.items()
        if totals[site] >= SITE_MIN_PAGES
    }
    return SiteChrome({site: keys for site, keys in learned.items() if keys})


def _is_chrome(key: str, seen: int, pages: int) -> bool:
    if seen < SITE_MIN_PAGES or seen < SITE_MIN_SHARE * pages:
        return False
    if len(key.split()) >= SITE_SENTENCE_WORDS:
        return seen >= SITE_SENTENCE_SHARE * pages
    return True
