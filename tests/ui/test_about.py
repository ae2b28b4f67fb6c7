"""Help > About shows the installed version, with Qt's and Python's."""

from __future__ import annotations

import platform

from app_helpers import make_window  # noqa: F401 - fixture


def test_the_version_is_the_package_metadata_which_is_planner_version():
    from planner import __version__
    from planner.ui.about import app_version, metadata_version

    assert metadata_version() == __version__   # pyproject reads planner.__version__
    assert app_version() == __version__


def test_without_metadata_the_version_is_planner_version(monkeypatch):
    from importlib import metadata

    from planner import __version__
    from planner.ui import about

    def missing(name):
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(about.metadata, "version", missing)
    assert about.metadata_version() is None
    assert about.app_version() == __version__


def test_about_box_shows_version_qt_and_python(make_window, monkeypatch):  # noqa: F811
    from PySide6.QtCore import qVersion
    from PySide6.QtWidgets import QMessageBox

    from planner import __version__

    shown = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.append(text))
    w = make_window()
    w.a_about.trigger()
    assert len(shown) == 1
    assert f"OrgPlanner {__version__}" in shown[0]
    assert f"Qt {qVersion()} · Python {platform.python_version()}" in shown[0]
