"""Test-wide setup: Qt renders offscreen; settings and autosave go to a temp dir."""

from __future__ import annotations

import os
import sys
from pathlib import Path

# Without a platform Qt aborts the whole run (rc 134) with no message.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tests" / "engine"))   # the plain-loop reference of MODEL.md

# The contract's worked example (a version 1 file, figures pinned in northwind.summary.json):
# the tests' stable Northwind. The bundled example the app opens (BUNDLED) rests on the evidence
# catalog and changes with it; tests of the bundled example use BUNDLED.
EXAMPLE = ROOT / "tests" / "data" / "northwind.v1.orgplan.json"
BUNDLED = ROOT / "resources" / "examples" / "northwind.orgplan.json"
SHARED = ROOT.parent / "shared"
# The sample roster: the shared copy beside the checkout, else the one kept with the tests.
ADVENTUREWORKS = SHARED / "data" / "adventureworks" / "roster.csv"
if not ADVENTUREWORKS.exists():
    ADVENTUREWORKS = ROOT / "tests" / "data" / "rosters" / "adventureworks" / "roster.csv"


@pytest.fixture
def northwind_path() -> Path:
    return EXAMPLE


@pytest.fixture
def northwind_data() -> dict:
    import json

    return json.loads(EXAMPLE.read_text(encoding="utf-8"))


@pytest.fixture
def northwind():
    from planner.io.planfile import load_plan

    return load_plan(EXAMPLE)


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory, monkeypatch):
    """QSettings, autosave and recovery files live in a fresh temp dir for every test."""
    home = tmp_path_factory.mktemp("userdata")
    monkeypatch.setenv("ORGPLANNER_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("ORGPLANNER_CONFIG_DIR", str(home / "config"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "xdg-data"))
    yield
