"""What both result views share: the empty state, the stale banner, updating every part."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from .chart import PALETTE_EVENTS, ChartWidget
from .kpis import build_kpis
from .theme import theme_for
from .tiles import TileGrid

if TYPE_CHECKING:
    from planner.engine import Result

EMPTY_TITLE = "Add a team and a workflow to see results"
EMPTY_TEXT = ("Describe a team (its roles and headcount) and a workflow that AI changes: "
              "headcount, compute and money appear here as you type.")
CALCULATING_TITLE = "Calculating..."
CALCULATING_TEXT = "Checking the plan and computing its results."


class DashboardBase(QWidget):
    """Subclasses build ``self.tiles`` and ``self.charts`` into ``self.content``, in their
    ``__init__`` or, for a view that starts empty, in ``_build_content`` (called before the
    first result is shown)."""

    def __init__(self, parent: QWidget | None = None, *, large: bool = False) -> None:
        super().__init__(parent)
        self.result: Result | None = None
        self.currency = "USD"
        self.charts: list[ChartWidget] = []
        self.tiles: TileGrid
        self._stale = False
        self._stale_message = ""
        self._content_built = False

        self.banner = QLabel(self)
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.hide()
        self.scenario_label = QLabel(self)   # which scenario the figures are of
        self.scenario_label.setWordWrap(True)
        self.scenario_label.hide()

        self.empty = QWidget(self)
        empty_layout = QVBoxLayout(self.empty)
        empty_layout.setContentsMargins(24, 24, 24, 24)
        empty_layout.addStretch(1)
        self.empty_title = QLabel(EMPTY_TITLE, self.empty)
        font = QFont(self.font())
        font.setPointSizeF(max(9.0, self.font().pointSizeF()) * (1.5 if large else 1.2))
        font.setBold(True)
        self.empty_title.setFont(font)
        self.empty_text = QLabel(EMPTY_TEXT, self.empty)
        for label in (self.empty_title, self.empty_text):
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            empty_layout.addWidget(label)
        empty_layout.addStretch(2)

        self.content = QWidget(self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.content)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.scenario_label)
        layout.addWidget(self.banner)
        layout.addWidget(self.stack, 1)
        self._restyle()

    # ----- the contract -----------------------------------------------------------------
    def set_result(self, result: Result | None, currency: str = "USD") -> None:
        """Show ``result`` (``None``: the empty state that says what to add)."""
        self.result = result
        self.currency = currency or "USD"
        if result is None:
            self._show_empty(EMPTY_TITLE, EMPTY_TEXT)
            return
        self._ensure_content()
        self.tiles.set_kpis(build_kpis(result, self.currency))
        for chart in self.charts:
            chart.currency = self.currency
            chart.set_result(result)
        self._result_shown(result)
        self.stack.setCurrentWidget(self.content)
        self._update_banner()

    def set_scenario_name(self, name: str | None) -> None:
        """Say which scenario the figures are of (None: the baseline, nothing to say)."""
        if not name:
            self.scenario_label.hide()
            return
        self.scenario_label.setText(f"<b>Scenario: {html.escape(name)}</b> &nbsp;— the figures "
                                    "of this scenario (Baseline on the toolbar shows the plan)")
        self.scenario_label.setStyleSheet("padding: 4px 6px; border-radius: 3px; "
                                          "background: rgba(61, 106, 168, 40);")
        self.scenario_label.show()

    def show_calculating(self) -> None:
        """A calm "Calculating..." in place of the figures (a plan just opened)."""
        self.result = None
        self._stale, self._stale_message = False, ""
        self._show_empty(CALCULATING_TITLE, CALCULATING_TEXT)

    def _show_empty(self, title: str, text: str) -> None:
        self.empty_title.setText(title)
        self.empty_text.setText(text)
        self.stack.setCurrentWidget(self.empty)
        self._update_banner()

    @property
    def is_calculating(self) -> bool:
        return self.is_empty and self.empty_title.text() == CALCULATING_TITLE

    def set_stale(self, stale: bool, message: str = "") -> None:
        """Dim the figures (they belong to the last valid plan) and say why."""
        self._stale = stale
        self._stale_message = message if stale else ""
        self._update_banner()
        if self._content_built:
            self.tiles.set_stale(stale)
            for chart in self.charts:
                chart.set_stale(stale)

    # ----- state, for the window and for tests ------------------------------------------
    @property
    def is_empty(self) -> bool:
        return self.stack.currentWidget() is self.empty

    @property
    def is_stale(self) -> bool:
        return self._stale

    @property
    def stale_message(self) -> str:
        return self._stale_message

    def tile(self, key: str):
        self._ensure_content()
        return self.tiles.tiles[key]

    # ----- internals --------------------------------------------------------------------
    def _update_banner(self) -> None:
        if not self._stale:
            self.banner.hide()
            return
        why = self._stale_message.strip() or "The plan has problems."
        after = ("Showing the results of the last valid plan." if self.result is not None
                 else "Results appear once the plan is valid.")
        self.banner.setText(f"{why}\n{after}")
        self.banner.show()

    def _ensure_content(self) -> None:
        if not self._content_built:
            self._content_built = True
            self._build_content()
            self.tiles.set_stale(self._stale)
            for chart in self.charts:
                chart.set_stale(self._stale)

    def _build_content(self) -> None:
        """Hook: build ``tiles`` and ``charts`` (views that build them in ``__init__`` don't)."""

    def _result_shown(self, result: Result) -> None:
        """Hook for views that show more than tiles and charts (headings)."""

    def _restyle(self) -> None:
        theme = theme_for(self)
        bg = theme.problem.name()
        self.banner.setStyleSheet(
            f"QLabel {{ border: 1px solid {bg}; border-left: 4px solid {bg}; border-radius: 4px;"
            f" padding: 6px 8px; color: {theme.text.name()}; }}")
        self.empty_text.setStyleSheet(f"color: {theme.muted.name()};")

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        if event.type() in PALETTE_EVENTS:
            self._restyle()
        super().changeEvent(event)
