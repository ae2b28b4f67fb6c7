"""Hand-worked plans, one per MODEL.md formula, with the arithmetic written out."""

from __future__ import annotations

import math

import numpy as np
import pytest
from helpers import tiny_plan, with_changes

from planner.engine import ceil_star, compute
from planner.engine.formulas import layers_needed, tree_layers
from planner.model import parse_plan

HPM = 1760 / 12  # hours of one FTE per month


def run(data):
    return compute(parse_plan(data))


def col(result, key):
    return result.series[key]


# Tiny plan: 10 ICs at 60k, 2 managers at 120k; 1,000 hours a month of work,
# 80% adoption x 50% saved = 400 hours = 2.727 FTE freed.
FREED = 400 / HPM


def test_reduce_policy_removes_whole_people():
    r = run(tiny_plan())
    assert col(r, "fte_freed")[0] == pytest.approx(FREED)
    assert col(r, "ic")[0] == 8            # ceil(10 - 2.727)
    assert col(r, "managers")[0] == 2      # own span 10/2 = 5 -> ceil(8/5)
    assert col(r, "payroll")[0] == pytest.approx((8 * 60000 + 2 * 120000) / 12)
    assert col(r, "payroll_savings")[0] == pytest.approx(10000)
    assert r.summary["baseline"]["payroll_annual"] == pytest.approx(840000)


def test_redeploy_policy_keeps_people_and_reports_capacity():
    r = run(tiny_plan(headcount_policy="redeploy"))
    assert col(r, "ic")[0] == 10
    assert col(r, "fte_freed")[0] == pytest.approx(FREED)
    assert col(r, "payroll_savings")[0] == pytest.approx(0)


def test_redeploy_share_keeps_part_of_the_freed_capacity():
    r = run(tiny_plan(redeploy_share=0.5))
    assert col(r, "ic")[0] == 9            # ceil(10 - 2.727 * 0.5) = ceil(8.64)
    assert r.summary["final"]["fte_freed"] == pytest.approx(FREED)  # gross, before the share


@pytest.mark.parametrize(("min_ic", "expected"), [(9, 9), (20, 10), (0, 8)])
def test_min_ic_floor_and_baseline_cap(min_ic, expected):
    data = with_changes(tiny_plan(), teams__0__min_ic=min_ic)
    assert col(run(data), "ic")[-1] == expected


def test_target_span_adds_or_removes_managers_from_month_one():
    r = run(tiny_plan(target_span=3))
    assert col(r, "managers")[0] == 3      # ceil(8/3): not capped at the baseline 2
    data = with_changes(tiny_plan(target_span=3), teams__0__target_span=8)
    assert col(run(data), "managers")[0] == 1  # the team's own span wins: ceil(8/8)


def test_leadership_team_keeps_its_managers():
    data = tiny_plan(target_span=50)
    data["teams"].append({"id": "exec", "name": "Leadership", "roles": [
        {"name": "Exec", "kind": "manager", "headcount": 3, "annual_cost": 300000}]})
    r = run(data)
    assert r.mgr[1, -1] == 3 and r.ic[1, -1] == 0


def test_linear_ramp():
    data = with_changes(tiny_plan(), workflows__0__ai={"time_saved": 0.5, "adoption": 0.8, "ramp_months": 4})
    hours = col(run(data), "hours_saved")
    assert hours[:5] == pytest.approx([100, 200, 300, 400, 400])


def test_s_curve_ramp():
    data = with_changes(tiny_plan(), workflows__0__ai={
        "time_saved": 0.5, "adoption": 0.8, "ramp_months": 4, "ramp": "s-curve"})
    hours = col(run(data), "hours_saved")
    # x = m/4; 3x^2 - 2x^3 = 0.15625, 0.5, 0.84375, 1
    assert hours[:5] == pytest.approx([62.5, 200, 337.5, 400, 400])


def test_review_overhead_and_negative_savings():
    data = with_changes(tiny_plan(), workflows__0__ai={"time_saved": 0.1, "adoption": 1.0,
                                                       "review_overhead": 0.3})
    r = run(data)
    assert col(r, "hours_saved")[0] == pytest.approx(-200)
    # AI that slows the work needs hires: 200 hours = 1.36 FTE more -> ceil(11.36) = 12 ICs
    assert col(r, "ic")[0] == 12 and col(r, "managers")[0] == 3   # own span 5: ceil(12 / 5)
    assert col(r, "payroll_savings")[0] == pytest.approx(-(2 * 60000 + 120000) / 12)
    assert col(r, "payroll_savings_ai")[0] == pytest.approx(-(2 * 60000 + 120000) / 12)


def test_ceil_star_ignores_float_noise():
    assert ceil_star(np.array([8.0000000001, 8.000001, 7.9999999999]) ).tolist() == [8, 9, 8]


@pytest.mark.parametrize(("n", "k", "expected"), [
    # span of control (N + K - 1) / K, then ceil*(ln N / ln span), at least 1
    (373, 57, 3), (350, 48, 3), (4096, 1024, 6), (4096, 585, 4), (0, 5, 0), (5, 0, 0),
    (5, 5, 3), (10, 9, 4), (1, 1, None), (1, 5, None)])
def test_layers_needed(n, k, expected):
    got = float(layers_needed(np.array([float(n)]), np.array([float(k)]))[0])
    assert (None if math.isnan(got) else int(got)) == expected


def test_coordination_paths_and_spans():
    s = run(tiny_plan()).summary
    assert s["baseline"]["coordination_paths"] == 66      # 12 * 11 / 2
    assert s["final"]["coordination_paths"] == 45         # 10 * 9 / 2
    assert s["baseline"]["avg_span"] == 5.5 and s["final"]["avg_span"] == 4.5   # (N + K - 1) / K
    assert s["baseline"]["ics_per_manager"] == 5 and s["final"]["ics_per_manager"] == 4


def test_layers_follow_the_team_tree():
    # a chain top -> mid -> leaf; the leaf's ICs count the managed teams above them
    parent = np.array([-1, 0, 1, 0])
    ic = np.array([[0, 0, 5, 2.0]])
    mgr = np.array([[1, 1, 1, 0.0]])
    assert tree_layers(parent, ic, mgr).tolist() == [3]
    mgr_gone = np.array([[1, 0, 1, 0.0]])       # mid lost all its managers: its layer goes
    assert tree_layers(parent, ic, mgr_gone).tolist() == [2]
    assert tree_layers(parent, np.zeros((1, 4)), mgr).tolist() == [0]   # nobody to manage


API = {"id": "m", "hosting": "api", "input_per_mtok": 1.0, "output_per_mtok": 5.0,
       "cached_input_per_mtok": 0.1}
USE = {"model": "m", "calls_per_unit": 2, "input_tokens": 1000, "output_tokens": 100, "cached_share": 0.5}


def api_plan(**settings):
    data = tiny_plan(**settings)
    data["models"] = [dict(API)]
    data["workflows"][0]["compute"] = dict(USE)
    return data


def test_api_cost_with_caching():
    r = run(api_plan())
    # 800 AI units x 2 calls: 1.6M input tokens (half cached), 160k output tokens
    assert col(r, "tokens_in")[0] == pytest.approx(1.6e6)
    assert col(r, "tokens_out")[0] == pytest.approx(1.6e5)
    assert col(r, "api_cost")[0] == pytest.approx(1.6 * (0.5 * 1.0 + 0.5 * 0.1) + 0.16 * 5.0)


def test_cached_price_defaults_to_input_price():
    data = api_plan()
    del data["models"][0]["cached_input_per_mtok"]
    assert col(run(data), "api_cost")[0] == pytest.approx(1.6 * 1.0 + 0.16 * 5.0)


def test_price_decline_and_token_growth_compound_monthly():
    r = run(api_plan(horizon_months=13, price_decline_per_year=0.5, token_growth_per_year=1.0))
    assert col(r, "tokens_in")[12] == pytest.approx(3.2e6)              # k(13) = 2
    assert col(r, "api_cost")[12] == pytest.approx(1.68 * 2 * 0.5)      # p(13) = 0.5
    assert col(r, "api_cost")[6] == pytest.approx(1.68 * 2 ** 0.5 * 0.5 ** 0.5)


def self_plan(pricing, **settings):
    data = tiny_plan(peak_to_average=1, pue=1.5, usd_per_kwh=0.2, **settings)
    data["workflows"][0] = {"id": "w", "team": "ops", "name": "Work", "volume_per_month": 1000,
                            "minutes_per_unit": 60,
                            "ai": {"time_saved": 0.5, "adoption": 1.0, "ramp_months": 2},
                            "compute": {"model": "llm", "calls_per_unit": 1, "input_tokens": 0,
                                        "output_tokens": 3942}}
    data["models"] = [{"id": "llm", "hosting": "self", "gpu": "g", "gpus_per_replica": 1,
                       "prefill_tokens_per_s": 1000, "decode_tokens_per_s": 1, "utilization": 1.0}]
    gpu = {"id": "g", "pricing": pricing, "watts_per_gpu": 1000}
    gpu.update({"per_gpu_hour": 2.0} if pricing == "cloud" else {"capex_per_gpu": 3000, "amortization_months": 3})
    data["gpus"] = [gpu]
    return data


def test_cloud_gpus_sized_for_peak_and_rented():
    r = run(self_plan("cloud", horizon_months=4))
    # month 1: 500 units x 3942 tokens / 1 tok/s = 547.5 GPU-hours = 0.75 GPU-months -> 1 GPU
    # month 2+: 1095 GPU-hours = 1.5 GPU-months -> 2 GPUs
    assert r.gpu_hours[0][:2] == pytest.approx([547.5, 1095])
    assert col(r, "gpus").tolist() == [1, 2, 2, 2]
    assert col(r, "gpu_cost") == pytest.approx([730 * 2.0, 2 * 730 * 2.0, 2920, 2920])
    assert col(r, "energy_kwh")[0] == pytest.approx(1 * 1.0 * 730 * 1.5)   # reported, not costed
    assert col(r, "capex").sum() == 0 and col(r, "depreciation").sum() == 0


def test_replicas_round_up_whole_replicas():
    data = self_plan("cloud", horizon_months=2)
    data["models"][0]["gpus_per_replica"] = 4
    assert col(run(data), "gpus").tolist() == [4, 4]


def test_owned_gpus_capex_depreciation_window_and_energy():
    r = run(self_plan("owned", horizon_months=6))
    assert col(r, "gpus").tolist() == [1, 2, 2, 2, 2, 2]
    assert col(r, "capex") == pytest.approx([3000, 3000, 0, 0, 0, 0])
    # each purchase is spread over 3 months
    assert col(r, "depreciation") == pytest.approx([1000, 2000, 2000, 1000, 0, 0])
    energy = np.array([1, 2, 2, 2, 2, 2]) * 730 * 1.5
    assert col(r, "gpu_cost") == pytest.approx(energy * 0.2)
    seats = col(r, "seat_cost")
    assert col(r, "compute_pnl") == pytest.approx(energy * 0.2 + col(r, "depreciation") + seats)
    assert col(r, "compute_cash") == pytest.approx(energy * 0.2 + col(r, "capex") + seats)


def test_owned_fleet_buys_only_the_increase():
    data = self_plan("owned", horizon_months=4)
    data["workflows"].append({"id": "burst", "team": "ops", "name": "Burst", "volume_per_month": 2000,
                              "minutes_per_unit": 1,
                              "ai": {"time_saved": 0.0, "adoption": 1.0, "ramp_months": 0},
                              "compute": {"model": "llm", "calls_per_unit": 1, "input_tokens": 0,
                                          "output_tokens": 3942}})
    r = run(data)
    # 3 GPU-months of constant demand on top of the ramping workflow (0.75, then 1.5)
    assert col(r, "gpus").tolist() == [4, 5, 5, 5]
    assert col(r, "capex") == pytest.approx([4 * 3000, 3000, 0, 0])


def test_severance_on_people_removed():
    r = run(tiny_plan(severance_months=3))
    assert col(r, "severance")[0] == pytest.approx(3 / 12 * 2 * 60000)
    assert col(r, "severance")[1:].sum() == 0
    r = run(tiny_plan(severance_months=3, target_span=8))  # also one manager fewer
    assert col(r, "severance")[0] == pytest.approx(3 / 12 * (2 * 60000 + 1 * 120000))


def test_payback_month_and_one_off():
    r = run(tiny_plan(severance_months=6, implementation_cost=20000))
    # month 1: 10,000 saved - 60,000 severance - 20,000 one-off; then +10,000 a month
    assert col(r, "net_cash")[:3] == pytest.approx([-70000, 10000, 10000])
    assert col(r, "one_off").tolist()[:2] == [20000, 0]
    assert r.payback_month == 8
    assert r.summary["cumulative_net_cash"] == pytest.approx(-70000 + 11 * 10000)


def test_no_payback_within_the_horizon():
    r = run(tiny_plan(horizon_months=3, implementation_cost=1e9))
    assert r.payback_month is None and r.summary["payback_month"] is None


def test_seats_paid_for_every_covered_person_from_month_one():
    data = with_changes(tiny_plan(), teams__0__ai_seats={"cost_per_seat_month": 30, "coverage": 0.55})
    data["workflows"] = []
    assert col(run(data), "seat_cost")[0] == pytest.approx(math.ceil(12 * 0.55) * 30)


def test_years_sum_months_and_partial_last_year():
    r = run(api_plan(horizon_months=18, severance_months=2, implementation_cost=5000))
    years = r.summary["years"]
    assert [y["year"] for y in years] == [1, 2]
    assert years[1]["net_cash"] == pytest.approx(col(r, "net_cash")[12:].sum())


def test_months_labelled_without_a_start_month():
    r = run(tiny_plan(horizon_months=2))
    assert r.month_labels == ["M1", "M2"]
    assert run(tiny_plan(horizon_months=14, start_month="2027-11")).month_labels[-1] == "2028-12"


def test_ratios_with_zero_denominators_are_null():
    data = tiny_plan()
    data["teams"][0]["roles"] = [{"name": "Clerk", "kind": "ic", "headcount": 2, "annual_cost": 1}]
    data["workflows"][0]["ai"] = {"time_saved": 1.0, "adoption": 1.0}
    s = run(data).summary
    assert s["final"]["headcount"] == 0
    assert s["compression_ratio"] is None and s["final"]["avg_span"] is None
    assert s["final"]["layers"] == 0 and s["final"]["compute_to_payroll"] is None


# ----- version 2: growth, attrition, wages, prices both ways, infrastructure, NPV --------------
def test_volume_growth_needs_hires_without_ai_and_with_it():
    data = tiny_plan(horizon_months=13, volume_growth_per_year=0.5)
    data["workflows"][0].pop("ai")
    r = run(data)
    # month 13: 1,000 hours x 1.5 -> 500 extra hours = 3.41 FTE -> ceil(13.41) = 14 ICs
    assert col(r, "ic")[12] == 14 and col(r, "headcount_without_ai")[12] == 14 + 3
    assert col(r, "managers")[12] == 3          # own span 5: ceil(14 / 5)
    with_ai = run(tiny_plan(horizon_months=13, volume_growth_per_year=0.5))
    # with AI: 1,500 hours x 80% x 50% = 600 saved (4.09 FTE) against 3.41 extra -> 10 - 0.68
    assert col(with_ai, "ic")[12] == 10
    assert col(with_ai, "headcount_without_ai")[12] == 17   # the hiring AI avoided: 7 people


def test_a_workflow_may_grow_at_its_own_rate():
    data = tiny_plan(horizon_months=13, volume_growth_per_year=0.5)
    data["workflows"][0]["volume_growth_per_year"] = 0.0
    assert col(run(data), "headcount_without_ai")[12] == 12


def test_attrition_lowers_headcount_at_its_pace_without_severance():
    data = tiny_plan(horizon_months=12, reduction="attrition", attrition_per_year=0.12,
                     severance_months=6)
    data["workflows"][0]["ai"]["time_saved"] = 1.0   # 800 hours = 5.45 FTE -> 4 ICs needed
    r = run(data)
    # 10 ICs x 12% / 12 = 0.1 a month leave: 9.9, 9.8 ... never below the 5 needed
    assert col(r, "ic")[:3] == pytest.approx([9.9, 9.8, 9.7])
    assert col(r, "ic")[11] == pytest.approx(8.8)
    assert col(r, "severance").sum() == 0


def test_attrition_hires_at_once_when_the_work_needs_it():
    data = tiny_plan(horizon_months=3, reduction="attrition", volume_growth_per_year=10)
    data["workflows"][0].pop("ai")
    r = run(data)
    assert col(r, "ic")[1] == math.ceil(10 + 1000 * (11 ** (1 / 12) - 1) / HPM - 1e-9)


def test_wage_growth_raises_every_organisation_alike():
    r = run(tiny_plan(horizon_months=13, wage_growth_per_year=0.1))
    pay13 = (8 * 60000 + 2 * 120000) / 12 * 1.1
    assert col(r, "payroll")[12] == pytest.approx(pay13)
    assert col(r, "payroll_without_ai")[12] == pytest.approx((10 * 60000 + 2 * 120000) / 12 * 1.1)
    assert r.summary["baseline"]["payroll_annual"] == pytest.approx(840000)   # today, unindexed


def test_npv_discounts_each_month_at_its_end():
    r = run(tiny_plan(horizon_months=12, discount_rate_per_year=0.2))
    flows = col(r, "net_cash")
    expected = sum(f / 1.2 ** (m / 12) for m, f in enumerate(flows, start=1))
    assert r.summary["npv_net_cash"] == pytest.approx(expected)
    assert r.summary["npv_net_cash"] < r.summary["cumulative_net_cash"]


def test_savings_split_a_target_span_alone_is_structure():
    data = tiny_plan(target_span=10)
    data["workflows"][0].pop("ai")
    r = run(data)
    # no AI: 10 ICs stay; managers 2 -> ceil(10 / 10) = 1: 120,000 a year from structure
    assert col(r, "payroll_savings_ai")[0] == 0
    assert col(r, "payroll_savings_structure")[0] == pytest.approx(10000)


def test_prices_may_rise_and_a_model_may_carry_its_own_trend():
    r = run(api_plan(horizon_months=13, price_decline_per_year=-1.0))
    assert col(r, "api_cost")[12] == pytest.approx(1.68 * 2)       # -100%: prices double a year
    data = api_plan(horizon_months=13, price_decline_per_year=-1.0)
    data["models"][0]["price_decline_per_year"] = 0.5
    assert col(run(data), "api_cost")[12] == pytest.approx(1.68 * 0.5)


def test_token_use_may_shrink():
    r = run(api_plan(horizon_months=13, token_growth_per_year=-0.5))
    assert col(r, "tokens_in")[12] == pytest.approx(1.6e6 * 0.5)


def test_serving_gets_faster_and_gpus_cheaper():
    data = self_plan("cloud", horizon_months=13, throughput_gain_per_year=1.0,
                     gpu_price_decline_per_year=0.5)
    r = run(data)
    # month 13: the same work at twice the speed: 547.5 GPU-hours -> 1 GPU, rented at half price
    assert r.gpu_hours[0][12] == pytest.approx(1095 / 2)
    assert col(r, "gpus")[12] == 1
    assert col(r, "gpu_cost")[12] == pytest.approx(730 * 2.0 * 0.5)


def test_owned_gpus_pay_overhead_and_report_their_busy_share():
    data = self_plan("owned", horizon_months=3, gpu_price_decline_per_year=0.5)
    data["gpus"][0]["overhead_per_gpu_month"] = 150
    r = run(data)
    energy = np.array([1, 2, 2]) * 730 * 1.5 * 0.2
    assert col(r, "gpu_cost") == pytest.approx(energy + np.array([1, 2, 2]) * 150)
    assert col(r, "capex")[1] == pytest.approx(3000 * 0.5 ** (1 / 12))   # bought in month 2
    fleet = r.summary["final"]["fleets"]
    assert fleet == [{"model": "llm", "gpu": "g", "gpus": 2, "busy_share": pytest.approx(0.75)}]


def test_fractional_managers_are_kept_while_the_team_is_unchanged():
    data = tiny_plan()
    data["teams"][0]["roles"][1]["headcount"] = 0.8
    data["workflows"] = []
    r = run(data)
    assert col(r, "managers")[0] == pytest.approx(0.8)


def test_payback_is_null_when_nothing_changes():
    data = tiny_plan()
    data["workflows"] = []
    r = run(data)
    assert r.summary["payback_month"] is None
    assert r.summary["compression_ratio"] == 1
