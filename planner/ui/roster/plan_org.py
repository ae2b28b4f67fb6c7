"""The Organisation page's view of the plan's own teams (shown while no roster is loaded):
a headline with the plan's layers and span of control, the span legend and the team chart."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget

from planner import formatting as fmt

from ..doc.team_figures import team_figures
from . import colors
from .orgchart import DEFAULT_OPEN_LAYERS, _esc
from .team_chart import TeamChartView


def swatch(health: str, text: str) -> QLabel:
    return QLabel(f"<span style='background:{colors.fill(health).name()};"
                  f"border:1px solid {colors.edge(health).name()}'>&nbsp;&nbsp;&nbsp;&nbsp;</span>"
                  f"&nbsp;{text}")


def chart_toolbar(label: str, tip: str, on_open, on_fit, on_import
                  ) -> tuple[QHBoxLayout, QLabel, QSpinBox, QPushButton]:
    """The line above an org chart: its headline, how many levels are open, Fit, Import."""
    head = QHBoxLayout()
    headline = QLabel()
    headline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    head.addWidget(headline, 1)
    head.addWidget(QLabel(label))
    spin = QSpinBox()
    spin.setRange(1, 50)
    spin.setValue(DEFAULT_OPEN_LAYERS)
    spin.setToolTip(tip)
    spin.valueChanged.connect(on_open)
    head.addWidget(spin)
    fit = QPushButton("Fit")
    fit.setToolTip("Fit the chart in the window (wheel: zoom, drag: pan, click: open/close)")
    fit.clicked.connect(on_fit)
    head.addWidget(fit)
    button = QPushButton("Import a roster\u2026")
    button.clicked.connect(on_import)
    head.addWidget(button)
    return head, headline, spin, button


LEGEND = (("narrow", "1-2 reports (narrow)"), ("ok", "3-15 reports"),
          ("wide", "16+ reports (wide)"))


class PlanOrgView(QWidget):
    """``show_plan(doc)``: the teams of ``doc.data``, with ``doc.result``'s final month when
    the result is current."""

    importRoster = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        box = QVBoxLayout(self)
        box.setContentsMargins(6, 6, 6, 6)
        head, self.headline, self.open_levels, self.import_button = chart_toolbar(
            "Open levels:", "Show the teams below the top ones down to this level",
            lambda v: self.chart.expand_to_depth(v), lambda: self.chart.fit(),
            self.importRoster.emit)
        self.headline.setWordWrap(True)
        self.import_button.setToolTip("Compare with the real organisation: an HR export with a "
                                      "\u201creports to\u201d column")
        box.addLayout(head)
        legend = QHBoxLayout()
        self.legend_title = QLabel()
        legend.addWidget(self.legend_title)
        for health, text in LEGEND:
            legend.addWidget(swatch(health, text))
        legend.addStretch(1)
        self.hint = QLabel("The plan's own team tree (no roster loaded: a plan file keeps "
                           "teams, roles and costs, not the people; File > Import Roster shows "
                           "the people's chart again). Hover a team for its people, span and "
                           "layer; click it to open or close the teams below.")
        self.hint.setWordWrap(True)
        box.addLayout(legend)
        box.addWidget(self.hint)
        self.chart = TeamChartView()
        box.addWidget(self.chart, 1)

    def show_plan(self, doc: Any) -> None:
        data = getattr(doc, "data", None)
        result = getattr(doc, "result", None)
        if getattr(doc, "stale_message", ""):
            result = None            # the last valid plan's figures may not match these teams
        fig = team_figures(data, result)
        self.chart.set_figures(fig if len(fig) else None, open_layers=self.open_levels.value())
        name = getattr(doc, "name", "") or (data.get("name", "") if isinstance(data, dict) else "")
        self.headline.setText(_headline(name, fig, result))
        month = f"month {fig.horizon}" if fig.final is not None else "today"
        self.legend_title.setText(f"Span of each team, {month}:")

    @property
    def team_count(self) -> int:
        fig = self.chart.figures
        return 0 if fig is None else len(fig)


def _headline(name: str, fig: Any, result: Any) -> str:
    t0 = fig.today
    n = len(fig)
    text = f"<b>{_esc(name)}</b>: {n:,} team{'s' if n != 1 else ''}, "
    if result is None:
        return text + (f"{fmt.smart(float(t0.people.sum()))} people today, {t0.layers} "
                       "layer" + ("s" if t0.layers != 1 else "") +
                       " (results appear once the plan is valid)")
    s = result.summary
    b, f = s["baseline"], s["final"]
    H = result.horizon

    def opt(x: Any, d: int = 1) -> str:
        return "–" if x is None else (f"{x:.{d}f}" if d else str(x))

    return (text + f"{fmt.smart(b['headcount'])} people today \u2192 {fmt.smart(f['headcount'])} "
            f"in month {H}; layers {opt(b['layers'], 0)} \u2192 {opt(f['layers'], 0)} (an even "
            f"pyramid needs {opt(b['layers_needed'], 0)} \u2192 {opt(f['layers_needed'], 0)}); "
            f"span of control {opt(b['avg_span'])} \u2192 {opt(f['avg_span'])} direct reports "
            "per manager")
