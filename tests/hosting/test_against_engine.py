"""Each cost curve at the plan's month-1 tokens equals the engine's own month-1 figures."""

from __future__ import annotations

import copy
import json

import numpy as np
import pytest
from conftest import EXAMPLE
from hypothesis import HealthCheck, given, settings
from strategies import plans

from planner.engine import compute
from planner.hosting import analyse, plan_api_options, plan_fleet_options, workload
from planner.model import parse_plan


def _northwind(**changes) -> dict:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    for key, value in changes.items():
        data["settings"][key] = value
    return data


def engine_month(result, j: int, m: int) -> dict:
    """The engine's figures for model j in month m (1-based)."""
    raw = result.raw
    cost = (raw.rental[0][j] + raw.energy_cost[0][j] + raw.overhead[0][j]
            + raw.depreciation[0][j] + raw.model_api_cost[0][j])[m - 1]
    return {"cost": float(cost), "gpus": float(raw.fleet[0][j, m - 1]),
            "busy": float(result.busy_share(j)[m - 1])}


def assert_curves_match_month_1(result) -> None:
    inp = result.raw.inputs
    apis = {a.model: a for a in plan_api_options(inp)}
    fleets = {f.model: f for f in plan_fleet_options(inp, what_if=False)}
    for j, mid in enumerate(inp.model_ids):
        w = workload(result, j, 1)
        eng = engine_month(result, j, 1)
        if mid in apis:
            assert float(apis[mid].cost(w.tokens, w.mix)) == pytest.approx(eng["cost"], rel=1e-9,
                                                                           abs=1e-9), mid
        else:
            f = fleets[mid]
            assert float(f.gpus(w.tokens, w.mix)) == eng["gpus"], mid
            assert float(f.cost(w.tokens, w.mix)) == pytest.approx(eng["cost"], rel=1e-9,
                                                                   abs=1e-9), mid
            if eng["gpus"]:
                assert f.busy_share(w.tokens, w.mix) == pytest.approx(eng["busy"], rel=1e-9)


@pytest.mark.parametrize("variant", ["as shipped", "cloud", "overhead and declines"])
def test_northwind_curves_equal_the_engine_in_month_1(variant):
    data = _northwind()
    if variant == "cloud":
        data["models"][3]["gpu"] = "h100-cloud"
    if variant == "overhead and declines":
        data["gpus"][1]["overhead_per_gpu_month"] = 180
        data["settings"].update(gpu_price_decline_per_year=0.3, throughput_gain_per_year=0.5,
                                price_decline_per_year=-0.2)
    assert_curves_match_month_1(compute(parse_plan(data)))


def test_final_month_fleet_matches_the_engine_without_infrastructure_trends():
    """Northwind has no throughput gain and no GPU price decline, and its owned fleet never
    grows: the month-1-price curve at the final month's tokens is the engine's month 36."""
    result = compute(parse_plan(_northwind()))
    j = result.model_ids.index("open-70b")
    w = workload(result, j, result.horizon)
    f = next(f for f in plan_fleet_options(result.raw.inputs) if f.own_gpu)
    eng = engine_month(result, j, result.horizon)
    assert float(f.cost(w.tokens, w.mix)) == pytest.approx(eng["cost"])
    assert f.busy_share(w.tokens, w.mix) == pytest.approx(result.fleets[0]["busy_share"])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_random_plans_curves_equal_the_engine_in_month_1(data):
    assert_curves_match_month_1(compute(parse_plan(data)))


def test_northwind_report():
    data = _northwind()
    report = analyse(data)
    by_model = {w.workload.model: w for w in report.workloads}
    assert list(by_model) == ["open-70b", "small-api", "mid-api", "frontier-api"]
    w = by_model["open-70b"]
    vol = w.workload.tokens
    assert w.grid[0] <= vol / 100 and w.grid[-1] >= vol * 100
    assert np.all(np.diff(np.log10(w.grid)) <= 0.1 + 1e-3)          # log-spaced, 10 a decade
    assert w.workload.mix.input_share == pytest.approx(3000 / 3300)
    assert w.pair[0].key == "owned:open-70b@h100-owned" and w.pair[1].model == "small-api"
    x = w.crossover_of(*w.pair)
    # one replica of 2 owned H100s: 2 x (33,000 / 48 + 1.275 kW x 730 h x 1.2 x $0.08)
    c = 2 * (33000 / 48 + 1.275 * 730 * 1.2 * 0.08)
    a = (3000 * 0.25 + 300 * 2.0) / 3300 / 1e6
    assert x.cheaper_from == pytest.approx(c / a)
    assert "busy 1.2% of the time and costs $1,554 a month" in w.verdict
    assert "small-api, the cheapest API model in the plan, would cost about $275" in w.verdict
    assert "self-hosting pays only above 3.8B tokens a month" in w.verdict
    # the JSON carries the same content
    j = report.to_json()
    jw = j["workloads"][0]
    assert jw["model"] == "open-70b" and jw["verdict"] == w.verdict
    assert jw["tokens"] == pytest.approx(vol) and jw["mix"].startswith("91% input")
    owned = next(o for o in jw["options"] if o["key"] == "owned:open-70b@h100-owned")
    assert owned["at_plan"]["gpus"] == 2 and owned["at_plan"]["busy_share"] == pytest.approx(
        report.workloads[0].pair[0].busy_share(vol, w.workload.mix))
    assert len(owned["cost"]) == len(jw["grid"])
    assert "month 1" in j["prices"]
    json.dumps(j, allow_nan=False)


def test_catalog_options_when_the_plan_has_no_self_hosted_model():
    data = _northwind()
    data["workflows"] = [w for w in data["workflows"]
                         if w.get("compute", {}).get("model") != "open-70b"]
    data["models"] = data["models"][:3]
    data["gpus"] = []
    report = analyse(data)
    assert report.workloads and all(w.workload.hosting == "api" for w in report.workloads)
    fleets = report.workloads[0].fleets
    assert fleets and all(f.source == "catalog" for f in fleets)
    assert {f.pricing for f in fleets} == {"cloud", "owned"}
    assert "(catalog)" in report.workloads[0].verdict


def test_no_tokens_nothing_to_compare():
    data = _northwind()
    for w in data["workflows"]:
        w.pop("compute", None)
    report = analyse(copy.deepcopy(data))
    assert report.workloads == [] and "nothing to compare" in report.note
