"""Charts over the plan's months: headcount, monthly money, cumulative net cash."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QBrush, QColor

from planner import formatting as fmt

from .axes import CountAxis, MoneyAxis, MonthAxis
from .chart import ChartWidget, pen
from .kpis import NOTHING, month_name, nice_month, nothing_changes
from .theme import Theme

if TYPE_CHECKING:
    from planner.engine import Result


def _alpha(color: QColor, alpha: int) -> QColor:
    c = QColor(color)
    c.setAlpha(alpha)
    return c


def _blend(a: QColor, b: QColor, t: float) -> QColor:
    return QColor(round(a.red() + (b.red() - a.red()) * t),
                  round(a.green() + (b.green() - a.green()) * t),
                  round(a.blue() + (b.blue() - a.blue()) * t))


class TimeChart(ChartWidget):
    """A chart whose x axis is the month index (labels from ``Result.month_labels``)."""

    first_month = 1

    def __init__(self, parent=None, *, title: str = "", compact: bool = False,
                 left_axis: pg.AxisItem | None = None) -> None:
        self.month_axis = MonthAxis("bottom")
        self.result: Result | None = None
        super().__init__(parent, title=title, compact=compact,
                         axes={"bottom": self.month_axis, "left": left_axis or CountAxis("left")})

    def set_result(self, result) -> None:
        self.result = result
        super().set_result(result)

    def set_months(self, result: Result) -> None:
        self.result = result
        self.month_axis.set_months(result.month_labels)
        self.view.setXRange(self.first_month - 0.5 if self.first_month else 0,
                            result.horizon + 0.5, padding=0)

    def hover_month(self, x: float) -> int | None:
        if self.result is None:
            return None
        m = int(round(x))
        return m if self.first_month <= m <= self.result.horizon else None

    def hover_x(self, x: float) -> float | None:
        m = self.hover_month(x)
        return None if m is None else float(m)

    def money_months(self, result: Result, per: str) -> None:
        """The month axis of ``result`` and a left axis in the plan's currency (``per``:
        ``per month``, ``from month 1``)."""
        self.money_axis.currency = self.currency
        self.set_axis_label("left", f"{self.currency}{' ' if per.startswith('per') else ', '}{per}")
        self.set_months(result)

    def fit_y(self, values: np.ndarray, *, below: float, above: float) -> None:
        """A y range from 0 (or the lowest value) to the highest, with some room around."""
        lo = min(0.0, float(values.min(initial=0.0)))
        hi = max(0.0, float(values.max(initial=0.0)))
        span = (hi - lo) or 1.0
        self.view.setYRange(lo - span * below, hi + span * above, padding=0)

    def month_heading(self, m: int) -> str:
        assert self.result is not None
        if m == 0:
            return "<b>Today</b> (month 0)"
        nice = nice_month(self.result.month_labels[m - 1])
        return f"<b>{nice}</b> (month {m})" if nice != f"M{m}" else f"<b>Month {m}</b>"

    def money(self, x: float, **kw) -> str:
        return fmt.money(x, self.currency, **kw)


class HeadcountChart(TimeChart):
    """The plan's ICs and managers stacked over months 0..H, its total as a solid line, the
    same organisation without AI as a dashed line (hiring avoided shows as the gap when the
    work grows) and today's headcount as a dotted line."""

    default_name = "headcount"
    first_month = 0

    def __init__(self, parent=None, *, compact: bool = False) -> None:
        super().__init__(parent, title="Headcount: the plan and without AI", compact=compact)

    def _build(self) -> None:
        self.total_curve = pg.PlotDataItem(fillLevel=0, antialias=True)
        self.ic_curve = pg.PlotDataItem(fillLevel=0, antialias=True)
        self.without_ai_curve = pg.PlotDataItem(antialias=True)
        self.baseline = pg.InfiniteLine(angle=0, movable=False, label="",
                                        labelOpts={"position": 0.98, "anchors": [(1, 1), (1, 1)]})
        for item in (self.total_curve, self.ic_curve, self.without_ai_curve):
            self.item.addItem(item)
        self.item.addItem(self.baseline, ignoreBounds=True)
        self.set_axis_label("left", "People")
        self.set_legend([("solid", "people", "Plan"), ("area", "people", "ICs"),
                         ("area", "people_2", "Managers"), ("dash", "text", "Without AI"),
                         ("dot", "muted", "Today")])

    def _restyle(self, theme: Theme) -> None:
        self.ic_curve.setPen(pen(theme.people, width=1.0))
        self.ic_curve.setBrush(QBrush(_blend(theme.background, theme.people, 0.45)))
        self.total_curve.setPen(pen(theme.people, width=2.4))
        self.total_curve.setBrush(QBrush(_blend(theme.background, theme.people_2, 0.55)))
        self.without_ai_curve.setPen(pen(theme.text, width=2.0, style="dash"))
        self.baseline.setPen(pen(theme.muted, width=1.4, style="dot"))
        self.baseline.label.setColor(theme.muted)

    def _show(self, result: Result) -> None:
        s = result.series
        x = np.arange(result.horizon + 1, dtype=float)
        ic, mgr = s["_ic_all"], s["_mgr_all"]
        total = ic + mgr
        without = s["_hc_without_ai_all"]
        self.ic_curve.setData(x, ic)
        self.total_curve.setData(x, total)
        self.without_ai_curve.setData(x, without)
        self.baseline.setPos(float(total[0]))
        self.baseline.label.setFormat(f"today {fmt.smart(float(total[0]))}")
        self.set_months(result)
        top = max(float(total.max(initial=0.0)), float(without.max(initial=0.0)))
        self.view.setYRange(0, max(top * 1.12, 1.0), padding=0)

    def hover_text(self, x: float, y: float) -> str | None:
        m = self.hover_month(x)
        if m is None:
            return None
        s = self.result.series
        ic, mgr = float(s["_ic_all"][m]), float(s["_mgr_all"][m])
        without = float(s["_hc_without_ai_all"][m])
        today = float(s["_ic_all"][0] + s["_mgr_all"][0])
        plan = ic + mgr
        gap = without - plan
        lines = [self.month_heading(m), f"Plan: {fmt.smart(plan)} ({fmt.smart(ic)} ICs, "
                 f"{fmt.smart(mgr)} managers)", f"Without AI: {fmt.smart(without)}",
                 f"Today: {fmt.smart(today)}"]
        if gap > 1e-9:
            lines.append(f"{fmt.smart(gap)} fewer people than without AI"
                         + (f" ({fmt.smart(without - max(plan, today))} hires avoided)"
                            if without > today + 1e-9 else ""))
        return "<br>".join(lines)


NO_COMPUTE = ("No compute cost yet.\nChoose a model for a workflow (Workflows, Compute "
              "columns) or give a team AI seats (Teams).")
NOTHING_YET = ("Nothing is saved or spent yet.\nAdd a workflow with an AI effect (Workflows) "
               "to see the money here.")


def no_savings(result: Result) -> str:
    """Why a plan that spends or changes something saves no payroll (never "nothing yet")."""
    fte = float(np.max(result.series["fte_freed"], initial=0.0))
    if fte <= NOTHING:
        return ("No payroll saved: no workflow frees time yet.\nGive a workflow an AI effect "
                "(time saved and adoption, Workflows).")
    return (f"No payroll saved yet: AI frees up to {fmt.number(fte, 1)} FTE, but no team "
            "sheds a whole person\n(people are counted in whole numbers, and the headcount "
            "policy in Settings may keep freed time for new work).")


class MoneyChart(TimeChart):
    """Monthly payroll savings (a line) against compute cost by kind (stacked bars)."""

    default_name = "payroll-savings-vs-compute"
    with_savings = True
    chart_title = "Monthly payroll savings vs compute cost"

    def __init__(self, parent=None, *, compact: bool = False) -> None:
        self.money_axis = MoneyAxis("left")
        super().__init__(parent, title=self.chart_title, compact=compact,
                         left_axis=self.money_axis)

    def _build(self) -> None:
        zero = np.zeros(1)
        self.api_bars = pg.BarGraphItem(x=zero, height=zero, width=0.72)
        self.gpu_bars = pg.BarGraphItem(x=zero, height=zero, width=0.72)
        self.seat_bars = pg.BarGraphItem(x=zero, height=zero, width=0.72)
        self.savings_curve = pg.PlotDataItem(antialias=True)
        for item in (self.api_bars, self.gpu_bars, self.seat_bars, self.savings_curve):
            self.item.addItem(item)
        legend = [("bar", "cost", "API"), ("bar", "cost_2", "GPU"), ("bar", "cost_3", "AI seats")]
        if self.with_savings:
            legend.insert(0, ("solid", "saving", "Payroll savings"))
        else:
            self.savings_curve.hide()
        self.set_legend(legend)

    def _restyle(self, theme: Theme) -> None:
        no_pen = pg.mkPen(None)
        self.api_bars.setOpts(brush=QBrush(theme.cost), pen=no_pen)
        self.gpu_bars.setOpts(brush=QBrush(theme.cost_2), pen=no_pen)
        self.seat_bars.setOpts(brush=QBrush(theme.cost_3), pen=no_pen)
        self.savings_curve.setPen(pen(theme.saving, width=2.2))

    def _show(self, result: Result) -> None:
        s = result.series
        x = s["m"].astype(float)
        api = s["api_cost"]
        gpu = s["_rental"] + s["_energy_cost"] + s["depreciation"]
        seats = s["seat_cost"]
        self.api_bars.setOpts(x=x, y0=np.zeros_like(api), height=api)
        self.gpu_bars.setOpts(x=x, y0=api, height=gpu)
        self.seat_bars.setOpts(x=x, y0=api + gpu, height=seats)
        savings = s["payroll_savings"] if self.with_savings else np.zeros_like(api)
        costs = api + gpu + seats
        if not (np.abs(costs) > NOTHING).any() and not (np.abs(savings) > NOTHING).any():
            self.show_placeholder(NOTHING_YET if self.with_savings else NO_COMPUTE)
            return
        self.show_placeholder(None)
        self.savings_curve.setData(x, savings)
        self.money_months(result, "per month")
        lo = min(0.0, float(savings.min(initial=0.0)))
        hi = max(float(savings.max(initial=0.0)), float(costs.max(initial=0.0)))
        self.view.setYRange(lo * 1.08, hi * 1.08 if hi > 0 else 1.0, padding=0)

    def hover_text(self, x: float, y: float) -> str | None:
        m = self.hover_month(x)
        if m is None:
            return None
        s = self.result.series
        i = m - 1
        api = float(s["api_cost"][i])
        gpu = float(s["_rental"][i] + s["_energy_cost"][i] + s["depreciation"][i])
        seats = float(s["seat_cost"][i])
        lines = [self.month_heading(m)]
        if self.with_savings:
            lines.append(f"Payroll savings: {self.money(float(s['payroll_savings'][i]))}")
        lines.append(f"Compute: {self.money(api + gpu + seats)}")
        indent = "&nbsp;&nbsp;&nbsp;"
        lines += [f"{indent}API {self.money(api)}", f"{indent}GPU {self.money(gpu)}",
                  f"{indent}AI seats {self.money(seats)}"]
        return "<br>".join(lines)


class ComputeTimeChart(MoneyChart):
    """Monthly compute cost by kind (API, GPU, AI seats) on its own scale."""

    default_name = "compute-by-kind"
    with_savings = False
    chart_title = "Monthly compute cost by kind"


def _split_at_zero(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``x``, ``y`` with a point added wherever the line crosses zero (for clean fills)."""
    if y.size < 2:
        return x, y
    y0, y1 = y[:-1], y[1:]
    cross = np.flatnonzero((y0 < 0) & (y1 > 0) | (y0 > 0) & (y1 < 0))
    if cross.size == 0:
        return x, y
    xc = x[cross] + y0[cross] / (y0[cross] - y1[cross]) * (x[cross + 1] - x[cross])
    xs = np.insert(x, cross + 1, xc)
    ys = np.insert(y, cross + 1, 0.0)
    return xs, ys


class CashChart(TimeChart):
    """Cumulative net cash, green above zero and red below, with the payback month marked."""

    default_name = "cumulative-net-cash"

    def __init__(self, parent=None, *, compact: bool = False) -> None:
        self.money_axis = MoneyAxis("left")
        super().__init__(parent, title="Cumulative net cash", compact=compact,
                         left_axis=self.money_axis)

    def _build(self) -> None:
        self.gain_fill = pg.PlotDataItem(fillLevel=0, pen=None)
        self.loss_fill = pg.PlotDataItem(fillLevel=0, pen=None)
        self.cash_curve = pg.PlotDataItem(antialias=True)
        self.zero_line = pg.InfiniteLine(pos=0, angle=0, movable=False)
        self.payback_line = pg.InfiniteLine(
            angle=90, movable=False, label="",
            labelOpts={"position": 0.93, "anchors": [(0, 0.5), (0, 0.5)]})
        for item in (self.gain_fill, self.loss_fill, self.cash_curve):
            self.item.addItem(item)
        self.item.addItem(self.zero_line, ignoreBounds=True)
        self.item.addItem(self.payback_line, ignoreBounds=True)
        self.payback_month: int | None = None
        self.set_legend([("solid", "text", "Cumulative net cash"),
                         ("dot", "saving", "Payback month")])

    def _restyle(self, theme: Theme) -> None:
        self.cash_curve.setPen(pen(theme.text, width=2.0))
        self.gain_fill.setBrush(QBrush(_alpha(theme.saving, 70)))
        self.loss_fill.setBrush(QBrush(_alpha(theme.problem, 60)))
        self.zero_line.setPen(pen(theme.muted, width=1, style="dash"))
        self.payback_line.setPen(pen(theme.saving, width=1.6, style="dot"))
        self.payback_line.label.setColor(theme.saving)

    def _show(self, result: Result) -> None:
        s = result.series
        x = s["m"].astype(float)
        cum = np.cumsum(s["net_cash"])
        self.payback_month = None
        if nothing_changes(result):
            self.show_placeholder(NOTHING_YET)
            self.payback_line.hide()
            self.set_title("Cumulative net cash")
            return
        self.show_placeholder(None)
        self.cash_curve.setData(x, cum)
        xs, ys = _split_at_zero(x, cum)
        self.gain_fill.setData(xs, np.maximum(ys, 0.0))
        self.loss_fill.setData(xs, np.minimum(ys, 0.0))
        self.money_months(result, "from month 1")
        pb = result.payback_month
        self.payback_month = pb
        if pb is None:
            self.payback_line.hide()
            self.set_title(f"Cumulative net cash: no payback within {result.horizon} months")
        else:
            self.payback_line.setPos(float(pb))
            late = pb > result.horizon * 0.6
            self.payback_line.label.anchors = [(1, 0.5), (1, 0.5)] if late else [(0, 0.5), (0, 0.5)]
            self.payback_line.label.setFormat(f" payback: {month_name(result, pb)} ")
            self.payback_line.label.updatePosition()
            self.payback_line.show()
            self.set_title("Cumulative net cash")
        self.fit_y(cum, below=0.06, above=0.1)

    def hover_text(self, x: float, y: float) -> str | None:
        m = self.hover_month(x)
        if m is None:
            return None
        s = self.result.series
        cum = float(np.sum(s["net_cash"][:m]))
        return (f"{self.month_heading(m)}<br>Cumulative net cash: {self.money(cum, sign=True)}"
                f"<br>Net cash this month: {self.money(float(s['net_cash'][m - 1]), sign=True)}")


class SavingsSplitChart(TimeChart):
    """Monthly payroll savings against the organisation without AI, split into what the AI
    saves (today's spans) and what the change of structure saves (span changes)."""

    default_name = "payroll-savings-ai-vs-structure"

    def __init__(self, parent=None, *, compact: bool = False) -> None:
        self.money_axis = MoneyAxis("left")
        super().__init__(parent, title="Payroll savings: from AI and from structure",
                         compact=compact, left_axis=self.money_axis)

    def _build(self) -> None:
        self.total_curve = pg.PlotDataItem(antialias=True)
        self.ai_curve = pg.PlotDataItem(fillLevel=0, antialias=True)
        self.structure_curve = pg.PlotDataItem(antialias=True)
        self.zero_line = pg.InfiniteLine(pos=0, angle=0, movable=False)
        for item in (self.ai_curve, self.structure_curve, self.total_curve):
            self.item.addItem(item)
        self.item.addItem(self.zero_line, ignoreBounds=True)
        self.set_legend([("solid", "saving", "From AI"), ("dash", "saving", "From structure"),
                         ("dot", "text", "Total")])

    def _restyle(self, theme: Theme) -> None:
        self.ai_curve.setPen(pen(theme.saving, width=2.2))
        self.ai_curve.setBrush(QBrush(_alpha(theme.saving, 45)))
        self.structure_curve.setPen(pen(theme.saving, width=2.2, style="dash"))
        self.total_curve.setPen(pen(theme.text, width=1.6, style="dot"))
        self.zero_line.setPen(pen(theme.muted, width=1))

    def _show(self, result: Result) -> None:
        s = result.series
        x = s["m"].astype(float)
        ai, st = s["payroll_savings_ai"], s["payroll_savings_structure"]
        total = s["payroll_savings"]
        if not (np.abs(total) > NOTHING).any() and not (np.abs(ai) > NOTHING).any():
            self.show_placeholder(NOTHING_YET if nothing_changes(result) else no_savings(result))
            return
        self.show_placeholder(None)
        self.ai_curve.setData(x, ai)
        self.structure_curve.setData(x, st)
        self.total_curve.setData(x, total)
        self.money_months(result, "per month")
        self.fit_y(np.concatenate([ai, st, total]), below=0.05, above=0.08)

    def hover_text(self, x: float, y: float) -> str | None:
        m = self.hover_month(x)
        if m is None:
            return None
        s = self.result.series
        i = m - 1
        return "<br>".join([
            self.month_heading(m),
            f"Payroll savings: {self.money(float(s['payroll_savings'][i]))}",
            f"&nbsp;&nbsp;&nbsp;from AI {self.money(float(s['payroll_savings_ai'][i]))}",
            f"&nbsp;&nbsp;&nbsp;from structure "
            f"{self.money(float(s['payroll_savings_structure'][i]))}"])
