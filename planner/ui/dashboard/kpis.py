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

if TYPE_CHECKING:
    from planner.engine import Result

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# Tile order; the views lay tiles out in this order.
KPI_KEYS = ("headcount", "compression", "layers", "fte_freed", "payroll_savings", "compute",
            "net", "payback")


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


def _f(x: object) -> float:
    return float(x)  # numpy scalar -> float for formatting


def _opt(x: float) -> float | None:
    return None if x is None or math.isnan(x) else x


def _int_or_dash(x: float | None) -> str:
    return "–" if x is None else str(int(x))


def _span(n: float, k: float) -> float | None:
    return n / k if k else None


def build_kpis(result: Result, currency: str) -> dict[str, Kpi]:
    """Every tile's figures for ``result``, keyed by :data:`KPI_KEYS`."""
    s = result.series
    plan = result.plan
    st = plan.settings
    H = result.horizon
    money = fmt.money
    cur = currency
    end = month_name(result, H)

    n0, nH = _f(s["_ic_all"][0]), _f(s["_ic_all"][-1])
    k0, kH = _f(s["_mgr_all"][0]), _f(s["_mgr_all"][-1])
    hc0, hcH = n0 + k0, nH + kH
    out: dict[str, Kpi] = {}

    # ----- people ---------------------------------------------------------------------
    delta = hcH - hc0
    pct = f" ({delta / hc0:+.1%})".replace("-", "−") if hc0 and delta else ""
    change = "no change" if abs(delta) < 1e-9 else f"{fmt.smart(delta).replace('-', '−')}"
    if delta > 1e-9:
        change = "+" + change
    policy = st.headcount_policy
    rule = (f'ICs per team = max(min ICs, ceil(ICs today − FTE freed × (1 − redeploy share '
            f'{fmt.percent(st.redeploy_share)}))) under the "reduce" policy'
            if policy == "reduce" else
            'ICs stay as they are under the "redeploy" policy (freed time is kept as capacity)')
    out["headcount"] = Kpi(
        "headcount", "Headcount", f"{fmt.smart(hc0)} → {fmt.smart(hcH)}",
        detail=f"{change}{pct} by {nice_month(result.month_labels[-1])}",
        tooltip=[
            "Headcount = ICs + managers, summed over every team",
            f"Today: {fmt.smart(n0)} ICs + {fmt.smart(k0)} managers = {fmt.smart(hc0)}",
            f"In {end}: {fmt.smart(nH)} ICs + {fmt.smart(kH)} managers = {fmt.smart(hcH)}",
            rule,
            "Managers per team = ceil(ICs / span); span = the team's target span, else the "
            "plan's target span, else ICs / managers today",
            "Inputs: Teams (roles' headcount and kind, min ICs, target span), "
            "Workflows (FTE freed), Settings (headcount policy, redeploy share, target span)",
        ])

    ratio = hc0 / hcH if hcH else None
    out["compression"] = Kpi(
        "compression", "Compression", fmt.ratio(ratio),
        detail=f"today ÷ month {H}",
        tooltip=[
            f"Compression ratio = headcount today / headcount in month {H} = "
            f"{fmt.smart(hc0)} / {fmt.smart(hcH)}" + (f" = {fmt.ratio(ratio)}" if ratio else ""),
            "Above 1x the organisation does the same work with fewer people",
            "Inputs: the Headcount figures (Teams and Workflows)",
        ] + ([] if ratio else ["No one is left in the final month, so there is no ratio"]))

    lay = result.layers_series
    l0, lH = _opt(_f(lay[0])), _opt(_f(lay[-1]))
    sp0, spH = _span(n0, k0), _span(nH, kH)

    def span_text(x: float | None) -> str:
        return "–" if x is None else f"{x:.1f}"

    def layers_line(label: str, n: float, k: float, layers: float | None) -> str:
        sp = _span(n, k)
        if sp is None or n <= 0:
            return f"{label}: {fmt.smart(n)} ICs, {fmt.smart(k)} managers: no layers"
        if sp <= 1:
            return f"{label}: span {sp:.2f} is 1 or less, so layers are not defined"
        return (f"{label}: span = {fmt.smart(n)} / {fmt.smart(k)} = {sp:.2f}; "
                f"layers = ceil(ln {fmt.smart(n)} / ln {sp:.2f}) = "
                f"ceil({math.log(n) / math.log(sp):.2f}) = {_int_or_dash(layers)}")

    out["layers"] = Kpi(
        "layers", "Layers", f"{_int_or_dash(l0)} → {_int_or_dash(lH)}",
        detail=f"span {span_text(sp0)} → {span_text(spH)}",
        tooltip=[
            "Layers of management = ceil(ln ICs / ln average span); "
            "average span = ICs / managers (org totals)",
            layers_line("Today", n0, k0, l0),
            layers_line(f"In {end}", nH, kH, lH),
            "Inputs: Teams (ICs, managers, target span), Settings (target span)",
        ])

    # ----- time freed -----------------------------------------------------------------
    fte = _f(s["fte_freed"][-1])
    hours = _f(s["hours_saved"][-1])
    hpy = st.hours_per_fte_year
    n_wf = len(result.workflow_ids)
    out["fte_freed"] = Kpi(
        "fte_freed", "FTE freed", fmt.number(fte, 1),
        detail=f"{fmt.number(hours)} h a month",
        tone="saving" if fte > 1e-9 else ("problem" if fte < -1e-9 else "neutral"),
        tooltip=[
            "FTE freed = hours saved per month / (hours per FTE year / 12)",
            f"In {end}: {fmt.number(hours, 1)} / ({fmt.number(hpy)} / 12) = {fmt.number(fte, 1)} FTE",
            "Hours saved = volume × minutes / 60 × adoption × ramp × "
            f"(time saved − review overhead), summed over {n_wf} workflow{'s' if n_wf != 1 else ''}",
            "Inputs: Workflows (volume, minutes, AI effect), Settings (hours per FTE year)",
        ] + ([] if n_wf else ["Add a workflow with an AI effect to free time"]))

    # ----- money ----------------------------------------------------------------------
    pay = s["_pay_all"]
    pay0, payH = _f(pay[0]), _f(pay[-1])
    sav = (pay0 - payH) * 12
    out["payroll_savings"] = Kpi(
        "payroll_savings", "Payroll savings",
        f"{money(sav, cur, short=True)} / yr",
        detail=f"payroll {money(pay0 * 12, cur, short=True)} → {money(payH * 12, cur, short=True)}",
        tone="saving" if sav > 1e-6 else ("problem" if sav < -1e-6 else "neutral"),
        tooltip=[
            f"Annual payroll savings = (monthly payroll today − monthly payroll in month {H}) × 12",
            f"= ({money(pay0, cur)} − {money(payH, cur)}) × 12 = {money(sav, cur)} a year",
            "Monthly payroll per team = (ICs × average IC cost + managers × average manager "
            "cost) / 12",
            "Inputs: Teams (roles' annual cost and headcount) and the Headcount figures",
        ])

    api = _f(s["api_cost"][-1])
    gpu = _f(s["_rental"][-1] + s["_energy_cost"][-1] + s["depreciation"][-1])
    seats = _f(s["seat_cost"][-1])
    comp = _f(s["compute_pnl"][-1])
    out["compute"] = Kpi(
        "compute", "Compute", f"{money(comp * 12, cur, short=True)} / yr",
        detail=f"{money(comp, cur, short=True)} in month {H}",
        tone="cost" if comp > 1e-9 else "neutral",
        tooltip=[
            f"Annual compute (P&L view) = compute cost in month {H} × 12 = "
            f"{money(comp, cur)} × 12 = {money(comp * 12, cur)}",
            f"Month {H}: API {money(api, cur)} + GPU {money(gpu, cur)} + seats {money(seats, cur)}",
            "API = tokens × price per million tokens (cached input at its own price), "
            "falling with the yearly price decline",
            "GPU = cloud rental + owned GPUs' energy + depreciation of owned GPUs",
            "Seats = ceil(headcount × coverage) × cost per seat a month",
            "Inputs: Workflows (calls, tokens, model), Models, GPUs, Teams (AI seats), "
            "Settings (price decline, token growth, peak to average, PUE, power price)",
        ])

    sav_all = _f(s["payroll_savings"].sum())
    comp_all = _f(s["compute_pnl"].sum())
    sev_all = _f(s["severance"].sum())
    one_off = _f(s["one_off"].sum())
    net = _f(s["net_pnl"].sum())
    net_cash = _f(s["net_cash"].sum())
    out["net"] = Kpi(
        "net", horizon_title(H).capitalize(), money(net, cur, short=True, sign=True),
        detail=f"over {H} months, after costs",
        tone="saving" if net > 1e-6 else ("problem" if net < -1e-6 else "neutral"),
        tooltip=[
            f"Net over {H} months = payroll savings − compute (P&L view) − severance − "
            "one-off costs, summed over months 1 to " + str(H),
            f"= {money(sav_all, cur)} − {money(comp_all, cur)} − {money(sev_all, cur)} − "
            f"{money(one_off, cur)} = {money(net, cur, sign=True)}",
            f"Cash view (GPU purchases when paid instead of depreciation): "
            f"{money(net_cash, cur, sign=True)}",
            "Inputs: the Payroll savings and Compute figures, Settings (severance months, "
            "implementation cost)",
        ])

    # ----- payback --------------------------------------------------------------------
    pb = result.payback_month
    cum = s["net_cash"].cumsum()
    formula = ("Payback month = the first month in which cumulative net cash (payroll savings "
               "− compute cash − severance − one-off costs, from month 1) reaches 0 or more")
    if not (abs(s["net_cash"]) > 1e-6).any():
        # Nothing is saved or spent: "paid back in month 1" would read as a win.
        out["payback"] = Kpi(
            "payback", "Payback", "–", detail="nothing changes yet", tone="neutral",
            tooltip=[formula, "Net cash is 0 in every month: the plan saves and spends nothing yet. "
                     "Add workflows with an AI effect (Workflows) to see a payback month.",
                     "Inputs: the Net figures (Teams, Workflows, Models, GPUs, Settings)"])
    elif pb is None:
        last = _f(cum[-1]) if len(cum) else 0.0
        out["payback"] = Kpi(
            "payback", "Payback", "–", detail=f"not within {H} months", tone="problem",
            tooltip=[formula,
                     f"Cumulative net cash in month {H}: {money(last, cur, sign=True)}",
                     "Inputs: the Net figures (Teams, Workflows, Models, GPUs, Settings)"])
    else:
        lines = [formula]
        if pb > 1:
            lines.append(f"Month {pb - 1}: {money(_f(cum[pb - 2]), cur, sign=True)}")
        lines.append(f"Month {pb}: {money(_f(cum[pb - 1]), cur, sign=True)}")
        lines.append("Inputs: the Net figures (Teams, Workflows, Models, GPUs, Settings)")
        nice = nice_month(result.month_labels[pb - 1])
        out["payback"] = Kpi(
            "payback", "Payback", f"month {pb}",
            detail=nice if nice != f"M{pb}" else f"of {H}",
            tone="saving", tooltip=lines)
    return out
