"""Scenarios: named layers of overrides on a plan (MODEL.md section 6), resolved on read.

Pure functions over JSON-like plan data. ``apply(data, scenario)`` returns the plan as the
scenario sees it (the base plan with the overrides applied in order, defaults left to be
applied after them) and what each override wrote, so a problem in the result can be traced
back to the override that caused it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from . import fields as F
from .edits import set_in
from .paths import PathError, effective, parse, resolve

BASELINE = "baseline"


@dataclass
class Applied:
    """A scenario's plan data, the places each override wrote, and the overrides refused."""

    data: Any
    writes: dict[tuple, int] = field(default_factory=dict)    # loc -> index of the override
    problems: list[tuple[int, str]] = field(default_factory=list)


def scenarios(data: Any) -> list[dict]:
    items = data.get("scenarios") if isinstance(data, dict) else None
    return [s for s in items if isinstance(s, dict)] if isinstance(items, list) else []


def find(data: Any, scenario_id: str) -> dict | None:
    return next((s for s in scenarios(data) if s.get("id") == scenario_id), None)


def ids(data: Any) -> list[str]:
    return [s["id"] for s in scenarios(data) if isinstance(s.get("id"), str)]


def _is_number(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v)


def override_value(spec: F.Spec, override: dict, current: Any) -> Any:
    """The value an override puts in place of ``current``, or ValueError saying why not."""
    if "scale" in override:
        scale = override.get("scale")
        if not _is_number(scale):
            raise ValueError(f"scale must be a number, got {scale!r}")
        if spec.kind == "whole":
            raise ValueError(f'"{spec.key}" is a whole number: give a value instead of a scale')
        if spec.kind != "number":
            raise ValueError(f'"{spec.key}" is a choice: give a value instead of a scale')
        if current is None:
            raise ValueError(f'"{spec.key}" is empty ({spec.null_text or "none"}), so there is '
                             "nothing to scale: give a value instead")
        # A scale computes a value, so it is clipped to the key's interval like every other
        # computed value (MODEL.md s.6 "Clipping": adoption x 1.1 stays <= 1). A value the
        # user typed is not clipped: an out-of-range one is a problem to fix.
        return spec.clip(current * scale)
    value = override.get("value")
    if value is None:
        if not spec.nullable:
            raise ValueError(f'"{spec.key}" cannot be empty: give a value')
        return None
    if spec.kind == "choice":
        if value not in dict(spec.choices):
            choices = ", ".join(f'"{c}"' for c, _ in spec.choices)
            raise ValueError(f'"{spec.key}" must be one of {choices}, got {value!r}')
        return value
    if not _is_number(value):
        raise ValueError(f'"{spec.key}" must be a number, got {value!r}')
    return value


def apply(data: Any, scenario: dict) -> Applied:
    """``data`` as ``scenario`` sees it. The result holds no scenarios of its own."""
    out = dict(data) if isinstance(data, dict) else {}
    out["scenarios"] = []
    result = Applied(out)
    overrides = scenario.get("overrides") if isinstance(scenario, dict) else None
    for k, ov in enumerate(overrides if isinstance(overrides, list) else []):
        if not isinstance(ov, dict):
            continue
        try:
            p = parse(ov.get("path"))
            matches = resolve(p, result.data)
        except PathError as exc:
            result.problems.append((k, str(exc)))
            continue
        spec = p.spec
        for m in matches:
            try:
                value = override_value(spec, ov, effective(m, p, result.data))
            except ValueError as exc:
                result.problems.append((k, f'"{p.text}": {exc}'))
                break
            result.data = set_in(result.data, m.loc, value)
            result.writes[m.loc] = k
    return result


def resolved(data: Any, scenario_id: str | None) -> Any:
    """The plan data of a scenario (the base plan for None or "baseline"); KeyError when the
    plan has no scenario of that id."""
    if scenario_id in (None, BASELINE):
        return data
    sc = find(data, scenario_id)
    if sc is None:
        known = ", ".join([BASELINE, *ids(data)])
        raise KeyError(f'no scenario "{scenario_id}" in the plan (it has: {known})')
    return apply(data, sc).data
