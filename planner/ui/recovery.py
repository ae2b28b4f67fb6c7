"""Autosave and crash recovery.

While the app runs, each window's session writes a marker ``session-<id>.json`` in the
data folder (``ORGPLANNER_DATA_DIR`` or the platform's app data folder) and, every minute
when there are unsaved changes, an autosave copy of the plan. A clean exit deletes both.
On the next start, a marker left by a session that is no longer running means the app did
not exit cleanly: if its autosave is newer than the saved file, the user is offered it.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from .doc.document import PlanDocument
from .settings import data_dir
from .workers import ThreadRunner, _Runner


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


@dataclass
class Recoverable:
    marker: Path
    autosave: Path
    original: Path | None
    saved_at: datetime

    def describe(self) -> str:
        name = self.original.name if self.original else "an unsaved plan"
        return f"{name}, autosaved {self.saved_at:%d %b %Y at %H:%M}"

    def discard(self) -> None:
        for p in (self.autosave, self.marker):
            with contextlib.suppress(OSError):
                p.unlink()


def _write_json(path: Path, data: dict) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data), encoding="utf-8")
    os.replace(tmp, path)


def _dump(data: Any, path: Path) -> None:
    from ..io.planfile import save_plan

    save_plan(data, path)


class Session(QObject):
    """This window's autosave and marker. ``autosaved(str)`` carries the time (HH:MM)."""

    autosaved = Signal(str)
    failed = Signal(str)

    def __init__(self, doc: PlanDocument, *, runner: _Runner | None = None, interval_s: int = 60,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.runner = runner or ThreadRunner()
        self.id = uuid.uuid4().hex[:12]
        self.folder = data_dir()
        self.marker = self.folder / f"session-{self.id}.json"
        self.autosave_path = self.folder / f"autosave-{self.id}.orgplan.json"
        self._saved_index: int | None = None
        self._saved_data: Any = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_s * 1000)
        self.timer.timeout.connect(self.autosave)
        self.timer.start()
        self._write_marker()
        doc.pathChanged.connect(self._write_marker)
        doc.undo_stack.cleanChanged.connect(self._clean_changed)

    def _write_marker(self) -> None:
        with contextlib.suppress(OSError):
            _write_json(self.marker, {"pid": os.getpid(), "session": self.id,
                                      "file": str(self.doc.path) if self.doc.path else None,
                                      "autosave": str(self.autosave_path), "started": time.time()})

    def _clean_changed(self, clean: bool) -> None:
        if clean:  # saved (or undone back to the saved state): the autosave is not needed
            with contextlib.suppress(OSError):
                self.autosave_path.unlink()

    def autosave(self, *, sync: bool = False) -> bool:
        """Write the plan's current data if it has unsaved changes; True when started."""
        data = self.doc.data
        if not self.doc.is_modified() or data is self._saved_data:
            return False
        self._saved_data = data  # a reference: edits never mutate data in place
        self._write_marker()
        target = self.autosave_path

        def done(_: Any) -> None:
            self.autosaved.emit(datetime.now().strftime("%H:%M"))

        def failed(exc: BaseException) -> None:
            self.failed.emit(f"Autosave failed: {exc}")

        if sync:
            try:
                _dump(data, target)
            except OSError as exc:
                failed(exc)
                return False
            done(None)
        else:
            self.runner.submit(_dump, data, target, on_done=done, on_error=failed)
        return True

    def close(self) -> None:
        """A clean exit: nothing to recover."""
        self.timer.stop()
        for p in (self.autosave_path, self.marker):
            with contextlib.suppress(OSError):
                p.unlink()


def find_recoverable(*, exclude: str | None = None) -> list[Recoverable]:
    """Autosaves left by sessions that ended without a clean exit, newest first.

    An autosave older than the file it belongs to (saved later) is dropped silently.
    """
    folder = data_dir()
    out: list[Recoverable] = []
    for marker in folder.glob("session-*.json"):
        try:
            info = json.loads(marker.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            with contextlib.suppress(OSError):
                marker.unlink()
            continue
        if not isinstance(info, dict) or info.get("session") == exclude:
            continue
        pid = int(info.get("pid") or 0)
        if pid != os.getpid() and _pid_alive(pid):
            continue  # another running window
        autosave = Path(str(info.get("autosave") or ""))
        original = Path(info["file"]) if info.get("file") else None
        if not autosave.is_file():
            with contextlib.suppress(OSError):
                marker.unlink()
            continue
        mtime = autosave.stat().st_mtime
        if original is not None and original.is_file() and original.stat().st_mtime >= mtime:
            Recoverable(marker, autosave, original, datetime.fromtimestamp(mtime)).discard()
            continue
        out.append(Recoverable(marker, autosave, original, datetime.fromtimestamp(mtime)))
    return sorted(out, key=lambda r: r.saved_at, reverse=True)
