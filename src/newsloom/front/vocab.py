"""Vocabularies of the front page, as data: section names and headline words that are no topic.

Judgements, not measurements: the section aliases fold the labels seen on the seed pages and
the sample corpus ("World News", "World", "Americas", "Asia-Pacific"; "U.S. News", "Nation")
and the common URL folders of English-language news sites into one name each.
"""

from __future__ import annotations

#: Lower-cased label (after dropping a trailing "News") or URL folder → the section shown.
SECTION_ALIASES = {
    "world": "World",
    "international": "World",
    "americas": "World",
    "asia": "World",
    "asia-pacific": "World",
    "asia pacific": "World",
    "europe": "World",
    "africa": "World",
    "middle east": "World",
    "middle-east": "World",
    "u.s.": "U.S.",
    "us": "U.S.",
    "us-news": "U.S.",
    "nation": "U.S.",
    "national": "U.S.",
    "politics": "Politics",
    "business": "Business",
    "economy": "Business",
    "markets": "Business",
    "money": "Business",
    "sport": "Sport",
    "sports": "Sport",
    "science": "Science",
    "tech": "Technology",
    "technology": "Technology",
    "health": "Health",
    "entertainment": "Entertainment",
    "culture": "Culture",
    "arts": "Culture",
    "opinion": "Opinion",
    "local": "Local",
    "metro": "Local",
    "weather": "Weather",
}

#: URL folders that name a section by themselves (``/world/``, ``/sport/``); other folders
#: count only when the same site's labelled pages show what they mean.
URL_SECTIONS = frozenset(SECTION_ALIASES) - {"us", "money", "arts"}
