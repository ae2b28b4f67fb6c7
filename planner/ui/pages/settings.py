"""Settings: the plan's name and currency and every setting, with units, meaning and default."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QVBoxLayout, QWidget

from ..doc import catalog
from ..doc.document import PlanDocument
from ..qt_models.table import FormModel
from ..widgets.common import heading, hint
from ..widgets.table import PlanTable


class SettingsPage(QWidget):
    message = Signal(str)

    def __init__(self, doc: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.model = FormModel(doc, (), [*catalog.PLAN_FIELDS, *catalog.SETTINGS_FIELDS, catalog.PLAN_NOTE], self,
                               meaning=True)
        self.table = PlanTable(self, row_actions=False)
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.message.connect(self.message)
        self.model.message.connect(self.message)
        hh = self.table.horizontalHeader()
        hh.setStretchLastSection(False)
        # the meaning wraps: every word shows, each row as tall as its longest cell
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.viewport().installEventFilter(self)
        v = QVBoxLayout(self)
        v.setContentsMargins(12, 10, 12, 6)
        v.addWidget(heading("Settings", self))
        v.addWidget(hint("Hover a setting to see what it means and its default. Values in grey "
                         "italics are defaults; Delete resets a value to its default.", self))
        v.addWidget(self.table, 1)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt naming
        if obj is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_columns()
        return super().eventFilter(obj, event)

    def fit_columns(self) -> None:
        """Setting, value and default at their width; the meaning takes the rest of the
        viewport (never less than a readable column: the table then scrolls sideways)."""
        fm = self.fontMetrics()
        t = self.table
        t.resizeColumnToContents(0)
        t.setColumnWidth(1, fm.horizontalAdvance("Layoffs (with severance)") + 40)
        t.setColumnWidth(2, fm.horizontalAdvance("none (each team keeps its") + 24)
        used = sum(t.columnWidth(c) for c in range(3))
        t.setColumnWidth(3, max(fm.horizontalAdvance("M") * 18, t.viewport().width() - used))

    def show_path(self, loc: tuple) -> None:
        row = self.model.row_of(loc)
        if row < 0 and loc[:1] == ("settings",):
            row = self.model.row_of(loc[:2])
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 1))
            self.table.setFocus()
