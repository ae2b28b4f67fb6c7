"""Broken and hostile rosters: one clear message naming the file, never a parser's words."""

from __future__ import annotations

import pytest
from hostile_files import BOMB_DTD, ROSTER, SHEET_HEAD, WORKBOOK, sheet_xml, write_xlsx

from planner.cli import main as cli_main
from planner.io.roster import RosterError, load_roster, read_table
from planner.io.roster import xlsx as xlsx_reader

UNREADABLE = "not a readable .xlsx workbook"
BODY = WORKBOOK[WORKBOOK.index("<workbook"):]
BOMB_SHEET = ('<?xml version="1.0"?>' + BOMB_DTD + SHEET_HEAD[SHEET_HEAD.index("<worksheet"):]
              + '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c>'
              "</row></sheetData></worksheet>")


def _refusal(path, capsys) -> str:
    assert cli_main(["roster", str(path)]) == 1
    err = capsys.readouterr().err
    assert "unexpected" not in err and "Traceback" not in err and err.count("\n") == 1
    return err


def test_a_hand_made_workbook_reads(tmp_path):
    a = load_roster(write_xlsx(tmp_path / "ok.xlsx"))
    assert (a.employees, a.layers) == (3, 3)


@pytest.mark.parametrize(("case", "parts"), [
    ("malformed sheet", {"sheet": SHEET_HEAD + "<sheetData><row r='1'><c r='A1'"}),
    ("malformed workbook.xml", {"workbook": "<workbook><sheets>"}),
    ("bomb in the sheet", {"sheet": BOMB_SHEET}),
    ("bomb in workbook.xml", {"workbook": '<?xml version="1.0"?>' + BOMB_DTD + BODY}),
    ("bomb in sharedStrings", {"parts": {"xl/sharedStrings.xml": BOMB_DTD + "<sst/>"}}),
    ("entity in the sheet", {"sheet": '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
                             + SHEET_HEAD[SHEET_HEAD.index("<worksheet"):] + "</worksheet>"}),
], ids=lambda v: v if isinstance(v, str) else "")
def test_broken_or_hostile_xml_is_not_a_readable_workbook(tmp_path, capsys, case, parts):
    path = write_xlsx(tmp_path / "roster.xlsx", **parts)
    err = _refusal(path, capsys)
    assert err.startswith(f"orgplanner: roster.xlsx: {UNREADABLE} (")
    if "bomb" in case or "entity" in case:
        assert "declares a DOCTYPE or entities" in err


def test_a_declared_dimension_of_the_whole_grid_costs_nothing(tmp_path):
    path = write_xlsx(tmp_path / "r.xlsx", sheet=sheet_xml(ROSTER, dimension="A1:XFD1048576"))
    table = read_table(path)
    assert table.frame.shape == (3, 4) and list(table.lines) == [2, 3, 4]


def test_an_empty_styled_cell_in_the_last_row_and_column_is_ignored(tmp_path):
    extra = '<row r="1048576"><c r="XFD1048576" s="1"/></row>'
    path = write_xlsx(tmp_path / "r.xlsx", sheet=sheet_xml(ROSTER, dimension="A1:XFD1048576",
                                                           extra=extra))
    assert read_table(path).frame.shape == (3, 4)


def test_a_value_beyond_the_column_cap_is_refused_naming_the_cell(tmp_path, capsys):
    extra = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    path = write_xlsx(tmp_path / "r.xlsx", sheet=sheet_xml(ROSTER, extra=extra))
    err = _refusal(path, capsys)
    assert "r.xlsx (Roster): cell XFD1048576 is beyond column GR; a roster has at most 200" in err


def test_rows_past_the_row_cap_are_refused_before_they_are_all_read(tmp_path, monkeypatch):
    monkeypatch.setattr(xlsx_reader, "MAX_ROWS", 3)
    path = write_xlsx(tmp_path / "r.xlsx")
    with pytest.raises(RosterError) as info:
        read_table(path)
    assert str(info.value).startswith("r.xlsx (Roster) row 4: the sheet holds more than 3 rows")


def test_gaps_between_rows_keep_the_sheet_row_numbers(tmp_path):
    rows = [ROSTER[0], [], ROSTER[1], [], [], ROSTER[2], ROSTER[3]]
    table = read_table(write_xlsx(tmp_path / "r.xlsx", sheet=sheet_xml(rows)))
    assert list(table.lines) == [3, 6, 7]


# -- CSV --------------------------------------------------------------------------------------

HEADER = "Employee ID,Name,Manager ID,Department\n"


def test_a_stray_quote_is_reported_at_its_line_in_plain_words(tmp_path, capsys):
    text = ("Staff list 2024\n\n" + HEADER + '1,Ann,,Exec\n2,"Bob ""B"" Smith",1,Eng\n'
            '3,"two\nlines",1,Eng\n4,Ed "the" man,1,Eng\n5,"Fay,2,Eng\n6,Gus,2,Eng\n')
    path = tmp_path / "roster.csv"
    path.write_text(text, encoding="utf-8")
    assert text.splitlines()[9 - 1] == '5,"Fay,2,Eng'
    err = _refusal(path, capsys)
    assert err == ('orgplanner: roster.csv line 9: a quote (") opens a field that never closes; '
                   "remove the stray quote or close it\n")


def test_a_row_with_extra_fields_is_reported_at_its_line_after_a_quoted_line_break(tmp_path,
                                                                                   capsys):
    path = tmp_path / "roster.csv"
    path.write_text("Title\n\n" + HEADER + '1,Ann,,Exec\n3,"two\nlines",1,Eng\n4,Dee,1,Eng,x,y\n',
                    encoding="utf-8")
    err = _refusal(path, capsys)
    assert err.startswith("orgplanner: roster.csv line 7: 6 fields where the header has 4;")


def test_rows_after_a_quoted_line_break_keep_their_editor_line_numbers(tmp_path):
    path = tmp_path / "roster.csv"
    path.write_text(HEADER + '1,Ann,,Exec\n3,"two\nlines",1,Eng\n4,Dee,x,Eng\n'
                    '5,Ed,1,"Eng\n\nops"\n6,Fi,zz,Eng\n', encoding="utf-8")
    messages = load_roster(path).roster.messages
    assert any(m.startswith("roster.csv line 5: manager id x matches nobody") for m in messages)
    assert any(m.startswith("roster.csv line 9: manager id zz matches nobody") for m in messages)


def test_a_csv_header_wider_than_the_column_cap_is_refused_at_once(tmp_path, capsys):
    path = tmp_path / "roster.csv"
    path.write_text("a," * 2_000_000, encoding="utf-8")  # one 4 MB line: took minutes before
    err = _refusal(path, capsys)
    assert err.startswith("orgplanner: roster.csv line 1: the header has more than 200 columns")
