"""The person-readable summary table printed by ``orgplanner summary``."""

from __future__ import annotations

from typing import Any

from ..formatting import money, number, payback, percent, ratio, smart, tokens
from ..textsafe import plain_text


def summary_table(s: dict[str, Any]) -> str:
    cur = s["currency"]
    b, f = s["baseline"], s["final"]
    H = s["horizon_months"]
    yrs = s["years"]
    annual_compute = f["compute_per_month"] * 12
    rows: list[tuple[str, str, str]] = [
        ("Headcount", smart(b["headcount"]), smart(f["headcount"])),
        ("  individual contributors", smart(b["ic"]), smart(f["ic"])),
        ("  managers", smart(b["managers"]), smart(f["managers"])),
        ("  without AI (same work)", smart(b["headcount"]), smart(f["headcount_without_ai"])),
        ("Span of control (direct reports)", number(b["avg_span"], 1), number(f["avg_span"], 1)),
        ("ICs per manager", number(b["ics_per_manager"], 1), number(f["ics_per_manager"], 1)),
        ("Layers (team tree)", _opt(b["layers"]), _opt(f["layers"])),
        ("Layers needed (even pyramid)", _opt(b["layers_needed"]), _opt(f["layers_needed"])),
        ("Coordination paths", number(b["coordination_paths"]), number(f["coordination_paths"])),
        ("Payroll per year", money(b["payroll_annual"], cur), money(f["payroll_annual"], cur)),
    ]
    w = max(len(r[0]) for r in rows) + 2
    out = [f"{s['name']}  ({H} months, {cur})", ""]
    out.append(f"{'':<{w}}{'today':>16}{f'month {H}':>16}")
    out += [f"{a:<{w}}{x:>16}{y:>16}" for a, x, y in rows]
    out.append("")
    last = s["monthly"][-1] if s["monthly"] else {}
    facts = [
        ("Compression (without AI / plan)", ratio(s["compression_ratio"])),
        ("FTE freed by AI (gross)", number(f["fte_freed"], 1)),
        ("Hours saved per month", number(f["hours_saved_per_month"])),
        (f"Payroll savings per year (month {H})",
         money(last.get("payroll_savings", 0) * 12, cur)),
        (f"Payroll saved over {H} months: from AI", money(s["cumulative_savings_from_ai"], cur)),
        (f"Payroll saved over {H} months: from structure",
         money(s["cumulative_savings_from_structure"], cur)),
        ("Compute per month (P&L)", money(f["compute_per_month"], cur)),
        ("Compute per year (P&L)", money(annual_compute, cur)),
        ("Compute as share of payroll", percent(f["compute_to_payroll"], 2)),
        ("Tokens per month", tokens(f["tokens_per_month"])),
        ("GPUs (self-hosted)", number(f["gpus"])),
        *[(f"  {x['model']} on {x['gpu']}", _fleet(x)) for x in f.get("fleets", [])],
        ("Energy per month", f"{number(f['energy_kwh_per_month'])} kWh"),
        (f"Net P&L over {H} months", money(s["cumulative_net_pnl"], cur)),
        (f"Net cash over {H} months", money(s["cumulative_net_cash"], cur)),
        ("NPV of net cash", money(s["npv_net_cash"], cur)),
        ("Payback", _payback(s)),
    ]
    w2 = max(len(a) for a, _ in facts) + 2
    out += [f"{a:<{w2}}{v:>16}" for a, v in facts]
    out.append("")
    head = ("Year", "Saved: AI", "Saved: structure", "Compute (P&L)", "Extra severance",
            "One-off", "Net P&L", "Net cash")
    out.append("".join(f"{h:>17}" if i else f"{h:<6}" for i, h in enumerate(head)))
    for y in yrs:
        vals = [y["payroll_savings_ai"], y["payroll_savings_structure"], y["compute_pnl"],
                y["severance"] - y["severance_without_ai"], y["one_off"], y["net_pnl"],
                y["net_cash"]]
        out.append(f"{y['year']:<6}" + "".join(f"{money(v, cur):>17}" for v in vals))
    return plain_text("\n".join(out) + "\n")  # the plan's name: no ESC sequences


def _fleet(x: dict[str, Any]) -> str:
    busy = x["busy_share"]
    return f"{x['gpus']} GPUs, busy {percent(busy, 1)}" if busy is not None else "no GPUs"


def _payback(s: dict[str, Any]) -> str:
    if all(abs(row["net_cash"]) < 1e-6 for row in s["monthly"]):
        return "– (nothing changes)"
    if s["payback_month"] is None:
        return "not within the horizon"
    return payback(s["payback_month"], s["cumulative_net_cash"])


def _opt(v: Any) -> str:
    return "–" if v is None else str(v)
