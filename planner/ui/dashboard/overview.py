"""The Overview page: the leadership view, big KPI tiles over a 2x2 grid of charts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from .bar_charts import ModelComputeChart, TeamFteChart
from .base import DashboardBase
from .kpis import nice_month
from .theme import theme_for
from .tiles import TileGrid
from .time_charts import CashChart, HeadcountChart, MoneyChart, SavingsSplitChart

if TYPE_CHECKING:
    from planner.engine import Result


class OverviewPage(DashboardBase):
    """Headline figures and the charts leadership asks for: headcount against the same
    organisation without AI, where the savings come from, money over time, and by whom."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, large=True)
        inner = QWidget()
        self.heading = QLabel(inner)
        font = QFont(self.font())
        font.setPointSizeF(max(9.0, self.font().pointSizeF()) * 1.45)
        font.setBold(True)
        self.heading.setFont(font)
        self.subheading = QLabel(inner)
        self.subheading.setWordWrap(True)
        self._restyle()

        self.tiles = TileGrid(inner, columns=5, large=True)
        self.headcount_chart = HeadcountChart()
        self.savings_chart = SavingsSplitChart()
        self.money_chart = MoneyChart()
        self.cash_chart = CashChart()
        self.team_chart = TeamFteChart()
        self.model_chart = ModelComputeChart()
        # the people story, then the money, then where it comes from
        self.charts = [self.headcount_chart, self.savings_chart, self.money_chart,
                       self.cash_chart, self.team_chart, self.model_chart]

        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(14)
        for i, chart in enumerate(self.charts):
            chart.setMinimumHeight(250)
            grid.addWidget(chart, i // 2, i % 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        layout = QVBoxLayout(inner)
        layout.setContentsMargins(16, 12, 16, 16)
        layout.setSpacing(10)
        head = QHBoxLayout()
        head.setSpacing(16)
        head.addWidget(self.heading)
        head.addWidget(self.subheading, 1, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(head)
        layout.addWidget(self.tiles)
        layout.addLayout(grid, 1)

        area = QScrollArea(self.content)
        area.setWidget(inner)
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area = area
        outer = QVBoxLayout(self.content)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(area)

    def _result_shown(self, result: Result) -> None:
        self.heading.setText(result.plan.name)
        labels = result.month_labels
        first, last = nice_month(labels[0]), nice_month(labels[-1])
        span = f"{first} to {last}" if first != "M1" else f"months 1 to {result.horizon}"
        self.subheading.setText(
            f"{result.horizon} months, {span}. Hover over any figure to see how it is "
            "calculated.")

    def _restyle(self) -> None:
        super()._restyle()
        if hasattr(self, "subheading"):
            self.subheading.setStyleSheet(f"color: {theme_for(self).muted.name()};")
