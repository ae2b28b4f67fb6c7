"""Autosave and crash recovery.

While the app runs, each window's session writes a marker ``session-<id>.json`` in the
data folder (``ORGPLANNER_DATA_DIR`` or the platform's app data folder) and, every minute
when there are unsaved changes, an autosave copy of the plan. A clean exit deletes both.
On the next start, a marker left by a session that is no longer running means the app did
not exit cleanly, and the user is offered its autosave.

Paths in the marker are absolute, so a restore started from another folder is tied to the
right file. An autosave is deleted only once the user has answered, or when it holds exactly
the bytes of the saved file (nothing to recover).
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
    original: Path | None   # the plan's file when the autosave was made (absolute)
    saved_at: datetime
    older_than_file: bool = False  # the file was saved after this autosave (yet differs)

    @property
    def original_exists(self) -> bool:
        """The plan's file is still where it was (a relative path, from an older version,
        cannot be placed: it counts as gone rather than tie the plan to another file)."""
        return self.original is not None and self.original.is_absolute() and \
            self.original.is_file()

    def describe(self) -> str:
        name = self.original.name if self.original else "an unsaved plan"
        text = f"{name}, autosaved {self.saved_at:%d %b %Y at %H:%M}"
        if self.original is not None and not self.original_exists:
            text += f" (the file is no longer at {self.original})"
        elif self.older_than_file:
            text += " (the file was saved later, with other changes)"
        return text

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
        self.folder = data_dir().resolve()
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
            path = self.doc.path.resolve() if self.doc.path else None  # from any folder
            _write_json(self.marker, {"pid": os.getpid(), "session": self.id,
                                      "file": str(path) if path else None,
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

    One that holds exactly the saved file's bytes is dropped silently; every other one stays
    until the user has been asked (see :meth:`Recoverable.discard`).
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
        rec = Recoverable(marker, autosave, original, datetime.fromtimestamp(mtime))
        if rec.original_exists:
            if _same_bytes(autosave, original):
                rec.discard()  # saved as it was autosaved: nothing to recover
                continue
            rec.older_than_file = original.stat().st_mtime >= mtime
        out.append(rec)
    return sorted(out, key=lambda r: r.saved_at, reverse=True)


def _same_bytes(a: Path, b: Path) -> bool:
    try:
        return a.stat().st_size == b.stat().st_size and a.read_bytes() == b.read_bytes()
    except OSError:
        return False
