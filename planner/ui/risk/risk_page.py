"""Risk: what happens when the plan's bets fail (MODEL.md section 7), computed on a worker.

Monte Carlo percentiles and the fan of cumulative net cash (shown as the draws arrive), the
tornado of NPV swings, the four bets failing alone and together (with what "failing" means
editable beside them, each change one undo step) and break-even values in words.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner import formatting as fmt
from planner.risk.words import payback_odds

from ..dashboard.meaning import figure_tip, percentile_tip
from ..dashboard.theme import theme_for
from ..dashboard.tiles import tooltip_html
from ..widgets.common import heading, hint, scrolled
from ..workers import ThreadRunner, _Runner
from .charts import Fan, FanChart, Tornado, TornadoChart

BIG_PLAN_ITEMS = 2_000      # above this the Monte Carlo waits for Run
NOT_YET = "No results yet: they appear here when the plans are drawn (Run)."
DRAWING = "Drawing plans…"
# (key in the Monte Carlo and in meaning.FIGURES, label, kind, better when higher?)
METRIC_ROWS = (
    ("npv_net_cash", "NPV of net cash", "money", True),
    ("cumulative_net_cash", "Cumulative net cash", "money", True),
    ("headcount", "Headcount (final month)", "count", None),
    ("fte_freed", "FTE freed (final month)", "count", None),
    ("compute_per_month", "Compute per month (final)", "money", False),
    ("payback_month", "Payback month", "month", False),
)
# The bets table's figure columns: (heading, key in meaning.FIGURES)
BET_COLUMNS = (("NPV", "npv_net_cash"), ("Cumulative cash", "cumulative_net_cash"),
               ("Payback", "payback_month"), ("Headcount", "headcount"),
               ("Compute / payroll", "compute_to_payroll"))
AS_PLANNED = "As planned: the plan itself, every input at its planned value (no draw)"


@dataclass
class RiskRun:
    """What one run of the page computed (or the draws so far)."""

    scenario: str
    report: Any                 # planner.risk.RiskReport (None while partial)
    monte_carlo: Any            # planner.risk.MonteCarlo
    plan: Any                   # the engine Result of the plan (or scenario) analysed
    partial: bool = False


class _Relay(QObject):
    """Carries partial results from the worker thread to the page (a queued signal)."""

    partial = Signal(object)


def _analyse(data: Any, scenario: str | None, draws: int, seed: int, relay: _Relay, *,
             progress, cancel) -> RiskRun:
    from planner.engine import compute
    from planner.risk import analyse
    from planner.risk.compare import scenario_plan

    plan_result = compute(scenario_plan(data, scenario))
    _ = plan_result.summary

    def partial(mc: Any) -> None:
        relay.partial.emit(RiskRun(scenario or "baseline", None, mc, plan_result, partial=True))

    report = analyse(data, scenario=scenario, draws=draws, seed=seed, progress=progress,
                     cancel=cancel, partial=partial)
    return RiskRun(report.scenario, report, report.monte_carlo, plan_result)


def _cell(text: str, *, right: bool = True, bold: bool = False, tip: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if tip:
        item.setToolTip(tooltip_html(tip.split("\n")))
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if bold:
        f = item.font()
        f.setBold(True)
        item.setFont(f)
    return item


def _fixed_height(table: QTableWidget) -> None:
    table.setFixedHeight(table.verticalHeader().length() + table.horizontalHeader().height()
                         + 2 * table.frameWidth() + 2)


class RiskPage(QWidget):
    """The Risk page. ``run()`` starts an analysis; ``cancel()`` stops it."""

    message = Signal(str)
    finished = Signal(object)     # RiskRun

    def __init__(self, doc: Any, parent: QWidget | None = None, *,
                 runner: _Runner | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.runner = runner or ThreadRunner()
        self.task = None
        self.last: RiskRun | None = None
        self._ran_for: tuple = (object(), None)    # (plan data, scenario) of the last run
        self._relay = _Relay(self)
        self._relay.partial.connect(self._partial)
        self._auto = QTimer(self)
        self._auto.setSingleShot(True)
        self._auto.setInterval(400)
        self._auto.timeout.connect(self._auto_run)

        self.title = heading("Risk: what if the bets fail?", self)
        self.lead = hint(
            "The plan is a bet on four assumptions: the work keeps growing, usage prices hold "
            "or fall, AI saves the time planned and serving AI gets cheaper. Give uncertain "
            "inputs a range (right-click a cell, Set range...) to see the spread of outcomes; "
            "the four bets below fail whether or not you set ranges.", self)
        self.scenario_label = QLabel(self)
        self.draws = QSpinBox(self)
        self.draws.setRange(100, 200_000)
        self.draws.setSingleStep(1000)
        self.draws.setValue(10_000)
        self.draws.setGroupSeparatorShown(True)
        self.draws.setToolTip("How many plans to draw from the ranges (more is smoother, slower)")
        self.seed = QSpinBox(self)
        self.seed.setRange(0, 2_000_000_000)
        self.seed.setValue(1)
        self.seed.setToolTip("The same seed gives the same draws, so results can be repeated")
        self.run_button = QPushButton("Run", self)
        self.run_button.setDefault(True)
        self.run_button.clicked.connect(self.run)
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.setMaximumWidth(220)
        self.progress.hide()                    # shown while a run draws plans
        self.status = hint("", self)
        controls = QHBoxLayout()
        controls.addWidget(self.scenario_label)
        controls.addSpacing(16)
        controls.addWidget(QLabel("Draws:", self))
        controls.addWidget(self.draws)
        controls.addWidget(QLabel("Seed:", self))
        controls.addWidget(self.seed)
        controls.addWidget(self.run_button)
        controls.addWidget(self.cancel_button)
        controls.addWidget(self.progress)
        controls.addStretch(1)

        self.probability = QLabel(self)
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 1.35)
        big.setBold(True)
        self.probability.setFont(big)
        self.percentiles = QTableWidget(len(METRIC_ROWS), 5, self)
        self.percentiles.setHorizontalHeaderLabels(["", "P10", "P50", "P90", "As planned"])
        for col, tip in enumerate((
                percentile_tip("p10", higher_is_better=None) + " (for NPV and cash: worse)",
                percentile_tip("p50", higher_is_better=None),
                percentile_tip("p90", higher_is_better=None) + " (for NPV and cash: better)",
                AS_PLANNED), start=1):
            self.percentiles.horizontalHeaderItem(col).setToolTip(tip)
        self._table_style(self.percentiles)
        self.fan_chart = FanChart(self)
        self.tornado_chart = TornadoChart(self)
        for chart in (self.fan_chart, self.tornado_chart):
            chart.setMinimumHeight(260)
            chart.show_placeholder(NOT_YET)     # no empty axes until the first draws
        self.percentiles.hide()                 # nor an empty grid
        self.bets = QTableWidget(0, 6, self)
        self.bets.setHorizontalHeaderLabels(["When the bet fails"] + [h for h, _ in BET_COLUMNS])
        for col, (head, key) in enumerate(BET_COLUMNS, start=1):
            self.bets.horizontalHeaderItem(col).setToolTip(
                tooltip_html(figure_tip(key, head).split("\n")))
        self._table_style(self.bets)
        self.bets.hide()
        self.stress_form = QFormLayout()
        self.stress_edits: dict[str, QLineEdit] = {}
        self._build_stress()
        self.break_even = QLabel(self)
        self.break_even.setWordWrap(True)
        self.break_even.setTextFormat(Qt.TextFormat.RichText)

        body = QWidget(self)
        v = QVBoxLayout(body)
        v.setContentsMargins(12, 10, 12, 10)
        v.addWidget(self.title)
        v.addWidget(self.lead)
        v.addLayout(controls)
        v.addWidget(self.status)
        from .ranges_list import RangesList

        self.ranges_list = RangesList(doc, self)
        self.ranges_list.message.connect(self.message)
        v.addWidget(heading("Uncertain inputs (ranges)", self, size=1.05))
        v.addWidget(hint("Right-click a value on any page and choose Set range... to add one.",
                         self))
        v.addWidget(self.ranges_list)
        v.addWidget(heading("Monte Carlo", self, size=1.05))
        v.addWidget(self.probability)
        v.addWidget(self.percentiles)
        charts = QGridLayout()
        charts.addWidget(self.fan_chart, 0, 0)
        charts.addWidget(self.tornado_chart, 0, 1)
        v.addLayout(charts)
        v.addWidget(heading("The four bets", self, size=1.05))
        v.addWidget(self.bets)
        # under the table, each value with what it means beside it (a column beside the
        # table wrapped those words into a narrow stack)
        v.addWidget(hint("What failing means (edit to stress harder or softer):", self))
        stress_row = QHBoxLayout()
        stress_row.addLayout(self.stress_form)
        stress_row.addStretch(1)
        v.addLayout(stress_row)
        v.addWidget(heading("Break-even", self, size=1.05))
        v.addWidget(self.break_even)
        v.addStretch(1)
        scrolled(self, body)

        doc.changed.connect(self._plan_changed)
        doc.problemsChanged.connect(self._plan_changed)
        if hasattr(doc, "scenarioChanged"):
            doc.scenarioChanged.connect(self._plan_changed)
        self._show_scenario()

    # ----- building -------------------------------------------------------------------
    def _table_style(self, table: QTableWidget) -> None:
        from PySide6.QtWidgets import QAbstractScrollArea, QSizePolicy

        table.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        table.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        table.verticalHeader().hide()
        table.setAlternatingRowColors(True)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def _build_stress(self) -> None:
        from planner.plan import fields as F
        from planner.risk.words import STRESS_LABELS

        self.stress_readings: dict[str, QLabel] = {}
        for spec in F.of("stress"):
            if spec.key == "note":
                continue
            edit = QLineEdit(self)
            edit.setMaximumWidth(70)
            edit.setToolTip(f"{spec.meaning}\nAllowed: {spec.describe_range()}.\n"
                            f"Default: {spec.describe_default()}.")
            edit.editingFinished.connect(lambda s=spec, e=edit: self._stress_edited(s, e))
            reading = hint("", self)       # what the value means, in words
            reading.setWordWrap(False)
            row = QHBoxLayout()
            row.addWidget(edit)
            row.addWidget(reading, 1)
            self.stress_form.addRow(STRESS_LABELS.get(spec.key, spec.label) + ":", row)
            self.stress_edits[spec.key] = edit
            self.stress_readings[spec.key] = reading
        self._show_stress()

    def _stress_values(self) -> dict[str, float]:
        from planner.risk.report import stress_values

        data = self.doc.data if isinstance(self.doc.data, dict) else {}
        try:
            return stress_values(data)
        except (TypeError, ValueError):
            return stress_values({})

    def _show_stress(self) -> None:
        from planner.plan import fields as F
        from planner.risk.words import stress_reading

        values = self._stress_values()
        for key, edit in self.stress_edits.items():
            spec = F.spec("stress", key)
            v = values[key]
            edit.setText(f"{v * 100:g}%" if spec.show == "percent" else f"{v:g}")
            self.stress_readings[key].setText(stress_reading(key, v))

    def _stress_edited(self, spec: Any, edit: QLineEdit) -> None:
        text = edit.text().strip()
        try:
            value = _parse_share(text)
            if not spec.accepts(value):
                raise ValueError(f"{spec.label}: must be {spec.describe_range()}, got {text}")
        except ValueError as exc:
            self.message.emit(str(exc))
            self._show_stress()
            return
        current = self._stress_values()[spec.key]
        if abs(current - value) < 1e-12:
            return
        text = f"Edit what failing means: {spec.label.lower()}"
        if isinstance(self.doc.get(("stress",)), dict):
            self.doc.set(("stress", spec.key), value, text)
        else:
            self.doc.set(("stress",), {spec.key: value}, text)

    # ----- running ----------------------------------------------------------------------
    def _plan_changed(self, *_: Any) -> None:
        self._show_scenario()
        self._show_stress()
        if self.last is not None and self._stale():
            self.status.setText("The plan or the scenario changed since these results: they update in "
                                "a moment" if self._small() else
                                "The plan or the scenario changed since these results: Run to "
                                "update them.")
        if self.isVisible() and self._small():
            self._auto.start()

    def _stale(self) -> bool:
        """True when the results shown are not those of the plan and scenario shown now."""
        data, scenario = self._ran_for
        return data is not self.doc.data or scenario != self.scenario()

    def _small(self) -> bool:
        data = self.doc.data if isinstance(self.doc.data, dict) else {}
        n = sum(len(data.get(k) or []) for k in ("teams", "workflows"))
        return n <= BIG_PLAN_ITEMS

    def showEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().showEvent(event)
        self._show_scenario()
        if self._stale() and self._small():
            self._auto.start(0)

    def _auto_run(self) -> None:
        if self.task is None and self._stale():
            self.run()

    def scenario(self) -> str | None:
        sid = getattr(self.doc, "scenario", None)
        return None if sid in (None, "baseline") else sid

    def _show_scenario(self) -> None:
        sid = self.scenario()
        name = "Baseline"
        if sid:
            for sc in (self.doc.data.get("scenarios") or []) if isinstance(self.doc.data,
                                                                            dict) else []:
                if isinstance(sc, dict) and sc.get("id") == sid:
                    name = sc.get("name") or sid
        self.scenario_label.setText(f"Analysing: <b>{name}</b>")

    def run(self) -> None:
        """Start an analysis of the plan (or the scenario shown) on the worker."""
        if self.task is not None:
            self.cancel()
        if getattr(self.doc, "error_count", 0):
            self.status.setText(f"The plan has {self.doc.error_count} problem(s): fix them to "
                                "analyse its risk (see Problems).")
            return
        data = self.doc.data
        self._ran_for = (data, self.scenario())
        self.progress.setRange(0, 0)            # busy until the first progress report
        self.progress.show()
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.status.setText("Drawing plans…")
        if self.last is None:
            for chart in (self.fan_chart, self.tornado_chart):
                chart.show_placeholder(DRAWING)
        self.task = self.runner.submit(
            _analyse, data, self.scenario(), self.draws.value(), self.seed.value(), self._relay,
            with_progress=True, on_progress=self._progress, on_done=self._done,
            on_error=self._failed)

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _progress(self, fraction: float, text: str) -> None:
        self.progress.setRange(0, 1000)
        self.progress.setValue(int(fraction * 1000))
        self.status.setText(text[:1].upper() + text[1:] + "…")

    def _end(self) -> None:
        self.task = None
        self.progress.setRange(0, 1000)
        self.progress.hide()
        for chart in (self.fan_chart, self.tornado_chart):
            if chart.showing_placeholder and chart.placeholder.text() == DRAWING:
                chart.show_placeholder(NOT_YET)     # cancelled or failed before any result
        self.run_button.setEnabled(True)
        self.cancel_button.setEnabled(False)

    def _done(self, run: RiskRun) -> None:
        self._end()
        self.progress.setValue(1000)
        self.last = run
        self.show_run(run)
        mc = run.monte_carlo
        ranges = run.report.ranges
        self.status.setText(f"{mc.draws:,} draws (seed {mc.seed}) over {ranges} ranged input"
                            f"{'s' if ranges != 1 else ''}. "
                            + ("" if ranges else "No ranges yet: every draw is the plan itself."))
        self.finished.emit(run)

    def _failed(self, exc: BaseException) -> None:
        from planner.risk import Cancelled

        self._end()
        if isinstance(exc, Cancelled):
            self.status.setText("Cancelled. The results shown are from the draws done so far."
                                if self.last is None or self.last.partial else
                                "Cancelled. The last complete results stay.")
            self._ran_for = (object(), None)
            return
        self.status.setText(f"Could not analyse the plan: {exc}")

    def _partial(self, run: RiskRun) -> None:
        if self.task is None:
            return
        self.show_monte_carlo(run)

    # ----- showing ----------------------------------------------------------------------
    def show_run(self, run: RiskRun) -> None:
        self.show_monte_carlo(run)
        report = run.report
        cur = run.plan.summary["currency"]
        self._show_tornado(report.tornado, run.plan.summary["npv_net_cash"], cur)
        self._show_bets(report, cur)
        from planner.risk.words import break_even_sentences

        self.break_even.setText("<br>".join("• " + s for s in break_even_sentences(
            report.break_even)))

    def show_monte_carlo(self, run: RiskRun) -> None:
        mc = run.monte_carlo
        plan = run.plan.summary
        cur = plan["currency"]
        pct = mc.percentiles()
        planned = {"npv_net_cash": plan["npv_net_cash"],
                   "cumulative_net_cash": plan["cumulative_net_cash"],
                   "headcount": plan["final"]["headcount"],
                   "fte_freed": plan["final"]["fte_freed"],
                   "compute_per_month": plan["final"]["compute_per_month"],
                   "payback_month": plan["payback_month"]}
        for row, (key, label, kind, higher) in enumerate(METRIC_ROWS):
            tip = figure_tip(key, label)
            self.percentiles.setItem(row, 0, _cell(label, right=False, tip=tip))
            for col, q in enumerate(("p10", "p50", "p90"), start=1):
                text = _text(pct[key][q], kind, cur, never=key == "payback_month")
                self.percentiles.setItem(row, col, _cell(text, tip=(
                    f"{label}: {text}\n{percentile_tip(q, higher_is_better=higher)}\n\n{tip}")))
            text = _text(planned[key], kind, cur, never=key == "payback_month")
            if key == "payback_month":          # as the tiles say it: "month 8, then below 0"
                text = fmt.payback(planned[key], plan["cumulative_net_cash"])
            self.percentiles.setItem(row, 4, _cell(text, bold=True, tip=(
                f"{label}: {text}\n{AS_PLANNED}\n\n{tip}")))
        _fixed_height(self.percentiles)
        self.percentiles.show()
        done = f"{mc.done:,} of {mc.draws:,} draws" if run.partial else f"{mc.draws:,} draws"
        horizon = run.plan.horizon
        self.probability.setText(payback_odds(mc.payback_probability, mc.below_again_probability,
                                              horizon, done))
        fan = mc.fan()
        if fan:
            self.fan_chart.show_placeholder(None)
            self.fan_chart.set_result(Fan(
                run.plan.month_labels, np.array([r["p10"] for r in fan]),
                np.array([r["p50"] for r in fan]), np.array([r["p90"] for r in fan]),
                np.cumsum(run.plan.series["net_cash"]), cur, mc.done))

    def _show_tornado(self, rows: list[dict], base: float, cur: str) -> None:
        if not rows:
            self.tornado_chart.show_placeholder(
                "No ranges yet. Right-click an uncertain value (time saved, adoption, a price) "
                "and choose Set range... to see which inputs move the NPV most.")
            return
        self.tornado_chart.show_placeholder(None)
        from planner.risk.words import path_words, range_words

        labels, ends = [], []
        for r in rows:
            labels.append(path_words(r["path"]))
            ends.append(f"{range_words(r['path'], r['low'], r['high'], scale=r.get('scale'))}"
                        f"<br><small>{r['path']}</small>")
        self.tornado_chart.set_result(Tornado(labels, [r["value_low"] for r in rows],
                                              [r["value_high"] for r in rows], base, cur, ends))

    def _show_bets(self, report: Any, cur: str) -> None:
        from planner.risk.words import BET_BETS, bet_label

        theme = theme_for(self)
        self.bets.setRowCount(len(report.bets))
        plan_npv = report.bets[0]["npv_net_cash"]
        for row, b in enumerate(report.bets):
            label = bet_label(b["bet"], report.stress)
            item = _cell(label, right=False, bold=b["bet"] in ("plan", "all"))
            item.setToolTip(f"The bet: {BET_BETS[b['bet']]}" if b["bet"] in BET_BETS else
                            "Every input as planned" if b["bet"] == "plan" else
                            "All four bets fail at once")
            self.bets.setItem(row, 0, item)
            npv = _cell(fmt.money(b["npv_net_cash"], cur, short=True))
            if row and b["npv_net_cash"] < plan_npv - 1e-6:
                npv.setForeground(QBrush(theme.cost if b["npv_net_cash"] >= 0 else theme.problem))
            self.bets.setItem(row, 1, npv)
            self.bets.setItem(row, 2, _cell(fmt.money(b["cumulative_net_cash"], cur, short=True)))
            self.bets.setItem(row, 3, _cell(fmt.payback(b["payback_month"],
                                                        b["cumulative_net_cash"])))
            self.bets.setItem(row, 4, _cell(fmt.smart(b["headcount"])))
            self.bets.setItem(row, 5, _cell(fmt.percent(b["compute_to_payroll"], 1)))
            for col, (head, key) in enumerate(BET_COLUMNS, start=1):
                cell = self.bets.item(row, col)
                cell.setToolTip(tooltip_html(
                    [f"{label}: {head} {cell.text()}", "", *figure_tip(key, head).split("\n")]))
        _fixed_height(self.bets)
        self.bets.show()


def _text(v: Any, kind: str, cur: str, *, never: bool = False) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "never" if never else "–"
    if kind == "money":
        return fmt.money(v, cur, short=True)
    if kind == "month":
        return f"month {v:.0f}" if abs(v - round(v)) < 1e-9 else f"month {v:.1f}"
    return fmt.smart(v) if abs(v) >= 100 else fmt.number(v, 1)


def _parse_share(text: str) -> float:
    """``35%`` -> 0.35, ``-10 %`` -> -0.1, ``0.5`` -> 0.5 (a bare number <= 1 is a share),
    ``35`` -> 0.35."""
    t = text.replace(" ", "").replace(",", ".")
    if not t:
        raise ValueError("type a value, for example 50% or -10%")
    percent = t.endswith("%")
    try:
        v = float(t.rstrip("%"))
    except ValueError:
        raise ValueError(f'"{text}" is not a number') from None
    if not math.isfinite(v):
        raise ValueError("must be a finite number")
    return v / 100 if percent or abs(v) > 1 else v
