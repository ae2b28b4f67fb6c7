"""The plan's ranges as a list on the Risk page: what is uncertain and by how much, with Edit
and Remove (each one undo step)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..doc.fields import Field


def _field(path: str) -> Field | None:
    from planner.plan.paths import PathError, parse

    try:
        return Field.from_spec(parse(path).spec)
    except (PathError, KeyError):
        return None


def _value(doc: Any, path: str) -> Any:
    """The plan's value at a path naming one value (None for a path over several)."""
    from planner.plan.paths import PathError, effective, parse, resolve

    try:
        p = parse(path)
        matches = resolve(p, doc.data)
    except PathError:
        return None
    return effective(matches[0], p, doc.data) if len(matches) == 1 else None


def words(path: str) -> str:
    """The input a path names, in words (planner.risk.words: the CLI says the same)."""
    from planner.risk.words import path_words

    return path_words(path)


def range_text(rg: dict, field: Field | None) -> str:
    """The range in words: "from rising 25% a year to falling 30% a year"."""
    from planner.risk.words import range_words

    path = str(rg.get("path", ""))
    if "low_scale" in rg:
        return range_words(path, rg.get("low_scale"), rg.get("high_scale"), scale=True)
    return range_words(path, rg.get("low"), rg.get("high"),
                       show=field.display if field is not None else None)


class RangesList(QWidget):
    message = Signal(str)

    def __init__(self, doc: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels(["Uncertain input", "Range", "Why"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        hh.setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _i: self.edit())
        self.edit_button = QPushButton("Edit range...", self)
        self.remove_button = QPushButton("Remove range", self)
        self.edit_button.clicked.connect(self.edit)
        self.remove_button.clicked.connect(self.remove)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.table.itemSelectionChanged.connect(self._enable)
        doc.changed.connect(lambda *_: self.refresh())
        self.refresh()

    def ranges(self) -> list[dict]:
        items = self.doc.base_get(("ranges",), []) if hasattr(self.doc, "base_get") else []
        return [r for r in items if isinstance(r, dict)] if isinstance(items, list) else []

    def refresh(self) -> None:
        rows = self.ranges()
        self.table.setRowCount(len(rows))
        for i, rg in enumerate(rows):
            path = str(rg.get("path", ""))
            field = _field(path)
            item = QTableWidgetItem(words(path))
            # the path for experts (as in the file and the workbook's Ranges sheet)
            item.setToolTip(f"{words(path)}\nIn the plan file: {path}\n"
                            f"{rg.get('note') or ''}".strip())
            item.setData(Qt.ItemDataRole.UserRole, path)
            self.table.setItem(i, 0, item)
            span = QTableWidgetItem(range_text(rg, field))
            span.setToolTip("Low and high ends of the range; each draw takes a value between "
                            "them, most often near the plan's own value")
            self.table.setItem(i, 1, span)
            note = QTableWidgetItem(str(rg.get("note") or ""))
            note.setToolTip(str(rg.get("note") or ""))
            self.table.setItem(i, 2, note)
        height = self.table.verticalHeader().length() + self.table.horizontalHeader().height() + 6
        self.table.setFixedHeight(max(height, 60))
        self._enable()

    def selected_path(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)

    def _enable(self) -> None:
        chosen = self.selected_path() is not None
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    def edit(self) -> None:
        from .range_dialog import RangeDialog

        path = self.selected_path()
        field = _field(path) if path else None
        if field is None:
            return
        RangeDialog(self.doc, path, field, _value(self.doc, path), self).exec()

    def remove(self) -> None:
        from .range_dialog import drop_range

        path = self.selected_path()
        field = _field(path) if path else None
        if field is not None and drop_range(self.doc, path, field):
            self.message.emit(f"Removed the range of {words(path)} (Ctrl+Z to undo)")
