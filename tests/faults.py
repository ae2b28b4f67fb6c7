"""Faults of the machine for tests: a disk that fills up part way through a write."""

from __future__ import annotations

import builtins
import errno
import io
from pathlib import Path

import pytest


class FillingDisk:
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
        return FillingDisk(raw, room) if inside and set(mode) & set("wax+") else raw

    monkeypatch.setattr(io, "open", limited_open)
    monkeypatch.setattr(builtins, "open", limited_open)
    return disk, room
