"""Every number the workbook shows, from the engine: the cached results of its formulas
and the contents of a ``--values`` workbook."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np

from ...engine import compute
from ...engine.formulas import (
    EPS,
    HOURS_PER_MONTH,
    discount_factors,
    idx,
    index_with_baseline,
    layers_needed,
    span_of_control,
)
from ...engine.result import Result
from ...model import ApiModel, OwnedGpu, Plan, SelfHostedModel
from .layout import Layout


@dataclass(eq=False)
class Figures:
    plan: Plan
    result: Result

    @classmethod
    def of(cls, plan: Plan) -> Figures:
        return cls(plan=plan, result=compute(plan))

    # ----- calendar -------------------------------------------------------------------
    @cached_property
    def months(self) -> np.ndarray:
        return np.arange(1, self.result.horizon + 1, dtype=np.float64)

    @cached_property
    def calendar(self) -> dict[str, np.ndarray]:
        s, m = self.plan.settings, self.months
        cash = np.cumsum(self.result.series["net_cash"])
        return {
            "token_factor": idx(s.token_growth_per_year, m),
            "gpu_price_factor": idx(-s.gpu_price_decline_per_year, m),
            "wage_index": idx(s.wage_growth_per_year, m),
            "discount": discount_factors(s.discount_rate_per_year, m),
            "hc_today": np.full(m.size, float(self.result.hc[:, 0].sum())),
            "cum_net_cash": cash, "cum_net_pnl": np.cumsum(self.result.series["net_pnl"]),
        }

    # ----- workflows ------------------------------------------------------------------
    @cached_property
    def wf(self) -> dict[str, np.ndarray]:
        plan, r = self.plan, self.result
        inp = r.inputs
        v = inp.values
        W = inp.W
        volume, minutes = v["workflow.volume_per_month"], v["workflow.minutes_per_unit"]
        net_saved = v["ai.time_saved"] - v["ai.review_overhead"]
        own = v["workflow.volume_growth_per_year"]
        growth = np.where(np.isnan(own), plan.settings.volume_growth_per_year, own)
        volume_idx = index_with_baseline(growth[:, None], np.arange(r.horizon + 1.0))
        units = v["ai.adoption"][:, None] * inp.ramp * volume_idx     # a_w(m) v_w(m), months 0..H
        base = volume * minutes / 60.0
        models = {m.id: j for j, m in enumerate(plan.models)}
        rows = self.model_rows
        is_api, pin, pcached, pout, price = (np.zeros(W) for _ in range(5))
        for i, w in enumerate(plan.workflows):
            j = models.get(w.compute.model) if w.compute else None
            m = plan.models[j] if j is not None else None
            if isinstance(m, ApiModel):
                is_api[i], pin[i], pout[i] = 1.0, m.input_per_mtok, m.output_per_mtok
                pcached[i], price[i] = m.cached_price, rows[j]["price_final"]
        has = (inp.wf_model >= 0).astype(np.float64)
        calls, tok_in, tok_out = (v["compute.calls_per_unit"], v["compute.input_tokens"],
                                  v["compute.output_tokens"])
        cached = v["compute.cached_share"]
        hpm = plan.settings.hours_per_fte_year / 12.0
        saved = r.wf_hours_saved[:, -1] if W else np.zeros(0)
        return {
            "units": units[:, 1:], "growth_used": growth, "base_hours": base, "net_saved": net_saved,
            "hours_unit": base * net_saved, "tin_unit": volume * calls * tok_in * has,
            "tout_unit": volume * calls * tok_out * has, "is_api": is_api, "pin": pin,
            "pcached": pcached, "pout": pout,
            "api_unit": is_api * volume * calls * (
                tok_in * ((1 - cached) * pin + cached * pcached) + tok_out * pout) / 1e6,
            "price_final": price, "final_hours": saved, "final_fte": saved / hpm,
            "final_tin": r.wf_tokens_in[:, -1] if W else np.zeros(0),
            "final_tout": r.wf_tokens_out[:, -1] if W else np.zeros(0),
            "final_api": r.wf_api_cost[:, -1] if W else np.zeros(0),
        }

    # ----- models ---------------------------------------------------------------------
    @cached_property
    def model_rows(self) -> list[dict[str, Any]]:
        s, r, H = self.plan.settings, self.result, self.result.horizon
        gpus = {g.id: g for g in self.plan.gpus}
        out = []
        for j, m in enumerate(self.plan.models):
            selfh = isinstance(m, SelfHostedModel)
            api = isinstance(m, ApiModel)
            g = gpus.get(m.gpu) if selfh else None
            owned = isinstance(g, OwnedGpu)
            decline = (s.price_decline_per_year if m.price_decline_per_year is None
                       else m.price_decline_per_year) if api else 0.0
            speed = (s.throughput_gain_per_year if m.throughput_gain_per_year is None
                     else m.throughput_gain_per_year) if selfh else 0.0
            fleet = float(r.fleet[j, -1])
            out.append({
                "cached_price": m.cached_price if api else 0.0,
                "is_api": 1.0 if api else 0.0, "is_self": 1.0 if selfh else 0.0,
                "owned": 1.0 if owned else 0.0, "decline_used": decline, "speed_used": speed,
                "price_final": float(idx(-decline, np.float64(H))) if api else 0.0,
                "rental": HOURS_PER_MONTH * g.per_gpu_hour if (g is not None and not owned) else 0.0,
                "capex": g.capex_per_gpu if owned else 0.0,
                "amort": float(g.amortization_months) if owned else 1.0,
                "watts": g.watts_per_gpu if g is not None else 0.0,
                "overhead": g.overhead_per_gpu_month if owned else 0.0,
                "final_tin": float(r.model_tokens_in[j, -1]),
                "final_tout": float(r.model_tokens_out[j, -1]),
                "final_api": float(r.model_api_cost[j, -1]), "final_gh": float(r.gpu_hours[j, -1]),
                "final_fleet": fleet, "final_kwh": float(r.kwh[j, -1]),
                "final_busy": (float(r.busy_hours[j, -1]) / (fleet * HOURS_PER_MONTH)
                               if selfh and fleet > 0 else (None if selfh else "")),
            })
        return out

    @cached_property
    def gpu_rows(self) -> list[dict[str, float]]:
        r = self.result
        out = []
        for g in self.plan.gpus:
            fleet = cost = 0.0
            for j, m in enumerate(self.plan.models):
                if isinstance(m, SelfHostedModel) and m.gpu == g.id:
                    fleet += float(r.fleet[j, -1])
                    cost += float(r.rental[j, -1] + r.energy_cost[j, -1] + r.overhead[j, -1])
            out.append({"final_fleet": fleet, "final_cost": cost})
        return out

    # ----- teams ----------------------------------------------------------------------
    @cached_property
    def team_rows(self) -> dict[str, np.ndarray]:
        r = self.result
        raw = r.raw
        IC, M = raw.IC[0], raw.M[0]
        with np.errstate(divide="ignore", invalid="ignore"):
            own_span = np.where((IC > 0) & (M > 0), IC / np.where(M > 0, M, 1.0), 1.0)
        span = np.where(np.isnan(raw.span[0]), 1.0, raw.span[0])
        team_span = raw.inputs.values["team.target_span"]
        own = np.isnan(team_span) & (self.plan.settings.target_span is None)
        return {
            "ic": IC, "mgr": M, "c_ic": raw.c_ic[0], "c_mgr": raw.c_mgr[0],
            "own": own.astype(np.float64), "span": span, "own_span": own_span,
            "hc0": r.hc[:, 0], "hcH": r.hc[:, -1], "hcH_c": r.hc_without_ai[:, -1],
            "change": r.hc[:, -1] - r.hc[:, 0], "fteH": r.fte[:, -1],
            "savings": (r.pay_without_ai[:, -1] - r.pay[:, -1]) * 12,
            "seatsH": r.seats[:, -1] if r.seats.size else np.zeros(len(r.team_ids)),
        }

    @cached_property
    def team_blocks(self) -> dict[str, np.ndarray]:
        """Each TeamMonths block, T x (H+1) (month 0 is nan where the block has none)."""
        raw = self.result.raw
        T = len(self.result.team_ids)
        blank = np.full((T, 1), np.nan)

        def months(a: np.ndarray) -> np.ndarray:          # months 1..H -> 0..H
            return np.hstack([blank, a])

        P, A, C = raw.plan, raw.ai_only, raw.without_ai
        return {
            "fte": months(raw.fte[0][:, 1:]), "growth": months(raw.growth_fte[0][:, 1:]),
            "tic": months(P.target_ic[0]), "ic": P.ic[0], "mgr": P.mgr[0], "mgr_ai": A.mgr[0],
            "tic_c": months(C.target_ic[0]), "ic_c": C.ic[0], "mgr_c": C.mgr[0],
            "seats": months(raw.seats[0]) if raw.seats[0].size else np.zeros((T, 1 + raw.inputs.H)),
        }

    @cached_property
    def tree(self) -> dict[str, np.ndarray]:
        """TeamTree's columns: pointer jumping over the team tree (MODEL.md 3.4 layers)."""
        r = self.result
        levels = Layout.of(self.plan).tree.levels     # the workbook's: spare teams included
        up = r.inputs.parent + 1                                   # 1-based, 0 at the top
        n0 = (r.mgr[:, 0] > EPS).astype(np.float64)
        nH = (r.mgr[:, -1] > EPS).astype(np.float64)
        out = {"up1": up.astype(np.float64), "n0_0": n0, "nH_0": nH}
        for k in range(1, levels + 1):
            has = up > 0
            at = np.where(has, up - 1, 0)
            n0 = n0 + np.where(has, n0[at], 0.0)
            nH = nH + np.where(has, nH[at], 0.0)
            out[f"n0_{k}"], out[f"nH_{k}"] = n0, nH
            up = np.where(has, up[at], 0)
            if k < levels:
                out[f"up{k + 1}"] = up.astype(np.float64)
        out["layers0"] = np.where(r.ic[:, 0] > EPS, n0, 0.0)
        out["layersH"] = np.where(r.ic[:, -1] > EPS, nH, 0.0)
        return out

    @cached_property
    def without_ai_final(self) -> dict[str, float | None]:
        """The organisation without AI in the final month (MODEL.md 3.4 figures)."""
        r = self.result
        n, k = (np.float64(x[:, -1].sum()) for x in (r.ic_without_ai, r.mgr_without_ai))

        def opt(x: np.ndarray) -> float | None:
            return None if np.isnan(x) else float(x)

        return {"ic": float(n), "managers": float(k), "avg_span": opt(span_of_control(n, k)),
                "ics_per_manager": float(n / k) if k > 0 else None,
                "layers_needed": opt(layers_needed(n, k))}

    # ----- summary --------------------------------------------------------------------
    @cached_property
    def summary(self) -> dict:
        return self.result.summary
