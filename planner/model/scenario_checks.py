"""Checks of a plan's scenarios, ranges and their paths (MODEL.md sections 6-7).

Every scenario must leave a valid plan; a problem in it is reported at the override that
caused it, as ``scenarios[bear].overrides[2]: workflows[tickets].ai.adoption: must be <= 1``.
Ranges must name real values, and an absolute range must hold the value it varies, in the
base plan and in every scenario.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from ..plan import scenarios as S
from ..plan.paths import PathError, describe, effective, parse, resolve
from .validate import ItemId, Problem


def _num(v: Any) -> str:
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return f"{v:g}" if isinstance(v, float) else str(v)


def scenario_problems(data: dict, check: Callable[[Any], list[Problem]],
                      base_ok: bool) -> list[Problem]:
    """Ids and names of the scenarios, their overrides, and (when the base plan is valid) the
    plan each one leaves."""
    out: list[Problem] = []
    items = data.get("scenarios")
    if not isinstance(items, list):
        return out
    # ranges already wrong in the base plan are reported once, there
    bad_ranges = {p.loc[1] for p in range_problems(data)}
    seen: dict[str, int] = {}
    for i, sc in enumerate(items):
        if not isinstance(sc, dict):
            continue
        sid = sc.get("id")
        where: tuple = ("scenarios", ItemId(sid) if isinstance(sid, str) and sid else i)
        if isinstance(sid, str):
            if not sid.strip():
                out.append(Problem(("scenarios", i, "id"), "must not be empty: give it a short id"))
            elif sid == S.BASELINE:
                out.append(Problem(("scenarios", i, "id"),
                                   '"baseline" is the base plan\'s name: choose another id'))
            elif sid in seen:
                out.append(Problem(("scenarios", i, "id"), f'duplicate id "{sid}" (also '
                                   f"scenarios[{seen[sid]}]): scenario ids must be unique"))
            else:
                seen[sid] = i
        name = sc.get("name")
        if isinstance(name, str) and not name.strip():
            out.append(Problem(("scenarios", i, "name"), "must not be empty: give it a name"))
        applied = S.apply(data, sc)
        for k, msg in applied.problems:
            out.append(Problem((*where, "overrides", k), msg))
        if not base_ok:
            continue
        for p in check({**applied.data, "ranges": []}):
            if p.severity != "error":
                continue
            k = _writer(applied.writes, p.loc)
            at = (*where, "overrides", k) if k is not None else where
            out.append(Problem(at, f"{describe(applied.data, p.loc)}: {p.message}" if p.loc
                               else p.message))
        out += _range_problems(applied.data, where, skip=bad_ranges)
    return out


def _writer(writes: dict[tuple, int], loc: tuple) -> int | None:
    """The override that wrote ``loc`` or one of its parents."""
    for n in range(len(loc), 0, -1):
        k = writes.get(tuple(loc[:n]))
        if k is not None:
            return k
    return None


def range_problems(data: dict) -> list[Problem]:
    """Each range names real values, and an absolute range holds the plan's value."""
    return _range_problems(data, None)


def _range_problems(data: dict, scenario: tuple | None, skip: set = frozenset()) -> list[Problem]:
    out: list[Problem] = []
    items = data.get("ranges")
    if not isinstance(items, list):
        return out
    for i, rg in enumerate(items):
        if not isinstance(rg, dict) or i in skip:
            continue
        at = ("ranges", i)
        try:
            p = parse(rg.get("path"))
            matches = resolve(p, data)
        except PathError as exc:
            if scenario is None:
                out.append(Problem((*at, "path"), str(exc)))
            continue
        spec = p.spec
        if not spec.rangeable:
            if scenario is None:
                what = "a whole number" if spec.kind == "whole" else "a choice"
                out.append(Problem((*at, "path"), f'"{p.text}" is {what}: only values that can '
                                   "take any real number may have a range"))
            continue
        low, high = rg.get("low"), rg.get("high")
        absolute = _real(low) and _real(high)
        if absolute and low > high and scenario is None:
            out.append(Problem(at, f"low ({_num(low)}) is above high ({_num(high)}): swap them"))
            continue
        for m in matches:
            value = effective(m, p, data)
            if value is None:
                out.append(Problem(scenario or (*at, "path"),
                                   f'"{p.text}" is empty ({spec.null_text or "none"}) at '
                                   f"{describe(data, m.loc)}: give it a value to vary it"))
                break
            if absolute and not low <= value <= high:
                msg = (f'{"in this scenario, " if scenario else ""}{describe(data, m.loc)} is '
                       f"{_num(value)}, outside the range [{_num(low)}, {_num(high)}] of "
                       f'"{p.text}": widen the range or change the value')
                out.append(Problem(scenario if scenario else at,
                                   f"ranges[{i}]: {msg}" if scenario else msg))
                break
    return out


def _real(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v)
