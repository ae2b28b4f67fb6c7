"""The Organisation page: the imported roster's org chart, and its spans and layers before
and after the open plan's AI change."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from planner.io.roster import RosterAnalysis

from .dialog import import_roster_dialog
from .orgchart import OrgChartView
from .plan_org import PlanOrgView, chart_toolbar, swatch
from .state import last_import, roster_state


class OrganisationPage(QWidget):
    """``set_document(doc)`` with a plan document (``.data``, ``changed``) or None.

    ``planImported(dict)`` is emitted with the plan data when the user imports a roster from
    the page's own button (the window decides how to open it).
    """

    planImported = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc: Any = None
        self.analysis: RosterAnalysis | None = None
        self._refresh_after = QTimer(self)
        self._refresh_after.setSingleShot(True)
        self._refresh_after.setInterval(300)
        self._refresh_after.timeout.connect(self.refresh_spans)

        from .spans_view import SpansLayersView  # pyqtgraph: only when the page is built

        self.stack = QStackedWidget()
        # Empty state: teach what the page is for.
        empty = QWidget()
        ebox = QVBoxLayout(empty)
        ebox.addStretch(1)
        title = QLabel("<h2>Start from your real organisation</h2>")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint = QLabel("Import an HR export (CSV or Excel, one row per person with a \u201creports "
                      "to\u201d column) to see its org chart, its spans of control and layers, and "
                      "build a plan from it.")
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setMaximumWidth(560)
        self.import_button = QPushButton("Import a roster\u2026")
        self.import_button.clicked.connect(self.import_roster)
        ebox.addWidget(title)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(hint)
        row.addStretch(1)
        ebox.addLayout(row)
        brow = QHBoxLayout()
        brow.addStretch(1)
        brow.addWidget(self.import_button)
        brow.addStretch(1)
        ebox.addLayout(brow)
        ebox.addStretch(2)
        self.stack.addWidget(empty)

        # The roster: a header, the chart, the charts.
        content = QWidget()
        cbox = QVBoxLayout(content)
        cbox.setContentsMargins(6, 6, 6, 6)
        head, self.headline, self.open_layers, _again = chart_toolbar(
            "Open layers:", "Show the reports of managers down to this layer",
            lambda v: self.chart.expand_to_layer(v), lambda: self.chart.fit(), self.import_roster)
        cbox.addLayout(head)
        legend = QHBoxLayout()
        for health, text in (("narrow", "1-2 reports (narrow)"), ("ok", "3-15 reports"),
                             ("wide", "16+ reports (wide)"), ("", "no reports")):
            legend.addWidget(swatch(health, text))
        self.shown_label = QLabel()
        legend.addStretch(1)
        legend.addWidget(self.shown_label)
        cbox.addLayout(legend)
        self.chart = OrgChartView()
        self.chart.laidOut.connect(self._shown)
        self.spans = SpansLayersView()
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.chart)
        split.addWidget(self.spans)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([600, 340])
        cbox.addWidget(split, 1)
        self.stack.addWidget(content)

        # No roster: the plan's own teams as an org chart.
        self.plan_view = PlanOrgView()
        self.plan_view.importRoster.connect(self.import_roster)
        self.stack.addWidget(self.plan_view)
        self._plan_dirty = True

        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.stack)
        roster_state().imported.connect(self.set_analysis)
        self.set_analysis(last_import())

    # -- inputs -----------------------------------------------------------------------------
    def set_document(self, doc: Any) -> None:
        if self.doc is not None:
            try:
                self.doc.changed.disconnect(self._doc_changed)
                if hasattr(self.doc, "resultChanged"):
                    self.doc.resultChanged.disconnect(self._result_changed)
            except (RuntimeError, TypeError):
                pass
        self.doc = doc
        if doc is not None:
            doc.changed.connect(self._doc_changed)
            if hasattr(doc, "resultChanged"):
                doc.resultChanged.connect(self._result_changed)
        self._plan_dirty = True
        self._show_current()
        self.refresh_spans()

    def _doc_changed(self, change: Any = None, *_: Any) -> None:
        self._plan_dirty = True
        if getattr(change, "kind", "") == "reset":  # a new plan: show it at once
            self._refresh_after.stop()
            self._show_current()
            self.refresh_spans()
        else:  # edits: once the typing pauses
            self._refresh_after.start()

    def _result_changed(self) -> None:
        self._plan_dirty = True
        if self.isVisible():
            self._show_current()

    def _show_current(self) -> None:
        """The roster when one is loaded, else the plan's teams, else the empty state."""
        if self.analysis is not None:
            self.stack.setCurrentIndex(1)
            return
        data = getattr(self.doc, "data", None)
        if not isinstance(data, dict) or not data.get("teams"):
            self.stack.setCurrentIndex(0)
            return
        self.stack.setCurrentIndex(2)
        if self._plan_dirty:
            self._plan_dirty = False
            self.plan_view.show_plan(self.doc)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().showEvent(event)
        self._show_current()

    def set_analysis(self, analysis: RosterAnalysis | None) -> None:
        self.analysis = analysis
        self._show_current()
        if analysis is None:
            self.chart.set_analysis(None)
            self.spans.set_data(None)
            return
        a = analysis
        mean = f"{a.mean_span:.2f}" if a.mean_span is not None else "-"
        left = len(a.roster.left_out)
        self.headline.setText(
            f"<b>{a.roster.source}</b>: {a.employees:,} people, {a.managers:,} managers, "
            f"{a.layers} layers of people, mean span {mean} direct reports"
            + (f" \u2014 {left:,} rows left out at import" if left else ""))
        self.headline.setToolTip(
            "Counted person by person from the roster: layers from the top person to the front "
            "line, span = a manager's direct reports. The plan's tiles count the layers of its "
            "team tree and a team's ICs per manager, so their figures can differ.")
        self.chart.set_analysis(a, open_layers=self.open_layers.value())
        self.refresh_spans()

    def refresh_spans(self) -> None:
        if self.analysis is None:
            if self.isVisible():
                self._show_current()
            return
        self.spans.set_data(self.analysis, self._plan())

    def _plan(self) -> Any:
        data = getattr(self.doc, "data", None) if self.doc is not None else None
        if not isinstance(data, dict) or not data.get("teams"):
            return None
        from planner.model import PlanInvalid, parse_plan

        try:
            return parse_plan(data)
        except PlanInvalid:
            return None

    def _shown(self, boxes: int) -> None:
        if self.analysis is not None:
            self.shown_label.setText(f"{boxes:,} of {self.analysis.employees:,} people drawn")

    # -- actions ----------------------------------------------------------------------------
    def import_roster(self) -> None:
        # The window's own import (asks to save, opens the plan) when there is one.
        window = self.window()
        if window is not self and callable(getattr(window, "import_roster", None)):
            window.import_roster()
            return
        data = import_roster_dialog(self)
        if data is not None:
            self.planImported.emit(data)
