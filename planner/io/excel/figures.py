"""Every number the workbook shows, from the engine: the cached results of its formulas
and the contents of a ``--values`` workbook."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

from ...engine import compute
from ...engine.formulas import HOURS_PER_MONTH
from ...engine.result import Result
from ...model import ApiModel, OwnedGpu, Plan, SelfHostedModel


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
    def price_factor(self) -> np.ndarray:
        return (1.0 - self.plan.settings.price_decline_per_year) ** ((self.months - 1) / 12)

    @cached_property
    def growth_factor(self) -> np.ndarray:
        return (1.0 + self.plan.settings.token_growth_per_year) ** ((self.months - 1) / 12)

    @cached_property
    def cum_net_cash(self) -> np.ndarray:
        return np.cumsum(self.result.series["net_cash"])

    @cached_property
    def cum_net_pnl(self) -> np.ndarray:
        return np.cumsum(self.result.series["net_pnl"])

    # ----- workflows ------------------------------------------------------------------
    @cached_property
    def wf(self) -> dict[str, np.ndarray]:
        plan = self.plan
        inp = self.result.inputs
        v = inp.values
        volume, minutes = v["workflow.volume_per_month"], v["workflow.minutes_per_unit"]
        net_saved = v["ai.time_saved"] - v["ai.review_overhead"]
        adopt = v["ai.adoption"][:, None] * inp.ramp[:, 1:]
        base = volume * minutes / 60.0
        models = {m.id: m for m in plan.models}
        is_api, pin, pcached, pout = [], [], [], []
        for w in plan.workflows:
            m = models.get(w.compute.model) if w.compute else None
            api = isinstance(m, ApiModel)
            is_api.append(1.0 if api else 0.0)
            pin.append(m.input_per_mtok if api else 0.0)
            pcached.append(m.cached_price if api else 0.0)
            pout.append(m.output_per_mtok if api else 0.0)
        is_api_a, pin_a, pc_a, pout_a = (np.asarray(x, dtype=np.float64).reshape(-1)
                                         for x in (is_api, pin, pcached, pout))
        has = (inp.wf_model >= 0).astype(np.float64)
        calls, tok_in, tok_out = (v["compute.calls_per_unit"], v["compute.input_tokens"],
                                  v["compute.output_tokens"])
        cached = v["compute.cached_share"]
        tin_unit = volume * calls * tok_in * has
        tout_unit = volume * calls * tok_out * has
        api_unit = is_api_a * volume * calls * (
            tok_in * ((1 - cached) * pin_a + cached * pc_a) + tok_out * pout_a) / 1e6
        r = self.result
        hpm = plan.settings.hours_per_fte_year / 12.0
        last = -1
        return {
            "adoption": adopt, "base_hours": base, "net_saved": net_saved,
            "hours_unit": base * net_saved, "tin_unit": tin_unit, "tout_unit": tout_unit,
            "is_api": is_api_a, "pin": pin_a, "pcached": pc_a, "pout": pout_a, "api_unit": api_unit,
            "final_hours": r.wf_hours_saved[:, last] if len(r.workflow_ids) else np.zeros(0),
            "final_fte": (r.wf_hours_saved[:, last] / hpm) if len(r.workflow_ids) else np.zeros(0),
            "final_tin": r.wf_tokens_in[:, last] if len(r.workflow_ids) else np.zeros(0),
            "final_tout": r.wf_tokens_out[:, last] if len(r.workflow_ids) else np.zeros(0),
            "final_api": r.wf_api_cost[:, last] if len(r.workflow_ids) else np.zeros(0),
        }

    # ----- models ---------------------------------------------------------------------
    @cached_property
    def model_rows(self) -> list[dict[str, float]]:
        gpus = {g.id: g for g in self.plan.gpus}
        out = []
        for m in self.plan.models:
            selfh = isinstance(m, SelfHostedModel)
            g = gpus.get(m.gpu) if selfh else None
            owned = isinstance(g, OwnedGpu)
            out.append({
                "cached_price": m.cached_price if isinstance(m, ApiModel) else 0.0,
                "is_api": 0.0 if selfh else 1.0, "is_self": 1.0 if selfh else 0.0,
                "owned": 1.0 if owned else 0.0,
                "rental": HOURS_PER_MONTH * g.per_gpu_hour if (g is not None and not owned) else 0.0,
                "capex": g.capex_per_gpu if owned else 0.0,
                "amort": float(g.amortization_months) if owned else 1.0,
                "watts": g.watts_per_gpu if g is not None else 0.0,
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
                    cost += float(r.rental[j, -1] + r.energy_cost[j, -1])
            out.append({"fleet": fleet, "cost": cost})
        return out

    # ----- teams ----------------------------------------------------------------------
    @cached_property
    def team_rows(self) -> dict[str, np.ndarray]:
        r = self.result
        raw = r.raw
        span = np.where(np.isnan(raw.span[0]), 1.0, raw.span[0])
        return {
            "ic": raw.IC[0], "mgr": raw.M[0], "c_ic": raw.c_ic[0], "c_mgr": raw.c_mgr[0],
            "span": span,
            "hc0": r.hc[:, 0], "hcH": r.hc[:, -1], "change": r.hc[:, -1] - r.hc[:, 0],
            "fteH": r.fte[:, -1], "savings": (r.pay[:, 0] - r.pay[:, -1]) * 12,
            "seatsH": r.seats[:, -1] if r.seats.size else np.zeros(len(r.team_ids)),
        }

    # ----- summary --------------------------------------------------------------------
    @cached_property
    def summary(self) -> dict:
        return self.result.summary
