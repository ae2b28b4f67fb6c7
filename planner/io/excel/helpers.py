"""The working: one row per workflow, team or model and one column per month.

``WorkflowMonths`` holds adoption, ``TeamMonths`` FTE freed, ICs, managers and AI seats,
``ModelMonths`` tokens, API cost, GPU-hours, fleets, energy, capex and depreciation,
``Calendar`` the month factors and running totals. ``Monthly`` sums these sheets.
"""

from __future__ import annotations

from .book import Book
from .cells import Look, calc_cell, text_cell, value_cell
from .inputs import CEIL
from .layout import MODEL_BLOCKS, MONTHLY_COL, TEAM_BLOCKS, rng

TEAM_TITLES = {
    "fte": "FTE freed by AI (gross, before the redeploy share)",
    "ic": "Individual contributors (month 0 = today)",
    "mgr": "Managers (month 0 = today)",
    "seats": "AI seat cost",
}
MODEL_TITLES = {
    "tin": "Input tokens", "tout": "Output tokens", "api": "API cost",
    "gh": "GPU-hours needed", "fleet": "GPUs in the fleet", "kwh": "Energy (kWh)",
    "capex": "GPU purchases (capex, cash)", "dep": "GPU depreciation (P&L)",
}
TEAM_FMT = {"fte": "num2", "ic": "num1", "mgr": "num1", "seats": "money"}
MODEL_FMT = {"tin": "int", "tout": "int", "api": "money", "gh": "num1", "fleet": "int",
             "kwh": "int", "capex": "money", "dep": "money"}


def _month_header(b: Book, ws, lead: list[str], baseline: bool) -> None:
    labels = b.figs.result.month_labels
    ws.append(b.header(ws, lead + (["Today"] if baseline else []) + labels))
    nums = ([0] if baseline else []) + list(range(1, b.L.H + 1))
    muted = b.style(Look(muted=True, italic=True, fmt="int"))
    ws.append([text_cell(ws, "Month number", muted)] + [None] * (len(lead) - 1)
              + [value_cell(ws, n, muted) for n in nums])


def _widths(b: Book, first: int, lead: dict[str, float]) -> dict[str, float]:
    from openpyxl.utils import get_column_letter

    out = dict(lead)
    for k in range(first, first + b.L.H + 1):
        out[get_column_letter(k)] = 11
    return out


def write_workflow_months(b: Book) -> None:
    L, F = b.L, b.formulas
    ws = b.sheet("WorkflowMonths", tall_rows={1: 54}, widths=_widths(b, 6, {"A": 16, "B": 14, "C": 10, "D": 9, "E": 9}),
                 freeze="F3", title_rows="1:2", title_cols="A:B", tab="A6A6A6")
    _month_header(b, ws, ["Workflow id", "Team id", "Adoption target", "Ramp months",
                          "S-curve (1 = yes)"], baseline=False)
    adopt = b.figs.wf["adoption"]
    st, sp, si, sa = (b.style(Look()), b.style(Look(fmt="pct")), b.style(Look(fmt="int")),
                      b.style(Look(fmt="pct1")))
    wc = L.wf
    cols = [L.wfm_col(m) for m in range(1, L.H + 1)]
    for i, wf in enumerate(b.plan.workflows):
        r, wr = 3 + i, L.FIRST + i
        ai = wf.ai
        if F:
            x = f"MIN(1,{{c}}$2/MAX($D{r},1E-9))"
            lead = [f"=Workflows!${wc['id']}{wr}", f"=Workflows!${wc['team']}{wr}",
                    f"=Workflows!${wc['adoption']}{wr}", f"=Workflows!${wc['ramp_months']}{wr}",
                    f"=IF(Workflows!${wc['ramp']}{wr}=\"s-curve\",1,0)"]
            month_f = [f"=$C{r}*IF($E{r}=1,{x}^2*(3-2*{x}),{x})".replace("{c}", c) for c in cols]
        else:
            lead = [None] * 5
            month_f = [None] * L.H
        curve = 1 if ai and ai.ramp == "s-curve" else 0
        row = [calc_cell(ws, lead[0], wf.id, st, formulas=F, cached=b.cached),
               calc_cell(ws, lead[1], wf.team, st, formulas=F, cached=b.cached),
               calc_cell(ws, lead[2], ai.adoption if ai else 0.0, sp, formulas=F, cached=b.cached),
               calc_cell(ws, lead[3], ai.ramp_months if ai else 0, si, formulas=F, cached=b.cached),
               calc_cell(ws, lead[4], curve, si, formulas=F, cached=b.cached)]
        a = adopt[i].tolist()
        row += [calc_cell(ws, f, v, sa, formulas=F, cached=b.cached) for f, v in zip(month_f, a, strict=True)]
        ws.append(row)
        b.rows_done()


def write_team_months(b: Book) -> None:
    L, F, r_ = b.L, b.formulas, b.figs.result
    ws = b.sheet("TeamMonths", widths=_widths(b, 3, {"A": 16, "B": 26}),
                 freeze="C3", title_rows="1:2", title_cols="A:B", tab="A6A6A6")
    _month_header(b, ws, ["Team id", "Team"], baseline=True)
    wc = L.wf
    wteam = rng("Workflows", wc["team"], L.FIRST, L.W)
    whu = rng("Workflows", wc["hours_unit"], L.FIRST, L.W)
    section = b.style(Look(section=True, bold=True))
    st = b.style(Look())
    arrays = {"fte": r_.fte, "ic": r_.ic, "mgr": r_.mgr, "seats": r_.seats}
    tcol = L.team
    for blk in TEAM_BLOCKS:
        ws.append([text_cell(ws, TEAM_TITLES[blk], section)]
                  + [text_cell(ws, None, section) for _ in range(L.H + 2)])
        sv = b.style(Look(fmt=TEAM_FMT[blk]))
        data = arrays[blk]
        for i, t in enumerate(b.plan.teams):
            r, tr = L.tm_row(blk, i), L.FIRST + i
            ic_r, mgr_r, fte_r = L.tm_row("ic", i), L.tm_row("mgr", i), L.tm_row("fte", i)
            row = [calc_cell(ws, f"=Teams!$A{tr}", t.id, st, formulas=F, cached=b.cached),
                   calc_cell(ws, f"=Teams!$B{tr}", t.name, st, formulas=F, cached=b.cached)]
            if blk in ("ic", "mgr"):
                key = "ic" if blk == "ic" else "mgr"
                row.append(calc_cell(ws, f"=Teams!${tcol[key]}{tr}", float(data[i, 0]), sv,
                                     formulas=F, cached=b.cached))
            else:
                row.append(None)
            vals = (data[i, 1:] if blk in ("fte", "ic", "mgr") else data[i]).tolist()
            for m in range(1, L.H + 1):
                f = None
                if F:
                    c = L.tm_col(m)
                    if blk == "fte":
                        f = ("=0" if wteam is None else
                             f"=SUMPRODUCT(({wteam}=$A{r})*{whu}*WorkflowMonths!{L.wfm_col(m)}$3:"
                             f"{L.wfm_col(m)}${2 + L.W})/hours_per_fte_month")
                    elif blk == "ic":
                        kept = CEIL.format(f"$C{r}-{c}{fte_r}*(1-redeploy_share)")
                        f = (f"=IF(headcount_policy=\"reduce\",MIN($C{r},MAX(Teams!${tcol['min_ic']}{tr},"
                             f"{kept})),$C{r})")
                    elif blk == "mgr":
                        per_span = CEIL.format(f"{c}{ic_r}/Teams!${tcol['span']}{tr}")
                        f = f"=IF($C{ic_r}=0,$C{r},IF(OR($C{r}=0,{c}{ic_r}=0),0,{per_span}))"
                    else:
                        seats = CEIL.format(f"({c}{ic_r}+{c}{mgr_r})*Teams!${tcol['coverage']}{tr}")
                        f = (f"=IF(ISNUMBER(Teams!${tcol['seat_cost']}{tr}),{seats}"
                             f"*Teams!${tcol['seat_cost']}{tr},0)")
                row.append(calc_cell(ws, f, vals[m - 1], sv, formulas=F, cached=b.cached))
            ws.append(row)
            b.rows_done()
        ws.append([])


def write_model_months(b: Book) -> None:
    L, F, r_ = b.L, b.formulas, b.figs.result
    ws = b.sheet("ModelMonths", widths=_widths(b, 3, {"A": 16, "B": 10}),
                 freeze="C3", title_rows="1:2", title_cols="A:B", tab="A6A6A6")
    _month_header(b, ws, ["Model id", "Hosting"], baseline=False)
    wc, mc = L.wf, L.model
    wmodel = rng("Workflows", wc["model"], L.FIRST, L.W)
    unit = {"tin": rng("Workflows", wc["tin_unit"], L.FIRST, L.W),
            "tout": rng("Workflows", wc["tout_unit"], L.FIRST, L.W),
            "api": rng("Workflows", wc["api_unit"], L.FIRST, L.W)}
    arrays = {"tin": r_.model_tokens_in, "tout": r_.model_tokens_out, "api": r_.model_api_cost,
              "gh": r_.gpu_hours, "fleet": r_.fleet, "kwh": r_.kwh, "capex": r_.capex,
              "dep": r_.depreciation}
    section = b.style(Look(section=True, bold=True))
    st = b.style(Look())
    lastc = L.mm_col(L.H)
    for blk in MODEL_BLOCKS:
        ws.append([text_cell(ws, MODEL_TITLES[blk], section)]
                  + [text_cell(ws, None, section) for _ in range(L.H + 1)])
        sv = b.style(Look(fmt=MODEL_FMT[blk]))
        for j, m in enumerate(b.plan.models):
            r, mr = L.mm_row(blk, j), L.FIRST + j
            M = {k: f"Models!${mc[k]}{mr}" for k in mc.keys}
            row = [calc_cell(ws, f"=Models!$A{mr}", m.id, st, formulas=F, cached=b.cached),
                   calc_cell(ws, f"=Models!$B{mr}", m.hosting, st, formulas=F, cached=b.cached)]
            vals = arrays[blk][j].tolist()
            fleet_r = L.mm_row("fleet", j)
            for mth in range(1, L.H + 1):
                f = None
                if F:
                    c, cr = L.mm_col(mth), L.cal_row(mth)
                    prev = L.mm_col(mth - 1) if mth > 1 else None
                    if blk in unit:
                        factor = f"Calendar!$D${cr}" if blk != "api" else f"Calendar!$C${cr}*Calendar!$D${cr}"
                        wcol = L.wfm_col(mth)
                        f = ("=0" if wmodel is None else
                             f"={factor}*SUMPRODUCT(({wmodel}=$A{r})*{unit[blk]}*WorkflowMonths!"
                             f"{wcol}$3:{wcol}${2 + L.W})")
                    elif blk == "gh":
                        f = (f"=IF({M['is_self']}=1,({c}{L.mm_row('tin', j)}/{M['prefill']}+{c}"
                             f"{L.mm_row('tout', j)}/{M['decode']})/3600/{M['utilization']},0)")
                    elif blk == "fleet":
                        gh = f"{c}{L.mm_row('gh', j)}"
                        rep = M["per_replica"]
                        replicas = CEIL.format(f"{gh}/hours_per_month*peak_to_average/{rep}")
                        need = f"IF({gh}=0,0,{rep}*{replicas})"
                        keep = f"MAX({M['owned']}*{prev}{r},{need})" if prev else need
                        f = f"=IF({M['is_self']}=1,{keep},0)"
                    elif blk == "kwh":
                        f = f"={c}{fleet_r}*{M['watts']}/1000*hours_per_month*pue"
                    elif blk == "capex":
                        added = f"({c}{fleet_r}-{prev}{fleet_r})" if prev else f"{c}{fleet_r}"
                        f = f"={M['owned']}*{added}*{M['capex']}"
                    else:
                        lag = (f"IF({c}$2>{M['amort']},INDEX($C{fleet_r}:${lastc}{fleet_r},"
                               f"{c}$2-{M['amort']}),0)")
                        f = f"=IF({M['owned']}=1,({c}{fleet_r}-{lag})*{M['capex']}/{M['amort']},0)"
                row.append(calc_cell(ws, f, vals[mth - 1], sv, formulas=F, cached=b.cached))
            ws.append(row)
            b.rows_done()
        ws.append([])


def write_calendar(b: Book) -> None:
    L, F, fg = b.L, b.formulas, b.figs
    ws = b.sheet("Calendar", tall_rows={1: 54}, widths={"A": 6, "B": 10, "C": 14, "D": 14, "E": 18, "F": 18, "G": 16, "H": 12},
                 freeze="A2", title_rows="1:1", landscape=False, tab="A6A6A6")
    ws.append(b.header(ws, ["m", "Month", "API price factor", "Token growth factor",
                            "Cumulative net cash", "Cumulative net P&L",
                            "Payback candidate (cumulative cash >= 0)", "Chart axis label"]))
    step = max(1, L.H // 6)
    labels = fg.result.month_labels
    cash, pnl = fg.cum_net_cash.tolist(), fg.cum_net_pnl.tolist()
    s4, sm, si = b.style(Look(fmt="num4")), b.style(Look(fmt="money")), b.style(Look(fmt="int"))
    nc, np_ = MONTHLY_COL["net_cash"], MONTHLY_COL["net_pnl"]
    for m in range(1, L.H + 1):
        r, mr = L.cal_row(m), L.monthly_row(m)
        prev_c = f"E{r - 1}+" if m > 1 else ""
        prev_p = f"F{r - 1}+" if m > 1 else ""
        ws.append([
            value_cell(ws, m), text_cell(ws, labels[m - 1]),
            calc_cell(ws, f"=(1-price_decline_per_year)^((A{r}-1)/12)", fg.price_factor[m - 1], s4,
                      formulas=F, cached=b.cached),
            calc_cell(ws, f"=(1+token_growth_per_year)^((A{r}-1)/12)", fg.growth_factor[m - 1], s4,
                      formulas=F, cached=b.cached),
            calc_cell(ws, f"={prev_c}Monthly!{nc}{mr}", cash[m - 1], sm, formulas=F, cached=b.cached),
            calc_cell(ws, f"={prev_p}Monthly!{np_}{mr}", pnl[m - 1], sm, formulas=F, cached=b.cached),
            calc_cell(ws, f"=IF(E{r}>=0,A{r},\"\")", m if cash[m - 1] >= 0 else "", si,
                      formulas=F, cached=b.cached),
            text_cell(ws, labels[m - 1] if (m - 1) % step == 0 else ""),
        ])
        b.rows_done()
