"""File > Export brief: the one-page PDF for leadership, written on a worker (the Monte Carlo
takes a moment), then an offer to open it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QWidget

from .. import dialogs
from ..workers import ThreadRunner, _Runner

TITLE = "Export brief"


def _write(data: Any, path: Path, scenario: str | None) -> int:
    from .export import export_brief

    return export_brief(data, path, scenario=scenario)


class BriefController(QObject):
    message = Signal(str)
    finished = Signal(object)      # the path written

    def __init__(self, window: QWidget, *, runner: _Runner | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.runner = runner or ThreadRunner()
        self.dialog: QProgressDialog | None = None

    def export(self, data: Any, default_path: Path, scenario: str | None, *,
               path: Path | None = None, ask_open: bool = True) -> None:
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(self.window, TITLE, str(default_path),
                                                    "PDF document (*.pdf)")
            if not chosen:
                return
            path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        dlg = QProgressDialog("Writing the brief: scenarios, the four bets and the Monte Carlo "
                              "range...", "", 0, 0, self.window)
        dlg.setWindowTitle(TITLE)
        dlg.setCancelButton(None)
        dlg.setWindowModality(Qt.WindowModality.WindowModal)
        dlg.setMinimumDuration(400)
        self.dialog = dlg
        self._ask_open = ask_open
        self.runner.submit(_write, data, path, scenario,
                           on_done=lambda pages, p=path: self._done(p, pages),
                           on_error=self._failed)

    def _close(self) -> None:
        if self.dialog is not None:
            self.dialog.reset()
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None

    def _done(self, path: Path, pages: int) -> None:
        self._close()
        self.message.emit(f"Wrote the brief {path.name} ({pages} page{'s' if pages != 1 else ''})")
        self.finished.emit(path)
        if self._ask_open:
            dialogs.offer_open(self.window, path)

    def _failed(self, exc: BaseException) -> None:
        self._close()
        self.message.emit("The brief was not written")
        dialogs.warn(self.window, TITLE, str(exc) if str(exc) else type(exc).__name__)
