"""What the engine returns: the raw arrays plus the tables and summary built from them.

The summary and monthly series are built with numpy only; the pandas DataFrames
(``monthly``, ``teams``, ``workflows``) are made on first use, so the desktop app does not pay
for importing pandas at start-up.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

import numpy as np

from ..model import Plan
from .arrays import TeamArrays

if TYPE_CHECKING:
    import pandas as pd

MONTHLY_KEYS = (
    "m", "month", "headcount", "ic", "managers", "fte_freed", "hours_saved", "payroll",
    "payroll_savings", "tokens_in", "tokens_out", "api_cost", "gpu_cost", "gpus", "energy_kwh",
    "seat_cost", "capex", "depreciation", "compute_pnl", "compute_cash", "severance", "one_off",
    "net_pnl", "net_cash",
)
YEAR_KEYS = ("year", "payroll_savings", "compute_pnl", "compute_cash", "severance", "one_off",
             "net_pnl", "net_cash")
TEAM_KEYS = ("id", "name", "baseline_headcount", "final_headcount", "fte_freed",
             "payroll_savings_annual")


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


def _opt(x: float) -> float | None:
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else x


@dataclass(eq=False)
class Result:
    """Engine output. Arrays are teams x months 0..H (people, payroll) or x months 1..H."""

    plan: Plan
    team_arrays: TeamArrays
    workflow_ids: list[str]
    workflow_team: np.ndarray
    model_ids: list[str]
    model_is_api: np.ndarray
    ic: np.ndarray
    mgr: np.ndarray
    hc: np.ndarray
    fte: np.ndarray
    pay: np.ndarray
    wf_hours_saved: np.ndarray
    wf_tokens_in: np.ndarray
    wf_tokens_out: np.ndarray
    wf_api_cost: np.ndarray
    model_tokens_in: np.ndarray
    model_tokens_out: np.ndarray
    model_api_cost: np.ndarray
    gpu_hours: np.ndarray
    fleet: np.ndarray
    capex: np.ndarray
    depreciation: np.ndarray
    kwh: np.ndarray
    rental: np.ndarray
    energy_cost: np.ndarray
    seats: np.ndarray
    severance: np.ndarray

    @property
    def horizon(self) -> int:
        return self.plan.settings.horizon_months

    # ----- org-level series (numpy, months 0..H unless noted) ---------------------------
    @cached_property
    def series(self) -> dict[str, np.ndarray]:
        """Every MODEL.md monthly key as an array over months 1..H (plus month-0 extras)."""
        from .compute import layers

        H = self.horizon
        n = self.ic.sum(axis=0)
        k = self.mgr.sum(axis=0)
        pay = self.pay.sum(axis=0)
        api = self.model_api_cost.sum(axis=0) if self.model_ids else np.zeros(H)
        rental = self.rental.sum(axis=0) if self.model_ids else np.zeros(H)
        energy_cost = self.energy_cost.sum(axis=0) if self.model_ids else np.zeros(H)
        depreciation = self.depreciation.sum(axis=0) if self.model_ids else np.zeros(H)
        capex = self.capex.sum(axis=0) if self.model_ids else np.zeros(H)
        seats = self.seats.sum(axis=0)
        savings = pay[0] - pay[1:]
        compute_pnl = api + rental + depreciation + energy_cost + seats
        compute_cash = api + rental + capex + energy_cost + seats
        one_off = np.zeros(H)
        one_off[0] = self.plan.settings.implementation_cost
        net_pnl = savings - compute_pnl - self.severance - one_off
        net_cash = savings - compute_cash - self.severance - one_off
        return {
            "m": np.arange(1, H + 1),
            "headcount": (n + k)[1:], "ic": n[1:], "managers": k[1:],
            "fte_freed": self.fte.sum(axis=0)[1:], "hours_saved": self.wf_hours_saved.sum(axis=0)[1:]
            if self.workflow_ids else np.zeros(H),
            "payroll": pay[1:], "payroll_savings": savings,
            "tokens_in": self.wf_tokens_in.sum(axis=0) if self.workflow_ids else np.zeros(H),
            "tokens_out": self.wf_tokens_out.sum(axis=0) if self.workflow_ids else np.zeros(H),
            "api_cost": api, "gpu_cost": rental + energy_cost,
            "gpus": self.fleet.sum(axis=0) if self.model_ids else np.zeros(H),
            "energy_kwh": self.kwh.sum(axis=0) if self.model_ids else np.zeros(H),
            "seat_cost": seats, "capex": capex, "depreciation": depreciation,
            "compute_pnl": compute_pnl, "compute_cash": compute_cash,
            "severance": self.severance, "one_off": one_off,
            "net_pnl": net_pnl, "net_cash": net_cash,
            # extras (not MODEL.md monthly keys): month 0..H people series and layers
            "_ic_all": n, "_mgr_all": k, "_pay_all": pay, "_layers_all": layers(n, k),
            "_rental": rental, "_energy_cost": energy_cost,
        }

    @cached_property
    def month_labels(self) -> list[str]:
        return month_labels(self.plan.settings.start_month, self.horizon)

    @cached_property
    def payback_month(self) -> int | None:
        running = np.cumsum(self.series["net_cash"])
        hits = np.flatnonzero(running >= 0)
        return int(hits[0]) + 1 if hits.size else None

    def _org(self, month: int) -> dict[str, Any]:
        s = self.series
        n, k = float(s["_ic_all"][month]), float(s["_mgr_all"][month])
        lay = s["_layers_all"][month]
        paths = np.maximum(0.0, self.hc[:, month] * (self.hc[:, month] - 1) / 2).sum()
        return {
            "headcount": n + k, "ic": n, "managers": k, "avg_span": _ratio(n, k),
            "layers": None if math.isnan(lay) else int(lay),
            "coordination_paths": float(paths), "payroll_annual": float(s["_pay_all"][month] * 12),
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
        ta = self.team_arrays
        pay = self.pay
        return [
            {"id": ta.ids[i], "name": ta.names[i], "baseline_headcount": float(self.hc[i, 0]),
             "final_headcount": float(self.hc[i, -1]), "fte_freed": float(self.fte[i, -1]),
             "payroll_savings_annual": float((pay[i, 0] - pay[i, -1]) * 12)}
            for i in range(len(ta.ids))
        ]

    @cached_property
    def summary(self) -> dict[str, Any]:
        """The MODEL.md section 5 object (JSON-ready)."""
        s = self.series
        H = self.horizon
        base, final = self._org(0), self._org(H)
        compute = float(s["compute_pnl"][-1])
        final.update({
            "fte_freed": float(s["fte_freed"][-1]),
            "hours_saved_per_month": float(s["hours_saved"][-1]),
            "tokens_per_month": float(s["tokens_in"][-1] + s["tokens_out"][-1]),
            "gpus": int(round(float(s["gpus"][-1]))),
            "energy_kwh_per_month": float(s["energy_kwh"][-1]),
            "compute_per_month": compute,
            "compute_to_payroll": _ratio(compute, float(s["payroll"][-1])),
        })
        return {
            "name": self.plan.name, "currency": self.plan.currency, "horizon_months": H,
            "compression_ratio": _ratio(base["headcount"], final["headcount"]),
            "payback_month": self.payback_month,
            "cumulative_net_cash": float(s["net_cash"].sum()),
            "cumulative_net_pnl": float(s["net_pnl"].sum()),
            "baseline": base, "final": final, "years": self.years,
            "monthly": self.monthly_records, "teams": self.team_records,
        }

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
        """Per workflow, at the final month: hours and FTE freed, tokens, API cost."""
        import pandas as pd

        return pd.DataFrame.from_records(self.workflow_records)

    @cached_property
    def workflow_records(self) -> list[dict[str, Any]]:
        hpm = self.plan.settings.hours_per_fte_year / 12.0
        ta = self.team_arrays
        out = []
        for i, wid in enumerate(self.workflow_ids):
            out.append({
                "id": wid, "team": ta.ids[int(self.workflow_team[i])],
                "hours_saved": float(self.wf_hours_saved[i, -1]),
                "fte_freed": float(self.wf_hours_saved[i, -1] / hpm),
                "tokens_in": float(self.wf_tokens_in[i, -1]),
                "tokens_out": float(self.wf_tokens_out[i, -1]),
                "api_cost": float(self.wf_api_cost[i, -1]),
            })
        return out
