"""Scenarios in the app: the switcher, edits that land in the shown scenario, marks, ranges,
and undo that restores the plan bit for bit."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from app_helpers import make_window  # noqa: F401 - fixture

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "risk"))
from risk_plans import risky_data  # noqa: E402

from planner.engine import compute  # noqa: E402
from planner.model import parse_plan  # noqa: E402
from planner.plan import scenarios as S  # noqa: E402
from planner.ui.qt_models.cells import OVERRIDE_TINT, PATH_ROLE  # noqa: E402


@pytest.fixture
def risky_window(make_window, tmp_path):  # noqa: F811 - the fixture above
    path = tmp_path / "risky.orgplan.json"
    path.write_text(json.dumps(risky_data()), encoding="utf-8")
    w = make_window(path)
    w.recomputer.flush(wait=True)
    return w


def _snapshot(w) -> str:
    return json.dumps(w.doc.data, sort_keys=False)


def _tickets_row(w) -> int:
    return next(i for i, x in enumerate(w.doc.data["workflows"]) if x["id"] == "tickets")


def test_switching_scenario_shows_its_engine_values_on_the_dashboard(risky_window):
    w = risky_window
    combo = w.scenario_switcher.combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Baseline", "Bets go wrong", "Fast adoption", "Attrition, no layoffs"]
    combo.setCurrentIndex(1)
    w.recomputer.flush(wait=True)
    assert w.doc.scenario == "bear"
    expected = compute(parse_plan(S.resolved(w.doc.data, "bear"))).summary
    assert w.doc.result.summary["npv_net_cash"] == pytest.approx(expected["npv_net_cash"])
    tile = w.results.tile("headcount").value_text()
    assert tile.endswith(f"{expected['final']['headcount']:.0f}")
    assert w.results.scenario_label.isVisibleTo(w.results)
    assert "Bets go wrong" in w.results_dock.windowTitle()
    combo.setCurrentIndex(0)
    w.recomputer.flush(wait=True)
    base = compute(parse_plan(w.doc.data)).summary
    assert w.doc.result.summary["npv_net_cash"] == pytest.approx(base["npv_net_cash"])
    assert w.results_dock.windowTitle() == "Results"


def test_an_overview_first_opened_in_a_scenario_names_it(risky_window):
    w = risky_window
    w.scenario_switcher.combo.setCurrentIndex(1)
    w.recomputer.flush(wait=True)
    w.show_page("Overview")                      # built now, after the switch
    assert w.overview.scenario_label.isVisibleTo(w.overview)
    assert "Bets go wrong" in w.overview.scenario_label.text()


def test_an_edit_in_a_scenario_is_its_override_marked_and_undone_exactly(risky_window):
    w = risky_window
    before = _snapshot(w)
    w.doc.set_scenario("fast")
    row = _tickets_row(w)
    model = w.workflows_page.model
    col = next(i for i, f in enumerate(model.fields) if f.path == ("ai", "adoption"))
    index = model.index(row, col)
    assert model.setData(index, "0.95")
    fast = next(s for s in w.doc.data["scenarios"] if s["id"] == "fast")
    assert {"path": "workflows[tickets].ai.adoption", "value": 0.95} in fast["overrides"]
    assert w.doc.data["workflows"][row]["ai"]["adoption"] == 0.8      # the baseline untouched
    assert model.data(index) == "95%"
    assert model.data(index, PATH_ROLE) == ("workflows", row, "ai", "adoption")
    assert model.data(index, 8).color() == OVERRIDE_TINT             # BackgroundRole
    assert "Changed in the scenario" in model.data(index, 3)        # ToolTipRole
    assert w.doc.undo_stack.undoText().startswith("Fast adoption:")
    w.doc.reset_to_baseline(("workflows", row, "ai", "adoption"))
    assert model.data(index) == "96%"                                 # back to 0.8 x 1.2
    w.doc.undo_stack.undo()
    w.doc.undo_stack.undo()
    assert _snapshot(w) == before
    w.doc.set_scenario(None)
    assert model.data(index) == "80%"


def test_structure_changes_in_a_scenario_go_to_the_baseline_and_say_so(risky_window):
    w = risky_window
    w.doc.set_scenario("bear")
    said = []
    w.doc.notice.connect(said.append)
    w.doc.set(("workflows", 0, "name"), "Coding with AI")
    assert w.doc.data["workflows"][0]["name"] == "Coding with AI"
    assert said and "baseline" in said[0]


def test_an_override_survives_other_rows_moving_and_its_item_being_renamed(risky_window):
    w = risky_window
    before = _snapshot(w)
    w.doc.set_scenario("fast")
    row = _tickets_row(w)
    w.doc.set(("workflows", row, "ai", "adoption"), 0.9)
    w.doc.insert(("workflows",), 0, {"id": "new", "team": "support", "name": "New",
                                      "volume_per_month": 10, "minutes_per_unit": 5})
    w.doc.move(("workflows",), 0, 5)
    w.doc.remove(("workflows",), 5)                 # the new row again
    assert w.doc.get(("workflows", row, "ai", "adoption")) == 0.9
    w.doc.rename_id("workflows", row, "support-tickets")
    fast = next(s for s in w.doc.data["scenarios"] if s["id"] == "fast")
    assert {"path": "workflows[support-tickets].ai.adoption", "value": 0.9} in fast["overrides"]
    assert w.doc.get(("workflows", row, "ai", "adoption")) == 0.9
    w.doc.set_scenario(None)
    w.doc.remove(("workflows",), row)               # deleting it drops its overrides
    assert not any("support-tickets" in ov["path"] for s in w.doc.data["scenarios"]
                   for ov in s["overrides"])
    assert not any("tickets" in r["path"] for r in w.doc.data["ranges"])
    while w.doc.undo_stack.canUndo():
        w.doc.undo_stack.undo()
    assert _snapshot(w) == before


def test_scenario_commands_are_one_undo_step_each(risky_window):
    w = risky_window
    before = _snapshot(w)
    sw = w.scenario_switcher
    sid = sw.new("Price shock")
    assert w.doc.scenario == sid and sw.combo.currentText() == "Price shock"
    w.doc.set(("settings", "price_decline_per_year"), -0.5)
    copy_id = sw.duplicate()
    assert w.doc.scenario == copy_id and w.doc.get(("settings", "price_decline_per_year")) == -0.5
    sw.rename("Price shock, again")
    assert sw.combo.currentText() == "Price shock, again"
    sw.delete(ask=False)
    assert w.doc.scenario is None and copy_id not in w.doc.scenario_ids()
    steps = w.doc.undo_stack.count()
    assert steps == 5                               # new, edit, duplicate, rename, delete
    while w.doc.undo_stack.canUndo():
        w.doc.undo_stack.undo()
    assert _snapshot(w) == before
    assert not w.problems_button.text().endswith("problems")


def test_ranges_are_set_marked_and_removed_with_undo(risky_window):
    from planner.ui.risk.range_dialog import remove_range, set_range

    w = risky_window
    before = _snapshot(w)
    path = ("settings", "pue")
    field = next(f for f in w.settings_page.model.fields if f.path == path)
    set_range(w.doc, path, {"low": 1.1, "high": 1.5}, field)
    assert w.doc.range_at(path)["path"] == "settings.pue"
    row = w.settings_page.model.row_of(path)
    index = w.settings_page.model.index(row, 1)
    assert w.settings_page.model.data(index, 1) is not None       # the ± mark
    assert "Range:" in w.settings_page.model.data(index, 3)
    assert remove_range(w.doc, path, field)
    assert w.doc.range_at(path) is None
    w.doc.undo_stack.undo()
    w.doc.undo_stack.undo()
    assert _snapshot(w) == before


def test_the_risk_page_can_be_cancelled_and_the_app_stays_responsive(risky_window, qtbot):
    from PySide6.QtCore import QTimer

    from planner.ui.risk.risk_page import RiskPage
    from planner.ui.workers import ThreadRunner

    w = risky_window
    page = RiskPage(w.doc, w, runner=ThreadRunner())
    qtbot.addWidget(page)
    page.draws.setValue(200_000)
    page.run()
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    qtbot.waitUntil(lambda: page.progress.value() > 0 or len(ticks) > 5, timeout=10_000)
    page.cancel()
    qtbot.waitUntil(lambda: page.task is None, timeout=20_000)
    timer.stop()
    assert "Cancelled" in page.status.text()
    assert len(ticks) > 3                            # the event loop kept turning
    assert page.run_button.isEnabled() and not page.cancel_button.isEnabled()


def test_only_the_changed_cells_are_marked_when_painted(risky_window, qapp):
    """A view may reuse one role span for every cell it paints: a mark (tint, ±, bold) must
    never leak into the next cell."""
    w = risky_window
    w.show_page("Workflows")
    w.doc.set_scenario("bear")            # changes every workflow's time saved
    table = w.workflows_page.table
    for _ in range(3):
        qapp.processEvents()
    img = table.grab().toImage()
    model = w.workflows_page.model
    name_col = next(i for i, f in enumerate(model.fields) if f.path == ("name",))
    ts_col = next(i for i, f in enumerate(model.fields) if f.path == ("ai", "time_saved"))
    row = 2
    name_rect = table.visualRect(table.model().index(row, name_col))
    ts_rect = table.visualRect(table.model().index(row, ts_col))
    off = table.viewport().mapTo(table, table.viewport().rect().topLeft())

    def colour(rect):
        return img.pixelColor(rect.right() - 3 + off.x(), rect.center().y() + off.y())

    assert colour(ts_rect) != colour(name_rect)           # the changed cell is tinted
    tint_free = colour(name_rect)
    assert abs(tint_free.red() - tint_free.blue()) < 12     # a plain cell stays plain (no blue)


def test_a_switch_sizes_only_the_tables_on_screen_the_others_when_shown(risky_window):
    """Every scenario switch resets the editors; sizing the columns of the tables on hidden
    pages then would cost each switch tens of milliseconds for nothing."""
    w = risky_window
    w.show_page("Teams")
    table = w.pages["Workflows"].table
    w.scenario_switcher.combo.setCurrentIndex(1)
    w.recomputer.flush(wait=True)
    assert not table.isVisible() and table._needs_fit
    w.show_page("Workflows")
    assert table.isVisible() and not table._needs_fit and table.columnWidth(1) > 40


def test_a_workflows_explanation_quotes_the_shown_scenarios_values(risky_window):
    """The figures are the scenario's results, so the formula under them uses its inputs."""
    from planner.formatting import percent

    w = risky_window
    w.show_page("Workflows")
    page = w.pages["Workflows"]
    row = _tickets_row(w)
    page.table.select_source_row(row, 0)
    base = w.doc.data["workflows"][row]["ai"]["time_saved"]
    assert f"time saved {percent(base)}" in page.impact.text()
    w.scenario_switcher.combo.setCurrentIndex(1)          # "Bets go wrong": time saved x 0.5
    w.recomputer.flush(wait=True)
    page.table.select_source_row(row, 0)
    page.update_impact()
    text = page.impact.text()
    assert f"time saved {percent(base * 0.5)}" in text and f"time saved {percent(base)}" not in text


def test_a_ranged_cell_is_wide_enough_for_its_value_and_its_mark(risky_window):
    """Time saved carries a ± (it has a range): "10.5%" was cut to "10.…" beside it."""
    from PySide6.QtCore import Qt

    w = risky_window
    w.show_page("Workflows")
    table = w.pages["Workflows"].table
    w.scenario_switcher.combo.setCurrentIndex(1)
    w.recomputer.flush(wait=True)
    from PySide6.QtWidgets import QStyleOptionViewItem

    model = table.model()
    option = QStyleOptionViewItem()
    table.initViewItemOption(option)
    checked = 0
    for c in range(model.columnCount()):
        for r in range(model.rowCount()):
            idx = model.index(r, c)
            if idx.data(Qt.ItemDataRole.DecorationRole) is not None and idx.data():
                # what the cell needs to paint its text whole: the delegate's own measure
                need = table.itemDelegateForIndex(idx).sizeHint(option, idx).width()
                assert table.columnWidth(c) >= need, (idx.data(), table.columnWidth(c), need)
                checked += 1
    assert checked
