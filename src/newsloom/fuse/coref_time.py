"""Time expressions as the pair model compares them: calendar keys, durations, relative periods
and days named from the writer's side ("yesterday").

Kept apart from :mod:`newsloom.fuse.coref` (the pair features), which calls
:func:`time_features` for two ``TIME`` mentions. Every key is ``kind:value``; two expressions
*match* when they share a key and no kind they both have disagrees, and *clash* when a kind
they both have disagrees (``Nov. 30`` / ``Dec. 2``, ``eight-year`` / ``seven-year``,
``last year`` / ``next year``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

from newsloom.fuse.coref_mention import MentionInDoc
from newsloom.fuse.names import fold

__all__ = ["date_keys", "deictic", "time_features"]

_MONTHS = {
    name: number
    for number, names in enumerate(
        ("jan january", "feb february", "mar march", "apr april", "may", "jun june",
         "jul july", "aug august", "sep sept september", "oct october", "nov november",
         "dec december"),
        start=1,
    )
    for name in names.split()
}  # fmt: skip
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_NUMBERS = {
    word: n
    for n, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
_UNITS = frozenset("year month week day hour minute season decade century".split())
_RELATIVE = {"last": "-1", "previous": "-1", "past": "-1", "this": "0", "current": "0",
             "next": "+1", "coming": "+1", "following": "+1"}  # fmt: skip
#: Days named from the writer's side: the same day as a weekday or a date of another report.
_DEICTIC = frozenset("today yesterday tonight tomorrow".split())
_DEICTIC_PAIRS = frozenset({("last", "night"), ("this", "morning"), ("this", "afternoon"),
                            ("this", "evening"), ("earlier", "today")})  # fmt: skip
_SPLIT_RE = re.compile(r"[\s\-–]+")


def _words(text: str) -> list[str]:
    words = [w.strip(".,'’") for w in _SPLIT_RE.split(fold(text))]
    return [w.removesuffix("'s").removesuffix("’s") for w in words if w]


def _number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return _NUMBERS.get(word)


def _unit(word: str) -> str | None:
    single = word.removesuffix("s") if word not in _UNITS else word
    return single if single in _UNITS else None


@lru_cache(maxsize=1 << 16)
def date_keys(text: str) -> frozenset[str]:
    """Keys of a time expression: ``Nov . 30 , 2009`` → {``d:11-30``, ``n:11``, ``y:2009``},
    ``on Monday morning`` → {``w:monday``}, ``eight-year`` → {``dur:8-year``}, ``last week`` →
    {``rel:week:-1``}."""
    words = _words(text)
    keys: set[str] = {f"w:{w}" for w in words if w in _WEEKDAYS}
    for i, w in enumerate(words):
        after = words[i + 1] if i + 1 < len(words) else ""
        if w in _MONTHS:
            near = [x for x in words[i + 1 : i + 2] + words[max(0, i - 2) : i] if x.isdigit()]
            day = next((int(x) for x in near if 1 <= int(x) <= 31), None)
            keys.add(f"n:{_MONTHS[w]}")
            if day:
                keys.add(f"d:{_MONTHS[w]}-{day}")
        elif len(w) == 4 and w.isdigit() and w[:2] in {"19", "20"}:
            keys.add(f"y:{w}")
        elif (n := _number(w)) is not None and (unit := _unit(after)):
            keys.add(f"dur:{n}-{unit}")
        elif w in _RELATIVE and (unit := _unit(after)):
            keys.add(f"rel:{unit}:{_RELATIVE[w]}")
    return frozenset(keys)


@lru_cache(maxsize=1 << 16)
def deictic(text: str) -> bool:
    """Does the expression name a day from the writer's side ("yesterday", "last night")?"""
    words = _words(text)
    return bool(_DEICTIC.intersection(words)) or any(
        pair in _DEICTIC_PAIRS for pair in pairwise(words)
    )


def _day_like(text: str) -> bool:
    return deictic(text) or any(k.startswith(("w:", "d:")) for k in date_keys(text))


def time_features(a: MentionInDoc, b: MentionInDoc) -> tuple[float, float, float]:
    """(match, clash, deictic day) of two time mentions; zeros for any other pair. The third
    says one names a day from the writer's side and the other a day in any way: two reports
    of one event write "yesterday" and "Thursday" for one day."""
    if a.family != "TIME" or b.family != "TIME":
        return 0.0, 0.0, 0.0
    day = float((deictic(a.text) or deictic(b.text)) and _day_like(a.text) and _day_like(b.text))
    ka, kb = date_keys(a.text), date_keys(b.text)
    if not ka or not kb:
        return 0.0, 0.0, day
    kind_a = {k.rsplit(":", 1)[0] for k in ka}
    kind_b = {k.rsplit(":", 1)[0] for k in kb}
    clash = any(
        {k for k in ka if k.rsplit(":", 1)[0] == kind}.isdisjoint(
            k for k in kb if k.rsplit(":", 1)[0] == kind
        )
        for kind in kind_a & kind_b
    )
    return float(bool(ka & kb) and not clash), float(clash), day
