"""``Monthly`` (an Excel table named Monthly, the engine's MONTHLY_KEYS) and ``Years``
(YEAR_KEYS and the kinds of compute), each with its keys as a header row programs read."""

from __future__ import annotations

import warnings

from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo

from .book import Book
from .cells import Look, calc_cell, text_cell, value_cell
from .layout import MONTHLY_COL, MONTHLY_KEYS, MONTHLY_LABELS, YEAR_LABELS, rng

MONTHLY_FMT = {
    "m": "int", "month": "text", "headcount": "num1", "ic": "num1", "managers": "num1",
    "headcount_without_ai": "num1", "fte_freed": "num1", "hours_saved": "int", "tokens_in": "tokens",
    "tokens_out": "tokens", "gpus": "int", "energy_kwh": "int",
}
KEY_LOOK = Look(bold=True, muted=True, italic=True)


def monthly_formulas(b: Book, m: int) -> dict[str, str]:
    """The formula of every Monthly cell of month ``m`` (MODEL.md 3-5, over the working)."""
    L, mc = b.L, MONTHLY_COL
    r = L.monthly_row(m)
    tc, wc, kc, pc = L.tm_col(m), L.wfm_col(m), L.mm_col(m), L.tm_col(m - 1)
    T, W, J = L.T, L.W, L.J
    cal = {k: f"Calendar!${L.cal[k]}${L.cal_row(m)}" for k in ("wage_index", "gpu_price_factor")}
    w = cal["wage_index"]

    def tm(blk: str, col: str = tc) -> str:
        return L.tm(blk, col)

    def mm(blk: str) -> str:
        return f"ModelMonths!{kc}${L.mm_row(blk, 0)}:{kc}${L.mm_row(blk, 0) + J - 1}"

    def msum(blk: str) -> str:
        return "=0" if J == 0 else f"=SUM({mm(blk)})"

    def model(col: str) -> str | None:
        return rng("Models", L.model[col], L.FIRST, J)

    c_ic = rng("Teams", L.team["c_ic"], L.FIRST, T)
    c_mgr = rng("Teams", L.team["c_mgr"], L.FIRST, T)

    def pay(ic: str, mgr: str) -> str:
        return f"=(SUMPRODUCT({tm(ic)},{c_ic})+SUMPRODUCT({tm(mgr)},{c_mgr}))*{w}/12"

    def drop(blk: str) -> str:
        before, now = tm(blk, pc), tm(blk)
        return f"(({before}-{now})>0)*({before}-{now})"

    def severance(ic: str, mgr: str) -> str:
        return (f"=IF(by_attrition=1,0,severance_months/12*{w}*(SUMPRODUCT({drop(ic)},"
                f"{c_ic})+SUMPRODUCT({drop(mgr)},{c_mgr})))")

    g = {k: f"{mc[k]}{r}" for k in mc.keys}
    whu = rng("Workflows", L.wf["hours_unit"], L.FIRST, W)
    units = f"WorkflowMonths!{wc}$3:{wc}${2 + W}"
    extra = f"({g['severance']}-{g['severance_without_ai']})"
    return {
        "headcount": f"={g['ic']}+{g['managers']}",
        "ic": f"=SUM({tm('ic')})", "managers": f"=SUM({tm('mgr')})",
        "headcount_without_ai": f"=SUM({tm('ic_c')})+SUM({tm('mgr_c')})",
        "fte_freed": f"=SUM({tm('fte')})",
        "hours_saved": "=0" if whu is None else f"=SUMPRODUCT({whu},{units})",
        "payroll": pay("ic", "mgr"), "payroll_without_ai": pay("ic_c", "mgr_c"),
        "payroll_savings": f"={g['payroll_without_ai']}-{g['payroll']}",
        "payroll_savings_ai": f"={g['payroll_savings']}-{g['payroll_savings_structure']}",
        # AI only and the plan have the same ICs: only their managers differ
        "payroll_savings_structure": f"=SUMPRODUCT(({tm('mgr_ai')}-{tm('mgr')})*{c_mgr})*{w}/12",
        "tokens_in": msum("tin"), "tokens_out": msum("tout"), "api_cost": msum("api"),
        "gpu_cost": "=0" if J == 0 else (
            f"=SUMPRODUCT({mm('fleet')},{model('rental')})*{cal['gpu_price_factor']}"
            f"+SUMPRODUCT({mm('kwh')},{model('owned')})*usd_per_kwh"
            f"+SUMPRODUCT({mm('fleet')},{model('overhead')})"),
        "gpus": msum("fleet"), "energy_kwh": msum("kwh"), "seat_cost": f"=SUM({tm('seats')})",
        "capex": msum("capex"), "depreciation": msum("dep"),
        "compute_pnl": f"={g['api_cost']}+{g['gpu_cost']}+{g['depreciation']}+{g['seat_cost']}",
        "compute_cash": f"={g['api_cost']}+{g['gpu_cost']}+{g['capex']}+{g['seat_cost']}",
        "severance": severance("ic", "mgr"), "severance_without_ai": severance("ic_c", "mgr_c"),
        "one_off": f"=IF({g['m']}=1,implementation_cost,0)",
        "net_pnl": f"={g['payroll_savings']}-{g['compute_pnl']}-{extra}-{g['one_off']}",
        "net_cash": f"={g['payroll_savings']}-{g['compute_cash']}-{extra}-{g['one_off']}",
    }


def _table(ws, name: str, keys: tuple[str, ...], last_col: str, last_row: int) -> None:
    ref = f"A2:{last_col}{last_row}"
    table = Table(displayName=name, name=name, ref=ref, autoFilter=AutoFilter(ref=ref))
    # Write-only sheets cannot read the header row back: name the columns here.
    table.tableColumns = [TableColumn(id=i, name=k) for i, k in enumerate(keys, 1)]
    table.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)   # columns are named above
        ws.add_table(table)


def write_monthly(b: Book) -> None:
    L, s = b.L, b.figs.result.series
    widths = {MONTHLY_COL[k]: 13 for k in MONTHLY_KEYS}
    widths.update({"A": 8, "B": 10})
    ws = b.sheet("Monthly", tall_rows={1: 54}, widths=widths, freeze="C3", title_rows="1:2",
                 title_cols="A:B")
    ws.append(b.header(ws, [MONTHLY_LABELS[k] for k in MONTHLY_KEYS]))
    # Row 2: the table's own header row, named by the MODEL.md keys (programs read these).
    ws.append([text_cell(ws, k, b.style(KEY_LOOK)) for k in MONTHLY_KEYS])
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
    _table(ws, "Monthly", MONTHLY_KEYS, MONTHLY_COL[MONTHLY_KEYS[-1]], L.monthly_row(L.H))


def write_years(b: Book) -> None:
    L, yc = b.L, b.L.year
    ws = b.sheet("Years", tall_rows={1: 54}, widths={**{yc[k]: 14 for k in yc.keys}, "A": 7, "B": 20},
                 freeze="C3", title_rows="1:2")
    ws.append(b.header(ws, [YEAR_LABELS[k] for k in yc.keys]))
    ws.append([text_cell(ws, k, b.style(KEY_LOOK)) for k in yc.keys])
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
