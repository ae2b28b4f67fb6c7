"""While results load, charts say so calmly (no empty axes with meaningless ticks); the
tornado has a key; the FTE bars of one chart share one number format."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "risk"))
from risk_plans import risky_data  # noqa: E402

from planner.ui.doc.document import PlanDocument  # noqa: E402


class HeldRunner:
    """Keeps submitted work until ``release()``: the page as it looks while results load."""

    def __init__(self):
        self.jobs = []

    def submit(self, fn, *args, on_done=None, on_error=None, on_progress=None,
               with_progress=False):
        class Task:
            def cancel(self):
                pass

        self.jobs.append((fn, args, on_done, on_progress, with_progress))
        return Task()

    def release(self):
        while self.jobs:
            fn, args, on_done, on_progress, with_progress = self.jobs.pop(0)
            if with_progress:
                on_progress(0.5, "drawing plans")
                on_done(fn(*args, progress=lambda *_: None, cancel=lambda: False))
            else:
                on_done(fn(*args))


@pytest.fixture
def doc(qtbot):
    return PlanDocument(risky_data())


def test_compare_shows_a_placeholder_not_empty_axes_until_the_scenarios_arrive(qtbot, doc):
    from planner.ui.risk.compare_page import ComparePage

    runner = HeldRunner()
    page = ComparePage(doc, runner=runner)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    assert runner.jobs
    for chart in page.charts():
        assert chart.showing_placeholder
        assert "Calculating" in chart.placeholder.text()
        assert not chart.legend_label.isVisibleTo(page)
    assert not page.table.isVisibleTo(page)           # no empty grid
    runner.release()
    assert page.table.isVisibleTo(page)
    for chart in page.charts():
        assert not chart.showing_placeholder
        assert chart.legend_label.isVisibleTo(page)


def test_risk_shows_placeholders_and_a_busy_bar_until_the_first_draws(qtbot, doc):
    from planner.ui.risk.risk_page import RiskPage

    runner = HeldRunner()
    page = RiskPage(doc, runner=runner)
    qtbot.addWidget(page)
    page.show()
    # before any run: no empty grids, no axes, no blank progress box
    assert not page.percentiles.isVisibleTo(page) and not page.bets.isVisibleTo(page)
    assert not page.progress.isVisibleTo(page)
    assert page.fan_chart.showing_placeholder and page.tornado_chart.showing_placeholder
    page.draws.setValue(300)
    page.run()
    assert page.progress.isVisibleTo(page) and page.progress.maximum() == 0   # busy, not blank
    assert page.fan_chart.placeholder.text() == "Drawing plans…"
    assert page.tornado_chart.showing_placeholder
    runner.release()
    assert not page.progress.isVisibleTo(page)
    assert page.percentiles.isVisibleTo(page) and page.bets.isVisibleTo(page)
    assert not page.fan_chart.showing_placeholder
    assert not page.tornado_chart.showing_placeholder
    # the tornado's two bar styles have a key
    key = page.tornado_chart.legend_label
    assert key.isVisibleTo(page)
    assert "low&nbsp;end" in key.text() and "high&nbsp;end" in key.text()


def test_fte_bars_of_one_chart_share_one_format(qtbot):
    from planner.ui.dashboard.bar_charts import TeamFteChart

    chart = TeamFteChart()
    qtbot.addWidget(chart)
    chart.set_bars(["Support", "Finance", "Legal", "Tiny"], np.array([12.2, 1.25, 0.071, 0.02]),
                   ["saving"] * 4, [""] * 4)
    labels = [chart._labels[i].textItem.toPlainText() for i in range(4)]
    assert labels == ["12.2", "1.2", "0.1", "<0.1"]    # one decimal each, not 0.071
