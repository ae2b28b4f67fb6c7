"""The exported workbook recalculates, in LibreOffice, to exactly what the engine computes.

One LibreOffice run recalculates every workbook of this module (each start costs seconds):
Northwind and hand-made plans exported with formulas only (no stored results, so every
figure comes from the recalculation), workbooks whose inputs were then edited, and a
values-only workbook.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import openpyxl
import pytest
from excel_plans import INJECTIONS, PLANS, edited
from libreoffice import convert

from planner.engine import MONTHLY_KEYS, YEAR_KEYS, compute
from planner.io.excel import NAMED_RESULT_KEYS
from planner.io.excel.checks import headline_values
from planner.io.excel.layout import SETTING_KEYS, Layout
from planner.io.excel.workbook import write_workbook
from planner.model import parse_plan
from planner.plan import scenarios as S

FIRST_MONTH_ROW = 3          # Monthly: row 1 labels for people, row 2 the table header


def _setting(key: str) -> tuple[str, str]:
    return "Assumptions", f"B{Layout.SETTINGS_ROW + SETTING_KEYS.index(key)}"


def _item(sheet: str, index: int, key: str) -> tuple[str, str]:
    """The input cell of column ``key`` of the ``index``-th item of an item sheet."""
    cols = {"Teams": Layout.team, "Roles": Layout.role, "Workflows": Layout.wf,
            "Models": Layout.model, "GPUs": Layout.gpu}[sheet]
    return sheet, f"{cols[key]}{Layout.FIRST + index}"


def _edit_northwind(d: dict) -> None:
    d["models"][2]["output_per_mtok"] = 20.0                 # a price
    d["teams"][4]["roles"][0]["headcount"] = 150             # a headcount
    d["settings"]["price_decline_per_year"] = 0.2            # a setting
    d["settings"]["target_span"] = 8


def _edit_cloud(d: dict) -> None:
    d["gpus"][0]["per_gpu_hour"] = 4.0
    d["settings"]["headcount_policy"] = "redeploy"
    d["workflows"][0]["ai"]["adoption"] = 0.9


def _edit_owned(d: dict) -> None:
    d["gpus"][0]["amortization_months"] = 6
    d["gpus"][0]["capex_per_gpu"] = 30000
    d["settings"]["redeploy_share"] = 0.0


def _edit_growth(d: dict) -> None:
    s = d["settings"]
    s.update(volume_growth_per_year=0.5, wage_growth_per_year=0.02, discount_rate_per_year=0.12,
             reduction="attrition", attrition_per_year=0.2)
    d["workflows"][1]["volume_growth_per_year"] = 0.3          # a workflow's own growth
    d["models"][0]["price_decline_per_year"] = None            # back to the plan's
    d["teams"][2]["target_span"] = None


def _edit_attrition(d: dict) -> None:
    s = d["settings"]
    s.update(attrition_per_year=0.3, discount_rate_per_year=0.0, throughput_gain_per_year=0.1,
             gpu_price_decline_per_year=-0.1, target_span=None, volume_growth_per_year=-0.05)
    d["gpus"][0]["overhead_per_gpu_month"] = 400
    d["models"][1]["throughput_gain_per_year"] = 0.25


def _add_rows(d: dict) -> None:
    """A role, a workflow and a team (with its people and work) typed in spare rows."""
    d["teams"][1]["roles"].append({"name": "Analyst", "kind": "ic", "headcount": 5,
                                   "annual_cost": 60000})
    d["workflows"].append({"id": "reports", "team": "desk", "name": "Reports",
                           "volume_per_month": 2000, "minutes_per_unit": 20,
                           "ai": {"time_saved": 0.4, "adoption": 0.5, "review_overhead": 0.05,
                                  "ramp_months": 3, "ramp": "s-curve"},
                           "compute": {"model": "api-small", "calls_per_unit": 1,
                                       "input_tokens": 1000, "output_tokens": 200}})
    d["teams"].append({"id": "new", "name": "New team", "parent": "ops",
                       "ai_seats": {"cost_per_seat_month": 20},
                       "roles": [{"name": "Doer", "kind": "ic", "headcount": 4, "annual_cost": 50000},
                                 {"name": "Boss", "kind": "manager", "headcount": 1,
                                  "annual_cost": 80000}]})
    d["workflows"].append({"id": "new-work", "team": "new", "name": "New work",
                           "volume_per_month": 800, "minutes_per_unit": 30,
                           "ai": {"time_saved": 0.5, "adoption": 0.6}})


def _row(sheet: str, index: int, values: dict) -> list[tuple[str, str, object]]:
    """The input cells of the ``index``-th row of an item sheet (spare rows included)."""
    return [(*_item(sheet, index, key), v) for key, v in values.items()]


def _added_cells(data: dict) -> list[tuple[str, str, object]]:
    """``_add_rows`` typed into the first spare rows of Teams, Roles and Workflows."""
    teams, workflows = len(data["teams"]), len(data["workflows"])
    roles = sum(len(t["roles"]) for t in data["teams"])
    return [
        *_row("Roles", roles, {"team": "desk", "name": "Analyst", "kind": "ic", "headcount": 5,
                               "annual_cost": 60000}),
        *_row("Workflows", workflows, {
            "id": "reports", "team": "desk", "name": "Reports", "volume": 2000, "minutes": 20,
            "time_saved": 0.4, "adoption": 0.5, "review": 0.05, "ramp_months": 3, "ramp": "s-curve",
            "model": "api-small", "calls": 1, "tok_in": 1000, "tok_out": 200}),
        *_row("Teams", teams, {"id": "new", "name": "New team", "parent": "ops", "seat_cost": 20}),
        *_row("Roles", roles + 1, {"team": "new", "name": "Doer", "kind": "ic", "headcount": 4,
                                   "annual_cost": 50000}),
        *_row("Roles", roles + 2, {"team": "new", "name": "Boss", "kind": "manager", "headcount": 1,
                                   "annual_cost": 80000}),
        *_row("Workflows", workflows + 1, {"id": "new-work", "team": "new", "name": "New work",
                                           "volume": 800, "minutes": 30, "time_saved": 0.5,
                                           "adoption": 0.6}),
    ]


# Scenarios selected in the workbook's `scenario` cell: case -> (plan, scenario id, label)
SELECTED = {"scenarios@bear": ("scenarios", "bear", "Bear case"),
            "scenarios@bull": ("scenarios", "bull", "Bull case")}

# name -> (input cells to set, the same change to the plan)
EDITS = {
    "northwind": ([(*_item("Models", 2, "pout"), 20.0), (*_item("Roles", 6, "headcount"), 150),
                   (*_setting("price_decline_per_year"), 0.2), (*_setting("target_span"), 8)],
                  _edit_northwind),
    "cloud": ([(*_item("GPUs", 0, "per_hour"), 4.0), (*_setting("headcount_policy"), "redeploy"),
               (*_item("Workflows", 0, "adoption"), 0.9)], _edit_cloud),
    "owned": ([(*_item("GPUs", 0, "amort"), 6), (*_item("GPUs", 0, "capex"), 30000),
               (*_setting("redeploy_share"), 0.0)], _edit_owned),
    "growth": ([(*_setting("volume_growth_per_year"), 0.5), (*_setting("wage_growth_per_year"), 0.02),
                (*_setting("discount_rate_per_year"), 0.12), (*_setting("reduction"), "attrition"),
                (*_setting("attrition_per_year"), 0.2), (*_item("Workflows", 1, "growth"), 0.3),
                (*_item("Models", 0, "decline"), None), (*_item("Teams", 2, "target_span"), None)],
               _edit_growth),
    "attrition": ([(*_setting("attrition_per_year"), 0.3), (*_setting("discount_rate_per_year"), 0.0),
                   (*_setting("throughput_gain_per_year"), 0.1),
                   (*_setting("gpu_price_decline_per_year"), -0.1), (*_setting("target_span"), None),
                   (*_setting("volume_growth_per_year"), -0.05),
                   (*_item("GPUs", 0, "overhead"), 400), (*_item("Models", 1, "speed"), 0.25)],
                  _edit_attrition),
}


@pytest.fixture(scope="module")
def recalculated(tmp_path_factory):
    """{case: (plan data, exported workbook, recalculated workbook)} after one LibreOffice run."""
    root = tmp_path_factory.mktemp("excel")
    src = root / "src"
    src.mkdir()
    cases: dict[str, tuple[dict, Path]] = {}
    for name, make in PLANS.items():
        data = make()
        path = src / f"{name}.xlsx"
        write_workbook(parse_plan(data), path, cached=False)
        cases[name] = (data, path)
    def edit(name: str, new: str, cells, data: dict) -> None:
        wb = openpyxl.load_workbook(cases[name][1])
        for sheet, ref, value in cells:
            wb[sheet][ref].value = value
        path = src / f"{new}.xlsx"
        wb.save(path)
        cases[new] = (data, path)

    for name, (cells, change) in EDITS.items():
        edit(name, f"{name}-edited", cells, edited(cases[name][0], change))
    for case, (name, sid, label) in SELECTED.items():
        data = cases[name][0]
        edit(name, case, [("Summary", _named(cases[name][1], "scenario"), label)],
             S.resolved(data, sid))
    edit("cloud", "cloud-added", _added_cells(cases["cloud"][0]), edited(cases["cloud"][0], _add_rows))
    outs = convert([p for _, p in cases.values()], root / "out", work=root)
    out = {name: (data, path, out) for (name, (data, path)), out in zip(cases.items(), outs, strict=True)}
    for name in PLANS:        # values only: nothing to recalculate, compared as written
        data = cases[name][0]
        values_path = src / f"{name}-values.xlsx"
        write_workbook(parse_plan(data), values_path, values_only=True)
        out[f"{name}-values"] = (data, values_path, values_path)
    return out


def _named(path: Path, name: str) -> str:
    ((_, ref),) = list(openpyxl.load_workbook(path).defined_names[name].destinations)
    return ref.replace("$", "")


def _close(got, want) -> bool:
    if want is None:
        return got in (None, "", "n/a")
    if isinstance(want, str):
        return got == want
    return isinstance(got, int | float) and math.isclose(got, want, rel_tol=1e-6, abs_tol=1e-6)


def _check_against_engine(data: dict, exported: Path, recalculated: Path) -> None:
    result = compute(parse_plan(data))
    names = openpyxl.load_workbook(exported, read_only=False).defined_names
    wb = openpyxl.load_workbook(recalculated, data_only=True)
    wrong = []
    expected = headline_values(result.summary)
    assert set(expected) == set(NAMED_RESULT_KEYS)
    for key, want in expected.items():
        ((sheet, ref),) = list(names[key].destinations)
        got = wb[sheet][ref.replace("$", "")].value
        if not _close(got, want):
            wrong.append(f"{key}: workbook {got!r}, engine {want!r}")
    ws = wb["Monthly"]
    assert [c.value for c in ws[2]][: len(MONTHLY_KEYS)] == list(MONTHLY_KEYS)
    for i, record in enumerate(result.monthly_records):
        row = [c.value for c in ws[FIRST_MONTH_ROW + i]][: len(MONTHLY_KEYS)]
        for key, got in zip(MONTHLY_KEYS, row, strict=True):
            if not _close(got, record[key]):
                wrong.append(f"Monthly {record['month']} {key}: workbook {got!r}, engine {record[key]!r}")
    years = wb["Years"]
    keys = [c.value for c in years[2]]
    for y, rec in enumerate(result.years):
        row = [c.value for c in years[3 + y]]
        for key in YEAR_KEYS:
            if not _close(row[keys.index(key)], rec[key]):
                wrong.append(f"Years {y + 1} {key}: workbook {row[keys.index(key)]!r}, engine {rec[key]!r}")
    assert not wrong, "\n".join(wrong[:30])


@pytest.mark.parametrize("case", list(PLANS))
def test_every_named_result_and_monthly_cell_recalculates_to_the_engine(recalculated, case):
    data, exported, out = recalculated[case]
    _check_against_engine(data, exported, out)


@pytest.mark.parametrize("case", list(EDITS))
def test_changing_an_input_cell_changes_every_figure_like_the_engine(recalculated, case):
    data, exported, out = recalculated[f"{case}-edited"]
    before = compute(parse_plan(recalculated[case][0])).summary["cumulative_net_cash"]
    after = compute(parse_plan(data)).summary["cumulative_net_cash"]
    assert not math.isclose(before, after), "the edit should change the plan's outcome"
    _check_against_engine(data, exported, out)


@pytest.mark.parametrize("case", list(SELECTED))
def test_choosing_a_scenario_in_the_workbook_gives_the_engine_figures_of_that_scenario(recalculated,
                                                                                     case):
    """Value and scale overrides, [*], a role, choices, settings, emptied values: every input a
    scenario changes follows the `scenario` cell, month by month."""
    data, exported, out = recalculated[case]
    base = compute(parse_plan(recalculated["scenarios"][0])).summary["cumulative_net_cash"]
    assert not math.isclose(compute(parse_plan(data)).summary["cumulative_net_cash"], base)
    _check_against_engine(data, exported, out)
    wb = openpyxl.load_workbook(out, data_only=True)
    check = wb["Summary"][_named(exported, "export_check")].value
    assert check.startswith("Changed since export: ") and "another scenario is selected" in check


def test_a_role_a_workflow_and_a_team_typed_in_spare_rows_count_like_the_engine(recalculated):
    data, exported, out = recalculated["cloud-added"]
    assert len(data["teams"]) == 3 and len(data["workflows"]) == 4
    _check_against_engine(data, exported, out)


def test_the_check_cell_says_whether_the_figures_still_match_the_export(recalculated):
    for case, same in (("northwind", True), ("scenarios", True), ("cloud-edited", False),
                       ("cloud-added", False)):
        _, exported, out = recalculated[case]
        wb = openpyxl.load_workbook(out, data_only=True)
        text = wb["Summary"][_named(exported, "export_check")].value
        if same:
            assert text == "Matches the app's figures at export", (case, text)
        else:
            assert re.fullmatch(r"Changed since export: \d+ figures differ", text), (case, text)


@pytest.mark.parametrize("case", list(PLANS))
def test_values_workbook_matches_the_recalculated_formula_workbook_cell_for_cell(recalculated, case):
    """Every cell of every sheet (the working, TeamTree, Models' busy share, Summary...)."""
    _, _, formulas = recalculated[case]
    _, _, values = recalculated[f"{case}-values"]
    a = openpyxl.load_workbook(formulas, data_only=True)
    b = openpyxl.load_workbook(values, data_only=True)
    assert a.sheetnames == b.sheetnames
    wrong, cells = [], 0
    for ws in a.worksheets:
        rows_b = list(b[ws.title].iter_rows(values_only=True))
        for i, row_a in enumerate(ws.iter_rows(values_only=True)):
            row_b = rows_b[i] if i < len(rows_b) else ()
            for j, x in enumerate(row_a):
                y = row_b[j] if j < len(row_b) else None
                if isinstance(x, str) and "Exported" in x:
                    continue                       # the export date may differ
                cells += 1
                if isinstance(x, int | float) and not isinstance(x, bool):
                    if not _close(y, x):
                        wrong.append((ws.title, i + 1, j + 1, x, y))
                elif (x or None) != (y or None):
                    wrong.append((ws.title, i + 1, j + 1, x, y))
    assert cells > 1000
    assert not wrong, wrong[:20]


def test_text_that_looks_like_a_formula_stays_text_after_recalculation(recalculated):
    _, exported, out = recalculated["redeploy"]
    for path in (exported, out):
        wb = openpyxl.load_workbook(path)
        texts = {c.value for ws in (wb["Teams"], wb["Workflows"], wb["Summary"]) for row in ws.iter_rows()
                 for c in row if c.data_type == "s"}
        for s in INJECTIONS[:4]:
            assert s in texts, f"{s!r} is not stored as text in {path.name}"
        formulas = [c.value for ws in (wb["Teams"], wb["Workflows"]) for row in ws.iter_rows()
                    for c in row if c.data_type == "f"]
        assert not any(f.lstrip("=").startswith(("1+1", "SUM(A1)", "cmd")) for f in formulas)
