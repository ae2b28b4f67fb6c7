"""The workbook as a reader meets it (no LibreOffice needed): structure, names, formats,
safety of user text, and what happens when writing fails or is cancelled."""

from __future__ import annotations

import os
import zipfile

import openpyxl
import pytest
from excel_plans import INJECTIONS, PLANS

from planner.cli import main as cli_main
from planner.engine import MONTHLY_KEYS, YEAR_KEYS, compute
from planner.io.excel import (
    NAMED_RESULT_KEYS,
    ExportCancelled,
    ExportError,
    export_workbook,
)
from planner.io.excel.layout import MONTHLY_COL, SETTING_KEYS
from planner.model import parse_plan

SHEETS = ["Summary", "Scenarios", "Risk", "Hosting", "Assumptions", "ScenarioInputs", "Teams", "Roles",
          "Workflows", "Models", "GPUs", "Monthly",
          "Years", "TeamMonths", "TeamTree", "WorkflowMonths", "ModelMonths", "Calendar"]


@pytest.fixture(scope="module")
def northwind_xlsx(tmp_path_factory):
    from excel_plans import EXAMPLE

    from planner.io.planfile import load_plan

    path = tmp_path_factory.mktemp("nw") / "northwind.xlsx"
    export_workbook(load_plan(EXAMPLE), path)
    return path


def test_workbook_has_the_sheets_names_and_monthly_table(northwind_xlsx):
    wb = openpyxl.load_workbook(northwind_xlsx)
    assert wb.sheetnames == SHEETS
    for name in (*SETTING_KEYS, *NAMED_RESULT_KEYS):
        dests = list(wb.defined_names[name].destinations)
        assert len(dests) == 1
        sheet, ref = dests[0]
        assert sheet in wb.sheetnames and wb[sheet][ref.replace("$", "")] is not None
    ((sheet, ref),) = list(wb.defined_names["price_decline_per_year"].destinations)
    assert wb[sheet][ref.replace("$", "")].value == 0.4     # named in place
    table = wb["Monthly"].tables["Monthly"]
    assert [c.name for c in table.tableColumns] == list(MONTHLY_KEYS)
    assert [c.value for c in wb["Monthly"][2]][: len(MONTHLY_KEYS)] == list(MONTHLY_KEYS)
    assert set(YEAR_KEYS) <= {c.value for c in wb["Years"][2]}
    assert wb.calculation.fullCalcOnLoad


def test_results_are_formulas_with_the_engine_figures_cached(northwind_xlsx, northwind):
    formulas = openpyxl.load_workbook(northwind_xlsx)
    cached = openpyxl.load_workbook(northwind_xlsx, data_only=True)
    summary = compute(northwind).summary
    ((sheet, ref),) = list(formulas.defined_names["cumulative_net_cash"].destinations)
    cell = ref.replace("$", "")
    assert formulas[sheet][cell].data_type == "f"
    assert cached[sheet][cell].value == pytest.approx(summary["cumulative_net_cash"], rel=1e-9)
    monthly = formulas["Monthly"]
    for col in range(3, len(MONTHLY_KEYS) + 1):          # every result column is a formula
        assert monthly.cell(row=3, column=col).data_type == "f"
    text = " ".join(str(c.value) for ws in formulas.worksheets for row in ws.iter_rows()
                    for c in row if c.data_type == "f")
    for banned in ("LET(", "LAMBDA(", "XLOOKUP(", "FILTER(", "[", "http"):
        assert banned not in text


@pytest.mark.parametrize("case", ["growth", "attrition", "redeploy"])
def test_formulas_use_only_functions_every_spreadsheet_evaluates(tmp_path, case):
    """Excel 2016+ and LibreOffice both evaluate these (no dynamic arrays, no IFERROR,
    no MATCH: its wildcards would misread ids containing * or ?)."""
    import re

    path = tmp_path / f"{case}.xlsx"
    export_workbook(parse_plan(PLANS[case]()), path)
    wb = openpyxl.load_workbook(path)
    used = {name for ws in wb.worksheets for row in ws.iter_rows() for c in row
            if c.data_type == "f" for name in re.findall(r"([A-Z][A-Z0-9.]*)\(", c.value)}
    allowed = {"SUMPRODUCT", "SUM", "INDEX", "IF", "MIN", "MAX", "INT", "LN", "ISNUMBER", "AND",
               "OR", "ABS", "COUNT", "ROW", "TRIM"}
    assert used <= allowed, used - allowed
    assert {"SUMPRODUCT", "INDEX", "LN"} <= used
    assert wb.calculation.fullCalcOnLoad


def test_formatting_for_people(northwind_xlsx):
    wb = openpyxl.load_workbook(northwind_xlsx)
    summary = wb["Summary"]
    ((_, ref),) = list(wb.defined_names["cumulative_net_cash"].destinations)
    assert '"$"#,##0' in summary[ref.replace("$", "")].number_format
    ((_, share),) = list(wb.defined_names["redeploy_share"].destinations)
    assert wb["Assumptions"][share.replace("$", "")].number_format == "0%"
    assert summary.page_setup.orientation == "landscape"
    assert wb["Teams"].freeze_panes == "C2" and wb["Monthly"].freeze_panes == "C3"
    assert wb["Teams"].print_title_rows == "$1:$1"
    teams = wb["Teams"]
    header = teams["A1"]
    assert header.font.b
    inp, out = teams["A2"], teams["J2"]                               # team id vs ICs today (formula)
    assert inp.fill.fgColor.rgb != out.fill.fgColor.rgb and out.data_type == "f"
    assert teams.column_dimensions["B"].width >= 20
    assert "Northwind Software 2027" in wb.properties.title
    assert {p.name for p in wb.custom_doc_props.props} >= {"Plan name", "Exported"}
    legend = [c.value for row in wb["Assumptions"].iter_rows(max_row=4) for c in row]
    assert "Input" in legend and "Calculated" in legend
    with zipfile.ZipFile(northwind_xlsx) as z:
        charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
    assert len(charts) == 4


@pytest.mark.parametrize("values_only", [False, True])
def test_user_text_that_looks_like_a_formula_is_written_as_text(tmp_path, values_only):
    path = tmp_path / "inject.xlsx"
    export_workbook(parse_plan(PLANS["redeploy"]()), path, values_only=values_only)
    wb = openpyxl.load_workbook(path)
    cells = {c.value: c for ws in wb.worksheets for row in ws.iter_rows() for c in row
             if isinstance(c.value, str)}
    for s in INJECTIONS[:4]:
        assert s in cells, s
        assert cells[s].data_type == "s"
        assert cells[s].quotePrefix, f"{s!r} would run if the reader edited and re-entered the cell"
    assert wb["Summary"]["B1"].value == "=1+1" and wb["Summary"]["B1"].data_type == "s"


def test_values_only_has_the_same_layout_and_no_formulas(tmp_path, northwind):
    path = tmp_path / "values.xlsx"
    export_workbook(northwind, path, values_only=True)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == SHEETS
    assert not [c for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.data_type == "f"]
    summary = compute(northwind).summary
    ((sheet, ref),) = list(wb.defined_names["final_headcount"].destinations)
    assert wb[sheet][ref.replace("$", "")].value == summary["final"]["headcount"]
    records = compute(northwind).monthly_records
    net_cash = f"{MONTHLY_COL['net_cash']}{2 + len(records)}"          # Monthly: 2 header rows
    assert wb["Monthly"][net_cash].value == pytest.approx(records[-1]["net_cash"])


def test_progress_goes_from_zero_to_one(tmp_path, northwind):
    seen = []
    export_workbook(northwind, tmp_path / "p.xlsx", progress=lambda f, m: seen.append((f, m)))
    fractions = [f for f, _ in seen]
    assert fractions[0] == 0.0 and fractions[-1] == 1.0 and len(seen) >= 5
    assert fractions == sorted(fractions) and all(isinstance(m, str) and m for _, m in seen)


def _leftovers(folder):
    return sorted(p.name for p in folder.iterdir())


def test_cancel_stops_and_leaves_the_old_file_untouched(tmp_path, northwind):
    path = tmp_path / "plan.xlsx"
    path.write_bytes(b"old workbook")
    calls = []

    def cancel():
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(ExportCancelled):
        export_workbook(northwind, path, cancel=cancel)
    assert path.read_bytes() == b"old workbook"
    assert _leftovers(tmp_path) == ["plan.xlsx"]


def test_a_missing_folder_fails_with_a_message_and_no_file(tmp_path, northwind):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(ExportError) as err:
        export_workbook(northwind, blocker / "plan.xlsx")
    assert "plan.xlsx" in str(err.value)
    with pytest.raises(ExportError, match="does not exist"):
        export_workbook(northwind, tmp_path / "missing" / "plan.xlsx")
    assert _leftovers(tmp_path) == ["not-a-folder"]


def test_permission_denied_keeps_the_old_file_and_leaves_no_temp_file(tmp_path, northwind, monkeypatch):
    path = tmp_path / "plan.xlsx"
    path.write_bytes(b"old workbook")

    def denied(src, dst):
        raise PermissionError(13, "Permission denied", str(dst))

    monkeypatch.setattr(os, "replace", denied)
    with pytest.raises(ExportError) as err:
        export_workbook(northwind, path)
    assert "permission denied" in str(err.value) and "close the file" in str(err.value)
    assert path.read_bytes() == b"old workbook"
    assert _leftovers(tmp_path) == ["plan.xlsx"]


def test_disk_full_while_saving_is_a_message(tmp_path, northwind, monkeypatch):
    import errno

    from openpyxl.writer.excel import ExcelWriter

    def full(self):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(ExcelWriter, "save", full)
    with pytest.raises(ExportError, match="disk is full"):
        export_workbook(northwind, tmp_path / "plan.xlsx")
    assert _leftovers(tmp_path) == []


def test_cli_export(tmp_path, northwind_path, capsys):
    out = tmp_path / "board.xlsx"
    assert cli_main(["export", str(northwind_path), "-o", str(out)]) == 0
    assert "Wrote" in capsys.readouterr().out and out.exists()
    assert cli_main(["export", str(northwind_path), "-o", str(tmp_path / "v.xlsx"), "--values"]) == 0
    assert cli_main(["export", str(northwind_path), "-o", str(tmp_path / "board.csv")]) == 1
    assert "xlsx" in capsys.readouterr().err
    assert cli_main(["export", str(northwind_path), "-o", str(tmp_path / "no" / "x.xlsx")]) == 1
    err = capsys.readouterr().err
    assert "does not exist" in err and "Traceback" not in err
    assert cli_main(["export", str(northwind_path), "-o", str(out), "--draws", "50", "--seed", "3"]) == 0
    wb = openpyxl.load_workbook(out)
    risk = " ".join(str(c.value) for row in wb["Risk"].iter_rows() for c in row if c.value)
    summary = " ".join(str(c.value) for row in wb["Summary"].iter_rows() for c in row if c.value)
    assert northwind_path.name in summary
    assert "no ranges" in risk or "50 draws, seed 3" in risk
    with pytest.raises(SystemExit):
        cli_main(["export", str(northwind_path), "-o", str(out), "--draws", "0"])
    assert "--draws" in capsys.readouterr().err


def test_ids_differing_only_in_case_are_a_warning_at_validate_and_export(tmp_path, northwind_data,
                                                                         capsys):
    # Excel compares text without case: "Ops" and "ops" would be mixed in the workbook's
    # lookups, so the per-team figures of both would be wrong without a word.
    import json

    northwind_data["teams"].append({"id": "EXEC", "name": "Shadow", "roles": []})
    path = tmp_path / "case.orgplan.json"
    path.write_text(json.dumps(northwind_data), encoding="utf-8")
    warning = ('case.orgplan.json: warning: teams[10].id: "EXEC" differs from "exec" (teams[0]) '
               "only in case, and Excel treats them as one id: rename one before exporting to Excel")
    assert cli_main(["validate", str(path)]) == 0
    assert warning in capsys.readouterr().err
    assert cli_main(["export", str(path), "-o", str(tmp_path / "case.xlsx")]) == 0
    captured = capsys.readouterr()
    assert warning in captured.err and "Wrote" in captured.out
    northwind_data["teams"][0]["roles"][0]["headcount"] = -1
    path.write_text(json.dumps(northwind_data), encoding="utf-8")
    assert cli_main(["export", str(path), "-o", str(tmp_path / "bad.xlsx")]) == 1
    assert "teams[0].roles[0].headcount: must be >= 0" in capsys.readouterr().err
    assert not (tmp_path / "bad.xlsx").exists()
