"""Group items by a pairwise "same thing" test (union-find): quotes, figure claims."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")


def link(items: Sequence[T], same: Callable[[T, T], bool]) -> list[list[T]]:
    """Connected groups of ``items`` under ``same``, each in input order, groups by first item.

    Compares every pair: callers use it within one story, whose items number in the tens.
    """
    parent = list(range(len(items)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, a in enumerate(items):
        for j in range(i + 1, len(items)):
            if find(i) != find(j) and same(a, items[j]):
                parent[find(j)] = find(i)
    groups: dict[int, list[T]] = {}
    for i, item in enumerate(items):
        groups.setdefault(find(i), []).append(item)
    return list(groups.values())
