"""Sheets of figures OrgPlanner computes at export (values, not formulas): every scenario side
by side (``Scenarios``), and API or self-host (``Hosting``). Each says so at its top."""

from __future__ import annotations

import textwrap
from typing import Any

from openpyxl.utils import get_column_letter

from ...formatting import below_again, tokens
from .book import Book, Rows
from .cells import Look
from .scenario_inputs import BASELINE_LABEL

TITLE = Look(bold=True, size=14, colour="1F3A5F")
SECTION = Look(bold=True, size=12, colour="1F3A5F")
MUTED = Look(muted=True)
STAMP = ("Values computed by OrgPlanner at export: they do not follow edits in this workbook "
         "(export again after a change).")
NEVER = "not within the plan"
HEAD = 30            # a header row of two lines

# Scenarios: (label, how to read it from a result summary, format, format of the change)
SCENARIO_ROWS: tuple[tuple[str, Any, str, str], ...] = (
    ("Headcount (final month)", lambda s: s["final"]["headcount"], "num1", "signed1"),
    ("Managers (final month)", lambda s: s["final"]["managers"], "num1", "signed1"),
    ("Management layers (final month)", lambda s: s["final"]["layers"], "int", "signed_int"),
    ("Payroll per year (final month)", lambda s: s["final"]["payroll_annual"], "money", "cost_change"),
    ("Compute per month (final month)", lambda s: s["final"]["compute_per_month"], "money",
     "cost_change"),
    ("NPV of net cash", lambda s: s["npv_net_cash"], "money", "money_change"),
    ("Cumulative net cash", lambda s: s["cumulative_net_cash"], "money", "money_change"),
    ("Payback month", lambda s: s["payback_month"], "month", "signed_int"),
)


def lines(text: str, width: int = 150) -> list[str]:
    return textwrap.wrap(text, width) or [""]


def write_scenarios(b: Book, compared: list[Any]) -> None:
    """Every scenario's headline figures (the engine's), the change from the baseline, and
    what each scenario changes."""
    names = b.scen.names
    n = len(compared)
    widths = {"A": 2, "B": 40, **{get_column_letter(3 + k): 17 for k in range(n)}}
    ws = b.sheet("Scenarios", widths=widths, hidden_grid=True, tab="1F3A5F", tall_rows={1: 20})
    put = Rows(ws)
    put(b.txt(ws, f"{b.plan.name}: scenarios side by side", TITLE))
    for line in lines(STAMP + " To see a scenario live in every sheet, pick it at the top of "
                             "the Summary."):
        put(b.txt(ws, line, MUTED))
    put()
    summaries = [c.result.summary for c in compared]
    put(*b.header(ws, ["Figure", *names[:n]]), height=HEAD)
    for label, get, fmt, _ in SCENARIO_ROWS:
        cells = [b.val(ws, _shown(get(sm)), Look(fmt=_month_fmt(fmt, sm["cumulative_net_cash"]),
                                                  border=True)) for sm in summaries]
        put(b.txt(ws, label, Look(border=True)), *cells)
    put()
    if n > 1:
        put(*b.header(ws, ["Change from the baseline", *names[1:n]]), height=HEAD)
        base = summaries[0]
        for label, get, _, fmt in SCENARIO_ROWS:
            cells = []
            for sm in summaries[1:]:
                a, z = get(base), get(sm)
                diff = z - a if a is not None and z is not None else "n/a"
                cells.append(b.val(ws, diff, Look(fmt=fmt, border=True)))
            put(b.txt(ws, label, Look(border=True)), *cells)
        put(b.txt(ws, "A + is more than the baseline: payroll or compute that rises is red (a cost).",
                  MUTED))
        put()
        put(b.txt(ws, "What each scenario changes", SECTION))
        for sc, label in zip(b.scen.items, names[1:], strict=True):
            put(b.txt(ws, label, Look(bold=True)))
            if sc.get("note"):
                for line in lines(str(sc["note"])):
                    put(b.txt(ws, line, MUTED))
            for ov in sc.get("overrides") or []:
                how = (f"x {ov['scale']:g}" if "scale" in ov else
                       "empty" if ov.get("value") is None else f"= {ov['value']}")
                note = f"  ({ov['note']})" if ov.get("note") else ""
                put(b.txt(ws, f"   {ov.get('path')} {how}{note}", Look()))
    else:
        put(b.txt(ws, f"The plan has no scenarios: only the {BASELINE_LABEL.lower()}. Add "
                      "scenarios in OrgPlanner and export again.", MUTED))


def _shown(v: Any) -> Any:
    return NEVER if v is None else v


def month_look(final_cumulative: float) -> str:
    """The payback month's format: "month 8, then below 0" when the running net cash is below
    0 again by the end (as the app, the brief and the CLI say it); the cell stays a number."""
    return "month_below" if below_again(final_cumulative) else "month"


def _month_fmt(fmt: str, final_cumulative: float) -> str:
    return month_look(final_cumulative) if fmt == "month" else fmt


def write_hosting(b: Book, report: Any) -> None:
    """API or self-host (planner.hosting): for each model with tokens in the final month, the
    cost of every option against tokens a month, the crossovers, busy shares, the verdict."""
    ws = b.sheet("Hosting", widths={"A": 2, "B": 34, **{get_column_letter(3 + k): 16 for k in range(8)}},
                 hidden_grid=True, tab="1F3A5F", tall_rows={1: 20})
    put = Rows(ws)
    cur = b.plan.currency
    put(b.txt(ws, "API or self-host?", TITLE))
    for line in lines(f"{STAMP} Prices as in {report.to_json()['prices']}."):
        put(b.txt(ws, line, MUTED))
    if not report.workloads:
        put(b.txt(ws, report.note or "Nothing to compare.", MUTED))
        return
    money, money2 = Look(fmt="money", border=True), Look(fmt="money2", border=True)
    tok = Look(fmt="tokens", border=True)
    for w in report.workloads:
        j = w.to_json()
        put()
        put(b.txt(ws, f"{j['model']} ({'self-hosted on ' + str(j['gpu']) if j['hosting'] == 'self' else 'API'}): "
                      f"{tokens(j['tokens'])} tokens a month in month {j['month']} ({j['month_label']})",
                  SECTION))
        put(b.txt(ws, f"Mix: {j['mix']}.", MUTED))
        for line in lines(j["verdict"]):
            put(b.txt(ws, line, Look(bold=True)))
        put()
        put(*b.header(ws, ["Option", "Kind", "Cost / month at the plan's volume", "Per M tokens",
                           "GPUs", "Busy share", "Source"]), height=HEAD)
        for o in j["options"]:
            at = o["at_plan"]
            fleet = o["kind"] != "api"
            per = o["per_mtok"] if not fleet else None
            put(b.txt(ws, o["label"], Look(border=True)),
                b.txt(ws, {"api": "API", "cloud": "rented GPUs", "owned": "owned GPUs"}[o["kind"]],
                      Look(border=True)),
                b.val(ws, at["cost"], money), b.val(ws, per, money2) if per is not None
                else b.txt(ws, "", Look(border=True)),
                b.val(ws, at.get("gpus"), Look(fmt="int", border=True)) if fleet
                else b.txt(ws, "", Look(border=True)),
                b.val(ws, at.get("busy_share"), Look(fmt="pct1", border=True)) if fleet
                else b.txt(ws, "", Look(border=True)),
                b.txt(ws, o["source"], Look(border=True, muted=True)))
        labels = {o["key"]: o["label"] for o in j["options"]}
        put()
        put(*b.header(ws, ["Self-hosted option", "Against API model", "Cheaper from (tokens / month)",
                           "Always cheaper from", f"Full replicas: {cur} / M tokens",
                           f"API: {cur} / M tokens"]), height=HEAD)
        for x in j["crossovers"]:
            put(b.txt(ws, labels.get(x["fleet"], x["fleet"]), Look(border=True)),
                b.txt(ws, labels.get(x["api"], x["api"]), Look(border=True)),
                b.val(ws, x["cheaper_from"] if x["cheaper_from"] is not None else "never", tok),
                b.val(ws, x["always_cheaper_from"] if x["always_cheaper_from"] is not None
                      else "never", tok),
                b.val(ws, x["fleet_per_mtok_full"], money2), b.val(ws, x["api_per_mtok"], money2))
        put()
        put(b.txt(ws, "Cost per month against tokens per month (the plan's mix)", Look(bold=True)))
        put(*b.header(ws, ["Tokens / month", *[o["label"] for o in j["options"]]]), height=HEAD)
        for k, volume in enumerate(j["grid"]):
            put(b.val(ws, volume, tok), *[b.val(ws, o["cost"][k], money) for o in j["options"]])
        b.rows_done(len(j["grid"]))


__all__ = ["write_scenarios", "write_hosting", "SCENARIO_ROWS", "STAMP"]
