"""Markup that would make one page's cleaning super-linear, cut down before it is parsed.

libxml2 checks each new attribute of a tag against the ones before it, and htmldate walks
them again per candidate: a tag with 200,000 attributes (3.2 MB) took 9 min 38 s and 651 MB
(issue #13). No page needs more than a few hundred attributes on one tag, so the ones past
``MAX_ATTRIBUTES_PER_TAG`` are dropped, in one linear pass over the tags, before parsing.
"""

from __future__ import annotations

import re

#: Attributes kept per tag. The SEB pages' busiest tag has about 500 (counted loosely, script
#: text included); at 1,000 libxml2's quadratic check costs a few milliseconds.
MAX_ATTRIBUTES_PER_TAG = 1000
#: A tag shorter than this cannot hold ``MAX_ATTRIBUTES_PER_TAG`` attributes (each takes at
#: least two characters: a space and a name), so it is passed over without counting.
SHORT_TAG_CHARS = 2 * MAX_ATTRIBUTES_PER_TAG

_LONG_TAG = re.compile(rf"<[a-zA-Z][^<>]{{{SHORT_TAG_CHARS},}}>")
_ATTRIBUTE = re.compile(r"""\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?""")


def trim_attributes(markup: str) -> str:
    """``markup`` with every tag's attributes past ``MAX_ATTRIBUTES_PER_TAG`` dropped."""
    return _LONG_TAG.sub(_trim_tag, markup)


def _trim_tag(match: re.Match[str]) -> str:
    tag = match.group()
    for kept, attribute in enumerate(_ATTRIBUTE.finditer(tag)):
        if kept >= MAX_ATTRIBUTES_PER_TAG:
            return tag[: attribute.start()] + ">"
    return tag
