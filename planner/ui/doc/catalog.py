"""Every editable field of a plan, per table: the registry's fields plus what editing adds.

Qt-free. What a field is (range, default, label, unit, meaning, choices) comes from
:mod:`planner.plan.fields`; this module adds the editor's part (writers, choices of
references, N/A cells, column groups). Also the factories for new rows.
"""

from __future__ import annotations

from typing import Any

from ...plan import fields as registry
from . import edits
from .edits import MISSING
from .fields import Field


# ----- choices --------------------------------------------------------------------------
def _depends(key: str):
    """Mark a choices function as built from one list (its result is cached per version)."""
    def wrap(fn):
        def cached(doc: Any) -> list[tuple[Any, str]]:
            if hasattr(doc, "cached"):
                return doc.cached(("choices", fn.__name__), key, lambda: fn(doc))
            return fn(doc)
        cached.depends = key
        cached.__name__ = fn.__name__
        return cached
    return wrap


@_depends("teams")
def team_choices(doc: Any) -> list[tuple[Any, str]]:
    out = []
    for t in doc.items("teams"):
        if isinstance(t, dict) and isinstance(t.get("id"), str):
            out.append((t["id"], str(t.get("name") or t["id"])))
    return out


@_depends("teams")
def parent_choices(doc: Any) -> list[tuple[Any, str]]:
    return [(None, "(top level)"), *team_choices(doc)]


@_depends("models")
def model_choices(doc: Any) -> list[tuple[Any, str]]:
    out: list[tuple[Any, str]] = [(None, "(no compute)")]
    for m in doc.items("models"):
        if isinstance(m, dict) and isinstance(m.get("id"), str):
            out.append((m["id"], m["id"]))
    return out


@_depends("gpus")
def gpu_choices(doc: Any) -> list[tuple[Any, str]]:
    return [(g["id"], g["id"]) for g in doc.items("gpus")
            if isinstance(g, dict) and isinstance(g.get("id"), str)]


# ----- special writers ------------------------------------------------------------------
def write_workflow_model(doc: Any, item_path: tuple, value: Any) -> None:
    """Choosing a model creates the compute block; "(no compute)" removes it."""
    compute = doc.get((*item_path, "compute"))
    if value is None or value is MISSING:
        doc.set((*item_path, "compute"), MISSING, "Remove compute")
    elif isinstance(compute, dict):
        doc.set((*item_path, "compute", "model"), value, "Edit model")
    else:
        doc.set((*item_path, "compute"), {"model": value, "calls_per_unit": 1, "input_tokens": 1000,
                                          "output_tokens": 200}, "Add compute")


MODEL_KIND_KEYS = {
    "api": {"input_per_mtok": 1.0, "output_per_mtok": 4.0},
    "self": {"gpu": "", "gpus_per_replica": 1, "prefill_tokens_per_s": 10000,
             "decode_tokens_per_s": 1500, "utilization": 0.5},
}
GPU_KIND_KEYS = {
    "cloud": {"per_gpu_hour": 2.5, "watts_per_gpu": 1000},
    "owned": {"capex_per_gpu": 30000, "amortization_months": 48, "watts_per_gpu": 1000},
}


def _switch_kind(tag: str, kinds: dict[str, dict]):
    def write(doc: Any, item_path: tuple, value: Any) -> None:
        item = doc.get(item_path)
        if not isinstance(item, dict) or item.get(tag) == value:
            return
        fresh = {"id": item.get("id", ""), tag: value}
        defaults = dict(kinds.get(value, {}))
        if tag == "hosting" and value == "self":
            gpus = gpu_choices(doc)
            defaults["gpu"] = gpus[0][0] if gpus else ""
        fresh.update(defaults)
        if "note" in item:
            fresh["note"] = item["note"]
        label = dict(registry.spec("model" if tag == "hosting" else "gpu", tag).choices)
        doc.set(item_path, fresh, f"Change {tag} to {label.get(value, value)}")
    return write


def write_id(key: str):
    def write(doc: Any, item_path: tuple, value: Any) -> None:
        doc.rename_id(key, item_path[1], value)
    return write


# ----- fields ---------------------------------------------------------------------------
# Range, default, label, unit, meaning and choices of every field come from the plan
# registry (planner.plan.fields); below is only what the editor adds: writers, the blocks
# a value creates, references' choices, N/A cells, column groups and placeholders.
_NA = {"api": "Only for API models.", "self": "Only for self-hosted models.",
       "cloud": "Only for cloud GPUs.", "owned": "Only for owned GPUs."}


def ui(obj: str, key: str, *path: str, **editor: Any) -> Field:
    """The editor field of registry field ``obj.key`` at ``path`` (default: ``(key,)``).

    Keys only some kinds of model or GPU have (``Spec.only``) are N/A for the others."""
    spec = registry.spec(obj, key)
    if spec.only is not None and "applies" not in editor:
        tag, only = registry.KIND_TAG[obj], frozenset(spec.only)
        editor["applies"] = lambda item: item.get(tag) in only
        editor.setdefault("na_text", " ".join(_NA[k] for k in spec.only))
    return Field.from_spec(spec, tuple(path) or (key,), **editor)


def plan_setting(key: str):
    """``doc -> the plan's value of settings.key`` (its default when unset): what an item's
    empty value means for keys such as a workflow's volume growth."""
    default = registry.spec("settings", key).default

    def value(doc: Any) -> Any:
        v = doc.get(("settings", key), MISSING) if hasattr(doc, "get") else MISSING
        ok = isinstance(v, int | float) and not isinstance(v, bool)
        return v if ok else default
    return value


def _id(list_key: str, obj: str) -> Field:
    return ui(obj, "id", writer=write_id(list_key), hint="Renaming it updates every reference.")


def _note(obj: str, **editor: Any) -> Field:
    return ui(obj, "note", **editor)


_AI = {"time_saved": 0, "adoption": 0}
_COMPUTE = {"model": "", "calls_per_unit": 1, "input_tokens": 1000, "output_tokens": 200}
_HAS_COMPUTE = dict(container=_COMPUTE, group="compute", na_text="Choose a model first.",
                    applies=lambda w: isinstance(w.get("compute"), dict))

WORKFLOW_FIELDS: list[Field] = [
    ui("workflow", "name"),
    ui("workflow", "team", choices=team_choices),
    ui("workflow", "volume_per_month"),
    ui("workflow", "minutes_per_unit"),
    ui("ai", "time_saved", "ai", "time_saved", container=_AI),
    ui("ai", "adoption", "ai", "adoption", container=_AI),
    ui("ai", "review_overhead", "ai", "review_overhead", container=_AI),
    ui("ai", "ramp_months", "ai", "ramp_months", container=_AI),
    ui("ai", "ramp", "ai", "ramp", container=_AI),
    ui("workflow", "volume_growth_per_year", inherit=plan_setting("volume_growth_per_year")),
    ui("compute", "model", "compute", "model", choices=model_choices, optional=True,
       group="compute", null_when_empty=True, writer=write_workflow_model,
       default_text="(no compute)", hint="Choose (no compute) for none."),
    ui("compute", "calls_per_unit", "compute", "calls_per_unit", **_HAS_COMPUTE),
    ui("compute", "input_tokens", "compute", "input_tokens", **_HAS_COMPUTE),
    ui("compute", "output_tokens", "compute", "output_tokens", **_HAS_COMPUTE),
    ui("compute", "cached_share", "compute", "cached_share", **_HAS_COMPUTE),
    _id("workflows", "workflow"),
    _note("workflow"),
]

ROLE_FIELDS: list[Field] = [
    ui("role", "name"),
    ui("role", "kind"),
    ui("role", "headcount"),
    ui("role", "annual_cost"),
    _note("role"),
]

TEAM_DETAIL_FIELDS: list[Field] = [
    ui("team", "parent", choices=parent_choices, null_when_empty=True,
       hint="You can also drag a team onto another in the tree."),
    ui("team", "function"),
    ui("team", "min_ic"),
    ui("team", "target_span", placeholder="plan default"),
    ui("ai_seats", "cost_per_seat_month", "ai_seats", "cost_per_seat_month", optional=True,
       container={"cost_per_seat_month": 0}, drops_block=True, default_text="no seats",
       placeholder="no seats"),
    ui("ai_seats", "coverage", "ai_seats", "coverage", container={"cost_per_seat_month": 0},
       applies=lambda t: isinstance(t.get("ai_seats"), dict), na_text="Set a seat cost first."),
    _note("team"),
]

TEAM_TREE_FIELDS: list[Field] = [
    ui("team", "name"),
    _id("teams", "team"),
]

MODEL_FIELDS: list[Field] = [
    _id("models", "model"),
    ui("model", "hosting", writer=_switch_kind("hosting", MODEL_KIND_KEYS)),
    ui("model", "input_per_mtok"),
    ui("model", "output_per_mtok"),
    ui("model", "cached_input_per_mtok", placeholder="= input"),
    ui("model", "price_decline_per_year", inherit=plan_setting("price_decline_per_year")),
    ui("model", "gpu", choices=gpu_choices),
    ui("model", "gpus_per_replica"),
    ui("model", "prefill_tokens_per_s"),
    ui("model", "decode_tokens_per_s"),
    ui("model", "utilization"),
    ui("model", "throughput_gain_per_year", inherit=plan_setting("throughput_gain_per_year")),
    _note("model"),
]

GPU_FIELDS: list[Field] = [
    _id("gpus", "gpu"),
    ui("gpu", "pricing", writer=_switch_kind("pricing", GPU_KIND_KEYS)),
    ui("gpu", "per_gpu_hour"),
    ui("gpu", "capex_per_gpu"),
    ui("gpu", "amortization_months"),
    ui("gpu", "overhead_per_gpu_month"),
    ui("gpu", "watts_per_gpu"),
    _note("gpu"),
]


def currency_code(text: str) -> str:
    """``eur`` -> ``EUR``; anything but three letters is refused with the fix."""
    code = text.strip().upper()
    if len(code) != 3 or not code.isascii() or not code.isalpha():
        raise ValueError(f'Currency: "{text.strip()}" is not a 3-letter code; type one like USD, '
                         "EUR or GBP")
    return code


PLAN_FIELDS: list[Field] = [
    ui("plan", "name"),
    ui("plan", "currency", clean=currency_code),
]

_PLACEHOLDER = {"start_month": "none (M1, M2...)", "target_span": "none: keep each team's span"}
SETTINGS_FIELDS: list[Field] = [
    ui("settings", s.key, "settings", s.key, placeholder=_PLACEHOLDER.get(s.key, ""))
    for s in registry.settings()
]
PLAN_NOTE = _note("plan", header="Plan note")

# Registry fields the app does not edit, and why (a test keeps this list honest).
NOT_EDITED = {
    "plan.format": "fixed by the file format",
    "plan.schema_version": "written by the app on save",
    "settings.note": "a note on the settings block: kept in the file, shown in the export",
    "ai.note": "a note on the AI block: kept in the file (the workflow has its own note)",
    "compute.note": "a note on the compute block: kept in the file (the workflow has its own note)",
    "ai_seats.note": "a note on the AI seats block: kept in the file (the team has its own note)",
    **{s.name: "the stress test of the four bets belongs to the Risk page (scenarios issue)"
       for s in registry.of("stress")},
}


def all_fields() -> list[Field]:
    """Every editor field of the app."""
    return [*WORKFLOW_FIELDS, *ROLE_FIELDS, *TEAM_DETAIL_FIELDS, *TEAM_TREE_FIELDS,
            *MODEL_FIELDS, *GPU_FIELDS, *PLAN_FIELDS, *SETTINGS_FIELDS, PLAN_NOTE]


# ----- new rows --------------------------------------------------------------------------
def _taken(doc: Any, key: str) -> set[str]:
    return set(doc.ids(key))


def new_team(doc: Any, parent: str | None = None) -> dict:
    tid = edits.unique_id("team", _taken(doc, "teams"))
    n = len(doc.items("teams")) + 1
    return {"id": tid, "name": f"New team {n}", "parent": parent,
            "roles": [{"name": "Specialist", "kind": "ic", "headcount": 10, "annual_cost": 80000},
                      {"name": "Manager", "kind": "manager", "headcount": 1, "annual_cost": 120000}]}


def new_role(doc: Any) -> dict:
    return {"name": "New role", "kind": "ic", "headcount": 1, "annual_cost": 80000}


def new_workflow(doc: Any, team: str | None = None) -> dict:
    wid = edits.unique_id("workflow", _taken(doc, "workflows"))
    if team is None:
        teams = team_choices(doc)
        team = teams[-1][0] if teams else ""
    return {"id": wid, "team": team, "name": "New workflow", "volume_per_month": 100,
            "minutes_per_unit": 10, "ai": {"time_saved": 0.3, "adoption": 0.5}}


def new_model(doc: Any) -> dict:
    mid = edits.unique_id("model", _taken(doc, "models"))
    return {"id": mid, "hosting": "api", **MODEL_KIND_KEYS["api"]}


def new_gpu(doc: Any) -> dict:
    gid = edits.unique_id("gpu", _taken(doc, "gpus"))
    return {"id": gid, "pricing": "cloud", **GPU_KIND_KEYS["cloud"]}


def duplicate(doc: Any, key: str, item: Any) -> Any:
    """A copy of a row with a fresh id."""
    out = edits.clone(item)
    if isinstance(out, dict) and isinstance(out.get("id"), str):
        out["id"] = edits.unique_id(out["id"], _taken(doc, key))
        if isinstance(out.get("name"), str):
            out["name"] = f"{out['name']} (copy)"
    return out
