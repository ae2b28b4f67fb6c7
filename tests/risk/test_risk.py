"""Monte Carlo, tornado, the four bets and break-even (MODEL.md section 7) on the batch kernel,
checked against independent plain-loop runs of the plans they stand for."""

from __future__ import annotations

import copy
import json
import math

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reference import reference_summary
from risk_plans import risky_data

from planner.cli import main as cli_main
from planner.engine import compute, prepare
from planner.model import parse_plan
from planner.plan import scenarios as S
from planner.risk import BETS, analyse
from planner.risk.analyses import break_even, percentile
from planner.risk.metrics import Figures, evaluate
from planner.risk.slots import Batch, apply_slots, range_slots, triangular


@pytest.fixture
def risky() -> dict:
    return risky_data()


def reference_with(data: dict, overrides: list[dict]) -> dict:
    """The plain-loop summary of ``data`` with scenario-style overrides applied."""
    applied = S.apply(data, {"overrides": overrides})
    assert not applied.problems, applied.problems
    return reference_summary(parse_plan({**applied.data, "ranges": []}))


def test_collapsed_ranges_give_the_deterministic_result_at_every_percentile(risky):
    risky["scenarios"] = []
    for rg in risky["ranges"]:
        if "low_scale" in rg:
            rg["low_scale"] = rg["high_scale"] = 1.0
        else:
            value = 0.8 if "adoption" in rg["path"] else 0.4 if "price" in rg["path"] else 0.5
            rg["low"] = rg["high"] = value
    report = analyse(risky, draws=200)
    s = compute(parse_plan(risky)).summary
    expected = {"headcount": s["final"]["headcount"], "fte_freed": s["final"]["fte_freed"],
                "cumulative_net_cash": s["cumulative_net_cash"], "npv_net_cash": s["npv_net_cash"],
                "compute_per_month": s["final"]["compute_per_month"],
                "payback_month": s["payback_month"]}
    for metric, pct in report.monte_carlo.percentiles().items():
        for q in ("p10", "p50", "p90"):
            assert pct[q] == pytest.approx(expected[metric], rel=1e-9), (metric, q)
    fan = report.monte_carlo.fan()
    running = np.cumsum([row["net_cash"] for row in s["monthly"]])
    assert [row["p50"] for row in fan] == pytest.approx(running.tolist(), rel=1e-9)


def test_percentiles_are_ordered_and_the_same_seed_repeats(risky):
    a = analyse(risky, draws=500, seed=7).to_json()
    b = analyse(risky, draws=500, seed=7).to_json()
    c = analyse(risky, draws=500, seed=8).to_json()
    assert a == b
    assert a["percentiles"] != c["percentiles"]
    for metric, pct in a["percentiles"].items():
        values = [pct[q] for q in ("p10", "p50", "p90") if pct[q] is not None]
        assert values == sorted(values), metric
    assert 0 <= a["below_again_probability"] <= a["payback_probability"] <= 1
    assert all(row["p10"] <= row["p50"] <= row["p90"] for row in a["fan"])


def test_draws_equal_plain_loop_runs_of_the_plans_they_stand_for(risky):
    plan = parse_plan(risky)
    ranges = range_slots(risky)
    u = np.random.default_rng(3).random((4, len(ranges)))
    batch = Batch(prepare(plan), 4)
    apply_slots(batch, ranges, [rg.values(u[:, r]) for r, rg in enumerate(ranges)])
    figures = evaluate(batch.build())
    for d in range(4):
        overrides = []
        for r, rg in enumerate(ranges):
            if rg.scale:
                mult = float(triangular(rg.low, 1.0, rg.high, u[d:d + 1, r])[0])
                overrides.append({"path": rg.path, "scale": mult})
            else:
                value = float(triangular(rg.low, rg.slots[0].mode[0], rg.high, u[d:d + 1, r])[0])
                overrides.append({"path": rg.path, "value": value})
        ref = reference_with(risky, overrides)
        assert figures.npv_net_cash[d] == pytest.approx(ref["npv_net_cash"], rel=1e-9)
        assert figures.headcount[d] == pytest.approx(ref["final"]["headcount"], rel=1e-12)
        assert (figures.payback_month[d] or None) == ref["payback_month"]


def test_tornado_rows_equal_plain_loop_runs_of_each_low_and_high_plan(risky):
    rows = analyse(risky, draws=10).tornado
    swings = [row["swing"] for row in rows]
    assert swings == sorted(swings, reverse=True)
    for row in rows:
        rg = next(r for r in risky["ranges"] if r["path"] == row["path"])
        for end, key in (("low", "value_low"), ("high", "value_high")):
            if "low_scale" in rg:
                ov = {"path": rg["path"], "scale": rg[f"{end}_scale"]}
            else:
                ov = {"path": rg["path"], "value": rg[end]}
            assert row[key] == pytest.approx(reference_with(risky, [ov])["npv_net_cash"], rel=1e-9)
        assert row["low"] == rg.get("low_scale", rg.get("low"))


def test_the_four_bets_equal_plain_loop_runs_of_the_stressed_plans(risky):
    risky["stress"] = {"volume_growth_per_year": -0.15, "time_saved_scale": 0.4}
    risky["settings"]["volume_growth_per_year"] = 0.05
    rows = {r["bet"]: r for r in analyse(risky, draws=10).bets}
    assert list(rows) == list(BETS)
    demand = [{"path": "settings.volume_growth_per_year", "value": -0.15}]
    pricing = [{"path": "settings.price_decline_per_year", "value": -0.25}]
    productivity = [{"path": f"workflows[{w['id']}].ai.time_saved",
                     "value": w["ai"]["time_saved"] * 0.4 if w["ai"]["time_saved"] > 0
                     else w["ai"]["time_saved"]}
                    for w in risky["workflows"] if "ai" in w]
    infrastructure = [{"path": "settings.throughput_gain_per_year", "value": 0},
                      {"path": "settings.gpu_price_decline_per_year", "value": 0},
                      {"path": "settings.token_growth_per_year", "value": 1.0}]
    cases = {"plan": [], "demand": demand, "pricing": pricing, "productivity": productivity,
             "infrastructure": infrastructure,
             "all": demand + pricing + productivity + infrastructure}
    for bet, overrides in cases.items():
        ref = reference_with(risky, overrides)
        row = rows[bet]
        assert row["npv_net_cash"] == pytest.approx(ref["npv_net_cash"], rel=1e-9), bet
        assert row["headcount"] == pytest.approx(ref["final"]["headcount"]), bet
        assert row["payback_month"] == ref["payback_month"], bet
        assert row["compute_to_payroll"] == pytest.approx(ref["final"]["compute_to_payroll"]), bet
    assert rows["all"]["npv_net_cash"] < rows["plan"]["npv_net_cash"]


def test_a_bet_that_fails_never_makes_a_value_better(risky):
    # the plan already expects prices to rise faster than the stress: the bet keeps the plan's
    risky["settings"]["price_decline_per_year"] = -0.5
    risky["ranges"] = []
    rows = {r["bet"]: r for r in analyse(risky, draws=10).bets}
    assert rows["pricing"]["npv_net_cash"] == pytest.approx(rows["plan"]["npv_net_cash"])


def tiny(time_saved: float = 0.5) -> dict:
    return {"format": "orgplan", "schema_version": 2, "name": "Tiny",
            "settings": {"horizon_months": 12, "implementation_cost": 59000},
            "teams": [{"id": "ops", "name": "Ops", "roles": [
                {"name": "Clerk", "kind": "ic", "headcount": 100, "annual_cost": 60000}]}],
            "workflows": [{"id": "w", "team": "ops", "name": "Work", "volume_per_month": 14_666.67,
                           "minutes_per_unit": 60, "ai": {"time_saved": time_saved,
                                                          "adoption": 1.0}}]}


def test_break_even_of_a_hand_worked_plan():
    # 14,666.67 hours a month = 100 FTE; AI saves s x 50% -> 50 s FTE freed, ceil'd down to
    # whole people: savings 5,000 a month per person freed; 59,000 one-off. NPV over 12 months
    # = 60,000 x floor(50 s) - 59,000 turns positive with the first whole person: s = 1/50.
    rows = {r["lever"]: r["value"] for r in break_even(prepare(parse_plan(tiny())))}
    assert rows["time_saved_scale"] == pytest.approx(0.02, abs=3e-6)
    assert rows["compute_scale"] is None           # no compute: its price changes nothing
    plan_npv = compute(parse_plan(tiny())).summary["npv_net_cash"]
    assert plan_npv > 0


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.floats(0.05, 0.9))
def test_break_even_value_is_where_the_npv_changes_sign(time_saved):
    data = tiny(time_saved)
    data["models"] = [{"id": "m", "hosting": "api", "input_per_mtok": 3, "output_per_mtok": 15}]
    data["workflows"][0]["compute"] = {"model": "m", "calls_per_unit": 5, "input_tokens": 20000,
                                       "output_tokens": 2000}
    rows = {r["lever"]: r for r in break_even(prepare(parse_plan(data)))}
    row = rows["compute_scale"]
    if row["value"] is None:
        assert np.sign(row["npv_at_low"]) == np.sign(row["npv_at_high"])
        return
    eps = 2e-6 * 1000
    below = reference_with(data, [{"path": "models[m].input_per_mtok", "scale": row["value"] - eps},
                                  {"path": "models[m].output_per_mtok",
                                   "scale": row["value"] - eps}])
    above = reference_with(data, [{"path": "models[m].input_per_mtok", "scale": row["value"] + eps},
                                  {"path": "models[m].output_per_mtok",
                                   "scale": row["value"] + eps}])
    assert below["npv_net_cash"] >= 0 >= above["npv_net_cash"]


def test_percentile_interpolates_and_never_returns_infinity():
    assert percentile(np.array([1.0, 2.0, 3.0, 4.0]), 50) == 2.5
    assert percentile(np.array([1.0, math.inf, math.inf]), 90) is None
    assert percentile(np.array([1.0, 2.0, math.inf]), 10) == pytest.approx(1.2)


def test_risk_json_has_the_model_keys(risky, tmp_path, capsys):
    path = tmp_path / "risky.orgplan.json"
    path.write_text(json.dumps(risky))
    assert cli_main(["risk", str(path), "--draws", "300", "--seed", "5", "--json"]) == 0
    j = json.loads(capsys.readouterr().out)
    assert set(j) >= {"scenario", "draws", "seed", "percentiles", "payback_probability", "fan",
                      "tornado", "bets", "break_even"}
    assert (j["scenario"], j["draws"], j["seed"]) == ("baseline", 300, 5)
    assert set(j["percentiles"]) == {"headcount", "fte_freed", "cumulative_net_cash",
                                     "npv_net_cash", "compute_per_month", "payback_month"}
    assert len(j["fan"]) == 36 and j["fan"][0]["m"] == 1
    assert [b["bet"] for b in j["bets"]] == list(BETS)
    assert [b["lever"] for b in j["break_even"]] == ["time_saved_scale", "price_decline_per_year",
                                                    "volume_growth_per_year", "compute_scale"]
    assert cli_main(["risk", str(path), "--scenario", "bear", "--draws", "50"]) == 0
    out = capsys.readouterr().out
    assert "(bear)" in out and "P50" in out and "Break-even" in out and "All four fail" in out


def test_monte_carlo_chunks_give_the_same_draws(risky, monkeypatch):
    from planner.risk import metrics

    a = analyse(copy.deepcopy(risky), draws=300).monte_carlo.figures
    monkeypatch.setattr(metrics, "CHUNK_BYTES", 1)          # one draw per chunk
    b = analyse(copy.deepcopy(risky), draws=300).monte_carlo.figures
    for key in Figures.__dataclass_fields__:   # the same draws, summed in another order
        assert np.allclose(getattr(a, key), getattr(b, key), rtol=1e-12, equal_nan=True), key


def test_draws_that_pay_back_and_fall_below_0_again_are_counted():
    """The bundled "Bets go wrong" reaches 0 in month 8 and ends below it: its draws say so."""
    import json

    from conftest import BUNDLED

    data = json.loads(BUNDLED.read_text(encoding="utf-8"))
    report = analyse(data, scenario="bets-fail", draws=300, seed=1)
    mc = report.monte_carlo
    f = mc.figures
    expected = float(((f.payback_month > 0) & (f.cumulative_net_cash < -1e-6)).mean())
    assert mc.below_again_probability == expected > 0
    assert report.to_json()["below_again_probability"] == expected
