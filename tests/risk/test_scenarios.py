"""Scenarios are override layers that apply exactly (MODEL.md section 6)."""

from __future__ import annotations

import copy
import json

import pytest
from helpers import diff_paths
from risk_plans import northwind_data, risky_data

from planner.cli import main as cli_main
from planner.engine import compute
from planner.io.planfile import dumps_plan, parse_plan_text
from planner.model import check, parse_plan
from planner.plan import scenarios as S
from planner.risk import compare


@pytest.fixture
def risky() -> dict:
    return risky_data()


def summary_of(data: dict, scenario: str | None = None) -> dict:
    return json.loads(json.dumps(compute(parse_plan(S.resolved(data, scenario))).summary))


def test_a_scenario_equal_to_the_baseline_gives_identical_results(risky):
    risky["scenarios"].append({"id": "same", "name": "Same", "overrides": []})
    risky["scenarios"].append({"id": "same-values", "name": "Same values", "overrides": [
        {"path": "workflows[*].ai.adoption", "scale": 1},
        {"path": "settings.target_span", "value": 10}]})
    rows = {r.id: r.summary for r in compare(risky)}
    assert diff_paths(rows["same"], rows["baseline"], rel=0) == []
    assert diff_paths(rows["same-values"], rows["baseline"], rel=0) == []


def test_changing_one_price_changes_only_what_depends_on_it(risky):
    risky["scenarios"] = [{"id": "pricey", "name": "Pricey", "overrides": [
        {"path": "models[frontier-api].output_per_mtok", "value": 30}]}]
    base, pricey = summary_of(risky), summary_of(risky, "pricey")
    for org in ("baseline", "final"):
        for key in ("headcount", "managers", "layers", "payroll_annual"):
            assert pricey[org][key] == base[org][key]
    assert pricey["cumulative_savings_from_ai"] == base["cumulative_savings_from_ai"]
    for a, b in zip(pricey["monthly"], base["monthly"], strict=True):
        assert a["payroll_savings"] == b["payroll_savings"] and a["tokens_in"] == b["tokens_in"]
        assert a["api_cost"] > b["api_cost"]
    assert pricey["npv_net_cash"] < base["npv_net_cash"]


def test_wildcards_and_scale_equal_the_same_edits_by_hand(risky):
    by_hand = copy.deepcopy(risky)
    by_hand["scenarios"] = []
    for wf in by_hand["workflows"]:
        if "ai" in wf:
            wf["ai"]["time_saved"] *= 0.5
    by_hand["settings"]["price_decline_per_year"] = -0.25
    by_hand["settings"]["volume_growth_per_year"] = -0.1
    assert diff_paths(summary_of(risky, "bear"), summary_of(by_hand), rel=0) == []
    role_scale = copy.deepcopy(risky)
    role_scale["scenarios"] = [{"id": "pay", "name": "Pay", "overrides": [
        {"path": "teams[*].roles[Engineer].annual_cost", "scale": 1.1}]}]
    by_hand = copy.deepcopy(risky)
    for team in by_hand["teams"]:
        for role in team["roles"]:
            if role["name"] == "Engineer":
                role["annual_cost"] *= 1.1
    assert diff_paths(summary_of(role_scale, "pay"), summary_of(by_hand), rel=0) == []


def test_defaults_apply_after_overrides():
    data = northwind_data()
    api = next(m for m in data["models"] if m["hosting"] == "api")
    api.pop("cached_input_per_mtok", None)
    data["scenarios"] = [{"id": "x", "name": "X", "overrides": [
        {"path": f"models[{api['id']}].input_per_mtok", "value": 9.0}]}]
    model = next(m for m in S.resolved(data, "x")["models"] if m["id"] == api["id"])
    assert parse_plan(S.resolved(data, "x")).model(api["id"]).cached_price == 9.0
    assert "cached_input_per_mtok" not in model


@pytest.mark.parametrize(("override", "message"), [
    ({"path": "workflows[tickets].ai.adoption", "value": 1.4},
     "scenarios[bad].overrides[0]: workflows[tickets].ai.adoption: must be <= 1, got 1.4"),
    ({"path": "models[nope].input_per_mtok", "value": 3},
     'scenarios[bad].overrides[0]: "models[nope].input_per_mtok": no model with id "nope"'),
    ({"path": "settings.horizon_months", "scale": 2},
     "a whole number: give a value instead of a scale"),
    ({"path": "teams[support].target_span", "scale": 2}, "nothing to scale"),
    ({"path": "settings.headcount_policy", "value": "fire everyone"}, 'must be one of "reduce"'),
    ({"path": "workflows[tickets].ai", "value": 1}, 'has no value "ai"'),
    ({"path": "workflows[tickets.ai.adoption", "value": 1}, "is not a path"),
    ({"path": "teams[support].name", "value": "x"}, "not a value a scenario or a range can change"),
    ({"path": "workflows[*].compute.cached_share", "value": 2}, "must be <= 1"),
    ({"path": "settings.pue", "value": True}, "must be a number"),
])
def test_a_broken_override_is_reported_at_its_place_with_the_fix(risky, override, message):
    risky["scenarios"] = [{"id": "bad", "name": "Bad", "overrides": [override]}]
    problems = [str(p) for p in check(risky) if p.severity == "error"]
    assert any(message in p for p in problems), problems
    assert all(p.startswith("scenarios[bad]") for p in problems)


def test_a_scale_is_clipped_to_the_allowed_range_but_a_typed_value_is_not(risky):
    """MODEL.md s.6 Clipping: "adoption x 1.1 stays <= 1"; a typed 1.4 is the author's error."""
    risky["workflows"][0]["ai"]["adoption"] = 1.0
    first = risky["workflows"][0]["id"]
    risky["scenarios"] = [{"id": "fast", "name": "Fast", "overrides": [
        {"path": "workflows[*].ai.adoption", "scale": 1.1},
        {"path": "workflows[*].ai.time_saved", "scale": 30}]}]
    assert [p for p in check(risky) if p.severity == "error"] == []
    fast = S.resolved(risky, "fast")
    assert fast["workflows"][0]["ai"]["adoption"] == 1.0
    assert [wf["ai"]["time_saved"] for wf in fast["workflows"] if "ai" in wf][0] == 1.0
    with_typed = copy.deepcopy(risky)
    with_typed["scenarios"][0]["overrides"] = [
        {"path": f"workflows[{first}].ai.adoption", "value": 1.1}]
    assert any("must be <= 1" in str(p) for p in check(with_typed))


def test_scenario_ids_are_unique_and_not_baseline(risky):
    risky["scenarios"].append({"id": "bear", "name": "Again", "overrides": []})
    risky["scenarios"].append({"id": "baseline", "name": "Base", "overrides": []})
    text = "\n".join(str(p) for p in check(risky))
    assert 'duplicate id "bear"' in text and '"baseline" is the base plan' in text


def test_an_override_needs_exactly_one_of_value_or_scale(risky):
    risky["scenarios"] = [{"id": "x", "name": "X", "overrides": [
        {"path": "settings.pue", "value": 1.2, "scale": 2}, {"path": "settings.pue"}]}]
    text = "\n".join(str(p) for p in check(risky))
    assert text.count("give exactly one of") == 2


def test_a_version_2_file_without_scenarios_round_trips_unchanged():
    data = northwind_data()
    data["schema_version"] = 2
    text = dumps_plan(data)
    assert dumps_plan(parse_plan_text(text)) == text
    assert dumps_plan(parse_plan(parse_plan_text(text))) == dumps_plan(
        parse_plan(parse_plan_text(dumps_plan(parse_plan(data)))))


def test_cli_summary_of_a_scenario_and_compare(tmp_path, risky, capsys):
    path = tmp_path / "risky.orgplan.json"
    path.write_text(json.dumps(risky))
    assert cli_main(["summary", str(path), "--scenario", "bear", "--json"]) == 0
    got = json.loads(capsys.readouterr().out)
    assert diff_paths(got, summary_of(risky, "bear"), rel=1e-12) == []
    assert cli_main(["compare", str(path)]) == 0
    out = capsys.readouterr().out
    for name in ("Baseline", "Bets go wrong", "Fast adoption", "Attrition, no layoffs"):
        assert name in out
    assert cli_main(["compare", str(path), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["id"] for r in rows] == ["baseline", "bear", "fast", "attrition"]
    assert cli_main(["summary", str(path), "--scenario", "nope"]) == 1
    assert 'no scenario "nope"' in capsys.readouterr().err
