"""``Risk``: how sure the plan is (MODEL.md section 7), as OrgPlanner computed it at export:
the Monte Carlo percentiles and the chance of payback, the tornado (a table and a chart),
the four bets stressed, and the break-even values in words."""

from __future__ import annotations

from typing import Any

from openpyxl.chart import BarChart, Reference, Series

from ...formatting import money
from ...plan import paths as P
from ...risk.words import BET_BETS, METRIC_LABELS, bet_label, break_even_sentences
from . import charts
from .book import Book, Rows
from .cells import Look, number_formats
from .value_sheets import HEAD, MUTED, NEVER, SECTION, STAMP, TITLE, lines, month_look

DRAWS = 2_000        # the export's Monte Carlo (the app's Risk page defaults to 10,000)
METRIC_FMT = {"headcount": "num1", "fte_freed": "num1", "cumulative_net_cash": "money",
              "npv_net_cash": "money", "compute_per_month": "money", "payback_month": "month"}
LOW, HIGH = "C62828", "2E7D32"


def _input_label(data: dict, path: str) -> str:
    """``Time saved: workflows[*].ai.time_saved``."""
    try:
        spec = P.parse(path).spec
    except P.PathError:
        return path
    return f"{spec.label}: {path}"


def _range_of(data: dict, path: str) -> dict:
    return next((r for r in data.get("ranges") or [] if r.get("path") == path), {})


def write_risk(b: Book, report: Any) -> None:
    ws = b.sheet("Risk", widths={"A": 2, "B": 64, "C": 14, "D": 14, "E": 16, "F": 16, "G": 16,
                                 "H": 16, "I": 16},
                 hidden_grid=True, tab="1F3A5F", tall_rows={1: 20})
    j = report.to_json()
    put = Rows(ws)
    put(b.txt(ws, f"{b.plan.name}: how sure is the plan?", TITLE))
    if report.ranges:
        stamp = (f"Monte Carlo of {j['draws']:,} draws, seed {j['seed']} (the export's default is "
                 f"{DRAWS:,}: orgplanner export --draws N; OrgPlanner's Risk page runs 10,000), on "
                 f"the {j['scenario']} plan.")
    else:
        stamp = f"No Monte Carlo: the plan gives no ranges. On the {j['scenario']} plan."
    for line in lines(f"{stamp} {STAMP}", 130):
        put(b.txt(ws, line, MUTED))
    put()
    put(b.txt(ws, "Range of outcomes (Monte Carlo over the plan's ranges)", SECTION))
    if report.ranges:
        put(*b.header(ws, ["Figure", "P10", "P50 (median)", "P90"]), height=HEAD)
        for key, label in METRIC_LABELS.items():
            p = j["percentiles"][key]
            look = Look(fmt=METRIC_FMT[key], border=True)
            put(b.txt(ws, label, Look(border=True)),
                *[b.val(ws, NEVER if p[q] is None else p[q], look) for q in ("p10", "p50", "p90")])
        put(b.txt(ws, "Chance of paying back within the plan", Look(bold=True, border=True)),
            b.val(ws, j["payback_probability"], Look(fmt="pct", bold=True, border=True)))
        put(b.txt(ws, "... of which below 0 again by the end", Look(border=True)),
            b.val(ws, j["below_again_probability"], Look(fmt="pct", border=True)))
        put(b.txt(ws, "P10: one draw in ten ends below it; P90: one in ten above it. Each ranged "
                      "input is drawn from a triangle (low, the plan's value, high).", MUTED))
    else:
        put(b.txt(ws, "The plan gives no ranges, so there is nothing to draw: add ranges (how "
                      "unsure an input is) in OrgPlanner and export again.", MUTED))
    put()
    chart = _tornado(b, ws, j, put)
    put()
    put(b.txt(ws, "The four bets: what if one fails?", SECTION))
    put(*b.header(ws, ["Case", "NPV of net cash", "Cumulative net cash", "Payback month",
                       "Headcount (final)", "Compute / payroll (final)"]), height=HEAD)
    for bet in j["bets"]:
        label = bet_label(bet["bet"], report.stress)
        if bet["bet"] in BET_BETS:
            label += f" (the bet: {BET_BETS[bet['bet']]})"
        put(b.txt(ws, label, Look(border=True, bold=bet["bet"] in ("plan", "all"))),
            b.val(ws, bet["npv_net_cash"], Look(fmt="money", border=True)),
            b.val(ws, bet["cumulative_net_cash"], Look(fmt="money", border=True)),
            b.val(ws, bet["payback_month"] or NEVER,
                  Look(fmt=month_look(bet["cumulative_net_cash"]), border=True)),
            b.val(ws, bet["headcount"], Look(fmt="num1", border=True)),
            b.val(ws, bet["compute_to_payroll"], Look(fmt="pct1", border=True)))
    put()
    put(b.txt(ws, "Break-even: how far one lever can move before the NPV changes sign", SECTION))
    for sentence in break_even_sentences(j["break_even"]):
        for line in lines(sentence, 130):
            put(b.txt(ws, "• " + line))
    if chart is not None:       # below the tables: beside them it would make the page too wide
        put()
        ws.add_chart(chart, f"B{put.row + 1}")


def _tornado(b: Book, ws, j: dict, put: Rows):
    """The tornado's table, and its chart (to be placed)."""
    rows = j["tornado"]
    put(b.txt(ws, "Tornado: the NPV with each ranged input at its low and at its high end", SECTION))
    if not rows:
        put(b.txt(ws, "No ranges, no tornado.", MUTED))
        return None
    plan_npv = next(x["npv_net_cash"] for x in j["bets"] if x["bet"] == "plan")
    put(*b.header(ws, ["Input", "Low", "High", "NPV at low", "NPV at high", "Swing",
                       "Change at low", "Change at high"]), height=HEAD)
    first = put.row + 1
    for t in rows:
        rg = _range_of(b.data, t["path"])
        scale = "low_scale" in rg
        fmt = "ratio" if scale else _fmt(t["path"])
        cash = Look(fmt="money", border=True)
        put(b.txt(ws, _input_label(b.data, t["path"]), Look(border=True)),
            b.val(ws, t["low"], Look(fmt=fmt, border=True)),
            b.val(ws, t["high"], Look(fmt=fmt, border=True)),
            b.val(ws, t["value_low"], cash), b.val(ws, t["value_high"], cash),
            b.val(ws, t["swing"], cash),
            b.val(ws, t["value_low"] - plan_npv, cash), b.val(ws, t["value_high"] - plan_npv, cash))
    last = put.row
    put(b.txt(ws, "Low and high of a range given as multipliers (x) scale the plan's value. The "
                  f"plan's own NPV is {money(plan_npv, b.plan.currency)}.", MUTED))
    chart = BarChart()
    chart.type = "bar"
    chart.grouping = "clustered"
    chart.overlap = 100
    chart.gapWidth = 40
    chart.title = charts.title("Tornado: change in NPV from the plan's, each input at its ends")
    for col, name in (("H", "Input at its low end"), ("I", "Input at its high end")):
        chart.series.append(Series(Reference(range_string=f"Risk!${col}${first}:${col}${last}"),
                                   title=name))
    charts.text_categories(chart, f"Risk!$B${first}:$B${last}")
    charts.style(chart, [LOW, HIGH], number_formats(b.plan.currency)["money_m"], width=22,
                 height=max(6.0, 1.2 + 0.9 * len(rows)))
    chart.x_axis.scaling.orientation = "maxMin"      # the largest swing on top
    chart.x_axis.tickLblPos = "low"                  # the inputs' names left of the bars
    chart.y_axis.crosses = "max"                     # ... and the NPV axis below them
    return chart


def _fmt(path: str) -> str:
    from .registry import fmt_of

    try:
        return fmt_of(P.parse(path).spec)
    except P.PathError:
        return "general"


__all__ = ["write_risk", "DRAWS"]
