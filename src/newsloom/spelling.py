"""Spelling keys that survive transliteration: ``Zelenskyy``, ``Zelensky``, ``Zelenskiy`` and
``Zelenski`` share one *skeleton*; so do ``Volodymyr``/``Wolodymyr``.

Skeletons are built by fixed spelling rules (no lists of people), so they generalise to names the
rules were not written for. Used by the dossier's entity merging (``fuse.names``) and by the
store's search, which finds every spelling of a name the user types; a module of its own so that
the store does not load the fuse stage to read it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

#: Spelling rules applied in order to a lower-cased, accent-free word.
_SKELETON_RULES: tuple[tuple[str, str], ...] = (
    (r"[^a-z]", ""),
    (r"(?:iy|yy|ij|ii|yi)$", "y"),
    (r"(?<=[bcdfghjklmnpqrstvwxz])i$", "y"),  # -ski / -sky
    (r"kh", "h"),
    (r"zh", "j"),
    (r"tz", "ts"),
    (r"w", "v"),
    (r"ph", "f"),
    (r"ck", "k"),
    (r"ou", "u"),
    (r"(.)\1+", r"\1"),
)
_COMPILED = tuple((re.compile(p), r) for p, r in _SKELETON_RULES)

POSSESSIVE_RE = re.compile(r"(?:['’]s|['’])$")


#: Distinct strings remembered by ``fold`` and ``skeleton``: a story's copies repeat the same
#: names hundreds of times (250 copies of a wire report: 300,000 folds of a few hundred names).
CACHED_NAMES = 65536


@lru_cache(maxsize=CACHED_NAMES)
def fold(text: str) -> str:
    """Lower case without accents: ``Ñíkolaï`` → ``nikolai``."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@lru_cache(maxsize=CACHED_NAMES)
def skeleton(word: str) -> str:
    out = fold(POSSESSIVE_RE.sub("", word))
    for pattern, repl in _COMPILED:
        out = pattern.sub(repl, out)
    return out
