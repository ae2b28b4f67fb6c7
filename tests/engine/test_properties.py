"""Invariants that hold for every plan (hypothesis), and the engine against the plain loops."""

from __future__ import annotations

import copy

import numpy as np
import pytest
from helpers import diff_paths
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import plans

from planner.engine import compute
from planner.engine.reference import reference_compute
from planner.io.planfile import dumps_plan, parse_plan_text, plan_to_data
from planner.model import parse_plan

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
COMPUTE_KEYS = ("api_cost", "gpu_cost", "gpus", "energy_kwh", "seat_cost", "capex", "depreciation",
                "compute_pnl", "compute_cash", "tokens_in", "tokens_out")


@SETTINGS
@given(plans())
def test_vectorised_engine_equals_the_plain_loops(data):
    plan = parse_plan(data)
    got = compute(plan).summary
    ref = reference_compute(plan)
    expected = {k: ref[k] for k in ("payback_month", "compression_ratio", "cumulative_net_cash",
                                    "cumulative_net_pnl")}
    expected["monthly"] = ref["monthly"]
    expected["baseline"] = ref["baseline"]
    expected["final"] = ref["final"]
    assert diff_paths(got, expected, rel=1e-9) == []


def final_headcount(data):
    return compute(parse_plan(data)).summary["final"]["headcount"]


@SETTINGS
@given(plans(), st.integers(0, 9), st.floats(0, 1), st.sampled_from(["time_saved", "adoption"]))
def test_more_time_saved_or_adoption_never_raises_headcount(data, pick, more, key):
    ai_flows = [w for w in data["workflows"] if "ai" in w]
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
    minimal = {"format": "orgplan", "schema_version": 1, "name": "x",
               "teams": [{"id": "a", "name": "A", "roles": []}]}
    written = {**minimal, "currency": "USD", "workflows": [], "models": [], "gpus": [],
               "settings": {"horizon_months": 36, "hours_per_fte_year": 1760, "headcount_policy": "reduce",
                            "redeploy_share": 0, "severance_months": 0, "implementation_cost": 0,
                            "price_decline_per_year": 0, "token_growth_per_year": 0, "peak_to_average": 3,
                            "pue": 1.3, "usd_per_kwh": 0.10, "start_month": None, "target_span": None},
               "teams": [{"id": "a", "name": "A", "roles": [], "parent": None, "function": None,
                          "min_ic": 0, "target_span": None, "ai_seats": None}]}
    assert parse_plan(minimal) == parse_plan(written)
    assert np.isclose(compute(parse_plan(minimal)).summary["baseline"]["headcount"], 0)
