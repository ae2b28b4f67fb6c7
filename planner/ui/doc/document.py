"""``PlanDocument``: the plan being edited, as plain JSON data, with one undo stack.

Every edit goes through a :class:`QUndoCommand` wrapping a pure path edit from
:mod:`planner.ui.doc.edits`. Views read and write through ``get``/``set`` by path (never
through pydantic objects), so a future layer of overrides keyed by path can slot in
between. The data may be invalid while the user edits: validation results (``problems``)
and the last valid engine result are stored here by the recompute loop.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path as FsPath
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from . import edits
from .edits import MISSING, Path


@dataclass(frozen=True)
class Change:
    """What changed: ``set`` a value at ``path``; ``insert``/``remove``/``move`` an item of
    the list at ``path``; ``reset`` the whole document."""

    kind: str
    path: Path = ()
    index: int = -1
    dest: int = -1

    def touches(self, prefix: Sequence[str | int]) -> bool:
        """True when the change is at or under ``prefix`` (or replaces one of its parents)."""
        n = min(len(prefix), len(self.path))
        return tuple(self.path[:n]) == tuple(prefix[:n])


def new_plan_data(name: str = "Untitled plan") -> dict[str, Any]:
    from ...plan.fields import SCHEMA_VERSION

    return {"format": "orgplan", "schema_version": SCHEMA_VERSION, "name": name, "currency": "USD",
            "settings": {}, "teams": [], "workflows": [], "models": [], "gpus": []}


class _SetCommand(QUndoCommand):
    def __init__(self, doc: PlanDocument, path: Path, value: Any, text: str) -> None:
        super().__init__(text)
        self.doc, self.path, self.new = doc, path, value
        self.old = edits.clone(edits.get_in(doc.data, path))
        self.index = edits.key_index(doc.data, path)

    def redo(self) -> None:
        self.doc._apply(Change("set", self.path), edits.set_in(self.doc.data, self.path, edits.clone(self.new)))

    def undo(self) -> None:
        self.doc._apply(Change("set", self.path),
                        edits.set_in(self.doc.data, self.path, edits.clone(self.old), index=self.index))


class _InsertCommand(QUndoCommand):
    def __init__(self, doc: PlanDocument, path: Path, index: int, item: Any, text: str) -> None:
        super().__init__(text)
        self.doc, self.path, self.index, self.item = doc, path, index, edits.clone(item)

    def redo(self) -> None:
        self.doc._apply(Change("insert", self.path, self.index),
                        edits.insert_in(self.doc.data, self.path, self.index, edits.clone(self.item)))

    def undo(self) -> None:
        self.doc._apply(Change("remove", self.path, self.index),
                        edits.remove_in(self.doc.data, self.path, self.index))


class _RemoveCommand(QUndoCommand):
    def __init__(self, doc: PlanDocument, path: Path, index: int, text: str) -> None:
        super().__init__(text)
        self.doc, self.path, self.index = doc, path, index
        self.item = edits.clone(edits.get_in(doc.data, (*path, index)))

    def redo(self) -> None:
        self.doc._apply(Change("remove", self.path, self.index),
                        edits.remove_in(self.doc.data, self.path, self.index))

    def undo(self) -> None:
        self.doc._apply(Change("insert", self.path, self.index),
                        edits.insert_in(self.doc.data, self.path, self.index, edits.clone(self.item)))


class _MoveCommand(QUndoCommand):
    def __init__(self, doc: PlanDocument, path: Path, src: int, dst: int, text: str) -> None:
        super().__init__(text)
        self.doc, self.path, self.src, self.dst = doc, path, src, dst

    def redo(self) -> None:
        self.doc._apply(Change("move", self.path, self.src, self.dst),
                        edits.move_in(self.doc.data, self.path, self.src, self.dst))

    def undo(self) -> None:
        self.doc._apply(Change("move", self.path, self.dst, self.src),
                        edits.move_in(self.doc.data, self.path, self.dst, self.src))


class PlanDocument(QObject):
    """The open plan: ``data`` (JSON-like), ``path`` (or None), ``undo_stack``.

    Signals: ``aboutToChange(Change)`` / ``changed(Change)`` around every primitive edit,
    ``problemsChanged()``, ``resultChanged()``, ``pathChanged()``.
    """

    aboutToChange = Signal(object)
    changed = Signal(object)
    problemsChanged = Signal()
    resultChanged = Signal()
    pathChanged = Signal()
    scenarioChanged = Signal()      # another scenario is shown (or the shown one went away)
    notice = Signal(str)            # a word for the status bar (e.g. where an edit went)

    def __init__(self, data: dict[str, Any] | None = None, path: str | FsPath | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self._data: Any = edits.clone(data) if data is not None else new_plan_data()
        self._path: FsPath | None = FsPath(path) if path else None
        self.problems: list = []
        self._problem_index: dict[tuple, list] = {}
        self.result: Any = None         # last valid planner.engine.Result
        self.plan: Any = None           # the Plan it was computed from
        self.stale_message: str = ""    # why the result is stale ("" when current)
        self._id_cache: dict[str, tuple[list, dict[str, int]]] = {}
        self._cache: dict[Any, tuple[Any, Any]] = {}
        self._scenario: str | None = None     # the scenario shown (None: the baseline)
        self._view: tuple[Any, Any, Any] = (None, None, None)   # (data, scenario, resolved)
        self._marks: dict[str, tuple[Any, Any, dict]] = {}
        self._ids_cache: tuple[Any, tuple[str, ...]] = (None, ())   # (data, scenario ids)

    # ----- reading -----------------------------------------------------------------
    @property
    def data(self) -> Any:
        """The current data. Never mutate it: edit through ``set``/``insert``/``remove``."""
        return self._data

    @property
    def path(self) -> FsPath | None:
        return self._path

    def set_path(self, path: str | FsPath | None) -> None:
        self._path = FsPath(path) if path else None
        self.pathChanged.emit()

    def get(self, path: Sequence[str | int], default: Any = MISSING) -> Any:
        """The value at ``path`` as the shown scenario sees it (the baseline's when none)."""
        return edits.get_in(self.view, path, default)

    def base_get(self, path: Sequence[str | int], default: Any = MISSING) -> Any:
        """The value at ``path`` in the base plan, whatever scenario is shown."""
        return edits.get_in(self._data, path, default)

    # ----- scenarios: override layers, shown one at a time ---------------------------
    @property
    def scenario(self) -> str | None:
        """The id of the scenario shown, or None for the baseline."""
        if self._scenario is not None and self._scenario not in self.scenario_ids():
            self._scenario = None      # undone or deleted: back to the baseline
        return self._scenario

    def scenario_ids(self) -> list[str]:
        """The plan's scenario ids (cached per version of the data: every cell read asks)."""
        data, found = self._ids_cache
        if data is self._data:
            return list(found)
        from ...plan.scenarios import ids

        fresh = ids(self._data)
        self._ids_cache = (self._data, tuple(fresh))
        return fresh

    def scenario_name(self, scenario_id: str | None = None) -> str:
        sid = self.scenario if scenario_id is None else scenario_id
        if sid in (None, "baseline"):
            return "Baseline"
        from ...plan.scenarios import find

        sc = find(self._data, sid) or {}
        name = sc.get("name")
        return name if isinstance(name, str) and name.strip() else sid

    def set_scenario(self, scenario_id: str | None) -> None:
        """Show a scenario (None or "baseline": the base plan). Editors re-read every cell."""
        sid = None if scenario_id in (None, "baseline") else scenario_id
        if sid is not None and sid not in self.scenario_ids():
            raise KeyError(f'no scenario "{sid}"')
        if sid == self._scenario:
            return
        self.aboutToChange.emit(Change("reset"))
        self._scenario = sid
        self.changed.emit(Change("reset"))
        self.scenarioChanged.emit()

    @property
    def view(self) -> Any:
        """The data as the shown scenario sees it (resolved on read, cached per version)."""
        sid = self.scenario
        if sid is None:
            return self._data
        data, shown, resolved = self._view
        if data is self._data and shown == sid:
            return resolved
        from ...plan.scenarios import apply, find

        sc = find(self._data, sid)
        resolved = apply(self._data, sc).data if sc is not None else self._data
        self._view = (self._data, sid, resolved)
        return resolved

    def _marks_of(self, kind: str) -> dict:
        from ...plan import layers

        sid = self.scenario
        hit = self._marks.get(kind)
        if hit is not None and hit[0] is self._data and hit[1] == sid:
            return hit[2]
        if kind == "override":
            marks = layers.overridden_cells(self._data, sid)
        else:
            marks = layers.ranged_cells(self._data)
        self._marks[kind] = (self._data, sid, marks)
        return marks

    def overridden_at(self, path: Sequence[str | int]) -> bool:
        """True when the shown scenario overrides the value at ``path``."""
        return self.scenario is not None and tuple(path) in self._marks_of("override")

    def range_at(self, path: Sequence[str | int]) -> dict | None:
        """The range that varies the value at ``path`` (its entry in ``ranges``), or None."""
        i = self._marks_of("range").get(tuple(path))
        ranges = self._data.get("ranges") if isinstance(self._data, dict) else None
        return ranges[i] if i is not None and isinstance(ranges, list) else None

    def path_text(self, path: Sequence[str | int]) -> str | None:
        """The id path of a value (``workflows[tickets].ai.adoption``), if it can have one."""
        from ...plan.layers import path_of

        return path_of(self._data, tuple(path))

    def items(self, key: str) -> list:
        value = self._data.get(key) if isinstance(self._data, dict) else None
        return value if isinstance(value, list) else []

    def ids(self, key: str) -> dict[str, int]:
        """``{id: index}`` of a list of objects (teams, workflows, models, gpus); cached."""
        lst = self.items(key)
        hit = self._id_cache.get(key)
        if hit is not None and hit[0] is lst:
            return hit[1]
        out: dict[str, int] = {}
        for i, item in enumerate(lst):
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                out.setdefault(item["id"], i)
        self._id_cache[key] = (lst, out)
        return out

    def cached(self, key: Any, depends: str, build: Any) -> Any:
        """``build()``, cached until the list ``depends`` (e.g. "teams") changes."""
        lst = self.items(depends)
        hit = self._cache.get(key)
        if hit is not None and hit[0] is lst:
            return hit[1]
        value = build()
        self._cache[key] = (lst, value)
        return value

    @property
    def name(self) -> str:
        name = self.get(("name",), "")
        return name if isinstance(name, str) and name.strip() else "Untitled plan"

    @property
    def currency(self) -> str:
        cur = self.get(("currency",), "USD")
        return cur if isinstance(cur, str) and cur else "USD"

    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    # ----- editing (each call is one undo step, or part of an open macro) ---------
    def set(self, path: Sequence[str | int], value: Any, text: str | None = None) -> bool:
        """Set (or, with ``MISSING``, delete) the value at ``path``. False when unchanged.

        While a scenario is shown, a value a scenario can change (a number or a choice) is
        written to that scenario's overrides; anything else changes the base plan (every
        scenario), and ``notice`` says so."""
        path = tuple(path)
        if self.scenario is not None and path[:1] not in (("scenarios",), ("ranges",),
                                                          ("stress",)):
            target = self.path_text(path)
            if target is not None:
                return self._set_override(path, target, value, text)
            self.notice.emit(f"Changed in the baseline: {self.scenario_name()} and every "
                             "other scenario see it (a scenario changes values only)")
        old = self.base_get(path)
        if old is not MISSING and value is not MISSING and type(old) is type(value) and old == value:
            return False
        if old is MISSING and value is MISSING:
            return False
        label = text or f"Edit {_label(path)}"
        renamed = self._renamed_role_paths(path, old, value)
        if not renamed:
            self.undo_stack.push(_SetCommand(self, path, value, label))
            return True
        with self.macro(label):       # a role's new name: the paths that name it follow
            self.undo_stack.push(_SetCommand(self, path, value, label))
            for key, lst in renamed.items():
                self.set((key,), lst, label)
        return True

    def _renamed_role_paths(self, path: tuple, old: Any, value: Any) -> dict[str, list]:
        if not (len(path) == 5 and path[0] == "teams" and path[2] == "roles"
                and path[4] == "name" and isinstance(old, str) and isinstance(value, str)):
            return {}
        from ...plan import layers

        team = self.base_get(("teams", path[1], "id"))
        return layers.rename_in_paths(self._data, "roles", old, value,
                                      team=team if isinstance(team, str) else None)

    def _set_override(self, path: tuple, target: str, value: Any, text: str | None) -> bool:
        """Write (or, when it equals the baseline's value or is MISSING, drop) the shown
        scenario's override of ``target``; one undo step."""
        from ...plan import layers

        sid = self.scenario
        i = layers.scenario_index(self._data, sid)
        overrides = self.base_get(("scenarios", i, "overrides"), [])
        overrides = overrides if isinstance(overrides, list) else []
        base = self.base_get(path)
        if value is MISSING or (base is not MISSING and type(base) is type(value)
                                and base == value):
            new = layers.drop_override(overrides, target)
            verb = "Reset"
        else:
            new = layers.set_override(overrides, target, None if value is MISSING else value)
            verb = "Edit"
        if new == overrides:
            return False
        label = text or f"{verb} {_label(path)}"
        if verb == "Reset":
            label = f"Reset {_label(path)} to the baseline"
        self.undo_stack.push(_SetCommand(self, ("scenarios", i, "overrides"), new,
                                         f"{self.scenario_name()}: {label[0].lower()}{label[1:]}"))
        return True

    def reset_to_baseline(self, path: Sequence[str | int]) -> bool:
        """Drop the shown scenario's override of the value at ``path``."""
        target = self.path_text(path)
        if self.scenario is None or target is None:
            return False
        return self._set_override(tuple(path), target, MISSING, None)

    def insert(self, list_path: Sequence[str | int], index: int, item: Any,
               text: str | None = None) -> None:
        list_path = tuple(list_path)
        with self.macro(text or f"Add to {_label(list_path)}"):
            if not isinstance(self.get(list_path), list):
                self.set(list_path, [])
            n = len(self.get(list_path))
            self.undo_stack.push(_InsertCommand(self, list_path, max(0, min(index, n)), item,
                                                text or f"Add to {_label(list_path)}"))

    def remove(self, list_path: Sequence[str | int], index: int, text: str | None = None) -> None:
        """Delete an item; the overrides and ranges that name it go with it (one undo step)."""
        from ...plan import layers

        list_path = tuple(list_path)
        label = text or f"Delete from {_label(list_path)}"
        item = self.base_get((*list_path, index))
        ident = item.get("id") if isinstance(item, dict) else None
        dropped = (layers.without_item(self._data, list_path[0], ident)
                   if len(list_path) == 1 and isinstance(ident, str) else {})
        with self.macro(label):
            for key, lst in dropped.items():
                self.set((key,), lst, label)
            self.undo_stack.push(_RemoveCommand(self, list_path, index, label))

    def move(self, list_path: Sequence[str | int], src: int, dst: int, text: str | None = None) -> None:
        if src != dst:
            self.undo_stack.push(_MoveCommand(self, tuple(list_path), src, dst, text or "Move"))

    @contextlib.contextmanager
    def macro(self, text: str) -> Iterator[None]:
        """Group the edits made inside into one undo step (nested macros merge)."""
        self.undo_stack.beginMacro(text)
        try:
            yield
        finally:
            self.undo_stack.endMacro()

    def rename_id(self, key: str, index: int, new_id: str) -> None:
        """Change an id and every reference to it (teams' parents, workflows, models)."""
        old_id = self.get((key, index, "id"))
        if new_id == old_id:
            return
        for i, item in enumerate(self.items(key)):
            if i != index and isinstance(item, dict) and item.get("id") == new_id:
                # Renaming onto a taken id would merge the two items' references for good.
                name = item.get("name") or new_id
                raise ValueError(f'the id "{new_id}" is already used by {name}; choose another')
        with self.macro(f"Rename {old_id} to {new_id}"):
            self.set((key, index, "id"), new_id)
            if not isinstance(old_id, str) or not old_id:
                return
            refs: list[tuple[str, tuple]] = {
                "teams": [("teams", ("parent",)), ("workflows", ("team",))],
                "models": [("workflows", ("compute", "model"))],
                "gpus": [("models", ("gpu",))],
            }.get(key, [])
            for list_key, rel in refs:
                for i, item in enumerate(self.items(list_key)):
                    if edits.get_in(item, rel) == old_id:
                        self.set((list_key, i, *rel), new_id)
            from ...plan import layers

            for list_key, lst in layers.rename_in_paths(self._data, key, old_id, new_id).items():
                self.set((list_key,), lst)

    def replace(self, data: Any, path: str | FsPath | None = None, *, copy: bool = True) -> None:
        """Open other data (New, Open, Restore): clears undo history; marks it clean.

        ``copy=False`` takes ``data`` over as is (fresh from a file: nobody else holds it)."""
        self.aboutToChange.emit(Change("reset"))
        self._data = edits.clone(data) if copy else data
        self._id_cache.clear()
        self._cache.clear()
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self.result = None
        self.plan = None
        self.stale_message = ""
        had_scenario = self._scenario is not None
        self._scenario = None
        self._view = (None, None, None)
        self._marks.clear()
        self.changed.emit(Change("reset"))
        if had_scenario:
            self.scenarioChanged.emit()
        self.set_path(path)

    def _apply(self, change: Change, new_data: Any) -> None:
        self.aboutToChange.emit(change)
        self._data = new_data
        self.changed.emit(change)

    # ----- validation and results (set by the recompute loop) ----------------------
    def set_problems(self, problems: list) -> None:
        index: dict[tuple, list] = {}
        for p in problems:
            index.setdefault(tuple(p.loc), []).append(p)
        self.problems = list(problems)
        self._problem_index = index
        self.problemsChanged.emit()

    def problems_at(self, path: Sequence[str | int]) -> list:
        return self._problem_index.get(tuple(path), [])

    @property
    def error_count(self) -> int:
        return sum(1 for p in self.problems if p.severity == "error")

    def set_result(self, result: Any, plan: Any, *, stale_message: str = "") -> None:
        if result is not None:
            self.result, self.plan = result, plan
        self.stale_message = stale_message
        self.resultChanged.emit()


def _label(path: Sequence[str | int]) -> str:
    words = [str(p).replace("_", " ") for p in path if isinstance(p, str)]
    return words[-1] if words else "plan"
