"""Two checks on the Summary: where the plan departs from the cited evidence, and whether
the workbook still shows what OrgPlanner computed at export (a stored copy of the headline
results beside the live ones)."""

from __future__ import annotations

import textwrap
from typing import Any

from ...plan.paths import place_words
from .book import Book, Rows
from .cells import NOT_AVAILABLE, Look

MAX_WARNINGS = 12
SECTION = Look(bold=True, size=12, colour="1F3A5F")
NOTE = Look(muted=True, size=9)
CHECK_LABELS = {
    "baseline_headcount": ("Headcount today", "num1"),
    "final_headcount": ("Headcount, final month", "num1"),
    "final_headcount_without_ai": ("Headcount without AI, final month", "num1"),
    "compression_ratio": ("Compression", "ratio"),
    "baseline_layers": ("Layers today", "int"),
    "final_layers": ("Layers, final month", "int"),
    "baseline_layers_needed": ("Layers needed today", "int"),
    "final_layers_needed": ("Layers needed, final month", "int"),
    "fte_freed": ("FTE freed, final month", "num1"),
    "payback_month": ("Payback month", "month"),
    "cumulative_net_cash": ("Cumulative net cash", "money"),
    "npv_net_cash": ("NPV of net cash", "money"),
    "cumulative_net_pnl": ("Cumulative net P&L", "money"),
    "cumulative_savings_from_ai": ("Savings from AI", "money"),
    "cumulative_savings_from_structure": ("Savings from structure", "money"),
    "final_compute_per_month": ("Compute per month, final month", "money"),
    "final_tokens_per_month": ("Tokens per month, final month", "tokens"),
    "final_gpus": ("GPUs, final month", "int"),
}


def headline_values(summary: dict) -> dict[str, Any]:
    """The named headline results of the Summary, as the engine computed them."""
    b, f = summary["baseline"], summary["final"]
    return {
        "baseline_headcount": b["headcount"], "final_headcount": f["headcount"],
        "final_headcount_without_ai": f["headcount_without_ai"],
        "compression_ratio": summary["compression_ratio"], "baseline_layers": b["layers"],
        "final_layers": f["layers"], "baseline_layers_needed": b["layers_needed"],
        "final_layers_needed": f["layers_needed"], "fte_freed": f["fte_freed"],
        "payback_month": summary["payback_month"],
        "cumulative_net_cash": summary["cumulative_net_cash"],
        "npv_net_cash": summary["npv_net_cash"], "cumulative_net_pnl": summary["cumulative_net_pnl"],
        "cumulative_savings_from_ai": summary["cumulative_savings_from_ai"],
        "cumulative_savings_from_structure": summary["cumulative_savings_from_structure"],
        "final_compute_per_month": f["compute_per_month"],
        "final_tokens_per_month": f["tokens_per_month"], "final_gpus": f["gpus"],
    }


def _place(data: dict, loc: tuple) -> str:
    if len(loc) <= 1:
        return "The whole plan"
    return place_words(data, tuple(loc))


NO_WARNINGS = ("None: no input crosses the evidence checks; where a note calls an input a "
               "judgement, it is the plan's own view.")


def write_evidence(b: Book, ws, put: Rows) -> None:
    """The plan's evidence warnings, one line each: the place and the advice."""
    from ...model.evidence import evidence_warnings

    warnings = evidence_warnings(b.plan, b.figs.result)
    put(b.txt(ws, "Against the evidence", SECTION))
    if not warnings:
        put(b.txt(ws, NO_WARNINGS, NOTE))
        return
    put(b.txt(ws, f"{len(warnings)} place{'s' if len(warnings) != 1 else ''} where the plan "
                  "goes beyond what the cited studies measured (the plan is still valid):", NOTE))
    for w in warnings[:MAX_WARNINGS]:
        text = f"{_place(b.data, w.loc)}: {w.message}"
        for n, line in enumerate(textwrap.wrap(text, 140, subsequent_indent="    ")):
            put(b.txt(ws, ("• " if n == 0 else "") + line, NOTE))
    if len(warnings) > MAX_WARNINGS:
        put(b.txt(ws, f"... and {len(warnings) - MAX_WARNINGS:,} more: see the Problems list in "
                      "OrgPlanner.", NOTE))


def write_check_table(b: Book, ws, put: Rows) -> dict[str, str]:
    """The headline results as computed at export beside the live ones; returns the name of
    the column that flags each difference (``check_flags``)."""
    values = headline_values(b.figs.summary)
    put(b.txt(ws, "Check: the headline results as OrgPlanner computed them at export", SECTION))
    put(*b.header(ws, ["Result (its name)", "At export", "Now", "Differs (1 = yes)"]))
    first = r = put.row + 1
    for key, (label, fmt) in CHECK_LABELS.items():
        v = values[key]
        stored = NOT_AVAILABLE if v is None else v
        now = f"={key}"
        flag = (f"=IF(AND(ISNUMBER(D{r}),ISNUMBER(C{r})),IF(ABS(D{r}-C{r})<=1E-6*MAX(1,ABS(C{r})),0,1),"
                f"IF(D{r}&\"\"=C{r}&\"\",0,1))")
        look = Look(fmt=fmt, border=True)
        put(b.txt(ws, f"{label} ({key})", Look(border=True, size=9)), b.val(ws, stored, look),
            b.calc(ws, now, v, look), b.calc(ws, flag, 0, Look(fmt="int", border=True)))
        r += 1
    put(b.txt(ws, "The check at the top counts the differences: an edited input, another "
                  "scenario, or a spreadsheet that computes differently.", NOTE))
    return {"check_flags": f"$E${first}:$E${r - 1}"}


__all__ = ["write_evidence", "write_check_table", "headline_values", "CHECK_LABELS"]
