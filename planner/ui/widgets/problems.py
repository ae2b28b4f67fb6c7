"""The Problems list: every validation message; activating one jumps to its cell."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QWidget

from ...plan.paths import place_words
from ..doc.document import PlanDocument

LOC_ROLE = Qt.ItemDataRole.UserRole + 10


def describe_place(doc: PlanDocument, loc: tuple) -> str:
    """``Workflows › Answer tickets › ai adoption`` for ``("workflows", 0, "ai", "adoption")``,
    as the shown scenario names things."""
    return place_words(doc.view, loc)


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
