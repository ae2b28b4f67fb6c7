"""Write the brief of a plan to a PDF file atomically (no partial file is ever left)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any


def ensure_gui() -> Any:
    """A Qt GUI application for drawing; offscreen when there is no display (the headless
    ``orgplanner brief`` needs none)."""
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
                or os.environ.get("QT_QPA_PLATFORM")) and os.name != "nt":
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        app = QGuiApplication([])
    return app


def export_brief(data: dict, path: str | os.PathLike[str], *, draws: int = 2000, seed: int = 1,
                 scenario: str | None = None, warnings: list[str] | None = None) -> int:
    """Compute the brief of ``data`` (a valid plan) and write it; returns the page count."""
    from ...brief.content import build
    from ...io.atomic import WriteFailed, atomic_path, explain_os_error
    from .render import write_pdf

    ensure_gui()
    content = build(data, draws=draws, seed=seed, scenario=scenario, warnings=warnings)
    target = Path(path)
    with atomic_path(target) as tmp:
        pages = write_pdf(content, tmp)
        try:
            if tmp.stat().st_size == 0:
                raise WriteFailed(f"cannot write {target}: the PDF writer produced nothing; "
                                  "check the disk space and the folder")
        except OSError as exc:
            raise WriteFailed(explain_os_error(exc, target)) from exc
    return pages
