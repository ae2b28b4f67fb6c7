"""Saves and exports under faults: a full disk, read-only targets, a kill mid-save."""
# ruff: noqa: F811 - the fixtures are imported from hostile_cli and faults

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import tempfile
import time

import pytest
from faults import full_disk  # noqa: F401 - fixture
from hostile_cli import EXAMPLE, ROOT, cli  # noqa: F401 - fixture

from planner.io.planfile import save_plan

ROSTER = ROOT / "tests" / "data" / "rosters" / "adventureworks" / "roster.csv"


def _targets(folder):
    """(command, output) pairs that write into ``folder``: an export and a saved plan."""
    return [(["export", EXAMPLE, "-o", folder / "board.xlsx"], folder / "board.xlsx"),
            (["import-roster", ROSTER, "-o", folder / "plan.orgplan.json", "--force"],
             folder / "plan.orgplan.json")]


@pytest.mark.parametrize("room", [0, 1024, 8192])  # the plan is ~14 KB, the workbook more
def test_a_full_disk_is_one_message_and_keeps_the_old_file(full_disk, cli, room, monkeypatch):
    disk, left = full_disk
    monkeypatch.setattr(tempfile, "tempdir", str(disk.parent))  # openpyxl's sheet temp files
    for args, target in _targets(disk):
        left[0] = 100
        target.write_bytes(b"the old file")
        left[0] = room
        err = cli(*args).assert_clean(1).err
        assert err == (f"orgplanner: cannot write {target}: the disk is full. Free some space "
                       "or choose another drive\n")
        assert target.read_bytes() == b"the old file" and list(disk.iterdir()) == [target]
        target.unlink()


@pytest.mark.parametrize(("code", "says"), [(errno.EROFS, "the drive is read-only"),
                                            (errno.EACCES, "permission denied")])
def test_a_read_only_target_is_one_message(tmp_path, cli, monkeypatch, code, says):
    def refuse(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)  # where every atomic write starts
    for args, target in _targets(tmp_path):
        assert says in cli(*args).assert_clean(1).err
        assert not target.exists()


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes anywhere")
def test_a_folder_without_write_permission_is_one_message(tmp_path, cli):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        for args, _ in _targets(locked):
            assert "permission denied" in cli(*args).assert_clean(1).err
    finally:
        locked.chmod(0o755)


def test_a_folder_or_a_missing_folder_as_the_target_is_one_message(tmp_path, cli):
    (tmp_path / "board.xlsx").mkdir()
    (tmp_path / "plan.orgplan.json").mkdir()
    for args, target in _targets(tmp_path):
        assert f"cannot write {target}: it is a folder" in cli(*args).assert_clean(1).err
    for args, _ in _targets(tmp_path / "no" / "such"):
        assert "does not exist" in cli(*args).assert_clean(1).err


KILLED_MID_SAVE = """
import sys, time
from planner.io import planfile
real = planfile.write_atomic

def stalled(path, writer):
    def half(fh):
        fh.write(b'{"name": "half a pl')
        fh.flush()
        print("writing", flush=True)
        time.sleep(120)
    real(path, half)

planfile.write_atomic = stalled
planfile.save_plan({"name": "new"}, sys.argv[1])
"""
LATER_SAVE = "import sys; from planner.io.planfile import save_plan; " \
             "save_plan({'name': 'later'}, sys.argv[1])"


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_a_save_killed_midway_keeps_the_old_file_and_a_later_save_cleans_up(tmp_path):
    target = tmp_path / "plan.orgplan.json"
    save_plan({"name": "old"}, target)
    before = target.read_bytes()
    child = subprocess.Popen([sys.executable, "-c", KILLED_MID_SAVE, str(target)], cwd=ROOT,
                             stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "writing"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        child.stdout.close()
    assert target.read_bytes() == before  # the old file, whole
    [stale] = [p for p in tmp_path.iterdir() if p != target]
    assert stale.name.startswith(".plan.orgplan.json.") and stale.name.endswith(".tmp")
    # The crash was a moment ago: the next save is by a process started after it.
    past = time.time() - 5
    os.utime(stale, (past, past))
    subprocess.run([sys.executable, "-c", LATER_SAVE, str(target)], cwd=ROOT, check=True,
                   timeout=60)
    assert json.loads(target.read_text(encoding="utf-8")) == {"name": "later"}
    assert list(tmp_path.iterdir()) == [target]


def test_this_process_keeps_a_temp_file_newer_than_itself(tmp_path):
    # A temp file made after this process started may be another live save's: kept.
    target = tmp_path / "plan.orgplan.json"
    fresh = tmp_path / ".plan.orgplan.json.live1234.tmp"
    fresh.write_bytes(b"{")
    save_plan({"name": "x"}, target)
    assert fresh.exists()
