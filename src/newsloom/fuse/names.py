"""Name keys that survive transliteration, titles, possessives and demonyms.

``Zelenskyy``, ``Zelensky``, ``Zelenskiy`` and ``Zelenski`` share one *skeleton*; so do
``Volodymyr``/``Wolodymyr``. Skeletons are built by fixed spelling rules (no lists of people), so
they generalise to names the rules were not written for. A surname alone is never enough to merge
two people: that needs a single full name in the story with the same surname skeleton.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsloom.spelling import CACHED_NAMES
from newsloom.spelling import POSSESSIVE_RE as _POSSESSIVE_RE
from newsloom.spelling import fold as fold
from newsloom.spelling import skeleton as skeleton

#: Titles and roles dropped from the front of a person's name.
TITLES = frozenset(
    """president vice prime minister foreign defense defence secretary of state general gen
    lt col colonel major maj admiral adm sgt sergeant captain capt chancellor king queen prince
    princess sheikh pope mr mrs ms miss dr prof professor sen senator rep representative gov
    governor mayor judge justice chief ceo chairman chairwoman chair spokesman spokeswoman
    spokesperson ambassador commander leader supreme ayatollah deputy acting former us uk un eu
    the sir lord lady dame rev reverend bishop archbishop cardinal father sister brother
    minister's executive officer director commissioner superintendent inspector treasurer
    attorney sheriff marshal detective cmdr lieutenant manager""".split()
)


def strip_titles(name: str) -> str:
    """``President Volodymyr Zelenskyy`` → ``Volodymyr Zelenskyy``; possessives dropped."""
    words = _POSSESSIVE_RE.sub("", name.strip()).split()
    while len(words) > 1 and (_is_title(words[0]) or _qualifies_title(words)):
        words.pop(0)
    return " ".join(words)


def _is_title(word: str) -> bool:
    return word.lower().replace(".", "").strip(",") in TITLES


def _qualifies_title(words: list[str]) -> bool:
    """A word that qualifies the title after it: "Ukrainian President", "Ukraine’s Defense"."""
    return len(words) > 2 and _is_title(words[1])


#: Generational suffixes after a surname ("Jr", "III"): not the surname, so dropped from keys.
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


@lru_cache(maxsize=CACHED_NAMES)
def person_key(name: str) -> tuple[str, ...]:
    """Skeletons of a person's name words (titles, middle initials and a generational suffix
    such as ``Jr`` dropped: ``Ann Example Jr.`` and ``Example`` share the surname)."""
    words = without_suffix([w for w in strip_titles(name).split() if len(w.strip(".")) > 1])
    return tuple(s for w in words if (s := skeleton(w)))


def without_suffix(words: list[str]) -> list[str]:
    """A name's words without the generational suffixes that end it (``Jr.``, ``III``), one
    word kept at least."""
    end = len(words)
    while end > 1 and words[end - 1].lower().strip(".,") in NAME_SUFFIXES:
        end -= 1
    return words[:end]


@lru_cache(maxsize=CACHED_NAMES)
def place_key(name: str) -> str:
    """Skeleton of a place or organisation: ``the Kursk-Oblast area`` → ``kursk``."""
    words = [w for w in re.split(r"[\s\-]+", fold(name)) if w and w != "the"]
    words = [w for w in words if w not in _PLACE_GENERIC]
    return "".join(skeleton(w) for w in words)


#: Generic words around a place name that do not change which place it is.
_PLACE_GENERIC = frozenset(
    {"region", "oblast", "area", "province", "district", "county", "state", "city", "town",
     "village", "krai", "republic", "governorate", "territory"}
)  # fmt: skip

#: Irregular demonyms; regular ones (Ukrain-ian, Russia-n, Korea-n) come from suffix rules.
IRREGULAR_DEMONYMS: dict[str, str] = {
    "british": "britain",
    "french": "france",
    "dutch": "netherlands",
    "swiss": "switzerland",
    "greek": "greece",
    "danish": "denmark",
    "swedish": "sweden",
    "finnish": "finland",
    "polish": "poland",
    "turkish": "turkey",
    "spanish": "spain",
    "irish": "ireland",
    "welsh": "wales",
    "scottish": "scotland",
    "english": "england",
    "israeli": "israel",
    "iraqi": "iraq",
    "pakistani": "pakistan",
    "filipino": "philippines",
    "thai": "thailand",
    "german": "germany",
    "chinese": "china",
    "japanese": "japan",
    "vietnamese": "vietnam",
    "lebanese": "lebanon",
    "portuguese": "portugal",
    "yemeni": "yemen",
    "saudi": "saudi arabia",
    "emirati": "united arab emirates",
}
_DEMONYM_SUFFIXES = (("ians", ""), ("ian", ""), ("ans", ""), ("an", ""), ("ns", ""), ("n", ""),
                     ("ese", ""), ("i", ""), ("ish", ""))  # fmt: skip


def demonym_places(word: str) -> list[str]:
    """Place keys a demonym may stand for: ``Ukrainian`` → [``ukrain``, ...]; caller matches."""
    folded = fold(word).strip()
    if folded in IRREGULAR_DEMONYMS:
        return [place_key(IRREGULAR_DEMONYMS[folded])]
    words = folded.split()
    head, last = words[:-1], words[-1] if words else ""
    out = []
    for suffix, repl in _DEMONYM_SUFFIXES:
        if last.endswith(suffix) and len(last) - len(suffix) >= 3:
            stem = last[: len(last) - len(suffix)] + repl
            out.append(place_key(" ".join([*head, stem])))
    return out
