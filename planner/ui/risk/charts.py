"""Charts of scenarios and risk: one line per scenario, the Monte Carlo fan, the tornado.

Every series differs by colour *and* line style (and a marker beyond five), so the charts
read in greyscale and on a black-and-white printout.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsPathItem

from planner import formatting as fmt

from ..dashboard.axes import CategoryAxis, CountAxis, MoneyAxis, MonthAxis
from ..dashboard.chart import ChartWidget
from ..dashboard.theme import Theme

# (light theme, dark theme) colours, pen style, marker: distinct in colour and in shape.
SERIES = (
    (("#1f4e9a", "#7fa7dc"), Qt.PenStyle.SolidLine, None),
    (("#b26a00", "#ffb74d"), Qt.PenStyle.DashLine, None),
    (("#2e7d32", "#66bb6a"), Qt.PenStyle.DotLine, None),
    (("#6a3d9a", "#c9a7ef"), Qt.PenStyle.DashDotLine, None),
    (("#555555", "#bbbbbb"), Qt.PenStyle.DashDotDotLine, None),
    (("#c62828", "#ef5350"), Qt.PenStyle.SolidLine, "o"),
    (("#00796b", "#4db6ac"), Qt.PenStyle.DashLine, "s"),
    (("#8d6e63", "#d7ccc8"), Qt.PenStyle.DotLine, "t"),
)
GLYPH = {Qt.PenStyle.SolidLine: "━━", Qt.PenStyle.DashLine: "╸╸╸", Qt.PenStyle.DotLine: "┅┅",
         Qt.PenStyle.DashDotLine: "━┅", Qt.PenStyle.DashDotDotLine: "━┅┅"}
MARKER_GLYPH = {"o": "●", "s": "■", "t": "▲"}


def series_style(i: int, dark: bool) -> tuple[QColor, Qt.PenStyle, str | None]:
    colours, style, marker = SERIES[i % len(SERIES)]
    return QColor(colours[1] if dark else colours[0]), style, marker


def series_pen(i: int, dark: bool, width: float = 2.0) -> QPen:
    colour, style, _ = series_style(i, dark)
    p = QPen(colour)
    p.setWidthF(width)
    p.setStyle(style)
    p.setCosmetic(True)
    return p


def legend_html(names: list[str], dark: bool) -> str:
    import html

    parts = []
    for i, name in enumerate(names):
        colour, style, marker = series_style(i, dark)
        glyph = GLYPH.get(style, "━━") + (MARKER_GLYPH[marker] if marker else "")
        parts.append(f'<span style="color:{colour.name()}">{glyph}</span>&nbsp;'
                     f"{html.escape(name).replace(' ', '&nbsp;')}")
    return "&nbsp;&nbsp; ".join(parts)


@dataclass
class Lines:
    """Named series over months (x = 0..H or 1..H) for :class:`ScenarioChart`."""

    months: list[str]                  # labels of months 1..H
    names: list[str]
    values: list[np.ndarray]
    first_month: int = 1               # 0 when the series start today
    money: bool = False
    currency: str = "USD"
    extras: dict = field(default_factory=dict)


class ScenarioChart(ChartWidget):
    """One line per scenario over the months."""

    default_name = "scenarios"

    def __init__(self, parent=None, *, title: str = "", money: bool = False,
                 compact: bool = False) -> None:
        self.month_axis = MonthAxis("bottom")
        self.money_axis = money
        self.payload: Lines | None = None
        self.curves: list[pg.PlotDataItem] = []
        super().__init__(parent, title=title, compact=compact,
                         axes={"bottom": self.month_axis,
                               "left": MoneyAxis("left") if money else CountAxis("left")})
        if money:
            self.item.getAxis("left").setWidth(self.fontMetrics().horizontalAdvance("-$100.0M")
                                               + 10)

    def _show(self, payload: Lines) -> None:
        self.payload = payload
        self.currency = payload.currency
        if self.money_axis:
            self.item.getAxis("left").currency = payload.currency
        for c in self.curves:
            self.item.removeItem(c)
        self.curves = []
        dark = self.theme.dark
        for i, ys in enumerate(payload.values):
            x = np.arange(payload.first_month, payload.first_month + len(ys), dtype=float)
            _, _, marker = series_style(i, dark)
            curve = pg.PlotDataItem(x, ys, pen=series_pen(i, dark), antialias=True,
                                    symbol=marker, symbolSize=5,
                                    symbolBrush=series_style(i, dark)[0] if marker else None,
                                    symbolPen=None)
            self.item.addItem(curve)
            self.curves.append(curve)
        self.month_axis.set_months(payload.months)
        self.view.setXRange(payload.first_month - 0.5, len(payload.months) + 0.5, padding=0)
        values = np.concatenate(payload.values) if payload.values else np.zeros(1)
        lo, hi = float(values.min()), float(values.max())
        if not self.money_axis:
            lo = min(lo, 0.0) if lo < 0 else lo * 0.9
        span = hi - lo or max(abs(hi), 1.0)
        self.view.setYRange(lo - span * 0.05, hi + span * 0.08, padding=0)
        self.set_legend_html(legend_html(payload.names, dark))

    def _restyle(self, theme: Theme) -> None:
        if self.payload is not None:
            self._show(self.payload)

    def hover_x(self, x: float) -> float | None:
        if self.payload is None:
            return None
        m = int(round(x))
        n = len(self.payload.months)
        return float(m) if self.payload.first_month <= m <= n else None

    def hover_text(self, x: float, y: float) -> str | None:
        p = self.payload
        m = self.hover_x(x)
        if p is None or m is None:
            return None
        m = int(m)
        head = "today" if m == 0 else p.months[m - 1]
        rows = [f"<b>{head}</b>"]
        for name, ys in zip(p.names, p.values, strict=True):
            if not 0 <= m - p.first_month < len(ys):
                continue
            v = float(ys[m - p.first_month])
            text = fmt.money(v, p.currency) if p.money else fmt.smart(v)
            rows.append(f"{name}: {text}")
        return "<br>".join(rows)


@dataclass
class Fan:
    months: list[str]
    p10: np.ndarray
    p50: np.ndarray
    p90: np.ndarray
    plan: np.ndarray
    currency: str = "USD"
    draws: int = 0


class FanChart(ChartWidget):
    """Cumulative net cash: the P10-P90 band of the draws, their P50, and the plan's line."""

    default_name = "fan"

    def __init__(self, parent=None, *, compact: bool = False) -> None:
        self.month_axis = MonthAxis("bottom")
        self.payload: Fan | None = None
        super().__init__(parent, title="Cumulative net cash: the range of outcomes",
                         compact=compact, axes={"bottom": self.month_axis,
                                                "left": MoneyAxis("left")})
        self.item.getAxis("left").setWidth(self.fontMetrics().horizontalAdvance("-$100.0M") + 10)

    def _build(self) -> None:
        self.low = pg.PlotDataItem()
        self.high = pg.PlotDataItem()
        self.band = QGraphicsPathItem()            # the P10-P90 polygon, in view coordinates
        self.median = pg.PlotDataItem(antialias=True)
        self.plan_curve = pg.PlotDataItem(antialias=True)
        self.zero = pg.InfiniteLine(pos=0, angle=0, movable=False)
        for item in (self.band, self.low, self.high, self.median, self.plan_curve):
            self.item.addItem(item)
        self.item.addItem(self.zero, ignoreBounds=True)
        # short: the title says cumulative, and a long title was clipped on a short chart
        self.set_axis_label("left", "Net cash")

    def _restyle(self, theme: Theme) -> None:
        accent = QColor(theme.people)
        fill = QColor(accent)
        fill.setAlpha(70)
        self.band.setBrush(QBrush(fill))
        self.band.setPen(QPen(Qt.PenStyle.NoPen))
        edge = QColor(accent)
        edge.setAlpha(110)
        for item in (self.low, self.high):     # a faint edge (the band needs drawn curves)
            item.setPen(_pen(edge, 1.0, Qt.PenStyle.SolidLine))
        self.median.setPen(_pen(theme.text, 1.6, Qt.PenStyle.DashLine))
        self.plan_curve.setPen(_pen(accent, 2.2, Qt.PenStyle.SolidLine))
        self.zero.setPen(_pen(theme.muted, 1.0, Qt.PenStyle.SolidLine))
        self.set_legend_html(
            f'<span style="color:{fill.name()}">■</span>&nbsp;P10&#8209;P90&nbsp;of&nbsp;draws'
            f'&nbsp;&nbsp; <span style="color:{theme.text.name()}">╸╸╸</span>&nbsp;P50'
            f'&nbsp;&nbsp; <span style="color:{accent.name()}">━━</span>&nbsp;the&nbsp;plan')

    def _show(self, fan: Fan) -> None:
        self.payload = fan
        self.currency = fan.currency
        self.item.getAxis("left").currency = fan.currency
        x = np.arange(1, len(fan.months) + 1, dtype=float)
        self.low.setData(x, fan.p10)
        self.high.setData(x, fan.p90)
        polygon = QPolygonF([QPointF(a, b) for a, b in zip(x, fan.p90, strict=True)]
                            + [QPointF(a, b) for a, b in zip(x[::-1], fan.p10[::-1], strict=True)])
        path = QPainterPath()
        path.addPolygon(polygon)
        self.band.setPath(path)
        self.median.setData(x, fan.p50)
        self.plan_curve.setData(x, fan.plan)
        self.month_axis.set_months(fan.months)
        self.view.setXRange(0.5, len(fan.months) + 0.5, padding=0)
        lo = float(min(fan.p10.min(), fan.plan.min(), 0.0))
        hi = float(max(fan.p90.max(), fan.plan.max(), 0.0))
        span = hi - lo or 1.0
        self.view.setYRange(lo - span * 0.05, hi + span * 0.08, padding=0)

    def hover_x(self, x: float) -> float | None:
        if self.payload is None:
            return None
        m = int(round(x))
        return float(m) if 1 <= m <= len(self.payload.months) else None

    def hover_text(self, x: float, y: float) -> str | None:
        f = self.payload
        m = self.hover_x(x)
        if f is None or m is None:
            return None
        i = int(m) - 1
        cur = f.currency
        return (f"<b>{f.months[i]}</b><br>P90: {fmt.money(float(f.p90[i]), cur)}<br>"
                f"P50: {fmt.money(float(f.p50[i]), cur)}<br>P10: {fmt.money(float(f.p10[i]), cur)}"
                f"<br>the plan: {fmt.money(float(f.plan[i]), cur)}")


def _pen(colour: QColor, width: float, style: Qt.PenStyle) -> QPen:
    p = QPen(colour)
    p.setWidthF(width)
    p.setStyle(style)
    p.setCosmetic(True)
    return p


@dataclass
class Tornado:
    labels: list[str]
    low: list[float]           # NPV with the input at its low end
    high: list[float]
    base: float                # the plan's NPV
    currency: str = "USD"
    ends: list[str] = field(default_factory=list)   # "low ... / high ..." per row, for hover


class TornadoChart(ChartWidget):
    """NPV swing per ranged input, largest on top: a bar from the low-end NPV to the
    high-end NPV around the plan's NPV."""

    default_name = "tornado"

    def __init__(self, parent=None, *, compact: bool = False) -> None:
        self.names_axis = CategoryAxis("left")
        self.payload: Tornado | None = None
        self.bars: list[pg.BarGraphItem] = []
        super().__init__(parent, title="Tornado: what moves the NPV most",
                         compact=compact, axes={"left": self.names_axis,
                                                "bottom": MoneyAxis("bottom")})

    def _build(self) -> None:
        self.base_line = pg.InfiniteLine(angle=90, movable=False)
        self.item.addItem(self.base_line, ignoreBounds=True)
        self.set_axis_label("bottom", "NPV of net cash")

    def _restyle(self, theme: Theme) -> None:
        self.base_line.setPen(_pen(theme.text, 1.2, Qt.PenStyle.DashLine))
        # the key to the two bar styles: solid for the input at its low end, hatched for high
        self.set_legend_html(
            f'<span style="color:{theme.cost.name()}">■</span>&nbsp;input&nbsp;at&nbsp;its'
            f'&nbsp;low&nbsp;end&nbsp;&nbsp; <span style="color:{theme.saving.name()}">▨</span>'
            "&nbsp;at&nbsp;its&nbsp;high&nbsp;end&nbsp;&nbsp; ╸╸╸&nbsp;the&nbsp;plan's&nbsp;NPV")
        if self.payload is not None:
            self._show(self.payload)

    def _show(self, t: Tornado) -> None:
        self.payload = t
        self.currency = t.currency
        self.item.getAxis("bottom").currency = t.currency
        for b in self.bars:
            self.item.removeItem(b)
        self.bars = []
        n = len(t.labels)
        y = np.arange(n - 1, -1, -1, dtype=float)     # largest swing on top
        theme = self.theme
        for values, colour, brush_style in ((t.low, theme.cost, Qt.BrushStyle.SolidPattern),
                                            (t.high, theme.saving, Qt.BrushStyle.BDiagPattern)):
            v = np.asarray(values, dtype=float)
            left = np.minimum(v, t.base)
            width = np.abs(v - t.base)
            brush = QBrush(colour, brush_style)
            bar = pg.BarGraphItem(x0=left, y=y, height=0.62, width=width, brush=brush,
                                  pen=_pen(colour, 1.0, Qt.PenStyle.SolidLine))
            self.item.addItem(bar)
            self.bars.append(bar)
        self.base_line.setPos(t.base)
        self.names_axis.set_names(list(reversed(t.labels)))
        lo = min([t.base, *t.low, *t.high])
        hi = max([t.base, *t.low, *t.high])
        span = hi - lo or max(abs(hi), 1.0)
        self.view.setXRange(lo - span * 0.05, hi + span * 0.05, padding=0)
        self.view.setYRange(-0.6, n - 0.4, padding=0)

    def hover_text(self, x: float, y: float) -> str | None:
        t = self.payload
        if t is None:
            return None
        row = len(t.labels) - 1 - int(round(y))
        if not 0 <= row < len(t.labels):
            return None
        cur = t.currency
        ends = f"<br>{t.ends[row]}" if row < len(t.ends) else ""
        return (f"<b>{t.labels[row]}</b>{ends}<br>at the low end: NPV {fmt.money(t.low[row], cur)}"
                f"<br>at the high end: NPV {fmt.money(t.high[row], cur)}<br>swing "
                f"{fmt.money(abs(t.high[row] - t.low[row]), cur)}")
