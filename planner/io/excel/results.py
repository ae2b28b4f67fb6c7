"""``Monthly`` (an Excel table named Monthly, MODEL.md monthly keys) and ``Years``."""

from __future__ import annotations

import warnings

from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo

from .book import Book
from .cells import Look, calc_cell, text_cell, value_cell
from .layout import MONTHLY_COL, MONTHLY_KEYS, MONTHLY_LABELS, rng

MONTHLY_FMT = {
    "m": "int", "month": "text", "headcount": "num1", "ic": "num1", "managers": "num1",
    "fte_freed": "num1", "hours_saved": "int", "tokens_in": "int", "tokens_out": "int",
    "gpus": "int", "energy_kwh": "int",
}
YEAR_LABELS = {
    "year": "Year", "months": "Months", "payroll_savings": "Payroll savings", "api_cost": "API cost",
    "gpu_cost": "GPU cost (rental + power)", "seat_cost": "AI seats", "depreciation": "GPU depreciation",
    "capex": "GPU capex (cash)", "compute_pnl": "Compute (P&L)", "compute_cash": "Compute (cash)",
    "severance": "Severance", "one_off": "One-off", "net_pnl": "Net P&L", "net_cash": "Net cash",
}


def monthly_formulas(b: Book, m: int) -> dict[str, str]:
    """The formula of every Monthly cell of month ``m`` (row-relative references)."""
    L, mc = b.L, MONTHLY_COL
    r = L.monthly_row(m)
    tc, wc, kc = L.tm_col(m), L.wfm_col(m), L.mm_col(m)
    T, W, J = L.T, L.W, L.J

    def tm(blk: str, col: str = tc) -> str:
        return f"TeamMonths!{col}${L.tm_row(blk, 0)}:{col}${L.tm_row(blk, 0) + T - 1}"

    def mm(blk: str) -> str | None:
        return None if J == 0 else f"ModelMonths!{kc}${L.mm_row(blk, 0)}:{kc}${L.mm_row(blk, 0) + J - 1}"

    def msum(blk: str) -> str:
        x = mm(blk)
        return "=0" if x is None else f"=SUM({x})"

    c_ic = rng("Teams", L.team["c_ic"], L.FIRST, T)
    c_mgr = rng("Teams", L.team["c_mgr"], L.FIRST, T)
    pay = lambda col: f"(SUMPRODUCT({tm('ic', col)},{c_ic})+SUMPRODUCT({tm('mgr', col)},{c_mgr}))/12"  # noqa: E731
    g = {k: f"{mc[k]}{r}" for k in mc.keys}
    whu = rng("Workflows", L.wf["hours_unit"], L.FIRST, W)
    wadopt = f"WorkflowMonths!{wc}$3:{wc}${2 + W}"
    rental = rng("Models", L.model["rental"], L.FIRST, J)
    owned = rng("Models", L.model["owned"], L.FIRST, J)
    if m > 1:
        pc = L.tm_col(m - 1)
        drop = lambda blk: f"(({tm(blk, pc)}-{tm(blk)})>0)*({tm(blk, pc)}-{tm(blk)})"  # noqa: E731
        sev = (f"=severance_months/12*(SUMPRODUCT({drop('ic')},{c_ic})"
               f"+SUMPRODUCT({drop('mgr')},{c_mgr}))")
    else:
        drop = lambda blk: f"(({tm(blk, '$C')}-{tm(blk)})>0)*({tm(blk, '$C')}-{tm(blk)})"  # noqa: E731
        sev = (f"=severance_months/12*(SUMPRODUCT({drop('ic')},{c_ic})"
               f"+SUMPRODUCT({drop('mgr')},{c_mgr}))")
    return {
        "headcount": f"={g['ic']}+{g['managers']}",
        "ic": f"=SUM({tm('ic')})", "managers": f"=SUM({tm('mgr')})", "fte_freed": f"=SUM({tm('fte')})",
        "hours_saved": "=0" if whu is None else f"=SUMPRODUCT({whu},{wadopt})",
        "payroll": f"={pay(tc)}", "payroll_savings": f"={pay('$C')}-{g['payroll']}",
        "tokens_in": msum("tin"), "tokens_out": msum("tout"), "api_cost": msum("api"),
        "gpu_cost": "=0" if J == 0 else
        f"=SUMPRODUCT({mm('fleet')},{rental})+SUMPRODUCT({mm('kwh')},{owned})*usd_per_kwh",
        "gpus": msum("fleet"), "energy_kwh": msum("kwh"), "seat_cost": f"=SUM({tm('seats')})",
        "capex": msum("capex"), "depreciation": msum("dep"),
        "compute_pnl": f"={g['api_cost']}+{g['gpu_cost']}+{g['depreciation']}+{g['seat_cost']}",
        "compute_cash": f"={g['api_cost']}+{g['gpu_cost']}+{g['capex']}+{g['seat_cost']}",
        "severance": sev, "one_off": f"=IF({g['m']}=1,implementation_cost,0)",
        "net_pnl": f"={g['payroll_savings']}-{g['compute_pnl']}-{g['severance']}-{g['one_off']}",
        "net_cash": f"={g['payroll_savings']}-{g['compute_cash']}-{g['severance']}-{g['one_off']}",
    }


def write_monthly(b: Book) -> None:
    L, s = b.L, b.figs.result.series
    widths = {MONTHLY_COL[k]: 13 for k in MONTHLY_KEYS}
    widths.update({"A": 8, "B": 10})
    ws = b.sheet("Monthly", tall_rows={1: 54}, widths=widths, freeze="C3", title_rows="1:2", title_cols="A:B")
    ws.append(b.header(ws, [MONTHLY_LABELS[k] for k in MONTHLY_KEYS]))
    # Row 2: the table's own header row, named by the MODEL.md keys (programs read these).
    ws.append([text_cell(ws, k, b.style(Look(bold=True, muted=True, italic=True))) for k in MONTHLY_KEYS])
    styles = {k: b.style(Look(fmt=MONTHLY_FMT.get(k, "money"))) for k in MONTHLY_KEYS}
    labels = b.figs.result.month_labels
    cols = {k: s[k].tolist() for k in MONTHLY_KEYS if k not in ("m", "month")}
    for m in range(1, L.H + 1):
        fs = monthly_formulas(b, m) if b.formulas else {}
        row = [value_cell(ws, m, styles["m"]), text_cell(ws, labels[m - 1], styles["month"])]
        for k in MONTHLY_KEYS[2:]:
            row.append(calc_cell(ws, fs.get(k), cols[k][m - 1], styles[k], formulas=b.formulas,
                                 cached=b.cached))
        ws.append(row)
        b.rows_done()
    last = MONTHLY_COL[MONTHLY_KEYS[-1]]
    ref = f"A2:{last}{L.monthly_row(L.H)}"
    table = Table(displayName="Monthly", name="Monthly", ref=ref, autoFilter=AutoFilter(ref=ref))
    # Write-only sheets cannot read the header row back: name the columns here.
    table.tableColumns = [TableColumn(id=i, name=k) for i, k in enumerate(MONTHLY_KEYS, 1)]
    table.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)   # columns are named above
        ws.add_table(table)


def write_years(b: Book) -> None:
    L, yc = b.L, b.L.year
    ws = b.sheet("Years", tall_rows={1: 54}, widths={**{yc[k]: 14 for k in yc.keys}, "A": 7, "B": 20},
                 freeze="C2", title_rows="1:1")
    ws.append(b.header(ws, [YEAR_LABELS[k] for k in yc.keys]))
    s = b.figs.result.series
    labels = b.figs.result.month_labels
    money = b.style(Look(fmt="money"))
    for y in range(1, L.years + 1):
        m0, m1 = 12 * (y - 1) + 1, min(12 * y, L.H)
        a, z = L.monthly_row(m0), L.monthly_row(m1)
        row = [value_cell(ws, y), text_cell(ws, f"{labels[m0 - 1]} to {labels[m1 - 1]}")]
        for k in yc.keys[2:]:
            col = MONTHLY_COL[k]
            row.append(calc_cell(ws, f"=SUM(Monthly!{col}{a}:{col}{z})", float(s[k][m0 - 1:m1].sum()),
                                 money, formulas=b.formulas, cached=b.cached))
        ws.append(row)
        b.rows_done()
