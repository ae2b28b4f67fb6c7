"""Unexpected errors: never lose work, never vanish.

An exception that escapes a slot or event handler would otherwise only print to a console
the user never sees. Here it is written to ``errors.log`` in the data folder, the plan is
autosaved at once (so a restart offers it back), and a calm dialog says what happened and
where the details are. The app keeps running.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from .settings import data_dir


def log_path() -> Path:
    return data_dir() / "errors.log"


def _write_log(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> Path | None:
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8", errors="backslashreplace") as fh:  # any text
            fh.write(f"\n--- {datetime.now().isoformat(timespec='seconds')} ---\n")
            fh.write("".join(traceback.format_exception(kind, exc, tb)))
        return path
    except OSError:
        return None


def install(window_getter: Callable[[], Any]) -> Callable[..., None]:
    """Route unhandled exceptions to :func:`handle`; returns the hook (for tests)."""
    busy = False

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        nonlocal busy
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        if busy:                      # an error while reporting an error: just log it
            _write_log(kind, exc, tb)
            return
        busy = True
        try:
            handle(window_getter(), kind, exc, tb)
        finally:
            busy = False

    sys.excepthook = hook
    return hook


def handle(window: Any, kind: type[BaseException], exc: BaseException,
           tb: TracebackType | None) -> None:
    """Log, autosave, and tell the user; never raises."""
    path = _write_log(kind, exc, tb)
    saved = False
    try:
        if window is not None and window.doc.is_modified():
            saved = window.session.autosave(sync=True)
    except Exception:  # noqa: BLE001 - the report must not fail
        saved = False
    try:
        from PySide6.QtWidgets import QMessageBox

        lines = ["Something went wrong inside OrgPlanner. The app is still running."]
        if saved:
            lines.append("Your unsaved changes were autosaved; save the plan now to be safe.")
        if path is not None:
            lines.append(f"Details for the developers: {path}")
        QMessageBox.warning(window, "Unexpected error", "\n\n".join(lines))
    except Exception:  # noqa: BLE001
        sys.__excepthook__(kind, exc, tb)
