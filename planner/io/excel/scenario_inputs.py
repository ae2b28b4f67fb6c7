"""Scenarios in the live workbook (MODEL.md section 6): the ``ScenarioInputs`` sheet and the
``scenario`` cell that selects one.

Every value some scenario overrides gets a row: its place (``workflows[tickets].ai.adoption``),
the baseline value (an input), one column per scenario, and the value in use: the column of
the scenario selected in the named cell ``scenario`` (on Summary). The input cell of that value
on its own sheet becomes a formula over "in use", so every result follows the scenario.

A scenario's cell is its value (an input) when the scenario replaces it, or a live formula
when it scales it (``=baseline*1.1``) or leaves it as the baseline. Overrides apply in order,
as the engine applies them: a scale after a value scales that value, and scaling an empty
value that follows another (a workflow's volume growth left to the plan's) scales the value
it follows, in that scenario.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from openpyxl.utils import get_column_letter

from ...plan import fields as F
from ...plan import paths as P
from ...plan import scenarios as S
from ...plan.edits import MISSING, get_in
from .book import Book
from .cells import Look, text_cell, value_cell
from .layout import SETTING_KEYS, Layout
from .places import Loc, Places, spec_of
from .registry import fmt_of, unit_text, validate

SHEET = "ScenarioInputs"
BASELINE_LABEL = "Baseline"
NAMES_ROW, POSITIONS_ROW, FIRST_ROW = 5, 6, 7
FIRST_COL = 3                           # C: the baseline; then one column per scenario
UNFOLLOWED = ("horizon_months",)        # one column per month: fixed at export
ORDER = {"settings": 0, "teams": 1, "workflows": 3, "models": 4, "gpus": 5}


@dataclass
class Expr:
    """A value of a scenario as a formula: a reference, a literal, or a computation."""

    text: str
    literal: Any = MISSING      # the value, when the expression is a written value
    ref: bool = False           # a plain reference to a cell

    def inline(self) -> str:
        return self.text if self.ref or self.literal is not MISSING else f"({self.text})"


@dataclass
class Row:
    loc: Loc
    label: str
    spec: F.Spec
    base: Any                                   # the baseline value (the plan's)
    exprs: list[Expr | None] = field(default_factory=list)    # per scenario; None: as baseline
    values: list[Any] = field(default_factory=list)           # per scenario, the engine's
    how: list[str] = field(default_factory=list)              # per scenario, in words
    row: int = 0


def _literal(v: Any) -> Expr:
    if v is None:
        return Expr('""', literal=None)
    if isinstance(v, str):
        return Expr('"' + v.replace('"', '""') + '"', literal=v)
    return Expr(repr(float(v)) if isinstance(v, float) else str(v), literal=v)


def _num(v: Any) -> str:
    return f"{v:g}" if isinstance(v, float) else str(v)


def _clipped(spec: Any, text: str) -> str:
    """A scaled value kept inside its key's interval, as the engine clips it (MODEL.md s.6:
    adoption x 1.1 stays <= 1; an open end 1e-9 inside)."""
    if spec.maximum is not None:
        hi = spec.maximum - (1e-9 if spec.max_open else 0.0)
        text = f"MIN({hi!r},{text})"
    if spec.minimum is not None:
        lo = spec.minimum + (1e-9 if spec.min_open else 0.0)
        text = f"MAX({lo!r},{text})"
    return text


def _sort_key(loc: Loc) -> tuple[int, int, int, str]:
    """Settings in their order, then teams, roles, workflows, models and GPUs by position."""
    if loc[0] == "settings":
        return (0, SETTING_KEYS.index(loc[1]), 0, "")
    if loc[0] == "teams" and len(loc) == 5:
        return (2, loc[1], loc[3], loc[-1])
    return (ORDER[loc[0]], loc[1], 0, ".".join(map(str, loc[2:])))


def labels(names: list[str]) -> list[str]:
    """Names for the drop-down, unique without regard to case (spreadsheets compare so)."""
    out: list[str] = []
    seen: set[str] = set()
    for n in names:
        label = n
        k = 2
        while label.strip().casefold() in seen or not label.strip():
            label = f"{n} ({k})" if n.strip() else f"Scenario {k}"
            k += 1
        seen.add(label.strip().casefold())
        out.append(label)
    return out


class Scenarios:
    """The plan's scenarios as the workbook holds them."""

    def __init__(self, b_plan: Any, data: dict, L: Layout) -> None:
        self.places = Places(b_plan, L)
        self.data = data
        self.items = S.scenarios(data)
        self.names = labels([BASELINE_LABEL] + [str(sc.get("name") or sc.get("id") or "")
                                                for sc in self.items])
        self.rows: list[Row] = []
        self.by_loc: dict[Loc, Row] = {}
        self._build()

    # ----- cells --------------------------------------------------------------------------
    @property
    def count(self) -> int:
        return len(self.names)           # the baseline and each scenario

    def col(self, k: int) -> str:
        """Column of the baseline (k = 0) or of scenario k."""
        return get_column_letter(FIRST_COL + k)

    @property
    def in_use_col(self) -> str:
        return get_column_letter(FIRST_COL + self.count)

    @property
    def how_col(self) -> str:
        return get_column_letter(FIRST_COL + self.count + 1)

    @property
    def names_ref(self) -> str:
        return f"{SHEET}!${self.col(0)}${NAMES_ROW}:${self.col(self.count - 1)}${NAMES_ROW}"

    def follows(self, loc: Loc) -> str | None:
        """The formula an input cell holds when a scenario overrides it, else None."""
        row = self.by_loc.get(loc)
        if row is None or row.loc[-1] in UNFOLLOWED:
            return None
        return f"={SHEET}!${self.in_use_col}${row.row}"

    def base_ref(self, loc: Loc) -> str:
        """The cell of a value's baseline: its row's baseline here, else its input cell."""
        row = self.by_loc.get(loc)
        return f"{SHEET}!${self.col(0)}${row.row}" if row else self.places.ref(loc)

    # ----- building -----------------------------------------------------------------------
    def _build(self) -> None:
        applied = [S.apply(self.data, sc) for sc in self.items]
        locs = sorted({loc for a in applied for loc in a.writes}, key=_sort_key)
        for n, loc in enumerate(locs):
            row = Row(loc, P.describe(self.data, loc), spec_of(loc), self.places.value(loc),
                      row=FIRST_ROW + n)
            self.rows.append(row)
            self.by_loc[loc] = row
        for sc, a in zip(self.items, applied, strict=True):
            exprs, steps = self._exprs(sc)
            for row in self.rows:
                row.exprs.append(exprs.get(row.loc))
                v = get_in(a.data, row.loc)
                row.values.append(row.base if v is MISSING else v)
                row.how.append("; then ".join(steps.get(row.loc, [])))

    def _exprs(self, sc: dict) -> tuple[dict[Loc, Expr], dict[Loc, list[str]]]:
        """Each overridden value of scenario ``sc`` as an expression over baseline cells, and
        each override in words, in the order the engine applies them."""
        exprs: dict[Loc, Expr] = {}
        steps: dict[Loc, list[str]] = {}

        def current(loc: Loc) -> Expr:
            return exprs.get(loc) or Expr(self.base_ref(loc), ref=True)

        for ov in sc.get("overrides") or []:
            if not isinstance(ov, dict):
                continue
            p = P.parse(ov.get("path"))
            spec = p.spec
            for m in P.resolve(p, self.data):
                x = current(m.loc)
                if "scale" in ov:
                    scale = float(ov["scale"])
                    follows = P.FOLLOWS.get((p.obj, p.key))
                    if follows is None:
                        base = x.inline()
                    else:
                        where, key = follows
                        other = ("settings", key) if where == "settings" else (*m.loc[:-1], key)
                        base = f"IF(ISNUMBER({x.inline()}),{x.inline()},{current(other).inline()})"
                    exprs[m.loc] = Expr(_clipped(spec, f"{base}*{_num(scale)}"))
                    words = f"x {_num(scale)}"
                else:
                    value = ov.get("value")
                    exprs[m.loc] = _literal(value)
                    words = (f"empty ({spec.null_text})" if value is None and spec.null_text
                             else "empty" if value is None else f"= {_num(value)}")
                if ov.get("note"):
                    words += f" ({ov['note']})"
                steps.setdefault(m.loc, []).append(words)
        return exprs, steps


def blank_safe(ref: str) -> str:
    """A reference that stays empty when its cell is (a plain reference would read 0)."""
    return f'IF({ref}&""="","",{ref})'


def write_scenario_inputs(b: Book) -> None:
    sc: Scenarios = b.scen
    n = sc.count
    widths = {"A": 46, "B": 30, **{sc.col(k): 14 for k in range(n)}, sc.in_use_col: 14,
              sc.how_col: 60}
    ws = b.sheet(SHEET, widths=widths, freeze=f"{sc.col(0)}{FIRST_ROW}", title_rows=f"{NAMES_ROW}:{NAMES_ROW}",
                 title_cols="A:A", protect=True, tall_rows={1: 20, NAMES_ROW: 40})
    muted = Look(muted=True)
    ws.append([b.txt(ws, "Scenario inputs", Look(bold=True, size=14))])
    if sc.items:
        intro = ("Every value a scenario changes, one row each. The input cells of these values "
                 "(lilac on their sheets) follow the scenario selected on Summary: change the "
                 "baseline or a scenario's value here.")
    else:
        intro = "This plan has no scenarios: add them in OrgPlanner and export again."
    ws.append([b.txt(ws, intro, muted)])
    pos = f"SUMPRODUCT(({sc.names_ref}=TRIM(scenario))*${sc.col(0)}${POSITIONS_ROW}:${sc.col(n - 1)}${POSITIONS_ROW})"
    ws.append([b.txt(ws, "Scenario selected on Summary", Look(bold=True)),
               b.calc(ws, "=scenario", BASELINE_LABEL, Look(border=True)),
               b.txt(ws, "Its column", muted),
               b.calc(ws, f"=MAX(1,{pos})", 1, Look(fmt="int", border=True))])
    ws.append([])
    head = b.header(ws, ["Value (its place in the plan)", "What it is", *sc.names, "In use",
                         "How each scenario sets it (in the order applied)"])
    ws.append(head)
    pmuted = Look(muted=True, italic=True, fmt="int")
    ws.append([b.txt(ws, "Column (for the formulas)", Look(muted=True, italic=True)), None,
               *[value_cell(ws, k + 1, b.style(pmuted)) for k in range(n)]])
    checks: dict[str, tuple[F.Spec, list[str]]] = {}
    for row in sc.rows:
        fmt = fmt_of(row.spec) if row.spec.numeric else "text"
        unit = unit_text(row.spec, b.plan.currency)
        what = row.spec.label + (f" ({unit})" if unit else "")
        cells = [b.txt(ws, row.label, Look()), b.txt(ws, what, muted),
                 _value(b, ws, row.base, fmt, True)]
        for e, v in zip(row.exprs, row.values, strict=True):
            if e is None:
                f = "=" + blank_safe(f"${sc.col(0)}{row.row}")
                cells.append(b.calc(ws, f, _cached(v), Look(fmt=fmt, muted=True, border=True,
                                                             unlocked=True)))
            elif e.literal is not MISSING:
                cells.append(_value(b, ws, e.literal, fmt, True))
            else:
                cells.append(b.calc(ws, "=" + e.text, _cached(v), Look(input=True, fmt=fmt)))
        span = f"${sc.col(0)}{row.row}:${sc.col(n - 1)}{row.row}"
        in_use = f"INDEX({span},1,scenario_index)"
        fixed = row.loc[-1] in UNFOLLOWED
        cells.append(b.calc(ws, "=" + blank_safe(in_use), _cached(row.base),
                            Look(fmt=fmt, bold=True, border=True)))
        how = [f"{name}: {h}" for name, h in zip(sc.names[1:], row.how, strict=True) if h]
        text = "; ".join(how)
        if fixed:
            text = ("Fixed at export (one column per month): the workbook keeps the plan's "
                    f"{row.base}. " + text)
        cells.append(b.txt(ws, text, Look(muted=True, wrap=True)))
        ws.append(cells)
        checks.setdefault(row.spec.name, (row.spec, []))[1].append(
            f"{sc.col(0)}{row.row}:{sc.col(n - 1)}{row.row}")
        b.rows_done()
    for spec, refs in checks.values():        # one validation per kind of value
        validate(ws, spec, " ".join(refs))
    ws.append([])
    ws.append([b.txt(ws, "Yellow cells are inputs: a scenario's value, or a formula that scales "
                         "the baseline (its factor is in it). A grey cell is as the baseline: type "
                         "a value in it to make the scenario change that value too.", muted)])


def _cached(v: Any) -> Any:
    return "" if v is None else v


def _value(b: Book, ws, v: Any, fmt: str, input_: bool):
    look = Look(input=input_, fmt=fmt)
    if isinstance(v, str):
        return text_cell(ws, v, b.style(look))
    return value_cell(ws, v, b.style(look))


INDEX_CELL = "$D$3"     # the selected scenario's column (named scenario_index)

__all__ = ["Scenarios", "write_scenario_inputs", "SHEET", "INDEX_CELL", "blank_safe"]
