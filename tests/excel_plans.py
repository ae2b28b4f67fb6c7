"""Hand-made plans for the Excel export tests: each exercises a corner of MODEL.md."""

from __future__ import annotations

import copy
import json
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parent / "data" / "northwind.v1.orgplan.json"  # the stable test Northwind
INJECTIONS = ("=1+1", "@SUM(A1)", "+cmd|' /C calc'!A0", "-2+3", "\tindented", "\rreturn")


def northwind() -> dict:
    return json.loads(EXAMPLE.read_text(encoding="utf-8"))


def _team(tid, name, ic, ic_cost, mgr, mgr_cost, **kw):
    roles = []
    if ic:
        roles.append({"name": "Staff", "kind": "ic", "headcount": ic, "annual_cost": ic_cost})
    if mgr:
        roles.append({"name": "Lead", "kind": "manager", "headcount": mgr, "annual_cost": mgr_cost})
    return {"id": tid, "name": name, "roles": roles, **kw}


def _wf(wid, team, volume, minutes, ai=None, compute=None, **kw):
    out = {"id": wid, "team": team, "name": f"Work {wid}", "volume_per_month": volume,
           "minutes_per_unit": minutes, **kw}
    if ai:
        out["ai"] = ai
    if compute:
        out["compute"] = compute
    return out


def cloud_plan() -> dict:
    """Cloud GPUs and an API model; no start month; linear ramps; severance."""
    return {
        "format": "orgplan", "schema_version": 1, "name": "Cloud fleet", "currency": "EUR",
        "settings": {"horizon_months": 24, "severance_months": 2, "peak_to_average": 2.5,
                     "price_decline_per_year": 0.3, "implementation_cost": 50000},
        "teams": [_team("ops", "Operations", 40, 70000, 4, 100000, min_ic=5),
                  _team("desk", "Service desk", 25.5, 55000, 3, 80000)],
        "workflows": [
            _wf("triage", "ops", 30000, 6, {"time_saved": 0.5, "adoption": 0.7, "ramp_months": 4},
                {"model": "llama", "calls_per_unit": 3, "input_tokens": 2500, "output_tokens": 400}),
            _wf("answers", "desk", 12000, 10, {"time_saved": 0.3, "adoption": 0.6, "review_overhead": 0.05,
                                               "ramp_months": 8},
                {"model": "api-small", "calls_per_unit": 2, "input_tokens": 3000, "output_tokens": 500,
                 "cached_share": 0.4}),
        ],
        "models": [
            {"id": "llama", "hosting": "self", "gpu": "h100", "gpus_per_replica": 2,
             "prefill_tokens_per_s": 8000, "decode_tokens_per_s": 900, "utilization": 0.5},
            {"id": "api-small", "hosting": "api", "input_per_mtok": 0.4, "output_per_mtok": 1.6},
        ],
        "gpus": [{"id": "h100", "pricing": "cloud", "per_gpu_hour": 2.75, "watts_per_gpu": 1000}],
    }


def owned_plan() -> dict:
    """Owned GPUs with a short amortisation, s-curves, token growth, redeploy share, spans."""
    return {
        "format": "orgplan", "schema_version": 1, "name": "Owned fleet", "currency": "GBP",
        "settings": {"start_month": "2027-04", "horizon_months": 30, "redeploy_share": 0.3,
                     "target_span": 7, "severance_months": 4, "token_growth_per_year": 0.8,
                     "price_decline_per_year": 0.25, "pue": 1.4, "usd_per_kwh": 0.12,
                     "peak_to_average": 3},
        "teams": [_team("claims", "Claims", 80, 52000, 10, 75000, min_ic=20, target_span=12),
                  _team("uw", "Underwriting", 30, 90000, 5, 120000)],
        "workflows": [
            _wf("claims-intake", "claims", 50000, 8,
                {"time_saved": 0.45, "adoption": 0.8, "review_overhead": 0.1, "ramp_months": 10,
                 "ramp": "s-curve"},
                {"model": "qwen", "calls_per_unit": 4, "input_tokens": 6000, "output_tokens": 700}),
            _wf("uw-memo", "uw", 2000, 90,
                {"time_saved": 0.3, "adoption": 0.5, "ramp_months": 6, "ramp": "s-curve"},
                {"model": "qwen", "calls_per_unit": 10, "input_tokens": 20000, "output_tokens": 2000}),
        ],
        "models": [{"id": "qwen", "hosting": "self", "gpu": "b200", "gpus_per_replica": 1,
                    "prefill_tokens_per_s": 1500, "decode_tokens_per_s": 150, "utilization": 0.3}],
        "gpus": [{"id": "b200", "pricing": "owned", "capex_per_gpu": 45000, "amortization_months": 12,
                  "watts_per_gpu": 1400}],
    }


def redeploy_plan() -> dict:
    """Redeploy policy, AI seats, a leadership team (IC = 0) owning a workflow, a team with no
    roles, a workflow slowed by AI, a workflow without compute, user text that looks like
    formulas, and a horizon that ends mid-year."""
    a, b, c = INJECTIONS[:3]
    return {
        "format": "orgplan", "schema_version": 1, "name": a, "currency": "PLN",
        "settings": {"start_month": "2026-11", "horizon_months": 15, "headcount_policy": "redeploy",
                     "severance_months": 1},
        "teams": [
            _team("lead", b, 0, 0, 3, 250000, ai_seats={"cost_per_seat_month": 60}),
            _team(a, c, 12, 60000, 2, 90000, parent="lead", function=b, note=c,
                  ai_seats={"cost_per_seat_month": 25, "coverage": 0.5}),
            {"id": "empty", "name": INJECTIONS[3], "roles": [], "note": INJECTIONS[4]},
            _team("slow", INJECTIONS[5], 6, 80000, 1, 100000),
        ],
        "workflows": [
            _wf("strategy", "lead", 40, 120, {"time_saved": 0.2, "adoption": 0.5},
                {"model": "big", "calls_per_unit": 30, "input_tokens": 8000, "output_tokens": 1500}),
            _wf(b, a, 900, 30, {"time_saved": 0.25, "adoption": 0.6, "ramp_months": 3}, note=a),
            _wf("slowed", "slow", 500, 60, {"time_saved": -0.1, "adoption": 0.4, "ramp_months": 2},
                {"model": "big", "calls_per_unit": 5, "input_tokens": 4000, "output_tokens": 800,
                 "cached_share": 0.2}),
            _wf("manual", "slow", 100, 30),
        ],
        "models": [{"id": "big", "hosting": "api", "input_per_mtok": 3, "output_per_mtok": 15,
                    "cached_input_per_mtok": 0.3}],
        "gpus": [],
    }


def lean_plan() -> dict:
    """No models or GPUs at all, the default span, reduce with min_ic floors and no start month."""
    return {
        "format": "orgplan", "schema_version": 1, "name": "Lean", "settings": {"horizon_months": 12},
        "teams": [_team("fin", "Finance", 10, 100000, 2, 150000, min_ic=8),
                  _team("hr", "HR", 4, 80000, 1, 120000)],
        "workflows": [_wf("close", "fin", 400, 60, {"time_saved": 0.9, "adoption": 1.0}),
                      _wf("hiring", "hr", 100, 120, {"time_saved": 0.5, "adoption": 0.9, "ramp_months": 5})],
    }


PLANS = {"northwind": northwind, "cloud": cloud_plan, "owned": owned_plan,
         "redeploy": redeploy_plan, "lean": lean_plan}


def edited(data: dict, fn) -> dict:
    out = copy.deepcopy(data)
    fn(out)
    return out


def growth_plan() -> dict:
    """Version 2: work grows (plan-wide, one workflow faster, one shrinking) so teams hire; AI
    that slows work; wage growth and a discount rate; API prices rising plan-wide while one
    model's fall; fractional managers; a team whose work AI takes entirely, so its managers go
    and the layers of the tree drop; a team target span."""
    return {
        "format": "orgplan", "schema_version": 2, "name": "Growth and hires", "currency": "USD",
        "settings": {"start_month": "2027-03", "horizon_months": 30, "severance_months": 2,
                     "volume_growth_per_year": 0.25, "wage_growth_per_year": 0.04,
                     "discount_rate_per_year": 0.08, "price_decline_per_year": -0.2,
                     "token_growth_per_year": 0.3, "redeploy_share": 0.1,
                     "implementation_cost": 80000},
        "teams": [
            _team("hq", "Head office", 0, 0, 2, 300000),
            _team("dept", "Operations", 3, 90000, 1, 140000, parent="hq"),
            _team("pod", "Service pod", 20, 60000, 2.5, 95000, parent="dept", target_span=12),
            _team("labs", "Labs", 14, 120000, 2, 160000, parent="hq", min_ic=4),
        ],
        "workflows": [
            _wf("routing", "dept", 4000, 12, {"time_saved": 1.0, "adoption": 1.0},
                {"model": "fast", "calls_per_unit": 1, "input_tokens": 800, "output_tokens": 100},
                volume_growth_per_year=0.0),
            _wf("cases", "pod", 9000, 15, {"time_saved": 0.4, "adoption": 0.7, "ramp_months": 5},
                {"model": "fast", "calls_per_unit": 2, "input_tokens": 3000, "output_tokens": 300,
                 "cached_share": 0.3}, volume_growth_per_year=0.6),
            _wf("legacy", "pod", 2000, 20, {"time_saved": 0.5, "adoption": 0.5},
                volume_growth_per_year=-0.2),
            _wf("research", "labs", 600, 240, {"time_saved": -0.15, "adoption": 0.5, "ramp_months": 3},
                {"model": "deep", "calls_per_unit": 6, "input_tokens": 20000, "output_tokens": 3000}),
            _wf("reviews", "labs", 300, 60),
        ],
        "models": [
            {"id": "fast", "hosting": "api", "input_per_mtok": 0.2, "output_per_mtok": 0.8,
             "price_decline_per_year": 0.5},
            {"id": "deep", "hosting": "api", "input_per_mtok": 3, "output_per_mtok": 15,
             "cached_input_per_mtok": 0.3},
        ],
        "gpus": [],
    }


def attrition_plan() -> dict:
    """Version 2: headcount comes down by attrition (no severance), a plan span that adds
    managers in one team and removes them in another, serving speed gains (plan-wide and one
    model's own), GPU prices falling, owned GPUs with overhead beside cloud ones, token use
    per task shrinking, and a horizon that ends mid-year without a start month."""
    return {
        "format": "orgplan", "schema_version": 2, "name": "Attrition", "currency": "EUR",
        "settings": {"horizon_months": 40, "reduction": "attrition", "attrition_per_year": 0.15,
                     "target_span": 9, "severance_months": 3, "wage_growth_per_year": 0.03,
                     "discount_rate_per_year": 0.1, "throughput_gain_per_year": 0.4,
                     "gpu_price_decline_per_year": 0.2, "token_growth_per_year": -0.1,
                     "volume_growth_per_year": 0.05, "peak_to_average": 2},
        "teams": [
            _team("claims", "Claims", 90, 55000, 15, 80000, min_ic=30),
            _team("billing", "Billing", 24, 65000, 2, 90000),
        ],
        "workflows": [
            _wf("intake", "claims", 40000, 9, {"time_saved": 0.5, "adoption": 0.8, "ramp_months": 8,
                                                "ramp": "s-curve"},
                {"model": "owned-llm", "calls_per_unit": 3, "input_tokens": 5000, "output_tokens": 600}),
            _wf("invoices", "billing", 15000, 6, {"time_saved": 0.35, "adoption": 0.9, "ramp_months": 4},
                {"model": "cloud-llm", "calls_per_unit": 2, "input_tokens": 4000, "output_tokens": 500}),
        ],
        "models": [
            {"id": "owned-llm", "hosting": "self", "gpu": "owned-h100", "gpus_per_replica": 2,
             "prefill_tokens_per_s": 2500, "decode_tokens_per_s": 250, "utilization": 0.4},
            {"id": "cloud-llm", "hosting": "self", "gpu": "cloud-h100", "gpus_per_replica": 1,
             "prefill_tokens_per_s": 3000, "decode_tokens_per_s": 300, "utilization": 0.5,
             "throughput_gain_per_year": 0.0},
        ],
        "gpus": [
            {"id": "owned-h100", "pricing": "owned", "capex_per_gpu": 32000,
             "amortization_months": 24, "watts_per_gpu": 1200, "overhead_per_gpu_month": 180},
            {"id": "cloud-h100", "pricing": "cloud", "per_gpu_hour": 2.4, "watts_per_gpu": 1100},
        ],
    }


PLANS.update(growth=growth_plan, attrition=attrition_plan)


def still_plan() -> dict:
    """Nothing changes: no workflows, so every month's net cash is 0 and there is no payback
    (MODEL.md 5: null, not month 1); a short horizon inside one year."""
    return {"format": "orgplan", "schema_version": 2, "name": "Still",
            "settings": {"horizon_months": 6, "discount_rate_per_year": 0.05},
            "teams": [_team("core", "Core", 5, 70000, 1, 90000)]}


PLANS.update(still=still_plan)


def scenario_plan() -> dict:
    """The growth plan with two scenarios that override every kind of value (MODEL.md 6):
    ``[*]`` and single items, value and scale, a role (``roles[NAME]``), choices, settings, a
    value emptied (it follows the plan's again), a value set on an empty one, a scale of an
    empty value that follows another (a model's price decline, its cached price), and a
    scale after a value of the same key (applied in order) that goes past the key's bound
    (clipped, MODEL.md s.6)."""
    data = growth_plan()
    data["name"] = "Scenarios"
    data["scenarios"] = [
        {"id": "bear", "name": "Bear case", "note": "AI saves less; prices fall half as fast",
         "overrides": [
             {"path": "workflows[*].ai.time_saved", "scale": 0.6},
             {"path": "teams[pod].roles[Staff].annual_cost", "scale": 1.1},
             {"path": "settings.reduction", "value": "attrition"},
             {"path": "settings.volume_growth_per_year", "value": 0.1},
             {"path": "models[*].price_decline_per_year", "scale": 0.5},
             {"path": "workflows[cases].volume_growth_per_year", "value": None},
             {"path": "teams[pod].target_span", "value": None}]},
        {"id": "bull", "name": "Bull case", "overrides": [
            {"path": "workflows[*].ai.adoption", "scale": 0.9},
            {"path": "settings.target_span", "value": 6},
            {"path": "teams[dept].target_span", "value": 4},
            {"path": "teams[labs].roles[Staff].headcount", "value": 18},
            {"path": "settings.headcount_policy", "value": "redeploy"},
            {"path": "workflows[routing].ai.time_saved", "value": 0.95},   # x 1.1 clips at 1
            {"path": "workflows[*].ai.time_saved", "scale": 1.1},
            {"path": "models[fast].cached_input_per_mtok", "scale": 0.5}]},
    ]
    data["ranges"] = [{"path": "workflows[*].ai.time_saved", "low_scale": 0.5, "high_scale": 1.2},
                      {"path": "settings.wage_growth_per_year", "low": 0.0, "high": 0.08}]
    return data


PLANS.update(scenarios=scenario_plan)
