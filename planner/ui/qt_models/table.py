"""``ListTableModel``: one row per item of a list in the document, one column per field.

O(1) per ``data()`` call: it reads ``doc.data[list][row]`` and walks the field's short path.
Row inserts/removes/moves are forwarded from the document's change signals as proper
begin/end notifications, so views keep their selection and scroll position.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from ..doc import catalog, edits
from ..doc.document import Change, PlanDocument
from ..doc.edits import MISSING
from ..doc.fields import Field
from .cells import (
    OneCallPerCell,
    _muted,
    cell_data,
    cell_values,
    header_text,
    write_field,
)

Index = QModelIndex | QPersistentModelIndex
_ROOT_INDEX = QModelIndex()


class ListTableModel(OneCallPerCell, QAbstractTableModel):
    message = Signal(str)  # for the status bar (refused edits, paste reports)

    def __init__(self, doc: PlanDocument, list_path: Sequence[str | int] | None,
                 fields: list[Field], *, noun: str, new_item: Callable[[PlanDocument], Any],
                 id_key: str | None = None, depends_on: Sequence[str] = (), parent=None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.list_path: tuple | None = tuple(list_path) if list_path is not None else None
        self.fields = fields
        self.noun = noun
        self.new_item = new_item
        self.id_key = id_key
        self.depends_on = tuple(depends_on)
        self._pending: str | None = None
        self._next_path: tuple | None = None  # (list_path,) to show once the change ends
        doc.aboutToChange.connect(self._about)
        doc.changed.connect(self._changed)
        doc.problemsChanged.connect(self._all_changed)

    # ----- structure ----------------------------------------------------------------
    def set_list_path(self, list_path: Sequence[str | int] | None) -> None:
        new = tuple(list_path) if list_path is not None else None
        if self._pending == "reset":
            # re-pointed while our own reset is under way (a view reacting to the same
            # change): the reset in progress covers it; resets never nest
            self.list_path = new
            return
        if self._pending is not None:
            # mid insert/remove/move: finish that first, then reset once (in _changed)
            self._next_path = (new,)
            return
        self.beginResetModel()
        self.list_path = new
        self.endResetModel()

    def items(self) -> list:
        if self.list_path is None:
            return []
        lst = self.doc.get(self.list_path)
        return lst if isinstance(lst, list) else []

    def rowCount(self, parent: Index = _ROOT_INDEX) -> int:
        return 0 if parent.isValid() else len(self.items())

    def columnCount(self, parent: Index = _ROOT_INDEX) -> int:
        return 0 if parent.isValid() else len(self.fields)

    def item_path(self, row: int) -> tuple:
        assert self.list_path is not None
        return (*self.list_path, row)

    def cell_path(self, row: int, column: int) -> tuple:
        return (*self.item_path(row), *self.fields[column].path)

    def column_of(self, rel: Sequence[str | int]) -> int:
        """The column showing the relative path ``rel`` (or its parent object), else 0."""
        rel = tuple(rel)
        for i, f in enumerate(self.fields):
            if f.path == rel:
                return i
        for i, f in enumerate(self.fields):
            if f.path[: len(rel)] == rel or rel[: len(f.path)] == f.path:
                return i
        return 0

    def field(self, column: int, row: int = 0) -> Field:
        return self.fields[column]

    # ----- data ---------------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        items = self.items()
        row, col = index.row(), index.column()
        if row >= len(items):
            return None
        f = self.fields[col]
        return cell_data(self.doc, items[row], f, (*self.list_path, row, *f.path), role)

    def multiData(self, index: Index, span) -> None:  # noqa: N802 - Qt naming
        """Every role a view asks for one cell, in one call (see OneCallPerCell)."""
        if not index.isValid():
            return
        items = self.items()
        row, col = index.row(), index.column()
        if row >= len(items):
            return
        f = self.fields[col]
        slots = [span[i] for i in range(len(span))]
        values = cell_values(self.doc, items[row], f, (*self.list_path, row, *f.path),
                             [s.role() for s in slots])
        for slot, value in zip(slots, values, strict=True):
            if value is not None:
                slot.setData(value)
            else:   # the view reuses its slots from cell to cell: clear the last cell's
                slot.clearData()

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.fields):
            f = self.fields[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return header_text(f, self.doc.currency)
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{f.header}\n{f.describe(self.doc)}"
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        items = self.items()
        if index.row() < len(items) and self.fields[index.column()].is_applicable(items[index.row()]):
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        err = self.write_text(index.row(), index.column(), value)
        if err:
            self.message.emit(err)
            return False
        return True

    def write_text(self, row: int, column: int, value: Any) -> str | None:
        """Parse and store one cell; returns a message when the value is refused."""
        f = self.fields[column]
        items = self.items()
        if row >= len(items) or not f.is_applicable(items[row]):
            return f"{f.header}: {f.na_text or 'not used for this row'}"
        try:
            parsed = value if (f.kind in ("choice", "ref") and not isinstance(value, str)) \
                else f.parse(value, self.doc)
        except ValueError as exc:
            return f"Row {row + 1}: {exc}" if self.rowCount() > 1 else str(exc)
        if f.kind == "id" and not parsed:
            return f"{f.header} cannot be empty"
        try:
            write_field(self.doc, self.item_path(row), f, parsed)
        except ValueError as exc:       # refused by the edit itself (e.g. an id already taken)
            return f"Row {row + 1}: {exc}" if self.rowCount() > 1 else str(exc)
        return None

    # ----- rows -----------------------------------------------------------------------
    def insert_new(self, row: int | None = None, item: Any = None) -> int:
        """Add a row (a fresh item unless given) at ``row`` (default: the end); returns it."""
        if self.list_path is None:
            return -1
        n = len(self.items())
        row = n if row is None else max(0, min(row, n))
        new = item if item is not None else self.new_item(self.doc)
        self.doc.insert(self.list_path, row, new, f"Add {self.noun}")
        return row

    def duplicate_rows(self, rows: Sequence[int]) -> list[int]:
        rows = sorted(set(rows))
        if not rows or self.list_path is None:
            return []
        out = []
        with self.doc.macro(f"Duplicate {self._count(len(rows))}"):
            shift = 0
            for r in rows:
                src = self.items()[r + shift]
                copy = catalog.duplicate(self.doc, self.id_key or "", src) if self.id_key else edits.clone(src)
                self.doc.insert(self.list_path, r + shift + 1, copy)
                out.append(r + shift + 1)
                shift += 1
        return out

    def remove_rows(self, rows: Sequence[int]) -> None:
        rows = sorted(set(r for r in rows if 0 <= r < len(self.items())), reverse=True)
        if not rows or self.list_path is None:
            return
        with self.doc.macro(f"Delete {self._count(len(rows))}"):
            for r in rows:
                self.doc.remove(self.list_path, r)

    def _count(self, n: int) -> str:
        return f"{n} {self.noun}s" if n != 1 else self.noun

    def paste(self, rows: Sequence[int], first_column: int, grid: list[list[str]],
              *, add_rows: bool = True) -> tuple[int, list[str]]:
        """Write a block of text cells. ``rows`` are the target rows (extra grid rows become new
        rows when ``add_rows``). One undo step; refused cells are reported, the rest applied."""
        applied, errors = 0, []
        if self.list_path is None:
            return 0, ["nothing to paste into"]
        with self.doc.macro("Paste"):
            targets = list(rows)
            if add_rows and len(grid) > len(targets):
                start = len(self.items())
                for _ in range(len(grid) - len(targets)):
                    self.insert_new(len(self.items()))
                targets += list(range(start, len(self.items())))
            for r, line in zip(targets, grid, strict=False):
                for j, text in enumerate(line):
                    c = first_column + j
                    if c >= len(self.fields):
                        break
                    err = self.write_text(r, c, text)
                    if err:
                        errors.append(err if err.startswith("Row") else f"Row {r + 1}: {err}")
                    else:
                        applied += 1
        return applied, errors

    # ----- document notifications --------------------------------------------------------
    def _mine(self, change: Change) -> bool:
        return self.list_path is not None and change.path == self.list_path

    def _about(self, change: Change) -> None:
        self._pending = None
        if self.list_path is None:
            return
        if change.kind == "reset" or (change.kind == "set" and len(change.path) <= len(self.list_path)
                                      and change.touches(self.list_path)):
            self.beginResetModel()
            self._pending = "reset"
        elif change.kind in ("insert", "remove", "move") and not self._mine(change) \
                and len(change.path) < len(self.list_path) and change.touches(self.list_path) \
                and change.path == self.list_path[: len(change.path)]:
            # an ancestor list changed (e.g. a team was removed while its roles are shown)
            self.beginResetModel()
            self._pending = "reset"
        elif self._mine(change):
            if change.kind == "insert":
                self.beginInsertRows(QModelIndex(), change.index, change.index)
                self._pending = "insert"
            elif change.kind == "remove":
                self.beginRemoveRows(QModelIndex(), change.index, change.index)
                self._pending = "remove"
            elif change.kind == "move":
                dest = change.dest + 1 if change.dest > change.index else change.dest
                if self.beginMoveRows(QModelIndex(), change.index, change.index, QModelIndex(), dest):
                    self._pending = "move"
                else:
                    self.beginResetModel()
                    self._pending = "reset"

    def _changed(self, change: Change) -> None:
        pending, self._pending = self._pending, None
        if pending == "reset":
            self.endResetModel()
        elif pending == "insert":
            self.endInsertRows()
        elif pending == "remove":
            self.endRemoveRows()
        elif pending == "move":
            self.endMoveRows()
        if pending is not None:
            if self._next_path is not None:
                (path,), self._next_path = self._next_path, None
                self.set_list_path(path)
            return
        if self.list_path is not None and change.kind == "set" and change.touches(self.list_path):
            row = change.path[len(self.list_path)]
            if isinstance(row, int) and 0 <= row < self.rowCount():
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        elif change.path[:1] and change.path[0] in self.depends_on:
            self._all_changed()
        elif change.path == ("currency",):
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    def _all_changed(self) -> None:
        n = self.rowCount()
        if n:
            self.dataChanged.emit(self.index(0, 0), self.index(n - 1, self.columnCount() - 1))


class FormModel(OneCallPerCell, QAbstractTableModel):
    """A form as a table: one row per field of the object at ``base_path``; columns
    Setting | Value. Used for the plan's settings and a team's details."""

    message = Signal(str)

    def __init__(self, doc: PlanDocument, base_path: Sequence[str | int] | None, fields: list[Field],
                 parent=None, *, meaning: bool = False) -> None:
        super().__init__(parent)
        self.doc, self.fields = doc, fields
        self.meaning = meaning
        self.base_path: tuple | None = tuple(base_path) if base_path is not None else None
        doc.changed.connect(self._changed)
        doc.problemsChanged.connect(self._all_changed)

    def set_base_path(self, base_path: Sequence[str | int] | None) -> None:
        self.beginResetModel()
        self.base_path = tuple(base_path) if base_path is not None else None
        self.endResetModel()

    def item(self) -> Any:
        if self.base_path is None:
            return MISSING
        return self.doc.get(self.base_path)

    def rowCount(self, parent: Index = _ROOT_INDEX) -> int:
        return 0 if parent.isValid() or not isinstance(self.item(), dict) else len(self.fields)

    def columnCount(self, parent: Index = _ROOT_INDEX) -> int:
        return 0 if parent.isValid() else (4 if self.meaning else 2)

    def cell_path(self, row: int, column: int = 1) -> tuple:
        return (*(self.base_path or ()), *self.fields[row].path)

    def row_of(self, rel: Sequence[str | int]) -> int:
        rel = tuple(rel)
        for i, f in enumerate(self.fields):
            if f.path == rel or f.path[: len(rel)] == rel:
                return i
        return -1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.fields):
            return None
        f = self.fields[index.row()]
        if index.column() >= 2:
            if role == Qt.ItemDataRole.DisplayRole:
                return (f.default_text or "–") if index.column() == 2 else f.tooltip
            if role == Qt.ItemDataRole.ToolTipRole:
                return f.describe(self.doc)
            if role == Qt.ItemDataRole.ForegroundRole:
                return _muted()
            return None
        if index.column() == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                unit = f.unit
                if f.money:
                    from ...formatting import symbol
                    unit = f"{symbol(self.doc.currency).strip()} {unit}".strip()
                return f"{f.header} ({unit})" if unit else f.header
            if role == Qt.ItemDataRole.ToolTipRole:
                return f.describe(self.doc)
            return None
        return cell_data(self.doc, self.item(), f, self.cell_path(index.row()), role)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return ("Setting", "Value", "Default", "Meaning")[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 1 and self.fields[index.row()].is_applicable(self.item()):
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def field(self, column: int, row: int = 0) -> Field:
        return self.fields[row]

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != 1:
            return False
        err = self.write_text(index.row(), value)
        if err:
            self.message.emit(err)
            return False
        return True

    def write_text(self, row: int, value: Any) -> str | None:
        f = self.fields[row]
        if not f.is_applicable(self.item()):
            return f"{f.header}: {f.na_text}"
        try:
            parsed = value if (f.kind in ("choice", "ref") and not isinstance(value, str)) \
                else f.parse(value, self.doc)
        except ValueError as exc:
            return str(exc)
        if self.base_path is None:
            return "nothing selected"
        write_field(self.doc, self.base_path, f, parsed)
        return None

    def paste(self, rows: Sequence[int], first_column: int, grid: list[list[str]],
              *, add_rows: bool = False) -> tuple[int, list[str]]:
        applied, errors = 0, []
        with self.doc.macro("Paste"):
            for r, line in zip(rows, grid, strict=False):
                text = line[-1] if first_column == 0 and len(line) > 1 else line[0]
                if r >= len(self.fields):
                    break
                err = self.write_text(r, text)
                if err:
                    errors.append(err)
                else:
                    applied += 1
        return applied, errors

    def _changed(self, change: Change) -> None:
        base = self.base_path
        if change.kind == "reset" or (change.kind in ("insert", "remove", "move") and base):
            # a list changed: an item's form may now point at another item
            self.beginResetModel()
            self.endResetModel()
            return
        if base is None:
            return
        if change.path[:1] == ("currency",) or (base and change.path[:1] == ("teams",)
                                                and not change.touches(base)):
            self._all_changed()          # units and references' labels
            return
        # only the rows the change touches: the settings form (base ()) ignores workflow edits
        rows = [i for i, f in enumerate(self.fields) if change.touches((*base, *f.path))]
        if rows:
            self.dataChanged.emit(self.index(min(rows), 0),
                                  self.index(max(rows), self.columnCount() - 1))

    def _all_changed(self) -> None:
        n = self.rowCount()
        if n:
            self.dataChanged.emit(self.index(0, 0), self.index(n - 1, self.columnCount() - 1))
