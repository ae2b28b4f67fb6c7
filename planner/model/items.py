"""Checking a plan item by item, remembering what was checked.

An edit in the app replaces only the containers on its path (planner.plan.edits): every other
team, workflow, model and GPU is the very same dict as before. :class:`ItemCache` keeps each
item's validated object and schema errors keyed by that identity, so re-checking a 50,000-
workflow plan after one edit validates one workflow, not 50,000. It also lets a scenario's
plan, which shares most items with the base plan, be checked at the cost of what it changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import TypeAdapter, ValidationError

from . import schema


@dataclass
class _Entry:
    item: Any               # kept so that its identity stays valid while cached
    obj: Any                # the validated pydantic object, or None
    errors: list[dict]      # pydantic error dicts, locations relative to the item


_ADAPTERS = {
    "teams": TypeAdapter(schema.Team),
    "workflows": TypeAdapter(schema.Workflow),
    "models": TypeAdapter(schema.Model),
    "gpus": TypeAdapter(schema.Gpu),
}


class ItemCache:
    """Validated items by identity. Each ``begin()``/``end()`` round keeps only the items
    seen in it, so the cache follows the open plan and never grows without bound."""

    def __init__(self) -> None:
        self._memo: dict[str, dict[int, _Entry]] = {k: {} for k in _ADAPTERS}
        self._seen: dict[str, dict[int, _Entry]] | None = None
        self.validated = 0      # items validated (not found) in the last round, for tests

    def begin(self) -> None:
        self._seen = {k: {} for k in _ADAPTERS}
        self.validated = 0

    def end(self) -> None:
        if self._seen is not None:
            self._memo = self._seen
        self._seen = None

    def entry(self, key: str, item: Any) -> _Entry:
        ident = id(item)
        seen = self._seen            # read once: another thread may start its own round
        hit = self._memo[key].get(ident) or (seen or {}).get(key, {}).get(ident)
        if hit is None or hit.item is not item:
            self.validated += 1
            try:
                hit = _Entry(item, _ADAPTERS[key].validate_python(item), [])
            except ValidationError as exc:
                hit = _Entry(item, None, exc.errors(include_url=False))
        if seen is not None:
            seen[key][ident] = hit
        return hit


def validate_items(data: dict, cache: ItemCache) -> tuple[list[dict], Any]:
    """Pydantic errors (locations from the plan's root) and the :class:`Plan` when there are
    none, checking the head of the plan whole and each item through ``cache``."""
    errors: list[dict] = []
    head = {k: v for k, v in data.items() if k not in schema.ITEM_LISTS}
    head_obj = None
    try:
        head_obj = schema.PlanHead.model_validate(head)
    except ValidationError as exc:
        errors += exc.errors(include_url=False)
    parts: dict[str, list] = {}
    for key in schema.ITEM_LISTS:
        items = data.get(key, [])
        objs = []
        for i, item in enumerate(items):
            entry = cache.entry(key, item)
            for err in entry.errors:
                errors.append({**err, "loc": (key, i, *err["loc"])})
            objs.append(entry.obj)
        parts[key] = objs
    if "teams" not in data:
        errors.append({"type": "missing", "loc": ("teams",), "msg": "Field required",
                       "input": data})
    elif not data["teams"]:
        errors.append({"type": "too_short", "loc": ("teams",), "msg": "too short",
                       "input": data["teams"], "ctx": {"min_length": 1}})
    if errors or head_obj is None:
        return errors, None
    fields = dict(head_obj.__dict__)
    fields.update(parts)
    given = set(data) & set(schema.Plan.model_fields)
    return [], schema.Plan.model_construct(_fields_set=given, **fields)


def lists_are_lists(data: dict) -> bool:
    """True when every item list present is a list (else the whole plan is checked at once,
    which reports the misshapen list in the usual words)."""
    return all(isinstance(data[k], list) for k in schema.ITEM_LISTS if k in data)
