"""KPI tiles: a title, a big value coloured by its meaning, one line of detail.

The tooltip of every tile is its formula in words, the current inputs and where they come
from (see :mod:`planner.ui.dashboard.kpis`).
"""

from __future__ import annotations

import html

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QPainter, QPalette, QPen
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from .chart import PALETTE_EVENTS
from .kpis import KPI_KEYS, Kpi
from .theme import Theme, theme_for, tone_color


def tooltip_html(lines: list[str]) -> str:
    """The formula in bold, then one line per input; rich text so Qt wraps long lines."""
    if not lines:
        return ""
    head, *rest = (html.escape(x, quote=False) for x in lines)
    return "<qt><b>" + head + "</b>" + "".join(f"<br>{x}" for x in rest) + "</qt>"


class KpiTile(QWidget):
    """One key figure. ``large`` for the Overview page, compact for the results dock."""

    def __init__(self, key: str, parent: QWidget | None = None, *, large: bool = False) -> None:
        super().__init__(parent)
        self.key = key
        self.large = large
        self.kpi: Kpi | None = None
        self._stale = False
        self.setAttribute(Qt.WidgetAttribute.WA_Hover, True)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

        self.title_label = QLabel(self)
        self.value_label = QLabel("–", self)
        self.detail_label = QLabel(self)
        self.detail_label.setWordWrap(True)
        base = self.font().pointSizeF()
        if base <= 0:
            base = 9.0
        title_font = QFont(self.font())
        title_font.setPointSizeF(base * (1.0 if large else 0.92))
        value_font = QFont(self.font())
        value_font.setPointSizeF(base * (2.1 if large else 1.45))
        value_font.setBold(True)
        detail_font = QFont(self.font())
        detail_font.setPointSizeF(base * (0.95 if large else 0.85))
        self.title_label.setFont(title_font)
        self.value_label.setFont(value_font)
        self.detail_label.setFont(detail_font)

        layout = QVBoxLayout(self)
        pad = 12 if large else 8
        layout.setContentsMargins(pad, pad - 3, pad, pad - 3)
        layout.setSpacing(1 if not large else 2)
        layout.addWidget(self.title_label)
        layout.addWidget(self.value_label)
        layout.addWidget(self.detail_label)
        self._theme: Theme = theme_for(self)
        self._restyle()

    # ----- public -----------------------------------------------------------------------
    def set_kpi(self, kpi: Kpi) -> None:
        self.kpi = kpi
        if self.title_label.text() != kpi.title:
            self.title_label.setText(kpi.title)
        self.value_label.setText(kpi.value)
        self.detail_label.setText(kpi.detail)
        self.detail_label.setVisible(bool(kpi.detail))
        self.setToolTip(tooltip_html(kpi.tooltip))
        self._restyle()

    def value_text(self) -> str:
        return self.value_label.text()

    def detail_text(self) -> str:
        return self.detail_label.text()

    def set_stale(self, stale: bool) -> None:
        if stale != self._stale:
            self._stale = stale
            self._restyle()

    # ----- looks ------------------------------------------------------------------------
    def _restyle(self) -> None:
        theme = self._theme
        tone = self.kpi.tone if self.kpi else "neutral"
        value = theme.muted if self._stale else tone_color(theme, tone)
        for label, color in ((self.title_label, theme.muted), (self.value_label, value),
                             (self.detail_label, theme.muted)):
            pal = label.palette()
            if pal.color(QPalette.ColorRole.WindowText) != color:
                pal.setColor(QPalette.ColorRole.WindowText, color)
                label.setPalette(pal)
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt naming
        theme = self._theme
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        p.setPen(QPen(theme.border, 1))
        p.setBrush(theme.surface)
        p.drawRoundedRect(rect, 6, 6)
        if self.kpi and self.kpi.tone in ("saving", "cost", "problem") and not self._stale:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(tone_color(theme, self.kpi.tone))
            p.drawRoundedRect(QRectF(rect.left(), rect.top() + 6, 3, rect.height() - 12), 1.5, 1.5)
        p.end()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        if event.type() in PALETTE_EVENTS:
            self._theme = theme_for(self)
            self._restyle()
        super().changeEvent(event)


class TileGrid(QWidget):
    """Every KPI tile in :data:`KPI_KEYS` order, ``columns`` to a row."""

    def __init__(self, parent: QWidget | None = None, *, columns: int = 2,
                 large: bool = False) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        gap = 10 if large else 6
        grid.setHorizontalSpacing(gap)
        grid.setVerticalSpacing(gap)
        self.tiles: dict[str, KpiTile] = {}
        for i, key in enumerate(KPI_KEYS):
            tile = KpiTile(key, self, large=large)
            self.tiles[key] = tile
            grid.addWidget(tile, i // columns, i % columns)
        for c in range(columns):
            grid.setColumnStretch(c, 1)

    def set_kpis(self, kpis: dict[str, Kpi]) -> None:
        for key, tile in self.tiles.items():
            tile.set_kpi(kpis[key])

    def set_stale(self, stale: bool) -> None:
        for tile in self.tiles.values():
            tile.set_stale(stale)
