"""MODEL.md section 7 on the batch kernel: Monte Carlo, tornado, the four bets, break-even.

Each analysis builds one or a few batches from the shared inputs of the plan (or scenario)
being evaluated and reads the figures of every member at once: no loop of plans.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..engine.inputs import Inputs
from ..formatting import BELOW_ZERO
from .metrics import Figures, chunk_size, evaluate
from .slots import Batch, RangeSlots, apply_slots

METRICS = ("headcount", "fte_freed", "cumulative_net_cash", "npv_net_cash", "compute_per_month",
           "payback_month")
BETS = ("plan", "demand", "pricing", "productivity", "infrastructure", "all")
LEVERS = (("time_saved_scale", 0.0, 3.0), ("price_decline_per_year", -1.0, 0.99),
          ("volume_growth_per_year", -0.99, 10.0), ("compute_scale", 0.0, 1000.0))
COMPUTE_PRICES = ("model.input_per_mtok", "model.output_per_mtok", "model.cached_input_per_mtok",
                  "gpu.per_gpu_hour", "gpu.capex_per_gpu", "gpu.overhead_per_gpu_month",
                  "ai_seats.cost_per_seat_month", "settings.usd_per_kwh")


class Cancelled(Exception):
    """A long run stopped at the user's request."""


Progress = Callable[[float, str], None]


# ----- Monte Carlo (7.1) ----------------------------------------------------------------
def percentile(values: np.ndarray, q: float) -> float | None:
    """Linear interpolation between the closest ranks; None when it lands on +infinity."""
    s = np.sort(np.asarray(values, dtype=np.float64))
    if not s.size:
        return None
    pos = q / 100.0 * (s.size - 1)
    lo, hi = int(math.floor(pos)), int(math.ceil(pos))
    frac = pos - lo
    a, b = s[lo], s[hi]
    if not math.isfinite(a) or (frac > 0 and not math.isfinite(b)):
        return None
    return float(a + (b - a) * frac) if frac > 0 else float(a)


@dataclass
class MonteCarlo:
    draws: int
    seed: int
    done: int
    figures: Figures

    def values(self, metric: str) -> np.ndarray:
        x = getattr(self.figures, metric).astype(np.float64)
        if metric == "payback_month":
            x = np.where(x > 0, x, np.inf)        # never pays back: +infinity
        return x

    def percentiles(self) -> dict[str, dict[str, float | None]]:
        out = {}
        for metric in METRICS:
            x = self.values(metric)
            out[metric] = {f"p{q}": percentile(x, q) for q in (10, 50, 90)}
        return out

    @property
    def payback_probability(self) -> float:
        return float((self.figures.payback_month > 0).mean()) if self.done else 0.0

    @property
    def below_again_probability(self) -> float:
        """The share of draws that pay back and are below 0 again by the last month (an
        extension of MODEL.md 7.1: "pays back" alone would count them as paid back)."""
        if not self.done:
            return 0.0
        f = self.figures
        return float(((f.payback_month > 0) & (f.cumulative_net_cash < BELOW_ZERO)).mean())

    def fan(self) -> list[dict[str, Any]]:
        cash = self.figures.running_cash
        qs = np.percentile(cash, [10, 50, 90], axis=0, method="linear") if self.done else None
        return [{"m": m + 1, "p10": float(qs[0, m]), "p50": float(qs[1, m]),
                 "p90": float(qs[2, m])} for m in range(cash.shape[1])] if qs is not None else []


def monte_carlo(inputs: Inputs, ranges: list[RangeSlots], *, draws: int = 10_000, seed: int = 1,
                progress: Progress | None = None, cancel: Callable[[], bool] | None = None,
                partial: Callable[[MonteCarlo], None] | None = None) -> MonteCarlo:
    """``draws`` evaluations, each range drawn from its triangular distribution.

    The quantiles are drawn up front from one generator seeded with ``seed``, so the result
    does not depend on how the draws are chunked."""
    draws = max(1, int(draws))
    u = np.random.default_rng(seed).random((draws, len(ranges)))
    step = chunk_size(inputs, draws)
    parts: list[Figures] = []
    for start in range(0, draws, step):
        if cancel is not None and cancel():
            raise Cancelled
        stop = min(draws, start + step)
        batch = Batch(inputs, stop - start)
        apply_slots(batch, ranges, [rg.values(u[start:stop, r]) for r, rg in enumerate(ranges)])
        parts.append(evaluate(batch.build()))
        if progress is not None:
            progress(stop / draws, f"{stop:,} of {draws:,} draws")
        if partial is not None and stop < draws:
            partial(MonteCarlo(draws, seed, stop, Figures.concat(parts)))
    return MonteCarlo(draws, seed, draws, Figures.concat(parts))


# ----- tornado (7.2) --------------------------------------------------------------------
def tornado(inputs: Inputs, ranges: list[RangeSlots]) -> list[dict[str, Any]]:
    """NPV with each ranged input at its low and at its high end, largest swing first."""
    if not ranges:
        return []
    batch = Batch(inputs, 2 * len(ranges))
    for r, rg in enumerate(ranges):
        for k, end in enumerate(("low", "high")):
            for slot, v in zip(rg.slots, rg.at(end), strict=True):
                batch.set(slot, v, 2 * r + k)     # one member: values (n,)
    npv = evaluate(batch.build()).npv_net_cash
    rows = []
    for r, rg in enumerate(ranges):
        lo, hi = float(npv[2 * r]), float(npv[2 * r + 1])
        rows.append({"path": rg.path, "scale": rg.scale, "low": rg.low, "high": rg.high,
                     "value_low": lo, "value_high": hi, "swing": abs(hi - lo)})
    return sorted(rows, key=lambda row: -row["swing"])       # stable: ties keep range order


# ----- the four bets (7.3) --------------------------------------------------------------
def _demand(b: Batch, rows: Any, s: dict) -> None:
    x = s["volume_growth_per_year"]
    b.update("settings.volume_growth_per_year", lambda v: np.minimum(v, x), rows)
    b.update("workflow.volume_growth_per_year", lambda v: np.minimum(v, x), rows)


def _pricing(b: Batch, rows: Any, s: dict) -> None:
    x = s["price_decline_per_year"]
    b.update("settings.price_decline_per_year", lambda v: np.minimum(v, x), rows)
    b.update("model.price_decline_per_year", lambda v: np.minimum(v, x), rows)


def _productivity(b: Batch, rows: Any, s: dict) -> None:
    x = s["time_saved_scale"]
    b.update("ai.time_saved", lambda v: np.where(v > 0, v * x, v), rows)


def _infrastructure(b: Batch, rows: Any, s: dict) -> None:
    tg, gd, tok = (s["throughput_gain_per_year"], s["gpu_price_decline_per_year"],
                   s["token_growth_per_year"])
    b.update("settings.throughput_gain_per_year", lambda v: np.minimum(v, tg), rows)
    b.update("model.throughput_gain_per_year", lambda v: np.minimum(v, tg), rows)
    b.update("settings.gpu_price_decline_per_year", lambda v: np.minimum(v, gd), rows)
    b.update("settings.token_growth_per_year", lambda v: np.maximum(v, tok), rows)


FAILS = {"demand": _demand, "pricing": _pricing, "productivity": _productivity,
         "infrastructure": _infrastructure}


def bets(inputs: Inputs, stress: dict[str, float]) -> list[dict[str, Any]]:
    """The plan, each bet failing alone (its values made no better than ``stress``), all four."""
    batch = Batch(inputs, len(BETS))
    for row, bet in enumerate(BETS):
        for name, fail in FAILS.items():
            if bet in (name, "all"):
                fail(batch, [row], stress)
    f = evaluate(batch.build())
    return [{"bet": bet, "npv_net_cash": float(f.npv_net_cash[i]),
             "cumulative_net_cash": float(f.cumulative_net_cash[i]),
             "payback_month": int(f.payback_month[i]) or None,
             "headcount": float(f.headcount[i]),
             "compute_to_payroll": None if math.isnan(f.compute_to_payroll[i])
             else float(f.compute_to_payroll[i])}
            for i, bet in enumerate(BETS)]


# ----- break-even (7.4) -----------------------------------------------------------------
def _set_lever(b: Batch, lever: str, rows: np.ndarray, x: np.ndarray) -> None:
    col = x[:, None]
    if lever == "time_saved_scale":
        b.update("ai.time_saved", lambda v: np.where(v > 0, v * col, v), rows)
    elif lever == "price_decline_per_year":
        b.update("settings.price_decline_per_year", lambda v: x.copy(), rows)
        b.update("model.price_decline_per_year", lambda v: np.where(np.isnan(v), v, col), rows)
    elif lever == "volume_growth_per_year":
        b.update("settings.volume_growth_per_year", lambda v: x.copy(), rows)
        b.update("workflow.volume_growth_per_year", lambda v: np.where(np.isnan(v), v, col), rows)
    else:
        for key in COMPUTE_PRICES:
            if key.startswith("settings."):
                b.update(key, lambda v: v * x, rows)
            else:
                b.update(key, lambda v: v * col, rows)


def _npv(inputs: Inputs, points: list[tuple[str, float]]) -> np.ndarray:
    batch = Batch(inputs, len(points))
    for lever, _, _ in LEVERS:
        rows = np.array([i for i, (name, _) in enumerate(points) if name == lever], dtype=np.int64)
        if rows.size:
            _set_lever(batch, lever, rows, np.array([points[i][1] for i in rows]))
    return evaluate(batch.build()).npv_net_cash


def break_even(inputs: Inputs, *, tolerance: float = 1e-6) -> list[dict[str, Any]]:
    """Each lever's value at which the NPV changes sign (bisection to ``tolerance`` of the
    bracket's width; None when the sign does not change across the bracket)."""
    names = [name for name, _, _ in LEVERS]
    a = np.array([lo for _, lo, _ in LEVERS])
    b = np.array([hi for _, _, hi in LEVERS])
    ends = _npv(inputs, [(n, x) for n, x in zip(names, a, strict=True)]
                + [(n, x) for n, x in zip(names, b, strict=True)])
    fa, fb = ends[: len(names)].copy(), ends[len(names):]
    result: list[float | None] = [None] * len(names)
    active = []
    for i in range(len(names)):
        if fa[i] == 0:
            result[i] = float(a[i])
        elif fb[i] == 0:
            result[i] = float(b[i])
        elif np.sign(fa[i]) != np.sign(fb[i]):
            active.append(i)
    width = b - a
    while active:
        mids = (a + b) / 2.0
        fm = _npv(inputs, [(names[i], mids[i]) for i in active])
        still = []
        for i, f in zip(active, fm, strict=True):
            if f == 0:
                result[i] = float(mids[i])
                continue
            if np.sign(f) == np.sign(fa[i]):
                a[i], fa[i] = mids[i], f
            else:
                b[i] = mids[i]
            if b[i] - a[i] <= tolerance * width[i]:
                result[i] = float((a[i] + b[i]) / 2.0)
            else:
                still.append(i)
        active = still
    return [{"lever": n, "value": v, "npv_at_low": float(ends[i]),
             "npv_at_high": float(ends[len(names) + i])}
            for i, (n, v) in enumerate(zip(names, result, strict=True))]
