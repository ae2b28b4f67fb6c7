"""Edits of a plan's override layers and ranges, addressed by id (pure; the app wraps each in
an undo command).

A cell of an editor is a place in the base plan's data (``("workflows", 3, "ai",
"adoption")``). Its *path* names it by ids (``workflows[tickets].ai.adoption``), so an
override or a range stays with its item whatever rows are inserted, deleted or moved. These
functions return new lists for ``scenarios``/``ranges`` (never mutating their input) or
plain facts (which cells a scenario overrides).
"""

from __future__ import annotations

import copy
from typing import Any

from .paths import COLLECTIONS, PathError, format_path, parse, resolve
from .scenarios import BASELINE

BLOCK_KEYS = {"ai", "compute", "ai_seats"}


def path_of(data: Any, loc: tuple) -> str | None:
    """The id path of a value's place in the plan data, or None when it has none (an item
    without an id, a value that cannot be overridden, a name with ``]`` in it)."""
    if not loc:
        return None
    if loc[0] == "settings" and len(loc) == 2:
        text = format_path(None, None, None, None, str(loc[1]))
    elif loc[0] in COLLECTIONS and len(loc) >= 3 and isinstance(loc[1], int):
        items = data.get(loc[0]) if isinstance(data, dict) else None
        if not isinstance(items, list) or not 0 <= loc[1] < len(items):
            return None
        item = items[loc[1]]
        ident = item.get("id") if isinstance(item, dict) else None
        if not isinstance(ident, str) or not ident or "]" in ident or ident == "*":
            return None
        rest = loc[2:]
        role = block = None
        if rest[0] == "roles" and len(rest) == 3 and isinstance(rest[1], int):
            roles = item.get("roles") if isinstance(item.get("roles"), list) else []
            if not 0 <= rest[1] < len(roles) or not isinstance(roles[rest[1]], dict):
                return None
            role = roles[rest[1]].get("name")
            if not isinstance(role, str) or not role or "]" in role or role == "*":
                return None
            rest = rest[2:]
        elif rest[0] in BLOCK_KEYS and len(rest) == 2:
            block, rest = rest[0], rest[1:]
        if len(rest) != 1:
            return None
        text = format_path(loc[0], ident, role, block, str(rest[0]))
    else:
        return None
    try:
        parse(text)
    except PathError:
        return None
    return text


def scenario_index(data: Any, scenario_id: str) -> int:
    for i, sc in enumerate(data.get("scenarios") or []):
        if isinstance(sc, dict) and sc.get("id") == scenario_id:
            return i
    raise KeyError(scenario_id)


def set_override(overrides: list, path: str, value: Any) -> list:
    """``overrides`` with ``path`` set to ``value`` (replacing the last override of exactly
    that path, else appended)."""
    out = copy.deepcopy(list(overrides))
    for i in range(len(out) - 1, -1, -1):
        ov = out[i]
        if isinstance(ov, dict) and ov.get("path") == path:
            out[i] = {"path": path, "value": value, **({"note": ov["note"]} if "note" in ov else {})}
            return out
    out.append({"path": path, "value": value})
    return out


def drop_override(overrides: list, path: str) -> list:
    """``overrides`` without those of exactly ``path`` (the cell back to the baseline)."""
    return [copy.deepcopy(ov) for ov in overrides
            if not (isinstance(ov, dict) and ov.get("path") == path)]


def overridden_cells(data: Any, scenario_id: str | None) -> dict[tuple, int]:
    """The places in the base data that a scenario's overrides change, each with the index of
    the last override that changes it (none for the baseline)."""
    if scenario_id in (None, BASELINE):
        return {}
    try:
        sc = data["scenarios"][scenario_index(data, scenario_id)]
    except (KeyError, TypeError):
        return {}
    out: dict[tuple, int] = {}
    for k, ov in enumerate(sc.get("overrides") or []):
        if not isinstance(ov, dict):
            continue
        try:
            for m in resolve(ov.get("path"), data):
                out[m.loc] = k
        except PathError:
            continue
    return out


def ranged_cells(data: Any) -> dict[tuple, int]:
    """The places in the base data that a range varies, each with its range's index."""
    out: dict[tuple, int] = {}
    for i, rg in enumerate(data.get("ranges") or [] if isinstance(data, dict) else []):
        if not isinstance(rg, dict):
            continue
        try:
            for m in resolve(rg.get("path"), data):
                out[m.loc] = i
        except PathError:
            continue
    return out


def _rewrite_paths(data: Any, rewrite: Any) -> dict[str, list]:
    """The ``scenarios`` and ``ranges`` lists with each path replaced by ``rewrite(path)``
    (None drops that override or range). Only the lists that changed are returned."""
    out: dict[str, list] = {}
    scenarios = data.get("scenarios") if isinstance(data, dict) else None
    if isinstance(scenarios, list):
        new_sc, changed = [], False
        for sc in scenarios:
            sc2 = copy.deepcopy(sc)
            if isinstance(sc2, dict) and isinstance(sc2.get("overrides"), list):
                kept = []
                for ov in sc2["overrides"]:
                    path = ov.get("path") if isinstance(ov, dict) else None
                    new = rewrite(path) if isinstance(path, str) else path
                    changed |= new != path
                    if new is not None or not isinstance(path, str):
                        if isinstance(ov, dict) and new is not None:
                            ov["path"] = new
                        kept.append(ov)
                sc2["overrides"] = kept
            new_sc.append(sc2)
        if changed:
            out["scenarios"] = new_sc
    ranges = data.get("ranges") if isinstance(data, dict) else None
    if isinstance(ranges, list):
        new_rg, changed = [], False
        for rg in ranges:
            path = rg.get("path") if isinstance(rg, dict) else None
            new = rewrite(path) if isinstance(path, str) else path
            changed |= new != path
            if new is None and isinstance(path, str):
                continue
            rg2 = copy.deepcopy(rg)
            if isinstance(rg2, dict) and new is not None:
                rg2["path"] = new
            new_rg.append(rg2)
        if changed:
            out["ranges"] = new_rg
    return out


def rename_in_paths(data: Any, collection: str, old: str, new: str, *,
                    team: str | None = None) -> dict[str, list]:
    """The ``scenarios`` and ``ranges`` lists with every path naming ``old`` renamed ``new``
    (``collection`` "roles" renames role names of ``team``). Only the lists that changed."""
    from .paths import rename_id

    return _rewrite_paths(data, lambda p: rename_id(p, collection, old, new, team=team))


def without_item(data: Any, collection: str, item_id: str) -> dict[str, list]:
    """The ``scenarios`` and ``ranges`` lists without the overrides and ranges that name the
    item ``item_id`` of ``collection`` (for deleting it). Only the lists that changed."""
    from .paths import names_item

    return _rewrite_paths(data, lambda p: None if names_item(p, collection, item_id) else p)


def set_range(ranges: list, path: str, spec: dict) -> list:
    """``ranges`` with the range of exactly ``path`` replaced by ``spec`` (or appended)."""
    out = copy.deepcopy(list(ranges))
    entry = {"path": path, **spec}
    for i, rg in enumerate(out):
        if isinstance(rg, dict) and rg.get("path") == path:
            if "note" in rg and "note" not in entry:
                entry["note"] = rg["note"]
            out[i] = entry
            return out
    out.append(entry)
    return out


def drop_range(ranges: list, path: str) -> list:
    return [copy.deepcopy(rg) for rg in ranges
            if not (isinstance(rg, dict) and rg.get("path") == path)]


def unique_scenario_id(data: Any, base: str) -> str:
    from .edits import unique_id

    taken = {sc.get("id") for sc in data.get("scenarios") or [] if isinstance(sc, dict)}
    taken.add(BASELINE)
    return unique_id(base, {t for t in taken if isinstance(t, str)})
