"""Plain results widgets used only when the dashboard package cannot be imported."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ..formatting import money, ratio, smart


class _Plain(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel("No results yet", self)
        self.label.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addWidget(self.label)
        lay.addStretch(1)
        self._stale = ""

    def set_result(self, result: Any, currency: str = "USD") -> None:
        if result is None:
            self.label.setText("No results: add teams and workflows to see the impact.")
            return
        s = result.summary
        b, f = s["baseline"], s["final"]
        self.label.setText(
            f"Headcount {smart(b['headcount'])} -> {smart(f['headcount'])}\n"
            f"Compression {ratio(s['compression_ratio'])}\n"
            f"FTE freed {smart(f['fte_freed'])}\n"
            f"Net {money(s['cumulative_net_cash'], currency, short=True)}\n{self._stale}")

    def show_calculating(self) -> None:
        self.label.setText("Calculating...")

    def set_stale(self, stale: bool, message: str = "") -> None:
        self._stale = message if stale else ""
        self.setEnabled(not stale)


class ResultsPanel(_Plain):
    pass


class OverviewPage(_Plain):
    pass
