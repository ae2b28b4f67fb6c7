"""Names with control characters or lone surrogates never break a file or an output."""

from __future__ import annotations

import json
import os
import sys
import xml.etree.ElementTree as ET
import zipfile

import pytest
from conftest import EXAMPLE

from planner.cli import main as cli_main
from planner.io.planfile import load_plan, read_plan_data, save_plan
from planner.model import parse_plan
from planner.textsafe import encodable, plain_text

BEL, ESC, LONE = "\x07", "\x1b", "\ud800"


@pytest.fixture
def hostile_path(tmp_path):
    """Northwind with BEL, ESC, vertical tab and lone surrogates in its names (as JSON escapes)."""
    d = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    d["name"] = f"Plan {BEL}bell {ESC}[31mred{LONE} lone"
    d["teams"][0]["name"] = f"Lead{BEL}ership {LONE}"
    d["teams"][1]["name"] = f"Eng{ESC} \udfff\ufffe"
    d["teams"][1]["function"] = f"Dept{BEL}"
    d["teams"][0]["roles"][0]["name"] = f"Exec\x01{LONE}"
    d["workflows"][0]["name"] = "Work\x0bflow\udbff"
    path = tmp_path / "hostile.orgplan.json"
    path.write_text(json.dumps(d, indent=1), encoding="ascii")  # the escapes spell them
    return path


def test_the_helpers_replace_surrogates_and_drop_what_xml_cannot_hold():
    assert encodable(f"a{LONE}b{BEL}") == f"a\ufffdb{BEL}"
    assert plain_text(f"a{LONE}b{BEL}{ESC}[1m\tc\n\ufffe") == "a\ufffdb[1m\tc\n"
    assert plain_text("Zürich 東京 😀") == "Zürich 東京 😀"


@pytest.mark.parametrize("values", [False, True], ids=["formulas", "values"])
def test_exported_workbook_is_well_formed_xml_and_opens(tmp_path, hostile_path, values, capsys):
    out = tmp_path / "hostile.xlsx"
    args = ["export", str(hostile_path), "-o", str(out)] + (["--values"] if values else [])
    assert cli_main(args) == 0, capsys.readouterr().err
    with zipfile.ZipFile(out) as z:
        parts = [n for n in z.namelist() if n.endswith((".xml", ".rels"))]
        assert len(parts) > 10
        for name in parts:
            ET.fromstring(z.read(name))  # raises ParseError on a part that is not well formed
    import openpyxl

    for data_only in (False, True):  # True: the cached values a non-recalculating reader sees
        wb = openpyxl.load_workbook(out, data_only=data_only)
        texts = {c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row
                 if isinstance(c.value, str)}
        assert {"Plan bell [31mred\ufffd lone", "Leadership \ufffd", "Eng \ufffd", "Dept",
                "Exec\ufffd", "Workflow\ufffd"} <= texts
        assert not any(plain_text(t) != t for t in texts)
    assert wb.properties.title == "Plan bell [31mred\ufffd lone: moving to AI"


def test_summary_and_summary_json_print_such_names(hostile_path, capsys):
    assert cli_main(["summary", str(hostile_path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Plan bell [31mred\ufffd lone  (36 months, USD)") and ESC not in out
    assert cli_main(["summary", str(hostile_path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["name"] == f"Plan {BEL}bell {ESC}[31mred\ufffd lone"


def test_saving_a_lone_surrogate_never_fails_and_writes_the_replacement(tmp_path, hostile_path):
    data = read_plan_data(hostile_path)
    for what in (data, parse_plan(data)):        # raw data (the app) and a valid Plan
        path = tmp_path / "saved.orgplan.json"
        save_plan(what, path)
        text = path.read_bytes().decode("utf-8")  # strict: valid UTF-8
        assert "Lead\\u0007ership \ufffd" in text
        assert load_plan(path).teams[0].name == f"Lead{BEL}ership \ufffd"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file names are bytes")
def test_a_file_name_with_undecodable_bytes_is_printed_escaped(tmp_path, capsys):
    path = tmp_path / os.fsdecode(b"plan\xff.orgplan.json")   # "plan\udcff.orgplan.json"
    path.write_bytes(EXAMPLE.read_bytes())
    assert cli_main(["validate", str(path)]) == 0
    assert capsys.readouterr().out.startswith("OK: plan\\udcff.orgplan.json is a valid plan")
