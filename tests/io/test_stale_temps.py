"""Temp files left by a killed save are removed by the next save; nothing else is touched."""

from __future__ import annotations

import os
import stat
import time

import pytest

from planner.io import atomic
from planner.io.planfile import save_plan

PLAN = {"name": "p"}


def _touch(path, *, age_s: float):
    path.write_bytes(b"half a plan")
    t = time.time() - age_s
    os.utime(path, (t, t))
    return path


def test_a_stale_temp_is_removed_on_save_and_a_fresh_one_and_strangers_are_kept(tmp_path):
    target = tmp_path / "plan.orgplan.json"
    stale = _touch(tmp_path / ".plan.orgplan.json.k3j_9x2a.tmp", age_s=24 * 3600)
    fresh = _touch(tmp_path / ".plan.orgplan.json.q8w7e6r5.tmp", age_s=0)  # a live writer's?
    strangers = [_touch(tmp_path / name, age_s=24 * 3600) for name in (
        ".other.orgplan.json.k3j_9x2a.tmp",   # another file's temp
        ".plan.orgplan.json.tmp",             # not our pattern (no random part)
        "plan.orgplan.json.k3j_9x2a.tmp",     # not hidden: not ours
        ".plan.orgplan.json.k3j_9x2a.bak",
        "notes.tmp",
    )]
    save_plan(PLAN, target)
    assert not stale.exists()
    assert fresh.exists() and all(p.exists() for p in strangers)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")) == sorted(
        [fresh.name] + [p.name for p in strangers if p.name.endswith(".tmp")])


def test_a_stale_temp_folder_or_link_is_not_removed(tmp_path):
    target = tmp_path / "plan.orgplan.json"
    odd = tmp_path / ".plan.orgplan.json.abcdefgh.tmp"
    odd.mkdir()
    os.utime(odd, (0, 0))
    link = tmp_path / ".plan.orgplan.json.linklink.tmp"
    kept = _touch(tmp_path / "kept.txt", age_s=3600)
    if hasattr(os, "symlink"):
        link.symlink_to(kept)
        os.utime(link, (0, 0), follow_symlinks=False)
    assert atomic.clean_stale(target) == [] and odd.is_dir() and kept.exists()


def test_exporting_removes_the_stale_temps_of_the_workbook(tmp_path, northwind):
    from planner.io.excel import export_workbook

    stale = _touch(tmp_path / ".board.xlsx.abcd1234.tmp", age_s=3600)
    export_workbook(northwind, tmp_path / "board.xlsx", values_only=True)
    assert not stale.exists() and (tmp_path / "board.xlsx").is_file()


@pytest.mark.skipif(os.name != "posix", reason="folders are synced on POSIX only")
def test_the_folder_is_synced_after_the_rename(tmp_path, monkeypatch):
    events: list[str] = []
    real_replace, real_fsync = os.replace, os.fsync

    def replace(src, dst):
        events.append("replace")
        real_replace(src, dst)

    def fsync(fd):
        events.append("fsync folder" if stat.S_ISDIR(os.fstat(fd).st_mode) else "fsync file")
        real_fsync(fd)

    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(os, "fsync", fsync)
    save_plan(PLAN, tmp_path / "plan.orgplan.json")
    assert events == ["fsync file", "replace", "fsync folder"]
