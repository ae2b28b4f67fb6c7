"""Compare: the baseline and the plan's scenarios side by side (as many as are ticked), with
each figure's change from the baseline and one line per scenario in the charts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner import formatting as fmt

from ..dashboard.meaning import figure_tip
from ..dashboard.theme import theme_for
from ..dashboard.tiles import tooltip_html
from ..widgets.common import heading, hint, scrolled
from ..workers import ThreadRunner, _Runner
from .charts import Lines, ScenarioChart, series_style

# (label, how to read it from a summary, kind, better when higher?, its key in meaning.FIGURES)
FIGURES = (
    ("Headcount (final month)", lambda s: s["final"]["headcount"], "count", None, "headcount"),
    ("  without AI", lambda s: s["final"]["headcount_without_ai"], "count", None,
     "headcount_without_ai"),
    ("Managers (final month)", lambda s: s["final"]["managers"], "count", None, "managers"),
    ("Layers (team tree)", lambda s: s["final"]["layers"], "int", None, "layers"),
    ("Payroll per year (final)", lambda s: s["final"]["payroll_annual"], "money", False,
     "payroll_annual"),
    ("Compute per month (final)", lambda s: s["final"]["compute_per_month"], "money", False,
     "compute_per_month"),
    ("Compute as share of payroll", lambda s: s["final"]["compute_to_payroll"], "pct", False,
     "compute_to_payroll"),
    ("NPV of net cash", lambda s: s["npv_net_cash"], "money", True, "npv_net_cash"),
    ("Cumulative net cash", lambda s: s["cumulative_net_cash"], "money", True,
     "cumulative_net_cash"),
    ("Payback month", lambda s: s["payback_month"], "month", False, "payback_month"),
)
MAX_DEFAULT = 6
WAITING = "Calculating the scenarios…"


@dataclass
class Compared:
    ids: list[str]
    names: list[str]
    results: list[Any]          # engine Results, baseline first


def run_compare(data: Any) -> Compared:
    """Every scenario computed (on a worker for big plans)."""
    from planner.risk import compare

    rows = compare(data)
    for r in rows:
        _ = r.summary
    return Compared([r.id for r in rows], [r.name for r in rows], [r.result for r in rows])


def _text(v: Any, kind: str, cur: str) -> str:
    if v is None:
        return "–"
    if kind == "money":
        return fmt.money(v, cur, short=True)
    if kind == "pct":
        return fmt.percent(v, 1)
    if kind in ("int", "month"):
        return f"month {int(v)}" if kind == "month" else str(int(v))
    return fmt.smart(v)


def _delta(v: Any, base: Any, kind: str, cur: str) -> str:
    if v is None or base is None:
        return "" if v == base else "changed"
    d = v - base
    if abs(d) < 1e-9:
        return "="
    if kind == "money":
        return fmt.money(d, cur, short=True, sign=True)
    if kind == "pct":
        return f"{d * 100:+.1f} pt"
    if kind in ("int", "month"):
        return f"{int(d):+d}"
    return f"{d:+,.1f}".replace(".0", "") if abs(d - round(d)) < 1e-9 else f"{d:+,.1f}"


def _delta_tip(figure: str, scenario: str, value: str, base: str, delta: str) -> str:
    if delta == "=":
        change = "the same as the baseline"
    elif delta == "changed":
        change = "changed"
    else:
        change = delta
    return (f"{figure}: change from the baseline\n"
            f"{scenario} {value} against Baseline {base}: {change}")


class ComparePage(QWidget):
    """Scenarios side by side. ``refresh()`` recomputes when the page is shown and the plan
    changed since."""

    def __init__(self, doc: Any, parent: QWidget | None = None, *,
                 runner: _Runner | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.runner = runner or ThreadRunner()
        self.compared: Compared | None = None
        self._checked: dict[str, bool] = {}
        self._generation = 0
        self._computed_for: Any = object()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.refresh)

        self.title = heading("Compare scenarios", self)
        self.lead = hint("The baseline and the plan's scenarios side by side. Tick up to eight; "
                         "each figure shows its change from the baseline. Add scenarios with "
                         "the Scenario box on the toolbar.", self)
        self.status = hint("", self)
        self.boxes_row = QHBoxLayout()
        self.boxes_row.setSpacing(14)
        self.boxes: list[QCheckBox] = []
        self.table = QTableWidget(self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.hide()                       # an empty grid until the first result
        self.headcount_chart = ScenarioChart(self, title="Headcount over time")
        self.cash_chart = ScenarioChart(self, title="Cumulative net cash", money=True)
        self.compute_chart = ScenarioChart(self, title="Compute per month (P&L)", money=True)

        body = QWidget(self)
        v = QVBoxLayout(body)
        v.setContentsMargins(12, 10, 12, 10)
        v.addWidget(self.title)
        v.addWidget(self.lead)
        v.addLayout(self.boxes_row)
        v.addWidget(self.status)
        v.addWidget(self.table)
        grid = QGridLayout()
        grid.addWidget(self.headcount_chart, 0, 0)
        grid.addWidget(self.cash_chart, 0, 1)
        grid.addWidget(self.compute_chart, 1, 0, 1, 2)
        for chart in self.charts():
            chart.setMinimumHeight(230)
            chart.show_placeholder(WAITING)     # no empty axes until the first result
        v.addLayout(grid, 1)
        scrolled(self, body)

        doc.changed.connect(self._plan_changed)
        doc.problemsChanged.connect(self._plan_changed)

    # ----- computing ------------------------------------------------------------------
    def _plan_changed(self, *_: Any) -> None:
        if self.isVisible():
            self._timer.start()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().showEvent(event)
        if self._computed_for is not self.doc.data:
            self._timer.start(0)

    def refresh(self) -> None:
        data = self.doc.data
        if getattr(self.doc, "error_count", 0):
            self.status.setText(f"The plan has {self.doc.error_count} problem(s): fix them to "
                                "compare its scenarios (see Problems).")
            if self.compared is None:
                for chart in self.charts():
                    chart.show_placeholder("Fix the plan's problems to compare its scenarios.")
            self._computed_for = object()
            return
        if data is self._computed_for:
            return
        self._generation += 1
        gen = self._generation
        self.status.setText(WAITING)
        if self.compared is None:
            for chart in self.charts():
                chart.show_placeholder(WAITING)
        self.runner.submit(run_compare, data,
                           on_done=lambda c, g=gen, d=data: self._done(c, g, d),
                           on_error=self._failed)

    def _done(self, compared: Compared, gen: int, data: Any) -> None:
        if gen != self._generation:
            return
        self._computed_for = data
        self._computed(compared)

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(f"Could not compare the scenarios: {exc}")
        if self.compared is None:
            for chart in self.charts():
                chart.show_placeholder("No scenarios to show: see the message above.")

    def charts(self) -> tuple[ScenarioChart, ...]:
        return (self.headcount_chart, self.cash_chart, self.compute_chart)

    def _computed(self, compared: Compared) -> None:
        self.compared = compared
        self._rebuild_boxes()
        self.show_compared()

    # ----- showing --------------------------------------------------------------------
    def _rebuild_boxes(self) -> None:
        assert self.compared is not None
        while self.boxes_row.count():
            item = self.boxes_row.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.boxes = []
        for i, (sid, name) in enumerate(zip(self.compared.ids, self.compared.names, strict=True)):
            box = QCheckBox(name, self)
            box.setChecked(self._checked.get(sid, i < MAX_DEFAULT))
            box.setEnabled(i > 0)            # the baseline is always shown
            box.setToolTip("The base plan" if i == 0 else f"Scenario id: {sid}")
            box.toggled.connect(lambda on, s=sid: self._toggle(s, on))
            self.boxes_row.addWidget(box)
            self.boxes.append(box)
        self.boxes_row.addStretch(1)

    def _toggle(self, sid: str, on: bool) -> None:
        self._checked[sid] = on
        self.show_compared()

    def selected(self) -> list[int]:
        if self.compared is None:
            return []
        return [i for i, sid in enumerate(self.compared.ids)
                if i == 0 or self._checked.get(sid, i < MAX_DEFAULT)]

    def show_compared(self) -> None:
        c = self.compared
        if c is None:
            return
        chosen = self.selected()
        results = [c.results[i] for i in chosen]
        names = [c.names[i] for i in chosen]
        summaries = [r.summary for r in results]
        cur = summaries[0]["currency"]
        n = len(chosen)
        if len(c.ids) == 1:
            self.status.setText("This plan has no scenarios yet. Create one with the Scenario box "
                                "on the toolbar (New scenario), then change values while it is "
                                "shown.")
        else:
            self.status.setText(f"{n} of {len(c.ids)} shown. Changes are against the baseline.")
        headers = ["Figure", names[0]]
        for name in names[1:]:
            headers += [name, "change"]
        self.table.clear()
        self.table.show()
        self.table.setColumnCount(len(headers))
        self.table.setRowCount(len(FIGURES))
        self.table.setHorizontalHeaderLabels(headers)
        for col, head in enumerate(headers):
            item = self.table.horizontalHeaderItem(col)
            if item is not None and col > 0:
                item.setToolTip("Change from the baseline" if head == "change" and col % 2 == 1
                                and col > 1 else f"The figures of {head}")
        theme = theme_for(self)
        bold = QFont(self.font())
        bold.setBold(True)
        for row, (label, get, kind, higher, key) in enumerate(FIGURES):
            name = "Headcount without AI (final month)" if key == "headcount_without_ai" \
                else label.strip()
            tip = figure_tip(key, name)
            first = QTableWidgetItem(label.strip() if not label.startswith(" ") else label)
            first.setToolTip(tooltip_html(tip.split("\n")))
            self.table.setItem(row, 0, first)
            base = get(summaries[0])
            base_text = ""
            col = 1
            for k, s in enumerate(summaries):
                v = get(s)
                text = (fmt.payback(v, s["cumulative_net_cash"]) if kind == "month"
                        else _text(v, kind, cur))
                item = QTableWidgetItem(text)
                item.setToolTip(tooltip_html([f"{names[k]}: {text}", *tip.split("\n")]))
                if k == 0:
                    base_text = text
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if k == 0:
                    item.setFont(bold)
                self.table.setItem(row, col, item)
                col += 1
                if k == 0:
                    continue
                d = _delta(v, base, kind, cur)
                ditem = QTableWidgetItem(d)
                ditem.setToolTip(tooltip_html(_delta_tip(name, names[k], text, base_text,
                                                         d).split("\n")))
                ditem.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if higher is not None and v is not None and base is not None and d not in ("=", ""):
                    better = (v > base) == higher
                    ditem.setForeground(QBrush(theme.saving if better else theme.cost))
                self.table.setItem(row, col, ditem)
                col += 1
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        scroll = self.table.horizontalScrollBar()
        extra = scroll.sizeHint().height() if hh.length() > self.table.viewport().width() else 0
        self.table.setFixedHeight(self.table.verticalHeader().length() + hh.height()
                                  + 2 * self.table.frameWidth() + 2 + extra)
        for i in range(len(names)):   # the header's colour names the series
            item = self.table.horizontalHeaderItem(1 if i == 0 else 2 * i)
            if item is not None:
                item.setForeground(QBrush(QColor(series_style(i, theme.dark)[0])))
        months = results[0].month_labels
        for chart in self.charts():
            chart.show_placeholder(None)
        self.headcount_chart.set_result(Lines(
            months, names, [r.series["_ic_all"] + r.series["_mgr_all"] for r in results],
            first_month=0))
        self.cash_chart.set_result(Lines(
            months, names, [np.cumsum(r.series["net_cash"]) for r in results], money=True,
            currency=cur))
        self.compute_chart.set_result(Lines(
            months, names, [r.series["compute_pnl"] for r in results], money=True, currency=cur))
