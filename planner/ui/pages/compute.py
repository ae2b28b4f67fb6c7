"""Compute: the AI models (API or self-hosted) and the GPUs self-hosted models run on."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..doc import catalog
from ..doc.document import PlanDocument
from ..qt_models.table import ListTableModel
from ..widgets.common import EmptyState, heading, hint
from ..widgets.table import PlanTable
from .fleets import FleetTableModel


class _Section(QWidget):
    """A heading with its add buttons, a hint, and the table, or (while the table is empty)
    an empty state that teaches where to start."""

    def __init__(self, parent: QWidget, title: str, text: str, table: PlanTable, button: str,
                 empty: EmptyState) -> None:
        super().__init__(parent)
        self.table = table
        v = QVBoxLayout(self)
        v.setContentsMargins(0, 4, 0, 4)
        self.top = QHBoxLayout()
        self.top.addWidget(heading(title, self))
        self.top.addStretch(1)
        add = QPushButton(button, self)
        add.setToolTip(f"{button} (Insert in the table)")
        add.clicked.connect(table.add_row)
        self.top.addWidget(add)
        v.addLayout(self.top)
        v.addWidget(hint(text, self))
        self.stack = QStackedWidget(self)
        self.stack.addWidget(table)
        self.empty = empty
        self.stack.addWidget(empty)
        v.addWidget(self.stack, 1)

    def add_action_button(self, action: QAction, text: str) -> None:
        """A button before the section's "Add" button (e.g. "From catalog...")."""
        button = QPushButton(text, self)
        button.setToolTip(action.toolTip())
        button.clicked.connect(lambda _=False: action.trigger())
        self.top.insertWidget(self.top.count() - 1, button)

    def show_empty(self, empty: bool) -> None:
        self.stack.setCurrentWidget(self.empty if empty else self.table)


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
        self.models_section = _Section(
            split, "Models", "API models are priced per million tokens; self-hosted models run on "
            "a GPU type below and are sized from the tokens of their workflows. Greyed cells do not "
            "apply to a row's kind.", self.models, "Add model",
            EmptyState("No models yet", "A model prices the tokens your workflows use: an API model "
                       "per million tokens, or a self-hosted model on GPUs. Start from the catalog: "
                       "its prices and serving speeds carry their sources.",
                       "Add a model by hand", self.models.add_row, parent=split))
        self.gpus_section = _Section(
            split, "GPUs", "Cloud GPUs are rented by the hour; owned GPUs are bought and "
            "depreciated. Both draw power.", self.gpus, "Add GPU",
            EmptyState("No GPUs", "Only self-hosted models need GPUs: rent them by the hour or buy "
                       "them. The catalog gives common ones with their prices, power and sources.",
                       "Add a GPU by hand", self.gpus.add_row, parent=split))
        split.addWidget(self.models_section)
        split.addWidget(self.gpus_section)
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
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(split, "Models and GPUs")
        self.hosting: QWidget | None = None     # built when its tab is first shown
        self.hosting_tab = QWidget(self)
        QVBoxLayout(self.hosting_tab).setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self.hosting_tab, "API or self-host?")
        self.tabs.setTabToolTip(1, "What the plan's tokens would cost by API and on your own "
                                   "GPUs, and from which volume self-hosting pays")
        self.tabs.currentChanged.connect(self._tab_changed)
        v.addWidget(self.tabs)
        doc.changed.connect(self._changed)
        self._fit_fleets = True
        self.fleets_model.modelReset.connect(self._fleets_shown)
        self._fleets_shown()
        self._show_empty()
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
        if change.kind == "reset" or change.path[:1] in (("models",), ("gpus",)):
            self._show_empty()

    def _show_empty(self) -> None:
        self.models_section.show_empty(not self.doc.items("models"))
        self.gpus_section.show_empty(not self.doc.items("gpus"))

    def set_catalog_actions(self, model: QAction, gpu: QAction) -> None:
        """"From catalog..." beside each table's add button, and first in its empty state."""
        for section, action, what in ((self.models_section, model, "model"),
                                      (self.gpus_section, gpu, "GPU")):
            section.add_action_button(action, "From catalog...")
            section.empty.add_action(action, f"Add a {what} from the catalog", first=True)

    def _tab_changed(self, index: int) -> None:
        if index == 1 and self.hosting is None:
            from ..evidence.hosting_view import HostingView

            self.hosting = HostingView(self.doc, self.hosting_tab)
            self.hosting_tab.layout().addWidget(self.hosting)
            self.hosting.show()             # now, not on the next pass of the event loop

    def show_hosting(self) -> None:
        self.tabs.setCurrentIndex(1)

    def fit(self) -> None:
        self.models.fit_columns()
        self.gpus.fit_columns()

    def show_path(self, loc: tuple) -> None:
        if len(loc) < 2 or not isinstance(loc[1], int):
            return
        self.tabs.setCurrentIndex(0)
        table, model = (self.models, self.models_model) if loc[0] == "models" else (self.gpus, self.gpus_model)
        table.select_source_row(loc[1], model.column_of(loc[2:]) if len(loc) > 2 else 0)
        table.setFocus()
