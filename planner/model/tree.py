"""Cycles in a tree given as child -> parent links, in linear time and without recursion.

Shared by plan validation (the team tree) and roster import (who reports to whom).
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import TypeVar

K = TypeVar("K", bound=Hashable)

_ON_PATH, _DONE = 1, 2


def find_cycles(parents: Mapping[K, K]) -> list[list[K]]:
    """Every cycle of ``parents`` (child -> parent), each once, as the chain of ids in order.

    A cycle starts from its member that comes first in ``parents``' order and follows the
    links (``a -> b`` means a's parent is b), so ``[a, b, c]`` reads ``a -> b -> c -> a``.
    Cycles are listed in the order of those first members. A link to an id that is not a
    key (a root, or an unknown id) ends the walk; a self-loop is a cycle of one. Each id is
    visited once, so a 100,000-deep chain costs 100,000 steps.
    """
    order = {key: i for i, key in enumerate(parents)}
    state: dict[K, int] = {}
    found: list[list[K]] = []
    for start in parents:
        if start in state:
            continue
        path: list[K] = []
        node: K | None = start
        while node in order and node not in state:
            state[node] = _ON_PATH
            path.append(node)
            node = parents[node]
        if node is not None and state.get(node) == _ON_PATH:  # the walk closed a loop
            loop = path[path.index(node):]
            first = min(range(len(loop)), key=lambda k: order[loop[k]])
            found.append(loop[first:] + loop[:first])
        for member in path:
            state[member] = _DONE
    found.sort(key=lambda loop: order[loop[0]])
    return found
