"""MODEL.md version 2 written as plain Python loops, one month, team and workflow at a time.

The readable statement of the formulas and the tests' oracle: the vectorised engine must
equal it on random plans. It is slow on purpose (``make bench`` measures the speed-up) and
shares no code with the engine. Returns the MODEL.md section 8 summary object.
"""

from __future__ import annotations

import math
from typing import Any

EPS = 1e-9


def ceil_star(x: float) -> float:
    return float(math.ceil(x - EPS))


def idx(r: float, m: int) -> float:
    return (1.0 + r) ** ((m - 1) / 12.0)


def _ramp(ai: Any, m: int) -> float:
    x = 1.0 if ai.ramp_months == 0 else min(1.0, m / ai.ramp_months)
    return 3 * x * x - 2 * x * x * x if ai.ramp == "s-curve" else x


def _labels(start: str | None, H: int) -> list[str]:
    if not start:
        return [f"M{m}" for m in range(1, H + 1)]
    y, mo = (int(x) for x in start.split("-"))
    out = []
    for i in range(H):
        a, b = divmod(mo - 1 + i, 12)
        out.append(f"{y + a:04d}-{b + 1:02d}")
    return out


def _org_figures(plan: Any, ic: dict, mg: dict, pay: dict, m: int) -> dict[str, Any]:
    N = sum(ic[t.id][m] for t in plan.teams)
    K = sum(mg[t.id][m] for t in plan.teams)
    span = (N + K - 1) / K if K > 0 else None
    if N == 0 or K == 0:
        needed: int | None = 0
    elif span <= 1:
        needed = None
    else:
        needed = int(max(1, ceil_star(math.log(N) / math.log(span))))
    parents = {t.id: t.parent for t in plan.teams}
    layers = 0
    for t in plan.teams:
        if ic[t.id][m] <= EPS:
            continue
        count, node = 0, t.id
        while node is not None:
            if mg[node][m] > EPS:
                count += 1
            node = parents[node]
        layers = max(layers, count)
    paths = 0.0
    for t in plan.teams:
        hc = ic[t.id][m] + mg[t.id][m]
        paths += max(0.0, hc * (hc - 1) / 2)
    return {"headcount": N + K, "ic": N, "managers": K, "avg_span": span,
            "ics_per_manager": N / K if K > 0 else None, "layers": layers,
            "layers_needed": needed, "coordination_paths": paths,
            "payroll_annual": sum(pay[t.id][m] for t in plan.teams) * 12}


def reference_summary(plan: Any) -> dict[str, Any]:
    s = plan.settings
    H = s.horizon_months
    hpm = s.hours_per_fte_year / 12
    share = 1.0 if s.headcount_policy == "redeploy" else s.redeploy_share
    teams = plan.teams

    IC, M, cic, cm = {}, {}, {}, {}
    for t in teams:
        IC[t.id] = sum(r.headcount for r in t.roles if r.kind == "ic")
        M[t.id] = sum(r.headcount for r in t.roles if r.kind == "manager")
        ic_pay = sum(r.headcount * r.annual_cost for r in t.roles if r.kind == "ic")
        m_pay = sum(r.headcount * r.annual_cost for r in t.roles if r.kind == "manager")
        cic[t.id] = ic_pay / IC[t.id] if IC[t.id] > 0 else 0.0
        cm[t.id] = m_pay / M[t.id] if M[t.id] > 0 else 0.0

    # section 2, per team and month
    F = {t.id: [0.0] * (H + 1) for t in teams}
    G = {t.id: [0.0] * (H + 1) for t in teams}
    hours = [0.0] * (H + 1)
    for w in plan.workflows:
        g = w.volume_growth_per_year if w.volume_growth_per_year is not None \
            else s.volume_growth_per_year
        B = w.volume_per_month * w.minutes_per_unit / 60
        for m in range(1, H + 1):
            v = idx(g, m)
            G[w.team][m] += B * (v - 1) / hpm
            if w.ai is not None:
                a = w.ai.adoption * _ramp(w.ai, m)
                S = B * v * a * (w.ai.time_saved - w.ai.review_overhead)
                F[w.team][m] += S / hpm
                hours[m] += S

    def span_of(t: Any, org: str) -> tuple[float | None, bool]:
        own = IC[t.id] / M[t.id] if IC[t.id] > 0 and M[t.id] > 0 else None
        if org != "P":
            return own, True
        target = t.target_span if t.target_span is not None else s.target_span
        return (own, True) if target is None else (target, False)

    def organisation(org: str) -> tuple[dict, dict, dict, list[float]]:
        ic = {t.id: [IC[t.id]] for t in teams}
        mg = {t.id: [M[t.id]] for t in teams}
        for t in teams:
            span, own = span_of(t, org)
            for m in range(1, H + 1):
                freed = F[t.id][m] if org in ("P", "A") else 0.0
                X = freed - G[t.id][m]
                D = -X if X <= 0 else -X * (1 - share)
                if IC[t.id] == 0:
                    tic, tmg = 0.0, M[t.id]
                else:
                    f = min(t.min_ic, IC[t.id])
                    tic = max(f, ceil_star(IC[t.id] + D))
                    if D <= 0:
                        tic = min(IC[t.id], tic)
                    if M[t.id] == 0 or tic == 0:
                        tmg = 0.0
                    elif own and abs(tic - IC[t.id]) <= EPS:
                        tmg = M[t.id]
                    else:
                        tmg = ceil_star(tic / span)
                if s.reduction == "attrition":
                    prev_ic, prev_mg = ic[t.id][m - 1], mg[t.id][m - 1]
                    new_ic = tic if tic >= prev_ic else max(
                        tic, prev_ic - IC[t.id] * s.attrition_per_year / 12)
                    new_mg = tmg if tmg >= prev_mg else max(
                        tmg, prev_mg - M[t.id] * s.attrition_per_year / 12)
                else:
                    new_ic, new_mg = tic, tmg
                ic[t.id].append(new_ic)
                mg[t.id].append(new_mg)
        pay = {}
        for t in teams:
            pay[t.id] = []
            for m in range(H + 1):
                w = 1.0 if m == 0 else idx(s.wage_growth_per_year, m)
                pay[t.id].append((ic[t.id][m] * cic[t.id] + mg[t.id][m] * cm[t.id]) * w / 12)
        sev = [0.0] * (H + 1)
        if s.reduction == "layoffs":
            for m in range(1, H + 1):
                total = 0.0
                for t in teams:
                    total += max(0.0, ic[t.id][m - 1] - ic[t.id][m]) * cic[t.id]
                    total += max(0.0, mg[t.id][m - 1] - mg[t.id][m]) * cm[t.id]
                sev[m] = s.severance_months / 12 * idx(s.wage_growth_per_year, m) * total
        return ic, mg, pay, sev

    icP, mgP, payP, sevP = organisation("P")
    icA, mgA, payA, _ = organisation("A")
    icC, mgC, payC, sevC = organisation("C")

    # section 4: compute of the plan org
    models = {x.id: x for x in plan.models}
    gpus = {g.id: g for g in plan.gpus}
    tin_t = [0.0] * (H + 1)
    tout_t = [0.0] * (H + 1)
    api = [0.0] * (H + 1)
    Tin = {x.id: [0.0] * (H + 1) for x in plan.models}
    Tout = {x.id: [0.0] * (H + 1) for x in plan.models}
    for w in plan.workflows:
        if w.compute is None or w.ai is None:
            continue
        c = w.compute
        g = w.volume_growth_per_year if w.volume_growth_per_year is not None \
            else s.volume_growth_per_year
        model = models[c.model]
        for m in range(1, H + 1):
            u = w.volume_per_month * idx(g, m) * w.ai.adoption * _ramp(w.ai, m)
            k = idx(s.token_growth_per_year, m)
            tin = u * c.calls_per_unit * c.input_tokens * k
            tout = u * c.calls_per_unit * c.output_tokens * k
            tin_t[m] += tin
            tout_t[m] += tout
            Tin[c.model][m] += tin
            Tout[c.model][m] += tout
            if model.hosting == "api":
                d = model.price_decline_per_year if model.price_decline_per_year is not None \
                    else s.price_decline_per_year
                cached = model.cached_input_per_mtok if model.cached_input_per_mtok is not None \
                    else model.input_per_mtok
                api[m] += (tin * ((1 - c.cached_share) * model.input_per_mtok
                                  + c.cached_share * cached)
                           + tout * model.output_per_mtok) / 1e6 * idx(-d, m)

    rent = [0.0] * (H + 1)
    energy_cost = [0.0] * (H + 1)
    overhead = [0.0] * (H + 1)
    capex = [0.0] * (H + 1)
    dep = [0.0] * (H + 1)
    gpus_n = [0.0] * (H + 1)
    kwh_t = [0.0] * (H + 1)
    fleets = []
    for x in plan.models:
        if x.hosting != "self":
            continue
        gpu = gpus[x.gpu]
        tg = x.throughput_gain_per_year if x.throughput_gain_per_year is not None \
            else s.throughput_gain_per_year
        f_prev = 0.0
        buys = [0.0] * (H + 1)
        last_f, last_busy = 0.0, 0.0
        for m in range(1, H + 1):
            bh = (Tin[x.id][m] / x.prefill_tokens_per_s
                  + Tout[x.id][m] / x.decode_tokens_per_s) / 3600 / idx(tg, m)
            gh = bh / x.utilization
            n = 0.0 if gh == 0 else x.gpus_per_replica * ceil_star(
                gh / 730 * s.peak_to_average / x.gpus_per_replica)
            q = idx(-s.gpu_price_decline_per_year, m)
            kwh_f = None
            if gpu.pricing == "cloud":
                f = n
                rent[m] += f * 730 * gpu.per_gpu_hour * q
            else:
                f = max(f_prev, n)
                buys[m] = (f - f_prev) * gpu.capex_per_gpu * q
                capex[m] += buys[m]
                for p in range(1, m + 1):
                    if m - p < gpu.amortization_months:
                        dep[m] += buys[p] / gpu.amortization_months
                overhead[m] += f * gpu.overhead_per_gpu_month
            kwh_f = f * gpu.watts_per_gpu / 1000 * 730 * s.pue
            kwh_t[m] += kwh_f
            if gpu.pricing == "owned":
                energy_cost[m] += kwh_f * s.usd_per_kwh
            gpus_n[m] += f
            f_prev = f
            last_f, last_busy = f, bh
        fleets.append({"model": x.id, "gpu": x.gpu, "gpus": int(round(last_f)),
                       "busy_share": None if last_f == 0 else last_busy / (last_f * 730)})

    seats = [0.0] * (H + 1)
    for t in teams:
        if t.ai_seats is None:
            continue
        for m in range(1, H + 1):
            hc = icP[t.id][m] + mgP[t.id][m]
            seats[m] += ceil_star(hc * t.ai_seats.coverage) * t.ai_seats.cost_per_seat_month

    labels = _labels(s.start_month, H)
    monthly = []
    for m in range(1, H + 1):
        pay_p = sum(payP[t.id][m] for t in teams)
        pay_a = sum(payA[t.id][m] for t in teams)
        pay_c = sum(payC[t.id][m] for t in teams)
        gpu_cost = rent[m] + energy_cost[m] + overhead[m]
        c_pnl = api[m] + gpu_cost + dep[m] + seats[m]
        c_cash = api[m] + gpu_cost + capex[m] + seats[m]
        one_off = s.implementation_cost if m == 1 else 0.0
        sav = pay_c - pay_p
        extra = sevP[m] - sevC[m]
        monthly.append({
            "m": m, "month": labels[m - 1],
            "headcount": sum(icP[t.id][m] + mgP[t.id][m] for t in teams),
            "ic": sum(icP[t.id][m] for t in teams), "managers": sum(mgP[t.id][m] for t in teams),
            "headcount_without_ai": sum(icC[t.id][m] + mgC[t.id][m] for t in teams),
            "fte_freed": sum(F[t.id][m] for t in teams), "hours_saved": hours[m],
            "payroll": pay_p, "payroll_without_ai": pay_c, "payroll_savings": sav,
            "payroll_savings_ai": pay_c - pay_a, "payroll_savings_structure": pay_a - pay_p,
            "tokens_in": tin_t[m], "tokens_out": tout_t[m], "api_cost": api[m],
            "gpu_cost": gpu_cost, "gpus": int(round(gpus_n[m])), "energy_kwh": kwh_t[m],
            "seat_cost": seats[m], "capex": capex[m], "depreciation": dep[m],
            "compute_pnl": c_pnl, "compute_cash": c_cash, "severance": sevP[m],
            "severance_without_ai": sevC[m], "one_off": one_off,
            "net_pnl": sav - c_pnl - extra - one_off, "net_cash": sav - c_cash - extra - one_off,
        })

    running, payback = 0.0, None
    for row in monthly:
        running += row["net_cash"]
        if running >= 0:
            payback = row["m"]
            break
    if all(row["net_cash"] == 0 for row in monthly):
        payback = None
    npv = sum(row["net_cash"] / (1 + s.discount_rate_per_year) ** (row["m"] / 12)
              for row in monthly)

    years = []
    for y in range(1, (H + 11) // 12 + 1):
        rows = monthly[12 * (y - 1): 12 * y]
        yr: dict[str, Any] = {"year": y}
        for key in ("payroll_savings", "payroll_savings_ai", "payroll_savings_structure",
                    "compute_pnl", "compute_cash", "severance", "severance_without_ai",
                    "one_off", "net_pnl", "net_cash"):
            yr[key] = sum(r[key] for r in rows)
        years.append(yr)

    base = _org_figures(plan, icP, mgP, payP, 0)
    final = _org_figures(plan, icP, mgP, payP, H)
    last = monthly[-1]
    final.update({
        "headcount_without_ai": last["headcount_without_ai"], "fte_freed": last["fte_freed"],
        "hours_saved_per_month": last["hours_saved"],
        "tokens_per_month": last["tokens_in"] + last["tokens_out"], "gpus": last["gpus"],
        "energy_kwh_per_month": last["energy_kwh"], "compute_per_month": last["compute_pnl"],
        "compute_to_payroll": last["compute_pnl"] / last["payroll"] if last["payroll"] else None,
        "fleets": fleets,
    })
    team_rows = []
    for t in teams:
        team_rows.append({
            "id": t.id, "name": t.name, "baseline_headcount": IC[t.id] + M[t.id],
            "final_headcount": icP[t.id][H] + mgP[t.id][H],
            "headcount_without_ai": icC[t.id][H] + mgC[t.id][H], "fte_freed": F[t.id][H],
            "payroll_savings_annual": (payC[t.id][H] - payP[t.id][H]) * 12})
    return {
        "name": plan.name, "currency": plan.currency, "horizon_months": H,
        "compression_ratio": (last["headcount_without_ai"] / last["headcount"]
                              if last["headcount"] else None),
        "payback_month": payback,
        "cumulative_net_cash": sum(r["net_cash"] for r in monthly),
        "cumulative_net_pnl": sum(r["net_pnl"] for r in monthly),
        "npv_net_cash": npv,
        "cumulative_savings_from_ai": sum(r["payroll_savings_ai"] for r in monthly),
        "cumulative_savings_from_structure": sum(r["payroll_savings_structure"] for r in monthly),
        "baseline": base, "final": final, "years": years, "monthly": monthly, "teams": team_rows,
    }
