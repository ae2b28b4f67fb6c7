"""Horizontal bar charts, largest first: FTE freed by team, compute cost by model."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QBrush, QColor

from planner import formatting as fmt

from .axes import CategoryAxis, CountAxis, MoneyAxis
from .chart import ChartWidget
from .kpis import month_name, nice_month
from .theme import Theme

if TYPE_CHECKING:
    from planner.engine import Result

MAX_NAME = 28


def _short(name: str) -> str:
    return name if len(name) <= MAX_NAME else name[: MAX_NAME - 1].rstrip() + "…"


def fte_decimals(largest: float) -> int:
    """The decimals every FTE label of one chart uses: one, or when even the largest value is
    under 0.1, two significant digits of it (0.034 and 0.012, not 0.0 and 0.0)."""
    big = abs(largest)
    if big == 0 or big >= 0.1:
        return 1
    return min(4, 1 - math.floor(math.log10(big)))


def fte_text(value: float, decimals: int | None = None) -> str:
    """``value`` with ``decimals`` (by default those its own size needs); a value that would
    show as 0 but is not says ``<0.1`` (Legal's 0.071 FTE beside 12.2 reads 0.1, 0.02 <0.1)."""
    d = fte_decimals(value) if decimals is None else decimals
    text = fmt.number(value, d)
    if value and float(text.replace(",", "")) == 0:
        step = fmt.number(10 ** -d, d)
        return f"<{step}" if value > 0 else f"> −{step}"
    return text


class BarChart(ChartWidget):
    """Bars named on the left axis, the largest at the top, each with its value at its end."""

    def __init__(self, parent=None, *, title: str, compact: bool = False,
                 value_axis: pg.AxisItem | None = None, max_bars: int | None = None) -> None:
        self.name_axis = CategoryAxis("left")
        self.max_bars = max_bars or (8 if compact else 12)
        self.names: list[str] = []       # as drawn (long names shortened)
        self.full_names: list[str] = []
        self.values = np.zeros(0)
        self.kinds: list[str] = []       # colour attribute per bar
        self.details: list[str] = []     # hover text per bar
        super().__init__(parent, title=title, compact=compact,
                         axes={"left": self.name_axis, "bottom": value_axis or CountAxis("bottom")})

    def _build(self) -> None:
        self.bars = pg.BarGraphItem(x0=np.zeros(1), y=np.zeros(1), height=0.62, width=np.zeros(1))
        self.item.addItem(self.bars)
        self.view.invertY(True)
        self._labels: list[pg.TextItem] = []

    def _restyle(self, theme: Theme) -> None:
        self.item.showGrid(x=False, y=False)  # grid lines would stripe the bars
        self._draw()

    def value_text(self, value: float) -> str:
        """One format for every bar of the chart (the largest bar's decimals)."""
        largest = float(np.abs(self.values).max()) if len(self.values) else value
        return fte_text(value, fte_decimals(largest))

    def set_bars(self, names: list[str], values: np.ndarray, kinds: list[str],
                 details: list[str]) -> None:
        self.full_names = list(names)
        self.names = [_short(n) for n in names]
        self.values = np.asarray(values, dtype=float)
        self.kinds = kinds
        self.details = details
        self.name_axis.set_names(self.names)
        self._draw()

    def _draw(self) -> None:
        n = len(self.values)
        theme = self.theme
        if n == 0:
            self.bars.setOpts(x0=np.zeros(0), y=np.zeros(0), width=np.zeros(0), brushes=[])
            for label in self._labels:
                label.hide()
            return
        v = self.values
        brushes = [QBrush(getattr(theme, k)) for k in self.kinds]
        self.bars.setOpts(x0=np.minimum(v, 0.0), y=np.arange(n, dtype=float),
                          width=np.abs(v), height=0.62, brushes=brushes, pen=pg.mkPen(None))
        while len(self._labels) < n:
            label = pg.TextItem(anchor=(0, 0.5))
            self.item.addItem(label, ignoreBounds=True)
            self._labels.append(label)
        for i, label in enumerate(self._labels):
            if i < n:
                label.setText(self.value_text(float(v[i])), color=QColor(theme.text))
                label.setAnchor((1, 0.5) if v[i] < 0 else (0, 0.5))
                label.setPos(float(v[i]), float(i))
                label.show()
            else:
                label.hide()
        lo = min(0.0, float(v.min()))
        hi = max(0.0, float(v.max()))
        span = (hi - lo) or 1.0
        # room for the value text at the end of the longest bar
        self.view.setXRange(lo - (span * 0.25 if lo < 0 else 0), hi + span * 0.28, padding=0)
        # at least six slots, so two or three bars stay slim rather than filling the chart
        self.view.setYRange(-0.6, max(n, 6) - 0.4, padding=0)

    def hover_text(self, x: float, y: float) -> str | None:
        i = int(round(y))
        if not 0 <= i < len(self.values):
            return None
        return self.details[i]


class TeamFteChart(BarChart):
    """FTE freed by team in the final month, largest first (the rest summed as one bar)."""

    default_name = "fte-freed-by-team"

    def __init__(self, parent=None, *, compact: bool = False) -> None:
        self.rest_count = 0
        self.rest_total = 0.0
        super().__init__(parent, title="FTE freed by team", compact=compact)

    def _show(self, result: Result) -> None:
        fte = result.fte[:, -1]
        hc = result.hc
        names = result.team_names
        end = month_name(result, result.horizon)
        self.set_axis_label("bottom", f"FTE freed, {nice_month(result.month_labels[-1])}")
        nonzero = np.flatnonzero(np.abs(fte) > 1e-9)
        if nonzero.size == 0:
            self.set_bars([], np.zeros(0), [], [])
            self.show_placeholder("No team frees time yet.\nAdd a workflow with an AI effect "
                                  "to a team to see its FTE freed here.")
            return
        self.show_placeholder(None)
        order = nonzero[np.argsort(-fte[nonzero], kind="stable")]
        shown = order[: self.max_bars]
        rest = order[shown.size:]
        details = [
            f"<b>{names[i]}</b><br>FTE freed in {end}: {fte_text(float(fte[i]))}"
            f"<br>Headcount: {fmt.smart(float(hc[i, 0]))} today → {fmt.smart(float(hc[i, -1]))}"
            for i in shown]
        values = fte[shown]
        self.rest_count = int(rest.size)
        self.rest_total = float(fte[rest].sum())
        if rest.size:
            # one bar for the rest would dwarf the top teams; say it in words instead
            self.set_legend([("bar", "saving", f"Top {shown.size} of {order.size:,} teams; the "
                                               f"other {rest.size:,} free "
                                               f"{fmt.number(self.rest_total, 1)} FTE together")])
        else:
            self.set_legend([])
        kinds = ["saving" if v >= 0 else "problem" for v in values]
        self.set_bars([names[i] for i in shown], values, kinds, details)


class ModelComputeChart(BarChart):
    """Compute cost per model in the final month: API tokens or self-hosted GPUs."""

    default_name = "compute-by-model"

    def __init__(self, parent=None, *, compact: bool = False) -> None:
        self.money_axis = MoneyAxis("bottom")
        super().__init__(parent, title="Compute by model", compact=compact,
                         value_axis=self.money_axis)

    def value_text(self, value: float) -> str:
        return fmt.money(value, self.currency, short=True)

    def _show(self, result: Result) -> None:
        cur = self.currency
        self.money_axis.currency = cur
        nice = nice_month(result.month_labels[-1])
        end = month_name(result, result.horizon)
        self.set_axis_label("bottom", f"{cur} per month, {nice}")
        seats = float(result.series["seat_cost"][-1])
        legend = [("bar", "cost", "API (tokens)"), ("bar", "cost_2", "Self-hosted (GPUs)")]
        if seats > 0:
            legend.append(("area", "cost_3", f"AI seats {fmt.money(seats, cur, short=True)} "
                                             "a month are not per model"))
        self.set_legend(legend)
        if not result.model_ids:
            self.set_bars([], np.zeros(0), [], [])
            self.show_placeholder("No model is used yet.\nGive a workflow a model and token "
                                  "counts to see what each model costs.")
            return
        api = result.model_api_cost[:, -1]
        rental = result.rental[:, -1]
        energy = result.energy_cost[:, -1]
        dep = result.depreciation[:, -1]
        cost = api + rental + energy + dep
        tokens = result.model_tokens_in[:, -1] + result.model_tokens_out[:, -1]
        fleet = result.fleet[:, -1]
        order = np.argsort(-cost, kind="stable")[: self.max_bars]
        self.show_placeholder(None)
        names, kinds, details = [], [], []
        m = fmt.money
        for j in order:
            mid = result.model_ids[j]
            names.append(mid)
            head = f"<b>{mid}</b> ({'API' if result.model_is_api[j] else 'self-hosted'})"
            if result.model_is_api[j]:
                kinds.append("cost")
                details.append(f"{head}<br>Cost in {end}: {m(float(cost[j]), cur)}"
                               f"<br>Tokens: {fmt.tokens(float(tokens[j]))} a month")
            else:
                kinds.append("cost_2")
                details.append(
                    f"{head}<br>Cost in {end}: {m(float(cost[j]), cur)}"
                    f"<br>GPUs: {fmt.smart(float(fleet[j]))}; rental {m(float(rental[j]), cur)}, "
                    f"energy {m(float(energy[j]), cur)}, depreciation {m(float(dep[j]), cur)}"
                    f"<br>Tokens: {fmt.tokens(float(tokens[j]))} a month")
        self.set_bars(names, cost[order], kinds, details)
