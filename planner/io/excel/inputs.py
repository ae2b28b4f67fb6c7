"""The input sheets: Assumptions, Teams, Roles, Workflows, Models and GPUs.

Inputs (blue on yellow) are the plan; the calculated columns to their right are
formulas over them and over the helper sheets.
"""

from __future__ import annotations

from openpyxl.worksheet.datavalidation import DataValidation

from ...model import ApiModel, CloudGpu, OwnedGpu, SelfHostedModel
from .book import Book
from .cells import Look
from .layout import SETTING_KEYS, Layout, rng

CEIL = "(-INT(1E-9-({})))"   # MODEL.md ceil*(x) = ceil(x - 1e-9), portable to every spreadsheet

SETTING_TEXT = {
    "start_month": ("First month", "text", "Label of month 1 (YYYY-MM). Fixed at export: change it in OrgPlanner."),
    "horizon_months": ("Months planned", "int", "Fixed at export (one column per month): change it in OrgPlanner."),
    "hours_per_fte_year": ("Hours per FTE a year", "int", "Productive hours of one full-time person a year."),
    "headcount_policy": ("Headcount policy", "text", "reduce: freed capacity removes roles. redeploy: people stay; the freed time is new capacity."),
    "redeploy_share": ("Redeploy share", "pct", "With reduce: share of the freed capacity kept for new work."),
    "target_span": ("Target span", "num1", "ICs per first-line manager after the change; blank = each team keeps its own."),
    "severance_months": ("Severance (months of cost)", "num1", "Months of cost paid for each person removed."),
    "implementation_cost": ("Implementation cost", "money", "One-off cost, booked in month 1."),
    "price_decline_per_year": ("API price decline a year", "pct", "API token prices fall by this share a year."),
    "token_growth_per_year": ("Token growth a year", "pct", "Tokens used per task grow by this share a year."),
    "peak_to_average": ("Peak to average load", "num2", "Self-hosted fleets are sized for peak: peak divided by average."),
    "pue": ("PUE", "num2", "Datacentre overhead on power (power usage effectiveness)."),
    "usd_per_kwh": ("Power price per kWh", "money_var", "In the plan's currency."),
}
FIXED = ("start_month", "horizon_months")

IN = Look(input=True)
IN_TXT = Look(input=True, fmt="text")


def _in(fmt: str) -> Look:
    return Look(input=True, fmt=fmt)


def _calc(fmt: str) -> Look:
    return Look(fmt=fmt)


def _list_validation(ws, options: str, ref: str | None) -> None:
    if not ref:
        return
    dv = DataValidation(type="list", formula1=f'"{options}"', allow_blank=True)
    dv.error = f"Choose one of: {options.replace(',', ', ')}"
    dv.add(ref)
    ws.data_validations.append(dv)


def _z(over: str | None, formula: str, zero: str = "=0") -> str:
    """``formula``, or ``zero`` when the list it sums ``over`` is empty."""
    return zero if over is None else formula


def write_assumptions(b: Book) -> None:
    L, s = b.L, b.plan.settings
    ws = b.sheet("Assumptions", widths={"A": 30, "B": 16, "C": 26, "D": 90},
                 freeze="A6", title_rows="5:5")
    ws.append([b.txt(ws, "Assumptions", Look(bold=True, size=14))])
    ws.append([b.txt(ws, "Every setting of the plan, one named cell each (the name is the key). "
                         "Change a blue cell and every figure in the workbook recalculates.",
                     Look(muted=True))])
    ws.append([b.txt(ws, "Legend:", Look(bold=True)), b.txt(ws, "Input", IN),
               b.txt(ws, "Calculated", Look(border=True)),
               b.txt(ws, "Fixed at export (grey): change it in OrgPlanner and export again",
                     Look(muted=True, italic=True))])
    ws.append([])
    ws.append(b.header(ws, ["Setting", "Value", "Name (key)", "What it means"]))
    for key in SETTING_KEYS:
        label, fmt, meaning = SETTING_TEXT[key]
        value = getattr(s, key)
        look = Look(fmt=fmt, muted=True, border=True) if key in FIXED else _in(fmt)
        cell = b.txt(ws, value, look) if isinstance(value, str) else b.val(ws, value, look)
        ws.append([b.txt(ws, label), cell, b.txt(ws, key, Look(muted=True)),
                   b.txt(ws, meaning, Look(muted=True))])
    ws.append([])
    hpm = s.hours_per_fte_year / 12
    ws.append([b.txt(ws, "Hours per FTE a month"), b.calc(ws, "=hours_per_fte_year/12", hpm, Look(fmt="num2", border=True)),
               b.txt(ws, "hours_per_fte_month", Look(muted=True)),
               b.txt(ws, "Calculated: hours per FTE a year / 12.", Look(muted=True))])
    ws.append([b.txt(ws, "Hours in a month"), b.val(ws, 730, Look(fmt="int", muted=True, border=True)),
               b.txt(ws, "hours_per_month", Look(muted=True)),
               b.txt(ws, "Average hours in a month: GPU rental and power are billed for every hour.",
                     Look(muted=True))])
    if b.plan.note:
        ws.append([])
        ws.append([b.txt(ws, "Plan note", Look(bold=True)), b.txt(ws, b.plan.note)])
    _list_validation(ws, "reduce,redeploy", f"B{L.setting_row('headcount_policy')}")


def write_teams(b: Book) -> None:
    L, fig, F = b.L, b.figs.team_rows, b.formulas
    c, tc = L.team, L.team
    rc = L.role
    ws = b.sheet("Teams", tall_rows={1: 54}, widths={"A": 16, "B": 28, "C": 14, "D": 18, "E": 9, "F": 11, "G": 12,
                                  "H": 9, "I": 30, "J": 10, "K": 10, "L": 13, "M": 13, "N": 9,
                                  "O": 11, "P": 11, "Q": 9, "R": 11, "S": 15, "T": 12},
                 freeze="C2", title_rows="1:1", title_cols="A:B")
    ws.append(b.header(ws, [
        "Team id", "Team", "Reports to (id)", "Function", "Min ICs", "Target span (blank = setting)",
        "AI seat cost / month (blank = none)", "Seat coverage", "Note",
        "ICs today", "Managers today", "Average IC cost / year", "Average manager cost / year",
        "Span used", "Headcount today", "Headcount final", "Change", "FTE freed (final month)",
        "Payroll savings / year (final month run rate)", "AI seats / month (final)"]))
    rteam = rng("Roles", rc["team"], L.FIRST, L.R)
    rkind = rng("Roles", rc["kind"], L.FIRST, L.R)
    rhc = rng("Roles", rc["headcount"], L.FIRST, L.R)
    rcost = rng("Roles", rc["annual_cost"], L.FIRST, L.R)
    last = L.tm_col(L.H)
    sty = {k: b.style(v) for k, v in {
        "txt": IN_TXT, "num1": _in("num1"), "money": _in("money"), "pct": _in("pct"),
        "cnum1": _calc("num1"), "cmoney": _calc("money"), "cnum2": _calc("num2")}.items()}
    from .cells import calc_cell, text_cell, value_cell

    def calc(f, v, s):
        return calc_cell(ws, f, v, sty[s], formulas=F, cached=b.cached)

    for i, t in enumerate(b.plan.teams):
        r = L.FIRST + i
        ic_r, mgr_r = L.tm_row("ic", i), L.tm_row("mgr", i)
        seats = t.ai_seats
        A = f"$A{r}"
        row = [
            text_cell(ws, t.id, sty["txt"]), text_cell(ws, t.name, sty["txt"]),
            text_cell(ws, t.parent, sty["txt"]), text_cell(ws, t.function, sty["txt"]),
            value_cell(ws, t.min_ic, sty["num1"]), value_cell(ws, t.target_span, sty["num1"]),
            value_cell(ws, seats.cost_per_seat_month if seats else None, sty["money"]),
            value_cell(ws, seats.coverage if seats else None, sty["pct"]),
            text_cell(ws, t.note, sty["txt"]),
        ]
        if F:
            ic_f = _z(rteam, f"=SUMPRODUCT(({rteam}={A})*({rkind}=\"ic\")*{rhc})")
            mgr_f = _z(rteam, f"=SUMPRODUCT(({rteam}={A})*({rkind}=\"manager\")*{rhc})")
            cic_f = _z(rteam, f"=IF({c['ic']}{r}>0,SUMPRODUCT(({rteam}={A})*({rkind}=\"ic\")*{rhc}*{rcost})/{c['ic']}{r},0)")
            cm_f = _z(rteam, f"=IF({c['mgr']}{r}>0,SUMPRODUCT(({rteam}={A})*({rkind}=\"manager\")*{rhc}*{rcost})/{c['mgr']}{r},0)")
            J, K = f"{c['ic']}{r}", f"{c['mgr']}{r}"
            span_f = (f"=IF(ISNUMBER({c['target_span']}{r}),{c['target_span']}{r},IF(ISNUMBER(target_span),"
                      f"target_span,IF(AND({J}>0,{K}>0),{J}/{K},1)))")
            hc0_f = f"=TeamMonths!$C{ic_r}+TeamMonths!$C{mgr_r}"
            hcH_f = f"=TeamMonths!{last}{ic_r}+TeamMonths!{last}{mgr_r}"
            ch_f = f"={tc['hcH']}{r}-{tc['hc0']}{r}"
            fte_f = f"=TeamMonths!{last}{L.tm_row('fte', i)}"
            sav_f = (f"=(TeamMonths!$C{ic_r}-TeamMonths!{last}{ic_r})*{c['c_ic']}{r}"
                     f"+(TeamMonths!$C{mgr_r}-TeamMonths!{last}{mgr_r})*{c['c_mgr']}{r}")
            seat_f = f"=TeamMonths!{last}{L.tm_row('seats', i)}"
        else:
            ic_f = mgr_f = cic_f = cm_f = span_f = hc0_f = hcH_f = ch_f = fte_f = sav_f = seat_f = None
        row += [
            calc(ic_f, fig["ic"][i], "cnum1"), calc(mgr_f, fig["mgr"][i], "cnum1"),
            calc(cic_f, fig["c_ic"][i], "cmoney"), calc(cm_f, fig["c_mgr"][i], "cmoney"),
            calc(span_f, fig["span"][i], "cnum2"), calc(hc0_f, fig["hc0"][i], "cnum1"),
            calc(hcH_f, fig["hcH"][i], "cnum1"), calc(ch_f, fig["change"][i], "cnum1"),
            calc(fte_f, fig["fteH"][i], "cnum1"), calc(sav_f, fig["savings"][i], "cmoney"),
            calc(seat_f, fig["seatsH"][i], "cmoney"),
        ]
        ws.append(row)
        b.rows_done()


def write_roles(b: Book) -> None:
    L = b.L
    ws = b.sheet("Roles", tall_rows={1: 54}, widths={"A": 16, "B": 28, "C": 10, "D": 11, "E": 14, "F": 30, "G": 15},
                 freeze="A2", title_rows="1:1", landscape=False)
    ws.append(b.header(ws, ["Team id", "Role", "Kind (ic / manager)", "Headcount",
                            "Annual cost per person", "Note", "Payroll / year"]))
    st, sn, sm, sc = b.style(IN_TXT), b.style(_in("num1")), b.style(_in("money")), b.style(_calc("money"))
    from .cells import calc_cell, text_cell, value_cell

    r = L.FIRST
    for t in b.plan.teams:
        for role in t.roles:
            f = f"=D{r}*E{r}" if b.formulas else None
            ws.append([text_cell(ws, t.id, st), text_cell(ws, role.name, st), text_cell(ws, role.kind, st),
                       value_cell(ws, role.headcount, sn), value_cell(ws, role.annual_cost, sm),
                       text_cell(ws, role.note, st),
                       calc_cell(ws, f, role.headcount * role.annual_cost, sc, formulas=b.formulas,
                                 cached=b.cached)])
            r += 1
            b.rows_done()
    _list_validation(ws, "ic,manager", f"C{L.FIRST}:C{L.FIRST + L.R - 1}" if L.R else None)


def write_workflows(b: Book) -> None:
    L, F, w = b.L, b.formulas, b.figs.wf
    c, mc = L.wf, L.model
    widths = {c[k]: v for k, v in {
        "id": 16, "team": 14, "name": 28, "note": 24, "ramp": 9, "model": 14}.items()}
    ws = b.sheet("Workflows", tall_rows={1: 54}, widths={**{c[k]: 11 for k in c.keys}, **widths},
                 freeze="D2", title_rows="1:1", title_cols="A:C")
    ws.append(b.header(ws, [
        "Workflow id", "Team id", "Workflow", "Units / month", "Minutes / unit", "Time saved (share)",
        "Adoption (share of units)", "Review overhead (share)", "Ramp months", "Ramp (linear / s-curve)",
        "Model id", "Calls / unit", "Input tokens / call", "Output tokens / call", "Cached input share",
        "Note", "Hours today / month", "Net time saved", "Hours saved at full adoption",
        "Tokens in at full adoption", "Tokens out at full adoption", "API model (1 = yes)",
        "Input price / Mtok", "Cached input price / Mtok", "Output price / Mtok",
        "API cost at full adoption (month-1 prices)", "Hours saved / month (final)",
        "FTE freed (final)", "Tokens in / month (final)", "Tokens out / month (final)",
        "API cost / month (final)"]))
    mid = rng("Models", mc["id"], L.FIRST, L.J)
    cols = {k: rng("Models", mc[k], L.FIRST, L.J) for k in ("is_api", "pin", "cached_price", "pout")}
    cal = L.cal_row(L.H)
    lastw = L.wfm_col(L.H)
    S = {k: b.style(v) for k, v in {
        "txt": IN_TXT, "int": _in("int"), "num1": _in("num1"), "pct": _in("pct"), "money": _in("money_var"),
        "cint": _calc("int"), "cnum1": _calc("num1"), "cnum2": _calc("num2"), "cpct": _calc("pct"),
        "cmoney": _calc("money_var"), "cmoney0": _calc("money")}.items()}
    from .cells import calc_cell, text_cell, value_cell

    def calc(f, v, s):
        return calc_cell(ws, f, v, S[s], formulas=F, cached=b.cached)

    for i, wf in enumerate(b.plan.workflows):
        r = L.FIRST + i
        ai, cu = wf.ai, wf.compute
        row = [
            text_cell(ws, wf.id, S["txt"]), text_cell(ws, wf.team, S["txt"]),
            text_cell(ws, wf.name, S["txt"]), value_cell(ws, wf.volume_per_month, S["num1"]),
            value_cell(ws, wf.minutes_per_unit, S["num1"]),
            value_cell(ws, ai.time_saved if ai else None, S["pct"]),
            value_cell(ws, ai.adoption if ai else None, S["pct"]),
            value_cell(ws, ai.review_overhead if ai else None, S["pct"]),
            value_cell(ws, ai.ramp_months if ai else None, S["int"]),
            text_cell(ws, ai.ramp if ai else None, S["txt"]),
            text_cell(ws, cu.model if cu else None, S["txt"]),
            value_cell(ws, cu.calls_per_unit if cu else None, S["num1"]),
            value_cell(ws, cu.input_tokens if cu else None, S["int"]),
            value_cell(ws, cu.output_tokens if cu else None, S["int"]),
            value_cell(ws, cu.cached_share if cu else None, S["pct"]),
            text_cell(ws, wf.note, S["txt"]),
        ]
        if F:
            g = {k: f"{c[k]}{r}" for k in c.keys}
            base_f = f"={g['volume']}*{g['minutes']}/60"
            net_f = f"={g['time_saved']}-{g['review']}"
            hu_f = f"={g['base_hours']}*{g['net_saved']}"
            tin_f = f"=IF({g['model']}=\"\",0,{g['volume']}*{g['calls']}*{g['tok_in']})"
            tout_f = f"=IF({g['model']}=\"\",0,{g['volume']}*{g['calls']}*{g['tok_out']})"
            look = {k: _z(mid, f"=SUMPRODUCT(({mid}={g['model']})*{cols[k]})")
                    for k in cols}
            api_f = (f"=IF({g['is_api']}=1,{g['volume']}*{g['calls']}*({g['tok_in']}*((1-{g['cached']})*{g['pin']}"
                     f"+{g['cached']}*{g['pcached']})+{g['tok_out']}*{g['pout']})/1000000,0)")
            wr = 3 + i
            fh_f = f"={g['hours_unit']}*WorkflowMonths!{lastw}{wr}"
            ff_f = f"={g['final_hours']}/hours_per_fte_month"
            fi_f = f"={g['tin_unit']}*WorkflowMonths!{lastw}{wr}*Calendar!$D${cal}"
            fo_f = f"={g['tout_unit']}*WorkflowMonths!{lastw}{wr}*Calendar!$D${cal}"
            fa_f = f"={g['api_unit']}*WorkflowMonths!{lastw}{wr}*Calendar!$C${cal}*Calendar!$D${cal}"
        else:
            base_f = net_f = hu_f = tin_f = tout_f = api_f = fh_f = ff_f = fi_f = fo_f = fa_f = None
            look = dict.fromkeys(cols)
        row += [
            calc(base_f, w["base_hours"][i], "cnum1"), calc(net_f, w["net_saved"][i], "cpct"),
            calc(hu_f, w["hours_unit"][i], "cnum1"), calc(tin_f, w["tin_unit"][i], "cint"),
            calc(tout_f, w["tout_unit"][i], "cint"), calc(look["is_api"], w["is_api"][i], "cint"),
            calc(look["pin"], w["pin"][i], "cmoney"), calc(look["cached_price"], w["pcached"][i], "cmoney"),
            calc(look["pout"], w["pout"][i], "cmoney"), calc(api_f, w["api_unit"][i], "cmoney0"),
            calc(fh_f, w["final_hours"][i], "cnum1"), calc(ff_f, w["final_fte"][i], "cnum2"),
            calc(fi_f, w["final_tin"][i], "cint"), calc(fo_f, w["final_tout"][i], "cint"),
            calc(fa_f, w["final_api"][i], "cmoney0"),
        ]
        ws.append(row)
        b.rows_done()
    if L.W:
        _list_validation(ws, "linear,s-curve", f"{c['ramp']}{L.FIRST}:{c['ramp']}{L.FIRST + L.W - 1}")


def write_models(b: Book) -> None:
    L, c, gc = b.L, b.L.model, b.L.gpu
    ws = b.sheet("Models", tall_rows={1: 54}, widths={**{c[k]: 12 for k in c.keys}, "A": 16, c["gpu"]: 14, c["note"]: 30},
                 freeze="B2", title_rows="1:1", title_cols="A:A")
    ws.append(b.header(ws, [
        "Model id", "Hosting (api / self)", "Input price / Mtok", "Output price / Mtok",
        "Cached input price / Mtok (blank = input)", "GPU id", "GPUs per replica",
        "Prefill tokens / s per GPU", "Decode tokens / s per GPU", "Utilization", "Note",
        "Cached price used", "API (1 = yes)", "Self-hosted (1 = yes)", "Owned GPU (1 = yes)",
        "Cloud rental / GPU-month", "Capex / GPU", "Amortization months", "Watts / GPU",
        "Tokens in / month (final)", "Tokens out / month (final)", "API cost / month (final)",
        "GPU-hours / month (final)", "GPUs (final)", "Energy kWh / month (final)"]))
    gid = rng("GPUs", gc["id"], L.FIRST, L.G)
    gcol = {k: rng("GPUs", gc[k], L.FIRST, L.G) for k in ("pricing", "per_hour", "capex", "amort", "watts")}
    r_ = b.figs.result
    last = L.mm_col(L.H)
    for j, m in enumerate(b.plan.models):
        r = L.FIRST + j
        api = isinstance(m, ApiModel)
        sh = m if isinstance(m, SelfHostedModel) else None
        v = b.figs.model_rows[j]
        g = {k: f"{c[k]}{r}" for k in c.keys}

        def sp(col, g=g):
            return _z(gid, f"SUMPRODUCT(({gid}={g['gpu']})*{gcol[col]})", "0")

        owned_f = _z(gid, f"=IF({g['is_self']}=1,SUMPRODUCT(({gid}={g['gpu']})*({gcol['pricing']}=\"owned\")),0)")
        fin = {k: f"=ModelMonths!{last}{L.mm_row(blk, j)}" for k, blk in (
            ("final_tin", "tin"), ("final_tout", "tout"), ("final_api", "api"), ("final_gh", "gh"),
            ("final_fleet", "fleet"), ("final_kwh", "kwh"))}
        ws.append([
            b.txt(ws, m.id, IN_TXT), b.txt(ws, m.hosting, IN_TXT),
            b.val(ws, m.input_per_mtok if api else None, _in("money_var")),
            b.val(ws, m.output_per_mtok if api else None, _in("money_var")),
            b.val(ws, m.cached_input_per_mtok if api else None, _in("money_var")),
            b.txt(ws, sh.gpu if sh else None, IN_TXT),
            b.val(ws, sh.gpus_per_replica if sh else None, _in("int")),
            b.val(ws, sh.prefill_tokens_per_s if sh else None, _in("int")),
            b.val(ws, sh.decode_tokens_per_s if sh else None, _in("int")),
            b.val(ws, sh.utilization if sh else None, _in("pct")),
            b.txt(ws, m.note, IN_TXT),
            b.calc(ws, f"=IF(ISNUMBER({g['pcached']}),{g['pcached']},{g['pin']})", v["cached_price"], _calc("money_var")),
            b.calc(ws, f"=IF({g['hosting']}=\"api\",1,0)", v["is_api"], _calc("int")),
            b.calc(ws, f"=IF({g['hosting']}=\"self\",1,0)", v["is_self"], _calc("int")),
            b.calc(ws, owned_f, v["owned"], _calc("int")),
            b.calc(ws, f"=IF(AND({g['is_self']}=1,{g['owned']}=0),hours_per_month*{sp('per_hour')},0)",
                   v["rental"], _calc("money")),
            b.calc(ws, f"={g['owned']}*{sp('capex')}", v["capex"], _calc("money")),
            b.calc(ws, f"=IF({g['owned']}=1,{sp('amort')},1)", v["amort"], _calc("int")),
            b.calc(ws, f"={g['is_self']}*{sp('watts')}", v["watts"], _calc("int")),
            b.calc(ws, fin["final_tin"], float(r_.model_tokens_in[j, -1]), _calc("int")),
            b.calc(ws, fin["final_tout"], float(r_.model_tokens_out[j, -1]), _calc("int")),
            b.calc(ws, fin["final_api"], float(r_.model_api_cost[j, -1]), _calc("money")),
            b.calc(ws, fin["final_gh"], float(r_.gpu_hours[j, -1]), _calc("num1")),
            b.calc(ws, fin["final_fleet"], float(r_.fleet[j, -1]), _calc("int")),
            b.calc(ws, fin["final_kwh"], float(r_.kwh[j, -1]), _calc("int")),
        ])
        b.rows_done()
    if L.J:
        _list_validation(ws, "api,self", f"B{L.FIRST}:B{L.FIRST + L.J - 1}")


def write_gpus(b: Book) -> None:
    L, mc = b.L, b.L.model
    ws = b.sheet("GPUs", tall_rows={1: 54}, widths={"A": 16, "B": 12, "C": 12, "D": 12, "E": 13, "F": 11, "G": 30,
                                 "H": 12, "I": 16},
                 freeze="B2", title_rows="1:1", landscape=True)
    ws.append(b.header(ws, ["GPU id", "Pricing (cloud / owned)", "Price / GPU-hour", "Capex / GPU",
                            "Amortization months", "Watts / GPU", "Note", "GPUs in use (final)",
                            "Cost / month (final: rental or power)"]))
    mgpu = rng("Models", mc["gpu"], L.FIRST, L.J)
    mrent = rng("Models", mc["rental"], L.FIRST, L.J)
    last = L.mm_col(L.H)
    fleet = rng("ModelMonths", last, L.mm_row("fleet", 0), L.J)
    kwh = rng("ModelMonths", last, L.mm_row("kwh", 0), L.J)
    for k, g in enumerate(b.plan.gpus):
        r = L.FIRST + k
        cloud = isinstance(g, CloudGpu)
        owned = g if isinstance(g, OwnedGpu) else None
        v = b.figs.gpu_rows[k]
        fleet_f = _z(mgpu, f"=SUMPRODUCT(({mgpu}=$A{r})*{fleet})")
        cost_f = _z(mgpu, (f"=SUMPRODUCT(({mgpu}=$A{r})*{mrent}*{fleet})+IF($B{r}=\"owned\","
                                          f"SUMPRODUCT(({mgpu}=$A{r})*{kwh})*usd_per_kwh,0)"))
        ws.append([
            b.txt(ws, g.id, IN_TXT), b.txt(ws, g.pricing, IN_TXT),
            b.val(ws, g.per_gpu_hour if cloud else None, _in("money_var")),
            b.val(ws, owned.capex_per_gpu if owned else None, _in("money")),
            b.val(ws, owned.amortization_months if owned else None, _in("int")),
            b.val(ws, g.watts_per_gpu, _in("int")), b.txt(ws, g.note, IN_TXT),
            b.calc(ws, fleet_f, v["fleet"], _calc("int")), b.calc(ws, cost_f, v["cost"], _calc("money")),
        ])
        b.rows_done()
    if L.G:
        _list_validation(ws, "cloud,owned", f"B{L.FIRST}:B{L.FIRST + L.G - 1}")


__all__ = ["write_assumptions", "write_teams", "write_roles", "write_workflows", "write_models",
           "write_gpus", "CEIL", "Layout"]
