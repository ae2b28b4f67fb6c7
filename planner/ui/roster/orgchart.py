"""Org charts: a zoomable, collapsible QGraphicsView of boxes (``TreeChartView``), for an
imported roster (``OrgChartView``: one box a person) and for the plan's own teams
(:mod:`.team_chart`).

Boxes are coloured by span health (amber 1-2 reports, red 16+, green in between, neutral for
people without reports). Click a manager to open or close their reports; the wheel zooms
around the pointer; drag to pan. Only open managers' reports are laid out, and by default the
chart opens the top two layers (so layers 1-3 show), which keeps 100,000 people responsive.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QGraphicsScene, QGraphicsView

from planner.io.roster import RosterAnalysis, archetype, span_health

from . import colors
from .layout import NODE_H, NODE_W, Children, OrgLayout, layout

DEFAULT_OPEN_LAYERS = 2
MIN_FIT_SCALE = 0.6  # below this the names cannot be read; the wheel zooms out further
OVERVIEW_SCALE = 0.2  # down to this the whole chart is shown (its colours tell the spans)


class BoxItem(QGraphicsItem):
    """One box of a tree chart: a bold first line, two small lines, coloured by span health;
    a box with something below it has a badge (``+N`` closed, ``−`` open) and opens on a
    click. The chart gives the text (``box_lines``) and the badge count (``below``)."""

    def __init__(self, chart: TreeChartView, node: int, *, more: int = 0) -> None:
        super().__init__()
        self.chart, self.node, self.more = chart, node, more
        self.span = 0 if node < 0 else chart.span_of(node)
        self.health = span_health(self.span) if node >= 0 else ""
        self.opens = node >= 0 and chart.below(node) > 0
        self.setAcceptHoverEvents(True)
        if node >= 0:
            self.setToolTip(chart.tooltip(node))
            if self.opens:
                self.setCursor(Qt.CursorShape.PointingHandCursor)
        else:
            self.setToolTip(f"{more:,} more {chart.noun} not drawn; they are counted in the charts")

    def boundingRect(self) -> QRectF:
        return QRectF(-1, -1, NODE_W + 2, NODE_H + 2)

    def paint(self, painter: QPainter, option, widget=None) -> None:  # noqa: ANN001
        chart = self.chart
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        rect = QRectF(0, 0, NODE_W, NODE_H)
        painter.setPen(QPen(colors.edge(self.health), 1.6 if self.health else 1.0))
        painter.setBrush(QBrush(colors.fill(self.health)))
        painter.drawRoundedRect(rect, 6, 6)
        painter.setPen(colors.text())
        if self.node < 0:
            painter.setFont(chart.bold)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, f"+ {self.more:,} more")
            return
        inner = rect.adjusted(8, 4, -8, -4)
        fm_b, fm = chart.bold_metrics, chart.metrics
        first, second, third = chart.box_lines(self.node)
        painter.setFont(chart.bold)
        painter.drawText(QRectF(inner.left(), inner.top(), inner.width(), 18), Qt.AlignmentFlag.AlignLeft,
                         fm_b.elidedText(first, Qt.TextElideMode.ElideRight, int(inner.width())))
        painter.setFont(chart.small)
        painter.drawText(QRectF(inner.left(), inner.top() + 17, inner.width(), 16), Qt.AlignmentFlag.AlignLeft,
                         fm.elidedText(second, Qt.TextElideMode.ElideRight, int(inner.width())))
        room = inner.width() - (40 if self.opens else 0)
        painter.drawText(QRectF(inner.left(), inner.top() + 33, room, 16),
                         Qt.AlignmentFlag.AlignLeft,
                         fm.elidedText(third, Qt.TextElideMode.ElideRight, int(room)))
        if self.opens:
            opened = self.node in chart.expanded
            below = chart.below(self.node)
            badge = QRectF(NODE_W - 44, NODE_H - 21, 38, 16)
            painter.setPen(QPen(colors.edge(self.health), 1))
            painter.setBrush(QBrush(colors.fill(self.health).darker(108)))
            painter.drawRoundedRect(badge, 7, 7)
            painter.setPen(colors.text())
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter,
                             "\u2212" if opened else f"+{below:,}" if below < 10000 else "+")

    def mousePressEvent(self, event) -> None:  # noqa: ANN001
        if event.button() == Qt.MouseButton.LeftButton and self.opens:
            self.chart.toggle(self.node)
            event.accept()
            return
        super().mousePressEvent(event)


class TreeChartView(QGraphicsView):
    """A zoomable, collapsible tree of boxes. Subclasses say what the nodes are:
    ``roots()``, ``span_of(i)``, ``below(i)`` (nodes under i), ``box_lines(i)``,
    ``tooltip(i)``; ``self.children`` (a :class:`Children`) must be set before ``_rebuild``."""

    laidOut = Signal(int)  # number of boxes drawn
    noun = "people"

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.auto_fit = True  # refit on resize until the user zooms
        self.children: Children | None = None
        self.expanded: set[int] = set()
        self.items: dict[int, BoxItem] = {}
        self._drawn: list[QGraphicsItem] = []
        self.current: OrgLayout | None = None
        base = self.font()
        self.bold = QFont(base)
        self.bold.setBold(True)
        self.small = QFont(base)
        self.small.setPointSizeF(max(7.0, base.pointSizeF() * 0.88))
        self.bold_metrics = QFontMetrics(self.bold)
        self.metrics = QFontMetrics(self.small)

    # -- for subclasses ---------------------------------------------------------------------
    def has_content(self) -> bool:
        return self.children is not None

    def roots(self) -> list[int]:
        return []

    def span_of(self, node: int) -> int:
        return 0

    def below(self, node: int) -> int:
        return 0

    def box_lines(self, node: int) -> tuple[str, str, str]:
        return "", "", ""

    def tooltip(self, node: int) -> str:
        return ""

    def toggle(self, node: int) -> None:
        """Open or close a manager's reports, keeping their box where it was on screen."""
        before = self.items.get(node)
        anchor = self.mapFromScene(before.pos()) if before is not None else None
        if node in self.expanded:
            self._close(node)
        else:
            self.expanded.add(node)
        self._rebuild()
        after = self.items.get(node)
        if anchor is not None and after is not None:
            delta = self.mapFromScene(after.pos()) - anchor
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() + delta.y())

    def _close(self, node: int) -> None:
        # Closing a manager also closes everyone open below them.
        stack = [node]
        while stack:
            v = stack.pop()
            if v in self.expanded:
                self.expanded.discard(v)
                stack.extend(int(k) for k in self.children.of(v))

    def _rebuild(self) -> None:
        scene = self.scene()
        # Remove our own items one by one (scene.clear() would delete Python-made items under
        # their wrappers); dropping the last reference then frees them.
        for item in self._drawn:
            scene.removeItem(item)
        self._drawn = []
        self.items = {}
        self.current = None
        if not self.has_content():
            self.laidOut.emit(0)
            return
        lay = layout(self.roots(), self.children, self.expanded)
        self.current = lay
        path = QPainterPath()
        for x1, y1, x2, y2, _ in lay.edges:
            path.moveTo(x1, y1)
            path.lineTo(x2, y2)
        lines = QGraphicsPathItem(path)
        pen = QPen(colors.edge(""), 1.2)
        pen.setCosmetic(True)
        lines.setPen(pen)
        lines.setZValue(-1)
        scene.addItem(lines)
        self._drawn.append(lines)
        for box in lay.boxes:
            item = BoxItem(self, box.node, more=box.more)
            item.setPos(QPointF(box.x, box.y))
            scene.addItem(item)
            self._drawn.append(item)
            if box.node >= 0:
                self.items[box.node] = item
        margin = 40
        scene.setSceneRect(QRectF(-margin, -margin, lay.width + 2 * margin, lay.height + 2 * margin))
        self.laidOut.emit(len(lay.boxes))

    # -- navigation -----------------------------------------------------------------------
    def fit(self) -> None:
        """Show the whole chart (an overview when its names get small: hover a box to read
        it, or zoom with the wheel); a chart too big for even that shows its top, legible."""
        rect = self.scene().sceneRect()
        if rect.isEmpty():
            return
        vw, vh = max(1, self.viewport().width()), max(1, self.viewport().height())
        scale = min(1.0, vw / rect.width(), vh / rect.height())
        self.resetTransform()
        if scale >= OVERVIEW_SCALE:
            self.scale(scale, scale)
            self.centerOn(rect.center())
            return
        self.scale(MIN_FIT_SCALE, MIN_FIT_SCALE)
        top = self.current.boxes[0] if self.current and self.current.boxes else None
        x = top.x + NODE_W / 2 if top else rect.center().x()
        self.centerOn(QPointF(x, rect.top() + vh / (2 * MIN_FIT_SCALE)))

    def zoom(self, factor: float) -> None:
        current = self.transform().m11()
        factor = max(0.03 / current, min(4.0 / current, factor))
        self.scale(factor, factor)

    def resizeEvent(self, event) -> None:  # noqa: ANN001
        super().resizeEvent(event)
        if self.auto_fit:
            self.fit()

    def wheelEvent(self, event) -> None:  # noqa: ANN001
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.auto_fit = False
            self.zoom(1.15 ** steps)
            event.accept()
        else:
            super().wheelEvent(event)

    def box_colour(self, node: int) -> QColor:
        """The fill of a person's box (what the user sees for their span)."""
        item = self.items[node]
        return colors.fill(item.health)


class OrgChartView(TreeChartView):
    """The roster's chart. ``set_analysis(a)`` shows a roster; ``toggle(i)`` opens or closes
    a manager."""

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.analysis: RosterAnalysis | None = None

    def set_analysis(self, analysis: RosterAnalysis | None, *, open_layers: int = DEFAULT_OPEN_LAYERS) -> None:
        self.analysis = analysis
        self.expanded = set()
        if analysis is None:
            self.children = None
            self._rebuild()
            return
        self.children = Children(analysis.roster.parent, analysis.span)
        self.expand_to_layer(open_layers, keep_view=False)

    def roots(self) -> list[int]:
        a = self.analysis
        if a is None:
            return []
        roots = a.roots
        return [int(r) for r in roots[(-a.size[roots]).argsort(kind="stable")]]

    def expand_to_layer(self, layers: int, *, keep_view: bool = False) -> None:
        """Open every manager on layers 1..``layers`` (so people down to layer+1 show)."""
        a = self.analysis
        if a is None:
            return
        import numpy as np

        self.expanded = set(np.flatnonzero((a.layer <= layers) & (a.span > 0)).tolist())
        self._rebuild()
        if not keep_view:
            self.auto_fit = True
            self.fit()

    def span_of(self, node: int) -> int:
        return int(self.analysis.span[node])

    def below(self, node: int) -> int:
        return int(self.analysis.size[node]) - 1 if self.analysis.span[node] else 0

    def box_lines(self, i: int) -> tuple[str, str, str]:
        a = self.analysis
        r = a.roster
        name = str(r.names[i]) or f"id {r.ids[i]}"
        title = str(r.titles[i]) or str(r.teams[i])
        span, layer = int(a.span[i]), int(a.layer[i])
        status = (f"{span} report{'s' if span != 1 else ''} · layer {layer}" if span
                  else f"layer {layer}")
        return name, title, status

    def tooltip(self, i: int) -> str:
        a = self.analysis
        r = a.roster
        lines = [f"<b>{_esc(r.names[i]) or 'id ' + _esc(r.ids[i])}</b>"]
        if r.titles[i]:
            lines.append(_esc(r.titles[i]))
        if r.teams[i]:
            lines.append(f"Department: {_esc(r.teams[i])}")
        span = int(a.span[i])
        if span:
            kind = archetype(span)
            health = span_health(span)
            flag = {"narrow": " (narrow: a layer that adds little)",
                    "wide": " (wide: little time per report)"}.get(health, "")
            lines.append(f"Span: {span} direct report{'s' if span != 1 else ''}, {kind}{flag}")
            lines.append(f"People below: {int(a.size[i]) - 1:,}")
        else:
            lines.append("No direct reports")
        lines.append(f"Layer {int(a.layer[i])} · id {_esc(r.ids[i])} · {r.source} {r.unit} {int(r.lines[i])}")
        return "<br>".join(lines)


def _esc(text: object) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
