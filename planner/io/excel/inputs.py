"""The input sheets: Assumptions, Teams, Roles, Workflows, Models and GPUs.

Inputs (blue on yellow) are the plan: their headers, units, meanings, formats, drop-downs
and valid ranges come from the field registry (registry.py). The calculated columns to
their right are formulas over them and over the working sheets.
"""

from __future__ import annotations

import math
import textwrap
from typing import Any

from ...model import ApiModel, CloudGpu, OwnedGpu, SelfHostedModel
from ...plan import fields
from ...plan.fields import Spec
from .book import Book
from .cells import Look, calc_cell
from .layout import DERIVED, SETTING_KEYS, rng
from .registry import (
    GPU_FIELDS,
    MODEL_FIELDS,
    ROLE_FIELDS,
    TEAM_FIELDS,
    WF_FIELDS,
    fmt_of,
    header_comment,
    header_text,
    help_text,
    id_validation,
    unit_text,
    validate,
)

CEIL = "(-INT(1E-9-({})))"   # MODEL.md ceil*(x) = ceil(x - 1e-9), portable to every spreadsheet
FIXED = ("start_month", "horizon_months")   # one column per month: fixed at export

IN_TXT = Look(input=True, fmt="text")
MUTED = Look(muted=True)
NOTE_WIDTH = 40
FOLLOWS_NOTE = ("Follows the scenario selected on Summary (sheet ScenarioInputs, row {row}): "
                "change the baseline or a scenario's value there.")
MAX_NOTES = 200      # cell notes on following inputs; the sheet's legend says the rest
PROTECTED = ("Locked against accidental edits, but for the yellow inputs (no password: "
             "Review > Unprotect Sheet lifts it).")


def _in(fmt: str) -> Look:
    return Look(input=True, fmt=fmt)


def _calc(fmt: str) -> Look:
    return Look(fmt=fmt)


def _z(over: str | None, formula: str, zero: str = "=0") -> str:
    """``formula``, or ``zero`` when the list it sums ``over`` is empty."""
    return zero if over is None else formula


def _input_cell(b: Book, ws, s: Spec, value: Any, loc: tuple | None = None):
    """An input: a blue value on yellow, or, when a scenario overrides it, a formula that
    follows the selected scenario (lilac, with a note)."""
    fmt = fmt_of(s)
    follow = b.scen.follows(loc) if loc is not None else None
    if follow is not None:
        cell = b.calc(ws, follow, "" if value is None else value, Look(follows=True, fmt=fmt))
        if b.notes < MAX_NOTES:
            from openpyxl.comments import Comment

            b.notes += 1
            cell.comment = Comment(FOLLOWS_NOTE.format(row=follow.rsplit("$", 1)[-1]), "OrgPlanner")
        return cell
    if s.kind == "text" and s.key == "note":
        fmt_look = Look(input=True, fmt="text", wrap=True)
        return b.txt(ws, value, fmt_look)
    look = _in(fmt)
    return b.val(ws, value, look) if s.numeric else b.txt(ws, value, look)


def _loc(coll: str, i: int, s: Spec) -> tuple:
    """The place in plan data of field ``s`` of item ``i`` (``("workflows", 3, "ai", "adoption")``)."""
    return (coll, i, s.key) if s.obj in ("team", "workflow", "model", "gpu") else (coll, i, s.obj, s.key)


def _spare(b: Book, ws, specs: dict[str, Spec]) -> list:
    """The empty inputs of a spare row."""
    return [b.txt(ws, None, Look(input=True, fmt="text" if s.kind == "text" and s.key == "note"
                                 else fmt_of(s), wrap=s.key == "note"))
            for s in specs.values()]


def _note_height(ws, row: int, note: str | None, width: float = NOTE_WIDTH) -> None:
    """Wrapped text does not grow its row in every spreadsheet: give a long note its lines."""
    if note and len(note) > width:
        ws.row_dimensions[row].height = 13.5 * min(8, math.ceil(len(note) / (width * 1.1)))


def _how_to_add(b: Book, ws, what: str, count: int, extra: str = "") -> None:
    ws.append([])
    text = (f"To add {what}, type it in the first empty yellow row above ({count} spare rows; "
            "every formula already counts them). Do not insert rows: the working sheets would "
            f"not see them. {extra}{PROTECTED}")
    for line in textwrap.wrap(text, 130):
        ws.append([b.txt(ws, line, MUTED)])


def _item_header(b: Book, ws, specs: dict[str, Spec], calcs: list[str],
                 lead: tuple[str, ...] = ()) -> None:
    """Input headers (label, unit, blank meaning; a note with the field's meaning and range),
    then the calculated columns' headers."""
    cells = [b.txt(ws, t, Look(header=True)) for t in lead]
    for s in specs.values():
        c = b.txt(ws, header_text(s, b.plan.currency), Look(header=True))
        c.comment = header_comment(s)
        cells.append(c)
    ws.append(cells + b.header(ws, calcs))


def _item_validations(b: Book, ws, specs: dict[str, Spec], cols, count: int,
                      refs: dict[str, tuple[str | None, str]] | None = None) -> None:
    """Range checks and drop-downs of the input columns; ``refs``: column -> (the range of
    the ids it may hold, what they are) for a column that refers to another sheet's items."""
    last = b.L.FIRST + count - 1
    for key, s in specs.items():
        ref = f"{cols[key]}{b.L.FIRST}:{cols[key]}{last}" if count else None
        if refs and key in refs:
            dv = id_validation(s, refs[key][0], ref, refs[key][1])
            if dv is not None:
                ws.data_validations.append(dv)
        else:
            validate(ws, s, ref)


def write_assumptions(b: Book) -> None:
    L, s = b.L, b.plan.settings
    ws = b.sheet("Assumptions", widths={"A": 30, "B": 16, "C": 18, "D": 28, "E": 80, "F": 50},
                 freeze="A6", title_rows="5:5", protect=True, tall_rows={1: 20})
    ws.append([b.txt(ws, "Assumptions", Look(bold=True, size=14))])
    ws.append([b.txt(ws, "Every setting of the plan, one named cell each (the name is the key). "
                         "Change a yellow cell and every figure in the workbook recalculates. "
                         + PROTECTED, MUTED)])
    ws.append([b.txt(ws, "Legend:", Look(bold=True)), b.txt(ws, "Input", IN_TXT),
               b.txt(ws, "Calculated", Look(border=True)),
               b.txt(ws, "Follows the scenario", Look(follows=True, fmt="text")),
               b.txt(ws, "Lilac: set on ScenarioInputs, follows the scenario picked on Summary. "
                         "Grey: fixed at export (locked): change it in OrgPlanner and export again.",
                     Look(muted=True, italic=True))])
    ws.append([])
    ws.append(b.header(ws, ["Setting", "Value", "Unit", "Name (key)",
                            "What it means (valid range, default)", "Source of the default"]))
    wrap = Look(muted=True, wrap=True)
    for key in SETTING_KEYS:
        spec = fields.spec("settings", key)
        value = getattr(s, key)
        text = help_text(spec, source=False)
        if key in FIXED:
            cell = b.val(ws, value, Look(fmt=fmt_of(spec), muted=True, border=True))
            text += (" Fixed at export (each month is a column): change it in OrgPlanner and "
                     "export again.")
        else:
            cell = _input_cell(b, ws, spec, value, ("settings", key))
        # wrapped text does not grow its row in every spreadsheet: give it the lines it needs
        lines = max(math.ceil(len(text) / 85), math.ceil(len(spec.source) / 52), 1)
        ws.row_dimensions[L.setting_row(key)].height = 13.5 * lines
        ws.append([b.txt(ws, spec.label, Look()), cell, b.txt(ws, unit_text(spec, b.plan.currency), MUTED),
                   b.txt(ws, key, MUTED), b.txt(ws, text, wrap),
                   b.txt(ws, spec.source or "(a setting of the plan: see its note below)", wrap)])
        if spec.kind != "month" and key not in FIXED:
            validate(ws, spec, f"B{L.setting_row(key)}")
    ws.append([])
    derived = {
        "hours_per_fte_month": ("=hours_per_fte_year/12", s.hours_per_fte_year / 12, "num2"),
        "hours_per_month": (None, 730, "int"),
        "kept_share": ('=IF(TRIM(headcount_policy)="redeploy",1,redeploy_share)',
                       1.0 if s.headcount_policy == "redeploy" else s.redeploy_share, "pct"),
        "by_attrition": ('=IF(TRIM(reduction)="attrition",1,0)',
                         1 if s.reduction == "attrition" else 0, "int"),
    }
    for name, label, meaning in DERIVED:
        f, v, fmt = derived[name]
        look = Look(fmt=fmt, border=True, muted=f is None)
        ws.append([b.txt(ws, label), b.calc(ws, f, v, look), None, b.txt(ws, name, MUTED),
                   b.txt(ws, meaning, MUTED)])
    row = L.derived_row(DERIVED[-1][0])
    for title, note in (("The plan's note on its settings", s.note), ("Plan note", b.plan.note)):
        if note:
            ws.append([])
            row += 2
            _note_height(ws, row, note, 80)
            ws.append([b.txt(ws, title, Look(bold=True)), None, None, None,
                       b.txt(ws, note, Look(wrap=True))])


def write_teams(b: Book) -> None:
    L, fig = b.L, b.figs.team_rows
    c = L.team
    rc = L.role
    widths = {**{c[k]: 12 for k in c.keys}, "A": 16, "B": 28, "C": 14, "D": 18, c["note"]: NOTE_WIDTH,
              c["target_span"]: 16}
    ws = b.sheet("Teams", tall_rows={1: 80}, widths=widths, freeze="C2", title_rows="1:1",
                 title_cols="A:B", protect=True)
    _item_header(b, ws, TEAM_FIELDS, [
        "ICs today", "Managers today", "Average IC cost / year", "Average manager cost / year",
        "Span is today's (1 = no target span applies)", "Span used by the plan (ICs per manager)",
        "Today's span (ICs per manager)", "Headcount today", "Headcount final (plan)",
        "Headcount final without AI", "Change (plan vs today)", "FTE freed (final month)",
        "Payroll savings / year vs without AI (final month run rate)", "AI seats / month (final)"])
    rteam = rng("Roles", rc["team"], L.FIRST, L.R)
    rkind = rng("Roles", rc["kind"], L.FIRST, L.R)
    rhc = rng("Roles", rc["headcount"], L.FIRST, L.R)
    rcost = rng("Roles", rc["annual_cost"], L.FIRST, L.R)
    last = L.tm_col(L.H)
    wage_H = f"Calendar!${L.cal['wage_index']}${L.cal_row(L.H)}"
    looks = {k: _calc(v) for k, v in {
        "ic": "num1", "mgr": "num1", "c_ic": "money", "c_mgr": "money", "own": "int", "span": "num2",
        "own_span": "num2", "hc0": "num1", "hcH": "num1", "hcH_c": "num1", "change": "signed1",
        "fteH": "num1", "savings": "money", "seatsH": "money"}.items()}
    # a spare row: no roles, so no people; the plan's target span, else a span of 1
    ts = b.plan.settings.target_span
    spare = {**dict.fromkeys(looks, 0.0), "own": 0.0 if ts is not None else 1.0,
             "span": ts if ts is not None else 1.0, "own_span": 1.0}

    def tm(block: str, i: int, col: str = last) -> str:
        return f"TeamMonths!{col}{L.tm_row(block, i)}"

    for i in range(L.T):
        r = L.FIRST + i
        if i < L.teams:
            t = b.plan.teams[i]
            seats = t.ai_seats
            values = {"id": t.id, "name": t.name, "parent": t.parent, "function": t.function,
                      "min_ic": t.min_ic, "target_span": t.target_span,
                      "seat_cost": seats.cost_per_seat_month if seats else None,
                      "coverage": seats.coverage if seats else None, "note": t.note}
            row = [_input_cell(b, ws, s, values[k], _loc("teams", i, s)) for k, s in TEAM_FIELDS.items()]
            cached = {k: fig[k][i] for k in looks}
            _note_height(ws, r, t.note)
        else:
            row, cached = _spare(b, ws, TEAM_FIELDS), spare
        g = {k: f"{c[k]}{r}" for k in c.keys}
        A = f"$A{r}"

        def by_kind(kind: str, weight: str = "", A=A) -> str:
            return f"SUMPRODUCT(({rteam}={A})*({rkind}=\"{kind}\")*{rhc}{weight})"

        f = {
            "ic": _z(rteam, f"={by_kind('ic')}"), "mgr": _z(rteam, f"={by_kind('manager')}"),
            "c_ic": _z(rteam, f"=IF({g['ic']}>0,{by_kind('ic', '*' + rcost)}/{g['ic']},0)"),
            "c_mgr": _z(rteam, f"=IF({g['mgr']}>0,{by_kind('manager', '*' + rcost)}/{g['mgr']},0)"),
            "own": f"=IF(OR(ISNUMBER({g['target_span']}),ISNUMBER(target_span)),0,1)",
            "span": (f"=IF(ISNUMBER({g['target_span']}),{g['target_span']},IF(ISNUMBER(target_span),"
                     f"target_span,{g['own_span']}))"),
            "own_span": f"=IF(AND({g['ic']}>0,{g['mgr']}>0),{g['ic']}/{g['mgr']},1)",
            "hc0": f"={tm('ic', i, '$C')}+{tm('mgr', i, '$C')}",
            "hcH": f"={tm('ic', i)}+{tm('mgr', i)}", "hcH_c": f"={tm('ic_c', i)}+{tm('mgr_c', i)}",
            "change": f"={g['hcH']}-{g['hc0']}", "fteH": f"={tm('fte', i)}",
            "savings": (f"=(({tm('ic_c', i)}-{tm('ic', i)})*{g['c_ic']}+({tm('mgr_c', i)}"
                        f"-{tm('mgr', i)})*{g['c_mgr']})*{wage_H}"),
            "seatsH": f"={tm('seats', i)}",
        }
        row += [b.calc(ws, f[k], cached[k], looks[k]) for k in f]
        ws.append(row)
        b.rows_done()
    ids = rng("Teams", "A", L.FIRST, L.T)
    _item_validations(b, ws, TEAM_FIELDS, c, L.T, {"parent": (ids, "team")})
    _how_to_add(b, ws, "a team", L.T - L.teams, "Give it an id, then its people on Roles (with "
                "this id as their team) and its work on Workflows. ")


def write_roles(b: Book) -> None:
    L, c = b.L, b.L.role
    ws = b.sheet("Roles", tall_rows={1: 54}, widths={"A": 16, "B": 28, "C": 10, "D": 11, "E": 14,
                                                     "F": NOTE_WIDTH, "G": 15},
                 freeze="A2", title_rows="1:1", landscape=False, protect=True)
    _item_header(b, ws, ROLE_FIELDS, ["Payroll / year"], lead=("Team id",))
    pay = _calc("money")
    team_spec = fields.spec("workflow", "team")
    places = b.scen.places
    for i, t in enumerate(b.plan.teams):
        for j, role in enumerate(t.roles):
            r = places.role_row[(i, j)]
            values = {"name": role.name, "kind": role.kind, "headcount": role.headcount,
                      "annual_cost": role.annual_cost, "note": role.note}
            _note_height(ws, r, role.note)
            ws.append([b.txt(ws, t.id, IN_TXT),
                       *[_input_cell(b, ws, s, values[k], ("teams", i, "roles", j, k))
                         for k, s in ROLE_FIELDS.items()],
                       b.calc(ws, f"={c['headcount']}{r}*{c['annual_cost']}{r}",
                              role.headcount * role.annual_cost, pay)])
            b.rows_done()
    for r in range(L.FIRST + L.roles, L.FIRST + L.R):
        ws.append([b.txt(ws, None, IN_TXT), *_spare(b, ws, ROLE_FIELDS),
                   b.calc(ws, f"={c['headcount']}{r}*{c['annual_cost']}{r}", 0.0, pay)])
    ids = rng("Teams", "A", L.FIRST, L.T)
    _item_validations(b, ws, {"team": team_spec, **ROLE_FIELDS}, c, L.R, {"team": (ids, "team")})
    _how_to_add(b, ws, "a role", L.R - L.roles, "Give its team's id (a team of sheet Teams), "
                "its kind, headcount and annual cost. ")


def write_workflows(b: Book) -> None:
    L, F, w = b.L, b.formulas, b.figs.wf
    c, mc = L.wf, L.model
    widths = {c[k]: v for k, v in {
        "id": 16, "team": 14, "name": 28, "note": NOTE_WIDTH, "ramp": 9, "model": 14}.items()}
    ws = b.sheet("Workflows", tall_rows={1: 66}, widths={**{c[k]: 11 for k in c.keys}, **widths},
                 freeze="D2", title_rows="1:1", title_cols="A:C", protect=True)
    _item_header(b, ws, WF_FIELDS, [
        "Volume growth used (per year)", "Hours today / month", "Net time saved",
        "Hours saved at full adoption", "Tokens in at full adoption", "Tokens out at full adoption",
        "API model (1 = yes)", "Input price / Mtok", "Cached input price / Mtok",
        "Output price / Mtok", "API cost at full adoption (month-1 prices)",
        "Model's price index (final month)", "Hours saved / month (final)", "FTE freed (final)",
        "Tokens in / month (final)", "Tokens out / month (final)", "API cost / month (final)"])
    mid = rng("Models", mc["id"], L.FIRST, L.J)
    cols = {k: rng("Models", mc[k], L.FIRST, L.J)
            for k in ("is_api", "pin", "cached_price", "pout", "price_final")}
    cal = L.cal_row(L.H)
    k_H = f"Calendar!${L.cal['token_factor']}${cal}"
    lastw = L.wfm_col(L.H)
    looks = {k: _calc(v) for k, v in {
        "growth_used": "pct1", "base_hours": "num1", "net_saved": "pct", "hours_unit": "num1",
        "tin_unit": "tokens", "tout_unit": "tokens", "is_api": "int", "pin": "money_var",
        "pcached": "money_var", "pout": "money_var", "api_unit": "money", "price_final": "num4",
        "final_hours": "num1", "final_fte": "num2", "final_tin": "tokens", "final_tout": "tokens",
        "final_api": "money"}.items()}
    calc_keys = list(looks)
    # a spare row does no work: the plan's volume growth, zero everywhere else
    spare = {**dict.fromkeys(calc_keys, 0.0),
             "growth_used": b.plan.settings.volume_growth_per_year}
    for i in range(L.W):
        r = L.FIRST + i
        if i < L.workflows:
            wf = b.plan.workflows[i]
            ai, cu = wf.ai, wf.compute
            values = {"id": wf.id, "team": wf.team, "name": wf.name, "volume": wf.volume_per_month,
                      "minutes": wf.minutes_per_unit, "growth": wf.volume_growth_per_year,
                      "note": wf.note}
            if ai:
                values.update(time_saved=ai.time_saved, adoption=ai.adoption,
                              review=ai.review_overhead, ramp_months=ai.ramp_months, ramp=ai.ramp)
            if cu:
                values.update(model=cu.model, calls=cu.calls_per_unit, tok_in=cu.input_tokens,
                              tok_out=cu.output_tokens, cached=cu.cached_share)
            row = [_input_cell(b, ws, s, values.get(k), _loc("workflows", i, s))
                   for k, s in WF_FIELDS.items()]
            cached = {k: w[k][i] for k in calc_keys}
            _note_height(ws, r, wf.note)
        else:
            row, cached = _spare(b, ws, WF_FIELDS), spare
        f: dict[str, str | None] = dict.fromkeys(calc_keys)
        if F:
            g = {k: f"{c[k]}{r}" for k in c.keys}
            u_H = f"WorkflowMonths!{lastw}{3 + i}"
            f.update({
                "growth_used": f"=IF(ISNUMBER({g['growth']}),{g['growth']},volume_growth_per_year)",
                "base_hours": f"={g['volume']}*{g['minutes']}/60",
                "net_saved": f"={g['time_saved']}-{g['review']}",
                "hours_unit": f"={g['base_hours']}*{g['net_saved']}",
                "tin_unit": f"=IF({g['model']}=\"\",0,{g['volume']}*{g['calls']}*{g['tok_in']})",
                "tout_unit": f"=IF({g['model']}=\"\",0,{g['volume']}*{g['calls']}*{g['tok_out']})",
                **{k: _z(mid, f"=SUMPRODUCT(({mid}={g['model']})*{cols[src]})")
                   for k, src in (("is_api", "is_api"), ("pin", "pin"), ("pcached", "cached_price"),
                                  ("pout", "pout"), ("price_final", "price_final"))},
                "api_unit": (f"=IF({g['is_api']}=1,{g['volume']}*{g['calls']}*({g['tok_in']}*((1-"
                             f"{g['cached']})*{g['pin']}+{g['cached']}*{g['pcached']})+{g['tok_out']}"
                             f"*{g['pout']})/1000000,0)"),
                "final_hours": f"={g['hours_unit']}*{u_H}",
                "final_fte": f"={g['final_hours']}/hours_per_fte_month",
                "final_tin": f"={g['tin_unit']}*{u_H}*{k_H}",
                "final_tout": f"={g['tout_unit']}*{u_H}*{k_H}",
                "final_api": f"={g['api_unit']}*{u_H}*{k_H}*{g['price_final']}",
            })
        row += [calc_cell(ws, f[k], cached[k], b.style(looks[k]), formulas=F, cached=b.cached)
                for k in calc_keys]
        ws.append(row)
        b.rows_done()
    teams = rng("Teams", "A", L.FIRST, L.T)
    models = rng("Models", "A", L.FIRST, L.J)
    _item_validations(b, ws, WF_FIELDS, c, L.W, {"team": (teams, "team"), "model": (models, "model")})
    _how_to_add(b, ws, "a workflow", L.W - L.workflows, "Give it an id, its team's id, volume "
                "and minutes; its AI effect and, if it calls a model, the model's id. ")


def write_models(b: Book) -> None:
    L, c, gc = b.L, b.L.model, b.L.gpu
    ws = b.sheet("Models", tall_rows={1: 80}, widths={**{c[k]: 12 for k in c.keys}, "A": 16,
                                                      c["gpu"]: 14, c["note"]: NOTE_WIDTH},
                 freeze="B2", title_rows="1:1", title_cols="A:A", protect=True)
    _item_header(b, ws, MODEL_FIELDS, [
        "Cached price used", "API (1 = yes)", "Self-hosted (1 = yes)", "Owned GPU (1 = yes)",
        "Price decline used (per year)", "Serving speed gain used (per year)",
        "Price index (final month)", "Cloud rental / GPU-month (month-1 price)",
        "Purchase / GPU (month-1 price)", "Depreciation months", "Watts / GPU",
        "Overhead / GPU-month (owned)", "Tokens in / month (final)", "Tokens out / month (final)",
        "API cost / month (final)", "GPU-hours / month (final)", "GPUs (final)",
        "Energy kWh / month (final)", "Busy share of the fleet (final)"])
    gid = rng("GPUs", gc["id"], L.FIRST, L.G)
    gcol = {k: rng("GPUs", gc[k], L.FIRST, L.G)
            for k in ("pricing", "per_hour", "capex", "amort", "watts", "overhead")}
    last = L.mm_col(L.H)
    H = f"Calendar!$A${L.cal_row(L.H)}"
    looks = {k: _calc(v) for k, v in {
        "cached_price": "money_var", "is_api": "int", "is_self": "int", "owned": "int",
        "decline_used": "pct1", "speed_used": "pct1", "price_final": "num4", "rental": "money",
        "capex": "money", "amort": "int", "watts": "int", "overhead": "money", "final_tin": "tokens",
        "final_tout": "tokens", "final_api": "money", "final_gh": "num1", "final_fleet": "int",
        "final_kwh": "int", "final_busy": "pct1"}.items()}
    for j, m in enumerate(b.plan.models):
        r = L.FIRST + j
        api = isinstance(m, ApiModel)
        sh = m if isinstance(m, SelfHostedModel) else None
        v = b.figs.model_rows[j]
        g = {k: f"{c[k]}{r}" for k in c.keys}

        def sp(col, g=g):
            return _z(gid, f"SUMPRODUCT(({gid}={g['gpu']})*{gcol[col]})", "0")

        values = {"id": m.id, "hosting": m.hosting, "note": m.note}
        if api:
            values.update(pin=m.input_per_mtok, pout=m.output_per_mtok,
                          pcached=m.cached_input_per_mtok, decline=m.price_decline_per_year)
        if sh:
            values.update(gpu=sh.gpu, per_replica=sh.gpus_per_replica,
                          prefill=sh.prefill_tokens_per_s, decode=sh.decode_tokens_per_s,
                          utilization=sh.utilization, speed=sh.throughput_gain_per_year)
        fin = {k: f"=ModelMonths!{last}{L.mm_row(blk, j)}" for k, blk in (
            ("final_tin", "tin"), ("final_tout", "tout"), ("final_api", "api"), ("final_gh", "gh"),
            ("final_fleet", "fleet"), ("final_kwh", "kwh"))}
        f = {
            "cached_price": f"=IF(ISNUMBER({g['pcached']}),{g['pcached']},{g['pin']})",
            "is_api": f"=IF(TRIM({g['hosting']})=\"api\",1,0)",
            "is_self": f"=IF(TRIM({g['hosting']})=\"self\",1,0)",
            "owned": _z(gid, f"=IF({g['is_self']}=1,SUMPRODUCT(({gid}={g['gpu']})"
                             f"*(TRIM({gcol['pricing']})=\"owned\")),0)"),
            "decline_used": (f"=IF({g['is_api']}=1,IF(ISNUMBER({g['decline']}),{g['decline']},"
                             f"price_decline_per_year),0)"),
            "speed_used": (f"=IF({g['is_self']}=1,IF(ISNUMBER({g['speed']}),{g['speed']},"
                           f"throughput_gain_per_year),0)"),
            "price_final": f"=IF({g['is_api']}=1,(1-{g['decline_used']})^(({H}-1)/12),0)",
            "rental": f"=IF(AND({g['is_self']}=1,{g['owned']}=0),hours_per_month*{sp('per_hour')},0)",
            "capex": f"={g['owned']}*{sp('capex')}",
            "amort": f"=IF({g['owned']}=1,{sp('amort')},1)",
            "watts": f"={g['is_self']}*{sp('watts')}",
            "overhead": f"={g['owned']}*{sp('overhead')}",
            **fin,
            "final_busy": (f"=IF({g['is_self']}=1,IF({g['final_fleet']}>0,{g['final_gh']}*"
                           f"{g['utilization']}/({g['final_fleet']}*hours_per_month),\"n/a\"),\"\")"),
        }
        row = [_input_cell(b, ws, s, values.get(k), _loc("models", j, s))
               for k, s in MODEL_FIELDS.items()]
        row += [b.calc(ws, f[k], v[k], looks[k]) for k in f]
        _note_height(ws, r, m.note)
        ws.append(row)
        b.rows_done()
    _item_validations(b, ws, MODEL_FIELDS, c, L.J, {"gpu": (gid, "GPU")})
    ws.append([])
    ws.append([b.txt(ws, "Models and GPUs have no spare rows: add one in OrgPlanner and export "
                         "again. " + PROTECTED, MUTED)])


def write_gpus(b: Book) -> None:
    L, c, mc = b.L, b.L.gpu, b.L.model
    ws = b.sheet("GPUs", tall_rows={1: 66}, widths={**{c[k]: 12 for k in c.keys}, "A": 16,
                                                    c["note"]: NOTE_WIDTH, c["final_cost"]: 18},
                 freeze="B2", title_rows="1:1", landscape=True, protect=True)
    _item_header(b, ws, GPU_FIELDS, [
        "GPUs in use (final)", "Cost / month (final: rental, or power and overhead)"])
    mgpu = rng("Models", mc["gpu"], L.FIRST, L.J)
    mrent = rng("Models", mc["rental"], L.FIRST, L.J)
    last = L.mm_col(L.H)
    fleet = rng("ModelMonths", last, L.mm_row("fleet", 0), L.J)
    kwh = rng("ModelMonths", last, L.mm_row("kwh", 0), L.J)
    q_H = f"Calendar!${L.cal['gpu_price_factor']}${L.cal_row(L.H)}"
    for k, g in enumerate(b.plan.gpus):
        r = L.FIRST + k
        owned = g if isinstance(g, OwnedGpu) else None
        cloud = g if isinstance(g, CloudGpu) else None
        v = b.figs.gpu_rows[k]
        values = {"id": g.id, "pricing": g.pricing, "watts": g.watts_per_gpu, "note": g.note,
                  "per_hour": cloud.per_gpu_hour if cloud else None,
                  "capex": owned.capex_per_gpu if owned else None,
                  "amort": owned.amortization_months if owned else None,
                  "overhead": owned.overhead_per_gpu_month if owned else None}
        mine = f"({mgpu}=$A{r})"
        fleet_f = _z(mgpu, f"=SUMPRODUCT({mine}*{fleet})")
        cost_f = _z(mgpu, (f"=SUMPRODUCT({mine}*{mrent}*{fleet})*{q_H}+IF(TRIM(${c['pricing']}{r})=\"owned\","
                           f"SUMPRODUCT({mine}*{kwh})*usd_per_kwh+{c['final_fleet']}{r}"
                           f"*{c['overhead']}{r},0)"))
        _note_height(ws, r, g.note)
        ws.append([*[_input_cell(b, ws, s, values[key], _loc("gpus", k, s)) for key, s in GPU_FIELDS.items()],
                   b.calc(ws, fleet_f, v["final_fleet"], _calc("int")),
                   b.calc(ws, cost_f, v["final_cost"], _calc("money"))])
        b.rows_done()
    _item_validations(b, ws, GPU_FIELDS, c, L.G)
    ws.append([])
    ws.append([b.txt(ws, "To add a GPU type, add it in OrgPlanner and export again. " + PROTECTED,
                     MUTED)])


__all__ = ["write_assumptions", "write_teams", "write_roles", "write_workflows", "write_models",
           "write_gpus", "CEIL"]
