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

# Keys that the tables own (no QAction carries them) and the section keys.
TABLE_KEYS = (
    ("Edit a cell", "F2, or just type"),
    ("Copy / paste cells (tab-separated, to and from Excel)", "Ctrl+C / Ctrl+V"),
    ("Insert a row / duplicate rows / delete rows", "Ins / Ctrl+D / Del"),
    ("Reset a setting to its default", "Del"),
    ("Go to a section (Overview, Teams, Workflows...)", "Ctrl+1 ... Ctrl+9"),
)


def action_rows(actions: list[QAction]) -> list[tuple[str, str]]:
    """(what, keys) of every action with a shortcut, each once, in the order first seen."""
    rows: list[tuple[str, str]] = []
    seen: set[tuple[str, str]] = set()
    for a in actions:
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in a.shortcuts()]
        keys = [k for k in keys if k]
        what = a.text().replace("&", "").replace("...", "…").split("\t")[0].strip()
        row = (what, " or ".join(keys))
        if keys and what and row not in seen:
            seen.add(row)
            rows.append(row)
    return rows


class ShortcutsDialog(QDialog):
    def __init__(self, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        rows = action_rows(actions) + list(TABLE_KEYS)
        table = QTableWidget(len(rows), 2, self)
        table.setHorizontalHeaderLabels(["Action", "Keys"])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for r, (what, keys) in enumerate(rows):
            table.setItem(r, 0, QTableWidgetItem(what))
            table.setItem(r, 1, QTableWidgetItem(keys))
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table = table
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(620, min(640, 80 + 28 * len(rows)))
