"""Workflows: one row per workflow, filterable by team and text; the selected row's impact."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...formatting import money, number, percent, smart, tokens
from ..doc import catalog
from ..doc.document import PlanDocument
from ..doc.result_figures import workflow_fleet_share, workflow_record
from ..qt_models.table import ListTableModel
from ..widgets.common import EmptyState, heading, hint
from ..widgets.table import PlanTable, to_source


class WorkflowFilter(QSortFilterProxyModel):
    """Rows of one team and/or matching a text (name, id or team); O(1) per row."""

    def __init__(self, doc: PlanDocument, parent=None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.team: str | None = None
        self.text = ""
        self.setDynamicSortFilter(False)

    def multiData(self, index: QModelIndex, span) -> None:  # noqa: N802 - Qt naming
        # one call per painted cell down to the table model (see OneCallPerCell)
        if index.isValid():
            self.sourceModel().multiData(self.mapToSource(index), span)

    def set_filter(self, team: str | None, text: str) -> None:
        self.team, self.text = team, text.strip().lower()
        self.invalidateRowsFilter()

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:
        if self.team is None and not self.text:
            return True
        items = self.doc.items("workflows")
        if row >= len(items) or not isinstance(items[row], dict):
            return True
        w = items[row]
        if self.team is not None and w.get("team") != self.team:
            return False
        if self.text:
            hay = f"{w.get('name', '')} {w.get('id', '')} {w.get('team', '')}".lower()
            return self.text in hay
        return True


class WorkflowsPage(QWidget):
    message = Signal(str)

    def __init__(self, doc: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.model = ListTableModel(doc, ("workflows",), catalog.WORKFLOW_FIELDS, noun="workflow",
                                    new_item=self._new_item, id_key="workflows",
                                    depends_on=("teams", "models", "settings"), parent=self)
        self.proxy = WorkflowFilter(doc, self)
        self.proxy.setSourceModel(self.model)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 10, 12, 6)
        top = QHBoxLayout()
        top.addWidget(heading("Workflows", self))
        top.addStretch(1)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Filter by name or id")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(180)
        self.search.textChanged.connect(self._filter)
        self.team_filter = QComboBox(self)
        self.team_filter.setMinimumContentsLength(18)
        self.team_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.team_filter.setToolTip("Show the workflows of one team")
        self.team_filter.currentIndexChanged.connect(self._filter)
        add = QPushButton("Add workflow", self)
        add.setToolTip("Add a workflow (Insert in the table)")
        # the compute columns (model, calls, tokens, cache) are a second layer of detail:
        # hidden by default so the AI-effect columns fit; the selected row's compute is
        # described under the table either way
        self.compute_action = QAction("Workflow &compute columns", self, checkable=True)
        self.compute_action.setStatusTip("Show the model, calls and tokens columns of the workflows")
        self.compute_action.toggled.connect(self.show_compute_columns)
        # the button shows the action's icon text: short, and the same checked or not (its
        # full text on the button widened the window when the columns were turned on)
        self.compute_action.setIconText("Compute columns")
        compute_btn = QToolButton(self)
        compute_btn.setDefaultAction(self.compute_action)
        compute_btn.setToolTip("Show or hide the model, calls and tokens columns")
        # two rows, so the page fits beside the navigation and the Results dock on a 1366 px
        # screen (one row of filters and buttons made the window ~1400 px wide at least):
        # the heading and the buttons, then the filters over the table
        top.addWidget(compute_btn)
        top.addWidget(add)
        self._top = top
        outer.addLayout(top)
        filters = QHBoxLayout()
        filters.addWidget(QLabel("Team:", self))
        filters.addWidget(self.team_filter)
        filters.addWidget(self.search, 1)
        outer.addLayout(filters)
        outer.addWidget(hint("Each row is work a team does today. Percentages: 35, 35% and 0.35 "
                             "are all 35%. Paste a block from Excel with Ctrl+V; Insert adds a row, Ctrl+D "
                             "duplicates, Delete removes.", self))

        self.empty = EmptyState(
            "No workflows yet",
            "A workflow is recurring work a team does (answering tickets, reviewing code...). "
            "Give its volume and minutes, then how much time AI saves and how widely it is adopted; "
            "or start from a template, whose values come from a cited study.",
            "Add a workflow", lambda: self.table.add_row(), parent=self)
        outer.addWidget(self.empty, 1)
        self.table = PlanTable(self, fit_max=210)
        self.table.setModel(self.proxy)
        self.table.message.connect(self.message)
        self.model.message.connect(self.message)
        add.clicked.connect(self.table.add_row)
        outer.addWidget(self.table, 3)
        self.impact = QLabel(self)
        self.impact.setWordWrap(True)
        self.impact.setTextFormat(Qt.TextFormat.RichText)
        self.impact.setMinimumHeight(self.fontMetrics().height() * 4)
        self.impact.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.impact.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.impact)

        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.update_impact())
        self._impact_dirty = True
        doc.resultChanged.connect(self._result_changed)
        doc.changed.connect(self._doc_changed)
        self._doc_changed(None)
        self.table.fit_columns()
        self.show_compute_columns(False)

    def add_catalog_action(self, action: QAction) -> None:
        """"Add from template...": a button before "Add workflow", and the empty page's first
        suggestion."""
        button = QPushButton("Add from template...", self)
        button.setToolTip(action.toolTip())
        button.clicked.connect(lambda _=False: action.trigger())
        self._top.insertWidget(self._top.count() - 1, button)
        self.template_button = button
        self.empty.add_action(action, "Add a workflow from a template", first=True)

    def compute_columns(self) -> list[int]:
        return [c for c, f in enumerate(self.model.fields) if f.group == "compute"]

    def show_compute_columns(self, show: bool) -> None:
        for c in self.compute_columns():
            self.table.setColumnHidden(c, not show)
        if self.compute_action.isChecked() != show:
            self.compute_action.setChecked(show)

    def _new_item(self, doc: PlanDocument) -> dict:
        return catalog.new_workflow(doc, self.proxy.team)

    def _doc_changed(self, change: Any) -> None:
        if change is None or change.kind == "reset" or change.touches(("teams",)):
            self._refresh_team_filter()
        if change is None or change.kind == "reset":
            self.table.fit_columns()
        has = bool(self.doc.items("workflows"))
        self.empty.setVisible(not has)
        self.table.setVisible(has)
        self.impact.setVisible(has)

    def _refresh_team_filter(self) -> None:
        current = self.team_filter.currentData()
        choices = catalog.team_choices(self.doc)
        if [self.team_filter.itemData(i) for i in range(1, self.team_filter.count())] == \
                [v for v, _ in choices]:
            for i, (_v, label) in enumerate(choices, start=1):
                self.team_filter.setItemText(i, label)
            return
        self.team_filter.blockSignals(True)
        self.team_filter.clear()
        self.team_filter.addItem("All teams", None)
        for v, label in choices:
            self.team_filter.addItem(label, v)
        i = self.team_filter.findData(current)
        self.team_filter.setCurrentIndex(max(0, i))
        self.team_filter.blockSignals(False)
        if i < 0 and current is not None:
            self._filter()

    def _filter(self) -> None:
        self.proxy.set_filter(self.team_filter.currentData(), self.search.text())

    def current_row(self) -> int:
        idx = self.table.currentIndex()
        return to_source(idx).row() if idx.isValid() else -1

    def showEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().showEvent(event)
        if self._impact_dirty:
            self.update_impact()

    def _result_changed(self) -> None:
        # the panel reads the result only while it is on screen (a big plan's figures cost)
        if self.isVisible():
            self.update_impact()
        else:
            self._impact_dirty = True

    def update_impact(self) -> None:
        self._impact_dirty = False
        row = self.current_row()
        # the values as the shown scenario has them (the figures above are its results)
        items = self.doc.get(("workflows",), [])
        items = items if isinstance(items, list) else []
        if not 0 <= row < len(items):
            self.impact.setText("<i>Select a workflow to see its impact.</i>")
            return
        w = items[row]
        name = w.get("name") or w.get("id") or "this workflow"
        res = self.doc.result
        rec = workflow_record(res, w.get("id"))
        ai = w.get("ai") if isinstance(w.get("ai"), dict) else {}
        comp = w.get("compute") if isinstance(w.get("compute"), dict) else None
        cur = self.doc.currency
        stale = ", from the last valid plan" if self.doc.stale_message else ""
        fleet = workflow_fleet_share(res, w.get("id")) if rec is not None else None
        if rec is None:
            figures = "<i>No result for this workflow yet: fix the problems listed below.</i>"
        else:
            if fleet is not None:
                f = fleet.fleet
                cost = (f"self-hosted on {_esc(f.model)}: <b>{percent(fleet.share)}</b> of its "
                        f"fleet's busy time, so <b>{money(fleet.cost, cur)}</b> of the fleet's "
                        f"{money(f.cost, cur)} a month ({number(f.gpus)} GPUs {_esc(f.gpu)}, "
                        f"busy {percent(f.busy_share, 1) if f.busy_share is not None else '–'})")
            else:
                cost = f"API cost <b>{money(rec['api_cost'], cur)}</b> a month"
            figures = (f"<b>{smart(rec['hours_saved'])}</b> hours saved a month, "
                       f"<b>{number(rec['fte_freed'], 1)}</b> FTE freed, "
                       f"<b>{tokens(rec['tokens_in'] + rec['tokens_out'])}</b> tokens a month, "
                       f"{cost} (final month{stale}).")
        growth = _num(w.get("volume_growth_per_year"))
        own = growth is not None
        if not own:
            growth = _num(catalog.plan_setting("volume_growth_per_year")(self.doc))
        grows = (f" x volume growth {percent(growth)} a year"
                 f"{'' if own else ' (the plan' + chr(39) + 's)'} since month 1" if growth else "")
        formula = (f"Hours saved = volume {smart(_num(w.get('volume_per_month')))}{grows} x "
                   f"{smart(_num(w.get('minutes_per_unit')))} min / 60 x adoption "
                   f"{percent(_num(ai.get('adoption')))} x (time saved {percent(_num(ai.get('time_saved')))}"
                   f" - review {percent(_num(ai.get('review_overhead', 0)))}); FTE = hours / "
                   "(hours per FTE-year / 12).")
        if comp:
            cached = _num(comp.get("cached_share"))
            formula += (f" Compute: model {comp.get('model')}, "
                        f"{smart(_num(comp.get('calls_per_unit')))} calls a unit, "
                        f"{smart(_num(comp.get('input_tokens')))} input and "
                        f"{smart(_num(comp.get('output_tokens')))} output tokens a call"
                        f"{f', {percent(cached)} of input cached' if cached else ''}.")
            formula += (f" Tokens = AI units x {smart(_num(comp.get('calls_per_unit')))} calls x "
                        f"({smart(_num(comp.get('input_tokens')))} in + "
                        f"{smart(_num(comp.get('output_tokens')))} out)"
                        + (", priced by model " + str(comp.get("model")) + "." if fleet is None else
                           "; its share of the fleet = its (input tokens / prefill rate + output "
                           "tokens / decode rate) over all the model's workflows', times the "
                           "fleet's rent, energy, overhead and depreciation."))
        self.impact.setText(f"<b>{_esc(name)}</b>: {figures}<br><span>{_esc(formula)}</span>")

    def show_path(self, loc: tuple) -> None:
        if len(loc) < 2 or not isinstance(loc[1], int):
            return
        if self.proxy.team is not None or self.proxy.text:
            self.search.clear()
            self.team_filter.setCurrentIndex(0)
        col = self.model.column_of(loc[2:]) if len(loc) > 2 else 0
        if col in self.compute_columns():
            self.show_compute_columns(True)
        self.table.select_source_row(loc[1], col)
        self.table.setFocus()


def _num(v: Any) -> float | None:
    return v if isinstance(v, int | float) and not isinstance(v, bool) else None


def _esc(text: str) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
