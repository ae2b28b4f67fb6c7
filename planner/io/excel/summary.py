"""``Summary``: the one-page leadership view, its named headline results and charts."""

from __future__ import annotations

import datetime as _dt

from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.chart.shapes import GraphicalProperties
from openpyxl.utils import get_column_letter

from .book import Book
from .cells import Look
from .inputs import CEIL
from .layout import MONTHLY_COL as MC

NAMED_RESULT_KEYS = (
    "baseline_headcount", "final_headcount", "compression_ratio", "baseline_layers", "final_layers",
    "fte_freed", "payback_month", "cumulative_net_cash", "cumulative_net_pnl",
    "final_compute_per_month", "final_tokens_per_month", "final_gpus",
)
YEAR_ROWS = (
    ("Payroll savings", "payroll_savings", False),
    ("API tokens", "api_cost", False),
    ("GPUs: cloud rental and power", "gpu_cost", False),
    ("GPUs: depreciation", "depreciation", False),
    ("AI seats", "seat_cost", False),
    ("Compute cost (P&L)", "compute_pnl", True),
    ("Severance", "severance", False),
    ("One-off implementation", "one_off", False),
    ("Net P&L", "net_pnl", True),
    ("GPU purchases (cash)", "capex", False),
    ("Net cash", "net_cash", True),
)
TITLE = Look(bold=True, size=18, colour="1F3A5F")
SUB = Look(muted=True, size=10)
SECTION = Look(bold=True, size=12, colour="1F3A5F")
NOTE = Look(muted=True, size=9)


def _lookups(b: Book) -> dict[str, str]:
    L = b.L
    T = L.T
    last = L.monthly_row(L.H)

    def tm(blk: str, col: str = "$C") -> str:
        return f"TeamMonths!{col}${L.tm_row(blk, 0)}:{col}${L.tm_row(blk, 0) + T - 1}"

    c_ic = f"Teams!${L.team['c_ic']}${L.FIRST}:${L.team['c_ic']}${L.FIRST + T - 1}"
    c_mgr = f"Teams!${L.team['c_mgr']}${L.FIRST}:${L.team['c_mgr']}${L.FIRST + T - 1}"
    return {
        "ic0": f"SUM({tm('ic')})", "mgr0": f"SUM({tm('mgr')})",
        "pay0": f"SUMPRODUCT({tm('ic')},{c_ic})+SUMPRODUCT({tm('mgr')},{c_mgr})",
        **{k: f"Monthly!${MC[k]}${last}" for k in ("ic", "managers", "payroll", "fte_freed",
                                                    "compute_pnl", "tokens_in", "tokens_out", "gpus")},
        "net_cash": f"Monthly!${MC['net_cash']}${L.monthly_row(1)}:${MC['net_cash']}${last}",
        "net_pnl": f"Monthly!${MC['net_pnl']}${L.monthly_row(1)}:${MC['net_pnl']}${last}",
        "payback": f"Calendar!$G$2:$G${L.cal_row(L.H)}",
        "labels": f"Calendar!$B$2:$B${L.cal_row(L.H)}",
    }


def _layers(n: str, k: str) -> str:
    return (f"=IF(OR({n}=0,{k}=0),0,IF({n}/{k}<=1,\"n/a\","
            f"MAX(1,{CEIL.format(f'LN({n})/LN({n}/{k})')})))")


def write_summary(b: Book) -> dict[str, str]:
    """Write the Summary sheet; return the headline result names and their cells."""
    L, sm, r_ = b.L, b.figs.summary, b.figs.result
    base, final = sm["baseline"], sm["final"]
    ny = L.years
    chart_col = get_column_letter(3 + ny + 2)
    widths = {"A": 2, "B": 44, **{get_column_letter(3 + i): 14 for i in range(ny + 1)}}
    widths[get_column_letter(3 + ny + 1)] = 3
    ws = b.sheet("Summary", widths=widths, one_page=True, hidden_grid=True, tab="1F3A5F")
    q = _lookups(b)
    labels = r_.month_labels
    end = labels[-1]
    span = f"{labels[0]} to {end}" if b.plan.settings.start_month else f"months M1 to {end}"
    names: dict[str, str] = {}
    row = 0

    def put(*cells) -> int:
        nonlocal row
        ws.append([None, *cells])
        row += 1
        return row

    def blank() -> None:
        nonlocal row
        ws.append([])
        row += 1

    put(b.txt(ws, b.plan.name, TITLE))
    put(b.txt(ws, f"Moving to AI: headcount, compute and money over {L.H} months ({span}). "
                  f"Money in {b.plan.currency}. Exported {_dt.date.today().isoformat()} from OrgPlanner.",
              SUB))
    blank()
    put(*b.header(ws, ["Headline", "Today", f"After ({end})", "Change"]))
    num, money = Look(fmt="int", border=True), Look(fmt="money", border=True)
    at: dict[str, int] = {}

    def pair(key, label, f0, v0, f1, v1, look, bold=False) -> None:
        r = row + 1
        at[key] = r
        diff = None if v0 is None or v1 is None else v1 - v0
        put(b.txt(ws, label, Look(bold=bold, border=True)), b.calc(ws, f0, v0, look),
            b.calc(ws, f1, v1, look),
            b.calc(ws, f"=IF(AND(ISNUMBER(C{r}),ISNUMBER(D{r})),D{r}-C{r},\"\")",
                   "" if diff is None else diff, Look(fmt="money_plain" if look.fmt == "money" else look.fmt,
                                                      bold=look.bold, border=True)))

    hc_r = row + 1
    ic_r, mg_r = hc_r + 1, hc_r + 2
    pair("hc", "Headcount", f"=C{ic_r}+C{mg_r}", base["headcount"], f"=D{ic_r}+D{mg_r}",
         final["headcount"], Look(fmt="int", bold=True, border=True), bold=True)
    pair("ic", "Individual contributors (ICs)", f"={q['ic0']}", base["ic"], f"={q['ic']}", final["ic"], num)
    pair("mgr", "Managers", f"={q['mgr0']}", base["managers"], f"={q['managers']}", final["managers"], num)
    pair("span", "Average span (ICs per manager)", f"=IF(C{mg_r}=0,\"n/a\",C{ic_r}/C{mg_r})",
         base["avg_span"], f"=IF(D{mg_r}=0,\"n/a\",D{ic_r}/D{mg_r})", final["avg_span"],
         Look(fmt="num1", border=True))
    pair("layers", "Management layers", _layers(f"C{ic_r}", f"C{mg_r}"), base["layers"],
         _layers(f"D{ic_r}", f"D{mg_r}"), final["layers"], Look(fmt="int", border=True))
    pair("pay", "Payroll per year", f"={q['pay0']}", base["payroll_annual"], f"={q['payroll']}*12",
         final["payroll_annual"], money)
    names.update(baseline_headcount=f"$C${hc_r}", final_headcount=f"$D${hc_r}",
                 baseline_layers=f"$C${at['layers']}", final_layers=f"$D${at['layers']}")
    blank()
    first_single = row + 1
    compute_r = first_single + 2
    payback_r = first_single + 6
    pm = sm["payback_month"]
    single = [
        ("compression_ratio", "Compression (headcount today / after)",
         f"=IF(D{hc_r}=0,\"n/a\",C{hc_r}/D{hc_r})", sm["compression_ratio"], Look(fmt="ratio", border=True, bold=True)),
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
         f"=IF(COUNT({q['payback']})=0,\"n/a\",MIN({q['payback']}))", pm,
         Look(fmt="month", border=True, bold=True)),
        ("cumulative_net_cash", f"Cumulative net cash over the plan ({L.H} months)", f"=SUM({q['net_cash']})",
         sm["cumulative_net_cash"], Look(fmt="money", border=True, bold=True)),
        ("cumulative_net_pnl", f"Cumulative net P&L over the plan ({L.H} months)", f"=SUM({q['net_pnl']})",
         sm["cumulative_net_pnl"], Look(fmt="money", border=True, bold=True)),
    ]
    for name, label, f, v, look in single:
        extra = None
        if name == "payback_month":
            extra = b.calc(ws, f"=IF(ISNUMBER(D{payback_r}),\"(\"&INDEX({q['labels']},D{payback_r})&\")\","
                               f"\"not within the plan\")",
                           f"({labels[pm - 1]})" if pm else "not within the plan", Look(muted=True))
        r = put(b.txt(ws, label, Look(border=True, bold=look.bold)), None, b.calc(ws, f, v, look), extra)
        if name:
            names[name] = f"$D${r}"
    blank()
    put(*b.header(ws, ["By year", *[f"Year {y}" for y in range(1, ny + 1)], "Total"]))
    s = r_.series
    lastc = get_column_letter(2 + ny)
    for label, key, strong in YEAR_ROWS:
        look = Look(fmt="money", bold=strong, border=True)
        cells = []
        for y in range(1, ny + 1):
            v = float(s[key][12 * (y - 1):12 * y].sum())
            cells.append(b.calc(ws, f"=Years!${L.year[key]}${1 + y}", v, look))
        r = row + 1
        total = b.calc(ws, f"=SUM(C{r}:{lastc}{r})", float(s[key].sum()), look)
        put(b.txt(ws, label, Look(bold=strong, border=True)), *cells, total)
    blank()
    put(b.txt(ws, "How to read this", SECTION))
    for line in _how_to_read(end):
        put(b.txt(ws, line, NOTE))
    _charts(b, ws, chart_col)
    return names


def _how_to_read(end: str) -> list[str]:
    return [
        f"Today is the organisation as planned now (month 0); After is the last month of the plan ({end}).",
        "Payroll savings are payroll no longer paid, against today's payroll. Compute is what AI costs: "
        "API tokens, GPUs (rented, or bought and depreciated) and AI seats.",
        "Net P&L = payroll savings - compute - severance - one-off costs. Net cash is the same with GPU "
        "purchases paid up front instead of depreciated.",
        "Blue figures on yellow are inputs (sheets Assumptions, Teams, Roles, Workflows, Models, GPUs): "
        "change one and every figure, chart and total recalculates.",
        "Monthly holds every figure by month and Years sums it; TeamMonths, WorkflowMonths, ModelMonths "
        "and Calendar show the working.",
    ]


def _nice_floor(v: float) -> float:
    """A round axis start a little under ``v`` (398 -> 350), 0 for small or negative values."""
    import math

    if v <= 10:
        return 0.0
    step = 10 ** math.floor(math.log10(v)) / 2
    return max(0.0, math.floor(v * 0.9 / step) * step)


def _charts(b: Book, ws, col: str) -> None:
    from openpyxl.chart import Series

    L = b.L
    first, last = L.monthly_row(1), L.monthly_row(L.H)
    # Sparse labels (one every few months) keep the month axis readable in every spreadsheet.
    cats = Reference(range_string=f"Calendar!$H$2:$H${L.cal_row(L.H)}")

    def series(key: str, title: str) -> Series:
        c = MC[key]
        return Series(Reference(range_string=f"Monthly!${c}${first}:${c}${last}"), title=title)

    hc = LineChart()
    hc.title = _title("Headcount by month")
    hc.series.append(series("headcount", "Headcount"))
    hc.set_categories(cats)
    _style_chart(hc, ["1F3A5F"], b.plan.currency, money=False, months=L.H)
    low = min(b.figs.result.series["headcount"].min(), b.figs.summary["baseline"]["headcount"])
    hc.y_axis.scaling.min = _nice_floor(float(low))
    ws.add_chart(hc, f"{col}4")

    sc = LineChart()
    sc.title = _title("Payroll savings vs compute cost, per month")
    sc.series.append(series("payroll_savings", "Payroll savings"))
    sc.series.append(series("compute_pnl", "Compute cost (P&L)"))
    sc.set_categories(cats)
    _style_chart(sc, ["2E7D32", "C62828"], b.plan.currency, money=True, months=L.H)
    ws.add_chart(sc, f"{col}19")

    cc = BarChart()
    cc.type = "col"
    cc.title = _title("Cumulative net cash")
    cc.series.append(Series(Reference(range_string=f"Calendar!$E$2:$E${L.cal_row(L.H)}"),
                            title="Cumulative net cash"))
    cc.set_categories(cats)
    cc.gapWidth = 40
    _style_chart(cc, ["1F3A5F"], b.plan.currency, money=True, months=L.H)
    cc.legend = None
    ws.add_chart(cc, f"{col}34")


def _title(text: str):
    from openpyxl.chart.text import RichText, Text
    from openpyxl.chart.title import Title
    from openpyxl.drawing.text import (
        CharacterProperties,
        Paragraph,
        ParagraphProperties,
        RegularTextRun,
    )

    cp = CharacterProperties(sz=1100, b=True, solidFill="1F3A5F")
    para = Paragraph(pPr=ParagraphProperties(defRPr=cp), r=[RegularTextRun(rPr=cp, t=text)])
    return Title(tx=Text(rich=RichText(p=[para])), overlay=False)


def _axis_text(size: int = 800, rot: int | None = None):
    from openpyxl.chart.text import RichText
    from openpyxl.drawing.text import (
        CharacterProperties,
        Paragraph,
        ParagraphProperties,
        RichTextProperties,
    )

    body = RichTextProperties(rot=rot, vert="horz", wrap="none") if rot is not None else RichTextProperties()
    return RichText(bodyPr=body, p=[Paragraph(pPr=ParagraphProperties(defRPr=CharacterProperties(sz=size)),
                                              endParaRPr=CharacterProperties())])


def _style_chart(chart, colours: list[str], currency: str, *, money: bool, months: int) -> None:
    from .cells import number_formats

    chart.width, chart.height = 17.0, 7.4
    chart.x_axis.txPr = _axis_text(rot=-2700000)
    chart.y_axis.txPr = _axis_text()
    chart.legend.position = "b"
    chart.y_axis.numFmt = number_formats(currency)["money" if money else "int"]
    chart.x_axis.tickLblSkip = 1
    chart.x_axis.tickMarkSkip = max(1, months // 6)
    chart.x_axis.tickLblPos = "low"
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    for s, colour in zip(chart.series, colours, strict=False):
        s.graphicalProperties = GraphicalProperties(solidFill=colour)
        s.graphicalProperties.line.solidFill = colour
        s.graphicalProperties.line.width = 28000
        if hasattr(s, "smooth"):
            s.smooth = False
