"""The calculation of MODEL.md sections 2-5 over prepared :class:`Inputs`.

Every array carries a leading batch axis ``D`` (draws or scenarios; 1 for one plan), then
items (teams, workflows, models), then months: 0..H for people and payroll (column 0 is
today), 1..H for compute and money. Values that do not vary across the batch keep a batch
axis of length 1 and broadcast, so a batch costs only what varies.

Three organisations (MODEL.md 3.1): P, the plan; A, the plan's AI with today's structure;
C, the same organisation without AI. A exists only to split savings into "from AI" and
"from structure"; risk runs that do not need the split skip it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from .formulas import (
    EPS,
    HOURS_PER_MONTH,
    ceil_star,
    depreciation,
    discount_factors,
    fleet_needed,
    idx,
    index_with_baseline,
)
from .inputs import Inputs


class Grouping:
    """Sums rows of items into groups (workflows into teams or models) with one reduceat."""

    def __init__(self, index: np.ndarray, n: int) -> None:
        valid = np.flatnonzero(index >= 0)
        self.order = valid[np.argsort(index[valid], kind="stable")]
        self.groups, self.starts = np.unique(index[self.order], return_index=True)
        self.n = n

    def sum(self, x: np.ndarray) -> np.ndarray:
        """``x`` (..., items, H) -> (..., n, H)."""
        out = np.zeros((*x.shape[:-2], self.n, x.shape[-1]))
        if self.order.size:
            xs = np.take(x, self.order, axis=-2)
            out[..., self.groups, :] = np.add.reduceat(xs, self.starts, axis=-2)
        return out


def aggregate(coef: np.ndarray, group: np.ndarray, n_groups: int, key: np.ndarray,
              n_keys: int) -> np.ndarray:
    """``A[d, g, k]`` = sum of ``coef[d, w]`` over items w in group g with key k.

    ``coef`` is (D|1, W); items whose group is -1 are left out. One bincount for a single
    plan, one reduceat over the sorted items for a batch.
    """
    valid = group >= 0
    flat = group[valid] * n_keys + key[valid]
    D = coef.shape[0]
    if D == 1 or not flat.size:
        rows = [np.bincount(flat, weights=coef[d, valid], minlength=n_groups * n_keys)
                for d in range(D)] if flat.size else [np.zeros(n_groups * n_keys)] * D
        return np.stack(rows).reshape(D, n_groups, n_keys)
    order = np.argsort(flat, kind="stable")
    uniq, starts = np.unique(flat[order], return_index=True)
    sums = np.add.reduceat(coef[:, valid][:, order], starts, axis=1)
    out = np.zeros((D, n_groups * n_keys))
    out[:, uniq] = sums
    return out.reshape(D, n_groups, n_keys)


def keyed_sum(coef: np.ndarray, group: np.ndarray, n_groups: int, key: np.ndarray,
              matrix: np.ndarray) -> np.ndarray:
    """``sum_w coef[d, w] x matrix[d, key_w, m]`` per group: (D, n_groups, months).

    Aggregates per (group, key) first when that table is small (the usual case: a few ramps
    and growth rates), else expands per workflow and sums (many distinct keys, e.g. a batch
    that varies every workflow's growth)."""
    W, K = coef.shape[-1], matrix.shape[-2]
    if n_groups * K <= 16 * W + 4096:
        return aggregate(coef, group, n_groups, key, K) @ matrix
    per_wf = coef[..., None] * np.take(matrix, key, axis=-2)
    return Grouping(group, n_groups).sum(per_wf)


def profile_sum(coef: np.ndarray, group: np.ndarray, n_groups: int, prof: Profiles,
                first_month: int = 0) -> np.ndarray:
    """``sum_w coef[d, w] x profile_w(m)`` per group, months from ``first_month``."""
    return keyed_sum(coef, group, n_groups, prof.prof, prof.matrix[..., first_month:])


@dataclass
class Profiles:
    """Workflows grouped by how their work changes over time: volume index x ramp.

    Each workflow's monthly figures are a coefficient times its profile ``matrix[p]``
    (MODEL.md 2: ``S_w(m) = B_w a_w net_w x v_w(m) r_w(m)``), so sums over workflows are
    formed per (team or model, profile) first and expanded over months once.
    """

    matrix: np.ndarray      # (D|1, P, H+1): v(m) * r(m) of each profile
    volume: np.ndarray      # (D|1, n_g, H+1): v(m) of each growth rate
    prof: np.ndarray        # (W,) profile of each workflow
    growth_key: np.ndarray  # (W,) growth rate of each workflow

    @property
    def P(self) -> int:
        return self.matrix.shape[-2]

    @classmethod
    def of(cls, inp: Inputs, plan_rate: np.ndarray, own_rate: np.ndarray,
           months: np.ndarray) -> Profiles:
        W = inp.W
        key = np.zeros(W, dtype=np.int64)
        if own_rate.shape[0] == 1:               # one value per workflow: group equal rates
            has = ~np.isnan(own_rate[0])
            uniq, inv = np.unique(own_rate[0, has], return_inverse=True)
            key[has] = 1 + inv.reshape(-1)
            own = np.broadcast_to(uniq[None, :], (plan_rate.shape[0], uniq.size))
        else:                                    # rates vary across the batch
            cols = np.flatnonzero(~np.isnan(own_rate).all(axis=0))
            key[cols] = 1 + np.arange(cols.size)
            sub = own_rate[:, cols]
            own = np.where(np.isnan(sub), plan_rate, sub)
        rates = np.concatenate([np.broadcast_to(plan_rate, (own.shape[0], 1)), own], axis=1)
        volume = index_with_baseline(rates[..., None], months)
        n_r = max(1, inp.ramps.shape[0])
        pk = key * n_r + inp.wf_ramp
        uniq_p, prof = np.unique(pk, return_inverse=True)
        g_of, r_of = uniq_p // n_r, uniq_p % n_r
        ramps = inp.ramps if inp.ramps.size else np.ones((1, months.size))
        matrix = volume[:, g_of, :] * ramps[None, r_of, :]
        return cls(matrix=matrix, volume=volume, prof=prof.reshape(-1).astype(np.int64),
                   growth_key=key)


def _items(x: Any) -> np.ndarray:
    """An item array as (D|1, n)."""
    a = np.asarray(x, dtype=np.float64)
    return a[None, :] if a.ndim == 1 else a


def _setting(x: Any) -> np.ndarray:
    """A setting as (D|1, 1, 1)."""
    return np.asarray(x, dtype=np.float64).reshape(-1, 1, 1)


@dataclass
class Org:
    """One organisation's people and money (D, T, H+1), its severance (D, H) and the targets
    its path follows (D, T, H: MODEL.md 3.2 ``tic``, ``tmg``; the Excel export shows them)."""

    ic: np.ndarray
    mgr: np.ndarray
    pay: np.ndarray
    severance: np.ndarray
    target_ic: np.ndarray
    target_mgr: np.ndarray

    @property
    def hc(self) -> np.ndarray:
        return self.ic + self.mgr


@dataclass
class WorkflowDetail:
    """Per-workflow monthly figures, expanded from coefficients when asked for."""

    profiles: Profiles
    c_saved: np.ndarray
    c_in: np.ndarray
    c_out: np.ndarray
    c_api: np.ndarray
    k: np.ndarray
    price_idx: np.ndarray
    model: np.ndarray

    def hours_saved(self, d: int = 0) -> np.ndarray:
        """S_w(m), W x (H+1)."""
        m = self.profiles.matrix
        return self.c_saved[min(d, len(self.c_saved) - 1)][:, None] * m[min(d, len(m) - 1)][
            self.profiles.prof]

    def _monthly(self, coef: np.ndarray, d: int) -> np.ndarray:
        m = self.profiles.matrix
        k = self.k[min(d, len(self.k) - 1)]
        return (coef[min(d, len(coef) - 1)][:, None]
                * m[min(d, len(m) - 1)][self.profiles.prof][:, 1:] * k)

    def tokens_in(self, d: int = 0) -> np.ndarray:
        return self._monthly(self.c_in, d)

    def tokens_out(self, d: int = 0) -> np.ndarray:
        return self._monthly(self.c_out, d)

    def api_cost(self, d: int = 0) -> np.ndarray:
        out = self._monthly(self.c_api, d)
        if not self.price_idx.shape[-2]:
            return out
        p = self.price_idx[min(d, len(self.price_idx) - 1)]
        return out * p[self.model]


@dataclass
class Raw:
    """Everything the kernel computed; see the module docstring for the axes."""

    inputs: Inputs
    # teams
    IC: np.ndarray            # (D, T) baseline ICs
    M: np.ndarray
    c_ic: np.ndarray
    c_mgr: np.ndarray
    span: np.ndarray          # (D, T) the plan's span per team (nan = unused)
    fte: np.ndarray           # (D, T, H+1) F_t(m), gross FTE freed by AI
    growth_fte: np.ndarray    # (D, T, H+1) G_t(m), extra work from volume change
    plan: Org
    without_ai: Org
    ai_only: Org | None
    seats: np.ndarray         # (D, T, H)
    workflows: WorkflowDetail | None    # per-workflow figures, on demand (None unless detail)
    # models (D, J, H)
    model_tokens_in: np.ndarray
    model_tokens_out: np.ndarray
    model_api_cost: np.ndarray
    busy_hours: np.ndarray
    gpu_hours: np.ndarray
    fleet: np.ndarray
    rental: np.ndarray
    capex: np.ndarray
    depreciation: np.ndarray
    kwh: np.ndarray
    energy_cost: np.ndarray
    overhead: np.ndarray
    # org totals (D, H) and figures (D,)
    hours_saved: np.ndarray
    totals: dict[str, np.ndarray]
    npv: np.ndarray


def run(inp: Inputs, *, ai_only: bool = True, detail: bool = True) -> Raw:
    """Compute every month of every organisation for each member of the batch."""
    V = inp.values
    H, T = inp.H, inp.T
    m0 = np.arange(H + 1, dtype=np.float64)
    m1 = m0[1:]

    def S(key: str) -> np.ndarray:
        return _setting(V[f"settings.{key}"])

    def I(key: str) -> np.ndarray:  # noqa: E743 - MODEL.md's item arrays
        return _items(V[key])[..., None]

    hpm = S("hours_per_fte_year") / 12.0

    # ----- work and AI (section 2) -----------------------------------------------------
    prof = Profiles.of(inp, _items(V["settings.volume_growth_per_year"]).reshape(-1, 1),
                       _items(V["workflow.volume_growth_per_year"]), m0)
    B = _items(V["workflow.volume_per_month"]) * _items(V["workflow.minutes_per_unit"]) / 60.0
    adoption = _items(V["ai.adoption"])
    net = _items(V["ai.time_saved"]) - _items(V["ai.review_overhead"])
    c_saved = B * adoption * net                           # S_w(m) = c_w x profile(m)
    saved_t = profile_sum(c_saved, inp.wf_team, T, prof)                  # hours, per team
    fte = saved_t / hpm                                                   # F_t(m)
    growth = keyed_sum(B, inp.wf_team, T, prof.growth_key, prof.volume - 1.0) / hpm  # G_t(m)

    # ----- people (section 3) ----------------------------------------------------------
    hc_r = _items(V["role.headcount"])
    cost_r = _items(V["role.annual_cost"])
    by_role = Grouping(inp.role_team, T)
    is_ic = inp.role_is_ic[None, :, None]
    IC = by_role.sum(hc_r[..., None] * is_ic)[..., 0]
    M = by_role.sum(hc_r[..., None] * ~is_ic)[..., 0]
    pay_ic = by_role.sum((hc_r * cost_r)[..., None] * is_ic)[..., 0]
    pay_m = by_role.sum((hc_r * cost_r)[..., None] * ~is_ic)[..., 0]
    with np.errstate(divide="ignore", invalid="ignore"):
        c_ic = np.where(IC > 0, pay_ic / np.where(IC > 0, IC, 1.0), 0.0)
        c_mgr = np.where(M > 0, pay_m / np.where(M > 0, M, 1.0), 0.0)
        own_span = np.where((IC > 0) & (M > 0), IC / np.where(M > 0, M, 1.0), np.nan)
    team_span = _items(V["team.target_span"])
    target = np.where(np.isnan(team_span), _items(V["settings.target_span"]).reshape(-1, 1),
                      team_span)
    plan_span = np.where(np.isnan(target), own_span, target)

    share = np.ones((1, 1, 1)) if inp.redeploy else S("redeploy_share")
    wage = index_with_baseline(S("wage_growth_per_year"), m0)            # (D|1, 1, H+1)
    attrition = S("attrition_per_year")
    ICc, Mc = IC[..., None], M[..., None]
    floor = np.minimum(I("team.min_ic"), ICc)

    def organisation(freed: np.ndarray | None, span: np.ndarray, own: np.ndarray) -> Org:
        X = (freed[..., 1:] if freed is not None else 0.0) - growth[..., 1:]
        Dn = np.where(X <= 0, -X, -X * (1.0 - share))
        raw = ceil_star(ICc + Dn)
        tic = np.where(Dn <= 0, np.minimum(ICc, np.maximum(floor, raw)), np.maximum(floor, raw))
        tic = np.where(ICc == 0, 0.0, tic)
        keep = own[..., None] & (np.abs(tic - ICc) <= EPS)
        with np.errstate(divide="ignore", invalid="ignore"):
            per_span = ceil_star(tic / span[..., None])
        tmg = np.where((Mc == 0) | (tic == 0), 0.0, np.where(keep, Mc, per_span))
        tmg = np.where(ICc == 0, Mc, tmg)
        ic = _path(ICc, tic, attrition, inp.attrition, m1)
        mg = _path(Mc, tmg, attrition, inp.attrition, m1)
        pay = (ic * c_ic[..., None] + mg * c_mgr[..., None]) * wage / 12.0
        if inp.attrition:
            sev = np.zeros((*pay.shape[:-2], H))
        else:
            drop = (np.maximum(0.0, ic[..., :-1] - ic[..., 1:]) * c_ic[..., None]
                    + np.maximum(0.0, mg[..., :-1] - mg[..., 1:]) * c_mgr[..., None])
            sev = S("severance_months")[..., 0] / 12.0 * wage[:, 0, 1:] * drop.sum(axis=-2)
        return Org(ic, mg, pay, sev, tic, tmg)

    own_all = np.ones_like(own_span, dtype=bool)
    plan_own = np.isnan(target) & own_all
    P = organisation(fte, plan_span, plan_own)
    C = organisation(None, own_span, own_all)
    A = organisation(fte, own_span, own_all) if ai_only else None

    # ----- compute (section 4, the plan org) -------------------------------------------
    J = inp.J
    has_model = inp.wf_model >= 0
    k = idx(S("token_growth_per_year"), m1)                                # k(m)
    units = _items(V["workflow.volume_per_month"]) * adoption * has_model[None, :]
    per_call = units * _items(V["compute.calls_per_unit"])
    c_in = per_call * _items(V["compute.input_tokens"])                   # tin_w = c x prof x k
    c_out = per_call * _items(V["compute.output_tokens"])
    midx = np.where(has_model, inp.wf_model, 0)
    Tin = profile_sum(c_in, inp.wf_model, J, prof, 1) * k
    Tout = profile_sum(c_out, inp.wf_model, J, prof, 1) * k
    if J:
        d_own = _items(V["model.price_decline_per_year"])
        d = np.where(np.isnan(d_own), _items(V["settings.price_decline_per_year"]).reshape(-1, 1),
                     d_own)
        price_idx = idx(-d[..., None], m1)                                 # p_j(m)
        pin = _items(V["model.input_per_mtok"])
        pout = _items(V["model.output_per_mtok"])
        pc_own = _items(V["model.cached_input_per_mtok"])
        pc = np.where(np.isnan(pc_own), pin, pc_own)
        cs = _items(V["compute.cached_share"])
        rate_in = (1.0 - cs) * pin[:, midx] + cs * pc[:, midx]
        api_wf = (has_model & inp.model_is_api[midx])[None, :]
        c_api = np.where(api_wf, (c_in * rate_in + c_out * pout[:, midx]) / 1e6, 0.0)
        api_model = profile_sum(c_api, inp.wf_model, J, prof, 1) * k * price_idx
    else:
        price_idx = np.ones((1, 0, H))
        c_api = np.zeros_like(c_in)
        api_model = np.zeros((1, 0, H))
    detail_of = WorkflowDetail(prof, c_saved, c_in, c_out, c_api, k, price_idx, midx) \
        if detail else None

    selfh = ~inp.model_is_api
    tg_own = _items(V["model.throughput_gain_per_year"])
    tg = np.where(np.isnan(tg_own), _items(V["settings.throughput_gain_per_year"]).reshape(-1, 1),
                  tg_own)
    speed = idx(tg[..., None], m1)                                          # e_j(m)
    busy = ((Tin / _items(V["model.prefill_tokens_per_s"])[..., None]
             + Tout / _items(V["model.decode_tokens_per_s"])[..., None]) / 3600.0 / speed)
    busy = np.where(selfh[None, :, None], busy, 0.0)
    gh = busy / _items(V["model.utilization"])[..., None]
    need = fleet_needed(gh, inp.per_replica[None, :, None], S("peak_to_average"))

    gidx = np.where(inp.model_gpu >= 0, inp.model_gpu, 0)

    def per_model(key: str) -> np.ndarray:
        """A GPU value for each model's fleet, (D|1, J, 1) (0 without GPUs)."""
        if not inp.G:
            return np.zeros((1, J, 1))
        return _items(V[key])[:, gidx, None]

    owned_m = (selfh & (inp.gpu_owned[gidx] if inp.G else False))[None, :, None]
    cloud_m = (selfh & ~(inp.gpu_owned[gidx] if inp.G else True))[None, :, None]
    fleet = np.where(owned_m, np.maximum.accumulate(need, axis=-1) if H else need, need)
    fleet = np.where(selfh[None, :, None], fleet, 0.0)
    q = idx(-S("gpu_price_decline_per_year"), m1)                          # q(m)
    rental = np.where(cloud_m, fleet * HOURS_PER_MONTH * per_model("gpu.per_gpu_hour") * q, 0.0)
    added = np.diff(fleet, axis=-1, prepend=0.0)
    capex = np.where(owned_m, added * per_model("gpu.capex_per_gpu") * q, 0.0)
    amort = inp.amort[gidx] if inp.G else np.ones(J, dtype=np.int64)
    dep = np.where(owned_m, depreciation(capex, amort), 0.0) if J else capex
    kwh = np.where(selfh[None, :, None],
                   fleet * per_model("gpu.watts_per_gpu") / 1000.0 * HOURS_PER_MONTH * S("pue"),
                   0.0)
    energy_cost = np.where(owned_m, kwh * S("usd_per_kwh"), 0.0)
    overhead = np.where(owned_m, fleet * per_model("gpu.overhead_per_gpu_month"), 0.0)

    seats = np.where(inp.has_seats[None, :, None],
                     ceil_star(P.hc[..., 1:] * I("ai_seats.coverage"))
                     * I("ai_seats.cost_per_seat_month"), 0.0)

    # ----- money (section 5) -----------------------------------------------------------
    def total(x: np.ndarray) -> np.ndarray:
        return x.sum(axis=-2)

    pay_p, pay_c = total(P.pay), total(C.pay)
    api = total(api_model)
    gpu_cost = total(rental) + total(energy_cost) + total(overhead)
    dep_t, capex_t, seat_t = total(dep), total(capex), total(seats)
    compute_pnl = api + gpu_cost + dep_t + seat_t
    compute_cash = api + gpu_cost + capex_t + seat_t
    savings = pay_c[..., 1:] - pay_p[..., 1:]
    one_off = np.zeros(H)
    if H:
        one_off[0] = 1.0
    one_off = one_off * np.asarray(V["settings.implementation_cost"], dtype=np.float64).reshape(-1, 1)
    extra_sev = P.severance - C.severance
    net_pnl = savings - compute_pnl - extra_sev - one_off
    net_cash = savings - compute_cash - extra_sev - one_off
    disc = discount_factors(np.asarray(V["settings.discount_rate_per_year"]).reshape(-1, 1), m1)
    npv = (net_cash * disc).sum(axis=-1)
    totals = {
        "payroll": pay_p[..., 1:], "payroll_without_ai": pay_c[..., 1:],
        "payroll_savings": savings, "api_cost": api, "gpu_cost": gpu_cost,
        "seat_cost": seat_t, "capex": capex_t, "depreciation": dep_t,
        "compute_pnl": compute_pnl, "compute_cash": compute_cash,
        "severance": P.severance, "severance_without_ai": C.severance,
        "one_off": np.broadcast_to(one_off, net_cash.shape), "net_pnl": net_pnl,
        "net_cash": net_cash,
    }
    if A is not None:
        pay_a = total(A.pay)
        totals["payroll_savings_ai"] = pay_c[..., 1:] - pay_a[..., 1:]
        totals["payroll_savings_structure"] = pay_a[..., 1:] - pay_p[..., 1:]

    return Raw(
        inputs=inp, IC=IC, M=M, c_ic=c_ic, c_mgr=c_mgr, span=plan_span, fte=fte,
        growth_fte=growth, plan=P, without_ai=C, ai_only=A, seats=seats,
        workflows=detail_of,
        model_tokens_in=Tin, model_tokens_out=Tout, model_api_cost=api_model,
        busy_hours=busy, gpu_hours=gh, fleet=fleet, rental=rental, capex=capex,
        depreciation=dep, kwh=kwh, energy_cost=energy_cost, overhead=overhead,
        hours_saved=total(saved_t)[..., 1:], totals=totals, npv=npv,
    )


def _path(base: np.ndarray, target: np.ndarray, rate: np.ndarray, attrition: bool,
          months: np.ndarray) -> np.ndarray:
    """Headcount over months 0..H from today's ``base`` towards each month's ``target``.

    Layoffs: the target, at once. Attrition (MODEL.md 3.3): ``x(m) = max(target(m),
    x(m-1) - base * rate / 12)``, which unrolls to ``cummax_k(target(k) + k r) - m r``
    (month 0 is ``base``): hires at once, departures at the attrition pace.
    """
    r = base * rate / 12.0
    shape = np.broadcast_shapes(target.shape, (r * months).shape, base.shape)
    lead = np.broadcast_to(base, shape[:-1] + (1,))
    target = np.broadcast_to(target, shape)
    if not attrition:
        return np.concatenate([lead, target], axis=-1)
    seq = np.concatenate([lead, target + r * months], axis=-1)
    m0 = np.concatenate([[0.0], months])
    return np.maximum.accumulate(seq, axis=-1) - r * m0
