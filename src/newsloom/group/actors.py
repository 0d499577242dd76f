"""Two events of one kind in one proposed story: split it when its halves name different actors.

The block-local clustering (``events.py``) merges two events of one kind when their reports
share most of their words — one team putting two of its players on injured reserve in two
seasons. What tells them apart is who the story is about: the name
its headlines and leads carry. So a large proposed story is cut once more, tighter, with
weights local to the story itself (what all its reports share drops out), and the cut is kept
only when the two halves are *clearly apart*: each half has a name of its own, one most of its
openings carry and the other half's openings hardly carry. Halves that share their names
(two rounds of one election, one actor's two statements) stay together.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from newsloom.group.features import Doc

#: Only proposed stories of this many reports or more are re-cut: the story-local weights need
#: many reports to say what is common. Tuned on ECB+ topics 1–25 (bench/ecbplus_events.py),
#: like every constant here; grid 8/10/12: the same. No SEB story is this large.
RESPLIT_MIN = 10
#: The tighter cut: average-linkage cosine on story-local weights. Grid 0.15/0.20/0.25: B-cubed
#: F1 0.902/0.915/0.902 (0.15 cuts nothing; 0.25 cuts stories into many parts, kept whole).
RESPLIT_THRESHOLD = 0.20
#: Each half holds at least this many reports (grid 2/3/4: the same).
RESPLIT_PART = 3
#: A half's own name is in at least this share of its openings (grid 0.4/0.5/0.6: the same)...
RESPLIT_MAIN = 0.5
#: ...and in at most this share of the other half's: grid 0.10/0.20/0.25 0.907, 0.34–0.50
#: 0.915 (a name a third of the other half's openings mention in passing is still its own).
RESPLIT_OTHER = 0.34

Labeller = Callable[[Sequence[Doc], float], list[int]]


def resplit(members: list[int], docs: Sequence[Doc], cluster: Labeller) -> list[list[int]]:
    """``members`` (indices into ``docs``) as one part, or two when their halves are apart;
    ``cluster`` labels docs at a threshold on their own local weights."""
    if len(members) < RESPLIT_MIN:
        return [members]
    labels = cluster([docs[i] for i in members], RESPLIT_THRESHOLD)
    halves: dict[int, list[int]] = {}
    for i, label in zip(members, labels, strict=True):
        halves.setdefault(label, []).append(i)
    parts = list(halves.values())
    if len(parts) != 2 or min(len(p) for p in parts) < RESPLIT_PART:
        return [members]
    a, b = ([docs[i] for i in p] for p in parts)
    return parts if apart(a, b) else [members]


def own_name(half: Sequence[Doc], other: Sequence[Doc]) -> str | None:
    """A name most of ``half``'s openings carry (``RESPLIT_MAIN``) and few of ``other``'s
    (``RESPLIT_OTHER``), the most carried first; None when there is none."""
    count = Counter(t for d in half for t in d.opening if t.startswith("@"))
    for name, n in sorted(count.items(), key=lambda kv: (-kv[1], kv[0])):
        if n / len(half) < RESPLIT_MAIN:
            return None
        if share(other, name) <= RESPLIT_OTHER:
            return name
    return None


def share(docs: Sequence[Doc], name: str) -> float:
    """The share of ``docs`` whose opening carries ``name``."""
    return sum(name in d.opening for d in docs) / len(docs)


def apart(a: Sequence[Doc], b: Sequence[Doc]) -> bool:
    """Two halves about different actors: each has a name of its own (see ``own_name``).
    Names both halves carry (the team, the town, the agency) are the topic, not evidence."""
    return own_name(a, b) is not None and own_name(b, a) is not None
