"""The results dock: compact KPI tiles in two columns and the charts in three tabs."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QScrollArea, QTabWidget, QVBoxLayout, QWidget

from .bar_charts import ModelComputeChart, TeamFteChart
from .base import DashboardBase
from .chart import ChartWidget
from .tiles import TileGrid
from .time_charts import (
    CashChart,
    ComputeTimeChart,
    HeadcountChart,
    MoneyChart,
    SavingsSplitChart,
)


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
    """Always-visible results: ``set_result(result, currency)``, ``set_stale(stale, msg)``.

    It starts empty ("Calculating..." or what to add): the tiles and charts are built with
    the first result, and then only the visible tab's charts (a pyqtgraph chart costs
    ~10 ms); the others are built, and shown the current result, when their tab is first
    opened or when one of them is asked for (``panel.cash_chart``).
    """

    TABS = (("Headcount", (("headcount_chart", HeadcountChart), ("team_chart", TeamFteChart))),
            ("Money", (("money_chart", MoneyChart), ("savings_chart", SavingsSplitChart),
                       ("cash_chart", CashChart))),
            ("Compute", (("compute_chart", ComputeTimeChart), ("model_chart", ModelComputeChart))))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, large=False)
        self._built: dict[str, ChartWidget] = {}
        self._slots: list[QVBoxLayout] = []
        self.setMinimumWidth(320)

    @property
    def tiles(self) -> TileGrid:
        self._ensure_content()
        return self._tiles

    def _build_content(self) -> None:
        self._tiles = TileGrid(self.content, columns=2, large=False)
        self.tabs = QTabWidget(self.content)
        self.tabs.setDocumentMode(True)
        for title, _ in self.TABS:
            holder = QWidget(self.tabs)
            slot = QVBoxLayout(holder)
            slot.setContentsMargins(0, 0, 0, 0)
            self._slots.append(slot)
            self.tabs.addTab(holder, title)
        self._build_tab(self.tabs.currentIndex(), fill=False)  # set_result fills them next
        self.tabs.currentChanged.connect(self._build_tab)

        layout = QVBoxLayout(self.content)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(8)
        layout.addWidget(self._tiles)
        layout.addWidget(self.tabs, 1)

    def _build_tab(self, index: int, *, fill: bool = True) -> None:
        """Build tab ``index``'s charts; ``fill``: show them the current result."""
        if index < 0 or self._slots[index].count():
            return
        charts = []
        for attr, cls in self.TABS[index][1]:
            chart = cls(compact=True)
            chart.currency = self.currency
            if fill and self.result is not None:
                chart.set_result(self.result)
            chart.set_stale(self._stale)
            self._built[attr] = chart
            charts.append(chart)
        self._slots[index].addWidget(_chart_page(self.tabs, charts))
        self.charts = [c for _, tab in self.TABS for attr, _ in tab
                       if (c := self._built.get(attr)) is not None]

    def _chart(self, attr: str) -> ChartWidget:
        self._ensure_content()
        if attr not in self._built:
            self._build_tab(next(i for i, (_, tab) in enumerate(self.TABS)
                                 if any(a == attr for a, _ in tab)))
        return self._built[attr]

    headcount_chart = property(lambda self: self._chart("headcount_chart"))
    team_chart = property(lambda self: self._chart("team_chart"))
    money_chart = property(lambda self: self._chart("money_chart"))
    savings_chart = property(lambda self: self._chart("savings_chart"))
    cash_chart = property(lambda self: self._chart("cash_chart"))
    compute_chart = property(lambda self: self._chart("compute_chart"))
    model_chart = property(lambda self: self._chart("model_chart"))
