"""The dashboard's key figures, each with its formula in words, its inputs and their source.

Pure Python over the engine's numpy series (no Qt, no pandas), so it is cheap enough to run
after every edit and easy to test. Each :class:`Kpi` carries the text a tile shows and the
lines of its tooltip.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from planner import formatting as fmt

from . import meaning as M

if TYPE_CHECKING:
    from planner.engine import Result

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# Tile order; the views lay tiles out in this order (5 to a row on the Overview, 2 in the dock).
KPI_KEYS = ("headcount", "compression", "layers", "span", "fte_freed", "payroll_savings",
            "compute", "net", "npv", "payback")

# Below this a money figure is noise (float sums of zeros), not a saving or a cost.
NOTHING = 1e-6


@dataclass(frozen=True)
class Kpi:
    key: str
    title: str
    value: str
    detail: str = ""
    tone: str = "neutral"          # neutral | saving | cost | problem
    tooltip: list[str] = field(default_factory=list)   # first line: the formula


def nice_month(label: str) -> str:
    """``2027-07`` -> ``Jul 2027``; ``M7`` stays ``M7``."""
    try:
        year, month = label.split("-")
        return f"{_MONTHS[int(month) - 1]} {int(year)}"
    except (ValueError, IndexError):
        return label


def month_name(result: Result, m: int) -> str:
    """``month 7 (Jul 2027)`` for months 1..H; ``today`` for month 0."""
    if m <= 0:
        return "today"
    label = result.month_labels[m - 1]
    nice = nice_month(label)
    return f"month {m}" if nice == f"M{m}" else f"month {m} ({nice})"


def horizon_title(horizon: int) -> str:
    """``3-year net`` for 36 months, ``2-year net`` for 24, else ``18-month net``."""
    if horizon % 12 == 0:
        return f"{horizon // 12}-year net"
    return f"{horizon}-month net"


def nothing_changes(result: Result) -> bool:
    """True when the plan saves and spends nothing in any month (an empty plan)."""
    s = result.series
    return not any((abs(s[k]) > NOTHING).any() for k in ("net_cash", "payroll_savings",
                                                         "compute_cash"))


def tone_of(x: float, *, good: str = "saving") -> str:
    return good if x > NOTHING else ("problem" if x < -NOTHING else "neutral")


def _f(x: object) -> float:
    return float(x)  # numpy scalar -> float for formatting


def _int_or_dash(x: object) -> str:
    return "–" if x is None else str(int(x))


def _one(x: float | None) -> str:
    return "–" if x is None else f"{x:.1f}"


def build_kpis(result: Result, currency: str) -> dict[str, Kpi]:
    """Every tile's figures for ``result``, keyed by :data:`KPI_KEYS`."""
    from .kpi_money import money_kpis

    out = people_kpis(result)
    out.update(money_kpis(result, currency))
    return out


# ----- people -------------------------------------------------------------------------------
def people_kpis(result: Result) -> dict[str, Kpi]:
    s = result.series
    st = result.plan.settings
    H = result.horizon
    end = month_name(result, H)
    summary = result.summary
    b, f = summary["baseline"], summary["final"]
    n0, nH, k0, kH = b["ic"], f["ic"], b["managers"], f["managers"]
    hc0, hcH = b["headcount"], f["headcount"]
    hcC = f["headcount_without_ai"]
    smart = fmt.smart
    out: dict[str, Kpi] = {}

    delta = hcH - hc0
    pct = f" ({delta / hc0:+.1%})".replace("-", "−") if hc0 and delta else ""
    change = "no change" if abs(delta) < 1e-9 else f"{smart(delta).replace('-', '−')}"
    if delta > 1e-9:
        change = "+" + change
    rule = (f'ICs per team = max(min ICs, ceil(ICs today − (FTE freed − extra work from volume '
            f'growth) × (1 − kept for new work {fmt.percent(st.redeploy_share)}))); a shortfall is '
            'hired' if st.headcount_policy == "reduce" else
            'ICs never fall under the "redeploy" policy (freed time is kept as capacity); a '
            'shortfall is hired')
    path = ("People leave by attrition (" + fmt.percent(st.attrition_per_year) + " of today's a "
            "year), nobody is laid off" if st.reduction == "attrition" else
            "Headcount comes down by layoffs, at once")
    detail = f"{change}{pct} by {nice_month(result.month_labels[-1])}"
    needed = s.get("_hc_needed")
    behind = float(hcH - needed[-1]) if st.reduction == "attrition" and needed is not None else 0.0
    if behind > 0.05:
        # attrition is slower than the plan: people the work no longer needs are still there
        detail = f"{smart(behind)} above need: attrition lags"
        path += (f"; in {end} the work needs {smart(float(needed[-1]))} people, so "
                 f"{smart(behind)} are still to leave at that pace (fractions: people leave as a "
                 "share of today's each month)")
    out["headcount"] = Kpi(
        "headcount", "Headcount", f"{smart(hc0)} → {smart(hcH)}",
        detail=detail,
        tooltip=[
            M.HEADCOUNT,
            f"Today: {smart(n0)} ICs + {smart(k0)} managers = {smart(hc0)}",
            f"In {end}: {smart(nH)} ICs + {smart(kH)} managers = {smart(hcH)}",
            f"Without AI in {end}: {smart(hcC)} (the same work, growing with its volume "
            f"growth, at today's spans)"
            + (f": {smart(hcC - hcH)} hires avoided" if hcC - hcH > 1e-9 and hcC > hc0 else ""),
            rule, path,
            M.MANAGERS,
            "Inputs: Teams (roles' headcount and kind, min ICs, target span), Workflows (FTE "
            "freed, volume growth), Settings (headcount policy, kept for new work, how headcount "
            "comes down, attrition, target span, volume growth)",
        ])

    ratio = summary["compression_ratio"]
    out["compression"] = Kpi(
        "compression", "Compression", fmt.ratio(ratio),
        detail=f"{smart(hcC)} without AI ÷ {smart(hcH)}",
        tooltip=[
            f"Compression ratio = headcount without AI / headcount of the plan in month {H} = "
            f"{smart(hcC)} / {smart(hcH)}" + (f" = {fmt.ratio(ratio)}" if ratio else ""),
            "The people the same work would need without AI, per person the plan needs; "
            "above 1x AI does the work with fewer people",
            M.WITHOUT_AI,
            "Inputs: the Headcount figures (Teams, Workflows, Settings)",
        ] + ([] if ratio else ["No one is left in the final month, so there is no ratio"]))

    lay0, layH = b["layers"], f["layers"]
    need0, needH = b["layers_needed"], f["layers_needed"]
    out["layers"] = Kpi(
        "layers", "Layers", f"{_int_or_dash(lay0)} → {_int_or_dash(layH)}",
        detail=f"needed {_int_or_dash(need0)} → {_int_or_dash(needH)}",
        tooltip=[
            M.LAYERS,
            f"Today: {_int_or_dash(lay0)}; in {end}: {_int_or_dash(layH)} (a team whose "
            "managers are all gone no longer adds a layer)",
            _needed_line("today", n0, k0, b["avg_span"], need0),
            _needed_line(f"in {end}", nH, kH, f["avg_span"], needH),
            "Inputs: Teams (reports to, ICs, managers, target span), Settings (target span)",
        ])

    sp0, spH = b["avg_span"], f["avg_span"]
    out["span"] = Kpi(
        "span", "Span of control", f"{_one(sp0)} → {_one(spH)}",
        detail=f"ICs per manager {_one(b['ics_per_manager'])} → {_one(f['ics_per_manager'])}",
        tooltip=[
            "Span of control = direct reports per manager = (ICs + managers − 1) / managers "
            "(everyone but the top person reports to one manager)",
            _span_line("Today", n0, k0, sp0),
            _span_line(f"In {end}", nH, kH, spH),
            f"ICs per manager = ICs / managers: {_one(b['ics_per_manager'])} today, "
            f"{_one(f['ics_per_manager'])} in {end}",
            "Inputs: Teams (ICs, managers, target span), Settings (target span)",
        ])

    fte = _f(s["fte_freed"][-1])
    hours = _f(s["hours_saved"][-1])
    hpy = st.hours_per_fte_year
    n_wf = len(result.workflow_ids)
    out["fte_freed"] = Kpi(
        "fte_freed", "FTE freed", fmt.number(fte, 1),
        detail=f"{fmt.number(hours)} h a month",
        tone=tone_of(fte),
        tooltip=[
            M.FTE_FREED,
            f"In {end}: {fmt.number(hours, 1)} / ({fmt.number(hpy)} / 12) = {fmt.number(fte, 1)} FTE",
            M.hours_saved(n_wf),
            "Inputs: Workflows (volume, minutes, AI effect, volume growth), Settings (hours per "
            "FTE year, volume growth)",
        ] + ([] if n_wf else ["Add a workflow with an AI effect to free time"]))
    return out


def _span_line(label: str, n: float, k: float, span: float | None) -> str:
    if span is None:
        return f"{label}: {fmt.smart(n)} ICs and no managers: no span"
    return (f"{label}: ({fmt.smart(n)} + {fmt.smart(k)} − 1) / {fmt.smart(k)} = {span:.2f}")


def _needed_line(when: str, n: float, k: float, span: float | None, needed: object) -> str:
    head = f"Layers needed for an even pyramid, {when}"
    if span is None or n <= 0:
        return f"{head}: no ICs or no managers, so none"
    if span <= 1:
        return f"{head}: span {span:.2f} is 1 or less, so not defined"
    return (f"{head}: ceil(ln {fmt.smart(n)} ICs / ln span {span:.2f}) = "
            f"ceil({math.log(n) / math.log(span):.2f}) = {_int_or_dash(needed)}")
