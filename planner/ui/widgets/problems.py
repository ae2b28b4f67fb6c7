"""The Problems list: every validation message; activating one jumps to its cell."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QWidget

from ..doc.document import PlanDocument

LOC_ROLE = Qt.ItemDataRole.UserRole + 10
_WHERE = {"teams": "Teams", "workflows": "Workflows", "models": "Models", "gpus": "GPUs",
          "settings": "Settings"}


def describe_place(doc: PlanDocument, loc: tuple) -> str:
    """``Workflows > Answer tickets > adoption`` for ``("workflows", 0, "ai", "adoption")``."""
    if not loc:
        return "Plan"
    head = loc[0]
    parts = [_WHERE.get(str(head), "Plan")]
    rest = list(loc[1:]) if head in _WHERE else list(loc)
    if head in ("teams", "workflows", "models", "gpus") and rest and isinstance(rest[0], int):
        item = doc.get((head, rest[0]), None)
        label = None
        if isinstance(item, dict):
            label = item.get("name") if head in ("teams", "workflows") else item.get("id")
        parts.append(str(label) if isinstance(label, str) and label else f"row {rest[0] + 1}")
        rest = rest[1:]
        if rest[:1] == ["roles"] and len(rest) > 1 and isinstance(rest[1], int):
            role = doc.get((head, loc[1], "roles", rest[1]), None)
            name = role.get("name") if isinstance(role, dict) else None
            parts.append(f"role {name}" if isinstance(name, str) and name else f"role {rest[1] + 1}")
            rest = rest[2:]
    words = [str(p).replace("_", " ") for p in rest if isinstance(p, str)]
    if words:
        parts.append(" ".join(words))
    return " › ".join(parts)


class ProblemsView(QTreeWidget):
    """Columns: severity, where, message. ``activated_loc(tuple)`` when the user picks one."""

    activated_loc = Signal(tuple)

    def __init__(self, doc: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.setColumnCount(3)
        self.setHeaderLabels(["", "Where", "Problem"])
        self.setRootIsDecorated(False)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformRowHeights(True)
        self.itemActivated.connect(self._activate)
        self.itemClicked.connect(self._activate)
        self._shown: tuple | None = None
        doc.problemsChanged.connect(self.refresh)
        self.refresh()

    MAX_ROWS = 2000

    def refresh(self) -> None:
        shown = self.doc.problems[: self.MAX_ROWS]
        rows = [(p.severity, describe_place(self.doc, p.loc), p.message, tuple(p.loc))
                for p in shown]
        key = (rows, len(self.doc.problems))
        if key == self._shown:
            return  # the same list (an edit that changed no problem): keep it as it is
        self._shown = key
        self.setUpdatesEnabled(False)
        self.clear()
        items = []
        for p, (_, place, _, _) in zip(shown, rows):
            error = p.severity == "error"
            it = QTreeWidgetItem(["Error" if error else "Warning", place, p.message])
            it.setData(0, LOC_ROLE, tuple(p.loc))
            it.setForeground(0, QBrush(QColor(210, 50, 45) if error else QColor(200, 130, 0)))
            it.setToolTip(2, f"{p.path}: {p.message}" if p.loc else p.message)
            items.append(it)
        if not shown:
            none = QTreeWidgetItem(["", "", "No problems"])
            none.setFlags(Qt.ItemFlag.NoItemFlags)
            items.append(none)
        if len(self.doc.problems) > self.MAX_ROWS:
            more = QTreeWidgetItem(["", "", f"... and {len(self.doc.problems) - self.MAX_ROWS} more"])
            items.append(more)
        self.addTopLevelItems(items)
        self.resizeColumnToContents(0)
        self.setColumnWidth(1, min(360, max(160, self.sizeHintForColumn(1) + 16)))
        self.setUpdatesEnabled(True)

    def _activate(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        loc = item.data(0, LOC_ROLE)
        if loc is not None:
            self.activated_loc.emit(tuple(loc))
