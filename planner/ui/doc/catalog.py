"""Every editable field of a plan, per table, with units, ranges, defaults and meanings.

Qt-free. Ranges and defaults follow MODEL.md section 1. Also the factories for new rows.
"""

from __future__ import annotations

from typing import Any

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


def _fixed(*pairs: tuple[Any, str]):
    return lambda doc: list(pairs)


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
        doc.set(item_path, fresh, f"Change {tag} to {value}")
    return write


def write_id(key: str):
    def write(doc: Any, item_path: tuple, value: Any) -> None:
        doc.rename_id(key, item_path[1], value)
    return write


# ----- fields ---------------------------------------------------------------------------
def _id(key: str, what: str) -> Field:
    return Field("id", ("id",), "ID", "id", tooltip=f"Short unique id of the {what}; other rows refer "
                 "to it. Renaming it updates every reference.", writer=write_id(key))


_AI = {"time_saved": 0, "adoption": 0}
_COMPUTE = {"model": "", "calls_per_unit": 1, "input_tokens": 1000, "output_tokens": 200}

WORKFLOW_FIELDS: list[Field] = [
    Field("name", ("name",), "Workflow", "text", tooltip="What the work is, in a few words."),
    Field("team", ("team",), "Team", "ref", choices=team_choices,
          tooltip="The team that does this work; its freed hours lower that team's ICs."),
    Field("volume", ("volume_per_month",), "Volume / month", minimum=0, unit="units/month", short="Volume\n/ month",
          tooltip="How many times a month this work is done (tickets, reviews, invoices...)."),
    Field("minutes", ("minutes_per_unit",), "Minutes / unit", minimum=0, unit="min", short="Minutes\n/ unit",
          tooltip="Minutes of human work per unit today."),
    Field("time_saved", ("ai", "time_saved"), "Time saved", "percent", minimum=-1, maximum=1, short="Time\nsaved",
          container=_AI, tooltip="Share of a unit's time AI saves when it is used "
          "(negative: AI slows the work)."),
    Field("adoption", ("ai", "adoption"), "Adoption", "percent", minimum=0, maximum=1, container=_AI,
          tooltip="Share of the units done with AI once the ramp is complete."),
    Field("review", ("ai", "review_overhead"), "Review", "percent", minimum=0, maximum=1, container=_AI,
          default=0, default_text="0%", optional=True,
          tooltip="Share of a unit's time spent checking AI output (subtracted from time saved)."),
    Field("ramp_months", ("ai", "ramp_months"), "Ramp (months)", "int", minimum=0, container=_AI, short="Ramp\nmonths",
          default=0, default_text="0 (full adoption from month 1)", optional=True, unit="months",
          tooltip="Months until adoption reaches its full level."),
    Field("ramp", ("ai", "ramp"), "Ramp shape", "choice", container=_AI, default="linear", short="Ramp\nshape",
          default_text="linear", optional=True,
          choices=_fixed(("linear", "linear"), ("s-curve", "s-curve")),
          tooltip="How adoption grows during the ramp: a straight line or an S-curve."),
    Field("model", ("compute", "model"), "Model", "ref", choices=model_choices, optional=True, group="compute",
          null_when_empty=True, writer=write_workflow_model,
          tooltip="The AI model this workflow calls; (no compute) for none."),
    Field("calls", ("compute", "calls_per_unit"), "Calls / unit", minimum=0, container=_COMPUTE, short="Calls\n/ unit",
          group="compute",
          applies=lambda w: isinstance(w.get("compute"), dict), na_text="Choose a model first.",
          tooltip="Model calls per AI-assisted unit."),
    Field("tokens_in", ("compute", "input_tokens"), "Input tokens", minimum=0, container=_COMPUTE, short="Tokens\nin",
          group="compute",
          applies=lambda w: isinstance(w.get("compute"), dict), na_text="Choose a model first.",
          unit="tokens/call", tooltip="Input (prompt) tokens per call."),
    Field("tokens_out", ("compute", "output_tokens"), "Output tokens", minimum=0, container=_COMPUTE, short="Tokens\nout",
          group="compute",
          applies=lambda w: isinstance(w.get("compute"), dict), na_text="Choose a model first.",
          unit="tokens/call", tooltip="Output (generated) tokens per call."),
    Field("cached", ("compute", "cached_share"), "Cached", "percent", minimum=0, maximum=1,
          container=_COMPUTE, group="compute", default=0, default_text="0%", optional=True,
          applies=lambda w: isinstance(w.get("compute"), dict), na_text="Choose a model first.",
          tooltip="Share of input tokens read from the provider's cache (cheaper; API models only)."),
    _id("workflows", "workflow"),
]

ROLE_FIELDS: list[Field] = [
    Field("name", ("name",), "Role", "text", tooltip="The job title."),
    Field("kind", ("kind",), "Kind", "choice", choices=_fixed(("ic", "IC"), ("manager", "Manager")),
          tooltip="IC: does the work. Manager: manages people (sized from the span)."),
    Field("headcount", ("headcount",), "Headcount", minimum=0, unit="people",
          tooltip="People in this role today (may be fractional FTE)."),
    Field("annual_cost", ("annual_cost",), "Annual cost", minimum=0, money=True, unit="/ year",
          tooltip="Fully loaded annual cost of one person in this role."),
]

TEAM_DETAIL_FIELDS: list[Field] = [
    Field("parent", ("parent",), "Reports to", "ref", choices=parent_choices, optional=True,
          null_when_empty=True, default_text="top level",
          tooltip="The team this one reports to. You can also drag a team onto another in the tree."),
    Field("function", ("function",), "Function", "text", optional=True,
          tooltip="Business function, for grouping (e.g. Engineering)."),
    Field("min_ic", ("min_ic",), "Minimum ICs", minimum=0, default=0, default_text="0", optional=True,
          unit="people", tooltip="The team never shrinks below this many ICs."),
    Field("target_span", ("target_span",), "Target span", minimum=0, min_open=True, optional=True,
          unit="ICs per manager", default_text="the plan's target span, else today's span",
          placeholder="plan default",
          tooltip="ICs per first-line manager after the change, for this team only."),
    Field("seat_cost", ("ai_seats", "cost_per_seat_month"), "AI seat cost", minimum=0, optional=True,
          container={"cost_per_seat_month": 0}, money=True, unit="/ seat / month",
          default_text="no seats", placeholder="no seats",
          tooltip="Monthly licence per AI seat (e.g. a coding assistant). Empty: no seats."),
    Field("seat_coverage", ("ai_seats", "coverage"), "Seat coverage", "percent", minimum=0, maximum=1,
          optional=True, default=1, default_text="100%", container={"cost_per_seat_month": 0},
          applies=lambda t: isinstance(t.get("ai_seats"), dict), na_text="Set a seat cost first.",
          tooltip="Share of the team's people who get a seat."),
    Field("note", ("note",), "Note", "text", optional=True, tooltip="A source or a caveat."),
]

TEAM_TREE_FIELDS: list[Field] = [
    Field("name", ("name",), "Team", "text", tooltip="The team's name."),
    _id("teams", "team"),
]

MODEL_FIELDS: list[Field] = [
    _id("models", "model"),
    Field("hosting", ("hosting",), "Hosting", "choice", writer=_switch_kind("hosting", MODEL_KIND_KEYS),
          choices=_fixed(("api", "API"), ("self", "Self-hosted")),
          tooltip="API: pay per token. Self-hosted: run it on GPUs (sized from tokens)."),
    Field("input_price", ("input_per_mtok",), "Input price", minimum=0, money=True, unit="/ M tokens",
          short="Input\n{cur}/M tok",
          applies=lambda m: m.get("hosting") == "api", na_text="Only for API models.",
          tooltip="Price per million input tokens."),
    Field("output_price", ("output_per_mtok",), "Output price", minimum=0, money=True, unit="/ M tokens",
          short="Output\n{cur}/M tok",
          applies=lambda m: m.get("hosting") == "api", na_text="Only for API models.",
          tooltip="Price per million output tokens."),
    Field("cached_price", ("cached_input_per_mtok",), "Cached price", minimum=0, money=True,
          optional=True, unit="/ M tokens", short="Cached\n{cur}/M tok", default_text="the input price", placeholder="= input",
          applies=lambda m: m.get("hosting") == "api", na_text="Only for API models.",
          tooltip="Price per million cached input tokens."),
    Field("gpu", ("gpu",), "GPU", "ref", choices=gpu_choices,
          applies=lambda m: m.get("hosting") == "self", na_text="Only for self-hosted models.",
          tooltip="The GPU type it runs on (from the GPUs table)."),
    Field("per_replica", ("gpus_per_replica",), "GPUs / replica", "int", minimum=1, short="GPUs /\nreplica",
          applies=lambda m: m.get("hosting") == "self", na_text="Only for self-hosted models.",
          tooltip="GPUs one copy of the model needs."),
    Field("prefill", ("prefill_tokens_per_s",), "Prefill tok/s", minimum=0, min_open=True, short="Prefill\ntok/s",
          unit="tokens/s per GPU", applies=lambda m: m.get("hosting") == "self",
          na_text="Only for self-hosted models.", tooltip="Measured input (prefill) rate per GPU."),
    Field("decode", ("decode_tokens_per_s",), "Decode tok/s", minimum=0, min_open=True, short="Decode\ntok/s",
          unit="tokens/s per GPU", applies=lambda m: m.get("hosting") == "self",
          na_text="Only for self-hosted models.", tooltip="Measured output (decode) rate per GPU."),
    Field("utilization", ("utilization",), "Utilization", "percent", minimum=0, maximum=1, min_open=True,
          applies=lambda m: m.get("hosting") == "self", na_text="Only for self-hosted models.",
          tooltip="Share of GPU time doing useful work on average."),
]

GPU_FIELDS: list[Field] = [
    _id("gpus", "GPU"),
    Field("pricing", ("pricing",), "Pricing", "choice", writer=_switch_kind("pricing", GPU_KIND_KEYS),
          choices=_fixed(("cloud", "Cloud (rented)"), ("owned", "Owned")),
          tooltip="Cloud: rented by the hour. Owned: bought, depreciated over its life."),
    Field("per_hour", ("per_gpu_hour",), "Rental", minimum=0, money=True, unit="/ GPU-hour",
          applies=lambda g: g.get("pricing") == "cloud", na_text="Only for cloud GPUs.",
          tooltip="Rental price of one GPU for one hour."),
    Field("capex", ("capex_per_gpu",), "Purchase", minimum=0, money=True, unit="/ GPU",
          applies=lambda g: g.get("pricing") == "owned", na_text="Only for owned GPUs.",
          tooltip="Purchase price of one GPU including its share of the server."),
    Field("amortization", ("amortization_months",), "Depreciation", "int", minimum=1, unit="months",
          applies=lambda g: g.get("pricing") == "owned", na_text="Only for owned GPUs.",
          tooltip="Months over which the purchase is depreciated."),
    Field("watts", ("watts_per_gpu",), "Power", minimum=0, unit="W per GPU",
          tooltip="Average draw per GPU including its share of the server."),
]

def currency_code(text: str) -> str:
    """``eur`` -> ``EUR``; anything but three letters is refused with the fix."""
    code = text.strip().upper()
    if len(code) != 3 or not code.isascii() or not code.isalpha():
        raise ValueError(f'Currency: "{text.strip()}" is not a 3-letter code; type one like USD, '
                         "EUR or GBP")
    return code


PLAN_FIELDS: list[Field] = [
    Field("name", ("name",), "Plan name", "text", tooltip="Shown in titles and the export."),
    Field("currency", ("currency",), "Currency", "text", default="USD", default_text="USD",
          optional=True, clean=currency_code, tooltip="ISO code of the plan's currency (USD, EUR, GBP...). All money is in it."),
]

_S = ("settings",)
SETTINGS_FIELDS: list[Field] = [
    Field("start_month", ("start_month",), "Start month", "text", optional=True, unit="YYYY-MM",
          default_text="none (months are labelled M1, M2...)", placeholder="none (M1, M2...)",
          tooltip="The label of month 1."),
    Field("horizon", ("horizon_months",), "Horizon", "int", minimum=1, maximum=120, default=36,
          default_text="36", optional=True, unit="months", tooltip="How many months the plan covers."),
    Field("hours", ("hours_per_fte_year",), "Hours per FTE", minimum=0, min_open=True, default=1760,
          default_text="1,760", optional=True, unit="hours/year",
          tooltip="Productive hours of one full-time person in a year."),
    Field("policy", ("headcount_policy",), "Headcount policy", "choice", default="reduce",
          default_text="reduce", optional=True,
          choices=_fixed(("reduce", "Reduce (fewer people)"), ("redeploy", "Redeploy (same people)")),
          tooltip="Reduce: freed time lowers IC headcount. Redeploy: people stay; freed time is "
          "reported as capacity."),
    Field("redeploy_share", ("redeploy_share",), "Kept for new work", "percent", minimum=0, maximum=1,
          default=0, default_text="0%", optional=True,
          tooltip="Share of freed capacity kept for new work instead of reducing headcount "
          "(reduce policy only)."),
    Field("target_span", ("target_span",), "Target span", minimum=0, min_open=True, optional=True,
          unit="ICs per manager", default_text="none (each team keeps its own span)",
          placeholder="none: keep each team's span",
          tooltip="ICs per first-line manager after the change, for every team without its own."),
    Field("severance", ("severance_months",), "Severance", minimum=0, default=0, default_text="0",
          optional=True, unit="months of cost", tooltip="Months of cost paid per person removed."),
    Field("implementation", ("implementation_cost",), "Implementation cost", minimum=0, default=0,
          default_text="0", optional=True, money=True, unit="one-off",
          tooltip="One-off cost of the change, booked in month 1."),
    Field("price_decline", ("price_decline_per_year",), "Token price decline", "percent", minimum=0,
          maximum=1, max_open=True, default=0, default_text="0%", optional=True, unit="per year",
          tooltip="API token prices fall by this share each year."),
    Field("token_growth", ("token_growth_per_year",), "Token use growth", "percent", minimum=0,
          default=0, default_text="0%", optional=True, unit="per year",
          tooltip="Tokens used per task grow by this share each year (longer prompts, agents)."),
    Field("peak", ("peak_to_average",), "Peak to average", minimum=1, default=3, default_text="3",
          optional=True, unit="x", tooltip="Self-hosted fleets are sized for peak load: peak / average."),
    Field("pue", ("pue",), "PUE", minimum=1, default=1.3, default_text="1.3", optional=True, unit="x",
          tooltip="Datacentre power overhead (power usage effectiveness) for owned and cloud GPUs."),
    Field("kwh", ("usd_per_kwh",), "Power price", minimum=0, default=0.1, default_text="0.10",
          optional=True, money=True, unit="/ kWh", tooltip="Electricity price, in the plan's currency."),
]
for _f in SETTINGS_FIELDS:
    _f.path = (*_S, *_f.path)


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
