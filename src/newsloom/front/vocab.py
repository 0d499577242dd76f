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

#: Headline words that never make a key phrase: function words, numbers, headline verbs.
PHRASE_STOPWORDS = frozenset(
    """
    a about after against ahead all also amid an and any are as at be been before being between
    but by can could did do does down during for from had has have he her his how if in into is
    it its just least like more most much new no not now of off on one only or other our out over
    says said say than that the their them there these they this those three through to two up
    us was we were what when where which while who why will with would you your
    four five six seven eight nine ten first second last next year years day days week weeks
    begins begin finds find found walk walks kills kill forces force closes close urges urge
    wants want leaves leave makes make gets get calls call takes take may might must set sets
    report reports update live watch video photos
    """.split()
)
