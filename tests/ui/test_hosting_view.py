"""API or self-host on the Compute page: the chart draws planner.hosting's own numbers (its
grid, each option's cost, the plan's volume, every crossover) and the words say its verdict."""

# ruff: noqa: F811 - the fixtures are imported from app_helpers

from __future__ import annotations

import html
import math

import numpy as np
import pytest
from app_helpers import make_window, window  # noqa: F401 - fixtures

from planner.hosting import analyse
from planner.ui.doc.edits import MISSING
from planner.ui.evidence.hosting_chart import tick_tokens


def open_hosting(w):
    w.show_page("Compute")
    w.compute_page.tabs.setCurrentIndex(1)
    return w.compute_page.hosting


def test_the_chart_draws_planner_hostings_numbers(window):
    view = open_hosting(window)
    report = analyse(window.doc.result)
    assert [view.selector.itemData(i) for i in range(view.selector.count())] == \
        [w.workload.model for w in report.workloads] == \
        ["open-70b", "small-api", "mid-api", "frontier-api"]     # self-hosted first
    assert view.selector.isVisible()
    for i, wr in enumerate(report.workloads):
        view.selector.setCurrentIndex(i)
        data = wr.to_json()
        apis, fleets = wr.shown()
        keys = [a.key for a in apis] + [f.key for f in fleets]
        options = {o["key"]: o for o in data["options"]}
        chart = view.chart
        assert len(chart.curves) == len(keys) and not chart.showing_placeholder
        for curve, key in zip(chart.curves, keys, strict=True):
            np.testing.assert_allclose(10 ** curve.xData, data["grid"], rtol=1e-12)
            np.testing.assert_allclose(10 ** curve.yData, options[key]["cost"], rtol=1e-9)
        assert 10 ** chart.plan_line.value() == pytest.approx(data["tokens"], rel=1e-12)
        grid = data["grid"]
        expected = sorted(x["cheaper_from"] for x in data["crossovers"]
                          if x["fleet"] in keys and x["api"] in keys and x["cheaper_from"] is not None
                          and grid[0] <= x["cheaper_from"] <= grid[-1])
        xs, _ = chart.marks.getData()
        assert sorted(10 ** np.asarray(xs)) == pytest.approx(expected, rel=1e-12)
        pair = next(x for x in data["crossovers"] if (x["fleet"], x["api"]) ==
                    (data["compared"]["fleet"], data["compared"]["api"]))
        assert chart.pays_line.isVisible() == (pair["cheaper_from"] is not None)
        if pair["cheaper_from"] is not None:
            assert 10 ** chart.pays_line.value() == pytest.approx(pair["cheaper_from"], rel=1e-12)
        assert html.escape(data["verdict"], quote=False) in view.words.text()


def test_the_words_give_busy_shares_and_crossovers(window):
    view = open_hosting(window)
    view.selector.setCurrentIndex(0)                          # open-70b on its owned H100s
    words = view.words.text()
    assert "At 673M tokens a month (month 36, 2029-12) the owned h100-owned fleet of open-70b " \
           "(2 GPUs) is busy 1.2% of the time and costs $1,554 a month" in words
    assert "open-70b on h100-owned: 2 GPUs busy 1.2% of the time, $1,554 a month" in words
    assert "<b>open-70b on h100-owned</b> is cheaper than small-api: from 3.8B" in words


def test_an_edit_redraws_the_chart_and_a_plan_without_tokens_teaches(window):
    w = window
    view = open_hosting(w)
    view.selector.setCurrentIndex(view.selector.findData("small-api"))

    def per_token() -> np.ndarray:      # the small-api line's cost per token, point by point
        curve = view.chart.curves[0]
        return 10 ** curve.yData / 10 ** curve.xData

    before = per_token()
    i = w.doc.ids("models")["small-api"]
    w.doc.set(("models", i, "input_per_mtok"), 0.5)
    w.recomputer.flush()
    assert view.selector.currentData() == "small-api"           # the choice stays
    after = per_token()
    assert after == pytest.approx(np.full_like(after, after[0])) and after[0] > before[0] * 1.3
    for j in reversed(range(len(w.doc.items("workflows")))):
        if isinstance(w.doc.items("workflows")[j].get("compute"), dict):
            w.doc.set(("workflows", j, "compute"), MISSING)
    w.recomputer.flush()
    assert view.chart.showing_placeholder
    assert "Give a workflow a model" in view.chart.placeholder.text()
    assert view.selector.isHidden()


def test_token_ticks_read_as_round_numbers():
    assert [tick_tokens(10 ** k) for k in (4, 6, 7, 9, 10)] == ["10k", "1M", "10M", "1B", "10B"]
    assert tick_tokens(2.5e9) == "2.5B" and math.isclose(10 ** math.log10(3e6), 3e6)
