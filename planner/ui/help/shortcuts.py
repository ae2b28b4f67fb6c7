"""Help > Keyboard shortcuts: every action's keys, read from the window's own actions (so the
list never drifts from what the keys do)."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

# Keys that the tables own (no QAction carries them): (what, keys, where).
TABLE_KEYS = (
    ("Edit a cell", "F2, or just type", "Any table"),
)
ANYWHERE = "Anywhere"


def _where(action: QAction, pages: dict[str, QWidget]) -> str:
    """The page an action belongs to (its widget's page), or "Anywhere" for the window's."""
    owners = {id(page): name for name, page in pages.items()}
    node = action.parent()
    while node is not None:
        if id(node) in owners:
            return owners[id(node)]
        node = node.parent()
    return ANYWHERE


def action_rows(actions: list[QAction], pages: dict[str, QWidget] | None = None
                ) -> list[tuple[str, str, str]]:
    """(what, keys, where) of every action with a shortcut, each once: the window's first
    (in the order first seen), then each page's."""
    found: dict[tuple[str, str], list[str]] = {}        # (what, keys) -> where, in order seen
    for a in actions:
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in a.shortcuts()]
        keys = [k for k in keys if k]
        what = a.text().replace("&", "").replace("...", "…").split("\t")[0].strip()
        if keys and what:
            where = found.setdefault((what, " or ".join(keys)), [])
            place = _where(a, pages or {})
            if place not in where:
                where.append(place)
    rows = []
    for (what, keys), where in found.items():
        if ANYWHERE in where:
            place = ANYWHERE
        elif len(where) > 2:
            place = "Any table"                         # every editor page has the action
        else:
            place = ", ".join(where)
        rows.append((what, keys, place))
    return sorted(rows, key=lambda r: r[2] != ANYWHERE)    # stable: the order within stays


class ShortcutsDialog(QDialog):
    def __init__(self, actions: list[QAction], parent: QWidget | None = None,
                 pages: dict[str, QWidget] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        rows = action_rows(actions, pages) + list(TABLE_KEYS)
        table = QTableWidget(len(rows), 3, self)
        table.setHorizontalHeaderLabels(["Action", "Keys", "Where"])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.setItem(r, c, QTableWidgetItem(text))
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in (1, 2):
            table.horizontalHeader().setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        self.table = table
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(720, min(640, 80 + 28 * len(rows)))
