"""An unexpected error is logged, the work autosaved, and the user told; the app goes on."""
# ruff: noqa: F811 - the fixtures are imported from app_helpers

from __future__ import annotations

import sys

from app_helpers import make_window, window  # noqa: F401 - fixtures

from planner.ui import crash


def test_unexpected_error_is_logged_autosaved_and_reported(window, monkeypatch):
    w = window
    w.doc.set(("name",), "Changed before the error")
    shown = []
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.warning",
                        lambda parent, title, text: shown.append((title, text)))
    old = sys.excepthook
    try:
        hook = crash.install(lambda: w)
        try:
            raise RuntimeError("boom in a slot")
        except RuntimeError:
            hook(*sys.exc_info())
    finally:
        sys.excepthook = old
    log = crash.log_path().read_text(encoding="utf-8")
    assert "RuntimeError: boom in a slot" in log
    assert shown and shown[0][0] == "Unexpected error"
    assert "autosaved" in shown[0][1] and str(crash.log_path()) in shown[0][1]
    assert w.session.autosave_path.exists()
    assert "Changed before the error" in w.session.autosave_path.read_text(encoding="utf-8")
    assert w.isVisible()
