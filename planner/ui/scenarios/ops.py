"""Create, duplicate, rename and delete scenarios: each is one undo step on the document."""

from __future__ import annotations

import copy
import re
from typing import Any

from ...plan import layers


def _scenarios(doc: Any) -> list:
    items = doc.base_get(("scenarios",), [])
    return list(items) if isinstance(items, list) else []


def _slug(name: str) -> str:
    s = re.sub(r"[^A-Za-z0-9]+", "-", name.strip().lower()).strip("-")
    return s[:40] or "scenario"


def create(doc: Any, name: str, *, show: bool = True) -> str:
    """A new, empty scenario named ``name``; shown at once (its changes start from nothing)."""
    name = name.strip() or "New scenario"
    sid = layers.unique_scenario_id(doc.data, _slug(name))
    doc.set(("scenarios",), [*_scenarios(doc), {"id": sid, "name": name, "overrides": []}],
            f"New scenario {name}")
    if show:
        doc.set_scenario(sid)
    return sid


def duplicate(doc: Any, scenario_id: str, *, show: bool = True) -> str:
    items = _scenarios(doc)
    i = layers.scenario_index(doc.data, scenario_id)
    new = copy.deepcopy(items[i])
    new["name"] = f"{new.get('name') or scenario_id} (copy)"
    new["id"] = layers.unique_scenario_id(doc.data, f"{scenario_id}-copy")
    items.insert(i + 1, new)
    doc.set(("scenarios",), items, f"Duplicate scenario {doc.scenario_name(scenario_id)}")
    if show:
        doc.set_scenario(new["id"])
    return new["id"]


def rename(doc: Any, scenario_id: str, name: str) -> bool:
    name = name.strip()
    if not name:
        raise ValueError("a scenario needs a name")
    i = layers.scenario_index(doc.data, scenario_id)
    return doc.set(("scenarios", i, "name"), name, f"Rename scenario to {name}")


def delete(doc: Any, scenario_id: str) -> None:
    items = _scenarios(doc)
    i = layers.scenario_index(doc.data, scenario_id)
    name = doc.scenario_name(scenario_id)
    if doc.scenario == scenario_id:
        doc.set_scenario(None)
    del items[i]
    doc.set(("scenarios",), items, f"Delete scenario {name}")
