"""A full disk during export: one message, nothing left behind, nothing printed later."""

from __future__ import annotations

import builtins
import errno
import gc
import io
import sys
import tempfile
from pathlib import Path

import pytest

from planner.cli import main as cli_main


class _FillingDisk:
    """A file on a disk with ``room`` bytes left: writes past it fail with ENOSPC, and so
    does closing the file afterwards (unwritten buffers), as on a real full disk."""

    def __init__(self, raw, room: list[int]) -> None:
        self._raw, self._room, self._failed = raw, room, False

    def write(self, data) -> int:
        n = len(data)
        if n > self._room[0]:
            self._failed = True
            raise OSError(errno.ENOSPC, "No space left on device")
        self._room[0] -= n
        return self._raw.write(data)

    def close(self) -> None:
        self._raw.close()
        if self._failed:
            raise OSError(errno.ENOSPC, "No space left on device")

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __getattr__(self, name):
        return getattr(self._raw, name)


@pytest.fixture
def full_disk(tmp_path, monkeypatch):
    """Files written under tmp_path/"disk" share ``room`` bytes (set by the test)."""
    disk = tmp_path / "disk"
    disk.mkdir()
    room = [0]
    real_open = io.open

    def limited_open(file, mode="r", *args, **kwargs):
        raw = real_open(file, mode, *args, **kwargs)
        inside = isinstance(file, str | Path) and Path(file).resolve().is_relative_to(disk)
        return _FillingDisk(raw, room) if inside and set(mode) & set("wax+") else raw

    monkeypatch.setattr(io, "open", limited_open)
    monkeypatch.setattr(builtins, "open", limited_open)
    return disk, room


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
