"""Axes that speak the plan's language: month labels, money with the currency, names."""

from __future__ import annotations

from collections.abc import Sequence

import pyqtgraph as pg
from PySide6.QtGui import QFontMetrics

from planner import formatting as fmt

from .kpis import nice_month


def round_suffix(text: str) -> str:
    """``1.0M`` -> ``1M``, ``$2.0k`` -> ``$2k``: axis ticks say round numbers roundly."""
    for suffix in ("B", "M", "k"):
        text = text.replace(f".0{suffix}", suffix)
    return text


def short_money(value: float, currency: str) -> str:
    """``$1.5M``, ``$200k``, ``$1M`` (no ``.0``), ``-$30k``: for axis ticks."""
    if abs(value) < 0.5:           # float noise around zero is not "-$0"
        value = 0.0
    return round_suffix(fmt.money(value, currency, short=True))


class MonthAxis(pg.AxisItem):
    """X axis over month indices 1..H labelled ``Jan 2027``, a tick every 3, 6, 12... months.

    The step is the smallest that keeps labels apart at the axis' current pixel width, so
    labels never overlap however narrow the chart is.
    """

    STEPS = (3, 6, 12, 24, 36, 60)

    def __init__(self, orientation: str = "bottom", **kwargs) -> None:
        super().__init__(orientation, **kwargs)
        self._labels: list[str] = []
        self.enableAutoSIPrefix(False)
        # let the first label run into the empty corner under the left axis, not vanish
        self.setStyle(hideOverlappingLabels=40)

    def set_months(self, labels: Sequence[str]) -> None:
        new = [nice_month(x) for x in labels]
        if new != self._labels:
            self._labels = new
            self.picture = None
            self.update()

    def label_for(self, m: int) -> str:
        if 1 <= m <= len(self._labels):
            return self._labels[m - 1]
        return "today" if m == 0 else ""

    def tickValues(self, minVal: float, maxVal: float, size: float):  # noqa: N802 - Qt naming
        n = len(self._labels)
        if n == 0 or maxVal <= minVal:
            return []
        font = self.style.get("tickFont")
        metrics = QFontMetrics(font) if font is not None else QFontMetrics(self.font())
        widest = max(metrics.horizontalAdvance(x) for x in self._labels[:13] or [""])
        px_per_month = size / (maxVal - minVal)
        step = next((s for s in self.STEPS if s * px_per_month >= widest + 14), self.STEPS[-1])
        ticks = [m for m in range(1, n + 1, step) if minVal - 1e-9 <= m <= maxVal + 1e-9]
        return [(float(step), [float(m) for m in ticks])]

    def tickStrings(self, values, scale, spacing):  # noqa: N802 - pyqtgraph naming
        return [self.label_for(round(v)) for v in values]


class _MajorTicksOnly(pg.AxisItem):
    """Labels on the major ticks only: fewer, rounder numbers."""

    def tickValues(self, minVal: float, maxVal: float, size: float):  # noqa: N802 - Qt naming
        levels = super().tickValues(minVal, maxVal, size)
        inside = [v for v in (levels[0][1] if levels else []) if minVal < v < maxVal]
        if len(levels) > 1 and len(inside) < 3:
            return levels[:2]  # too few majors: keep the minor level too
        return levels[:1]


class MoneyAxis(_MajorTicksOnly):
    """A value axis in the plan's currency: ``$0``, ``$200k``, ``$1.5M``."""

    def __init__(self, orientation: str = "left", **kwargs) -> None:
        super().__init__(orientation, **kwargs)
        self.currency = "USD"
        self.enableAutoSIPrefix(False)

    def tickStrings(self, values, scale, spacing):  # noqa: N802 - pyqtgraph naming
        return [short_money(v, self.currency) for v in values]


class CountAxis(_MajorTicksOnly):
    """A plain number axis (people, FTE) with thousands separators and no SI prefixes."""

    def __init__(self, orientation: str = "left", **kwargs) -> None:
        super().__init__(orientation, **kwargs)
        self.enableAutoSIPrefix(False)

    def tickStrings(self, values, scale, spacing):  # noqa: N802 - pyqtgraph naming
        decimals = tick_decimals(spacing)
        return [f"{v:,.{decimals}f}" for v in values]


def tick_decimals(spacing: float) -> int:
    """The fewest decimals that tell ticks ``spacing`` apart: 5 -> 0, 0.5 -> 1, 0.02 -> 2."""
    if not spacing or spacing >= 1 or spacing != spacing:
        return 0
    for d in range(1, 7):
        scaled = spacing * 10 ** d
        if abs(scaled - round(scaled)) < 1e-6 * max(1.0, scaled):
            return d
    return 6


class CategoryAxis(pg.AxisItem):
    """A left axis naming bars (teams, models): one tick per bar, names in full."""

    names_axis = True

    def __init__(self, orientation: str = "left", **kwargs) -> None:
        super().__init__(orientation, **kwargs)
        self._names: list[str] = []
        self.enableAutoSIPrefix(False)

    def set_names(self, names: Sequence[str]) -> None:
        names = list(names)
        if names == self._names:
            return
        self._names = names
        self.setTicks([[(float(i), name) for i, name in enumerate(names)], []])
        self.fit_width()

    def fit_width(self) -> None:
        font = self.style.get("tickFont") or self.font()
        metrics = QFontMetrics(font)
        widest = max((metrics.horizontalAdvance(n) for n in self._names), default=20)
        self.setWidth(widest + 16)
