"""The frame every dashboard chart shares: title, pyqtgraph plot, legend, hover, PNG, theme.

Charts are read-only pictures of a Result: panning, zooming and pyqtgraph's own menus are
off (its SVG export fails under current PySide6); the context menu offers "Save chart as
PNG...". Hovering shows the values under the pointer in a tooltip. Subclasses create their
plot items once and only call ``setData``/``setOpts`` on each result.
"""

from __future__ import annotations

import html
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, QSize, Qt
from PySide6.QtGui import QColor, QCursor, QFont, QPen
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QFileDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QSizePolicy,
    QStackedWidget,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from .theme import Theme, theme_for

PALETTE_EVENTS = (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange)

# Legend glyphs: line styles differ so charts read in greyscale too.
_GLYPH = {"solid": "━━", "dash": "╸╸╸", "dot": "┅┅", "area": "■", "bar": "■"}
_PEN_STYLE = {"solid": Qt.PenStyle.SolidLine, "dash": Qt.PenStyle.DashLine,
              "dot": Qt.PenStyle.DotLine}


def pen(color: QColor, *, width: float = 1.5, style: str = "solid") -> QPen:
    p = QPen(color)
    p.setWidthF(width)
    p.setStyle(_PEN_STYLE[style])
    p.setCosmetic(True)
    return p


class _PlotWidget(pg.PlotWidget):
    """A PlotWidget whose right-click opens the chart's own menu."""

    def __init__(self, chart: ChartWidget, **kwargs) -> None:
        super().__init__(**kwargs)
        self._chart = chart

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        # QGraphicsView asks for 480 px; a modest hint lets layouts share height evenly.
        return QSize(320, 200)

    def contextMenuEvent(self, event) -> None:  # noqa: N802 - Qt naming
        self._chart.show_menu(event.globalPos())
        event.accept()

    def mousePressEvent(self, ev) -> None:  # noqa: N802 - Qt naming
        if ev.button() == Qt.MouseButton.RightButton:
            ev.accept()  # keep pyqtgraph's scene from raising its own menu
            return
        super().mousePressEvent(ev)

    def mouseReleaseEvent(self, ev) -> None:  # noqa: N802 - Qt naming
        if ev.button() == Qt.MouseButton.RightButton:
            ev.accept()
            return
        super().mouseReleaseEvent(ev)


class ChartWidget(QWidget):
    """Base class: subclasses build items in ``_build`` and fill them in ``set_result``."""

    default_name = "chart"

    def __init__(self, parent: QWidget | None = None, *, title: str = "",
                 compact: bool = False, axes: dict | None = None) -> None:
        super().__init__(parent)
        self.compact = compact
        self.currency = "USD"
        self._stale = False
        self.last_result = None
        self._theme: Theme = theme_for(self)

        self.title_label = QLabel(title, self)
        self.title_label.setWordWrap(True)
        font = QFont(self.font())
        font.setBold(True)
        self.title_label.setFont(font)
        self.legend_label = QLabel(self)
        self.legend_label.setWordWrap(True)
        self.legend_label.setTextFormat(Qt.TextFormat.RichText)

        self.plot = _PlotWidget(self, axisItems=axes or {})
        self.plot.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.plot.setMinimumHeight(150)
        self.item = self.plot.getPlotItem()
        self.item.hideButtons()
        self.item.setMenuEnabled(False)
        self.item.setMouseEnabled(x=False, y=False)
        self.view = self.item.getViewBox()
        self.view.setDefaultPadding(0.03)
        self.placeholder = QLabel(self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.plot)
        self.stack.addWidget(self.placeholder)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        layout.addWidget(self.title_label)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.legend_label)

        self._legend: list[tuple[str, str, str]] = []   # (glyph kind, colour attr, text)
        self._legend_html = ""      # or a key written by the chart itself (set_legend_html)
        self._axis_labels: dict[str, str] = {}
        self.crosshair = pg.InfiniteLine(angle=90, movable=False)
        self.crosshair.setZValue(50)
        self.crosshair.hide()
        self.item.addItem(self.crosshair, ignoreBounds=True)
        self.plot.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self.plot.viewport().installEventFilter(self)

        self._build()
        self.apply_theme()

    # ----- for subclasses ---------------------------------------------------------------
    def _show(self, result) -> None:
        """Put ``result`` into the plot items (``setData``/``setOpts`` only)."""

    def _build(self) -> None:
        """Create the plot items once."""

    def _restyle(self, theme: Theme) -> None:
        """Set pens and brushes from ``theme``."""

    def hover_text(self, x: float, y: float) -> str | None:
        """Rich text for the point under the pointer (view coordinates), or None."""
        return None

    def hover_x(self, x: float) -> float | None:
        """Where the crosshair goes for pointer ``x``; None hides it (bar charts)."""
        return None

    # ----- public -----------------------------------------------------------------------
    def set_result(self, result) -> None:
        """Show ``result`` (an engine Result), with money in ``self.currency``."""
        self.last_result = result
        self._show(result)

    def set_title(self, text: str) -> None:
        if self.title_label.text() != text:
            self.title_label.setText(text)

    def set_legend(self, entries: list[tuple[str, str, str]]) -> None:
        """``entries``: (glyph kind: solid|dash|dot|area|bar, theme colour name, text)."""
        self._legend = entries
        self._render_legend()

    def set_legend_html(self, text: str) -> None:
        """A key the chart writes itself (rich text); shown with the plot, like set_legend's."""
        self._legend_html = text
        self._render_legend()

    def show_placeholder(self, text: str | None) -> None:
        """Swap the plot for a short teaching sentence (``None`` shows the plot)."""
        if text:
            self.placeholder.setText(text)
            self.stack.setCurrentWidget(self.placeholder)
        else:
            self.stack.setCurrentWidget(self.plot)
        # no key to an empty plot
        self.legend_label.setVisible(not text and bool(self._legend or self._legend_html))

    @property
    def showing_placeholder(self) -> bool:
        return self.stack.currentWidget() is self.placeholder

    def set_stale(self, stale: bool) -> None:
        self._stale = stale
        self.item.setOpacity(0.35 if stale else 1.0)
        self.legend_label.setEnabled(not stale)

    def save_png(self, path: str | Path) -> bool:
        """Write the chart (title, plot and legend) as a PNG; False if it could not be written.

        A chart on screen is saved as it looks; one not shown yet (a hidden tab) is laid out
        at a readable size first.
        """
        if self.isVisible() or self.last_result is None:
            pixmap = self.grab()
        else:
            # Qt lays a hidden widget out inside its parent before grabbing it (a tab not
            # yet shown may be a few pixels wide), so draw a detached twin instead.
            twin = type(self)(compact=self.compact)
            twin.currency = self.currency
            twin.resize(max(self.width(), 720), max(self.height(), 440))
            twin.set_result(self.last_result)
            pixmap = twin.grab()
            twin.deleteLater()
        return bool(pixmap.save(str(path), "PNG"))

    def build_menu(self) -> QMenu:
        """The chart's context menu: PNG only (pyqtgraph's SVG export fails on PySide6)."""
        menu = QMenu(self)
        action = menu.addAction("Save chart as PNG...")
        action.triggered.connect(self._save_dialog)
        return menu

    def show_menu(self, global_pos) -> None:
        menu = self.build_menu()
        menu.exec(global_pos)
        menu.deleteLater()

    def apply_theme(self) -> None:
        theme = theme_for(self)
        self._theme = theme
        self.plot.setBackground(theme.background)
        for name in ("left", "bottom"):
            axis = self.item.getAxis(name)
            axis.setPen(pen(theme.border, width=1))
            axis.setTextPen(theme.muted)
            font = QFont(self.font())
            font.setPointSizeF(max(7.0, font.pointSizeF() - (1.5 if self.compact else 1.0)))
            named = bool(getattr(axis, "names_axis", False))
            axis.setStyle(tickFont=font, tickTextOffset=6 if named else 4,
                          tickLength=0 if named else -4)
        for which, text in self._axis_labels.items():
            self._apply_axis_label(which, text)
        self.item.showGrid(x=False, y=True, alpha=0.5)
        self.crosshair.setPen(pen(theme.muted, width=1, style="dot"))
        muted = theme.muted.name()
        self.placeholder.setStyleSheet(f"color: {muted};")
        self._render_legend()
        self._restyle(theme)

    @property
    def theme(self) -> Theme:
        return self._theme

    # ----- internals --------------------------------------------------------------------
    def set_axis_label(self, which: str, text: str) -> None:
        if self._axis_labels.get(which) != text:
            self._axis_labels[which] = text
            self._apply_axis_label(which, text)

    def _apply_axis_label(self, which: str, text: str) -> None:
        size = max(7.0, self.font().pointSizeF() - (1.5 if self.compact else 1.0))
        self.item.getAxis(which).setLabel(
            text, **{"color": self._theme.muted.name(), "font-size": f"{size:.0f}pt"})

    def _render_legend(self) -> None:
        if not self._legend and self._legend_html:
            self.legend_label.setText(self._legend_html)
            self.legend_label.setVisible(not self.showing_placeholder)
            return
        if not self._legend:
            self.legend_label.hide()
            return
        parts = []
        for kind, colour, text in self._legend:
            col = getattr(self._theme, colour).name()
            words = html.escape(text)
            if len(text) <= 24:   # short names wrap between entries, never inside one
                words = words.replace(" ", "&nbsp;")
            parts.append(f'<span style="color:{col}">{_GLYPH[kind]}</span>&nbsp;{words}')
        self.legend_label.setText("&nbsp;&nbsp; ".join(parts))
        self.legend_label.setVisible(not self.showing_placeholder)

    def _save_dialog(self) -> None:
        name = f"{self.default_name}.png"
        path, _ = QFileDialog.getSaveFileName(self, "Save chart as PNG", name, "PNG image (*.png)")
        if not path:
            return
        if not path.lower().endswith(".png"):
            path += ".png"
        if not self.save_png(path):
            QMessageBox.warning(self, "Chart not saved",
                                f"Could not write {path}. Check that the folder exists and "
                                "that you may write to it, then try again.")

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        if not self.view.sceneBoundingRect().contains(scene_pos):
            self._hide_hover()
            return
        point = self.view.mapSceneToView(scene_pos)
        cross = self.hover_x(point.x())
        if cross is None:
            self.crosshair.hide()
        else:
            self.crosshair.setPos(cross)
            self.crosshair.show()
        text = self.hover_text(point.x(), point.y())
        if text:
            QToolTip.showText(QCursor.pos(), text, self.plot)
        else:
            QToolTip.hideText()

    def _hide_hover(self) -> None:
        self.crosshair.hide()
        QToolTip.hideText()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt naming
        kind = event.type()
        if kind == QEvent.Type.Leave:
            self._hide_hover()
        elif kind == QEvent.Type.Wheel:
            # Charts do not zoom; the graphics view would swallow the wheel, so hand it to
            # the page that scrolls around the chart.
            area = self._scroll_area()
            if area is not None:
                QApplication.sendEvent(area.verticalScrollBar(), event)
                return True
        return False

    def _scroll_area(self) -> QAbstractScrollArea | None:
        w = self.parentWidget()
        while w is not None and not isinstance(w, QAbstractScrollArea):
            w = w.parentWidget()
        return w

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        if event.type() in PALETTE_EVENTS:
            self.apply_theme()
        super().changeEvent(event)
