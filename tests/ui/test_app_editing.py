"""Editing in the window: live results, undo/redo, paste from Excel, problems in place."""
# ruff: noqa: F811 - the fixtures are imported from app_helpers

from __future__ import annotations

import copy

from app_helpers import dumps, make_window, window  # noqa: F401 - fixtures
from PySide6.QtCore import Qt

from planner.engine import compute
from planner.model import parse_plan
from planner.ui.qt_models.cells import ERROR_TINT


def adoption_index(w):
    return w.workflows_page.model.column_of(("ai", "adoption"))


def test_editing_adoption_updates_the_kpis_to_the_engine_values(window):
    w = window
    before = copy.deepcopy(w.doc.data)
    fte_before = w.doc.result.summary["final"]["fte_freed"]
    model = w.workflows_page.model
    col = adoption_index(w)
    shown = model.index(0, col).data()
    assert shown == f"{w.doc.data['workflows'][0]['ai']['adoption'] * 100:.0f}%"

    assert model.setData(model.index(0, col), "40%")
    w.recomputer.flush()

    assert w.doc.data["workflows"][0]["ai"]["adoption"] == 0.4
    expected = compute(parse_plan(w.doc.data))
    assert w.doc.result.summary == expected.summary
    assert w.doc.result.summary["final"]["fte_freed"] < fte_before
    from planner.ui.dashboard import build_kpis

    kpis = build_kpis(expected, "USD")
    for key in ("fte_freed", "headcount", "payroll_savings", "net"):
        assert w.results.tile(key).value_text() == kpis[key].value
    assert w.a_undo.text() == "&Undo Edit adoption"

    w.doc.undo_stack.undo()
    assert w.doc.data == before
    assert dumps(w.doc.data) == dumps(before)
    w.recomputer.flush()
    assert w.doc.result.summary["final"]["fte_freed"] == fte_before

    w.doc.undo_stack.redo()
    assert w.doc.data["workflows"][0]["ai"]["adoption"] == 0.4
    assert w.isWindowModified()


def test_refused_value_stays_unchanged_and_says_why_in_the_status_bar(window):
    w = window
    model = w.workflows_page.model
    before = dumps(w.doc.data)
    assert not model.setData(model.index(0, adoption_index(w)), "lots")
    assert dumps(w.doc.data) == before
    assert "not a number" in w.statusBar().currentMessage()
    assert w.doc.undo_stack.count() == 0


def test_paste_a_block_applies_valid_values_reports_invalid_in_one_undo_step(window):
    w = window
    table = w.workflows_page.table
    model = w.workflows_page.model
    before = copy.deepcopy(w.doc.data)
    first = model.column_of(("volume_per_month",))
    # volume, minutes, time saved, adoption for 3 rows; two values are invalid
    block = "1000\t5\t30%\t50%\r\nlots\t6\t20%\t150%\r\n3000\t7\t10%\t90%\r\n"
    table.setCurrentIndex(table.model().index(0, first))
    applied, errors = table.paste_text(block)

    assert applied == 10 and len(errors) == 2
    assert any("not a number" in e for e in errors) and any("at most 100%" in e for e in errors)
    wf = w.doc.data["workflows"]
    assert wf[0]["volume_per_month"] == 1000 and wf[0]["ai"]["adoption"] == 0.5
    assert wf[1]["volume_per_month"] == before["workflows"][1]["volume_per_month"]  # refused
    assert wf[1]["minutes_per_unit"] == 6
    assert wf[1]["ai"]["adoption"] == before["workflows"][1]["ai"]["adoption"]  # refused
    assert wf[2]["ai"]["adoption"] == 0.9
    assert "refused 2" in w.statusBar().currentMessage()
    assert w.doc.undo_stack.count() == 1
    w.doc.undo_stack.undo()
    assert dumps(w.doc.data) == dumps(before)


def test_copy_gives_tab_separated_text(window, qtbot):
    from PySide6.QtCore import QItemSelectionModel
    from PySide6.QtGui import QGuiApplication

    w = window
    table = w.workflows_page.table
    m = table.model()
    sel = table.selectionModel()
    col = adoption_index(w)
    sel.select(m.index(0, col - 1), QItemSelectionModel.SelectionFlag.Select)
    sel.select(m.index(0, col), QItemSelectionModel.SelectionFlag.Select)
    table.copy_selection()
    text = QGuiApplication.clipboard().text()
    assert text.strip().split("\t") == [m.index(0, col - 1).data(), m.index(0, col).data()]


def test_a_dangling_team_is_marked_in_place_and_listed(window):
    w = window
    model = w.workflows_page.model
    col = model.column_of(("team",))
    assert model.setData(model.index(0, col), "nobody")  # accepted, then marked
    w.recomputer.flush()
    assert w.doc.error_count == 1
    idx = model.index(0, col)
    tint = idx.data(Qt.ItemDataRole.BackgroundRole)
    assert tint is not None and tint.color() == ERROR_TINT
    assert 'no team with id "nobody"' in idx.data(Qt.ItemDataRole.ToolTipRole)
    assert w.problems.topLevelItemCount() == 1
    assert "1 problem" in w.problems_button.text()
    # results are those of the last valid plan, marked stale
    assert w.doc.result is not None and w.doc.stale_message
    assert w.results.is_stale
    # clicking the problem selects the offending cell
    w.show_page("Teams")
    w.go_to_problem(w.doc.problems[0].loc)
    assert w.current_page() == "Workflows"
    cur = w.workflows_page.table.currentIndex()
    assert (cur.row(), cur.column()) == (0, col)


def test_add_duplicate_delete_rows_are_undoable(window):
    w = window
    table = w.workflows_page.table
    n = len(w.doc.data["workflows"])
    table.setCurrentIndex(table.model().index(1, 0))
    table.add_row()
    assert len(w.doc.data["workflows"]) == n + 1
    table.setCurrentIndex(table.model().index(0, 0))
    table.duplicate_rows()
    ids = [x["id"] for x in w.doc.data["workflows"]]
    assert len(ids) == n + 2 and len(set(ids)) == len(ids)
    table.clearSelection()
    table.setCurrentIndex(table.model().index(0, 0))
    table.delete_rows()
    assert len(w.doc.data["workflows"]) == n + 1
    for _ in range(3):
        w.doc.undo_stack.undo()
    assert len(w.doc.data["workflows"]) == n


def test_choosing_no_compute_removes_the_block_and_undo_puts_it_back(window):
    w = window
    model = w.workflows_page.model
    col = model.column_of(("compute", "model"))
    before = dumps(w.doc.data)
    assert model.setData(model.index(0, col), None)
    assert "compute" not in w.doc.data["workflows"][0]
    assert model.index(0, col + 1).data() == "–"  # calls: not applicable now
    w.doc.undo_stack.undo()
    assert dumps(w.doc.data) == before


def test_renaming_a_team_id_updates_references(window):
    w = window
    tm = w.teams_page.tree_model
    support = w.doc.ids("teams")["support"]
    idx = tm.index_of_team(support, 1)
    assert tm.setData(idx, "care")
    w.recomputer.flush()
    assert w.doc.error_count == 0
    assert all(x.get("team") != "support" for x in w.doc.data["workflows"])
    assert any(x.get("team") == "care" for x in w.doc.data["workflows"])


def test_reparent_a_team_and_refuse_a_cycle(window):
    w = window
    tm = w.teams_page.tree_model
    ids = w.doc.ids("teams")
    assert tm.reparent([ids["legal"]], ids["support"])
    assert w.doc.data["teams"][ids["legal"]]["parent"] == "support"
    assert tm.parent(tm.index_of_team(ids["legal"])).internalId() - 1 == ids["support"]
    assert not tm.reparent([ids["eng"]], ids["eng-platform"])  # its own sub-team
    assert "cannot report" in w.statusBar().currentMessage()
    # drag and drop goes through the same path
    mime = tm.mimeData([tm.index_of_team(ids["legal"])])
    assert tm.dropMimeData(mime, None, -1, -1, tm.index_of_team(ids["exec"]))
    assert w.doc.data["teams"][ids["legal"]]["parent"] == "exec"


def test_settings_form_shows_defaults_and_resets_to_them(window):
    w = window
    page = w.settings_page
    m = page.model
    row = m.row_of(("settings", "pue"))
    assert m.index(row, 1).data() == "1.2"
    assert m.setData(m.index(row, 1), "")
    assert "pue" not in w.doc.data["settings"]
    assert m.index(row, 1).data() == "1.3"  # the default, shown
    assert "Default: 1.3" in m.index(row, 1).data(Qt.ItemDataRole.ToolTipRole)
