"""Generated plans for benchmarks: the 10,000-team, 50,000-workflow, 36-month bench plan."""

from __future__ import annotations

import random
from typing import Any


def big_plan_data(teams: int = 10_000, workflows: int = 50_000, months: int = 36,
                  *, seed: int = 7) -> dict[str, Any]:
    """Plan data of the requested size: a 10-ary team tree, 4 API and 2 self-hosted models."""
    rng = random.Random(seed)
    team_list = []
    for i in range(teams):
        parent = None if i == 0 else f"t{(i - 1) // 10}"
        leaf = i >= teams // 10
        roles = [{"name": "Manager", "kind": "manager", "headcount": rng.randint(1, 4),
                  "annual_cost": rng.randint(90, 250) * 1000}]
        if leaf:
            roles.insert(0, {"name": "Specialist", "kind": "ic", "headcount": rng.randint(5, 40),
                             "annual_cost": rng.randint(45, 200) * 1000})
        team: dict[str, Any] = {"id": f"t{i}", "name": f"Team {i}", "parent": parent,
                                "function": rng.choice(["Engineering", "Support", "Sales", "Finance"]),
                                "roles": roles, "min_ic": rng.randint(0, 3)}
        if leaf and i % 3 == 0:
            team["ai_seats"] = {"cost_per_seat_month": 30, "coverage": 0.8}
        team_list.append(team)
    models = ["small-api", "mid-api", "frontier-api", "cheap-api", "open-70b", "open-8b"]
    wf_list = []
    leaf_start = teams // 10
    for i in range(workflows):
        wf: dict[str, Any] = {
            "id": f"w{i}", "team": f"t{leaf_start + i % (teams - leaf_start)}", "name": f"Workflow {i}",
            # a team's workflows take about a fifth of its people's hours (a plan that asked for
            # more than the team has would hire for the whole workload as it grows)
            "volume_per_month": rng.randint(10, 300), "minutes_per_unit": rng.randint(2, 90),
            "ai": {"time_saved": round(rng.uniform(0.05, 0.6), 3), "adoption": round(rng.uniform(0.1, 0.9), 3),
                   "review_overhead": round(rng.uniform(0, 0.1), 3), "ramp_months": rng.randint(0, 12),
                   "ramp": rng.choice(["linear", "s-curve"])},
        }
        if i % 5:
            wf["compute"] = {"model": models[i % len(models)], "calls_per_unit": rng.randint(1, 10),
                             "input_tokens": rng.randint(500, 20000), "output_tokens": rng.randint(100, 2000),
                             "cached_share": round(rng.uniform(0, 0.9), 2)}
        wf_list.append(wf)
    return {
        "format": "orgplan", "schema_version": 2, "name": "Bench plan", "currency": "USD",
        "settings": {"start_month": "2027-01", "horizon_months": months, "headcount_policy": "reduce",
                     "redeploy_share": 0.2, "target_span": 8, "severance_months": 3,
                     "implementation_cost": 1_000_000, "price_decline_per_year": 0.3,
                     "token_growth_per_year": 0.4, "peak_to_average": 3, "pue": 1.2, "usd_per_kwh": 0.08,
                     "volume_growth_per_year": 0.1, "wage_growth_per_year": 0.03,
                     "discount_rate_per_year": 0.08, "throughput_gain_per_year": 0.3,
                     "gpu_price_decline_per_year": 0.1},
        "teams": team_list, "workflows": wf_list,
        "models": [
            {"id": "small-api", "hosting": "api", "input_per_mtok": 0.25, "output_per_mtok": 2.0,
             "cached_input_per_mtok": 0.025},
            {"id": "mid-api", "hosting": "api", "input_per_mtok": 1.0, "output_per_mtok": 5.0},
            {"id": "frontier-api", "hosting": "api", "input_per_mtok": 3.0, "output_per_mtok": 15.0,
             "cached_input_per_mtok": 0.3},
            {"id": "cheap-api", "hosting": "api", "input_per_mtok": 0.14, "output_per_mtok": 0.28},
            {"id": "open-70b", "hosting": "self", "gpu": "h100-owned", "gpus_per_replica": 2,
             "prefill_tokens_per_s": 15000, "decode_tokens_per_s": 2600, "utilization": 0.5},
            {"id": "open-8b", "hosting": "self", "gpu": "h100-cloud", "gpus_per_replica": 1,
             "prefill_tokens_per_s": 60000, "decode_tokens_per_s": 15000, "utilization": 0.6},
        ],
        "gpus": [
            {"id": "h100-cloud", "pricing": "cloud", "per_gpu_hour": 2.99, "watts_per_gpu": 1275},
            {"id": "h100-owned", "pricing": "owned", "capex_per_gpu": 33000,
             "amortization_months": 48, "watts_per_gpu": 1275, "overhead_per_gpu_month": 150},
        ],
    }


def big_plan(**kwargs: Any):
    """The bench plan as a validated :class:`planner.model.Plan`."""
    from planner.model import parse_plan

    return parse_plan(big_plan_data(**kwargs))
