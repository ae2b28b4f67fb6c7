"""Spans and layers, before and after: a layer pyramid and a span histogram (pyqtgraph)."""

from __future__ import annotations

from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from planner.io.roster import RosterAnalysis

from . import colors
from .figures import SpansFigures, spans_figures


class _AbsAxis(pg.AxisItem):
    """Tick labels without a sign: the pyramid's bars are centred on 0."""

    def tickStrings(self, values, scale, spacing):  # noqa: ANN001, ANN201
        return [f"{abs(v * scale):,.0f}" for v in values]


def _plot(title: str, left: str, bottom: str, *, centred: bool = False) -> pg.PlotWidget:
    w = pg.PlotWidget(axisItems={"bottom": _AbsAxis("bottom")} if centred else None)
    bg = w.palette().color(w.backgroundRole())
    w.setBackground(bg)
    w.setTitle(title, color=colors.text().name(), size="10pt")
    w.setLabel("left", left)
    w.setLabel("bottom", bottom)
    w.showGrid(x=False, y=not centred, alpha=0.2)
    w.setMenuEnabled(False)
    w.setMouseEnabled(x=False, y=False)
    w.hideButtons()
    for axis in ("left", "bottom"):
        w.getAxis(axis).setTextPen(colors.text())
        w.getAxis(axis).setPen(colors.text())
    w.setMinimumHeight(170)
    return w


def _key_label() -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    return label


def _keys_html(keys: list[tuple[Any, str]]) -> str:
    """Coloured squares and their meanings, in one line (wrapping when narrow)."""
    parts = [f'<span style="color:{c.name()}">\u25a0</span>&nbsp;{_esc(text)}' for c, text in keys]
    return "&nbsp;&nbsp;&nbsp; ".join(parts)


def _esc(text: str) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class SpansLayersView(QWidget):
    """``set_data(analysis, plan)``: the pyramid and histogram; ``figures`` holds the numbers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figures: SpansFigures | None = None
        self.pyramid = _plot("People per layer (1 = top)", "layer", "people", centred=True)
        self.histogram = _plot("Span of control", "managers", "direct reports")
        self.pyramid.getPlotItem().invertY(True)
        # the keys sit above the plots, never on top of their bars
        self.pyramid_legend = _key_label()
        self.histogram_legend = _key_label()
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.caption.setContentsMargins(4, 6, 4, 0)  # clear of the axis titles above
        charts = QHBoxLayout()
        for plot, key in ((self.pyramid, self.pyramid_legend), (self.histogram, self.histogram_legend)):
            col = QVBoxLayout()
            col.setSpacing(2)
            col.addWidget(key)
            col.addWidget(plot, 1)
            charts.addLayout(col, 1)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(6)
        box.addLayout(charts, 1)
        box.addWidget(self.caption)

    def set_data(self, analysis: RosterAnalysis | None, plan: Any | None = None) -> None:
        for w in (self.pyramid, self.histogram):
            w.getPlotItem().clear()
        self.pyramid_legend.clear()
        self.histogram_legend.clear()
        if analysis is None:
            self.figures = None
            self.caption.setText("")
            self.caption.setToolTip("")
            return
        self.figures = fig = spans_figures(analysis, plan)
        self._draw_pyramid(fig)
        self._draw_histogram(fig)
        self.caption.setText(fig.after_note)
        self.caption.setToolTip(fig.after_formula)

    def _draw_pyramid(self, fig: SpansFigures) -> None:
        before, after = fig.before_layers, fig.after_layers
        two = after is not None and bool(after.layers)
        h = 0.38 if two else 0.7
        offset = h / 2 if two else 0.0
        b = before
        self.pyramid.addItem(pg.BarGraphItem(
            x0=[-p / 2 for p in b.people], y=[k - offset for k in b.layers], height=h,
            width=b.people, brush=colors.before(), pen=pg.mkPen(colors.before().darker(130)),
            name=f"roster ({sum(b.people):,.0f})"))
        if two:
            self.pyramid.addItem(pg.BarGraphItem(
                x0=[-p / 2 for p in after.people], y=[k + offset for k in after.layers], height=h,
                width=after.people, brush=colors.after(), pen=pg.mkPen(colors.after().darker(130)),
                name=f"plan, month {fig.after_month} ({sum(after.people):,.0f})"))
        keys = [(colors.before(), f"roster ({sum(b.people):,.0f})")]
        if two:
            keys.append((colors.after(), f"plan, month {fig.after_month} ({sum(after.people):,.0f})"))
        self.pyramid_legend.setText(_keys_html(keys))
        layers = sorted(set(b.layers) | set(after.layers if two else []))
        self.pyramid.getAxis("left").setTicks([[(k, str(k)) for k in layers]])
        widest = max([*b.people, *(after.people if two else [])], default=1)
        self.pyramid.setXRange(-widest / 2 * 1.05, widest / 2 * 1.05, padding=0)
        self.pyramid.setYRange(0.4, max(layers, default=1) + 0.6, padding=0)

    def _draw_histogram(self, fig: SpansFigures) -> None:
        before, after = fig.before_spans, fig.after_spans
        two = bool(after)
        w = 0.4 if two else 0.8
        xs = list(before)
        self.histogram.addItem(pg.BarGraphItem(
            x=[x - (w / 2 if two else 0) for x in xs], height=list(before.values()), width=w,
            brush=colors.before(), pen=pg.mkPen(colors.before().darker(130)),
            name=f"before: roster (mean {fig.before_mean_span:.1f})" if fig.before_mean_span else "before"))
        if two:
            self.histogram.addItem(pg.BarGraphItem(
                x=[x + w / 2 for x in after], height=list(after.values()), width=w,
                brush=colors.after(), pen=pg.mkPen(colors.after().darker(130)),
                name=(f"after: ICs per manager (mean {fig.after_mean_span:.1f})"
                      if fig.after_mean_span else "after")))
        # two measures, named: a person's direct reports against a team's ICs per manager
        keys = [(colors.before(), f"roster (mean {fig.before_mean_span:.1f} reports)"
                 if fig.before_mean_span else "roster")]
        if two:
            keys.append((colors.after(), f"plan (mean {fig.after_mean_span:.1f} ICs)"
                         if fig.after_mean_span else "plan"))
        self.histogram_legend.setToolTip(
            "Two measures: the roster's span is a manager's direct reports (people, counted "
            "person by person); the plan's is a team's ICs per manager.")
        keys.append((colors.fill("ok").darker(115), "healthy 3-15"))
        self.histogram_legend.setText(_keys_html(keys))
        # Shade the healthy band (3-15 reports) so narrow and wide spans stand out.
        band = pg.LinearRegionItem(values=(2.5, 15.5), movable=False,
                                   brush=pg.mkBrush(colors.fill("ok")), pen=pg.mkPen(None))
        band.setZValue(-10)
        self.histogram.addItem(band)
        top = max([*before.values(), *(after.values() if two else [])], default=1)
        right = max([*xs, *(after if two else [])], default=1)
        self.histogram.setXRange(0.3, right + 0.7, padding=0)
        self.histogram.setYRange(0, top * 1.15, padding=0)
