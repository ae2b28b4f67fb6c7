"""Export from the window, the empty state, the screenshot of the window."""
# ruff: noqa: F811 - the fixtures are imported from app_helpers

from __future__ import annotations

import sys
import types
from pathlib import Path

from app_helpers import make_window, window  # noqa: F401 - fixtures

from planner.ui import dialogs


def fake_excel(monkeypatch, *, fail: str | None = None):
    mod = types.ModuleType("planner.io.excel")

    class ExportCancelled(Exception):
        pass

    class ExportError(Exception):
        pass

    def export_workbook(plan, path, *, values_only=False, progress=None, cancel=None, **options):
        mod.options = options
        for i in range(5):
            if cancel and cancel():
                raise ExportCancelled()
            progress(i / 4, f"Sheet {i + 1} of 5")
        if fail:
            raise ExportError(fail)
        Path(path).write_bytes(b"PK fake workbook")
        return Path(path)

    mod.export_workbook, mod.ExportCancelled, mod.ExportError = export_workbook, ExportCancelled, ExportError
    monkeypatch.setitem(sys.modules, "planner.io.excel", mod)
    return mod


def test_export_runs_with_progress_and_offers_to_open(window, qtbot, tmp_path, monkeypatch):
    from planner.ui.workers import ThreadRunner

    fake_excel(monkeypatch)
    offered = []
    monkeypatch.setattr(dialogs, "ask_open_export", lambda _p, path: offered.append(path) or "")
    window.exporter.runner = ThreadRunner()  # a real worker thread
    target = tmp_path / "out.xlsx"
    seen = []
    job = window.export_excel(path=target)
    job.progress.connect(lambda f, m: seen.append((f, m)))
    with qtbot.waitSignal(job.finished, timeout=10_000) as blocker:
        pass
    assert blocker.args[0] == target and target.read_bytes().startswith(b"PK")
    assert seen and seen[-1][0] == 1.0
    assert offered == [target]
    assert "Exported out.xlsx" in window.statusBar().currentMessage()
    assert sys.modules["planner.io.excel"].options["source"] == window.doc.path.name  # provenance


def test_export_errors_show_in_a_dialog(window, qtbot, tmp_path, monkeypatch):
    fake_excel(monkeypatch, fail="cannot write out.xlsx: the disk is full")
    warned = []
    monkeypatch.setattr(dialogs, "warn", lambda _p, title, text: warned.append(text))
    job = window.export_excel(path=tmp_path / "out.xlsx")
    qtbot.waitUntil(lambda: bool(warned))
    assert warned == ["cannot write out.xlsx: the disk is full"]
    assert job is not None and not (tmp_path / "out.xlsx").exists()


def test_export_refuses_a_plan_with_problems(window, monkeypatch, tmp_path):
    fake_excel(monkeypatch)
    warned = []
    monkeypatch.setattr(dialogs, "warn", lambda _p, title, text: warned.append(text))
    window.doc.set(("workflows", 0, "team"), "ghost")
    assert window.export_excel(path=tmp_path / "x.xlsx") is None
    assert "1 problem" in warned[0]


def test_export_with_the_real_workbook_writer(window, qtbot, tmp_path, monkeypatch):
    from planner.ui.export import excel_module

    if excel_module() is None:
        import pytest

        pytest.skip("the Excel export is not installed")
    from planner.ui.workers import ThreadRunner

    monkeypatch.setattr(dialogs, "ask_open_export", lambda *a: "")
    window.exporter.runner = ThreadRunner()
    target = tmp_path / "northwind.xlsx"
    job = window.export_excel(path=target)
    progress = []
    job.progress.connect(lambda f, m: progress.append(f))
    with qtbot.waitSignal(job.finished, timeout=60_000):
        pass
    import zipfile

    assert zipfile.is_zipfile(target)
    assert progress


def test_a_new_plan_teaches_with_an_empty_state(window, monkeypatch, qtbot):
    w = window
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda *a: dialogs.DISCARD)
    w.new_plan()
    page = w.teams_page
    assert w.current_page() == "Teams"
    assert page.stack.currentWidget() is page.empty
    assert page.empty.button.text() == "Add a team"
    assert "Northwind" in page.empty.link.text()
    page.empty.button.click()
    assert len(w.doc.data["teams"]) == 1
    assert page.stack.currentWidget() is not page.empty
    w.doc.undo_stack.undo()
    assert page.stack.currentWidget() is page.empty
    # the link opens the example
    page.empty.link.linkActivated.emit("#")
    assert w.doc.name.startswith("Northwind")


def test_screenshot_of_the_main_window_is_not_blank(window, tmp_path):
    from PySide6.QtGui import QImage

    w = window
    w.resize(1440, 900)
    w.show_page("Workflows")
    w.workflows_page.table.selectRow(0)
    out = tmp_path / "main_window.png"
    assert w.grab().save(str(out))
    img = QImage(str(out))
    assert (img.width(), img.height()) == (1440, 900)
    colours = set()
    for x in range(0, img.width(), 17):
        for y in range(0, img.height(), 13):
            colours.add(img.pixel(x, y))
    assert len(colours) > 20  # text, tables, tiles and charts: far from a blank window
    # every region of the window has content, not one flat colour
    for qx in range(4):
        for qy in range(2):
            region = {img.pixel(x, y) for x in range(qx * 360, qx * 360 + 360, 9)
                      for y in range(qy * 450, qy * 450 + 450, 9)}
            assert len(region) > 3
