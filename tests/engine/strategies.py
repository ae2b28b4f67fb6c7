"""Hypothesis strategies for random valid plans (small, but covering every feature)."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

money = st.floats(0, 300_000, allow_nan=False).map(lambda x: round(x, 2))
share = st.floats(0, 1, allow_nan=False).map(lambda x: round(x, 3))
count = st.integers(0, 60)


growth = st.floats(-0.5, 2, allow_nan=False).map(lambda x: round(x, 3))
decline = st.floats(-0.5, 0.9, allow_nan=False).map(lambda x: round(x, 3))


@st.composite
def roles(draw, *, whole: bool = False) -> list[dict[str, Any]]:
    out = []
    for kind in ("ic", "manager"):
        for _ in range(draw(st.integers(0, 2))):
            heads = count if whole else st.one_of(count, st.floats(0, 50).map(lambda x: round(x, 1)))
            out.append({"name": f"{kind} role", "kind": kind, "headcount": draw(heads),
                        "annual_cost": draw(money)})
    return out


def _maybe(draw, out: dict[str, Any], key: str, strategy, v2: bool) -> None:
    """Set a version 2 key on about half the plans (never on a version 1 plan)."""
    if v2 and draw(st.booleans()):
        out[key] = draw(strategy)


@st.composite
def plans(draw, *, max_teams: int = 4, max_workflows: int = 5, v2: bool = True,
          whole_managers: bool = False, ai_never_slows: bool = False) -> dict[str, Any]:
    """A valid plan; ``v2=False`` uses version 1 keys only (every new key at its default)."""
    n_teams = draw(st.integers(1, max_teams))
    teams = []
    for i in range(n_teams):
        team: dict[str, Any] = {"id": f"t{i}", "name": f"Team {i}",
                                "parent": None if i == 0 else f"t{draw(st.integers(0, i - 1))}",
                                "roles": draw(roles(whole=whole_managers)),
                                "min_ic": draw(st.integers(0, 5))}
        if draw(st.booleans()):
            team["target_span"] = draw(st.integers(1, 15))
        if draw(st.booleans()):
            team["ai_seats"] = {"cost_per_seat_month": draw(st.integers(0, 60)), "coverage": draw(share)}
        teams.append(team)
    gpus = [{"id": "cloud", "pricing": "cloud", "per_gpu_hour": draw(st.floats(0.5, 5)),
             "watts_per_gpu": draw(st.integers(300, 1500))},
            {"id": "owned", "pricing": "owned", "capex_per_gpu": draw(st.integers(5000, 40000)),
             "amortization_months": draw(st.integers(1, 60)), "watts_per_gpu": draw(st.integers(300, 1500))}]
    _maybe(draw, gpus[1], "overhead_per_gpu_month", st.integers(0, 400), v2)
    models = [{"id": "api", "hosting": "api", "input_per_mtok": draw(st.floats(0, 10)),
               "output_per_mtok": draw(st.floats(0, 40))},
              {"id": "api-cached", "hosting": "api", "input_per_mtok": 3.0, "output_per_mtok": 15.0,
               "cached_input_per_mtok": 0.3}]
    _maybe(draw, models[1], "price_decline_per_year", decline, v2)
    for gpu in ("cloud", "owned"):
        models.append({"id": f"self-{gpu}", "hosting": "self", "gpu": gpu,
                       "gpus_per_replica": draw(st.integers(1, 8)),
                       "prefill_tokens_per_s": draw(st.floats(100, 50000)),
                       "decode_tokens_per_s": draw(st.floats(10, 5000)),
                       "utilization": draw(st.floats(0.05, 1))})
        _maybe(draw, models[-1], "throughput_gain_per_year", growth, v2)
    workflows = []
    for j in range(draw(st.integers(0, max_workflows))):
        wf: dict[str, Any] = {"id": f"w{j}", "team": f"t{draw(st.integers(0, n_teams - 1))}",
                              "name": f"Workflow {j}", "volume_per_month": draw(st.integers(0, 50000)),
                              "minutes_per_unit": draw(st.floats(0, 300).map(lambda x: round(x, 1)))}
        _maybe(draw, wf, "volume_growth_per_year", growth, v2)
        if draw(st.integers(0, 5)):
            low = 0.3 if ai_never_slows else -0.5
            wf["ai"] = {"time_saved": draw(st.floats(low, 1).map(lambda x: round(x, 3))),
                        "adoption": draw(share), "review_overhead": draw(st.floats(0, 0.3)),
                        "ramp_months": draw(st.integers(0, 18)),
                        "ramp": draw(st.sampled_from(["linear", "s-curve"]))}
        if draw(st.booleans()):
            wf["compute"] = {"model": draw(st.sampled_from([m["id"] for m in models])),
                             "calls_per_unit": draw(st.integers(0, 20)),
                             "input_tokens": draw(st.integers(0, 100000)),
                             "output_tokens": draw(st.integers(0, 5000)), "cached_share": draw(share)}
        workflows.append(wf)
    settings = {
        "horizon_months": draw(st.integers(1, 40)),
        "start_month": draw(st.one_of(st.none(), st.sampled_from(["2027-01", "2026-11"]))),
        "headcount_policy": draw(st.sampled_from(["reduce", "redeploy"])),
        "redeploy_share": draw(share), "severance_months": draw(st.integers(0, 12)),
        "implementation_cost": draw(st.integers(0, 2_000_000)),
        "price_decline_per_year": draw(decline if v2 else st.floats(0, 0.9)),
        "token_growth_per_year": draw(growth if v2 else st.floats(0, 3)),
        "peak_to_average": draw(st.floats(1, 5)), "pue": draw(st.floats(1, 2)),
        "usd_per_kwh": draw(st.floats(0, 0.5)),
    }
    if draw(st.booleans()):
        settings["target_span"] = draw(st.integers(2, 20))
    if settings["start_month"] is None:
        del settings["start_month"]
    for key, strategy in (("reduction", st.sampled_from(["layoffs", "attrition"])),
                          ("attrition_per_year", share), ("wage_growth_per_year", growth.filter(
                              lambda x: -0.5 <= x <= 1)), ("discount_rate_per_year", share),
                          ("volume_growth_per_year", growth), ("throughput_gain_per_year", growth),
                          ("gpu_price_decline_per_year", decline)):
        _maybe(draw, settings, key, strategy, v2)
    return {"format": "orgplan", "schema_version": 2 if v2 else 1, "name": "Random plan",
            "settings": settings,
            "teams": teams, "workflows": workflows, "models": models, "gpus": gpus}
