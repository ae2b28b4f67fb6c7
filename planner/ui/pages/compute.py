"""Compute: the AI models (API or self-hosted) and the GPUs self-hosted models run on."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..doc import catalog
from ..doc.document import PlanDocument
from ..qt_models.table import ListTableModel
from ..widgets.common import heading, hint
from ..widgets.table import PlanTable
from .fleets import FleetTableModel


def _section(parent: QWidget, title: str, text: str, table: PlanTable, button: str) -> QWidget:
    box = QWidget(parent)
    v = QVBoxLayout(box)
    v.setContentsMargins(0, 4, 0, 4)
    top = QHBoxLayout()
    top.addWidget(heading(title, box))
    top.addStretch(1)
    add = QPushButton(button, box)
    add.setToolTip(f"{button} (Insert in the table)")
    add.clicked.connect(table.add_row)
    top.addWidget(add)
    v.addLayout(top)
    v.addWidget(hint(text, box))
    v.addWidget(table, 1)
    return box


class ComputePage(QWidget):
    message = Signal(str)

    def __init__(self, doc: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.models_model = ListTableModel(doc, ("models",), catalog.MODEL_FIELDS, noun="model",
                                           new_item=catalog.new_model, id_key="models",
                                           depends_on=("gpus", "settings"), parent=self)
        self.gpus_model = ListTableModel(doc, ("gpus",), catalog.GPU_FIELDS, noun="GPU",
                                         new_item=catalog.new_gpu, id_key="gpus", parent=self)
        self.models = PlanTable(self, fit_max=180)
        self.models.setModel(self.models_model)
        self.gpus = PlanTable(self, fit_max=180)
        self.gpus.setModel(self.gpus_model)
        for t, m in ((self.models, self.models_model), (self.gpus, self.gpus_model)):
            t.message.connect(self.message)
            m.message.connect(self.message)
            t.horizontalHeader().setStretchLastSection(True)
        v = QVBoxLayout(self)
        v.setContentsMargins(12, 10, 12, 6)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.setChildrenCollapsible(False)
        split.addWidget(_section(split, "Models", "API models are priced per million tokens; "
                                 "self-hosted models run on a GPU type below and are sized from the "
                                 "tokens of their workflows. Greyed cells do not apply to a row's kind.",
                                 self.models, "Add model"))
        split.addWidget(_section(split, "GPUs", "Cloud GPUs are rented by the hour; owned GPUs are "
                                 "bought and depreciated. Both draw power.", self.gpus, "Add GPU"))
        self.fleets_model = FleetTableModel(doc, self)
        self.fleets = QTableView(self)
        self.fleets.setModel(self.fleets_model)
        self.fleets.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.fleets.setAlternatingRowColors(True)
        self.fleets.verticalHeader().hide()
        self.fleets.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft
                                                           | Qt.AlignmentFlag.AlignVCenter)
        self.fleets.horizontalHeader().setStretchLastSection(True)
        self.fleets_box = QWidget(split)
        fv = QVBoxLayout(self.fleets_box)
        fv.setContentsMargins(0, 4, 0, 4)
        self.fleets_title = heading("Self-hosted fleets", self.fleets_box)
        fv.addWidget(self.fleets_title)
        self.fleets_hint = hint("Results, read-only: each self-hosted model's GPUs in the final "
                                "month and what they cost. Hover a column for its formula.",
                                self.fleets_box)
        fv.addWidget(self.fleets_hint)
        fv.addWidget(self.fleets, 1)
        split.addWidget(self.fleets_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setStretchFactor(2, 2)
        v.addWidget(split)
        doc.changed.connect(self._changed)
        self._fit_fleets = True
        self.fleets_model.modelReset.connect(self._fleets_shown)
        self._fleets_shown()
        self.fit()

    def _fleets_shown(self) -> None:
        m = self.fleets_model
        self.fleets_box.setVisible(m.rowCount() > 0)
        if m.rowCount():
            stale = " (of the last valid plan)" if self.doc.stale_message else ""
            self.fleets_title.setText(f"Self-hosted fleets in month {m.horizon}{stale}")
            if self.isVisible():
                self.fleets.resizeColumnsToContents()
            else:
                self._fit_fleets = True

    def showEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().showEvent(event)
        if self._fit_fleets:
            self._fit_fleets = False
            self.fleets.resizeColumnsToContents()

    def _changed(self, change) -> None:
        if change.kind == "reset":
            self.fit()

    def fit(self) -> None:
        self.models.fit_columns()
        self.gpus.fit_columns()

    def show_path(self, loc: tuple) -> None:
        if len(loc) < 2 or not isinstance(loc[1], int):
            return
        table, model = (self.models, self.models_model) if loc[0] == "models" else (self.gpus, self.gpus_model)
        table.select_source_row(loc[1], model.column_of(loc[2:]) if len(loc) > 2 else 0)
        table.setFocus()
