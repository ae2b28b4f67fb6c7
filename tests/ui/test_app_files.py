"""Files: save and reopen, unsaved changes, bad files, autosave and recovery, drag and drop."""
# ruff: noqa: F811 - the fixtures are imported from app_helpers

from __future__ import annotations

import json
import os
import time

from app_helpers import dumps, make_window, window  # noqa: F401 - fixtures
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from planner.ui import dialogs
from planner.ui.recovery import find_recoverable


def test_save_and_reopen_gives_the_same_plan(window, make_window, tmp_path):
    w = window
    m = w.workflows_page.model
    m.setData(m.index(1, m.column_of(("ai", "adoption"))), "55%")
    target = tmp_path / "mine.orgplan.json"
    assert w.save_to(target)
    assert not w.isWindowModified()
    assert "Saved mine.orgplan.json" in w.statusBar().currentMessage()
    w2 = make_window(target)
    assert w2.doc.data == w.doc.data
    assert w2.doc.path == target
    w2.recomputer.flush()
    assert w2.doc.result.summary == w.doc.result.summary
    # and the file is canonical: saving again gives the same bytes
    before = target.read_bytes()
    assert w2.save_to(target)
    assert target.read_bytes() == before


def test_closing_with_unsaved_changes_asks_and_cancel_keeps_the_window(window, monkeypatch):
    w = window
    asked = []
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda *a: asked.append(a) or dialogs.CANCEL)
    m = w.workflows_page.model
    m.setData(m.index(0, m.column_of(("volume_per_month",))), "123")
    assert w.isWindowModified()
    assert not w.close()
    assert asked and w.isVisible()
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda *a: dialogs.DISCARD)
    assert w.close()


def test_new_and_open_also_ask(window, monkeypatch, northwind_path):
    w = window
    m = w.workflows_page.model
    m.setData(m.index(0, m.column_of(("volume_per_month",))), "123")
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda *a: dialogs.CANCEL)
    w.new_plan()
    assert w.doc.data["workflows"][0]["volume_per_month"] == 123
    assert not w.open_plan(northwind_path)
    assert w.doc.data["workflows"][0]["volume_per_month"] == 123


def test_a_file_that_is_not_a_plan_is_refused_and_the_plan_stays(window, tmp_path, monkeypatch):
    w = window
    warned = []
    monkeypatch.setattr(dialogs, "warn", lambda _p, title, text: warned.append(text))
    before = dumps(w.doc.data)
    bad = tmp_path / "bad.orgplan.json"
    bad.write_text("{ not json", encoding="utf-8")
    assert not w.open_plan(bad)
    assert "not valid JSON" in warned[-1] and "bad.orgplan.json" in warned[-1]
    arr = tmp_path / "list.orgplan.json"
    arr.write_text("[1, 2]", encoding="utf-8")
    assert not w.open_plan(arr)
    assert "JSON object" in warned[-1]
    assert dumps(w.doc.data) == before


def test_a_plan_with_problems_opens_with_them_listed_and_saves_as_is(window, tmp_path, northwind_data):
    w = window
    northwind_data["workflows"][0]["team"] = "ghost"
    northwind_data["settings"]["pue"] = 0.5
    path = tmp_path / "broken.orgplan.json"
    path.write_text(json.dumps(northwind_data), encoding="utf-8")
    assert w.open_plan(path, ask=False)
    assert w.doc.error_count == 2
    assert w.problems_dock.isVisible()
    assert "2 problems" in w.statusBar().currentMessage()
    assert w.results.is_empty or w.results.is_stale
    # fix one, save: nothing is lost and the status bar says what is left
    s = w.settings_page.model
    s.setData(s.index(s.row_of(("settings", "pue")), 1), "1.3")
    assert w.save_to(path)
    assert "1 problem" in w.statusBar().currentMessage()
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["workflows"][0]["team"] == "ghost" and saved["settings"]["pue"] == 1.3


def test_autosave_appears_and_is_offered_after_an_unclean_exit(make_window, northwind_path,
                                                                tmp_path, monkeypatch):
    import shutil

    from planner.ui.app import open_initial

    plan = tmp_path / "plan.orgplan.json"
    shutil.copy(northwind_path, plan)
    old = time.time() - 3600
    os.utime(plan, (old, old))
    w = make_window(plan)
    m = w.workflows_page.model
    m.setData(m.index(0, m.column_of(("volume_per_month",))), "4242")
    assert w.session.autosave(sync=True)
    assert w.session.autosave_path.is_file()
    assert "Autosaved" in w.autosave_label.text()
    edited = dumps(w.doc.data)
    # the app "crashes": no clean exit, the marker and the autosave stay behind
    w.session.timer.stop()
    w.session.close = lambda: None
    assert [r.autosave for r in find_recoverable()] == [w.session.autosave_path]

    offered = []
    monkeypatch.setattr(dialogs, "ask_restore", lambda _p, text: offered.append(text) or True)
    w2 = make_window(show=False)
    open_initial(w2, [])
    assert offered and "plan.orgplan.json" in offered[0]
    assert w2.doc.data == json.loads(edited)
    assert w2.doc.path == plan and w2.isWindowModified()
    assert find_recoverable(exclude=w2.session.id) == []  # offered once only


def test_a_clean_exit_leaves_nothing_to_recover(make_window, northwind_path):
    w = make_window(northwind_path)
    m = w.workflows_page.model
    m.setData(m.index(0, m.column_of(("volume_per_month",))), "4242")
    w.session.autosave(sync=True)
    w.doc.undo_stack.setClean()
    assert w.close()
    assert find_recoverable() == []


def test_recent_files_and_last_plan_persist(window, make_window, tmp_path):
    w = window
    target = tmp_path / "kept.orgplan.json"
    w.save_to(target)
    from planner.ui.settings import AppSettings

    s = AppSettings()
    assert str(target.resolve()) in s.recent_files
    assert s.last_plan == str(target.resolve())


def drop(w, path):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    ev = QDropEvent(QPointF(200, 200), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                    Qt.KeyboardModifier.NoModifier)
    w.dropEvent(ev)
    return ev


def test_dropping_a_plan_file_opens_it(make_window, qtbot, tmp_path, northwind_data):
    w = make_window()
    northwind_data["name"] = "Dropped plan"
    path = tmp_path / "dropped.orgplan.json"
    path.write_text(json.dumps(northwind_data), encoding="utf-8")
    ev = drop(w, path)
    assert ev.isAccepted()
    qtbot.waitUntil(lambda: w.doc.path == path)
    assert w.doc.name == "Dropped plan" and "Dropped plan" in w.windowTitle()


def test_dropping_a_roster_calls_the_roster_import(make_window, qtbot, tmp_path, monkeypatch):
    import planner.ui.main_window as mw

    calls = []

    class FakeRoster:
        @staticmethod
        def import_roster_dialog(parent, path=None):
            calls.append(path)
            return None

    monkeypatch.setattr(mw, "roster_ui", lambda: FakeRoster)
    w = make_window()
    path = tmp_path / "people.csv"
    path.write_text("id,name\n", encoding="utf-8")
    drop(w, path)
    qtbot.waitUntil(lambda: bool(calls))
    assert calls == [path]
