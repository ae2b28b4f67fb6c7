"""File > Export to Excel: runs the export on a worker with a progress dialog and Cancel."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from . import dialogs
from .workers import ThreadRunner, _Runner


def excel_module() -> Any | None:
    """``planner.io.excel`` when it is installed, else None (imported lazily: openpyxl is slow)."""
    try:
        return importlib.import_module("planner.io.excel")
    except ImportError as exc:
        if (exc.name or "").startswith("planner.io.excel"):
            return None
        raise


class ExportJob(QObject):
    """One export run. Signals: ``progress(fraction, message)``, ``finished(path)``,
    ``failed(message)``, ``cancelled()``."""

    progress = Signal(float, str)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, plan: Any, path: Path, *, values_only: bool = False,
                 source: str | None = None, runner: _Runner | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.plan, self.path, self.values_only = plan, Path(path), values_only
        self.source = source            # the plan file's name, shown in the workbook
        self.runner = runner or ThreadRunner()
        self.task = None

    def start(self) -> None:
        mod = excel_module()
        if mod is None:
            self.failed.emit("Excel export is not available in this version.")
            return

        def run(plan, path, *, progress, cancel):
            return mod.export_workbook(plan, path, values_only=self.values_only,
                                       source=self.source, progress=progress, cancel=cancel)

        self.task = self.runner.submit(run, self.plan, self.path, with_progress=True,
                                       on_progress=self.progress.emit, on_done=self._done,
                                       on_error=lambda exc: self._error(mod, exc))

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _done(self, path: Any) -> None:
        self.finished.emit(Path(path) if path else self.path)

    def _error(self, mod: Any, exc: BaseException) -> None:
        if isinstance(exc, getattr(mod, "ExportCancelled", ())):
            self.cancelled.emit()
        elif isinstance(exc, getattr(mod, "ExportError", ())):
            self.failed.emit(str(exc))
        elif isinstance(exc, OSError):
            from ..io.atomic import explain_os_error

            self.failed.emit(explain_os_error(exc, self.path))
        else:
            self.failed.emit(f"The export failed: {type(exc).__name__}: {exc}")


class ExportController(QObject):
    """The UI around an export: file dialog, progress dialog, result dialog."""

    message = Signal(str)

    def __init__(self, window: QWidget, *, runner: _Runner | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.runner = runner
        self.job: ExportJob | None = None
        self.dialog: QProgressDialog | None = None

    def export(self, plan: Any, default_path: Path, *, path: Path | None = None,
               source: str | None = None) -> ExportJob | None:
        if excel_module() is None:
            dialogs.inform(self.window, "Export to Excel", "Excel export is not available in this "
                           "version of OrgPlanner.")
            return None
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(self.window, "Export to Excel", str(default_path),
                                                    "Excel workbook (*.xlsx)")
            if not chosen:
                return None
            path = Path(chosen)
            if path.suffix.lower() != ".xlsx":
                path = path.with_suffix(".xlsx")
        self.job = job = ExportJob(plan, path, source=source, runner=self.runner, parent=self)
        dlg = QProgressDialog("Preparing the workbook...", "Cancel", 0, 1000, self.window)
        dlg.setWindowTitle("Export to Excel")
        dlg.setWindowModality(Qt.WindowModality.WindowModal)
        dlg.setMinimumDuration(300)
        dlg.setAutoClose(False)
        dlg.setAutoReset(False)
        dlg.canceled.connect(job.cancel)
        self.dialog = dlg

        def progress(fraction: float, text: str) -> None:
            if self.dialog is not dlg:
                return  # a late report from the worker, after the export ended
            dlg.setValue(int(max(0.0, min(1.0, fraction)) * 1000))
            if text:
                dlg.setLabelText(text)

        job.progress.connect(progress)
        job.finished.connect(self._finished)
        job.failed.connect(self._failed)
        job.cancelled.connect(self._cancelled)
        job.start()
        return job

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.reset()
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None

    def _finished(self, path: Path) -> None:
        self._close_dialog()
        self.message.emit(f"Exported {path.name}")
        dialogs.offer_open(self.window, path)

    def _failed(self, message: str) -> None:
        self._close_dialog()
        self.message.emit("Export failed")
        dialogs.warn(self.window, "Export to Excel", message)

    def _cancelled(self) -> None:
        self._close_dialog()
        self.message.emit("Export cancelled; no file was written")


__all__ = ["ExportController", "ExportJob", "excel_module", "QMessageBox"]
