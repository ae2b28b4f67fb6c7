"""The calculation of MODEL.md sections 2-4, vectorised over teams x workflows x months.

Arrays have a month axis 0..H (column 0 is the baseline) for people and money, and
1..H for compute. Names follow MODEL.md (``F`` FTE freed, ``ic``, ``mgr``, ...).
"""

from __future__ import annotations

import numpy as np

from ..model import Plan
from .arrays import gpu_arrays, model_arrays, team_arrays, workflow_arrays
from .result import Result

EPS = 1e-9
HOURS_PER_MONTH = 730.0


def ceil_star(x: np.ndarray) -> np.ndarray:
    """``ceil(x - 1e-9)``: a ceiling that ignores float noise (10.0000000001 -> 10)."""
    return np.ceil(x - EPS)


def _sum_by(index: np.ndarray, values: np.ndarray, n: int) -> np.ndarray:
    """Rows of ``values`` (k x H) summed into ``n`` groups by ``index`` (k), -> n x H."""
    h = values.shape[1]
    if index.size == 0:
        return np.zeros((n, h))
    flat = (index[:, None] * h + np.arange(h)[None, :]).ravel()
    return np.bincount(flat, weights=values.ravel(), minlength=n * h).reshape(n, h)


def ramp(ramp_months: np.ndarray, s_curve: np.ndarray, months: np.ndarray) -> np.ndarray:
    """r_w(m): share of the full AI effect reached by month m (workflows x months).

    Workflows share a handful of ramps (months x shape), so each distinct ramp is computed
    once and gathered per workflow.
    """
    if ramp_months.size == 0:
        return np.zeros((0, months.size))
    keys = ramp_months * 2 + s_curve
    uniq, inverse = np.unique(keys, return_inverse=True)
    rm = (uniq // 2)[:, None]
    curve = (uniq % 2).astype(bool)[:, None]
    with np.errstate(divide="ignore", invalid="ignore"):
        x = np.where(rm > 0, np.minimum(1.0, months[None, :] / np.where(rm > 0, rm, 1.0)), 1.0)
    profiles = np.where(curve, 3 * x**2 - 2 * x**3, x)
    return profiles[inverse.reshape(-1)]


def layers(n: np.ndarray, k: np.ndarray) -> np.ndarray:
    """Layers of management needed for N ICs and K managers (nan = undefined, N/K <= 1)."""
    out = np.zeros_like(n, dtype=np.float64)
    ok = (n > 0) & (k > 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(ok, n / np.where(k > 0, k, 1.0), 0.0)
        flat = ok & (ratio <= 1)
        val = np.maximum(1, ceil_star(np.log(np.where(ok, n, 1.0)) / np.log(np.where(ratio > 1, ratio, 2.0))))
    out = np.where(ok, val, 0.0)
    return np.where(flat, np.nan, out)


def compute(plan: Plan) -> Result:
    """Compression, compute and money for every month of the plan."""
    s = plan.settings
    H = s.horizon_months
    m_all = np.arange(H + 1, dtype=np.float64)   # 0..H
    m1 = m_all[1:]                               # 1..H
    hpm = s.hours_per_fte_year / 12.0

    ta = team_arrays(plan)
    T = len(ta.ids)
    team_index = {t: i for i, t in enumerate(ta.ids)}
    ga = gpu_arrays(plan)
    gpu_index = {g: i for i, g in enumerate(ga.ids)}
    ma = model_arrays(plan, gpu_index)
    model_index = {m: i for i, m in enumerate(ma.ids)}
    wa = workflow_arrays(plan, team_index, model_index)

    # --- People (section 2) -------------------------------------------------------------
    base_hours = wa.volume * wa.minutes / 60.0                        # B_w
    adopt = wa.adoption[:, None] * ramp(wa.ramp_months, wa.s_curve, m_all)  # a_w(m), W x (H+1)
    saved = base_hours[:, None] * adopt * wa.net_saved[:, None]      # S_w(m)
    fte = _sum_by(wa.team, saved, T) / hpm                           # F_t(m)
    IC, M = ta.ic[:, None], ta.mgr[:, None]
    if s.headcount_policy == "reduce":
        kept = ceil_star(IC - fte * (1.0 - s.redeploy_share))
        ic = np.minimum(IC, np.maximum(ta.min_ic[:, None], kept))
    else:
        ic = np.repeat(IC, H + 1, axis=1)
    ic[:, 0] = ta.ic
    span = np.where(np.isnan(ta.span), 1.0, ta.span)[:, None]
    mgr = np.where(IC == 0, M, np.where((M == 0) | (ic == 0), 0.0, ceil_star(ic / span)))
    mgr[:, 0] = ta.mgr
    hc = ic + mgr

    # --- Compute (section 3) ------------------------------------------------------------
    price = (1.0 - s.price_decline_per_year) ** ((m1 - 1.0) / 12.0)   # p(m)
    growth = (1.0 + s.token_growth_per_year) ** ((m1 - 1.0) / 12.0)  # k(m)
    has_model = wa.model >= 0
    units = wa.volume[:, None] * adopt[:, 1:] * has_model[:, None]    # u_w(m)
    tok_in = units * (wa.calls * wa.tok_in)[:, None] * growth[None, :]
    tok_out = units * (wa.calls * wa.tok_out)[:, None] * growth[None, :]

    midx = np.where(has_model, wa.model, 0)
    api_wf = has_model & (ma.is_api[midx] if ma.ids else np.zeros_like(has_model))
    if ma.ids:
        in_rate = (1.0 - wa.cached) * ma.price_in[midx] + wa.cached * ma.price_cached[midx]
        out_rate = ma.price_out[midx]
    else:
        in_rate = out_rate = np.zeros(len(wa.ids))
    api_cost_wf = np.where(api_wf[:, None],
                           (tok_in * in_rate[:, None] + tok_out * out_rate[:, None]) / 1e6 * price[None, :],
                           0.0)
    J = len(ma.ids)
    Tin = _sum_by(wa.model[has_model], tok_in[has_model], J)            # per model, J x H
    Tout = _sum_by(wa.model[has_model], tok_out[has_model], J)
    api_cost_model = _sum_by(wa.model[has_model], api_cost_wf[has_model], J)

    selfh = ~ma.is_api
    gh = (Tin / ma.prefill[:, None] + Tout / ma.decode[:, None]) / 3600.0 / ma.utilization[:, None]
    gh = np.where(selfh[:, None], gh, 0.0)
    rep = ma.per_replica[:, None]
    need = np.where(gh > 0, rep * ceil_star(gh / HOURS_PER_MONTH * s.peak_to_average / rep), 0.0)
    gidx = np.where(ma.gpu >= 0, ma.gpu, 0)

    def per_model(values: np.ndarray, default: float) -> np.ndarray:
        """A GPU attribute for each model's fleet (``default`` for API models / no GPUs)."""
        return values[gidx] if ga.ids else np.full(J, default, dtype=values.dtype)

    owned = selfh & per_model(ga.owned, False)
    fleet = np.where(owned[:, None], np.maximum.accumulate(need, axis=1) if H else need, need)
    added = np.diff(fleet, axis=1, prepend=0.0)
    capex = np.where(owned[:, None], added * per_model(ga.capex, 0.0)[:, None], 0.0)
    amort = per_model(ga.amort, 1.0).astype(np.int64)
    cum = np.cumsum(capex, axis=1)
    lagged = np.zeros_like(cum)
    for a in np.unique(amort):                      # one pass per distinct amortisation window
        rows = amort == a
        if a < H:
            lagged[rows, a:] = cum[rows, : H - a]
    depreciation = np.where(owned[:, None], (cum - lagged) / amort[:, None], 0.0)
    watts = per_model(ga.watts, 0.0)
    kwh = np.where(selfh[:, None], fleet * watts[:, None] / 1000.0 * HOURS_PER_MONTH * s.pue, 0.0)
    cloud = selfh & ~owned
    per_hour = per_model(ga.per_hour, 0.0)
    rental = np.where(cloud[:, None], fleet * HOURS_PER_MONTH * per_hour[:, None], 0.0)
    energy_cost = np.where(owned[:, None], kwh * s.usd_per_kwh, 0.0)
    fleet = np.where(selfh[:, None], fleet, 0.0)

    seats = np.where(ta.has_seats[:, None],
                     ceil_star(hc[:, 1:] * ta.seat_coverage[:, None]) * ta.seat_cost[:, None], 0.0)

    # --- Money (section 4) --------------------------------------------------------------
    pay_t = (ic * ta.c_ic[:, None] + mgr * ta.c_mgr[:, None]) / 12.0
    drop_ic = np.maximum(0.0, ic[:, :-1] - ic[:, 1:]) * ta.c_ic[:, None]
    drop_m = np.maximum(0.0, mgr[:, :-1] - mgr[:, 1:]) * ta.c_mgr[:, None]
    severance = s.severance_months / 12.0 * (drop_ic + drop_m).sum(axis=0)

    return Result(
        plan=plan, team_arrays=ta, workflow_ids=wa.ids, workflow_team=wa.team,
        model_ids=ma.ids, model_is_api=ma.is_api,
        ic=ic, mgr=mgr, hc=hc, fte=fte, pay=pay_t,
        wf_hours_saved=saved, wf_tokens_in=tok_in, wf_tokens_out=tok_out, wf_api_cost=api_cost_wf,
        model_tokens_in=Tin, model_tokens_out=Tout, model_api_cost=api_cost_model,
        gpu_hours=gh, fleet=fleet, capex=capex, depreciation=depreciation, kwh=kwh,
        rental=rental, energy_cost=energy_cost, seats=seats, severance=severance,
    )
