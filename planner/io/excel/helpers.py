"""The working: one row per workflow, team or model and one column per month.

``WorkflowMonths`` holds each workflow's AI-assisted share of today's volume (adoption x
ramp x volume index), ``TeamMonths`` the three organisations (the plan, AI only, without AI:
FTE freed, extra work from growth, target ICs, ICs and managers) and AI seats,
``ModelMonths`` tokens, API cost, GPU-hours, fleets, energy, capex and depreciation,
``Calendar`` the month factors and running totals, ``TeamTree`` the layers of the team tree.
``Monthly`` sums these sheets.
"""

from __future__ import annotations

from .book import Book
from .cells import Look, calc_cell, text_cell, value_cell
from .inputs import CEIL
from .layout import MODEL_BLOCKS, MONTHLY_COL, TEAM_BLOCKS, rng

TEAM_TITLES = {
    "fte": "FTE freed by AI (gross, before the share kept for new work)",
    "growth": "Extra work from volume change, FTE (negative when volume falls)",
    "tic": "Target ICs: what the work needs in the plan (the AI-only organisation has the same)",
    "ic": "ICs: plan (month 0 = today; the path follows the target by layoffs or attrition)",
    "mgr": "Managers: plan (its spans)",
    "mgr_ai": "Managers: AI only (the plan's ICs at today's spans)",
    "tic_c": "Target ICs: without AI (growth only)",
    "ic_c": "ICs: without AI",
    "mgr_c": "Managers: without AI",
    "seats": "AI seat cost (plan)",
}
MODEL_TITLES = {
    "tin": "Input tokens", "tout": "Output tokens", "api": "API cost (the model's price index)",
    "gh": "GPU-hours needed (after the serving speed gain)", "fleet": "GPUs in the fleet",
    "kwh": "Energy (kWh)", "capex": "GPU purchases (capex, cash, at the GPU price index)",
    "dep": "GPU depreciation (P&L)",
}
TEAM_FMT = {"fte": "num2", "growth": "num2", "seats": "money"}
MODEL_FMT = {"tin": "tokens", "tout": "tokens", "api": "money", "gh": "num1", "fleet": "int",
             "kwh": "int", "capex": "money", "dep": "money"}
# Blocks whose month 0 (column C) is today's headcount: block -> Teams column.
TODAY = {"ic": "ic", "mgr": "mgr", "mgr_ai": "mgr", "ic_c": "ic", "mgr_c": "mgr"}


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


def _index(rate: str, col: str) -> str:
    """MODEL.md ``idx(rate, m)`` for the month number in row 2 of column ``col``."""
    return f"(1+{rate})^(({col}$2-1)/12)"


def write_workflow_months(b: Book) -> None:
    L, F = b.L, b.formulas
    ws = b.sheet("WorkflowMonths", tall_rows={1: 54},
                 widths=_widths(b, 7, {"A": 16, "B": 14, "C": 10, "D": 9, "E": 9, "F": 10}),
                 freeze="G3", title_rows="1:2", title_cols="A:B", tab="A6A6A6")
    _month_header(b, ws, ["Workflow id", "Team id", "Adoption target", "Ramp months",
                          "S-curve (1 = yes)", "Volume growth / year"], baseline=False)
    w = b.figs.wf
    st, sp, si, sa, sg = (b.style(Look()), b.style(Look(fmt="pct")), b.style(Look(fmt="int")),
                          b.style(Look(fmt="num4")), b.style(Look(fmt="pct1")))
    wc = L.wf
    cols = [L.wfm_col(m) for m in range(1, L.H + 1)]
    no_work = [0.0] * L.H
    for i in range(L.W):
        r, wr = 3 + i, L.FIRST + i
        if i < L.workflows:
            wf = b.plan.workflows[i]
            ai = wf.ai
            curve = 1 if ai and ai.ramp == "s-curve" else 0
            lead_v = [wf.id, wf.team, ai.adoption if ai else 0.0, ai.ramp_months if ai else 0,
                      curve, float(w["growth_used"][i])]
            units = w["units"][i].tolist()
        else:      # a spare row: the plan's growth, no work
            lead_v = ["", "", 0.0, 0, 0, b.plan.settings.volume_growth_per_year]
            units = no_work
        if F:
            x = f"MIN(1,{{c}}$2/MAX($D{r},1E-9))"
            lead = [f"=\"\"&Workflows!${wc['id']}{wr}", f"=\"\"&Workflows!${wc['team']}{wr}",
                    f"=Workflows!${wc['adoption']}{wr}", f"=Workflows!${wc['ramp_months']}{wr}",
                    f"=IF(TRIM(Workflows!${wc['ramp']}{wr})=\"s-curve\",1,0)",
                    f"=Workflows!${wc['growth_used']}{wr}"]
            month_f = [(f"=$C{r}*IF($E{r}=1,{x}^2*(3-2*{x}),{x})*" + _index(f"$F{r}", c))
                       .replace("{c}", c) for c in cols]
        else:
            lead = [None] * 6
            month_f = [None] * L.H
        row = [calc_cell(ws, f, v, s, formulas=F, cached=b.cached)
               for f, v, s in zip(lead, lead_v, (st, st, sp, si, si, sg), strict=True)]
        row += [calc_cell(ws, f, v, sa, formulas=F, cached=b.cached)
                for f, v in zip(month_f, units, strict=True)]
        ws.append(row)
        b.rows_done()


def _team_formula(b: Book, blk: str, i: int) -> str:
    """The formula of TeamMonths block ``blk``, team ``i`` (MODEL.md 2-3), as a template of
    the month: ``{c}`` its column, ``{p}`` the month before's, ``{w}`` WorkflowMonths' column."""
    L = b.L
    c, prev, r, tr = "{c}", "{p}", L.tm_row(blk, i), L.FIRST + i
    T = {k: f"Teams!${L.team[k]}{tr}" for k in ("min_ic", "own", "span", "own_span",
                                                 "seat_cost", "coverage")}
    W = L.W
    if blk in ("fte", "growth"):
        wteam = rng("Workflows", L.wf["team"], L.FIRST, W)
        if wteam is None:
            return "=0"
        if blk == "fte":
            whu = rng("Workflows", L.wf["hours_unit"], L.FIRST, W)
            wcol = "{w}"
            return (f"=SUMPRODUCT(({wteam}=$A{r})*{whu}*WorkflowMonths!{wcol}$3:{wcol}${2 + W})"
                    f"/hours_per_fte_month")
        base = rng("Workflows", L.wf["base_hours"], L.FIRST, W)
        growth = rng("Workflows", L.wf["growth_used"], L.FIRST, W)
        return f"=SUMPRODUCT(({wteam}=$A{r})*{base}*({_index(growth, c)}-1))/hours_per_fte_month"
    plan = blk in ("tic", "ic", "mgr")
    ic0 = f"$C{L.tm_row('ic', i)}"
    tic = f"{c}{L.tm_row('tic' if plan or blk == 'mgr_ai' else 'tic_c', i)}"
    if blk in ("tic", "tic_c"):
        # surplus X = F - G; D = -X when X <= 0 (hire), else -X (1 - share), capped at today
        freed = f"{c}{L.tm_row('fte', i)}" if blk == "tic" else "0"
        g = f"{c}{L.tm_row('growth', i)}"
        floor = f"MIN({T['min_ic']}+0,{ic0})"
        cut = CEIL.format(f"{ic0}-({freed}-{g})*(1-kept_share)")
        hire = CEIL.format(f"{ic0}+{g}-{freed}")
        return (f"=IF({ic0}=0,0,IF({freed}>={g},MIN({ic0},MAX({floor},{cut})),"
                f"MAX({floor},{hire})))")
    if blk == "seats":
        seats = CEIL.format(f"({c}{L.tm_row('ic', i)}+{c}{L.tm_row('mgr', i)})*IF(ISNUMBER({T['coverage']}),{T['coverage']},1)")
        return f"=IF(ISNUMBER({T['seat_cost']}),{seats}*{T['seat_cost']},0)"
    today = f"$C{r}"
    if blk in ("ic", "ic_c"):
        target = tic
    else:   # managers: today's unless the span applies (MODEL.md 3.2)
        own = f"{T['own']}=1" if blk == "mgr" else "TRUE"
        span = T["span"] if blk == "mgr" else T["own_span"]
        target = (f"IF({ic0}=0,{today},IF(OR({today}=0,{tic}=0),0,IF(AND({own},ABS({tic}-{ic0})"
                  f"<=1E-9),{today},{CEIL.format(f'{tic}/{span}')})))")
    # the path: the target at once (layoffs), or leaving at the attrition pace (attrition)
    return f"=MAX({target},IF(by_attrition=1,{prev}{r}-{today}*attrition_per_year/12,-1))"


def write_team_months(b: Book) -> None:
    L, F = b.L, b.formulas
    ws = b.sheet("TeamMonths", widths=_widths(b, 3, {"A": 16, "B": 26}),
                 freeze="C3", title_rows="1:2", title_cols="A:B", tab="A6A6A6")
    _month_header(b, ws, ["Team id", "Team"], baseline=True)
    section = b.style(Look(section=True, bold=True))
    st = b.style(Look())
    blocks = b.figs.team_blocks
    tcol = L.team
    months = [(L.tm_col(m), L.tm_col(m - 1), L.wfm_col(m)) for m in range(1, L.H + 1)]
    for blk in TEAM_BLOCKS:
        ws.append([text_cell(ws, TEAM_TITLES[blk], section)]
                  + [text_cell(ws, None, section) for _ in range(L.H + 2)])
        sv = b.style(Look(fmt=TEAM_FMT.get(blk, "num1")))
        data = blocks[blk]
        for i in range(L.T):
            tr = L.FIRST + i
            t = b.plan.teams[i] if i < L.teams else None
            row = [calc_cell(ws, f"=\"\"&Teams!$A{tr}", t.id if t else "", st, formulas=F,
                             cached=b.cached),
                   calc_cell(ws, f"=\"\"&Teams!$B{tr}", t.name if t else "", st, formulas=F,
                             cached=b.cached)]
            vals = data[i].tolist() if t else [0.0] * (L.H + 1)     # a spare team: nobody
            if blk in TODAY:
                row.append(calc_cell(ws, f"=Teams!${tcol[TODAY[blk]]}{tr}", vals[0], sv,
                                     formulas=F, cached=b.cached))
            else:
                row.append(None)
            if F:
                tpl = _team_formula(b, blk, i)
                fs = [tpl.format(c=c, p=p, w=w) for c, p, w in months]
            else:
                fs = [None] * L.H
            row += [calc_cell(ws, f, v, sv, formulas=F, cached=b.cached)
                    for f, v in zip(fs, vals[1:], strict=True)]
            ws.append(row)
            b.rows_done()
        ws.append([])


def write_team_tree(b: Book) -> None:
    """Layers of the team tree (MODEL.md 3.4) today and in the final month, by pointer jumping.

    Each pass k looks 2^(k-1) teams further up, so log2(teams) passes cover any tree. Every
    pass reads the previous pass's column: no formula refers to a range that holds itself
    (Excel would flag such a formula as circular even when the cell it picks is another).
    """
    L, F = b.L, b.formulas
    tc = L.tree
    ws = b.sheet("TeamTree", tall_rows={1: 66},
                 widths={**{tc[k]: 12 for k in tc.cols.keys}, "A": 16, "B": 16},
                 freeze="C2", title_rows="1:1", title_cols="A:A", tab="A6A6A6")
    labels = {"id": "Team id", "parent": "Reports to", "up1": "Row of the team it reports to (0 = top)",
              "n0_0": "Has managers today (1 = yes)", "nH_0": "Has managers, final (1 = yes)",
              "layers0": "Layers over this team's ICs, today",
              "layersH": "Layers over this team's ICs, final"}
    for k in range(1, tc.levels + 1):
        labels[f"n0_{k}"] = f"Teams with managers, today: this and {2 ** k - 1} up"
        labels[f"nH_{k}"] = f"Teams with managers, final: this and {2 ** k - 1} up"
        labels[f"up{k + 1}"] = f"Row of the team {2 ** k} levels up (0 = none)"
    ws.append(b.header(ws, [labels[k] for k in tc.cols.keys]))
    ids = rng("Teams", "A", L.FIRST, L.T)
    tree = b.figs.tree
    st, si = b.style(Look()), b.style(Look(fmt="int"))
    last = L.tm_col(L.H)

    def col(key: str) -> str:
        return f"${tc[key]}${L.FIRST}:${tc[key]}${L.FIRST + L.T - 1}"

    for i in range(L.T):
        r = L.FIRST + i
        t = b.plan.teams[i] if i < L.teams else None
        mgr_r, ic_r = L.tm_row("mgr", i), L.tm_row("ic", i)
        # a team at the top (or a spare row) points nowhere: an empty id would match the spares
        f = {"id": f"=\"\"&Teams!$A{r}", "parent": f"=\"\"&Teams!${L.team['parent']}{r}",
             "up1": f"=IF($B{r}=\"\",0,SUMPRODUCT(({ids}=$B{r})*(ROW({ids})-{L.FIRST - 1})))",
             "n0_0": f"=IF(TeamMonths!$C{mgr_r}>1E-9,1,0)",
             "nH_0": f"=IF(TeamMonths!{last}{mgr_r}>1E-9,1,0)"}
        for k in range(1, tc.levels + 1):
            up = f"{tc[f'up{k}']}{r}"
            for when in ("0", "H"):
                before = f"n{when}_{k - 1}"
                f[f"n{when}_{k}"] = f"={tc[before]}{r}+IF({up}>0,INDEX({col(before)},{up}),0)"
            if k < tc.levels:
                f[f"up{k + 1}"] = f"=IF({up}>0,INDEX({col(f'up{k}')},{up}),0)"
        f["layers0"] = f"=IF(TeamMonths!$C{ic_r}>1E-9,{tc[f'n0_{tc.levels}']}{r},0)"
        f["layersH"] = f"=IF(TeamMonths!{last}{ic_r}>1E-9,{tc[f'nH_{tc.levels}']}{r},0)"
        values = ({"id": t.id, "parent": t.parent or "", **{k: float(v[i]) for k, v in tree.items()}}
                  if t else {"id": "", "parent": "", **dict.fromkeys(tree, 0.0)})
        ws.append([calc_cell(ws, f[k] if F else None, values[k], st if k in ("id", "parent") else si,
                             formulas=F, cached=b.cached) for k in tc.cols.keys])
        b.rows_done()


def write_model_months(b: Book) -> None:
    L, F, r_ = b.L, b.formulas, b.figs.result
    ws = b.sheet("ModelMonths", widths=_widths(b, 3, {"A": 16, "B": 10}),
                 freeze="C3", title_rows="1:2", title_cols="A:B", tab="A6A6A6")
    _month_header(b, ws, ["Model id", "Hosting"], baseline=False)
    wc, mc, cal = L.wf, L.model, L.cal
    wmodel = rng("Workflows", wc["model"], L.FIRST, L.W)
    unit = {"tin": rng("Workflows", wc["tin_unit"], L.FIRST, L.W),
            "tout": rng("Workflows", wc["tout_unit"], L.FIRST, L.W),
            "api": rng("Workflows", wc["api_unit"], L.FIRST, L.W)}
    arrays = {"tin": r_.model_tokens_in, "tout": r_.model_tokens_out, "api": r_.model_api_cost,
              "gh": r_.gpu_hours, "fleet": r_.fleet, "kwh": r_.kwh, "capex": r_.capex,
              "dep": r_.depreciation}
    section = b.style(Look(section=True, bold=True))
    st = b.style(Look())
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
            fleet_r, capex_r = L.mm_row("fleet", j), L.mm_row("capex", j)
            for mth in range(1, L.H + 1):
                f = None
                if F:
                    c, cr = L.mm_col(mth), L.cal_row(mth)
                    prev = L.mm_col(mth - 1) if mth > 1 else None
                    k = f"Calendar!${cal['token_factor']}${cr}"
                    q = f"Calendar!${cal['gpu_price_factor']}${cr}"
                    if blk in unit:
                        factor = k if blk != "api" else f"{k}*(1-{M['decline_used']})^(({c}$2-1)/12)"
                        wcol = L.wfm_col(mth)
                        f = ("=0" if wmodel is None else
                             f"={factor}*SUMPRODUCT(({wmodel}=$A{r})*{unit[blk]}*WorkflowMonths!"
                             f"{wcol}$3:{wcol}${2 + L.W})")
                    elif blk == "gh":
                        f = (f"=IF({M['is_self']}=1,({c}{L.mm_row('tin', j)}/{M['prefill']}+{c}"
                             f"{L.mm_row('tout', j)}/{M['decode']})/3600/"
                             f"{_index(M['speed_used'], c)}/{M['utilization']},0)")
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
                        f = f"={M['owned']}*{added}*{M['capex']}*{q}"
                    else:   # the purchases of the last `amort` months, spread evenly
                        window = f"($C$2:{c}$2>{c}$2-{M['amort']})*$C{capex_r}:{c}{capex_r}"
                        f = f"=IF({M['owned']}=1,SUMPRODUCT({window})/{M['amort']},0)"
                row.append(calc_cell(ws, f, vals[mth - 1], sv, formulas=F, cached=b.cached))
            ws.append(row)
            b.rows_done()
        ws.append([])


CAL_HEADERS = {
    "m": "m", "month": "Month", "token_factor": "Token use factor",
    "gpu_price_factor": "GPU price factor", "wage_index": "Wage index",
    "discount": "Discount factor (end of month)", "hc_today": "Headcount today (chart line)",
    "hc_plan": "Headcount, plan (chart)", "hc_without_ai": "Headcount without AI (chart)",
    "cum_net_cash": "Cumulative net cash", "cum_net_pnl": "Cumulative net P&L",
    "payback": "Payback candidate (cumulative cash >= 0)", "chart_label": "Chart axis label",
}


def write_calendar(b: Book) -> None:
    L, F, fg = b.L, b.formulas, b.figs
    cc = L.cal
    ws = b.sheet("Calendar", tall_rows={1: 54}, widths={**{cc[k]: 14 for k in cc.keys}, "A": 6},
                 freeze="A3", title_rows="1:1", landscape=False, tab="A6A6A6")
    ws.append(b.header(ws, [CAL_HEADERS[k] for k in cc.keys]))
    step = max(1, L.H // 6)
    labels = fg.result.month_labels
    cal = {k: v.tolist() for k, v in fg.calendar.items()}
    s4, sm, si, s1 = (b.style(Look(fmt="num4")), b.style(Look(fmt="money")),
                      b.style(Look(fmt="int")), b.style(Look(fmt="num1")))
    nc, np_ = MONTHLY_COL["net_cash"], MONTHLY_COL["net_pnl"]
    hc0 = float(fg.result.hc[:, 0].sum())
    # month 0: today, where the headcount chart starts
    ws.append([value_cell(ws, 0), text_cell(ws, "Today"), None, None, None, None,
               *[calc_cell(ws, "=baseline_headcount", hc0, s1, formulas=F, cached=b.cached)
                 for _ in range(3)], None, None, None, text_cell(ws, "Today")])
    hc_c = fg.result.series["headcount_without_ai"].tolist()
    hc_p = fg.result.series["headcount"].tolist()
    for m in range(1, L.H + 1):
        r, mr = L.cal_row(m), L.monthly_row(m)
        A = f"$A{r}"
        prev = {k: f"{cc[k]}{r - 1}+" if m > 1 else "" for k in ("cum_net_cash", "cum_net_pnl")}
        cash = cal["cum_net_cash"][m - 1]
        f = {
            "token_factor": (f"=(1+token_growth_per_year)^(({A}-1)/12)", s4),
            "gpu_price_factor": (f"=(1-gpu_price_decline_per_year)^(({A}-1)/12)", s4),
            "wage_index": (f"=(1+wage_growth_per_year)^(({A}-1)/12)", s4),
            "discount": (f"=1/(1+discount_rate_per_year)^({A}/12)", s4),
            "hc_today": ("=baseline_headcount", s1),
            "hc_plan": (f"=Monthly!{MONTHLY_COL['headcount']}{mr}", s1),
            "hc_without_ai": (f"=Monthly!{MONTHLY_COL['headcount_without_ai']}{mr}", s1),
            "cum_net_cash": (f"={prev['cum_net_cash']}Monthly!{nc}{mr}", sm),
            "cum_net_pnl": (f"={prev['cum_net_pnl']}Monthly!{np_}{mr}", sm),
        }
        row = [value_cell(ws, m), text_cell(ws, labels[m - 1])]
        cal["hc_plan"], cal["hc_without_ai"] = hc_p, hc_c
        row += [calc_cell(ws, fs, cal[k][m - 1], sty, formulas=F, cached=b.cached)
                for k, (fs, sty) in f.items()]
        row += [calc_cell(ws, f"=IF({cc['cum_net_cash']}{r}>=0,{A},\"\")",
                          m if cash >= 0 else "", si, formulas=F, cached=b.cached),
                text_cell(ws, labels[m - 1] if m % step == 0 else "")]
        ws.append(row)
        b.rows_done()


__all__ = ["write_workflow_months", "write_team_months", "write_team_tree", "write_model_months",
           "write_calendar"]
