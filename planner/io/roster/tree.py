"""The reporting tree as a parent-pointer array: depths, roots and cycles without recursion.

``parent[i]`` is the index of i's manager, or -1 for a root. Depths come from pointer doubling
(each pass jumps twice as far up), so a chain of 100,000 people takes 17 passes of numpy
indexing rather than 100,000 Python calls.
"""

from __future__ import annotations

import math

import numpy as np

from ...model.tree import find_cycles


def climb(parent: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(depth, top) per person: steps up to a root (root = 0) and that root's index.

    People who never reach a root (in a reporting cycle, or below one) get depth -1, top -1.
    """
    n = len(parent)
    idx = np.arange(n, dtype=np.int64)
    is_root = parent < 0
    anc = np.where(is_root, idx, parent).astype(np.int64)
    dist = (~is_root).astype(np.int64)
    for _ in range(math.ceil(math.log2(n + 1)) + 2):
        nxt = anc[anc]
        if np.array_equal(nxt, anc):
            break
        dist += dist[anc]
        anc = nxt
    reached = is_root[anc]
    depth = np.where(reached, dist, -1)
    top = np.where(reached, anc, -1)
    return depth, top


def cycles(parent: np.ndarray, candidates: np.ndarray) -> list[list[int]]:
    """The reporting cycles among ``candidates`` (people who never reach a root).

    Each cycle is listed once, starting from its member with the smallest index and in
    reporting order (a reports to b reports to ... a). Linear in the number of candidates.
    """
    links = {int(i): int(parent[i]) for i in np.sort(candidates)}
    return find_cycles(links)


def spans(parent: np.ndarray) -> np.ndarray:
    """Direct reports per person."""
    n = len(parent)
    has = parent >= 0
    return np.bincount(parent[has], minlength=n).astype(np.int64)


def subtree_sizes(parent: np.ndarray, depth: np.ndarray) -> np.ndarray:
    """People in each person's tree (themself included), adding up layer by layer."""
    n = len(parent)
    size = np.ones(n, dtype=np.int64)
    if n == 0:
        return size
    order = np.argsort(-depth, kind="stable")
    d_sorted = depth[order]
    # Process the deepest layer first; each layer adds its sizes to its managers at once.
    bounds = np.flatnonzero(np.diff(d_sorted)) + 1
    for chunk in np.split(order, bounds):
        chunk = chunk[parent[chunk] >= 0]
        if len(chunk):
            np.add.at(size, parent[chunk], size[chunk])
    return size
