"""``orgplanner --smoke``: the check CI runs on the bundle, run here from the checkout."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_smoke_opens_computes_and_exports_northwind_and_exits_0(tmp_path):
    env = dict(os.environ, TMPDIR=str(tmp_path))  # where its temp folder goes
    proc = subprocess.run([sys.executable, "-m", "planner", "--smoke"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    out = proc.stdout
    assert re.search(r"OrgPlanner \d+\.\d+\.\d+ · Python 3\.\d+\.\d+ · Qt 6\.", out)
    for step in ("version", "modules", "resources", "window", "workbook", "brief"):
        assert re.search(rf"^  {step} +\d+\.\d\d s  \S", out, re.M), out
    assert re.search(r"Northwind Software.*\d+ teams.*computed", out)
    assert re.search(r"northwind\.xlsx [\d,]+ bytes, \d+ sheets", out)
    assert re.search(r"northwind-brief\.pdf [\d,]+ bytes, 1 page", out)
    assert out.rstrip().splitlines()[-1].startswith("OK in ")
    assert "propagateSizeHints" not in proc.stderr
    assert not list(tmp_path.iterdir())  # its temp folder (settings, outputs) is gone


def test_a_failed_step_is_named_and_the_exit_code_is_1(tmp_path):
    from planner.ui import smoke

    lines: list[str] = []
    assert smoke.run(tmp_path / "missing.orgplan.json", out=lines.append) == 1
    assert lines[-1] == f"FAILED at resources: no plan at {tmp_path / 'missing.orgplan.json'}"


def test_every_module_the_app_imports_by_name_is_in_the_bundle_list():
    """packaging/orgplanner.spec's hiddenimports are smoke.loaded_by_name(): a module loaded
    with importlib.import_module("...") that is missing there would be missing in the app."""
    from planner.cli import COMMAND_MODULES
    from planner.ui.smoke import loaded_by_name

    names = set(loaded_by_name())
    assert {f"planner.cli.{m}" for m in COMMAND_MODULES} <= names
    assert {"planner.ui.app", "planner.ui.brief.cli"} <= names
    literal = set()
    for path in (ROOT / "planner").rglob("*.py"):
        literal.update(re.findall(r"import_module\(\"([\w.]+)\"\)", path.read_text("utf-8")))
    assert literal and literal <= names, literal - names
    assert "loaded_by_name()" in (ROOT / "packaging" / "orgplanner.spec").read_text("utf-8")
