"""Row commands as people use them: Ctrl+D then Delete, deleting a team that workflows use,
renaming the team whose roles are shown."""
# ruff: noqa: F811 - the fixtures are imported from app_helpers

from __future__ import annotations

from app_helpers import dumps, make_window, window  # noqa: F401 - fixtures
from PySide6.QtCore import Qt


def _ids(w):
    return [x["id"] for x in w.doc.data["workflows"]]


def test_ctrl_d_then_delete_removes_only_the_copies(window, qtbot):
    w = window
    w.show_page("Workflows")
    table = w.workflows_page.table
    before = _ids(w)
    table.setFocus()
    table.setCurrentIndex(table.model().index(2, 0))
    qtbot.keyClick(table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert len(_ids(w)) == len(before) + 1
    assert table.selected_source_rows() == [3]           # the copy, not the original
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert _ids(w) == before                              # the original is still there


def test_duplicating_two_rows_selects_the_two_copies(window):
    from PySide6.QtCore import QItemSelectionModel

    w = window
    table = w.workflows_page.table
    m = table.model()
    sel = table.selectionModel()
    sel.select(m.index(0, 0), QItemSelectionModel.SelectionFlag.Select)
    sel.select(m.index(4, 0), QItemSelectionModel.SelectionFlag.Select)
    table.duplicate_rows()
    assert table.selected_source_rows() == [1, 6]
    names = [w.doc.data["workflows"][r]["name"] for r in (1, 6)]
    assert all(n.endswith("(copy)") for n in names)


def test_ctrl_d_on_teams_then_delete_removes_only_the_copy(window, qtbot):
    w = window
    w.show_page("Teams")
    page = w.teams_page
    before = [t["id"] for t in w.doc.data["teams"]]
    page.select_team(8)                                   # Legal
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert page.selected_teams() == [len(before)]
    qtbot.keyClick(page.tree, Qt.Key.Key_Delete)
    assert [t["id"] for t in w.doc.data["teams"]] == before


def test_deleting_a_team_that_workflows_use_says_what_happens(window, monkeypatch):
    from planner.ui import dialogs

    w = window
    page = w.teams_page
    asked = []

    def answer(choice):
        def ask(parent, teams, workflows):
            asked.append((teams, workflows))
            return choice
        return ask

    page.select_team(4)                                   # Customer Support: 2 workflows
    before = dumps(w.doc.data)
    monkeypatch.setattr(dialogs, "ask_delete_teams", answer(dialogs.CANCEL))
    page.delete_selected()
    assert dumps(w.doc.data) == before                    # Cancel: nothing happens
    teams, workflows = asked[-1]
    assert teams == ["Customer Support"]
    assert workflows == ["Answer tickets (agent assist)", "Automated chat resolution"]
    text = dialogs.delete_teams_text(teams, workflows)
    assert "2 workflows" in text and "Answer tickets (agent assist)" in text

    monkeypatch.setattr(dialogs, "ask_delete_teams", answer(dialogs.KEEP_WORKFLOWS))
    page.delete_selected()
    assert "support" not in [t["id"] for t in w.doc.data["teams"]]
    assert sum(x["team"] == "support" for x in w.doc.data["workflows"]) == 2
    w.recomputer.flush()
    assert w.doc.error_count == 2                          # listed, to give them a team
    w.doc.undo_stack.undo()
    assert dumps(w.doc.data) == before

    monkeypatch.setattr(dialogs, "ask_delete_teams", answer(dialogs.WITH_WORKFLOWS))
    page.select_team(4)
    page.delete_selected()
    assert not any(x["team"] == "support" for x in w.doc.data["workflows"])
    assert w.doc.undo_stack.undoText() == "Delete 1 team and 2 workflows"
    w.doc.undo_stack.undo()
    assert dumps(w.doc.data) == before


def test_a_team_without_workflows_is_deleted_without_a_question(window, monkeypatch):
    from planner.ui import dialogs

    w = window
    monkeypatch.setattr(dialogs, "ask_delete_teams", lambda *a: (_ for _ in ()).throw(
        AssertionError("asked")))
    w.teams_page.select_team(0 + 1)                       # Engineering leadership
    w.teams_page.delete_selected()
    assert "eng" not in [t["id"] for t in w.doc.data["teams"]]


def test_the_roles_heading_follows_a_rename(window):
    w = window
    page = w.teams_page
    page.select_team(4)
    assert page.roles_title.text() == "Roles of Customer Support"
    w.doc.set(("teams", 4, "name"), "Customer Care")
    assert page.roles_title.text() == "Roles of Customer Care"
    w.doc.undo_stack.undo()
    assert page.roles_title.text() == "Roles of Customer Support"


def test_duplicating_two_teams_selects_the_two_copies(window):
    from PySide6.QtCore import QItemSelectionModel

    w = window
    page = w.teams_page
    n = len(w.doc.data["teams"])
    page.select_team(5)
    page.tree.selectionModel().select(page.tree_model.index_of_team(8),
                                      QItemSelectionModel.SelectionFlag.Select
                                      | QItemSelectionModel.SelectionFlag.Rows)
    page.duplicate_selected()
    assert page.selected_teams() == [n, n + 1]
