"""Run work off the UI thread (``ThreadRunner``) or inline (``SyncRunner``, for tests).

Both share one API: ``submit(fn, *args, on_done=, on_error=, on_progress=)`` returns a
:class:`Task`. ``fn`` receives ``progress=callable(fraction, message)`` and
``cancel=callable() -> bool`` keyword arguments when ``with_progress=True``. Callbacks run
on the UI thread (queued signals).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class TaskSignals(QObject):
    progress = Signal(float, str)
    done = Signal(object)
    failed = Signal(object)


class Task(QRunnable):
    """One unit of work. ``cancel()`` asks it to stop (it checks ``cancel`` itself)."""

    def __init__(self, fn: Callable[..., Any], args: tuple, *, with_progress: bool = False) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.fn, self.args, self.with_progress = fn, args, with_progress
        self.signals = TaskSignals()
        self._cancelled = threading.Event()
        self.finished = threading.Event()

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def run(self) -> None:
        try:
            if self.with_progress:
                value = self.fn(*self.args, progress=self.signals.progress.emit,
                                cancel=self._cancelled.is_set)
            else:
                value = self.fn(*self.args)
        except BaseException as exc:  # noqa: BLE001 - handed to on_error on the UI thread
            self.finished.set()
            self._emit(self.signals.failed, exc)
            return
        self.finished.set()
        self._emit(self.signals.done, value)

    @staticmethod
    def _emit(signal, value: Any) -> None:
        try:
            signal.emit(value)
        except RuntimeError:  # the receiver went away (window closed while this ran)
            pass


class _Runner:
    def __init__(self) -> None:
        self._live: set[Task] = set()

    def _prepare(self, fn, args, on_done, on_error, on_progress, with_progress) -> Task:
        task = Task(fn, args, with_progress=with_progress)
        self._live.add(task)

        def forget(*_: Any) -> None:
            self._live.discard(task)

        if on_progress is not None:
            task.signals.progress.connect(on_progress)
        if on_done is not None:
            task.signals.done.connect(on_done)
        if on_error is not None:
            task.signals.failed.connect(on_error)
        task.signals.done.connect(forget)
        task.signals.failed.connect(forget)
        return task

    def submit(self, fn: Callable[..., Any], *args: Any, on_done: Callable[[Any], None] | None = None,
               on_error: Callable[[BaseException], None] | None = None,
               on_progress: Callable[[float, str], None] | None = None,
               with_progress: bool = False) -> Task:
        raise NotImplementedError

    def busy(self) -> bool:
        return bool(self._live)


class ThreadRunner(_Runner):
    """Runs tasks on a QThreadPool."""

    def __init__(self, pool: QThreadPool | None = None) -> None:
        super().__init__()
        self.pool = pool or QThreadPool.globalInstance()

    def submit(self, fn, *args, on_done=None, on_error=None, on_progress=None, with_progress=False):
        task = self._prepare(fn, args, on_done, on_error, on_progress, with_progress)
        self.pool.start(task)
        return task

    def wait(self, msecs: int = 30_000) -> bool:
        return self.pool.waitForDone(msecs)


class SyncRunner(_Runner):
    """Runs tasks inline on the calling thread (deterministic tests)."""

    def submit(self, fn, *args, on_done=None, on_error=None, on_progress=None, with_progress=False):
        task = self._prepare(fn, args, on_done, on_error, on_progress, with_progress)
        task.run()
        return task

    def wait(self, msecs: int = 0) -> bool:
        return True
