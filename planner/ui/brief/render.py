"""Draw the leadership brief as a landscape PDF page with Qt's own PDF writer (vector text and
charts, readable in greyscale: line styles, not only colours, tell the series apart)."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
from PySide6.QtCore import QLocale, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QPdfWriter,
    QPen,
)

from ...brief.content import BriefContent
from ...formatting import compact, symbol
from ...model.evidence import NONE_FIRED

DPI = 300
INK = QColor("#1f2933")
MUTED = QColor("#616e7c")
LINE = QColor("#cbd2d9")
SAVING = QColor("#1b7f4c")
COST = QColor("#b45309")
PLAN = QColor("#1f4e9a")


def page_size() -> QPageSize:
    """Letter where the system measures in inches (US), else A4."""
    imperial = QLocale.system().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
    return QPageSize(QPageSize.PageSizeId.Letter if imperial else QPageSize.PageSizeId.A4)


class _Page:
    """A painter in millimetres on a landscape page."""

    def __init__(self, painter: QPainter, width_mm: float, height_mm: float) -> None:
        self.p = painter
        self.w, self.h = width_mm, height_mm
        self.k = DPI / 25.4

    def mm(self, x: float) -> float:
        return x * self.k

    def font(self, size: float, *, bold: bool = False, italic: bool = False) -> QFont:
        f = QFont("DejaVu Sans")
        f.setStyleHint(QFont.StyleHint.SansSerif)
        f.setPointSizeF(size)
        f.setBold(bold)
        f.setItalic(italic)
        return f

    def text(self, x: float, y: float, w: float, h: float, text: str, *, size: float = 8,
             bold: bool = False, colour: QColor = INK, align: Qt.AlignmentFlag =
             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, wrap: bool = False,
             italic: bool = False) -> float:
        """Draw text in a box; return the height used (mm)."""
        self.p.setFont(self.font(size, bold=bold, italic=italic))
        self.p.setPen(colour)
        flags = int(align) | (int(Qt.TextFlag.TextWordWrap) if wrap else 0)
        rect = QRectF(self.mm(x), self.mm(y), self.mm(w), self.mm(h))
        used = self.p.boundingRect(rect, flags, text)
        self.p.drawText(rect, flags, text)
        return used.height() / self.k

    def height(self, w: float, text: str, *, size: float = 8, bold: bool = False) -> float:
        """The height (mm) ``text`` takes wrapped in a box ``w`` mm wide."""
        self.p.setFont(self.font(size, bold=bold))
        flags = int(Qt.TextFlag.TextWordWrap)
        return self.p.boundingRect(QRectF(0, 0, self.mm(w), 1e6), flags, text).height() / self.k

    def width(self, text: str, *, size: float = 8, bold: bool = False) -> float:
        """The width (mm) of ``text`` on one line."""
        return QFontMetricsF(self.font(size, bold=bold), self.p.device()).horizontalAdvance(
            text) / self.k

    def line(self, x1: float, y1: float, x2: float, y2: float, colour: QColor = LINE,
             width: float = 0.25, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> None:
        pen = QPen(colour, self.mm(width))
        pen.setStyle(style)
        self.p.setPen(pen)
        self.p.drawLine(QPointF(self.mm(x1), self.mm(y1)), QPointF(self.mm(x2), self.mm(y2)))


def _nice_ticks(lo: float, hi: float, n: int = 4) -> list[float]:
    if hi <= lo:
        hi = lo + 1
    raw = (hi - lo) / n
    mag = 10 ** math.floor(math.log10(raw))
    step = min((m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw), default=raw)
    start = math.floor(lo / step) * step
    out = [start]
    while out[-1] < hi - step * 0.01:      # the last tick is at or above the highest value
        out.append(start + len(out) * step)
    return out


def _chart(pg: _Page, x: float, y: float, w: float, h: float, title: str, months: list[str],
           series: list[tuple[str, np.ndarray, QColor, Qt.PenStyle, float]],
           band: tuple[np.ndarray, np.ndarray] | None, fmt, marker: int | None = None) -> None:
    """A line chart: title, y grid with labels, month labels, the series and a legend."""
    pg.text(x, y, w, 5, title, size=9, bold=True)
    top, left, bottom, right = y + 7, x + 14, y + h - 9, x + w - 2
    values = np.concatenate([s[1][np.isfinite(s[1])] for s in series]
                            + ([band[0], band[1]] if band is not None else []))
    lo, hi = float(values.min()), float(values.max())
    if band is None and lo > 0:
        lo = 0.0 if lo < (hi - lo) * 2 else lo - (hi - lo) * 0.1
    ticks = _nice_ticks(min(lo, 0.0) if band is not None else lo, hi)
    lo, hi = ticks[0], ticks[-1]

    def X(i: float, n: int) -> float:
        return left + (right - left) * (i / max(1, n - 1))

    def Y(v: float) -> float:
        return bottom - (bottom - top) * ((v - lo) / (hi - lo) if hi > lo else 0.5)

    for t in ticks:
        pg.line(left, Y(t), right, Y(t), LINE, 0.15)
        pg.text(x, Y(t) - 1.8, 13, 4, fmt(t), size=6.5, colour=MUTED,
                align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if lo < 0 < hi:
        pg.line(left, Y(0), right, Y(0), MUTED, 0.3)
    n = len(series[0][1])
    step = max(1, (n - 1) // 6)
    for i in range(0, n, step):
        pg.text(X(i, n) - 8, bottom + 1, 16, 4, months[i] if i < len(months) else "", size=6.5,
                colour=MUTED, align=Qt.AlignmentFlag.AlignHCenter)
    p = pg.p
    if band is not None:
        lo_b, hi_b = band
        nb = len(lo_b)
        path = QPainterPath(QPointF(pg.mm(X(0, nb)), pg.mm(Y(float(hi_b[0])))))
        for i in range(1, nb):
            path.lineTo(pg.mm(X(i, nb)), pg.mm(Y(float(hi_b[i]))))
        for i in range(nb - 1, -1, -1):
            path.lineTo(pg.mm(X(i, nb)), pg.mm(Y(float(lo_b[i]))))
        path.closeSubpath()
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QBrush(QColor(31, 78, 154, 45)))
        p.drawPath(path)
        p.setBrush(Qt.BrushStyle.NoBrush)
    for _name, ys, colour, style, width in series:
        pen = QPen(colour, pg.mm(width))
        pen.setStyle(style)
        p.setPen(pen)
        pts = [QPointF(pg.mm(X(i, len(ys))), pg.mm(Y(float(v)))) for i, v in enumerate(ys)]
        path = QPainterPath(pts[0])
        for q in pts[1:]:
            path.lineTo(q)
        p.drawPath(path)
    if marker is not None and 0 <= marker < n:
        pg.line(X(marker, n), top, X(marker, n), bottom, SAVING, 0.3, Qt.PenStyle.DashLine)
        pg.text(X(marker, n) + 1, top, 30, 4, f"payback: {months[marker]}", size=6.5,
                colour=SAVING)
    # legend under the title, right-aligned
    lx = x + w
    for name, _ys, colour, style, width in reversed(series):
        tw = QFontMetricsF(pg.font(6.5), p.device()).horizontalAdvance(name) / pg.k + 10
        lx -= tw
        pg.line(lx, y + 3.2, lx + 6, y + 3.2, colour, width, style)
        pg.text(lx + 7, y + 1.3, tw, 4, name, size=6.5, colour=MUTED)
    if band is not None:
        lx -= 22
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QBrush(QColor(31, 78, 154, 45)))
        p.drawRect(QRectF(pg.mm(lx), pg.mm(y + 2), pg.mm(6), pg.mm(2.4)))
        p.setBrush(Qt.BrushStyle.NoBrush)
        pg.text(lx + 7, y + 1.3, 16, 4, "P10-P90", size=6.5, colour=MUTED)


def _fit_columns(pg: _Page, total: float, head: list[str], rows: list[list[str]],
                 size: float = 7.2, *, bold_last: bool = False,
                 spread_to: float | None = None) -> tuple[list[float], float]:
    """Column widths (mm) that hold every cell on one line (headers may wrap at spaces); the
    slack goes to the first column or, with ``spread_to``, first to the value columns up to
    that width each. The font shrinks a little when the table would not fit in ``total`` mm.
    Returns (widths, font size)."""
    last = len(rows) - 1 if bold_last else -1
    while True:
        need = []
        for i, h in enumerate(head):
            words = max((pg.width(w, size=size, bold=True) for w in h.split()), default=0.0)
            cells = max((pg.width(r[i], size=size, bold=k == last)
                         for k, r in enumerate(rows) if i < len(r)), default=0.0)
            need.append(max(words, cells) + 2.5)
        if sum(need) <= total or size <= 5.5:
            if spread_to is not None:
                for i in range(1, len(need)):
                    need[i] = max(need[i], min(spread_to, need[i] + (total - sum(need))))
            need[0] += max(0.0, total - sum(need))
            return need, size
        size -= 0.3


def _table(pg: _Page, x: float, y: float, widths: list[float], head: list[str],
           rows: list[list[str]], *, size: float = 7.2) -> float:
    """A plain table (headers wrap: the header row is as tall as its longest name, at least
    two lines); returns its height (mm)."""
    row_h = size * 0.55
    head_h = max([2 * row_h] + [pg.height(wd - 1, h, size=size, bold=True)
                                for wd, h in zip(widths, head, strict=False)])
    cx = x
    for i, (wd, h) in enumerate(zip(widths, head, strict=False)):
        align = (Qt.AlignmentFlag.AlignLeft if i == 0 else Qt.AlignmentFlag.AlignRight) \
            | Qt.AlignmentFlag.AlignBottom
        pg.text(cx, y, wd - 1, head_h, h, size=size, bold=True, align=align, wrap=True)
        cx += wd
    pg.line(x, y + head_h + 0.4, x + sum(widths), y + head_h + 0.4, MUTED, 0.2)
    yy = y + head_h + 1
    for r, row in enumerate(rows):
        cx = x
        last = r == len(rows) - 1
        for i, (wd, cell) in enumerate(zip(widths, row, strict=False)):
            align = Qt.AlignmentFlag.AlignLeft if i == 0 else Qt.AlignmentFlag.AlignRight
            pg.text(cx, yy, wd - 1, row_h, cell, size=size, align=align,
                    bold=last and head and head[0] == "The four bets")
            cx += wd
        yy += row_h
    return yy - y


def draw(content: BriefContent, painter: QPainter, width_mm: float, height_mm: float,
         new_page=None) -> int:
    """Draw the brief; ``new_page()`` starts a second page when the text runs over. Returns
    the number of pages."""
    pg = _Page(painter, width_mm, height_mm)
    W, M = width_mm, 11.0
    inner = W - 2 * M
    y = M
    pg.text(M, y, inner, 9, content.title, size=17, bold=True)
    y += 8.5
    pg.text(M, y, inner, 5, content.subtitle, size=8, colour=MUTED)
    y += 6.5
    # tiles
    n = len(content.tiles)
    tw = inner / n
    for i, t in enumerate(content.tiles):
        tx = M + i * tw
        painter.setPen(QPen(LINE, pg.mm(0.2)))
        painter.setBrush(QBrush(QColor("#f5f7fa")))
        painter.drawRoundedRect(QRectF(pg.mm(tx + 0.6), pg.mm(y), pg.mm(tw - 1.2), pg.mm(17)),
                                pg.mm(1.2), pg.mm(1.2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        pg.text(tx + 2, y + 1.2, tw - 4, 4, t.label, size=6.8, colour=MUTED)
        pg.text(tx + 2, y + 5, tw - 4, 7, t.value, size=12, bold=True)
        # the detail in one line, or two ("at 8% a year" / "cumulative ..."), each line whole
        # (a Letter page's tiles are narrower than A4's): the font shrinks a little to fit
        lines = t.detail.split("\n")
        size = 6.3 if len(lines) == 1 else 6.0
        while size > 5.0 and max(pg.width(x, size=size) for x in lines) > tw - 4.5:
            size -= 0.2
        pg.text(tx + 2, y + (11.6 if len(lines) == 1 else 10.5), tw - 3, 6.4, t.detail,
                size=size, colour=MUTED)
    y += 20
    # charts
    ch = 60
    cw = (inner - 6) / 2
    cur = content.currency
    money_tick = lambda v: f"{'-' if v < 0 else ''}{symbol(cur)}{compact(abs(v))}"  # noqa: E731
    today = np.full_like(content.headcount, content.headcount_today, dtype=np.float64)
    _chart(pg, M, y, cw, ch, "Headcount", content.months,            # the key names the lines
           [("the plan", content.headcount, PLAN, Qt.PenStyle.SolidLine, 0.7),
            ("without AI", content.headcount_without_ai, COST, Qt.PenStyle.DashLine, 0.6),
            ("today", today, MUTED, Qt.PenStyle.DotLine, 0.5)],
           None, lambda v: f"{v:,.0f}")
    band = None
    series = [("the plan", content.cumulative_cash, PLAN, Qt.PenStyle.SolidLine, 0.7)]
    if content.fan:
        band = (np.array([r["p10"] for r in content.fan]), np.array([r["p90"] for r in content.fan]))
        series.append(("P50 of draws", np.array([r["p50"] for r in content.fan]), INK,
                       Qt.PenStyle.DashLine, 0.5))
    marker = content.payback_month - 1 if content.payback_month else None
    _chart(pg, M + cw + 6, y, cw, ch, "Cumulative net cash", content.months[1:], series, band,
           money_tick, marker)
    y += ch + 3
    # tables
    # a payback may read "month 8, then below 0": the columns take what their cells need
    sc_w, sc_size = _fit_columns(pg, cw, content.scenario_head, content.scenario_rows,
                                 spread_to=22.0)
    pg.text(M, y, cw, 5, "Scenarios side by side", size=9, bold=True)
    h1 = _table(pg, M, y + 5.5, sc_w, content.scenario_head, content.scenario_rows,
                size=sc_size)
    bet_w, bet_size = _fit_columns(pg, cw, content.bets_head, content.bets_rows,
                                   bold_last=True)
    pg.text(M + cw + 6, y, cw, 5, "When the bets fail", size=9, bold=True)
    h2 = _table(pg, M + cw + 6, y + 5.5, bet_w, content.bets_head, content.bets_rows,
                size=bet_size)
    y += 5.5 + max(h1, h2) + 3
    # break-even, Monte Carlo, warnings, footnote
    pages = 1
    blocks: list[tuple[str, list[str]]] = [
        ("Break-even", content.break_even), ("How sure", [content.monte_carlo])]
    blocks.append(("Evidence warnings", content.warnings or [NONE_FIRED]))
    bottom = height_mm - 10.5                # the footnote's two lines start below this
    for title, lines in blocks:
        need = 5 + sum(pg.height(inner - 2, "• " + line, size=7.4) + 0.6 for line in lines) + 1.5
        if y + need > bottom and new_page is not None:
            new_page()
            pages += 1
            y = M
        pg.text(M, y, 40, 5, title, size=9, bold=True)
        y += 5
        for line in lines:
            y += pg.text(M + 2, y, inner - 2, 20, "• " + line, size=7.4, wrap=True) + 0.6
        y += 1.5
    pg.text(M, height_mm - 9.5, inner, 8, content.footnote, size=6.3, colour=MUTED, wrap=True,
            italic=True)
    return pages


def write_pdf(content: BriefContent, path: str | Path) -> int:
    """Write the brief to ``path`` (landscape A4 or Letter by the system locale); returns the
    number of pages. The caller writes to a temporary path and moves it into place."""
    writer = QPdfWriter(str(path))
    writer.setResolution(DPI)
    writer.setTitle(content.title)
    writer.setCreator("OrgPlanner")
    layout = QPageLayout(page_size(), QPageLayout.Orientation.Landscape, QMarginsF(0, 0, 0, 0))
    writer.setPageLayout(layout)
    size = layout.fullRectPoints().size()
    width_mm, height_mm = size.width() / 72 * 25.4, size.height() / 72 * 25.4
    painter = QPainter(writer)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        return draw(content, painter, width_mm, height_mm, new_page=writer.newPage)
    finally:
        painter.end()
