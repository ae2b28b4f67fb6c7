"""The numbers behind the spans-and-layers charts: the real roster (before) and the plan's
final month (after). No Qt here.

"Before" is measured on the roster's reporting tree. The plan keeps teams and roles, not
people, so "after" is modelled: the engine's month-H ICs (N) and managers (K) are arranged in
an even pyramid with L = ceil(ln N / ln(N/K)) management layers (MODEL.md section 2), managers
per layer growing by the average span N/K, and the ICs on the layer below; the span histogram
counts each team's month-H managers at that team's ICs per manager.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from planner.io.roster import RosterAnalysis


@dataclass
class Pyramid:
    layers: list[int] = field(default_factory=list)      # 1 = top
    people: list[float] = field(default_factory=list)
    managers: list[float] = field(default_factory=list)


@dataclass
class SpansFigures:
    before_layers: Pyramid
    before_spans: dict[int, int]                  # span -> managers (roster)
    before_mean_span: float | None
    after_layers: Pyramid | None = None
    after_spans: dict[int, float] | None = None   # ICs per manager -> managers (plan, month H)
    after_mean_span: float | None = None
    after_month: int | None = None
    plan_name: str | None = None
    plan_baseline_headcount: float | None = None
    plan_final_headcount: float | None = None
    after_note: str = ""
    after_formula: str = ""                      # the formula behind after_note (tooltip)


def roster_pyramid(a: RosterAnalysis) -> Pyramid:
    counts, mgrs = a.layer_counts, a.managers_per_layer
    layers = sorted(counts)
    return Pyramid(layers, [float(counts[k]) for k in layers], [float(mgrs.get(k, 0)) for k in layers])


def even_pyramid(n_ic: float, n_mgr: float) -> Pyramid:
    """N ICs and K managers in an even pyramid (MODEL.md's layers formula)."""
    if n_ic <= 0 and n_mgr <= 0:
        return Pyramid()
    if n_mgr <= 0:
        return Pyramid([1], [n_ic], [0.0])
    if n_ic <= 0:
        return Pyramid([1], [n_mgr], [n_mgr])
    s = n_ic / n_mgr
    if s <= 1:
        # Fewer ICs than managers: the formula has no answer; show one layer of each.
        return Pyramid([1, 2], [n_mgr, n_ic], [n_mgr, 0.0])
    layers = max(1, math.ceil(math.log(n_ic) / math.log(s) - 1e-9))
    weights = np.array([s ** k for k in range(layers)], dtype=float)
    mgr = n_mgr * weights / weights.sum()
    people = [*mgr.tolist(), float(n_ic)]
    return Pyramid(list(range(1, layers + 2)), people, [*mgr.tolist(), 0.0])


def plan_after(result: Any) -> tuple[Pyramid, dict[int, float], float | None, int]:
    """(pyramid, span histogram, mean span, month) of a plan's final month."""
    h = result.ic.shape[1] - 1
    ic = np.asarray(result.ic[:, h], dtype=float)
    mgr = np.asarray(result.mgr[:, h], dtype=float)
    n, k = float(ic.sum()), float(mgr.sum())
    hist: dict[int, float] = {}
    for t_ic, t_mgr in zip(ic, mgr, strict=True):
        if t_ic > 0 and t_mgr > 0:
            span = max(1, int(round(t_ic / t_mgr)))
            hist[span] = hist.get(span, 0.0) + t_mgr
    return even_pyramid(n, k), dict(sorted(hist.items())), (n / k if k else None), h


def spans_figures(a: RosterAnalysis, plan: Any | None = None) -> SpansFigures:
    """Before from the roster; after from ``plan`` (a Plan) when given and computable."""
    fig = SpansFigures(before_layers=roster_pyramid(a), before_spans=a.span_distribution,
                       before_mean_span=a.mean_span)
    if plan is None:
        fig.after_note = "No valid plan open: only the roster as it is today is shown."
        return fig
    from planner.engine import compute

    result = compute(plan)
    pyramid, hist, mean, month = plan_after(result)
    summary = result.summary
    fig.after_layers, fig.after_spans, fig.after_mean_span, fig.after_month = pyramid, hist, mean, month
    fig.plan_name = plan.name
    fig.plan_baseline_headcount = summary["baseline"]["headcount"]
    fig.plan_final_headcount = summary["final"]["headcount"]
    today = summary["baseline"]["layers"]
    fig.after_note = (
        f"After = the plan \u201c{plan.name}\u201d at month {month}: "
        f"{summary['final']['ic']:,.0f} ICs and {summary['final']['managers']:,.0f} managers in "
        f"{len(pyramid.layers) - 1} management layers, the fewest layers an even pyramid needs for "
        f"that many people at this span ({today if today is not None else '-'} today). "
        "Before = the roster's real reporting tree.")
    fig.after_formula = ("Management layers L = ceil(ln N / ln span), N = ICs, span = ICs per "
                         "manager (the planning model, section 2).")
    if fig.plan_baseline_headcount and abs(fig.plan_baseline_headcount - a.fte) > 0.05 * a.fte:
        fig.after_note += (f" Note: the plan has {fig.plan_baseline_headcount:,.0f} people today and "
                           f"the roster {a.fte:,.0f} FTE: is this plan built from this roster?")
    return fig
