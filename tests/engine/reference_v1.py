"""MODEL.md VERSION 1 as plain loops (kept to check that v2 with every new key at its default
gives the v1 results where the contract says it must)."""

from __future__ import annotations

import math
from typing import Any

from planner.model import ApiModel, OwnedGpu, Plan


def _ceil(x: float) -> float:
    return float(math.ceil(x - 1e-9))


def _ramp(ai: Any, m: int) -> float:
    x = 1.0 if ai.ramp_months == 0 else min(1.0, m / ai.ramp_months)
    return 3 * x * x - 2 * x * x * x if ai.ramp == "s-curve" else x


def _layers(n: float, k: float) -> int | None:
    if n == 0 or k == 0:
        return 0
    if n / k <= 1:
        return None
    return int(max(1, _ceil(math.log(n) / math.log(n / k))))


def reference_compute(plan: Plan) -> dict[str, Any]:
    s = plan.settings
    H = s.horizon_months
    hpm = s.hours_per_fte_year / 12
    teams = plan.teams
    IC, M, cic, cm, span = {}, {}, {}, {}, {}
    for t in teams:
        ic = sum(r.headcount for r in t.roles if r.kind == "ic")
        mg = sum(r.headcount for r in t.roles if r.kind == "manager")
        IC[t.id], M[t.id] = ic, mg
        cic[t.id] = sum(r.headcount * r.annual_cost for r in t.roles if r.kind == "ic") / ic if ic > 0 else 0.0
        cm[t.id] = sum(r.headcount * r.annual_cost for r in t.roles if r.kind == "manager") / mg if mg > 0 else 0.0
        sp = t.target_span if t.target_span is not None else s.target_span
        span[t.id] = sp if sp is not None else (ic / mg if ic > 0 and mg > 0 else None)

    ic_m: dict[str, list[float]] = {t.id: [IC[t.id]] for t in teams}
    mg_m: dict[str, list[float]] = {t.id: [M[t.id]] for t in teams}
    fte_m: dict[str, list[float]] = {t.id: [0.0] for t in teams}
    hours = [0.0] * (H + 1)
    tin_total = [0.0] * (H + 1)
    tout_total = [0.0] * (H + 1)
    api = [0.0] * (H + 1)
    model_tin: dict[str, list[float]] = {m.id: [0.0] * (H + 1) for m in plan.models}
    model_tout: dict[str, list[float]] = {m.id: [0.0] * (H + 1) for m in plan.models}

    for m in range(1, H + 1):
        p = (1 - s.price_decline_per_year) ** ((m - 1) / 12)
        k = (1 + s.token_growth_per_year) ** ((m - 1) / 12)
        freed = {t.id: 0.0 for t in teams}
        for w in plan.workflows:
            if w.ai is None:
                continue
            a = w.ai.adoption * _ramp(w.ai, m)
            saved = w.volume_per_month * w.minutes_per_unit / 60 * a * (w.ai.time_saved - w.ai.review_overhead)
            freed[w.team] += saved / hpm
            hours[m] += saved
            if w.compute is None:
                continue
            c = w.compute
            units = w.volume_per_month * a
            tin = units * c.calls_per_unit * c.input_tokens * k
            tout = units * c.calls_per_unit * c.output_tokens * k
            tin_total[m] += tin
            tout_total[m] += tout
            model = plan.model(c.model)
            model_tin[model.id][m] += tin
            model_tout[model.id][m] += tout
            if isinstance(model, ApiModel):
                rate = (1 - c.cached_share) * model.input_per_mtok + c.cached_share * model.cached_price
                api[m] += (tin * rate + tout * model.output_per_mtok) / 1e6 * p
        for t in teams:
            f = freed[t.id]
            fte_m[t.id].append(f)
            if s.headcount_policy == "reduce":
                ic = min(IC[t.id], max(t.min_ic, _ceil(IC[t.id] - f * (1 - s.redeploy_share))))
            else:
                ic = IC[t.id]
            if IC[t.id] == 0:
                mg = M[t.id]
            elif M[t.id] == 0 or ic == 0:
                mg = 0.0
            else:
                mg = _ceil(ic / span[t.id])
            ic_m[t.id].append(ic)
            mg_m[t.id].append(mg)

    # Self-hosted fleets, one per model.
    gpu_cost = [0.0] * (H + 1)
    gpus = [0.0] * (H + 1)
    kwh = [0.0] * (H + 1)
    capex = [0.0] * (H + 1)
    depreciation = [0.0] * (H + 1)
    for model in plan.models:
        if isinstance(model, ApiModel):
            continue
        gpu = plan.gpu(model.gpu)
        fleet = [0.0] * (H + 1)
        cap = [0.0] * (H + 1)
        for m in range(1, H + 1):
            gh = (model_tin[model.id][m] / model.prefill_tokens_per_s
                  + model_tout[model.id][m] / model.decode_tokens_per_s) / 3600 / model.utilization
            n = 0.0 if gh == 0 else model.gpus_per_replica * _ceil(
                gh / 730 * s.peak_to_average / model.gpus_per_replica)
            fleet[m] = max(fleet[m - 1], n) if isinstance(gpu, OwnedGpu) else n
            energy = fleet[m] * gpu.watts_per_gpu / 1000 * 730 * s.pue
            kwh[m] += energy
            gpus[m] += fleet[m]
            if isinstance(gpu, OwnedGpu):
                cap[m] = (fleet[m] - fleet[m - 1]) * gpu.capex_per_gpu
                capex[m] += cap[m]
                depreciation[m] += sum(cap[q] / gpu.amortization_months
                                       for q in range(1, m + 1) if m - q < gpu.amortization_months)
                gpu_cost[m] += energy * s.usd_per_kwh
            else:
                gpu_cost[m] += fleet[m] * 730 * gpu.per_gpu_hour

    rows = []
    pay0 = sum((IC[t.id] * cic[t.id] + M[t.id] * cm[t.id]) / 12 for t in teams)
    for m in range(1, H + 1):
        pay = sum((ic_m[t.id][m] * cic[t.id] + mg_m[t.id][m] * cm[t.id]) / 12 for t in teams)
        seat = 0.0
        sev = 0.0
        for t in teams:
            if t.ai_seats is not None:
                hc = ic_m[t.id][m] + mg_m[t.id][m]
                seat += _ceil(hc * t.ai_seats.coverage) * t.ai_seats.cost_per_seat_month
            sev += (max(0.0, ic_m[t.id][m - 1] - ic_m[t.id][m]) * cic[t.id]
                    + max(0.0, mg_m[t.id][m - 1] - mg_m[t.id][m]) * cm[t.id])
        sev *= s.severance_months / 12
        one_off = s.implementation_cost if m == 1 else 0.0
        pnl = api[m] + gpu_cost[m] + depreciation[m] + seat
        cash = api[m] + gpu_cost[m] + capex[m] + seat
        n = sum(ic_m[t.id][m] for t in teams)
        kk = sum(mg_m[t.id][m] for t in teams)
        rows.append({
            "m": m, "headcount": n + kk, "ic": n, "managers": kk,
            "fte_freed": sum(fte_m[t.id][m] for t in teams), "hours_saved": hours[m],
            "payroll": pay, "payroll_savings": pay0 - pay, "tokens_in": tin_total[m],
            "tokens_out": tout_total[m], "api_cost": api[m], "gpu_cost": gpu_cost[m],
            "gpus": gpus[m], "energy_kwh": kwh[m], "seat_cost": seat, "capex": capex[m],
            "depreciation": depreciation[m], "compute_pnl": pnl, "compute_cash": cash,
            "severance": sev, "one_off": one_off,
            "net_pnl": pay0 - pay - pnl - sev - one_off, "net_cash": pay0 - pay - cash - sev - one_off,
        })

    running, payback = 0.0, None
    for r in rows:
        running += r["net_cash"]
        if payback is None and running >= 0:
            payback = r["m"]

    def org(month: int) -> dict[str, Any]:
        n = sum(ic_m[t.id][month] for t in teams)
        kk = sum(mg_m[t.id][month] for t in teams)
        hcs = [ic_m[t.id][month] + mg_m[t.id][month] for t in teams]
        return {"headcount": n + kk, "ic": n, "managers": kk, "avg_span": n / kk if kk else None,
                "layers": _layers(n, kk), "coordination_paths": sum(max(0.0, h * (h - 1) / 2) for h in hcs)}

    base, final = org(0), org(H)
    return {
        "monthly": rows, "payback_month": payback, "baseline": base, "final": final,
        "compression_ratio": base["headcount"] / final["headcount"] if final["headcount"] else None,
        "cumulative_net_cash": sum(r["net_cash"] for r in rows),
        "cumulative_net_pnl": sum(r["net_pnl"] for r in rows),
    }
