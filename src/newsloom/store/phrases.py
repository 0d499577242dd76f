"""Key phrases of a headline: pairs of neighbouring topic words ("transit strike").

No part-of-speech tagger runs here (the store's derived tables are built without spaCy): a word
pair counts when neither word is a function word, number or common headline verb
(``PHRASE_STOPWORDS``), and neither looks like a verb form (``-ing``, ``-ed``). Crude, and
honest about it: a phrase trends only when several independent reports put it in their
headlines.
"""

from __future__ import annotations

import re
from itertools import pairwise

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


_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")

#: Phrases kept from one headline (a long headline does not weigh more).
MAX_PER_TITLE = 6


def title_phrases(title: str | None) -> list[str]:
    """Distinct lower-case word pairs of ``title`` that may name a topic, in order."""
    if not title:
        return []
    words = [w.lower().replace("’", "'") for w in _WORD.findall(title)]
    found: list[str] = []
    for a, b in pairwise(words):
        if _topic_word(a) and _topic_word(b):
            phrase = f"{a} {b}"
            if phrase not in found:
                found.append(phrase)
    return found[:MAX_PER_TITLE]


def _topic_word(word: str) -> bool:
    if len(word) < 3 or word in PHRASE_STOPWORDS or word.endswith("'s"):
        return False
    return not ((word.endswith("ing") and len(word) > 5) or (word.endswith("ed") and len(word) > 4))
