"""The Help menu: a tour whose buttons go where they say, the model document in the app, and a
shortcut list read from the window's own actions."""

from __future__ import annotations

from app_helpers import make_window, window  # noqa: F401 - fixtures


def test_help_menu_has_tour_model_shortcuts_and_about(window):  # noqa: F811
    help_menu = next(a.menu() for a in window.menuBar().actions()
                     if a.text().replace("&", "") == "Help")
    texts = [a.text().replace("&", "") for a in help_menu.actions() if a.text()]
    assert texts[:3] == ["Getting started", "How the numbers are calculated",
                         "Keyboard shortcuts"]
    assert texts[-1].startswith("About")
    assert window.a_tour.shortcut().toString() == "F1"


def test_tour_walks_six_steps_and_show_me_opens_the_page(window, qtbot):  # noqa: F811
    from planner.ui.help.install import show_tour
    from planner.ui.help.tour import STEPS

    tour = show_tour(window)
    qtbot.addWidget(tour)
    assert tour.counter.text() == f"Step 1 of {len(STEPS)}" and not tour.back.isEnabled()
    for _ in range(len(STEPS) + 2):       # Next stops at the last step
        tour.next.click()
    assert tour.counter.text() == f"Step {len(STEPS)} of {len(STEPS)}"
    assert not tour.next.isEnabled() and tour.back.isEnabled()
    for step in STEPS:
        if step.go != "export":
            assert step.go in window.pages, step.go
            tour._show_me(step)
            assert window.current_page() == step.go


def test_the_model_document_opens_in_the_app_and_follows_its_links(window, qtbot):  # noqa: F811
    from planner.ui.help.docs import docs_dir
    from planner.ui.help.install import show_model

    viewer = show_model(window)
    qtbot.addWidget(viewer)
    text = viewer.browser.toPlainText()
    assert "npv" in text.lower() and len(text) > 5000
    assert "design/" not in text           # the contract is named in words, not by repo path
    assert (docs_dir() / "app.md").exists()
    from PySide6.QtCore import QUrl

    viewer._link(QUrl("app.md"))
    assert viewer.current == "app.md"


def test_a_missing_document_says_so_instead_of_failing(monkeypatch, tmp_path):
    from planner.ui.help import docs

    monkeypatch.setattr(docs, "docs_dir", lambda: tmp_path)
    assert "not installed" in docs.read_doc("model.md")


def test_shortcuts_list_every_action_key_once(window, qtbot):  # noqa: F811
    from planner.ui.help.install import show_shortcuts

    dialog = show_shortcuts(window)
    qtbot.addWidget(dialog)
    t = dialog.table
    rows = [(t.item(r, 0).text(), t.item(r, 1).text()) for r in range(t.rowCount())]
    assert len(rows) == len(set(rows))
    keys = dict(rows)
    assert keys["Getting started"] == "F1"
    assert any(k == "Ctrl+Z" for k in keys.values())   # Undo, from the window's own action
    assert all(what and k for what, k in rows)
    # where each key applies: the same Del deletes rows in a table and teams on Teams
    where = {(t.item(r, 0).text(), t.item(r, 1).text()): t.item(r, 2).text()
             for r in range(t.rowCount())}
    assert where[("Getting started", "F1")] == "Anywhere"
    assert where[("Delete teams", "Del")] == "Teams"
    assert where[("Copy", "Ctrl+C")] == "Any table"
    sections = [name for name in window.pages]
    assert all(where[(name, f"Ctrl+{i + 1}")] == "Anywhere" for i, name in enumerate(sections))
    assert not any("Ctrl+9" in k for _, k in rows) or len(sections) >= 9
