"""Where each visible person of the org chart goes (no Qt: plain numbers, easy to test).

Only expanded managers show their reports, so a roster of 100,000 people lays out only the
few hundred or thousand boxes on screen. Reports who show nobody below them are stacked in
columns under their manager (a wide span stays readable); expanded reports sit side by side.
No recursion: widths are summed bottom-up over a post-order list, positions placed top-down.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

NODE_W = 184.0
NODE_H = 58.0
H_GAP = 18.0
V_GAP = 44.0
STACK_GAP = 10.0
STACK_ROWS = 8          # a column of stacked reports holds this many boxes
MAX_SHOWN = 400         # reports shown under one manager; the rest become one "more" box


@dataclass
class Placed:
    node: int                      # person index, or -1 for a "more" box
    x: float                       # top-left corner
    y: float
    parent: int = -1               # person index of the box above (-1: none)
    more: int = 0                  # for a "more" box: how many people it stands for


@dataclass
class OrgLayout:
    boxes: list[Placed] = field(default_factory=list)
    edges: list[tuple[float, float, float, float, bool]] = field(default_factory=list)
    width: float = 0.0
    height: float = 0.0

    def position(self, node: int) -> tuple[float, float] | None:
        for b in self.boxes:
            if b.node == node:
                return b.x, b.y
        return None


class Children:
    """Direct reports of everyone, as one sorted index array (CSR), built once per roster."""

    def __init__(self, parent: np.ndarray, span: np.ndarray) -> None:
        n = len(parent)
        has = parent >= 0
        kids = np.flatnonzero(has)
        # Managers first, then individual contributors; file order within each.
        order = np.lexsort((kids, span[kids] == 0, parent[kids]))
        self.flat = kids[order]
        counts = np.bincount(parent[has], minlength=n)
        self.start = np.concatenate([[0], np.cumsum(counts)])

    def of(self, i: int) -> np.ndarray:
        return self.flat[self.start[i]:self.start[i + 1]]


def layout(roots: list[int], children: Children, expanded: set[int]) -> OrgLayout:
    """Boxes and connector lines for the people visible with ``expanded`` managers open."""
    # Visible tree, in pre-order, with each node's shown children.
    shown: dict[int, list[int]] = {}
    more: dict[int, int] = {}
    order: list[int] = []
    stack = list(reversed(roots))
    while stack:
        v = stack.pop()
        order.append(v)
        if v >= 0 and v in expanded:
            kids = children.of(v)
            if len(kids) > MAX_SHOWN:
                more[v] = len(kids) - MAX_SHOWN
                kids = kids[:MAX_SHOWN]
            shown[v] = [int(k) for k in kids]
            stack.extend(reversed(shown[v]))
        else:
            shown[v] = []

    def is_leaf(v: int) -> bool:
        return not shown.get(v)

    # Bottom-up: the width of each visible subtree.
    width: dict[int, float] = {}
    block: dict[int, tuple[list[int], int, float]] = {}  # stacked leaves, columns, block width
    for v in reversed(order):
        kids = shown[v]
        if not kids:
            width[v] = NODE_W
            continue
        leaves = [k for k in kids if is_leaf(k)]
        n_leaf_boxes = len(leaves) + (1 if v in more else 0)
        branches = [k for k in kids if not is_leaf(k)]
        total = 0.0
        if n_leaf_boxes:
            cols = math.ceil(n_leaf_boxes / STACK_ROWS) if branches or n_leaf_boxes > 4 else n_leaf_boxes
            bw = cols * NODE_W + (cols - 1) * H_GAP
            block[v] = (leaves, cols, bw)
            total += bw
        for k in branches:
            total += (H_GAP if total else 0.0) + width[k]
        width[v] = max(NODE_W, total)

    out = OrgLayout()
    # Top-down: place each node centred over its children.
    x0 = 0.0
    place: list[tuple[int, float, float, int]] = []  # node, left edge of its subtree, y, parent
    for r in roots:
        place.append((r, x0, 0.0, -1))
        x0 += width[r] + H_GAP * 3
    max_y = 0.0
    while place:
        v, left, y, par = place.pop()
        x = left + (width[v] - NODE_W) / 2
        out.boxes.append(Placed(v, x, y, par))
        max_y = max(max_y, y + NODE_H)
        kids = shown[v]
        if not kids:
            continue
        cy = y + NODE_H + V_GAP
        inner = sum(width[k] for k in kids if not is_leaf(k)) + (block[v][2] if v in block else 0)
        n_parts = len([k for k in kids if not is_leaf(k)]) + (1 if v in block else 0)
        inner += H_GAP * max(0, n_parts - 1)
        cursor = left + (width[v] - inner) / 2
        px, py = x + NODE_W / 2, y + NODE_H
        bus_y = y + NODE_H + V_GAP / 2
        if v in block:
            leaves, cols, bw = block[v]
            boxes = [*leaves, -1] if v in more else leaves
            rows = math.ceil(len(boxes) / cols)
            for j, k in enumerate(boxes):
                c, r = divmod(j, rows)
                bx = cursor + c * (NODE_W + H_GAP)
                by = cy + r * (NODE_H + STACK_GAP)
                out.boxes.append(Placed(k, bx, by, v, more.get(v, 0) if k < 0 else 0))
                max_y = max(max_y, by + NODE_H)
                if rows == 1:  # a single row: a line down into each box
                    out.edges.append((bx + NODE_W / 2, bus_y, bx + NODE_W / 2, by, False))
                    out.edges.append((px, bus_y, bx + NODE_W / 2, bus_y, False))
                else:  # columns: a spine down the left of each, a tick into each box
                    out.edges.append((bx - H_GAP / 2, by + NODE_H / 2, bx, by + NODE_H / 2, False))
            for c in range(cols if rows > 1 else 0):
                sx = cursor + c * (NODE_W + H_GAP) - H_GAP / 2
                last = min(rows, len(boxes) - c * rows) - 1
                out.edges.append((sx, bus_y, sx, cy + last * (NODE_H + STACK_GAP) + NODE_H / 2, False))
                out.edges.append((px, bus_y, sx, bus_y, False))
            cursor += bw + H_GAP
        for k in kids:
            if is_leaf(k):
                continue
            kx = cursor + width[k] / 2
            out.edges.append((kx, bus_y, kx, cy, False))
            out.edges.append((px, bus_y, kx, bus_y, False))
            place.append((k, cursor, cy, v))
            cursor += width[k] + H_GAP
        out.edges.append((px, py, px, bus_y, True))
    out.width = max(0.0, x0 - H_GAP * 3)
    out.height = max_y
    return out
