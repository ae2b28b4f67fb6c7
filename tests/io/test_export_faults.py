"""A full disk during export: one message, nothing left behind, nothing printed later."""
# ruff: noqa: F811 - the fixture is imported from faults

from __future__ import annotations

import gc
import sys
import tempfile

import pytest
from faults import full_disk  # noqa: F401 - fixture

from planner.cli import main as cli_main


@pytest.mark.parametrize("room", [4096, 8192, 16384])
def test_a_full_disk_gives_one_message_and_leaves_nothing(full_disk, room, capfd, monkeypatch,
                                                          northwind_path):
    disk, left = full_disk
    left[0] = room
    scratch = disk.parent / "scratch"  # openpyxl's temp files for write-only sheets
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    ignored: list[str] = []
    monkeypatch.setattr(sys, "unraisablehook", lambda u: ignored.append(repr(u.exc_value)))
    assert cli_main(["export", str(northwind_path), "-o", str(disk / "nw.xlsx")]) == 1
    gc.collect()
    err = capfd.readouterr().err
    assert err == (f"orgplanner: cannot write {disk / 'nw.xlsx'}: the disk is full. Free some "
                   "space or choose another drive\n")
    assert ignored == [] and "Exception ignored" not in err
    assert list(disk.iterdir()) == [] and list(scratch.iterdir()) == []
