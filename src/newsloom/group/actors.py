"""Two events of one kind in one proposed story: split it when its halves name different actors.

The block-local clustering (``events.py``) merges two events of one kind when their reports
share most of their words — one team putting two of its players on injured reserve in two
seasons. What tells them apart is who the story is about: the name
its headlines and leads carry. So a large proposed story is cut once more, tighter, with
weights local to the story itself (what all its reports share drops out), and the cut is kept
only when the two halves are *clearly apart*: each half has a name of its own, one most of its
openings carry and the other half's openings hardly carry. Halves that share their names
(two rounds of one election, one actor's two statements) stay together.

Two teams making one player an offer in one week share every word but their own names, and
the tighter cut keeps them as one. So when the cut finds no two halves apart, the story is cut
by its *rival agents* (``rivals``): two people or two organisations its openings name, never
together, each in a few openings and between them in most. The openings that name neither join
the side whose names they share most.
"""

from __future__ import annotations

import itertools
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

#: Two rival names (``rivals``) must between them be in at least this share of a story's
#: openings. Tuned on ECB+ topics 1–25 (bench/ecbplus_events.py --split dev), grid 0.4–0.8:
#: 0.4–0.6 B-cubed F1 0.917 (one team's offer split from another's), 0.7–0.8 0.913 (no cut);
#: the highest of the best kept. No SEB story reaches ``RESPLIT_MIN``.
RIVALS_COVER = 0.6

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
    if len(parts) == 2 and min(len(p) for p in parts) >= RESPLIT_PART:
        a, b = ([docs[i] for i in p] for p in parts)
        if apart(a, b):
            return parts
    return by_rival_names(members, docs)


def by_rival_names(members: list[int], docs: Sequence[Doc]) -> list[list[int]]:
    """``members`` cut by two rival names (see ``rivals``), or whole when there are none.
    Openings that carry neither join the side whose names they share most."""
    found = rivals([docs[i] for i in members])
    if found is None:
        return [members]
    sides: tuple[list[int], list[int]] = ([], [])
    rest = []
    for i in members:
        carried = [any(covers(name, t) for t in docs[i].opening) for name in found]
        if carried[0] != carried[1]:
            sides[0 if carried[0] else 1].append(i)
        else:
            rest.append(i)
    cores = ([docs[i] for i in sides[0]], [docs[i] for i in sides[1]])
    for i in rest:
        sides[nearer([docs[i]], cores)].append(i)
    return sorted((sorted(side) for side in sides), key=min)


def rivals(story: Sequence[Doc]) -> tuple[str, str] | None:
    """Two agents of one kind (``Doc.agents``: two people, two organisations), each carried
    by ``RESPLIT_PART`` openings or more and never by one opening together, that between them
    are in ``RIVALS_COVER`` of the story's openings: one team's offer and another's to one
    player, where the cut at ``RESPLIT_THRESHOLD`` keeps the two (their words are the same)
    and the names alone tell them apart. The pair covering most openings wins (ties: the
    names in order). Agents of two kinds are not rivals: an award and its host, a navy and
    its country are one story's names."""
    kinds = {t: label for d in story for t, label in d.agents.items()}
    names = sorted(kinds)
    carriers = {n: {k for k, d in enumerate(story) if any(covers(n, t) for t in d.opening)}
                for n in names}  # fmt: skip
    best: tuple[int, str, str] | None = None
    for first, second in itertools.combinations(names, 2):
        a, b = carriers[first], carriers[second]
        if kinds[first] != kinds[second] or min(len(a), len(b)) < RESPLIT_PART or a & b:
            continue
        if len(a | b) >= RIVALS_COVER * len(story) and (best is None or len(a | b) > best[0]):
            best = (len(a | b), first, second)
    return None if best is None else (best[1], best[2])


def covers(name: str, term: str) -> bool:
    """``term`` (an opening term) is ``name`` or a longer form of it ending in it: "@boston
    harbor hawks" is "@harbor hawks" (a headline shortens a team or an agency that way)."""
    return term == name or (term.startswith("@") and term.endswith(" " + name[1:]))


def nearer(part: Sequence[Doc], cores: tuple[list[Doc], list[Doc]]) -> int:
    """Which of two cores (0 or 1) ``part``'s openings share most names with: each name
    counts the share of the core's openings carrying it; the larger core on a tie."""
    names = {t for d in part for t in d.opening if t.startswith("@")}
    closeness = [sum(share(core, name) for name in names) for core in cores]
    if closeness[0] == closeness[1]:
        return 0 if len(cores[0]) >= len(cores[1]) else 1
    return 0 if closeness[0] > closeness[1] else 1


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
