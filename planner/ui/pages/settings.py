"""Settings: the plan's name and currency and every setting, with units, meaning and default."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
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
        hh.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        hh.setStretchLastSection(True)
        self.table.setColumnWidth(1, self.fontMetrics().horizontalAdvance("Reduce (fewer people)") + 40)
        # one line a setting, every row the same height; the full meaning is in the tooltip
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        v = QVBoxLayout(self)
        v.setContentsMargins(12, 10, 12, 6)
        v.addWidget(heading("Settings", self))
        v.addWidget(hint("Hover a setting to see what it means and its default. Values in grey "
                         "italics are defaults; Delete resets a value to its default.", self))
        v.addWidget(self.table, 1)

    def show_path(self, loc: tuple) -> None:
        row = self.model.row_of(loc)
        if row < 0 and loc[:1] == ("settings",):
            row = self.model.row_of(loc[:2])
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 1))
            self.table.setFocus()
