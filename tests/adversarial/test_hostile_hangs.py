"""Inputs that used to hang or grow without bound, each run in its own process with a timeout:
a hang fails the case, it does not stall the run."""

from __future__ import annotations

import json
import os

import pytest
from hostile_cli import EXAMPLE, run_isolated
from hostile_files import BOMB_DTD, ROSTER, SHEET_HEAD, sheet_xml, write_xlsx

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX devices and pipes")


@posix_only
@pytest.mark.parametrize("command", ["validate", "roster"])
def test_a_pipe_with_no_writer_is_refused(tmp_path, command):
    fifo = tmp_path / "input.csv"
    os.mkfifo(fifo)
    err = run_isolated(command, fifo, timeout=30).assert_clean(1).err
    assert err == (f"orgplanner: {fifo}: is not a regular file (a device, pipe or socket); "
                   f"choose a {'plan' if command == 'validate' else 'roster'} file saved on a "
                   "disk\n")


@posix_only
def test_an_endless_device_is_refused():
    err = run_isolated("summary", "/dev/zero", timeout=30).assert_clean(1).err
    assert "/dev/zero: is not a regular file" in err


def test_a_billion_laughs_workbook_does_not_expand(tmp_path):
    bomb = ('<?xml version="1.0"?>' + BOMB_DTD + SHEET_HEAD[SHEET_HEAD.index("<worksheet"):]
            + '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
              "</sheetData></worksheet>")
    path = write_xlsx(tmp_path / "bomb.xlsx", sheet=bomb)
    assert "declares a DOCTYPE" in run_isolated("roster", path, timeout=30).assert_clean(1).err


def test_a_sheet_declaring_the_whole_grid_with_a_cell_in_its_corner(tmp_path):
    corner = '<row r="1048576"><c r="XFD1048576" s="1"/></row>'
    path = write_xlsx(tmp_path / "grid.xlsx",
                      sheet=sheet_xml(ROSTER, dimension="A1:XFD1048576", extra=corner))
    assert path.stat().st_size < 20_000
    out = run_isolated("roster", path, timeout=60).assert_clean(0).out
    assert out.startswith("grid.xlsx: 3 people")


def test_a_100000_deep_team_tree_validates(tmp_path):
    role = {"name": "Engineer", "kind": "ic", "headcount": 1, "annual_cost": 100000}
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["teams"] = [{"id": f"t{i}", "name": f"T{i}", "roles": [role]}
                     | ({"parent": f"t{i - 1}"} if i else {}) for i in range(100_000)]
    data["workflows"] = [w | {"team": "t0"} for w in data["workflows"]]
    path = tmp_path / "deep.orgplan.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    out = run_isolated("validate", path, timeout=120).assert_clean(0).out
    assert out.startswith("OK: deep.orgplan.json is a valid plan (100000 teams")
