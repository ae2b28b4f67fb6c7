"""What the engine returns for one plan: the kernel's arrays plus the tables built from them.

The summary and monthly series are built with numpy only, on first use; the pandas
DataFrames (``monthly``, ``teams``, ``workflows``) too, so the desktop app does not pay for
importing pandas at start-up.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

import numpy as np

from .formulas import coordination_paths, first_payback, layers_needed, span_of_control, tree_layers
from .kernel import Raw

if TYPE_CHECKING:
    import pandas as pd

MONTHLY_KEYS = (
    "m", "month", "headcount", "ic", "managers", "headcount_without_ai", "fte_freed",
    "hours_saved", "payroll", "payroll_without_ai", "payroll_savings", "payroll_savings_ai",
    "payroll_savings_structure", "tokens_in", "tokens_out", "api_cost", "gpu_cost", "gpus",
    "energy_kwh", "seat_cost", "capex", "depreciation", "compute_pnl", "compute_cash",
    "severance", "severance_without_ai", "one_off", "net_pnl", "net_cash",
)
YEAR_KEYS = ("year", "payroll_savings", "payroll_savings_ai", "payroll_savings_structure",
             "compute_pnl", "compute_cash", "severance", "severance_without_ai", "one_off",
             "net_pnl", "net_cash")
TEAM_KEYS = ("id", "name", "baseline_headcount", "final_headcount", "headcount_without_ai",
             "fte_freed", "payroll_savings_annual")
ORG_KEYS = ("headcount", "ic", "managers", "avg_span", "ics_per_manager", "layers",
            "layers_needed", "coordination_paths", "payroll_annual")


def month_labels(start_month: str | None, horizon: int) -> list[str]:
    """``2027-01, 2027-02, ...`` from the start month, or ``M1, M2, ...`` without one."""
    if not start_month:
        return [f"M{m}" for m in range(1, horizon + 1)]
    year, month = (int(x) for x in start_month.split("-"))
    out = []
    for i in range(horizon):
        y, mo = divmod(month - 1 + i, 12)
        out.append(f"{year + y:04d}-{mo + 1:02d}")
    return out


def _ratio(num: float, den: float) -> float | None:
    return None if den == 0 else float(num / den)


def _opt(x: Any) -> float | None:
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else float(x)


def _int_or_none(x: float) -> int | None:
    return None if math.isnan(x) else int(x)


@dataclass(eq=False)
class Result:
    """Engine output for one plan: ``raw`` holds the kernel's arrays (batch of one)."""

    plan: Any
    raw: Raw

    # ----- the arrays of the one plan (batch axis dropped) ------------------------------
    def _one(self, a: np.ndarray | None) -> np.ndarray:
        return np.zeros(0) if a is None else a[0]

    @property
    def horizon(self) -> int:
        return self.raw.inputs.H

    @property
    def inputs(self):
        return self.raw.inputs

    @property
    def team_ids(self) -> list[str]:
        return self.raw.inputs.team_ids

    @property
    def team_names(self) -> list[str]:
        return self.raw.inputs.team_names

    @property
    def workflow_ids(self) -> list[str]:
        return self.raw.inputs.wf_ids

    @property
    def workflow_team(self) -> np.ndarray:
        return self.raw.inputs.wf_team

    @property
    def model_ids(self) -> list[str]:
        return self.raw.inputs.model_ids

    @property
    def model_is_api(self) -> np.ndarray:
        return self.raw.inputs.model_is_api

    def __getattr__(self, name: str) -> np.ndarray:
        """``ic``, ``mgr``, ``hc``, ``pay`` (the plan org, T x H+1), their ``*_without_ai`` and
        ``*_ai_only`` twins, and the kernel's team, workflow and model arrays (batch dropped)."""
        if name.startswith("_") or name in ("plan", "raw"):
            raise AttributeError(name)
        raw = self.__dict__["raw"]
        for suffix, org in (("_without_ai", raw.without_ai), ("_ai_only", raw.ai_only),
                            ("", raw.plan)):
            if suffix and not name.endswith(suffix):
                continue
            base = name[: len(name) - len(suffix)] if suffix else name
            if base in ("ic", "mgr", "pay", "hc") and org is not None:
                value = org.hc if base == "hc" else getattr(org, base)
                return value[0]
        if hasattr(raw, name):
            value = getattr(raw, name)
            if isinstance(value, np.ndarray):
                return value[0]
        raise AttributeError(name)

    # ----- org-level series ---------------------------------------------------------------
    @cached_property
    def series(self) -> dict[str, np.ndarray]:
        """Every MODEL.md monthly key as an array over months 1..H (plus month-0 extras)."""
        raw = self.raw
        H = self.horizon
        P, C = raw.plan, raw.without_ai
        n, k = P.ic[0].sum(axis=0), P.mgr[0].sum(axis=0)
        tot = {key: np.asarray(v[0], dtype=np.float64) for key, v in raw.totals.items()}
        out = {
            "m": np.arange(1, H + 1),
            "headcount": (n + k)[1:], "ic": n[1:], "managers": k[1:],
            "headcount_without_ai": C.hc[0].sum(axis=0)[1:],
            "fte_freed": raw.fte[0].sum(axis=0)[1:], "hours_saved": raw.hours_saved[0],
            "tokens_in": raw.model_tokens_in[0].sum(axis=0),
            "tokens_out": raw.model_tokens_out[0].sum(axis=0),
            "gpus": raw.fleet[0].sum(axis=0), "energy_kwh": raw.kwh[0].sum(axis=0),
            **tot,
            # extras (not MODEL.md monthly keys): month 0..H people series
            "_ic_all": n, "_mgr_all": k, "_pay_all": P.pay[0].sum(axis=0),
            "_hc_without_ai_all": C.hc[0].sum(axis=0),
            # what each month's work needs (MODEL.md 3.2 targets): attrition lags behind it
            "_hc_needed": (P.target_ic[0] + P.target_mgr[0]).sum(axis=0),
            "_rental": raw.rental[0].sum(axis=0),
            "_energy_cost": (raw.energy_cost[0] + raw.overhead[0]).sum(axis=0),
        }
        if raw.ai_only is not None:
            out["_hc_ai_only_all"] = raw.ai_only.hc[0].sum(axis=0)
        return out

    @cached_property
    def month_labels(self) -> list[str]:
        return month_labels(self.raw.inputs.start_month, self.horizon)

    @cached_property
    def payback_month(self) -> int | None:
        m = int(first_payback(self.series["net_cash"]))
        return m or None

    @cached_property
    def npv(self) -> float:
        return float(self.raw.npv[0])

    def layers_at(self, month: int, org: str = "plan") -> int:
        """``layers`` (the depth of the team tree) of an organisation in a month (0..H)."""
        o = {"plan": self.raw.plan, "without_ai": self.raw.without_ai}[org]
        return int(tree_layers(self.raw.inputs.parent, o.ic[0][:, month], o.mgr[0][:, month]))

    @cached_property
    def layers_series(self) -> np.ndarray:
        """The plan org's layers for months 0..H."""
        P = self.raw.plan
        return tree_layers(self.raw.inputs.parent, P.ic[0].T, P.mgr[0].T)

    def org(self, month: int) -> dict[str, Any]:
        """The MODEL.md 3.4 figures of the plan org in a month (0 = today)."""
        s = self.series
        n, k = float(s["_ic_all"][month]), float(s["_mgr_all"][month])
        hc = self.raw.plan.hc[0][:, month]
        return {
            "headcount": n + k, "ic": n, "managers": k,
            "avg_span": _opt(float(span_of_control(np.float64(n), np.float64(k)))),
            "ics_per_manager": _ratio(n, k),
            "layers": self.layers_at(month),
            "layers_needed": _int_or_none(float(layers_needed(np.float64(n), np.float64(k)))),
            "coordination_paths": float(coordination_paths(hc)),
            "payroll_annual": float(s["_pay_all"][month] * 12),
        }

    @cached_property
    def years(self) -> list[dict[str, Any]]:
        s = self.series
        out = []
        for y, start in enumerate(range(0, self.horizon, 12), start=1):
            sl = slice(start, start + 12)
            row: dict[str, Any] = {"year": y}
            for key in YEAR_KEYS[1:]:
                row[key] = float(s[key][sl].sum())
            out.append(row)
        return out

    @cached_property
    def monthly_records(self) -> list[dict[str, Any]]:
        s = self.series
        labels = self.month_labels
        cols = {k: s[k].tolist() for k in MONTHLY_KEYS if k not in ("m", "month")}
        out = []
        for i in range(self.horizon):
            row: dict[str, Any] = {"m": i + 1, "month": labels[i]}
            for key, values in cols.items():
                row[key] = values[i]
            row["gpus"] = int(round(row["gpus"]))
            out.append(row)
        return out

    @cached_property
    def team_records(self) -> list[dict[str, Any]]:
        P, C = self.raw.plan, self.raw.without_ai
        base, final, final_c = P.hc[0][:, 0].tolist(), P.hc[0][:, -1].tolist(), \
            C.hc[0][:, -1].tolist()
        fte = self.raw.fte[0][:, -1].tolist()
        savings = ((C.pay[0][:, -1] - P.pay[0][:, -1]) * 12).tolist()
        names = self.team_names
        return [
            {"id": tid, "name": names[i], "baseline_headcount": base[i],
             "final_headcount": final[i], "headcount_without_ai": final_c[i],
             "fte_freed": fte[i], "payroll_savings_annual": savings[i]}
            for i, tid in enumerate(self.team_ids)
        ]

    @cached_property
    def fleets(self) -> list[dict[str, Any]]:
        """Every self-hosted model's fleet in the final month, with its busy share."""
        inp = self.raw.inputs
        out = []
        fleet, busy = self.raw.fleet[0], self.raw.busy_hours[0]
        for j, mid in enumerate(inp.model_ids):
            if inp.model_is_api[j]:
                continue
            f = float(fleet[j, -1])
            out.append({"model": mid, "gpu": inp.gpu_ids[int(inp.model_gpu[j])],
                        "gpus": int(round(f)),
                        "busy_share": None if f == 0 else float(busy[j, -1] / (f * 730.0))})
        return out

    def busy_share(self, j: int) -> np.ndarray:
        """Model j's busy share for months 1..H (nan when it has no GPUs)."""
        fleet, busy = self.raw.fleet[0][j], self.raw.busy_hours[0][j]
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(fleet > 0, busy / (fleet * 730.0), np.nan)

    @cached_property
    def summary(self) -> dict[str, Any]:
        """The MODEL.md section 8 object (JSON-ready)."""
        s = self.series
        H = self.horizon
        base, final = self.org(0), self.org(H)
        compute = float(s["compute_pnl"][-1]) if H else 0.0
        final.update({
            "headcount_without_ai": float(s["headcount_without_ai"][-1]),
            "fte_freed": float(s["fte_freed"][-1]),
            "hours_saved_per_month": float(s["hours_saved"][-1]),
            "tokens_per_month": float(s["tokens_in"][-1] + s["tokens_out"][-1]),
            "gpus": int(round(float(s["gpus"][-1]))),
            "energy_kwh_per_month": float(s["energy_kwh"][-1]),
            "compute_per_month": compute,
            "compute_to_payroll": _ratio(compute, float(s["payroll"][-1])),
            "fleets": self.fleets,
        })
        return {
            "name": self.raw.inputs.name, "currency": self.raw.inputs.currency,
            "horizon_months": H,
            "compression_ratio": _ratio(final["headcount_without_ai"], final["headcount"]),
            "payback_month": self.payback_month,
            "cumulative_net_cash": float(s["net_cash"].sum()),
            "cumulative_net_pnl": float(s["net_pnl"].sum()),
            "npv_net_cash": self.npv,
            "cumulative_savings_from_ai": float(s["payroll_savings_ai"].sum()),
            "cumulative_savings_from_structure": float(s["payroll_savings_structure"].sum()),
            "baseline": base, "final": final, "years": self.years,
            "monthly": self.monthly_records, "teams": self.team_records,
        }

    # ----- per workflow ---------------------------------------------------------------
    @cached_property
    def wf_hours_saved(self) -> np.ndarray:
        """S_w(m) per workflow, W x (H+1)."""
        return self.raw.workflows.hours_saved()

    @cached_property
    def wf_tokens_in(self) -> np.ndarray:
        return self.raw.workflows.tokens_in()

    @cached_property
    def wf_tokens_out(self) -> np.ndarray:
        return self.raw.workflows.tokens_out()

    @cached_property
    def wf_api_cost(self) -> np.ndarray:
        return self.raw.workflows.api_cost()

    @cached_property
    def workflow_records(self) -> list[dict[str, Any]]:
        """Per workflow, at the final month: hours and FTE freed, tokens, API cost."""
        inp = self.raw.inputs
        hpm = float(np.asarray(inp.values["settings.hours_per_fte_year"]).reshape(-1)[0]) / 12.0
        saved, tin, tout, api = (self.wf_hours_saved, self.wf_tokens_in, self.wf_tokens_out,
                                 self.wf_api_cost)
        out = []
        for i, wid in enumerate(inp.wf_ids):
            out.append({
                "id": wid, "team": inp.team_ids[int(inp.wf_team[i])],
                "hours_saved": float(saved[i, -1]), "fte_freed": float(saved[i, -1] / hpm),
                "tokens_in": float(tin[i, -1]) if tin.size else 0.0,
                "tokens_out": float(tout[i, -1]) if tout.size else 0.0,
                "api_cost": float(api[i, -1]) if api.size else 0.0,
            })
        return out

    # ----- pandas views (imported on first use) -----------------------------------------
    @cached_property
    def monthly(self) -> pd.DataFrame:
        import pandas as pd

        return pd.DataFrame.from_records(self.monthly_records, columns=list(MONTHLY_KEYS))

    @cached_property
    def teams(self) -> pd.DataFrame:
        import pandas as pd

        return pd.DataFrame.from_records(self.team_records, columns=list(TEAM_KEYS))

    @cached_property
    def workflows(self) -> pd.DataFrame:
        import pandas as pd

        return pd.DataFrame.from_records(self.workflow_records)


def compute(plan: Any) -> Result:
    """Compression, compute and money for every month of a valid plan (MODEL.md 2-5)."""
    from .inputs import prepare
    from .kernel import run

    return Result(plan, run(prepare(plan)))
