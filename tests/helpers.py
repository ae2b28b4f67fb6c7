"""Small builders for hand-worked plans used across the tests."""

from __future__ import annotations

import copy
import math
from typing import Any


def tiny_plan(**settings: Any) -> dict[str, Any]:
    """One team of 10 ICs (60k) and 2 managers (120k); one workflow with no compute."""
    return {
        "format": "orgplan", "schema_version": 1, "name": "Tiny", "currency": "USD",
        "settings": {"horizon_months": 12, **settings},
        "teams": [{"id": "ops", "name": "Operations", "roles": [
            {"name": "Clerk", "kind": "ic", "headcount": 10, "annual_cost": 60000},
            {"name": "Lead", "kind": "manager", "headcount": 2, "annual_cost": 120000}]}],
        "workflows": [{"id": "w", "team": "ops", "name": "Work", "volume_per_month": 1000,
                       "minutes_per_unit": 60,
                       "ai": {"time_saved": 0.5, "adoption": 0.8}}],
    }


def with_changes(data: dict[str, Any], **paths: Any) -> dict[str, Any]:
    """A deep copy of ``data`` with values set at dotted paths (``teams.0.min_ic=3``)."""
    out = copy.deepcopy(data)
    for dotted, value in paths.items():
        keys = [int(k) if k.isdigit() else k for k in dotted.split("__")]
        node = out
        for k in keys[:-1]:
            node = node[k]
        node[keys[-1]] = value
    return out


def close(a: Any, b: Any, rel: float = 1e-6, abs_tol: float = 1e-6) -> bool:
    """Numbers (and nested dicts/lists of them) equal to a relative tolerance; None == None."""
    if isinstance(b, dict):
        return isinstance(a, dict) and all(k in a and close(a[k], v, rel, abs_tol) for k, v in b.items())
    if isinstance(b, list):
        return isinstance(a, list) and len(a) == len(b) and all(close(x, y, rel, abs_tol) for x, y in zip(a, b))
    if isinstance(b, bool) or b is None or isinstance(b, str):
        return a == b
    return isinstance(a, int | float) and math.isclose(a, b, rel_tol=rel, abs_tol=abs_tol)


def diff_paths(a: Any, b: Any, path: str = "", rel: float = 1e-6) -> list[str]:
    """Where ``a`` differs from ``b`` (for readable assertion messages)."""
    if isinstance(b, dict):
        out = []
        for k, v in b.items():
            out += diff_paths(a.get(k) if isinstance(a, dict) else None, v, f"{path}.{k}", rel)
        return out
    if isinstance(b, list):
        if not isinstance(a, list) or len(a) != len(b):
            return [f"{path}: length {len(a) if isinstance(a, list) else a} != {len(b)}"]
        out = []
        for i, (x, y) in enumerate(zip(a, b)):
            out += diff_paths(x, y, f"{path}[{i}]", rel)
        return out
    return [] if close(a, b, rel) else [f"{path}: {a!r} != {b!r}"]
