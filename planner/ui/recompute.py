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


def _place(problem: Any) -> list:
    return [(0, x, "") if isinstance(x, int) else (1, 0, str(x)) for x in problem.loc]


class CheckCache:
    """The items validated so far (planner.model.items.ItemCache), made on first use so that
    pydantic stays off the start-up path. An edit then re-checks only what it changed."""

    def __init__(self) -> None:
        self.items: Any = None

    def get(self) -> Any:
        if self.items is None:
            from ..model.items import ItemCache

            self.items = ItemCache()
        return self.items


def evaluate(data: Any, generation: int = 0, cache: CheckCache | None = None,
             scenario: str | None = None) -> Outcome:
    """Check the data (the base plan and every scenario); when it has no errors, compute the
    plan of the shown ``scenario`` (the baseline when None). Pure (the cache only remembers
    validated items)."""
    from ..engine import compute
    from ..model import check_and_parse

    t0 = time.perf_counter()
    items = cache.get() if cache is not None else None
    problems, plan = check_and_parse(data, cache=items)
    result = None
    if plan is not None and scenario is not None:
        from ..plan.scenarios import find

        sc = find(data, scenario)
        if sc is not None:      # valid: every scenario was checked with the plan
            from ..plan.scenarios import apply

            _, plan = check_and_parse(apply(data, sc).data, cache=items)
    if plan is not None:
        from ..model.evidence import evidence_warnings

        result = compute(plan)
        _ = result.summary  # the dashboard reads it: build it here, off the UI thread
        # where the plan goes beyond the cited evidence (warnings, not errors)
        problems = sorted([*problems, *evidence_warnings(plan, result)], key=_place)
    return Outcome(generation, problems, plan, result, (time.perf_counter() - t0) * 1000)


def evaluate_big(data: Any, generation: int = 0, cache: CheckCache | None = None,
                 scenario: str | None = None) -> Outcome:
    """``evaluate`` for big plans, on the worker.

    The UI thread needs the GIL for every item-model call while it paints (thousands per
    frame of a table): while this thread evaluates, it hands the GIL over after 20 µs instead
    of 5 ms, else each of those calls waits for a switch and a frame takes 0.3 s or more.
    """
    interval = sys.getswitchinterval()
    sys.setswitchinterval(min(interval, 0.00002))
    try:
        return evaluate(data, generation, cache, scenario)
    finally:
        sys.setswitchinterval(interval)


_THRESHOLDS = gc.get_threshold()


def collect_old_objects(enabled: bool) -> None:
    """Let the cyclic garbage collector run full collections (the default) or only young ones.

    A big plan and its result are some 520,000 tracked objects (pydantic models, their field
    sets). A full collection walks all of them holding the GIL for ~0.3 s, and every evaluation
    allocates enough new objects to trigger one: the window would freeze after each edit.
    While a big plan is open, only the young generations are collected (as usual: cycles that
    die young, nearly all of them, are freed); nothing is frozen or disabled, and when a
    smaller plan is opened the default thresholds return, so the next full collection reclaims
    whatever cyclic garbage reached the old generation meanwhile.
    """
    young0, young1, old = _THRESHOLDS
    gc.set_threshold(young0, young1, old if enabled else 1 << 30)


def _let_go(box: list) -> None:
    """Drop the last reference to an old result here, off the UI thread (freeing a big plan's
    objects takes ~70 ms)."""
    box.clear()


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
        self.check_cache = CheckCache()
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
        """Evaluate after this turn of the event loop (every edit of a paste or a macro is
        made within one turn, so they are evaluated once); a slow plan waits ``debounce_ms``
        for further edits first."""
        self.generation += 1
        fast = self.last_ms < FAST_MS and not self._big(self.doc.data)
        self._timer.start(0 if immediate or fast else self.debounce_ms)

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
            self._apply(evaluate(data, gen, self.check_cache, self.doc.scenario))
            return
        if self.running:  # one run at a time; the newest generation runs when this one ends
            self._pending = True
            return
        self.running = True
        self._pending = False
        big = self._big(data)
        if big:
            collect_old_objects(False)
        self.runner.submit(evaluate_big if big else evaluate, data, gen, self.check_cache,
                           self.doc.scenario,
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
            # The plan changed while this ran: drop the stale outcome (freed on the worker)
            # and run again.
            if self._big(self.doc.data):
                self.runner.submit(_let_go, [outcome.result, outcome.plan])
                outcome.result = outcome.plan = None
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
        big = self._big(self.doc.data)
        old = [self.doc.result, self.doc.plan] if big and outcome.result is not None else []
        self.doc.set_problems(outcome.problems)
        if outcome.result is not None:
            self.doc.set_result(outcome.result, outcome.plan)
        else:
            n = sum(1 for p in outcome.problems if p.severity == "error")
            self.doc.set_result(None, None, stale_message=(
                f"The plan has {n} problem{'s' if n != 1 else ''} (see Problems)."))
        if old:  # the views now show the new result: the old one is freed on the worker
            self.runner.submit(_let_go, old)
            del old
        if not big:
            collect_old_objects(True)
        self.finished.emit(outcome)
