"""The money tiles: payroll savings (from AI, from structure), compute, net cash, NPV, payback.

Savings are measured against the same organisation without AI in the same month (MODEL.md
5), so they count hiring avoided as the work grows, not only people who leave.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from planner import formatting as fmt

from ..doc.fields import fmt_percent
from . import meaning as M
from .kpis import Kpi, horizon_title, month_name, nice_month, nothing_changes, tone_of

if TYPE_CHECKING:
    from planner.engine import Result


def _f(x: object) -> float:
    return float(x)


def money_kpis(result: Result, currency: str) -> dict[str, Kpi]:
    s = result.series
    st = result.plan.settings
    H = result.horizon
    cur = currency

    def money(x: float, **kw) -> str:
        return fmt.money(x, cur, **kw)

    out: dict[str, Kpi] = {}
    payC, payP = _f(s["payroll_without_ai"][-1]), _f(s["payroll"][-1])
    sav, sav_ai = _f(s["payroll_savings"][-1]), _f(s["payroll_savings_ai"][-1])
    sav_st = _f(s["payroll_savings_structure"][-1])
    payA = payC - sav_ai
    cum_ai, cum_st = _f(s["payroll_savings_ai"].sum()), _f(s["payroll_savings_structure"].sum())
    wage = st.wage_growth_per_year
    out["payroll_savings"] = Kpi(
        "payroll_savings", "Payroll savings", f"{money(sav * 12, short=True)} / yr",
        detail=f"AI {money(sav_ai * 12, short=True)} · structure "
               f"{money(sav_st * 12, short=True)}",
        tone=tone_of(sav),
        tooltip=[
            f"Payroll savings a year = (payroll without AI − payroll of the plan) in month {H} × 12",
            f"= ({money(payC)} − {money(payP)}) × 12 = {money(sav * 12)} a year",
            f"From AI = (payroll without AI − payroll with the AI but today's spans) × 12 = "
            f"({money(payC)} − {money(payA)}) × 12 = {money(sav_ai * 12)}",
            f"From structure = (payroll with the AI but today's spans − payroll of the plan) × 12 "
            f"= ({money(payA)} − {money(payP)}) × 12 = {money(sav_st * 12)}",
            f"Over {H} months: {money(cum_ai)} from AI + {money(cum_st)} from structure = "
            f"{money(cum_ai + cum_st)}",
            f"{M.PAYROLL} ({fmt.percent(wage)} a year) in every organisation",
            "Inputs: Teams (roles' annual cost and headcount) and the Headcount figures; "
            "Settings (wage growth)",
        ])

    api = _f(s["api_cost"][-1])
    gpu = _f(s["_rental"][-1] + s["_energy_cost"][-1] + s["depreciation"][-1])
    seats = _f(s["seat_cost"][-1])
    comp = _f(s["compute_pnl"][-1])
    out["compute"] = Kpi(
        "compute", "Compute", f"{money(comp * 12, short=True)} / yr",
        detail=f"{money(comp, short=True)} in month {H}",
        tone="cost" if comp > 1e-9 else "neutral",
        tooltip=[
            f"Annual compute (P&L view) = compute cost in month {H} × 12 = "
            f"{money(comp)} × 12 = {money(comp * 12)}",
            f"Month {H}: API {money(api)} + GPU {money(gpu)} + seats {money(seats)}",
            M.API, M.GPU, M.SEATS,
            "Inputs: Workflows (calls, tokens, model), Models, GPUs, Teams (AI seats), Settings "
            "(API price decline, token use growth, serving speed gain, GPU price decline, peak "
            "to average, PUE, power price)",
        ])

    sav_all = _f(s["payroll_savings"].sum())
    cash_all = _f(s["compute_cash"].sum())
    sev_all = _f((s["severance"] - s["severance_without_ai"]).sum())
    one_off = _f(s["one_off"].sum())
    net_cash = _f(s["net_cash"].sum())
    net_pnl = _f(s["net_pnl"].sum())
    # people laid off with no severance and no one-off cost: say so, it flatters the figure
    leaves = st.reduction != "attrition" and bool(
        (s["headcount"] < result.summary["baseline"]["headcount"] - 1e-9).any())
    free = leaves and not st.severance_months and not st.implementation_cost
    out["net"] = Kpi(
        "net", f"{horizon_title(H).capitalize()} cash", money(net_cash, short=True, sign=True),
        detail=(f"over {H} months; no severance or one-off cost set" if free
                else f"over {H} months, after costs"),
        tone=tone_of(net_cash),
        tooltip=[
            M.net_cash(H),
            f"= {money(sav_all)} − {money(cash_all)} − {money(sev_all)} − {money(one_off)} = "
            f"{money(net_cash, sign=True)}",
            *(["People leave by layoffs, but severance is 0 months and the implementation cost "
               "is 0 (Settings): set them for a figure a finance reader can defend"] if free
              else []),
            "Extra severance = the plan's severance − the severance the organisation without AI "
            "would pay (it lays people off too when its work shrinks)",
            f"P&L view (depreciation instead of purchases): {money(net_pnl, sign=True)}",
            "Inputs: the Payroll savings and Compute figures, Settings (severance months, "
            "implementation cost)",
        ])

    npv = result.npv
    rate = st.discount_rate_per_year
    out["npv"] = Kpi(
        "npv", "NPV", money(npv, short=True, sign=True),
        detail=f"net cash at {fmt_percent(rate)} a year",
        tone=tone_of(npv),
        tooltip=[
            M.NPV,
            f"= {money(npv, sign=True)} at a discount rate of {fmt_percent(rate)} a year "
            f"(undiscounted: {money(net_cash, sign=True)})",
            "Each month's cash is discounted m/12 years (at the end of the month)"
            + (": with a rate of 0% the NPV equals the net cash" if rate == 0 else ""),
            "Inputs: the Net cash figures, Settings (discount rate)",
        ])

    out["payback"] = _payback(result, money)
    return out


def _payback(result: Result, money) -> Kpi:
    s = result.series
    H = result.horizon
    pb = result.payback_month
    cum = s["net_cash"].cumsum()
    formula = M.PAYBACK
    inputs = "Inputs: the Net cash figures (Teams, Workflows, Models, GPUs, Settings)"
    if nothing_changes(result):
        # Nothing is saved or spent: "paid back in month 1" would read as a win.
        return Kpi("payback", "Payback", "–", detail="nothing changes yet", tone="neutral",
                   tooltip=[formula, "Net cash is 0 in every month: the plan saves and spends "
                            "nothing yet. Add workflows with an AI effect (Workflows) to see a "
                            "payback month.", inputs])
    if pb is None:
        last = _f(cum[-1]) if len(cum) else 0.0
        return Kpi("payback", "Payback", "–", detail=f"not within {H} months", tone="problem",
                   tooltip=[formula, f"Cumulative net cash in month {H}: "
                            f"{money(last, sign=True)}", inputs])
    lines = [formula]
    if pb > 1:
        lines.append(f"Month {pb - 1}: {money(_f(cum[pb - 2]), sign=True)}")
    lines.append(f"Month {pb}: {money(_f(cum[pb - 1]), sign=True)}")
    lines.append(f"Paid back in {month_name(result, pb)}")
    nice = nice_month(result.month_labels[pb - 1])
    detail = nice if nice != f"M{pb}" else f"of {H}"
    tone = "saving"
    if fmt.below_again(_f(cum[-1])):
        # reached 0 once, then spent it again: not a plan that has paid back
        lines.append(f"…but cumulative net cash is {money(_f(cum[-1]), sign=True)} in month {H}: "
                     "the plan does not stay paid back")
        detail, tone = f"{detail}; below 0 again by month {H}", "problem"
    lines.append(inputs)
    return Kpi("payback", "Payback", f"month {pb}", detail=detail, tone=tone, tooltip=lines)
