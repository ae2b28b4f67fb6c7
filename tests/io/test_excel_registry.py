"""The workbook's input sheets say what the field registry says (planner/plan/fields.py):
every setting has a named input cell with its label, unit, meaning and format; every item
input column its label and meaning; every drop-down the registry's choices; every number
check the registry's bounds. A field added to the registry and not to the workbook fails."""

from __future__ import annotations

import re

import openpyxl
import pytest
from excel_plans import PLANS
from openpyxl.utils import column_index_from_string, get_column_letter

from planner.io.excel import export_workbook
from planner.io.excel.layout import Layout
from planner.io.excel.registry import GPU_FIELDS, MODEL_FIELDS, ROLE_FIELDS, TEAM_FIELDS, WF_FIELDS
from planner.model import parse_plan
from planner.plan import fields
from planner.plan.fields import Spec

ITEM_SHEETS = {"Teams": (TEAM_FIELDS, Layout.team), "Roles": (ROLE_FIELDS, Layout.role),
               "Workflows": (WF_FIELDS, Layout.wf), "Models": (MODEL_FIELDS, Layout.model),
               "GPUs": (GPU_FIELDS, Layout.gpu)}
# Exported elsewhere or not at all: the plan's own keys (titles), the stress bets (risk), and
# the notes of nested blocks (a workflow's AI block, its compute, a team's AI seats).
NOT_INPUT_COLUMNS = {"plan", "settings", "stress"}


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    path = tmp_path_factory.mktemp("registry") / "attrition.xlsx"
    export_workbook(parse_plan(PLANS["attrition"]()), path)
    return openpyxl.load_workbook(path)


def _validations(ws) -> dict[str, object]:
    """Cell (``B9``) -> its data validation (ranges expanded to their first cell's column)."""
    out = {}
    for dv in ws.data_validations.dataValidation:
        for cr in dv.sqref.ranges:
            for col in range(cr.min_col, cr.max_col + 1):
                for row in (cr.min_row, cr.max_row):
                    out[f"{get_column_letter(col)}{row}"] = dv
    return out


def _check_format(s: Spec, fmt: str) -> None:
    decimals = re.search(r"0\.(0+)", fmt)
    shown = len(decimals.group(1)) if decimals else 0
    if s.show == "percent":
        assert fmt.endswith("%") and shown == s.decimals, (s.name, fmt)
    elif s.show == "money":
        assert '"€"' in fmt and (shown >= 2 if s.decimals else shown == 0), (s.name, fmt)
    elif s.numeric:
        assert "%" not in fmt and shown == (0 if s.kind == "whole" else s.decimals), (s.name, fmt)


def _check_validation(s: Spec, dv) -> None:
    if s.kind == "choice":
        assert dv is not None and dv.type == "list", s.name
        assert dv.formula1 == '"' + ",".join(k for k, _ in s.choices) + '"', s.name
        return
    if not s.numeric or (s.minimum is None and s.maximum is None):
        return
    assert dv is not None and dv.type == ("whole" if s.kind == "whole" else "decimal"), s.name
    lo = s.minimum + (1e-9 if s.min_open else 0)
    hi = s.maximum - (1e-9 if s.max_open else 0)
    assert dv.operator == "between", s.name
    assert float(dv.formula1) == pytest.approx(lo, abs=1e-12), s.name
    assert float(dv.formula2) == pytest.approx(hi, abs=1e-12), s.name


def test_every_setting_is_a_named_input_cell_as_the_registry_describes_it(book):
    ws = book["Assumptions"]
    checks = _validations(ws)
    header = [c.value for c in ws[Layout.SETTINGS_ROW - 1]]
    unit_col, source_col = header.index("Unit"), header.index("Source of the default")
    meaning_col = source_col - 1
    for s in fields.settings():
        ((sheet, ref),) = list(book.defined_names[s.key].destinations)
        assert sheet == "Assumptions"
        cell = ws[ref.replace("$", "")]
        row = [c.value for c in ws[cell.row]]
        assert row[0] == s.label, s.key
        assert s.unit in (row[unit_col] or ""), s.key
        meaning = row[meaning_col]
        assert s.meaning in meaning and (not s.source or s.source in row[source_col]), s.key
        if not s.required and s.describe_default():
            assert f"Default: {s.describe_default()}" in meaning, s.key
        if s.describe_range():
            assert s.describe_range() in meaning, s.key
        value = getattr(parse_plan(PLANS["attrition"]()).settings, s.key)
        assert cell.value == value or (value is None and cell.value in (None, "")), s.key
        _check_format(s, cell.number_format)
        if s.key in ("start_month", "horizon_months"):     # one column per month: locked
            assert cell.protection.locked and ws.protection.sheet, s.key
            assert "Fixed at export" in meaning, s.key
        else:
            assert not cell.protection.locked, s.key
            _check_validation(s, checks.get(cell.coordinate))


def test_every_item_input_column_comes_from_the_registry(book):
    for sheet, (specs, cols) in ITEM_SHEETS.items():
        ws = book[sheet]
        checks = _validations(ws)
        for key, s in specs.items():
            col = cols[key]
            head = ws[f"{col}1"]
            assert head.value.startswith(s.label), (sheet, key, head.value)
            if s.unit:
                assert s.unit in head.value, (sheet, key)
            assert head.comment is not None and s.meaning in head.comment.text, (sheet, key)
            first = ws[f"{col}{Layout.FIRST}"]
            if s.numeric and first.value is not None:
                _check_format(s, first.number_format)
            _check_validation(s, checks.get(f"{col}{Layout.FIRST}"))
            assert column_index_from_string(col) <= len(specs) + (sheet == "Roles")


def test_every_registry_field_of_an_item_has_an_input_column():
    exported = {s.name for specs, _ in ITEM_SHEETS.values() for s in specs.values()}
    for s in fields.FIELDS:
        if s.obj in NOT_INPUT_COLUMNS or (s.key == "note" and s.obj in ("ai", "compute", "ai_seats")):
            continue
        assert s.name in exported, f"{s.name} has no column on the workbook's input sheets"


def test_every_drop_down_lists_the_registry_choices(book):
    choices = {",".join(k for k, _ in s.choices) for s in fields.FIELDS if s.kind == "choice"}
    lists = [dv for ws in book.worksheets for dv in ws.data_validations.dataValidation
             if dv.type == "list" and dv.formula1.startswith('"')]
    assert len(lists) == 6       # policy, reduction, role kind, ramp, hosting, pricing
    for dv in lists:
        assert dv.formula1.strip('"') in choices
