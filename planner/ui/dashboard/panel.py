"""The results dock: compact KPI tiles in two columns and the charts in three tabs."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QScrollArea, QTabWidget, QVBoxLayout, QWidget

from .bar_charts import ModelComputeChart, TeamFteChart
from .base import DashboardBase
from .chart import ChartWidget
from .tiles import TileGrid
from .time_charts import CashChart, ComputeTimeChart, HeadcountChart, MoneyChart


def _chart_page(parent: QWidget, charts: list[ChartWidget]) -> QScrollArea:
    """Charts stacked in a page that scrolls when the dock is short."""
    inner = QWidget()
    layout = QVBoxLayout(inner)
    layout.setContentsMargins(0, 4, 0, 0)
    layout.setSpacing(8)
    for chart in charts:
        chart.setMinimumHeight(210)
        layout.addWidget(chart, 1)
    area = QScrollArea(parent)
    area.setWidget(inner)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area


class ResultsPanel(DashboardBase):
    """Always-visible results: ``set_result(result, currency)``, ``set_stale(stale, msg)``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, large=False)
        self.tiles = TileGrid(self.content, columns=2, large=False)
        self.headcount_chart = HeadcountChart(compact=True)
        self.team_chart = TeamFteChart(compact=True)
        self.money_chart = MoneyChart(compact=True)
        self.cash_chart = CashChart(compact=True)
        self.model_chart = ModelComputeChart(compact=True)
        self.compute_chart = ComputeTimeChart(compact=True)
        self.charts = [self.headcount_chart, self.team_chart, self.money_chart,
                       self.cash_chart, self.compute_chart, self.model_chart]

        self.tabs = QTabWidget(self.content)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(_chart_page(self.tabs, [self.headcount_chart, self.team_chart]),
                         "Headcount")
        self.tabs.addTab(_chart_page(self.tabs, [self.money_chart, self.cash_chart]), "Money")
        self.tabs.addTab(_chart_page(self.tabs, [self.compute_chart, self.model_chart]),
                         "Compute")

        layout = QVBoxLayout(self.content)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(8)
        layout.addWidget(self.tiles)
        layout.addWidget(self.tabs, 1)
        self.setMinimumWidth(320)
