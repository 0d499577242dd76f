"""The crawler's text capture: `` date YYYY-MM-DD `` then the page's text, first line included."""

from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

#: The prefix: an optional leading space, ``date``, the crawl date, then one space before the
#: page's first visible line (or the end of the line when the page has no text).
CAPTURE_PREFIX = re.compile(r"\A ?date (\d{4}-\d{2}-\d{2})(?: |(?=\n)|\Z)")


class Capture(NamedTuple):
    crawl_date: date | None
    text: str


def parse_capture(text: str) -> Capture | None:
    """Split a capture into its crawl date and the page text; None if ``text`` is not one.

    Only the prefix is removed: the rest of line 1 is the page's first line. A date that does
    not exist (2024-02-30) leaves ``crawl_date`` None rather than guessing.
    """
    match = CAPTURE_PREFIX.match(text)
    if match is None:
        return None
    try:
        crawl_date: date | None = date.fromisoformat(match.group(1))
    except ValueError:
        crawl_date = None
    return Capture(crawl_date, text[match.end() :])
