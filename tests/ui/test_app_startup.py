"""Start-up: the window shows the plan first, then its results; the core loads after that."""

# ruff: noqa: F811 - the fixtures are imported from app_helpers

from __future__ import annotations

import subprocess
import sys

from app_helpers import make_window  # noqa: F401 - fixtures


def test_window_shows_the_plan_then_calculates(make_window, qtbot):
    from conftest import BUNDLED as northwind_path

    from planner.engine import compute
    from planner.io.planfile import load_plan

    s = compute(load_plan(northwind_path)).summary
    w = make_window(show=False)
    w.recomputer.hold()                       # as app.main does before opening the plan
    assert w.open_plan(northwind_path, ask=False)
    # the editors already show the plan; the results say they are on their way
    assert w.workflows_page.model.rowCount() == len(w.doc.items("workflows")) > 0
    assert w.results.is_calculating
    assert "Calculating" in w.results.empty_title.text()
    assert "checking and computing" in w.statusBar().currentMessage()
    assert w.problems_button.text() == "Checking..."
    w.resize(1440, 900)
    w.show()                                  # the first paint releases the computation
    qtbot.waitUntil(lambda: not w.results.is_empty, timeout=10_000)
    assert w.results.tile("headcount").value_text() == (
        f"{s['baseline']['headcount']:.0f} → {s['final']['headcount']:.0f}")
    assert w.statusBar().currentMessage() == f"Opened {northwind_path.name}"
    assert w.problems_button.text() == "No problems"


def test_an_empty_plan_teaches_instead_of_calculating(make_window, qtbot):
    w = make_window()
    w.new_plan()
    qtbot.waitUntil(lambda: not w.recomputer.pending, timeout=10_000)
    assert w.results.is_empty and not w.results.is_calculating
    assert "Add a team" in w.results.empty_title.text()


def test_opening_another_plan_never_shows_the_old_results(make_window, qtbot, northwind_path,
                                                          northwind_data, tmp_path):
    import json

    data = dict(northwind_data, name="Other plan", workflows=[])
    other = tmp_path / "other.orgplan.json"
    other.write_text(json.dumps(data), encoding="utf-8")
    w = make_window(northwind_path)
    seen = []
    w.doc.changed.connect(lambda change: seen.append(w.results.is_calculating))
    assert w.open_plan(other, ask=False)
    assert seen and seen[-1]                 # between the two: "Calculating...", not Northwind
    assert not w.results.is_calculating      # then the other plan's results


def test_showing_the_window_imports_no_pydantic_engine_pandas_or_openpyxl(tmp_path):
    """What the window needs before its first paint: Qt, pyqtgraph and the app itself."""
    script = (
        "import os, sys\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from planner.ui.app import make_app, open_initial\n"
        "from planner.ui.main_window import MainWindow\n"
        "app = make_app([])\n"
        "w = MainWindow()\n"
        "w.recomputer.hold()\n"
        "open_initial(w, [sys.argv[1]])\n"
        "loaded = [m for m in ('pydantic', 'planner.model', 'planner.engine', 'pandas',\n"
        "                      'openpyxl', 'planner.io.roster') if m in sys.modules]\n"
        "print('loaded:', ' '.join(loaded))\n"
        "w.doc.undo_stack.setClean()\n"
    )
    from pathlib import Path

    plan = Path(__file__).resolve().parents[2] / "resources" / "examples" / "northwind.orgplan.json"
    proc = subprocess.run([sys.executable, "-c", script, str(plan)], capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "loaded:" in proc.stdout
    assert proc.stdout.split("loaded:")[1].split() == []
