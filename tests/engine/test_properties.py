"""Invariants that hold for every plan (hypothesis), and the engine against the plain loops."""

from __future__ import annotations

import copy
import json

import numpy as np
import pytest
from helpers import close, diff_paths
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reference import reference_summary
from reference_v1 import reference_compute as reference_v1
from strategies import plans

from planner.engine import compute
from planner.io.planfile import dumps_plan, parse_plan_text, plan_to_data
from planner.model import parse_plan

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
COMPUTE_KEYS = ("api_cost", "gpu_cost", "gpus", "energy_kwh", "seat_cost", "capex", "depreciation",
                "compute_pnl", "compute_cash", "tokens_in", "tokens_out")


@SETTINGS
@given(plans())
def test_vectorised_engine_equals_the_plain_loops(data):
    plan = parse_plan(data)
    got = json.loads(json.dumps(compute(plan).summary))
    ref = json.loads(json.dumps(reference_summary(plan)))
    assert diff_paths(got, ref, rel=1e-9) == []


@SETTINGS
@given(plans(v2=False, whole_managers=True, ai_never_slows=True))
def test_every_new_key_at_its_default_gives_the_version_1_results(data):
    """MODEL.md 0: equal to version 1 except layers, avg_span, payback of a plan that changes
    nothing, and plans where AI slows work or managers are fractional (excluded here)."""
    plan = parse_plan(data)
    got = compute(plan).summary
    v1 = reference_v1(plan)
    for org in ("baseline", "final"):
        for key in ("headcount", "ic", "managers", "coordination_paths"):
            assert got[org][key] == pytest.approx(v1[org][key], rel=1e-9, abs=1e-6), (org, key)
    for key in ("cumulative_net_cash", "cumulative_net_pnl", "compression_ratio"):
        assert close(got[key], v1[key], rel=1e-9), key
    assert got["npv_net_cash"] == pytest.approx(got["cumulative_net_cash"], rel=1e-9, abs=1e-6)
    for a, b in zip(got["monthly"], v1["monthly"]):
        for key in v1["monthly"][0]:
            assert a[key] == pytest.approx(b[key], rel=1e-9, abs=1e-6), key


def _without_ai(data):
    out = copy.deepcopy(data)
    for wf in out["workflows"]:
        wf.pop("ai", None)
    return out


@SETTINGS
@given(plans())
def test_with_no_ai_the_plan_saves_nothing_from_ai(data):
    s = compute(parse_plan(_without_ai(data))).summary
    assert all(abs(row["payroll_savings_ai"]) < 1e-6 for row in s["monthly"])
    assert s["cumulative_savings_from_ai"] == pytest.approx(0, abs=1e-6)
    no_span = all("target_span" not in t for t in data["teams"]) and \
        "target_span" not in data["settings"]
    if no_span:  # nothing differs from the organisation without AI
        for row in s["monthly"]:
            assert row["headcount"] == pytest.approx(row["headcount_without_ai"], abs=1e-9)
            assert row["payroll_savings"] == pytest.approx(0, abs=1e-6)


@SETTINGS
@given(plans())
def test_savings_from_ai_and_from_structure_add_up_every_month(data):
    s = compute(parse_plan(data)).summary
    for row in s["monthly"]:
        total = row["payroll_savings_ai"] + row["payroll_savings_structure"]
        assert total == pytest.approx(row["payroll_savings"], rel=1e-9, abs=1e-6)


@SETTINGS
@given(plans())
def test_attrition_never_pays_severance_nor_sheds_faster_than_attrition(data):
    data = copy.deepcopy(data)
    data["settings"]["reduction"] = "attrition"
    rate = data["settings"].setdefault("attrition_per_year", 0.1)
    data["settings"]["severance_months"] = 6
    result = compute(parse_plan(data))
    s = result.summary
    assert all(row["severance"] == 0 and row["severance_without_ai"] == 0 for row in s["monthly"])
    hc = result.hc  # teams x months 0..H
    pace = hc[:, :1] * rate / 12
    assert (hc[:, :-1] - hc[:, 1:] <= pace + 1e-9).all()


def test_a_perfect_span_8_pyramid_of_4096_ics_needs_4_layers():
    teams = [{"id": "top", "name": "Top", "roles": [
        {"name": "Boss", "kind": "manager", "headcount": 1, "annual_cost": 1}]}]
    # 8 directors, 64 managers, 512 first-line leads with 8 ICs each: 4,096 ICs
    for d in range(8):
        teams.append({"id": f"d{d}", "name": f"D{d}", "parent": "top", "roles": [
            {"name": "Director", "kind": "manager", "headcount": 1, "annual_cost": 1}]})
        for m in range(8):
            teams.append({"id": f"m{d}{m}", "name": f"M{d}{m}", "parent": f"d{d}", "roles": [
                {"name": "Manager", "kind": "manager", "headcount": 1, "annual_cost": 1}]})
            for lead in range(8):
                teams.append({"id": f"l{d}{m}{lead}", "name": "L", "parent": f"m{d}{m}",
                              "roles": [{"name": "Lead", "kind": "manager", "headcount": 1,
                                         "annual_cost": 1},
                                        {"name": "IC", "kind": "ic", "headcount": 8,
                                         "annual_cost": 1}]})
    plan = parse_plan({"format": "orgplan", "schema_version": 2, "name": "Pyramid",
                       "settings": {"horizon_months": 1}, "teams": teams})
    base = compute(plan).summary["baseline"]
    assert base["ic"] == 4096 and base["managers"] == 585
    assert base["avg_span"] == pytest.approx(8.0)
    assert base["layers_needed"] == 4
    assert base["layers"] == 4


def final_headcount(data):
    return compute(parse_plan(data)).summary["final"]["headcount"]


@SETTINGS
@given(plans(), st.integers(0, 9), st.floats(0, 1), st.sampled_from(["time_saved", "adoption"]))
def test_more_time_saved_or_adoption_never_raises_headcount(data, pick, more, key):
    """More adoption of AI that helps, or more time saved, never needs more people (more
    adoption of AI that slows the work does: MODEL.md 3.2)."""
    ai_flows = [w for w in data["workflows"] if "ai" in w and (
        key == "time_saved" or w["ai"]["time_saved"] >= w["ai"].get("review_overhead", 0))]
    if not ai_flows:
        return
    wf = ai_flows[pick % len(ai_flows)]
    before = final_headcount(data)
    bigger = copy.deepcopy(data)
    target = next(w for w in bigger["workflows"] if w["id"] == wf["id"])["ai"]
    target[key] = min(1.0, target[key] + more)
    assert final_headcount(bigger) <= before


@SETTINGS
@given(plans())
def test_compute_is_never_negative(data):
    series = compute(parse_plan(data)).series
    for key in COMPUTE_KEYS:
        assert (series[key] >= 0).all(), key


@SETTINGS
@given(plans())
def test_monthly_sums_equal_yearly_sums(data):
    result = compute(parse_plan(data))
    s = result.summary
    for key in ("payroll_savings", "compute_pnl", "compute_cash", "severance", "one_off", "net_pnl", "net_cash"):
        monthly = sum(row[key] for row in s["monthly"])
        yearly = sum(y[key] for y in s["years"])
        assert yearly == pytest.approx(monthly, rel=1e-9, abs=1e-6)
    assert len(s["years"]) == -(-result.horizon // 12)
    assert s["cumulative_net_cash"] == pytest.approx(sum(y["net_cash"] for y in s["years"]), rel=1e-9, abs=1e-6)


@SETTINGS
@given(plans())
def test_save_load_save_is_byte_identical(data):
    first = dumps_plan(parse_plan(data))
    second = dumps_plan(parse_plan(parse_plan_text(first)))
    assert first == second


@SETTINGS
@given(plans())
def test_omitted_optional_keys_equal_the_defaults_written_out(data):
    explicit = plan_to_data(parse_plan(data))       # every default written out
    minimal = copy.deepcopy(data)
    defaults = {"settings": None, "currency": "USD"}
    for key in defaults:
        minimal.pop(key, None)
    for team in minimal["teams"]:
        for key in ("parent", "min_ic", "target_span", "ai_seats"):
            team.pop(key, None)
    plan_explicit = parse_plan(explicit)
    plan_minimal = parse_plan(minimal)
    # dropping keys changed the plan; writing its defaults out must not change it again
    assert parse_plan(plan_to_data(plan_minimal)) == plan_minimal
    assert parse_plan(explicit) == plan_explicit
    a = compute(plan_minimal).summary
    b = compute(parse_plan(plan_to_data(plan_minimal))).summary
    assert diff_paths(a, b, rel=0) == []


def test_defaults_match_the_model_contract():
    """MODEL.md section 1's table of defaults, written out by hand."""
    minimal = {"format": "orgplan", "schema_version": 2, "name": "x",
               "teams": [{"id": "a", "name": "A", "roles": []}]}
    written = {**minimal, "currency": "USD", "workflows": [], "models": [], "gpus": [],
               "scenarios": [], "ranges": [],
               "stress": {"volume_growth_per_year": -0.10, "price_decline_per_year": -0.25,
                          "time_saved_scale": 0.5, "throughput_gain_per_year": 0,
                          "gpu_price_decline_per_year": 0, "token_growth_per_year": 1.0},
               "settings": {"horizon_months": 36, "hours_per_fte_year": 1760, "headcount_policy": "reduce",
                            "redeploy_share": 0, "reduction": "layoffs", "attrition_per_year": 0.10,
                            "severance_months": 0, "implementation_cost": 0,
                            "wage_growth_per_year": 0, "discount_rate_per_year": 0,
                            "volume_growth_per_year": 0, "price_decline_per_year": 0,
                            "token_growth_per_year": 0, "throughput_gain_per_year": 0,
                            "gpu_price_decline_per_year": 0, "peak_to_average": 3,
                            "pue": 1.3, "usd_per_kwh": 0.10, "start_month": None, "target_span": None},
               "teams": [{"id": "a", "name": "A", "roles": [], "parent": None, "function": None,
                          "min_ic": 0, "target_span": None, "ai_seats": None}]}
    assert parse_plan(minimal) == parse_plan(written)
    assert np.isclose(compute(parse_plan(minimal)).summary["baseline"]["headcount"], 0)
