"""One typed registry of the app's persistent settings (QSettings).

Tests (and portable installs) point ``ORGPLANNER_CONFIG_DIR`` at a folder: settings then
live in ``orgplanner.ini`` there. ``ORGPLANNER_DATA_DIR`` holds autosave and recovery files
(else the platform's app data folder).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

ORG = "OrgPlanner"
APP = "OrgPlanner"
MAX_RECENT = 10


def data_dir() -> Path:
    env = os.environ.get("ORGPLANNER_DATA_DIR")
    if env:
        path = Path(env)
    else:
        loc = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
        path = Path(loc) if loc else Path.home() / ".orgplanner"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _qsettings() -> QSettings:
    env = os.environ.get("ORGPLANNER_CONFIG_DIR")
    if env:
        Path(env).mkdir(parents=True, exist_ok=True)
        return QSettings(str(Path(env) / "orgplanner.ini"), QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORG, APP)


class AppSettings:
    """Typed accessors; every value has a default and survives a corrupt settings file."""

    def __init__(self) -> None:
        self.q = _qsettings()

    def _get(self, key: str, default, kind):
        value = self.q.value(key, default)
        try:
            if kind is list:
                if value is None:
                    return []
                return [str(v) for v in (value if isinstance(value, list) else [value]) if v]
            if kind is bytes:
                return value if isinstance(value, QByteArray) else QByteArray()
            return kind(value)
        except (TypeError, ValueError):
            return default

    # recent files ----------------------------------------------------------------------
    @property
    def recent_files(self) -> list[str]:
        return self._get("files/recent", [], list)

    def add_recent(self, path: str | os.PathLike[str]) -> None:
        p = str(Path(path).resolve())
        items = [p] + [x for x in self.recent_files if x != p]
        self.q.setValue("files/recent", items[:MAX_RECENT])

    def remove_recent(self, path: str) -> None:
        self.q.setValue("files/recent", [x for x in self.recent_files if x != path])

    def clear_recent(self) -> None:
        self.q.setValue("files/recent", [])

    @property
    def last_plan(self) -> str:
        return self._get("files/last", "", str)

    @last_plan.setter
    def last_plan(self, value: str) -> None:
        self.q.setValue("files/last", value)

    @property
    def last_dir(self) -> str:
        return self._get("files/last_dir", "", str)

    @last_dir.setter
    def last_dir(self, value: str) -> None:
        self.q.setValue("files/last_dir", value)

    # window ------------------------------------------------------------------------------
    @property
    def geometry(self) -> QByteArray:
        return self._get("window/geometry", QByteArray(), bytes)

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self.q.setValue("window/geometry", value)

    @property
    def window_state(self) -> QByteArray:
        return self._get("window/state", QByteArray(), bytes)

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self.q.setValue("window/state", value)

    @property
    def splitter_state(self) -> QByteArray:
        return self._get("window/splitter", QByteArray(), bytes)

    @splitter_state.setter
    def splitter_state(self, value: QByteArray) -> None:
        self.q.setValue("window/splitter", value)

    @property
    def page(self) -> str:
        return self._get("window/page", "Teams", str)

    @page.setter
    def page(self, value: str) -> None:
        self.q.setValue("window/page", value)

    # appearance --------------------------------------------------------------------------
    @property
    def theme(self) -> str:
        value = self._get("view/theme", "system", str)
        return value if value in ("system", "light", "dark") else "system"

    @theme.setter
    def theme(self, value: str) -> None:
        self.q.setValue("view/theme", value)

    @property
    def workflow_compute_columns(self) -> bool:
        value = self._get("view/workflow_compute_columns", "false", str)
        return value.lower() in ("true", "1")

    @workflow_compute_columns.setter
    def workflow_compute_columns(self, value: bool) -> None:
        self.q.setValue("view/workflow_compute_columns", "true" if value else "false")

    # autosave ------------------------------------------------------------------------------
    @property
    def autosave_seconds(self) -> int:
        return max(5, self._get("autosave/seconds", 60, int))

    def sync(self) -> None:
        self.q.sync()
