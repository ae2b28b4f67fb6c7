"""The adversarial suite's tools: hostile inputs and machine faults end in one clean message.

Every case asserts what a person would see: the exit code, a message naming the file (no
"Traceback", no "unexpected error"), and that nothing half-written is left. Commands run
in-process (``planner.cli.main``) except the few that could hang, which run in a subprocess
with a timeout so a hang fails the case instead of the run.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from planner.cli import main as cli_main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "tests" / "data" / "northwind.v1.orgplan.json"   # the stable test Northwind


@dataclass
class Outcome:
    code: int
    out: str
    err: str

    def assert_clean(self, *codes: int) -> Outcome:
        """Exit code among ``codes`` and stderr a person can read: no Python words."""
        assert self.code in codes, (self.code, self.err)
        for bad in ("Traceback", "unexpected error", "Exception ignored", "Error tokenizing",
                    "set_int_max_str_digits", "RuntimeWarning"):
            assert bad not in self.err, self.err
        return self


@pytest.fixture
def cli(capsys):
    """``cli("validate", path)``: the command's Outcome, run in this process."""
    def run(*args: str | os.PathLike[str]) -> Outcome:
        capsys.readouterr()
        code = cli_main([str(a) for a in args])
        captured = capsys.readouterr()
        return Outcome(code, captured.out, captured.err)
    return run


def run_isolated(*args: str | os.PathLike[str], timeout: float = 60) -> Outcome:
    """The command in a fresh interpreter; a hang past ``timeout`` fails the test."""
    try:
        done = subprocess.run([sys.executable, "-m", "planner", *map(str, args)], cwd=ROOT,
                              capture_output=True, text=True, timeout=timeout,
                              stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        pytest.fail(f"orgplanner {' '.join(map(str, args))} did not finish in {timeout} s")
    return Outcome(done.returncode, done.stdout, done.stderr)
