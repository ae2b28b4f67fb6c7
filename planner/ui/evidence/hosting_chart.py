"""The API-or-self-host chart: a month's cost of one workload's tokens on every option, over
tokens a month, both axes logarithmic (the grid spans four factors of ten); the plan's
volume and each crossover marked.

The curves are :mod:`planner.hosting`'s numbers as they are (a test checks it): API models
are lines, fleets staircases (whole replicas), drawn at the report's grid volumes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor

from ... import formatting as fmt
from ...hosting.words import cost as cost_text
from ..dashboard.axes import round_suffix, short_money
from ..dashboard.chart import ChartWidget, pen
from ..dashboard.theme import Theme
from ..risk.charts import legend_html, series_pen


@dataclass(frozen=True)
class Mark:
    """A crossover drawn on the chart: from ``volume`` the fleet is cheaper than the API."""

    fleet: str
    api: str
    volume: float
    cost: float
    verdict: bool = False           # the comparison the verdict speaks of


@dataclass
class CostCurves:
    """What the chart draws, in tokens and money (the report's own numbers)."""

    model: str
    grid: np.ndarray
    names: list[str]
    kinds: list[str]                # "api" | "cloud" | "owned"
    costs: list[np.ndarray]
    gpus: list[np.ndarray | None]   # a fleet's GPUs at each volume
    plan_volume: float
    marks: list[Mark] = field(default_factory=list)
    currency: str = "USD"


def cost_curves(report, currency: str) -> CostCurves:
    """The curves and marks of one :class:`~planner.hosting.WorkloadReport`."""
    w = report.workload
    apis, fleets = report.shown()
    grid = np.asarray(report.grid, dtype=np.float64)
    names = [a.label for a in apis] + [f.label for f in fleets]
    kinds = ["api"] * len(apis) + [f.pricing for f in fleets]
    costs = [a.cost(grid, w.mix) for a in apis] + [f.cost(grid, w.mix) for f in fleets]
    gpus = [None] * len(apis) + [f.gpus(grid, w.mix) for f in fleets]
    pair = (report.pair[0].key, report.pair[1].key) if report.pair else None
    marks = []
    for f in fleets:
        for a in apis:
            x = report.crossover_of(f, a)
            v = x.cheaper_from
            if v is not None and grid[0] <= v <= grid[-1]:
                marks.append(Mark(f.label, a.label, v, float(a.cost(v, w.mix)),
                                  verdict=(f.key, a.key) == pair))
    return CostCurves(model=w.model, grid=grid, names=names, kinds=kinds, costs=costs, gpus=gpus,
                      plan_volume=w.tokens, marks=marks, currency=currency)


def _log(values: np.ndarray | float, floor: float) -> np.ndarray:
    return np.log10(np.maximum(np.asarray(values, dtype=np.float64), floor))


def tick_tokens(x: float) -> str:
    """``10M``, ``1B``, ``200k``: a token count for an axis tick."""
    return round_suffix(fmt.tokens(x))


class _LogAxis(pg.AxisItem):
    """An axis over log10 values, ticked at whole powers of ten and labelled in units."""

    def __init__(self, orientation: str, label) -> None:
        super().__init__(orientation)
        self.enableAutoSIPrefix(False)
        self._label = label

    def tickValues(self, minVal: float, maxVal: float, size: float):  # noqa: N802 - Qt naming
        if not (math.isfinite(minVal) and math.isfinite(maxVal)) or maxVal <= minVal:
            return []
        lo, hi = math.ceil(minVal - 1e-9), math.floor(maxVal + 1e-9)
        major = [float(k) for k in range(lo, hi + 1)]
        minor = [k + math.log10(m) for k in range(lo - 1, hi + 1) for m in (2, 5)
                 if minVal <= k + math.log10(m) <= maxVal]
        step = max(1, math.ceil(len(major) / 8))     # at most ~8 labels
        return [(float(step), major[::step]), (0.5, minor if step == 1 else [])]

    def tickStrings(self, values, scale, spacing):  # noqa: N802 - pyqtgraph naming
        return [self._label(10 ** v) for v in values]


class HostingChart(ChartWidget):
    """Monthly cost against tokens a month for each API model and fleet of one workload."""

    default_name = "api-or-self-host"

    def __init__(self, parent=None, *, compact: bool = False) -> None:
        self.payload: CostCurves | None = None
        self.curves: list[pg.PlotDataItem] = []
        self.money_axis = _LogAxis("left", lambda v: short_money(v, self.currency))
        super().__init__(parent, title="A month of these tokens on each option", compact=compact,
                         axes={"bottom": _LogAxis("bottom", tick_tokens), "left": self.money_axis})
        self.item.getAxis("left").setWidth(self.fontMetrics().horizontalAdvance("$100.0k") + 12)

    def _build(self) -> None:
        self.plan_line = pg.InfiniteLine(angle=90, movable=False, label="plan",
                                         labelOpts={"position": 0.95, "anchors": [(0, 0), (0, 0)]})
        self.pays_line = pg.InfiniteLine(angle=90, movable=False, label="",
                                         labelOpts={"position": 0.08, "anchors": [(0, 1), (0, 1)]})
        self.marks = pg.ScatterPlotItem(size=9, symbol="d", pxMode=True)
        for item in (self.plan_line, self.pays_line):
            self.item.addItem(item, ignoreBounds=True)
        self.item.addItem(self.marks)
        self.marks.setZValue(30)
        self.set_axis_label("bottom", "Tokens a month")
        self.set_axis_label("left", "Cost a month")

    def _floor(self) -> float:
        p = self.payload
        positive = [float(c[c > 0].min()) for c in p.costs if np.any(c > 0)] if p else []
        return min(positive) / 10 if positive else 1e-2

    def _show(self, payload: CostCurves) -> None:
        self.payload = payload
        self.currency = payload.currency
        for c in self.curves:
            self.item.removeItem(c)
        self.curves = []
        dark = self.theme.dark
        floor = self._floor()
        x = np.log10(payload.grid)
        for i, (ys, kind) in enumerate(zip(payload.costs, payload.kinds, strict=True)):
            curve = pg.PlotDataItem(x, _log(ys, floor), pen=series_pen(i, dark), antialias=True,
                                    stepMode="right" if kind != "api" else None)
            self.item.addItem(curve)
            self.curves.append(curve)
        self.plan_line.setPos(math.log10(payload.plan_volume) if payload.plan_volume > 0 else x[0])
        self.plan_line.label.setFormat(f"plan: {fmt.tokens(payload.plan_volume)}")
        verdict = next((m for m in payload.marks if m.verdict), None)
        self.pays_line.setVisible(verdict is not None)
        if verdict is not None:
            self.pays_line.setPos(math.log10(verdict.volume))
            self.pays_line.label.setFormat(f"self-hosting pays from {fmt.tokens(verdict.volume)}")
        self.marks.setData([math.log10(m.volume) for m in payload.marks],
                           [float(_log(m.cost, floor)) for m in payload.marks])
        self.view.setXRange(float(x[0]), float(x[-1]), padding=0)
        ys = np.concatenate([_log(c, floor) for c in payload.costs]) if payload.costs else np.zeros(1)
        lo, hi = float(ys.min()), float(ys.max())
        self.view.setYRange(lo - 0.1, hi + 0.15, padding=0)
        self.legend_label.setText(legend_html(payload.names, dark)
                                  + "&nbsp;&nbsp; ◆&nbsp;where&nbsp;self-hosting&nbsp;becomes&nbsp;cheaper")
        self.legend_label.show()
        self._restyle(self.theme)

    def _restyle(self, theme: Theme) -> None:
        muted = QColor(theme.muted)
        self.plan_line.setPen(pen(theme.text, width=1.2, style="solid"))
        self.plan_line.label.setColor(theme.text)
        self.pays_line.setPen(pen(theme.saving, width=1.2, style="dash"))
        self.pays_line.label.setColor(theme.saving)
        self.marks.setBrush(theme.saving)
        self.marks.setPen(pen(muted, width=1))
        if self.payload is not None and self.curves:
            for i, c in enumerate(self.curves):
                c.setPen(series_pen(i, theme.dark))

    # ----- hover -------------------------------------------------------------------------
    def _nearest(self, x: float) -> int | None:
        p = self.payload
        if p is None or not len(p.grid):
            return None
        return int(np.argmin(np.abs(np.log10(p.grid) - x)))

    def hover_x(self, x: float) -> float | None:
        i = self._nearest(x)
        return None if i is None else float(np.log10(self.payload.grid[i]))

    def hover_text(self, x: float, y: float) -> str | None:
        i = self._nearest(x)
        if i is None:
            return None
        p = self.payload
        rows = [f"<b>{fmt.tokens(float(p.grid[i]))} tokens a month</b>"]
        order = sorted(range(len(p.names)), key=lambda k: float(p.costs[k][i]))
        for k in order:
            n = p.gpus[k]
            gpus = f" ({float(n[i]):,.0f} GPUs)" if n is not None else ""
            rows.append(f"{p.names[k]}: {cost_text(float(p.costs[k][i]), p.currency)}{gpus}")
        return "<br>".join(rows)


__all__ = ["HostingChart", "CostCurves", "Mark", "cost_curves"]
