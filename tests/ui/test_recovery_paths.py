"""Crash recovery ties the restored plan to its own file, from any folder, and never deletes
an autosave the user has not been asked about."""
# ruff: noqa: F811 - the fixtures are imported from app_helpers

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest
from app_helpers import make_window  # noqa: F401 - fixture

from planner.ui import dialogs
from planner.ui.app import open_initial
from planner.ui.recovery import find_recoverable


def _crash_with_edits(make_window, folder: Path, northwind_path: Path, monkeypatch):
    """Open folder/plan.orgplan.json by a relative path from ``folder``, edit, autosave, crash."""
    folder.mkdir()
    plan = folder / "plan.orgplan.json"
    shutil.copy(northwind_path, plan)
    old = time.time() - 3600
    os.utime(plan, (old, old))
    monkeypatch.chdir(folder)
    w = make_window(Path("plan.orgplan.json"), show=False)
    w.doc.set(("name",), "Edited before the crash")
    assert w.session.autosave(sync=True)
    w.session.timer.stop()
    w.session.close = lambda: None  # the crash: no clean exit
    return plan, w.session.autosave_path, json.loads(json.dumps(w.doc.data))


def _answer(autosave: Path, answer: bool, monkeypatch) -> list[str]:
    asked: list[str] = []

    def ask(_parent, text: str) -> bool:
        assert autosave.is_file(), "the autosave was deleted before the user answered"
        asked.append(text)
        return answer

    monkeypatch.setattr(dialogs, "ask_restore", ask)
    return asked


@pytest.mark.parametrize("same_name_there", [False, True], ids=["empty", "unrelated-file"])
def test_restored_from_another_folder_the_plan_keeps_its_absolute_path(
        make_window, tmp_path, northwind_path, monkeypatch, same_name_there):
    plan, autosave, edited = _crash_with_edits(make_window, tmp_path / "a", northwind_path,
                                               monkeypatch)
    elsewhere = tmp_path / "b"
    elsewhere.mkdir()
    unrelated = elsewhere / "plan.orgplan.json"
    if same_name_there:
        unrelated.write_text('{"name": "someone else\'s plan"}', encoding="utf-8")
    monkeypatch.chdir(elsewhere)
    asked = _answer(autosave, True, monkeypatch)
    w2 = make_window(show=False)
    open_initial(w2, [])
    assert asked and "plan.orgplan.json" in asked[0]
    assert w2.doc.path == plan and w2.doc.path.is_absolute()
    assert w2.doc.data == edited and w2.isWindowModified()
    assert not autosave.exists()  # answered, and copied into the new session's autosave
    assert w2.save()
    assert json.loads(plan.read_text(encoding="utf-8"))["name"] == "Edited before the crash"
    if same_name_there:
        assert json.loads(unrelated.read_text(encoding="utf-8")) == {"name": "someone else's plan"}


def test_a_plan_whose_file_is_gone_comes_back_unsaved_and_save_asks_where(
        make_window, tmp_path, northwind_path, monkeypatch):
    plan, autosave, edited = _crash_with_edits(make_window, tmp_path / "a", northwind_path,
                                               monkeypatch)
    plan.unlink()
    monkeypatch.chdir(tmp_path)
    asked = _answer(autosave, True, monkeypatch)
    w2 = make_window(show=False)
    open_initial(w2, [])
    assert "no longer at" in asked[0]
    assert w2.doc.path is None and w2.doc.data == edited and w2.isWindowModified()
    assert "Save will ask where to save it" in w2.statusBar().currentMessage()
    suggested: list[str] = []
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName",
                        lambda _p, _t, start, _f: suggested.append(start) or ("", ""))
    assert not w2.save()  # Save went to Save As, which the user cancelled
    assert Path(suggested[0]).name == "plan.orgplan.json"


def test_an_autosave_older_than_the_saved_file_is_still_offered(
        make_window, tmp_path, northwind_path, monkeypatch):
    plan, autosave, _ = _crash_with_edits(make_window, tmp_path / "a", northwind_path,
                                          monkeypatch)
    later = time.time() + 60
    os.utime(plan, (later, later))  # saved after the autosave (by another window, say)
    [rec] = find_recoverable()
    assert rec.autosave == autosave and "saved later" in rec.describe()
    asked = _answer(autosave, False, monkeypatch)
    open_initial(make_window(show=False), [])
    assert asked and not autosave.exists()  # declined: now it may go


def test_an_autosave_identical_to_the_saved_file_is_dropped_silently(
        make_window, tmp_path, northwind_path, monkeypatch):
    plan, autosave, _ = _crash_with_edits(make_window, tmp_path / "a", northwind_path,
                                          monkeypatch)
    shutil.copy(autosave, plan)
    assert find_recoverable() == [] and not autosave.exists()


def test_only_the_newest_autosave_is_offered_and_the_others_are_kept(
        make_window, tmp_path, northwind_path, monkeypatch):
    _, first, _ = _crash_with_edits(make_window, tmp_path / "a", northwind_path, monkeypatch)
    old = time.time() - 600
    os.utime(first, (old, old))
    _, second, _ = _crash_with_edits(make_window, tmp_path / "b", northwind_path, monkeypatch)
    asked = _answer(second, False, monkeypatch)
    open_initial(make_window(show=False), [])
    assert len(asked) == 1 and not second.exists()
    assert first.exists()  # never shown: offered at the next start
