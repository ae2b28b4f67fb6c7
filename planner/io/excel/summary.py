"""``Summary``: the one-page leadership view, its named headline results and charts.

The story of MODEL.md version 2: the plan against the same organisation without AI (its
headcount, payroll and the hiring the plan avoids), savings split into those from AI and
those from structure, NPV beside cumulative net cash, compute against payroll, and the
span of control and layers of the team tree.
"""

from __future__ import annotations

import datetime as _dt
import textwrap

from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.utils import get_column_letter

from ... import __version__
from ...formatting import BELOW_ZERO, below_again
from . import charts
from .book import Book, Rows
from .cells import Look, number_formats
from .checks import write_check_table, write_evidence
from .inputs import CEIL
from .layout import MONTHLY_COL as MC
from .scenario_inputs import BASELINE_LABEL

NAMED_RESULT_KEYS = (
    "baseline_headcount", "final_headcount", "final_headcount_without_ai", "compression_ratio",
    "baseline_layers", "final_layers", "baseline_layers_needed", "final_layers_needed",
    "fte_freed", "payback_month", "cumulative_net_cash", "npv_net_cash", "cumulative_net_pnl",
    "cumulative_savings_from_ai", "cumulative_savings_from_structure",
    "final_compute_per_month", "final_tokens_per_month", "final_gpus",
)
YEAR_ROWS = (
    ("Payroll savings (vs without AI)", "payroll_savings", True),
    ("   from AI", "payroll_savings_ai", False),
    ("   from structure (spans)", "payroll_savings_structure", False),
    ("API tokens", "api_cost", False),
    ("GPUs: rental, power and overhead", "gpu_cost", False),
    ("GPUs: depreciation", "depreciation", False),
    ("AI seats", "seat_cost", False),
    ("Compute cost (P&L)", "compute_pnl", True),
    ("Severance (plan)", "severance", False),
    ("Severance without AI (not the plan's cost)", "severance_without_ai", False),
    ("One-off implementation", "one_off", False),
    ("Net P&L", "net_pnl", True),
    ("GPU purchases (cash)", "capex", False),
    ("Net cash", "net_cash", True),
)
MATCHES = "Matches the app's figures at export"
CHART_COLUMNS, CHARTS_END = 11, 64      # the charts' extent: columns right of the tables, last row
# The change of a headline figure: with its sign; payroll that rises is a cost (red).
CHANGE_FMT = {"money": "cost_change", "int": "signed_int", "num1": "signed1"}
TITLE = Look(bold=True, size=18, colour="1F3A5F")
SUB = Look(muted=True, size=10)
SECTION = Look(bold=True, size=12, colour="1F3A5F")
NOTE = Look(muted=True, size=9)
PLAN, WITHOUT, TODAY, AI, STRUCTURE = "1F3A5F", "E07B00", "9E9E9E", "2E7D32", "4A90C2"


def _lookups(b: Book) -> dict[str, str]:
    L = b.L
    T = L.T
    last = L.monthly_row(L.H)
    c_ic = f"Teams!${L.team['c_ic']}${L.FIRST}:${L.team['c_ic']}${L.FIRST + T - 1}"
    c_mgr = f"Teams!${L.team['c_mgr']}${L.FIRST}:${L.team['c_mgr']}${L.FIRST + T - 1}"
    tree = L.tree

    def monthly(key: str) -> str:
        return f"Monthly!${MC[key]}${L.monthly_row(1)}:${MC[key]}${last}"

    def tree_col(key: str) -> str:
        return f"TeamTree!${tree[key]}${L.FIRST}:${tree[key]}${L.FIRST + T - 1}"

    return {
        "ic0": f"SUM({L.tm('ic', '$C')})", "mgr0": f"SUM({L.tm('mgr', '$C')})",
        "pay0": f"SUMPRODUCT({L.tm('ic', '$C')},{c_ic})+SUMPRODUCT({L.tm('mgr', '$C')},{c_mgr})",
        "ic_c": f"SUM({L.tm('ic_c', L.tm_col(L.H))})", "mgr_c": f"SUM({L.tm('mgr_c', L.tm_col(L.H))})",
        **{k: f"Monthly!${MC[k]}${last}" for k in (
            "ic", "managers", "payroll", "payroll_without_ai", "fte_freed", "compute_pnl",
            "tokens_in", "tokens_out", "gpus")},
        **{k: monthly(k) for k in ("net_cash", "net_pnl", "payroll_savings", "payroll_savings_ai",
                                   "payroll_savings_structure")},
        "layers0": tree_col("layers0"), "layersH": tree_col("layersH"),
        "payback": L.cal_range("payback"), "labels": L.cal_range("month"),
        "discount": L.cal_range("discount"),
    }


def _span(n: str, k: str) -> str:
    """MODEL.md 3.4 span of control: direct reports per manager."""
    return f"=IF({k}=0,\"n/a\",({n}+{k}-1)/{k})"


def _layers_needed(n: str, k: str) -> str:
    span = f"(({n}+{k}-1)/{k})"
    return (f"=IF(OR({n}=0,{k}=0),0,IF({span}<=1,\"n/a\","
            f"MAX(1,{CEIL.format(f'LN({n})/LN({span})')})))")


def write_summary(b: Book) -> dict[str, str]:
    """Write the Summary sheet; return the headline result names and their cells."""
    L, sm, r_ = b.L, b.figs.summary, b.figs.result
    base, final = sm["baseline"], sm["final"]
    s = r_.series
    ny = L.years
    ncols = max(ny + 1, 4)
    chart_col = get_column_letter(3 + ncols + 1)
    widths = {"A": 2, "B": 50, **{get_column_letter(3 + i): 15 for i in range(ncols)}}
    widths[get_column_letter(3 + ncols)] = 3
    ws = b.sheet("Summary", widths=widths, one_page=True, hidden_grid=True, tab="1F3A5F",
                 tall_rows={1: 28})
    q = _lookups(b)
    labels = r_.month_labels
    end = labels[-1]
    span = f"{labels[0]} to {end}" if b.plan.settings.start_month else f"months M1 to {end}"
    names: dict[str, str] = {}
    put = Rows(ws)
    put(b.txt(ws, b.plan.name, TITLE))
    source = f", plan file {b.source}" if b.source else ""
    put(b.txt(ws, f"Moving to AI: headcount, compute and money over {L.H} months ({span}), against "
                  f"the same organisation without AI. Money in {b.plan.currency}.", SUB))
    # (the cell-for-cell comparison of the tests skips this line: the date, and the mode)
    mode = "" if b.formulas else (" Values only: nothing recalculates, and picking a scenario "
                                  "changes nothing (export with formulas for that).")
    put(b.txt(ws, f"Exported {_dt.date.today().isoformat()} from OrgPlanner {__version__}{source}."
                  f"{mode}", SUB))
    r = put(b.txt(ws, "Scenario (pick one: every input it changes follows)", Look(bold=True)),
            b.txt(ws, BASELINE_LABEL, Look(input=True, fmt="text", bold=True)),
            b.calc(ws, '=IF(SUMPRODUCT((scenario_names=TRIM(scenario))*1)=0,"Not a scenario of '
                       'this plan: the Baseline is shown","")', "", Look(colour="C62828", bold=True)))
    names["scenario"] = f"$C${r}"
    _scenario_validation(b, ws, f"C{r}")
    r = put(b.txt(ws, "Check against the app", Look(bold=True)),
            b.calc(ws, '=IF(SUM(check_flags)=0,"Matches the app\'s figures at export","Changed '
                       'since export: "&SUM(check_flags)&" figures differ"&IF(scenario_index>1,'
                       '" (another scenario is selected)",""))', MATCHES, Look(bold=True)))
    names["export_check"] = f"$C${r}"
    put()
    put(*b.header(ws, ["Headline", "Today", f"Plan ({end})", f"Without AI ({end})",
                       "Plan vs today"]), height=28)
    num, money = Look(fmt="num1", border=True), Look(fmt="money", border=True)
    at: dict[str, int] = {}

    def org_row(key, label, formulas, values, look, change=True, bold=False) -> None:
        """A headline row: today (C), the plan (D), without AI (E), the plan's change (F)."""
        r = put.row + 1
        at[key] = r
        cells = [b.calc(ws, f, v, look) if f else None for f, v in zip(formulas, values, strict=True)]
        v0, v1 = values[0], values[1]
        if change:
            diff = v1 - v0 if isinstance(v0, int | float) and isinstance(v1, int | float) else ""
            cells.append(b.calc(ws, f"=IF(AND(ISNUMBER(C{r}),ISNUMBER(D{r})),D{r}-C{r},\"\")", diff,
                                Look(fmt=CHANGE_FMT.get(look.fmt, "signed1"), bold=look.bold,
                                     border=True)))
        put(b.txt(ws, label, Look(bold=bold, border=True)), *cells)

    c_org = b.figs.without_ai_final
    hc_r = put.row + 1
    ic_r, mg_r = hc_r + 1, hc_r + 2
    cols = "CDE"
    org_row("hc", "Headcount", [f"={c}{ic_r}+{c}{mg_r}" for c in cols],
            [base["headcount"], final["headcount"], final["headcount_without_ai"]],
            Look(fmt="num1", bold=True, border=True), bold=True)
    org_row("ic", "Individual contributors (ICs)", [f"={q['ic0']}", f"={q['ic']}", f"={q['ic_c']}"],
            [base["ic"], final["ic"], c_org["ic"]], num)
    org_row("mgr", "Managers", [f"={q['mgr0']}", f"={q['managers']}", f"={q['mgr_c']}"],
            [base["managers"], final["managers"], c_org["managers"]], num)
    org_row("span", "Span of control (direct reports per manager)",
            [_span(f"{c}{ic_r}", f"{c}{mg_r}") for c in cols],
            [base["avg_span"], final["avg_span"], c_org["avg_span"]], Look(fmt="num1", border=True))
    org_row("per_manager", "ICs per manager",
            [f"=IF({c}{mg_r}=0,\"n/a\",{c}{ic_r}/{c}{mg_r})" for c in cols],
            [base["ics_per_manager"], final["ics_per_manager"], c_org["ics_per_manager"]],
            Look(fmt="num1", border=True))
    org_row("layers", "Management layers (depth of the team tree)",
            [f"=MAX({q['layers0']})", f"=MAX({q['layersH']})", None],
            [base["layers"], final["layers"], None], Look(fmt="int", border=True))
    org_row("needed", "Layers needed (an even pyramid at this span)",
            [_layers_needed(f"{c}{ic_r}", f"{c}{mg_r}") for c in cols],
            [base["layers_needed"], final["layers_needed"], c_org["layers_needed"]],
            Look(fmt="int", border=True))
    org_row("pay", "Payroll per year", [f"={q['pay0']}", f"={q['payroll']}*12",
                                        f"={q['payroll_without_ai']}*12"],
            [base["payroll_annual"], final["payroll_annual"], float(s["payroll_without_ai"][-1] * 12)],
            money)
    names.update(baseline_headcount=f"$C${hc_r}", final_headcount=f"$D${hc_r}",
                 final_headcount_without_ai=f"$E${hc_r}",
                 baseline_layers=f"$C${at['layers']}", final_layers=f"$D${at['layers']}",
                 baseline_layers_needed=f"$C${at['needed']}",
                 final_layers_needed=f"$D${at['needed']}")
    put()
    pm = sm["payback_month"]
    fewer = final["headcount_without_ai"] - final["headcount"]
    avoided = max(0.0, min(fewer, final["headcount_without_ai"] - base["headcount"]))
    first = put.row + 1
    compute_r = first + 4
    payback_r = first + 8
    single = [
        (None, "Fewer people than without AI (final month)",
         f"=E{hc_r}-D{hc_r}", fewer, Look(fmt="num1", border=True, bold=True)),
        (None, "   of which hiring avoided (the organisation without AI grows)",
         f"=MAX(0,MIN(E{hc_r}-D{hc_r},E{hc_r}-C{hc_r}))", avoided, Look(fmt="num1", border=True)),
        ("compression_ratio", "Compression (headcount without AI / plan, final month)",
         f"=IF(D{hc_r}=0,\"n/a\",E{hc_r}/D{hc_r})", sm["compression_ratio"],
         Look(fmt="ratio", border=True, bold=True)),
        ("fte_freed", "FTE freed by AI (final month, gross)", f"={q['fte_freed']}", final["fte_freed"],
         Look(fmt="num1", border=True)),
        ("final_compute_per_month", "Compute per month (final month, P&L view)", f"={q['compute_pnl']}",
         final["compute_per_month"], money),
        (None, "Compute as a share of payroll (final month)",
         f"=IF({q['payroll']}=0,\"n/a\",D{compute_r}/{q['payroll']})", final["compute_to_payroll"],
         Look(fmt="pct1", border=True)),
        ("final_tokens_per_month", "Tokens per month (final month)", f"={q['tokens_in']}+{q['tokens_out']}",
         final["tokens_per_month"], Look(fmt="tokens", border=True)),
        ("final_gpus", "GPUs in the fleet (final month)", f"={q['gpus']}", final["gpus"],
         Look(fmt="int", border=True)),
        ("payback_month", "Payback: first month cumulative net cash >= 0",
         (f"=IF(SUMPRODUCT(({q['net_cash']}<>0)*1)=0,\"n/a\",IF(COUNT({q['payback']})=0,\"n/a\","
          f"MIN({q['payback']})))"), pm, Look(fmt="month", border=True, bold=True)),
    ]
    for name, label, f, v, look in single:
        extra = None
        if name == "payback_month":
            # as the app says it: a running net cash below 0 again by the end is named
            below = below_again(sm["cumulative_net_cash"])
            extra = b.calc(ws, f"=IF(ISNUMBER(D{payback_r}),\"(\"&INDEX({q['labels']},D{payback_r})&\")\""
                               f"&IF(SUM({q['net_cash']})<{BELOW_ZERO:.6f},\", then below 0 by the end\",\"\"),"
                               f"\"not within the plan\")",
                           (f"({labels[pm - 1]})" + (", then below 0 by the end" if below else ""))
                           if pm else "not within the plan", Look(muted=True))
        r = put(b.txt(ws, label, Look(border=True, bold=look.bold)), None, b.calc(ws, f, v, look), extra)
        if name:
            names[name] = f"$D${r}"
    put()
    put(*b.header(ws, [f"Money over the plan ({L.H} months)", "", "Cumulative",
                       "NPV (at the discount rate on Assumptions)"]), height=28)
    strong = Look(fmt="money", border=True, bold=True)
    r = put(b.txt(ws, "Net cash", Look(border=True, bold=True)), None,
            b.calc(ws, f"=SUM({q['net_cash']})", sm["cumulative_net_cash"], strong),
            b.calc(ws, f"=SUMPRODUCT({q['net_cash']},{q['discount']})", sm["npv_net_cash"], strong))
    names.update(cumulative_net_cash=f"$D${r}", npv_net_cash=f"$E${r}")
    for name, label, key, v in (
        ("cumulative_net_pnl", "Net P&L", "net_pnl", sm["cumulative_net_pnl"]),
        (None, "Payroll savings (vs without AI)", "payroll_savings", float(s["payroll_savings"].sum())),
        ("cumulative_savings_from_ai", "   from AI (the work AI takes)", "payroll_savings_ai",
         sm["cumulative_savings_from_ai"]),
        ("cumulative_savings_from_structure", "   from structure (wider spans, fewer managers)",
         "payroll_savings_structure", sm["cumulative_savings_from_structure"]),
    ):
        r = put(b.txt(ws, label, Look(border=True, bold=name == "cumulative_net_pnl")), None,
                b.calc(ws, f"=SUM({q[key]})", v, Look(fmt="money", border=True,
                                                      bold=name == "cumulative_net_pnl")))
        if name:
            names[name] = f"$D${r}"
    put()
    put(*b.header(ws, ["By year", *[f"Year {y}" for y in range(1, ny + 1)], "Total"]))
    lastc = get_column_letter(2 + ny)
    for label, key, strong_row in YEAR_ROWS:
        look = Look(fmt="money", bold=strong_row, border=True)
        cells = []
        for y in range(1, ny + 1):
            v = float(s[key][12 * (y - 1):12 * y].sum())
            cells.append(b.calc(ws, f"=Years!${L.year[key]}${L.year_row(y)}", v, look))
        r = put.row + 1
        total = b.calc(ws, f"=SUM(C{r}:{lastc}{r})", float(s[key].sum()), look)
        put(b.txt(ws, label, Look(bold=strong_row, border=True)), *cells, total)
    put()
    write_evidence(b, ws, put)
    put()
    put(b.txt(ws, "How to read this", SECTION))
    for para in _how_to_read(end):      # short lines: a long one would run under the charts
        for line in textwrap.wrap(para, 120):
            put(b.txt(ws, line, NOTE))
    # the page prints without the check table below (for a program and the curious)
    ws.print_area = f"A1:{get_column_letter(3 + ncols + CHART_COLUMNS)}{max(put.row, CHARTS_END)}"
    put()
    names.update(write_check_table(b, ws, put))
    _charts(b, ws, chart_col)
    return names


def _scenario_validation(b: Book, ws, cell: str) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    dv = DataValidation(type="list", formula1=b.scen.names_ref, allow_blank=False)
    dv.error = "Pick one of the plan's scenarios from the list: " + ", ".join(b.scen.names)[:180]
    dv.errorTitle = "Scenario"
    dv.errorStyle = "stop"
    dv.showErrorMessage = True
    dv.add(cell)
    ws.data_validations.append(dv)


def _how_to_read(end: str) -> list[str]:
    return [
        f"Today is the organisation as it is now (month 0); Plan is the last month of the plan ({end}). "
        "Without AI is the same organisation in that month doing the same work without AI: it hires "
        "when the work grows, at today's spans.",
        "Savings are payroll the plan does not pay against the organisation without AI. From AI: the "
        "people AI's work replaces. From structure: the managers the plan's spans remove.",
        "Compute is what AI costs: API tokens, GPUs (rented, or bought, depreciated and run) and AI "
        "seats. Net P&L = savings - compute - the plan's extra severance - one-off costs. Net cash "
        "pays GPU purchases up front instead of depreciating them; the NPV discounts it at the "
        "discount rate.",
        "Span of control: direct reports per manager. Layers: the depth of the team tree over the "
        "ICs. Layers needed: the fewest an even pyramid at that span would have.",
        "In the money tables costs and savings are both positive amounts, and net = savings - costs. "
        "In 'Plan vs today' a + is more than today and a - less: payroll that rises is red (a cost).",
        "Blue figures on yellow are inputs (sheets Assumptions, Teams, Roles, Workflows, Models, GPUs): "
        "change one and every figure, chart and total recalculates. To add a team, role or workflow, "
        "type it in the first empty yellow row of its sheet. Pick a scenario at the top: the inputs "
        "it changes (lilac) follow it; Scenarios, Risk and Hosting hold figures OrgPlanner computed "
        "at export.",
        "Monthly holds every figure by month and Years sums it; TeamMonths, WorkflowMonths, ModelMonths, "
        "TeamTree and Calendar show the working.",
    ]


def _charts(b: Book, ws, col: str) -> None:
    from openpyxl.chart import Series

    L = b.L
    first, last = L.monthly_row(1), L.monthly_row(L.H)
    # Sparse labels (one every few months) keep the month axis readable in every spreadsheet.
    cats = L.cal_range("chart_label")
    fmts = number_formats(b.plan.currency)

    def series(key: str, title: str) -> Series:
        c = MC[key]
        return Series(Reference(range_string=f"Monthly!${c}${first}:${c}${last}"), title=title)

    # headcount from today (month 0), the value axis left to the spreadsheet: an edit that
    # takes headcount anywhere stays on the chart
    hc = LineChart()
    hc.title = charts.title("Headcount by month: the plan, without AI, and today")
    for key, name in (("hc_plan", "Plan"), ("hc_without_ai", "Without AI"), ("hc_today", "Today")):
        hc.series.append(Series(Reference(range_string=L.cal_range(key, 0)), title=name))
    charts.text_categories(hc, L.cal_range("chart_label", 0))
    charts.style(hc, [PLAN, WITHOUT, TODAY], fmts["int"], months=L.H + 1)
    hc.series[2].graphicalProperties.line.prstDash = "dash"
    ws.add_chart(hc, f"{col}4")

    for n, (title, keys, colours) in enumerate((
        ("Payroll savings per month: from AI and from structure",
         (("payroll_savings_ai", "From AI"), ("payroll_savings_structure", "From structure (spans)")),
         [AI, STRUCTURE]),
        ("Payroll savings vs compute cost, per month",
         (("payroll_savings", "Payroll savings"), ("compute_pnl", "Compute cost (P&L)")),
         ["2E7D32", "C62828"]),
    )):
        chart = LineChart()
        chart.title = charts.title(title)
        for key, name in keys:
            chart.series.append(series(key, name))
        charts.text_categories(chart, cats)
        charts.style(chart, colours, fmts["money"], months=L.H)
        ws.add_chart(chart, f"{col}{19 + 15 * n}")

    cc = BarChart()
    cc.type = "col"
    cc.title = charts.title("Cumulative net cash")
    cc.series.append(Series(Reference(range_string=L.cal_range("cum_net_cash")),
                            title="Cumulative net cash"))
    charts.text_categories(cc, cats)
    cc.gapWidth = 40
    charts.style(cc, ["1F3A5F"], fmts["money"], months=L.H)
    cc.legend = None
    ws.add_chart(cc, f"{col}49")
