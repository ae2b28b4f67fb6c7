"""Evidence warnings: each fires on a plan built to trigger it, and none on a sensible plan."""

from __future__ import annotations

import copy
import json
import time
from typing import Any

import pytest
from conftest import EXAMPLE

from planner.engine import compute
from planner.model import parse_plan
from planner.model.evidence import evidence_warnings, function_of


def sensible() -> dict[str, Any]:
    """A support team of 20 agents: ticket answering with an API model at the measured ~13%
    (ramped over 6 months, with review), reply drafting on a small self-hosted model whose one
    GPU is busy ~12% of the time, and no price decline assumed."""
    return {
        "format": "orgplan", "schema_version": 2, "name": "Sensible", "currency": "USD",
        "settings": {"horizon_months": 24, "peak_to_average": 1.0},
        "teams": [{"id": "support", "name": "Support", "function": "Customer support",
                   "roles": [{"name": "Agent", "kind": "ic", "headcount": 20, "annual_cost": 60000},
                             {"name": "Lead", "kind": "manager", "headcount": 2,
                              "annual_cost": 90000}]}],
        "workflows": [
            {"id": "tickets", "team": "support", "name": "Answer tickets",
             "volume_per_month": 5000, "minutes_per_unit": 9,
             "ai": {"time_saved": 0.13, "adoption": 0.5, "review_overhead": 0.02,
                    "ramp_months": 6},
             "compute": {"model": "gpt-4o-mini", "calls_per_unit": 2, "input_tokens": 3000,
                         "output_tokens": 300, "cached_share": 0.5}},
            {"id": "drafts", "team": "support", "name": "Draft replies",
             "volume_per_month": 5000, "minutes_per_unit": 6,
             "ai": {"time_saved": 0.2, "adoption": 0.5, "review_overhead": 0.05,
                    "ramp_months": 6, "ramp": "s-curve"},
             "compute": {"model": "small-self", "calls_per_unit": 1, "input_tokens": 2000,
                         "output_tokens": 500}}],
        "models": [
            {"id": "gpt-4o-mini", "hosting": "api", "input_per_mtok": 0.15, "output_per_mtok": 0.6,
             "cached_input_per_mtok": 0.075},
            {"id": "small-self", "hosting": "self", "gpu": "l40s", "gpus_per_replica": 1,
             "prefill_tokens_per_s": 30, "decode_tokens_per_s": 8, "utilization": 1.0}],
        "gpus": [{"id": "l40s", "pricing": "cloud", "per_gpu_hour": 1.0, "watts_per_gpu": 500}],
    }


def warnings_of(data: dict[str, Any]) -> list:
    plan = parse_plan(data)
    return evidence_warnings(plan, compute(plan))


def places(data: dict[str, Any]) -> list[str]:
    return [p.path for p in warnings_of(data)]


def test_a_sensible_plan_has_no_evidence_warnings():
    data = sensible()
    result = compute(parse_plan(data))
    assert result.fleets[0]["busy_share"] > 0.10
    assert warnings_of(data) == []


def test_every_warning_is_a_warning_with_a_place():
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    found = warnings_of(data)
    assert found and all(p.severity == "warning" and p.loc for p in found)


def test_an_idle_fleet_warns_with_what_an_api_would_cost():
    data = sensible()
    data["models"][1].update(prefill_tokens_per_s=3000, decode_tokens_per_s=800)
    (p,) = warnings_of(data)
    assert p.path == "models[1]"
    assert "its 1 GPU (l40s) is busy 0.1% of the time in month 24 and" in p.message
    assert "cost $730 a month" in p.message
    assert "gpt-4o-mini, the cheapest API model in the plan" in p.message
    # 2,500 drafts x 2,500 tokens at 2,000/500: (5M x 0.15 + 1.25M x 0.6) / 1e6 = $1.50
    assert "about $1.50 a month for the same 6.2M tokens" in p.message


def test_an_idle_fleet_without_api_models_is_priced_from_the_catalog():
    data = sensible()
    data["models"][1].update(prefill_tokens_per_s=3000, decode_tokens_per_s=800)
    data["workflows"] = data["workflows"][1:]
    data["models"] = data["models"][1:]
    (p,) = warnings_of(data)
    assert "deepseek-v4-flash, the cheapest API model in the catalog" in p.message


@pytest.mark.parametrize(("time_saved", "review", "fires"),
                         [(0.1, 0.1, True), (0.1, 0.2, True), (0.1, 0.09, False), (0.0, 0.0, False),
                          (-0.1, 0.0, False)])
def test_review_overhead_that_eats_the_saving(time_saved, review, fires):
    data = sensible()
    data["workflows"][0]["ai"].update(time_saved=time_saved, review_overhead=review)
    hit = [p for p in warnings_of(data) if p.loc[-1] == "review_overhead"]
    assert bool(hit) == fires
    if fires:
        assert hit[0].path == "workflows[0].ai.review_overhead"
        assert "eats the whole time saved" in hit[0].message and "Klarna" in hit[0].message


def test_time_saved_above_what_studies_measured():
    data = sensible()
    data["workflows"][0]["ai"]["time_saved"] = 0.35
    (p,) = warnings_of(data)
    assert p.path == "workflows[0].ai.time_saved"
    assert "35% is above the most any cited study measured for customer support work (25.4%" in \
        p.message and "Brynjolfsson" in p.message
    assert 'team\'s function "Customer support"' in p.message


def test_time_saved_maps_the_workflow_name_only_when_the_team_names_no_function():
    data = sensible()
    data["workflows"][0]["ai"]["time_saved"] = 0.35
    del data["teams"][0]["function"]
    (p,) = warnings_of(data)
    assert "by the workflow's name" in p.message          # "Answer tickets"
    data["teams"][0]["function"] = "Sales operations"      # names two functions: no guess
    assert warnings_of(data) == []


@pytest.mark.parametrize(("text", "name", "expected"), [
    ("Customer operations", None, "customer-support"),
    ("People Operations", None, "hr"),
    ("Operations", None, "operations"),
    ("Engineering", None, "software-engineering"),
    ("Mechanical engineering", "Write code", None),
    ("Sales operations", "Prospecting emails", None),
    ("Finance", None, "finance"),
    ("Leadership", None, "management"),
    (None, "Contract review", "legal"),
    (None, "Invoice processing", "finance"),
    ("Research", "Literature review", None),
    ("", "Answer customer tickets", "customer-support"),
])
def test_function_map(text, name, expected):
    assert function_of(text, name) == expected


@pytest.mark.parametrize(("adoption", "ramp", "fires"),
                         [(0.95, 0, True), (0.6, 0, True), (0.6, 1, True), (0.5, 0, False),
                          (0.95, 6, False), (0.6, 2, False)])
def test_most_of_the_work_with_ai_from_month_1(adoption, ramp, fires):
    data = sensible()
    data["workflows"][0]["ai"].update(adoption=adoption, ramp_months=ramp)
    hit = [p for p in warnings_of(data) if p.loc[-1] == "ramp_months"]
    assert bool(hit) == fires
    if fires:
        assert hit[0].path == "workflows[0].ai.ramp_months"
        assert "28% of US workers" in hit[0].message and "Bick" in hit[0].message


def test_ai_saving_more_than_15_percent_of_all_hours():
    data = sensible()
    # 5,000 x 30 min = 2,500 h (within the team's 2,933 h); 90% adopted, 23% net: 518 h saved,
    # and 41 h on tickets, of 22 people x 146.7 h = 3,227 h: 17.3%
    data["workflows"][1].update(minutes_per_unit=30)
    data["workflows"][1]["ai"].update(time_saved=0.25, review_overhead=0.02, adoption=0.9)
    hit = [p for p in warnings_of(data) if p.loc == ("workflows",)]
    assert len(hit) == 1
    assert "AI saves 17.3% of all of today's organisation's working hours in month 24" in \
        hit[0].message and "Eloundou" in hit[0].message and "drafts (" in hit[0].message
    data["workflows"][1]["ai"]["adoption"] = 0.7                     # 13.7%
    assert not [p for p in warnings_of(data) if p.loc == ("workflows",)]


@pytest.mark.parametrize(("model_id", "prices", "own", "fires"), [
    ("gpt-5-mini", (0.25, 2.0), None, True),                  # OpenAI mini: successors cost more
    ("claude-haiku-4-5-20251001", (1.0, 5.0), None, True),    # a dated id of a rising tier
    ("claude-sonnet-4-6", (3.0, 15.0), None, True),           # flat: successors cost the same
    ("claude-opus-4-7", (5.0, 25.0), None, False),            # Opus fell
    ("gpt-5-mini", (0.25, 2.0), 0.0, False),                  # the model's own rate: no decline
    ("gpt-5.4-nano", (0.2, 1.25), None, False),               # no tier
    ("small", (0.25, 2.0), None, True),                       # gpt-5-mini's list prices
    ("small", (0.25, 2.1), None, False),
])
def test_price_decline_on_a_tier_whose_successors_cost_more(model_id, prices, own, fires):
    data = sensible()
    data["settings"]["price_decline_per_year"] = 0.3
    m = data["models"][0]
    m.update(id=model_id, input_per_mtok=prices[0], output_per_mtok=prices[1])
    m.pop("cached_input_per_mtok")
    if own is not None:
        m["price_decline_per_year"] = own
    data["workflows"][0]["compute"]["model"] = model_id
    hit = [p for p in warnings_of(data) if p.loc[-1] == "price_decline_per_year"]
    assert bool(hit) == fires
    if fires:
        assert hit[0].path == "models[0].price_decline_per_year"
        assert "assumes its price falls 30% a year (the plan's price_decline_per_year)" in \
            hit[0].message
        assert ("matched by its prices" in hit[0].message) == (model_id == "small")


def test_a_team_whose_workflows_take_more_hours_than_it_has():
    data = sensible()
    data["workflows"][0]["volume_per_month"] = 50_000          # 7,500 h against 2,933 h
    hit = [p for p in warnings_of(data) if p.loc[0] == "teams"]
    assert [p.path for p in hit] == ["teams[0]"]
    assert "its workflows take 8,000 hours a month but its 20 ICs have 2,933 (2.7x)" in \
        hit[0].message and "695" in hit[0].message


def test_northwind_contradicts_the_evidence_where_known():
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    assert places(data) == [
        "models[0].price_decline_per_year",      # small-api: gpt-5-mini's prices, tier rising
        "models[1].price_decline_per_year",      # mid-api: claude-haiku-4-5's, rising
        "models[2].price_decline_per_year",      # frontier-api: claude-sonnet-4-6's, flat
        "models[3]",                             # open-70b: two owned H100s busy 1.2%
        "teams[3]",                              # Product Engineering: 14,300 h for 13,200 h
        "workflows[5].ai.time_saved",            # chat automation 60% vs support's 25.4%
        "workflows[8].ai.time_saved",            # invoices 50% vs finance's 40%
    ]


def test_warnings_come_in_the_order_of_their_places():
    """As check_and_parse lists problems: lists by index, the list itself first, then keys."""
    data = sensible()
    for w in data["workflows"]:
        w["ai"].update(time_saved=0.4, review_overhead=0.4, adoption=0.9, ramp_months=0,
                       ramp="linear")
        w["volume_per_month"] = 40_000
    data["settings"]["price_decline_per_year"] = 0.3
    data["models"][0]["id"] = data["workflows"][0]["compute"]["model"] = "gpt-5-mini"
    data["models"][1].update(prefill_tokens_per_s=3e5, decode_tokens_per_s=1e5)
    found = [p.path for p in warnings_of(data)]
    assert found == [
        "models[0].price_decline_per_year", "models[1]", "teams[0]",
        "workflows[0].ai.ramp_months", "workflows[0].ai.review_overhead",
        "workflows[0].ai.time_saved", "workflows[1].ai.ramp_months",
        "workflows[1].ai.review_overhead", "workflows[1].ai.time_saved"]


def test_plan_data_and_results_are_accepted_and_invalid_plans_give_nothing():
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    plan = parse_plan(data)
    result = compute(plan)
    a = [str(p) for p in evidence_warnings(data)]
    assert a == [str(p) for p in evidence_warnings(plan)] == \
        [str(p) for p in evidence_warnings(None, result)]
    broken = copy.deepcopy(data)
    broken["teams"][0]["roles"][0]["headcount"] = -1
    assert evidence_warnings(broken) == []


def _many_teams(teams: int, wild: bool) -> dict[str, Any]:
    """``teams`` teams of 10 ICs, each with one workflow (sensible, or breaking every rule)."""
    data = sensible()
    data["teams"] = [{"id": f"t{i}", "name": f"Team {i}", "function": "Customer support",
                      "roles": [{"name": "Agent", "kind": "ic", "headcount": 10,
                                 "annual_cost": 60000},
                                {"name": "Lead", "kind": "manager", "headcount": 1,
                                 "annual_cost": 90000}]} for i in range(teams)]
    ai = {"time_saved": 0.6, "adoption": 0.9, "review_overhead": 0.6, "ramp_months": 0} if wild \
        else {"time_saved": 0.13, "adoption": 0.5, "review_overhead": 0.02, "ramp_months": 6}
    data["workflows"] = [{"id": f"w{i}", "team": f"t{i}", "name": "Answer tickets",
                          "volume_per_month": 20000 if wild else 2000, "minutes_per_unit": 9,
                          "ai": dict(ai), "compute": {"model": "gpt-4o-mini", "calls_per_unit": 1,
                                                      "input_tokens": 2000, "output_tokens": 200}}
                         for i in range(teams)]
    data["models"] = data["models"][:1]
    data["gpus"] = []
    return data


def _best_ms(fn, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times) * 1000


def test_fast_on_a_10000_team_plan():
    plan = parse_plan(_many_teams(10_000, wild=False))
    result = compute(plan)
    assert evidence_warnings(plan, result) == []
    assert _best_ms(lambda: evidence_warnings(plan, result)) < 50
    wild = parse_plan(_many_teams(10_000, wild=True))
    wild_result = compute(wild)
    found = evidence_warnings(wild, wild_result)
    assert len(found) == 40_000                 # review, ceiling, month 1 and load, every team
    assert _best_ms(lambda: evidence_warnings(wild, wild_result)) < 1000


def test_the_bundled_example_rests_on_the_evidence():
    """Northwind as bundled: no warning of any kind, every AI figure and price cites its source,
    and scenarios and ranges for the Risk page."""
    from conftest import BUNDLED

    from planner.engine import compute
    from planner.io.planfile import read_plan_data
    from planner.model import check_and_parse
    from planner.model.evidence import evidence_warnings

    data = read_plan_data(BUNDLED)
    problems, plan = check_and_parse(data)
    assert problems == [] and plan is not None
    assert evidence_warnings(plan, compute(plan)) == []
    for w in data["workflows"]:
        assert "ai" not in w or len(w.get("note", "")) > 40, w["id"]
    for item in data["models"] + data["gpus"]:
        assert item.get("note"), item["id"]
    assert len(data["scenarios"]) >= 4 and len(data["ranges"]) >= 6
    support = next(w for w in data["workflows"] if w["id"] == "tickets")
    assert support["ai"]["time_saved"] == 0.13           # +15% throughput is 13% less time
    assert data["settings"]["price_decline_per_year"] == 0
