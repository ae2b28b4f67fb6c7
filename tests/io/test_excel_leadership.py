"""The workbook leadership reads and edits (no LibreOffice needed): the scenario selector,
the Scenarios, Risk and Hosting sheets, evidence and provenance on the Summary, and the
guards against the edits people make (typos, inserted rows, fixed inputs)."""

from __future__ import annotations

import json
import zipfile

import openpyxl
import pytest
from conftest import BUNDLED
from excel_plans import PLANS

from planner import __version__, hosting
from planner.engine import compute
from planner.io.excel import export_workbook
from planner.io.excel.checks import NO_WARNINGS
from planner.io.excel.layout import SPARE_ROLES, SPARE_TEAMS, SPARE_WORKFLOWS, Layout
from planner.model import parse_plan
from planner.model.evidence import evidence_warnings
from planner.risk import analyse, compare
from planner.risk.words import break_even_sentences


@pytest.fixture(scope="module")
def bundled(tmp_path_factory):
    """The bundled Northwind (four scenarios, seven ranges), exported with 300 draws."""
    data = json.loads(BUNDLED.read_text(encoding="utf-8"))
    path = tmp_path_factory.mktemp("bundled") / "northwind.xlsx"
    export_workbook(parse_plan(data), path, data=data, source="northwind.orgplan.json", draws=300,
                    seed=7)
    return data, path, openpyxl.load_workbook(path), openpyxl.load_workbook(path, data_only=True)


def _named(wb, name):
    ((sheet, ref),) = list(wb.defined_names[name].destinations)
    return wb[sheet][ref.replace("$", "")]


def _texts(ws) -> list[str]:
    return [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]


def _numbers(ws) -> list[float]:
    return [c.value for row in ws.iter_rows() for c in row
            if isinstance(c.value, int | float) and not isinstance(c.value, bool)]


def test_the_scenario_cell_offers_the_scenarios_and_refuses_anything_else(bundled):
    data, _, wb, _ = bundled
    cell = _named(wb, "scenario")
    assert cell.parent.title == "Summary" and cell.value == "Baseline"
    assert not cell.protection.locked
    (dv,) = [dv for dv in wb["Summary"].data_validations.dataValidation if cell.coordinate in dv.sqref]
    assert dv.type == "list" and dv.showErrorMessage and dv.errorStyle == "stop" and dv.error
    names_ref = wb.defined_names["scenario_names"].attr_text
    assert dv.formula1 == names_ref
    ((sheet, ref),) = list(wb.defined_names["scenario_names"].destinations)
    names = [c.value for row in wb[sheet][ref.replace("$", "")] for c in row]
    assert names == ["Baseline", *[sc["name"] for sc in data["scenarios"]]]


def test_every_overridden_value_follows_the_selected_scenario(bundled):
    """`workflows[*].ai.adoption` x 1.1 in "Fast adoption": a row per workflow with AI, a live
    formula with its factor, kept inside adoption's 0-100% as the engine clips a scale, and the
    Workflows cell a formula over "in use"."""
    data, _, wb, values = bundled
    ws = wb["ScenarioInputs"]
    rows = {r[0].value: r for r in ws.iter_rows(min_row=7) if r[0].value}
    ai = [w for w in data["workflows"] if w.get("ai")]
    for w in ai:
        row = rows[f"workflows[{w['id']}].ai.adoption"]
        fast = row[2 + 2]           # C baseline, D bets-fail, E fast
        assert fast.value == f"=MAX(0.0,MIN(1.0,ScenarioInputs!$C${row[0].row}*1.1))"
        assert row[2].value == w["ai"]["adoption"]
    i = next(k for k, w in enumerate(data["workflows"]) if w.get("ai"))
    adoption = wb["Workflows"][f"{Layout.wf['adoption']}{Layout.FIRST + i}"]
    assert adoption.data_type == "f" and adoption.value.startswith("=ScenarioInputs!$")
    assert adoption.protection.locked and adoption.comment is not None
    assert "Follows the scenario" in adoption.comment.text
    assert values["Workflows"][adoption.coordinate].value == data["workflows"][i]["ai"]["adoption"]
    reduction = _named(wb, "reduction")                # a choice, overridden by "attrition"
    assert reduction.value.startswith("=ScenarioInputs!$") and values["Assumptions"][
        reduction.coordinate].value == "layoffs"


def test_scenarios_sheet_holds_each_scenario_as_the_engine_computes_it(bundled):
    data, _, _, values = bundled
    ws = values["Scenarios"]
    numbers = _numbers(ws)
    for sc in compare(data):
        s = sc.result.summary
        for x in (s["npv_net_cash"], s["cumulative_net_cash"], s["final"]["headcount"],
                  s["final"]["payroll_annual"], s["final"]["compute_per_month"]):
            assert any(x == pytest.approx(n, rel=1e-9) for n in numbers), (sc.id, x)
    texts = _texts(ws)
    assert "Change from the baseline" in texts and "computed by OrgPlanner at export" in " ".join(texts)
    assert any("workflows[*].ai.adoption x 1.1" in t for t in texts)


def test_risk_sheet_holds_the_percentiles_bets_tornado_and_break_even(bundled):
    data, path, _, values = bundled
    ws = values["Risk"]
    report = analyse(data, draws=300, seed=7).to_json()
    numbers = _numbers(ws)
    for metric in ("npv_net_cash", "headcount", "compute_per_month"):
        for q in ("p10", "p50", "p90"):
            assert any(report["percentiles"][metric][q] == pytest.approx(n) for n in numbers)
    assert report["payback_probability"] in numbers
    for bet in report["bets"]:
        assert any(bet["npv_net_cash"] == pytest.approx(n) for n in numbers)
    for row in report["tornado"]:
        assert any(row["swing"] == pytest.approx(n) for n in numbers)
    text = " ".join(_texts(ws))
    assert "300 draws, seed 7" in text and "2,000" in text
    for sentence in break_even_sentences(report["break_even"]):
        assert sentence[:60] in text
    with zipfile.ZipFile(path) as z:
        charts = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/charts/chart")]
    tornado = [c for c in charts if "Tornado" in c]
    assert len(tornado) == 1 and 'barDir val="bar"' in tornado[0] and "<strRef>" in tornado[0]


def test_hosting_sheet_holds_the_cost_table_crossovers_and_verdict(bundled):
    data, _, _, values = bundled
    ws = values["Hosting"]
    report = hosting.analyse(compute(parse_plan(data)), per_decade=4).to_json()
    text = " ".join(_texts(ws))
    numbers = _numbers(ws)
    assert report["workloads"]
    for w in report["workloads"]:
        assert w["verdict"][:80] in text.replace("\n", " ") or w["verdict"][:40] in text
        for o in w["options"]:
            assert any(o["at_plan"]["cost"] == pytest.approx(n) for n in numbers)
            assert any(o["cost"][-1] == pytest.approx(n) for n in numbers)
        assert any(w["grid"][0] == pytest.approx(n) for n in numbers)
    busy = [c for row in ws.iter_rows() for c in row if c.number_format == "0.0%"]
    assert busy, "busy shares"
    tokens = [c for row in ws.iter_rows() for c in row if '"B"' in str(c.number_format)]
    assert tokens


def test_summary_says_where_it_comes_from_and_checks_itself(bundled):
    _, _, wb, values = bundled
    texts = " ".join(_texts(wb["Summary"]))
    assert f"OrgPlanner {__version__}" in texts and "northwind.orgplan.json" in texts
    props = {p.name: p.value for p in wb.custom_doc_props.props}
    assert props["OrgPlanner version"] == __version__ and props["Plan file"] == "northwind.orgplan.json"
    assert __version__ in wb.properties.creator
    check = _named(wb, "export_check")
    assert check.data_type == "f" and "check_flags" in check.value
    assert _named(values, "export_check").value == "Matches the app's figures at export"
    assert NO_WARNINGS in texts


def test_evidence_warnings_are_listed_by_place(tmp_path):
    data = PLANS["owned"]()
    plan = parse_plan(data)
    warnings = evidence_warnings(plan, compute(plan))
    assert warnings
    path = tmp_path / "owned.xlsx"
    export_workbook(plan, path, draws=50)
    texts = _texts(openpyxl.load_workbook(path)["Summary"])
    listed = [t for t in texts if t.startswith("• ")]
    assert len(listed) >= len(warnings[:12])
    assert any("Models › qwen" in t for t in listed), listed    # in words, as the app says it


def test_a_typo_in_any_drop_down_or_number_is_refused_with_a_message(bundled):
    _, _, wb, _ = bundled
    count = 0
    for ws in wb.worksheets:
        for dv in ws.data_validations.dataValidation:
            assert dv.showErrorMessage and dv.errorStyle == "stop" and dv.error, (ws.title, dv.sqref)
            count += 1
    assert count > 20
    roles = wb["Roles"]
    kinds = [dv for dv in roles.data_validations.dataValidation if dv.formula1 == '"ic,manager"']
    (kind,) = kinds
    last = Layout.FIRST + sum(1 for row in roles.iter_rows(min_row=2) if row[1].value) - 1 + SPARE_ROLES
    assert f"C{last}" in kind.sqref                  # spare rows too
    (team,) = [dv for dv in roles.data_validations.dataValidation if dv.formula1.startswith("Teams!")]
    assert team.type == "list" and "team" in team.error
    (parent,) = [dv for dv in wb["Teams"].data_validations.dataValidation
                 if dv.formula1.startswith("Teams!")]
    assert "C" in str(parent.sqref)
    span = [dv for dv in wb["Teams"].data_validations.dataValidation
            if str(dv.sqref).startswith(Layout.team["target_span"])]
    assert span and float(span[0].formula1) > 0       # a target span of 0 is refused


def test_spare_rows_are_empty_inputs_with_a_note_on_how_to_add_one(bundled):
    data, _, wb, _ = bundled
    for sheet, count, spare in (("Teams", len(data["teams"]), SPARE_TEAMS),
                                ("Workflows", len(data["workflows"]), SPARE_WORKFLOWS)):
        ws = wb[sheet]
        first_spare = Layout.FIRST + count
        for r in range(first_spare, first_spare + spare):
            a = ws[f"A{r}"]
            assert a.value is None and not a.protection.locked and a.fill.fgColor.rgb.endswith("FFF8E1")
        assert ws[f"A{first_spare + spare}"].value is None
        note = ws[f"A{first_spare + spare + 1}"].value
        assert note.startswith("To add a") and "first empty yellow row" in note
        assert ws.protection.sheet and not ws.protection.formatColumns


def test_horizon_and_start_month_are_locked_with_a_note(bundled):
    _, _, wb, _ = bundled
    ws = wb["Assumptions"]
    assert ws.protection.sheet and ws.protection.password is None
    for key in ("horizon_months", "start_month"):
        cell = _named(wb, key)
        assert cell.protection.locked
        assert "Fixed at export" in ws[f"E{cell.row}"].value
    assert not _named(wb, "pue").protection.locked          # an input no scenario changes
    source = ws[f"F{_named(wb, 'pue').row}"].value
    assert "Uptime Institute" in source


def test_tokens_changes_and_n_a_read_right(bundled):
    _, _, wb, _ = bundled
    tokens = '[>=1000000000]#,##0.0,,,"B"'
    monthly = wb["Monthly"]
    header = [c.value for c in monthly[2]]
    for key in ("tokens_in", "tokens_out"):
        assert monthly.cell(row=3, column=header.index(key) + 1).number_format.startswith(tokens)
    assert wb["Workflows"][f"{Layout.wf['final_tin']}2"].number_format.startswith(tokens)
    summary = wb["Summary"]
    payroll = next(r for r in summary.iter_rows() if r[1].value == "Payroll per year")
    change = payroll[5]
    assert change.number_format.startswith("[Red]+") and change.alignment.horizontal == "right"
    assert any("costs and savings are both positive" in t for t in _texts(summary))
    busy = wb["Models"][f"{Layout.model['final_busy']}2"]
    assert busy.alignment.horizontal == "right"          # an "n/a" sits where numbers do
    note = wb["Workflows"][f"{Layout.wf['note']}2"]
    assert note.alignment.wrap_text and wb["Workflows"].column_dimensions[Layout.wf["note"]].width >= 40


def test_charts_name_the_months_and_headcount_starts_today(bundled):
    _, path, wb, values = bundled
    with zipfile.ZipFile(path) as z:
        charts = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/charts/chart")]
    months = [c for c in charts if "Tornado" not in c]
    assert len(months) == 4
    for c in months:
        assert "<cat><strRef>" in c and "<cat><numRef>" not in c
    headcount = next(c for c in months if "Headcount by month" in c)
    assert "<min " not in headcount and "$2:" in headcount     # from month 0, no fixed minimum
    cal = values["Calendar"]
    assert cal["B2"].value == "Today" and cal["A2"].value == 0


def test_wide_sheets_print_on_readable_pages(bundled):
    _, _, wb, _ = bundled
    for name in ("Workflows", "TeamMonths", "Monthly"):
        ps = wb[name].page_setup
        assert ps.paperSize == 1 and int(ps.fitToWidth) >= 2, name        # USD: Letter
    assert int(wb["Summary"].page_setup.fitToWidth) == 1


def test_export_needs_no_data_when_given_a_plan(tmp_path):
    """The app passes the Plan alone: its scenarios come back as data (a null override too)."""
    data = PLANS["scenarios"]()
    path = tmp_path / "s.xlsx"
    export_workbook(parse_plan(data), path, draws=20)
    wb = openpyxl.load_workbook(path)
    rows = [r[0].value for r in wb["ScenarioInputs"].iter_rows(min_row=7)]
    assert "workflows[cases].volume_growth_per_year" in rows
    assert [c.value for c in wb["ScenarioInputs"][5]][2:5] == ["Baseline", "Bear case", "Bull case"]


def test_a_payback_that_falls_below_0_again_says_so_as_the_app_does(bundled):
    """"Bets go wrong" reaches 0 in month 8 and is below 0 again by the end: the cell stays the
    number 8 and reads "month 8, then below 0", as the app, the brief and the CLI say it."""
    data, _, formulas, values = bundled
    below = {sc.name for sc in compare(data) if sc.result.summary["cumulative_net_cash"] < 0
             and sc.result.summary["payback_month"]}
    assert below, "the bundled example should hold such a scenario"
    ws = values["Scenarios"]
    head = next(r for r in ws.iter_rows() if r[1].value == "Figure")
    row = next(r for r in ws.iter_rows() if r[1].value == "Payback month")
    seen = 0
    for name_cell, cell in zip(head[2:], row[2:], strict=False):
        if name_cell.value is None:
            continue
        assert isinstance(cell.value, int | float)
        assert ("then below 0" in cell.number_format) == (name_cell.value in below)
        seen += 1
    assert seen == len(compare(data))
    risk = values["Risk"]
    all_four = next(r for r in risk.iter_rows() if str(r[1].value).startswith("All four fail"))
    report = analyse(data, draws=300, seed=7).to_json()
    bet = next(b for b in report["bets"] if b["bet"] == "all")
    assert ("then below 0" in all_four[4].number_format) == (
        bool(bet["payback_month"]) and bet["cumulative_net_cash"] < 0)
    # the Summary's live words beside the payback month follow the running total
    extra = [c.value for r in formulas["Summary"].iter_rows() for c in r
             if isinstance(c.value, str) and "then below 0 by the end" in c.value]
    assert extra and extra[0].startswith("=IF(ISNUMBER(")
