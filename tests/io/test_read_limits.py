"""Input files are read only when they are regular files, and never past the size limit."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from planner.io.files import read_checked
from planner.io.planfile import PlanFileError, read_plan_data
from planner.io.roster import RosterError, read_table

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX devices and pipes")


@posix_only
@pytest.mark.parametrize("read", [read_plan_data, read_table], ids=["plan", "roster"])
def test_a_device_is_refused_not_read_forever(read):
    with pytest.raises((PlanFileError, RosterError)) as info:
        read("/dev/zero")
    assert str(info.value).startswith("/dev/zero: is not a regular file")


@posix_only
@pytest.mark.parametrize("read", [read_plan_data, read_table], ids=["plan", "roster"])
def test_a_pipe_without_a_writer_is_refused_without_blocking(tmp_path, read):
    fifo = tmp_path / "plan.orgplan.json"
    os.mkfifo(fifo)
    outcome: list[BaseException] = []

    def attempt() -> None:
        try:
            read(fifo)
        except BaseException as exc:  # noqa: BLE001 - reported by the assert below
            outcome.append(exc)

    reader = threading.Thread(target=attempt, daemon=True)
    reader.start()
    reader.join(20)
    if reader.is_alive():  # release a blocked open() so the run can go on, then fail
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
    assert not reader.is_alive(), "reading a pipe with no writer blocked"
    assert isinstance(outcome[0], PlanFileError | RosterError)
    assert "is not a regular file" in str(outcome[0])


@pytest.mark.skipif(not Path("/proc/self/status").is_file(), reason="needs Linux /proc")
def test_a_file_that_reports_size_0_is_still_read_only_up_to_the_limit():
    # /proc files say 0 bytes and hold more: the limit holds on what is read, not on stat()
    with pytest.raises(PlanFileError) as info:
        read_checked("/proc/self/status", what="plan", max_bytes=64, error=PlanFileError)
    assert str(info.value) == ("status: the file is more than 64 bytes; a plan file is at most "
                               "64 bytes. Is this the right file?")
    assert len(read_checked("/proc/self/status", what="plan", max_bytes=2**20,
                            error=PlanFileError)) > 64


def test_a_file_over_the_limit_is_refused_by_its_size(tmp_path):
    path = tmp_path / "big.orgplan.json"
    path.write_bytes(b" " * 2_000_001)
    with pytest.raises(PlanFileError) as info:
        read_checked(path, what="plan", max_bytes=2**20, error=PlanFileError)
    assert str(info.value) == ("big.orgplan.json: the file is 2.0 MB; a plan file is at most "
                               "1 MB. Is this the right file?")
