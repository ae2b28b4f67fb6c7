"""Hostile rosters: broken CSV and XLSX, bombs, huge grids, deep chains and cycles."""
# ruff: noqa: F811 - the fixture is imported from hostile_cli

from __future__ import annotations

import io
import random
import zipfile

import pytest
from hostile_cli import cli  # noqa: F401 - fixture
from hostile_files import (
    BOMB_DTD,
    CONTENT_TYPES,
    ROSTER,
    SHEET_HEAD,
    WORKBOOK,
    WORKBOOK_RELS,
    sheet_xml,
    write_xlsx,
)

HEADER = "Employee ID,Name,Manager ID,Department,Job Title,Annual Cost\n"
WS = SHEET_HEAD[SHEET_HEAD.index("<worksheet"):]


def _zip(**members: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, text in members.items():
            z.writestr(name.replace("__", "/"), text)
    return buf.getvalue()


def _far(cell: str) -> str:
    return sheet_xml(ROSTER, dimension="A1:XFD1048576", extra=f'<row r="1048576">{cell}</row>')


random.seed(20240607)
NOISE = bytes(random.randrange(256) for _ in range(4000))

# (case, file name, content, what the message says)
CSV = [
    ("empty", "", "the file is empty"),
    ("header only", HEADER, "there is a header row but no people below it"),
    ("binary", NOISE, "not a text file"),
    ("a NUL byte", HEADER + "1,A\x00n,,D,T,1\n", "not a text file"),
    ("broken UTF-16", b"\xff\xfe" + b"\x00\xd8" * 10, "not valid UTF-16 text"),
    ("a stray quote", HEADER + '1,Ann,,D,T,1\n2,"Bo,1,D,T,1\n3,Cy,1,D,T,1\n',
     'roster.csv line 3: a quote (") opens a field that never closes'),
    ("a ragged row", HEADER + '1,Ann,,D,T,1\n2,"two\nlines",1,D,T,1\n3,Cy,1,D,T,1,x,y\n',
     "roster.csv line 5: 8 fields where the header has 6"),
    ("a 2,000,000-column header", "a," * 2_000_000, "the header has more than 200 columns"),
    ("an old .xls", b"\xd0\xcf\x11\xe0" + bytes(200), "old Excel .xls workbook"),
]
XLSX = [
    ("not a zip", b"PK\x03\x04" + NOISE, "not a readable .xlsx workbook"),
    ("no workbook part", _zip(**{"[Content_Types].xml": CONTENT_TYPES}),
     "not a readable .xlsx workbook"),
    ("malformed sheet", {"sheet": SHEET_HEAD + "<sheetData><row r='1'><c r='A1'"},
     "not a readable .xlsx workbook"),
    ("malformed workbook.xml", {"workbook": "<workbook><sheets>"}, "not a readable .xlsx"),
    ("billion laughs in the sheet", {"sheet": BOMB_DTD + WS + "</worksheet>"},
     "declares a DOCTYPE or entities"),
    ("billion laughs in workbook.xml",
     {"workbook": BOMB_DTD + WORKBOOK[WORKBOOK.index("<workbook"):]},
     "declares a DOCTYPE or entities"),
    ("external entity", {"sheet": '<!DOCTYPE x [<!ENTITY e SYSTEM "/etc/passwd">]>' + WS
                         + "<sheetData/></worksheet>"}, "declares a DOCTYPE or entities"),
    ("a value at XFD1048576",
     {"sheet": _far('<c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c>')},
     "cell XFD1048576 is beyond column GR"),
    ("a row number that is not one",
     {"sheet": SHEET_HEAD + '<sheetData><row r="abc"><c r="A1"><v>1</v></c></row>'
               "</sheetData></worksheet>"}, "not a readable .xlsx workbook"),
    ("a column past XFD", {"sheet": SHEET_HEAD + '<sheetData><row r="1"><c r="ZZZZZZ1"><v>1</v>'
                                                 "</c></row></sheetData></worksheet>"},
     "not a readable .xlsx workbook"),
    ("a shared string that does not exist",
     {"sheet": SHEET_HEAD + '<sheetData><row r="1"><c r="A1" t="s"><v>99</v></c></row>'
               "</sheetData></worksheet>"}, "not a readable .xlsx workbook"),
    ("a sheet the workbook cannot find",
     {"parts": {"xl/_rels/workbook.xml.rels": WORKBOOK_RELS.replace("sheet1", "sheet9")}},
     "the workbook has no sheets"),
]


def _write(tmp_path, name, content):
    path = tmp_path / name
    if isinstance(content, dict):
        return write_xlsx(path, **content)
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


@pytest.mark.parametrize(("case", "content", "says"), CSV, ids=[c[0] for c in CSV])
def test_a_hostile_csv_is_refused_in_plain_words(tmp_path, cli, case, content, says):
    path = _write(tmp_path, "roster.csv", content)
    for command in ("roster", "import-roster"):
        extra = ["-o", tmp_path / "plan.orgplan.json"] if command == "import-roster" else []
        result = cli(command, path, *extra).assert_clean(1)
        assert result.err.startswith("orgplanner: roster.csv") and says in result.err, result.err
    assert not (tmp_path / "plan.orgplan.json").exists()


@pytest.mark.parametrize(("case", "content", "says"), XLSX, ids=[c[0] for c in XLSX])
def test_a_hostile_workbook_is_refused_naming_the_file(tmp_path, cli, case, content, says):
    path = _write(tmp_path, "roster.xlsx", content)
    result = cli("roster", path).assert_clean(1)
    assert result.err.startswith("orgplanner: roster.xlsx") and says in result.err, result.err


@pytest.mark.parametrize("far", ['<c r="XFD1048576" s="1"/>', ""], ids=["styled cell", "row"])
def test_a_sheet_declaring_the_whole_grid_reads_its_three_people(tmp_path, cli, far):
    path = write_xlsx(tmp_path / "roster.xlsx", sheet=_far(far))
    assert cli("roster", path).assert_clean(0).out.startswith("roster.xlsx: 3 people")


def test_a_20000_deep_reporting_chain_imports(tmp_path, cli):
    path = tmp_path / "deep.csv"
    path.write_text(HEADER + "".join(f"{i},P{i},{i - 1 if i else ''},D{i % 3},Dev,100000\n"
                                     for i in range(20_000)), encoding="utf-8")
    assert "20,000 people" in cli("roster", path).assert_clean(0).out
    out = tmp_path / "deep.orgplan.json"
    cli("import-roster", path, "-o", out, "--teams", "manager").assert_clean(0)
    cli("validate", out).assert_clean(0)


def test_a_50000_person_reporting_cycle_is_named_and_left_out(tmp_path, cli):
    path = tmp_path / "cycle.csv"
    path.write_text(HEADER + "".join(f"{i},P{i},{(i + 1) % 50_000},D,Dev,100000\n"
                                     for i in range(50_000)), encoding="utf-8")
    out = cli("roster", path).assert_clean(0).out
    assert ("is in a reporting cycle (0 -> 1 -> 2 -> 3 -> 4 -> 5 -> 6 -> 7 -> ... -> 49999 -> 0, "
            "50,000 people)") in out
    assert len(out) < 100_000  # not 50,000 ids in each message
    result = cli("import-roster", path, "-o", tmp_path / "p.orgplan.json").assert_clean(1)
    assert "cycle.csv: nobody is left to build a plan from" in result.err
