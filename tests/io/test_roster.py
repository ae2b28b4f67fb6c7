"""The AdventureWorks roster: the analysis matches the figures worked out by hand from the file
(SOURCE.md), whatever form the file takes (XLSX, renamed headers, UTF-16, BOM + semicolons)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from conftest import ADVENTUREWORKS

from planner.io.roster import load_roster, read_table, sheet_names

AW = ADVENTUREWORKS
pytestmark = pytest.mark.skipif(not AW.exists(), reason="AdventureWorks roster not available")

SPAN_DISTRIBUTION = {1: 3, 2: 4, 3: 3, 4: 6, 5: 8, 6: 6, 7: 5, 8: 4, 10: 2, 11: 1, 12: 3, 13: 1, 22: 1}
LAYER_COUNTS = {1: 1, 2: 6, 3: 27, 4: 66, 5: 190}
MANAGERS_PER_LAYER = {1: 1, 2: 6, 3: 12, 4: 28, 5: 0}
RENAMED = ["Worker ID", "Full Name", "Position", "Dept", "Supervisor ID", "Salary", "FTE"]


def _rows() -> list[list[str]]:
    with AW.open(encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def _renamed_rows() -> list[list[str]]:
    """The same people under other headers and in another column order."""
    header, *body = _rows()
    pos = {h: i for i, h in enumerate(header)}
    order = ["employee_id", "name", "job_title", "department", "manager_id", "annual_cost", "fte"]
    return [RENAMED] + [[r[pos[c]] for c in order] for r in body]


def _write_text(path: Path, rows: list[list[str]], *, delimiter: str, encoding: str) -> Path:
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buf.getvalue().encode(encoding))
    return path


def _assert_adventureworks(a) -> None:
    assert a.employees == 290
    assert a.managers == 47
    assert a.layers == 5
    assert a.mean_span == pytest.approx(6.149, rel=1e-3)
    assert a.mean_span == pytest.approx(289 / 47)
    assert a.median_span == 5
    assert a.span_distribution == SPAN_DISTRIBUTION
    assert a.layer_counts == LAYER_COUNTS
    assert a.managers_per_layer == MANAGERS_PER_LAYER
    assert a.roster.messages == []
    assert len(a.departments) == 16
    assert float(a.roster.cost.sum()) == 10_971_158


def test_adventureworks_matches_hand_computed_figures():
    a = load_roster(AW)
    _assert_adventureworks(a)
    r = a.roster
    ceo = int(a.roots[0])
    assert (r.ids[ceo], r.names[ceo]) == ("1", "Ken Sánchez")
    # The widest span: Peter Krebs, 22 reports; the narrow ones include the three spans of 1.
    assert [r.names[i] for i in a.wide] == ["Peter Krebs"]
    ones = sorted(r.names[i] for i in a.narrow if a.span[i] == 1)
    assert ones == ["Syed Abbas", "Terri Duffy", "Wendy Kahn"]
    chains = {(r.names[m], r.names[c]) for m, c in a.single_report_chains}
    assert chains == {("Terri Duffy", "Roberto Tamburello"), ("Wendy Kahn", "Sheela Word")}
    depts = {d["department"]: d["employees"] for d in a.departments}
    assert depts["Production"] == 179 and depts["Executive"] == 2 and sum(depts.values()) == 290


def test_json_has_the_documented_keys():
    j = load_roster(AW).to_json()
    assert j["employees"] == 290 and j["managers"] == 47 and j["layers"] == 5
    assert j["span_distribution"] == {str(k): v for k, v in SPAN_DISTRIBUTION.items()}
    assert j["layer_counts"] == {str(k): v for k, v in LAYER_COUNTS.items()}
    assert j["median_span"] == 5 and j["problems"] == []


def test_xlsx_gives_the_same_result(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Notes"
    ws.append(["This workbook's roster is on the next sheet"])
    ws2 = wb.create_sheet("People")
    header, *body = _rows()
    ws2.append(header)
    for row in body:
        # Numbers as numbers, as a spreadsheet holds them.
        ws2.append([int(row[0]), row[1], row[2], row[3], int(row[4]) if row[4] else None,
                    float(row[5]), float(row[6])])
    path = tmp_path / "roster.xlsx"
    wb.save(path)
    assert sheet_names(path) == ["Notes", "People"]
    a = load_roster(path, sheet="People")
    _assert_adventureworks(a)
    assert a.roster.lines[0] == 2  # messages name sheet rows as Excel shows them


def test_renamed_headers_give_the_same_result(tmp_path):
    path = _write_text(tmp_path / "export.csv", _renamed_rows(), delimiter=",", encoding="utf-8")
    a = load_roster(path)
    assert a.roster.mapping == {
        "employee_id": "Worker ID", "name": "Full Name", "manager_id": "Supervisor ID",
        "team": "Dept", "job_title": "Position", "annual_cost": "Salary", "fte": "FTE"}
    _assert_adventureworks(a)


def test_utf16_tab_separated_gives_the_same_result(tmp_path):
    # Excel's "Unicode text": UTF-16 little-endian with a BOM, tab-separated.
    path = _write_text(tmp_path / "roster.txt", _renamed_rows(), delimiter="\t", encoding="utf-16")
    table = read_table(path)
    assert (table.encoding, table.delimiter) == ("UTF-16", "\t")
    a = load_roster(path)
    _assert_adventureworks(a)
    assert "Ken Sánchez" in set(a.roster.names)


def test_utf8_bom_semicolons_give_the_same_result(tmp_path):
    path = _write_text(tmp_path / "roster.csv", _rows(), delimiter=";", encoding="utf-8-sig")
    table = read_table(path)
    assert (table.encoding, table.delimiter) == ("UTF-8 with BOM", ";")
    assert table.columns[0] == "employee_id"  # no BOM glued to the first header
    _assert_adventureworks(load_roster(path))


def test_windows_1252_pipe_separated(tmp_path):
    path = _write_text(tmp_path / "roster.csv", _rows(), delimiter="|", encoding="cp1252")
    a = load_roster(path)
    _assert_adventureworks(a)
    assert "Ken Sánchez" in set(a.roster.names)


def test_title_rows_above_the_header_are_skipped(tmp_path):
    rows = [["HR export, generated 2026-01-31"], [], *_rows()]
    path = _write_text(tmp_path / "roster.csv", rows, delimiter=",", encoding="utf-8")
    a = load_roster(path)
    _assert_adventureworks(a)
    assert a.roster.lines[0] == 4


def test_mapping_can_be_corrected(tmp_path):
    rows = _renamed_rows()
    rows[0][3] = "Cost Centre Name"  # not a header the guess knows well
    rows[0][4] = "Boss"
    path = _write_text(tmp_path / "roster.csv", rows, delimiter=",", encoding="utf-8")
    a = load_roster(path, mapping={"manager_id": "Boss", "team": "cost centre name"})
    _assert_adventureworks(a)
