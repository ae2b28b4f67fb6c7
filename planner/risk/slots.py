"""Where a plan's ranges land in the engine's inputs, and batches that vary them.

A range's path resolves (in the plan data of the scenario evaluated) to values of items;
each becomes a *slot*: the engine input it feeds (``Inputs.values`` key), the item's index
and its mode (the value in force, a defaulted value resolved). A batch sets slots to arrays
of D values (one per draw, bet or lever value), clipped to the key's valid interval
(MODEL.md section 6, "Clipping"), and leaves every other input shared.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..engine.inputs import Inputs
from ..plan import fields as F
from ..plan.paths import effective, parse, resolve


@dataclass(frozen=True)
class Slot:
    """Values of one engine input that a range varies: ``key`` (an ``Inputs.values`` key
    such as "ai.adoption"), the items' indexes (None for a setting) and their modes (the
    values in force, a defaulted value resolved)."""

    key: str
    index: np.ndarray | None
    mode: np.ndarray


@dataclass(frozen=True)
class RangeSlots:
    """One range of the plan: its path, ends, and the values it varies."""

    index: int
    path: str
    spec: F.Spec
    scale: bool
    low: float             # absolute value, or the low multiplier of a scale range
    high: float
    slots: tuple[Slot, ...]

    def values(self, u: np.ndarray) -> list[np.ndarray]:
        """Each slot's values (D, n) at quantiles ``u`` (D,) of the triangular distribution:
        every matched item moves together (one shared quantile per draw)."""
        u = np.asarray(u, dtype=np.float64)[:, None]
        if self.scale:
            mult = triangular(self.low, 1.0, self.high, u)
            return [self.spec.clip_array(s.mode[None, :] * mult) for s in self.slots]
        return [self.spec.clip_array(triangular(self.low, s.mode[None, :], self.high, u))
                for s in self.slots]

    def at(self, end: str) -> list[np.ndarray]:
        """Each slot's values (n,) at the range's low or high end."""
        x = self.low if end == "low" else self.high
        if self.scale:
            return [self.spec.clip_array(s.mode * x) for s in self.slots]
        return [self.spec.clip_array(np.full_like(s.mode, x)) for s in self.slots]


def triangular(low: float, mode: np.ndarray | float, high: float, u: np.ndarray) -> np.ndarray:
    """The triangular distribution's inverse CDF at ``u`` in [0, 1]."""
    u = np.asarray(u, dtype=np.float64)
    width = high - low
    if width <= 0:
        return np.full_like(u, float(low))
    c = (np.asarray(mode, dtype=np.float64) - low) / width
    left = low + np.sqrt(u * width * (mode - low))
    right = high - np.sqrt((1.0 - u) * width * (high - mode))
    return np.where(u < c, left, right)


def role_index(data: dict) -> dict[tuple[int, int], int]:
    """``(team index, role index) -> flat role index`` in the engine's order."""
    out: dict[tuple[int, int], int] = {}
    n = 0
    for i, team in enumerate(data.get("teams") or []):
        for j, _ in enumerate(team.get("roles") or []):
            out[(i, j)] = n
            n += 1
    return out


def slot_of(loc: tuple, roles: dict[tuple[int, int], int]) -> tuple[str, int | None]:
    """The engine input a place in plan data feeds."""
    if loc[0] == "settings":
        return f"settings.{loc[1]}", None
    coll, i = loc[0], int(loc[1])
    if coll == "teams":
        if loc[2] == "roles":
            return f"role.{loc[4]}", roles[(i, int(loc[3]))]
        if loc[2] == "ai_seats":
            return f"ai_seats.{loc[3]}", i
        return f"team.{loc[2]}", i
    if coll == "workflows":
        if loc[2] in ("ai", "compute"):
            return f"{loc[2]}.{loc[3]}", i
        return f"workflow.{loc[2]}", i
    return f"{'model' if coll == 'models' else 'gpu'}.{loc[2]}", i


def range_slots(data: dict) -> list[RangeSlots]:
    """The plan's ranges as slots (the data must be a valid plan: see ``check``)."""
    roles = role_index(data)
    out = []
    for i, rg in enumerate(data.get("ranges") or []):
        p = parse(rg["path"])
        scale = "low_scale" in rg
        by_key: dict[str, tuple[list, list]] = {}
        for m in resolve(p, data):
            key, index = slot_of(m.loc, roles)
            idx, modes = by_key.setdefault(key, ([], []))
            idx.append(index)
            modes.append(float(effective(m, p, data)))
        slots = tuple(
            Slot(key, None if idx[0] is None else np.asarray(idx, dtype=np.int64),
                 np.asarray(modes, dtype=np.float64))
            for key, (idx, modes) in by_key.items())
        low = rg["low_scale"] if scale else rg["low"]
        high = rg["high_scale"] if scale else rg["high"]
        out.append(RangeSlots(i, p.text, p.spec, scale, float(low), float(high), slots))
    return out


class Batch:
    """Values of a batch of D evaluations, built up slot by slot from shared inputs."""

    def __init__(self, inputs: Inputs, size: int) -> None:
        self.inputs = inputs
        self.size = size
        self.values: dict[str, np.ndarray] = {}

    def array(self, key: str) -> np.ndarray:
        """The (D, n) or (D,) array of ``key``, copied from the shared value on first use."""
        a = self.values.get(key)
        if a is None:
            base = np.asarray(self.inputs.values[key], dtype=np.float64)
            a = np.array(np.broadcast_to(base, (self.size, *base.shape)))
            self.values[key] = a
        return a

    def set(self, slot: Slot | tuple[str, Any], values: Any,
            rows: np.ndarray | slice | int = slice(None)) -> None:
        """Put ``values`` into the slot's places for the batch members ``rows``: values of
        shape (members, n), (n,) (the same for every member) or a number."""
        key, index = (slot.key, slot.index) if isinstance(slot, Slot) else slot
        a = self.array(key)
        v = np.asarray(values, dtype=np.float64)
        if index is None:
            a[rows] = v.reshape(v.shape[:-1]) if v.ndim and v.shape[-1] == 1 else v
        elif isinstance(rows, int):
            a[rows, index] = v
        else:
            sel = np.arange(self.size)[rows]
            a[np.ix_(sel, np.atleast_1d(index))] = v

    def update(self, key: str, fn: Callable[[np.ndarray], np.ndarray],
               rows: np.ndarray | slice = slice(None)) -> None:
        """Replace ``key``'s values in ``rows`` by ``fn(values)`` (clipped to the key's range)."""
        a = self.array(key)
        obj, name = key.split(".", 1)
        spec = F.find(obj, name)
        new = fn(a[rows])
        a[rows] = spec.clip_array(new) if spec is not None else new

    def build(self) -> Inputs:
        return self.inputs.with_values(self.values, batch=self.size)


def apply_slots(batch: Batch, ranges: Iterable[RangeSlots], values: list[list[Any]],
                rows: np.ndarray | slice = slice(None)) -> None:
    """Each range's slot values (as from ``RangeSlots.values``) into the batch rows."""
    for rg, vals in zip(ranges, values, strict=True):
        for slot, v in zip(rg.slots, vals, strict=True):
            batch.set(slot, v, rows)
