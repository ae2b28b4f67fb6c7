"""Validate and recompute after edits: debounced, inline when fast, on a worker when slow.

Each run works on a snapshot of the document's data (a reference: edits never mutate data
in place) and carries a generation number; an outcome that is older than the latest edit is
dropped.
"""

from __future__ import annotations

import gc
import sys
import time
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from .doc.document import Change, PlanDocument
from .workers import ThreadRunner, _Runner

FAST_MS = 25.0           # runs faster than this stay on the UI thread
BIG_PLAN_ITEMS = 2_000   # plans with more teams + workflows always go to the worker


@dataclass
class Outcome:
    generation: int
    problems: list
    plan: Any
    result: Any
    ms: float


def evaluate(data: Any, generation: int = 0) -> Outcome:
    """Check the data; when it has no errors, parse it and compute the result. Pure."""
    from ..engine import compute
    from ..model import Plan, check

    t0 = time.perf_counter()
    problems = check(data)
    plan = result = None
    if not any(p.severity == "error" for p in problems):
        plan = Plan.model_validate(data)
        result = compute(plan)
        _ = result.summary  # the dashboard reads it: build it here, off the UI thread
    return Outcome(generation, problems, plan, result, (time.perf_counter() - t0) * 1000)


def evaluate_big(data: Any, generation: int = 0) -> Outcome:
    """``evaluate`` for big plans (on the worker), without cyclic garbage collection.

    A full collection over the millions of objects of a big plan and its result holds the GIL
    for about a second, stalling the UI thread; none of these objects form cycles, so the
    collector is paused while evaluating and the survivors are then frozen (moved out of its
    reach; reference counting still frees them when they are replaced).
    """
    was_enabled = gc.isenabled()
    interval = sys.getswitchinterval()
    gc.disable()
    # The UI thread needs the GIL for every item-model call while it paints; hand it over
    # quickly so that painting is not queued behind this thread's long computation.
    sys.setswitchinterval(min(interval, 0.0002))
    try:
        return evaluate(data, generation)
    finally:
        sys.setswitchinterval(interval)
        gc.freeze()
        if was_enabled:
            gc.enable()


class Recomputer(QObject):
    """Watches a document; after edits settle, publishes problems and results into it."""

    finished = Signal(object)  # Outcome

    def __init__(self, doc: PlanDocument, *, runner: _Runner | None = None,
                 debounce_ms: int = 30, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.runner = runner or ThreadRunner()
        self.generation = 0
        self.applied = 0
        self.last_ms = 0.0
        self.running = False
        self.held = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self.debounce_ms = debounce_ms
        self._timer.timeout.connect(self.run)
        doc.changed.connect(self._on_changed)

    def _on_changed(self, change: Change) -> None:
        self.schedule(immediate=change.kind == "reset")

    def schedule(self, *, immediate: bool = False) -> None:
        self.generation += 1
        self._timer.start(0 if immediate else self.debounce_ms)

    def hold(self) -> None:
        """Evaluate nothing until ``release()`` (at start-up the window paints first)."""
        self.held = True

    def release(self) -> None:
        """Evaluate what the edits made during ``hold()`` left pending, on the next turn."""
        if self.held:
            self.held = False
            if self.pending:
                self._timer.start(0)

    def _big(self, data: Any) -> bool:
        if not isinstance(data, dict):
            return False
        n = sum(len(v) for k in ("teams", "workflows") if isinstance(v := data.get(k), list))
        return n > BIG_PLAN_ITEMS

    def run(self, *, sync: bool = False) -> None:
        """Evaluate the current data now (inline when ``sync`` or when recent runs were fast)."""
        if self.held and not sync:
            return  # release() runs it
        self._timer.stop()
        data, gen = self.doc.data, self.generation
        if sync or (self.last_ms < FAST_MS and not self._big(data)):
            self._apply(evaluate(data, gen))
            return
        if self.running:  # one run at a time; the newest generation runs when this one ends
            self._pending = True
            return
        self.running = True
        self._pending = False
        self.runner.submit(evaluate_big if self._big(data) else evaluate, data, gen,
                           on_done=self._done, on_error=self._failed)

    def flush(self, *, wait: bool = False) -> bool:
        """Bring problems and results up to date now (before save, on open, in tests).

        A big plan is evaluated on the worker (the UI thread must not stall) unless ``wait``;
        returns True when the document is up to date on return."""
        if self.applied == self.generation and not self._timer.isActive():
            return True
        if self.held and not wait:
            return False
        if self._big(self.doc.data) and not wait:
            self.run()
            return self.applied == self.generation
        self.run(sync=True)
        return True

    @property
    def pending(self) -> bool:
        return self.applied != self.generation

    def _done(self, outcome: Outcome) -> None:
        self.running = False
        self._pending = False
        if outcome.generation != self.generation:
            # The plan changed while this ran: drop the stale outcome and run again.
            if not self._timer.isActive():
                self.run()
            return
        self._apply(outcome)

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        self.doc.set_result(None, None, stale_message=f"the engine failed: {exc}")

    def _apply(self, outcome: Outcome) -> None:
        if outcome.generation < self.applied:
            return  # an older run finished after a newer one: drop it
        self.applied = outcome.generation
        self.last_ms = outcome.ms
        self.doc.set_problems(outcome.problems)
        if outcome.result is not None:
            self.doc.set_result(outcome.result, outcome.plan)
        else:
            n = sum(1 for p in outcome.problems if p.severity == "error")
            self.doc.set_result(None, None, stale_message=(
                f"The plan has {n} problem{'s' if n != 1 else ''} (see Problems)."))
        self.finished.emit(outcome)
