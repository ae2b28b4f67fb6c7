"""The results dashboard shows the engine's figures, explains them and survives odd plans."""

from __future__ import annotations

import copy

import numpy as np
import pytest
from helpers import tiny_plan

from planner.engine import compute
from planner.model import parse_plan

pytest.importorskip("pytestqt")

from PySide6.QtGui import QColor, QImage, QPalette  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from planner.ui.dashboard import KPI_KEYS, OverviewPage, ResultsPanel  # noqa: E402


@pytest.fixture
def result(northwind):
    return compute(northwind)


@pytest.fixture(params=[ResultsPanel, OverviewPage], ids=["panel", "overview"])
def view(request, qtbot):
    widget = request.param()
    qtbot.addWidget(widget)
    widget.resize(380, 860) if request.param is ResultsPanel else widget.resize(1100, 800)
    return widget


def _plan(data: dict):
    return parse_plan(data)


def _no_workflows(northwind_data: dict):
    data = copy.deepcopy(northwind_data)
    data["workflows"] = []
    data["settings"]["target_span"] = None     # no restructure either: nothing pays back
    return compute(_plan(data))


# ----- tiles ------------------------------------------------------------------------------
def test_tiles_show_the_engines_figures(view, result):
    view.set_result(result, "USD")
    s = result.summary
    b, f = s["baseline"], s["final"]
    assert not view.is_empty
    assert view.tile("headcount").value_text() == "430 → 398"
    assert b["headcount"] == 430 and f["headcount"] == 398
    # compression = without AI / plan (no growth in Northwind: without AI is today's 430)
    assert view.tile("compression").value_text() == f"{s['compression_ratio']:.2f}x" == "1.08x"
    assert view.tile("compression").detail_text() == "430 without AI ÷ 398"
    assert view.tile("layers").value_text() == "3 → 3"   # the depth of the team tree
    assert view.tile("layers").detail_text() == \
        f"needed {b['layers_needed']} → {f['layers_needed']}" == "needed 3 → 3"
    # span of control = direct reports per manager (N + K - 1) / K
    assert view.tile("span").value_text() == f"{b['avg_span']:.1f} → {f['avg_span']:.1f}" \
        == "7.5 → 8.3"
    assert view.tile("span").detail_text() == "ICs per manager 6.5 → 7.3"
    assert view.tile("fte_freed").value_text() == f"{f['fte_freed']:.1f}" == "34.7"
    assert view.tile("payroll_savings").value_text() == "$4.6M / yr"
    assert view.tile("payroll_savings").detail_text() == "AI $2.9M · structure $1.7M"
    assert view.tile("compute").value_text() == "$332k / yr"      # 27,682 a month x 12
    assert view.tile("net").value_text() == "+$10.1M"
    assert view.tile("net").kpi.title == "3-year net cash"
    assert s["cumulative_net_cash"] == pytest.approx(10_131_250)
    assert view.tile("npv").value_text() == "+$10.1M"        # discount rate 0: = net cash
    assert view.tile("payback").value_text() == "month 7"
    assert view.tile("payback").detail_text() == "Jul 2027"


def test_every_tooltip_gives_formula_inputs_and_source(view, result):
    view.set_result(result, "USD")
    tips = {key: view.tile(key).toolTip() for key in KPI_KEYS}
    assert all("=" in tip and "Inputs:" in tip for tip in tips.values()), tips
    assert ("Compression ratio = headcount without AI / headcount of the plan in month 36 = "
            "430 / 398 = 1.08x" in tips["compression"])
    assert "FTE freed = hours saved per month / (hours per FTE year / 12)" in tips["fte_freed"]
    assert "5,082.3 / (1,760 / 12) = 34.7 FTE" in tips["fte_freed"]
    assert "× (time saved − review overhead)" in tips["fte_freed"]
    assert "Today: 373 ICs + 57 managers = 430" in tips["headcount"]
    assert "Without AI in month 36 (Dec 2029): 430" in tips["headcount"]
    assert "direct reports per manager = (ICs + managers − 1) / managers" in tips["span"]
    assert "Today: (373 + 57 − 1) / 57 = 7.53" in tips["span"]
    assert "depth of the team tree" in tips["layers"]
    assert "ceil(ln 373 ICs / ln span 7.53) = ceil(2.93) = 3" in tips["layers"]
    assert "($5,113,333 − $4,730,250) × 12 = $4,597,000" in tips["payroll_savings"]
    assert "From AI = " in tips["payroll_savings"] and "= $2,872,000" in tips["payroll_savings"]
    assert "From structure = " in tips["payroll_savings"]
    assert "$27,682 × 12 = $332,190" in tips["compute"]
    assert "Month 6: -$169,571" in tips["payback"] and "Month 7: +$26,193" in tips["payback"]
    assert "discount rate of 0% a year" in tips["npv"]


def test_npv_discounts_the_net_cash_at_the_plans_rate(view, northwind_data):
    northwind_data["settings"]["discount_rate_per_year"] = 0.1
    result = compute(_plan(northwind_data))
    view.set_result(result, "USD")
    npv = result.summary["npv_net_cash"]
    assert npv < result.summary["cumulative_net_cash"]
    from planner import formatting as fmt

    assert view.tile("npv").value_text() == fmt.money(npv, "USD", short=True, sign=True)
    assert view.tile("npv").detail_text() == "net cash at 10% a year"
    assert f"= {fmt.money(npv, 'USD', sign=True)} at a discount rate of 10% a year" in \
        view.tile("npv").toolTip()


def test_tiles_colour_savings_green_and_costs_amber(view, result):
    view.set_result(result, "USD")
    theme = view.tile("compute")._theme
    colour = lambda key: view.tile(key).value_label.palette().color(  # noqa: E731
        QPalette.ColorRole.WindowText)
    assert colour("payroll_savings") == theme.saving
    assert colour("compute") == theme.cost
    assert colour("headcount") == theme.text


def test_currency_symbol_follows_the_plan(view, result):
    view.set_result(result, "EUR")
    assert view.tile("payroll_savings").value_text() == "€4.6M / yr"
    assert "€27,682" in view.tile("compute").toolTip()


# ----- charts -----------------------------------------------------------------------------
def test_charts_plot_the_engines_series(view, result):
    view.set_result(result, "USD")
    s = result.series
    x, y = view.cash_chart.cash_curve.getData()
    assert np.allclose(y, np.cumsum(s["net_cash"]))
    assert np.array_equal(x, np.arange(1, 37))
    assert view.cash_chart.payback_month == 7
    assert view.cash_chart.payback_line.value() == 7
    assert view.cash_chart.payback_line.isVisible()
    assert "month 7 (Jul 2027)" in view.cash_chart.payback_line.label.format

    _, ic = view.headcount_chart.ic_curve.getData()
    _, total = view.headcount_chart.total_curve.getData()
    assert np.array_equal(ic, s["_ic_all"]) and total[0] == 430 and total[-1] == 398

    _, savings = view.money_chart.savings_curve.getData()
    assert np.allclose(savings, s["payroll_savings"])
    assert np.allclose(view.money_chart.api_bars.opts["height"], s["api_cost"])
    gpu = s["_rental"] + s["_energy_cost"] + s["depreciation"]
    assert np.allclose(view.money_chart.gpu_bars.opts["height"], gpu)
    assert np.allclose(view.money_chart.seat_bars.opts["y0"], s["api_cost"] + gpu)

    teams = view.team_chart
    assert teams.full_names[0] == "Customer Support"
    assert list(teams.values) == sorted(teams.values, reverse=True)
    by_name = {r["name"]: r["fte_freed"] for r in result.team_records}
    assert all(by_name[n] == pytest.approx(v) for n, v in zip(teams.full_names, teams.values))

    models = view.model_chart
    assert models.full_names[0] == "frontier-api"
    assert models.values.sum() == pytest.approx(
        s["api_cost"][-1] + gpu[-1])


def test_hover_names_the_month_and_values(view, result):
    view.set_result(result, "USD")
    text = view.cash_chart.hover_text(7.2, 0)
    assert "Jul 2027" in text and "+$26,193" in text
    text = view.money_chart.hover_text(36, 0)
    assert "Dec 2029" in text and "Payroll savings: $383,083" in text
    assert view.money_chart.hover_x(12.4) == 12
    text = view.team_chart.hover_text(15.0, 0.1)
    assert "Customer Support" in text and "15.4" in text
    assert view.team_chart.hover_text(0, 40) is None


def test_month_axis_labels_never_crowd(view, result):
    view.set_result(result, "USD")
    axis = view.money_chart.month_axis
    ticks = axis.tickValues(0.5, 36.5, 300)[0][1]
    labels = axis.tickStrings(ticks, 1, 1)
    assert labels[0] == "Jan 2027"
    assert len(ticks) <= 4           # 300 px: a label a year at most
    wide = axis.tickValues(0.5, 36.5, 1200)[0][1]
    assert len(wide) > len(ticks)


def test_save_png_writes_a_picture(view, result, tmp_path):
    view.set_result(result, "USD")
    for chart in view.charts:
        path = tmp_path / f"{chart.default_name}.png"
        assert chart.save_png(path)
        image = QImage(str(path))
        assert not image.isNull() and image.width() > 100 and image.height() > 100
        colours = {image.pixel(x, y) for x in range(0, image.width(), 7)
                   for y in range(0, image.height(), 7)}
        assert len(colours) > 5, chart.default_name


def test_chart_menu_offers_png_only(qtbot, result):
    panel = ResultsPanel()
    qtbot.addWidget(panel)
    panel.set_result(result, "USD")
    chart = panel.cash_chart
    assert not chart.item.menuEnabled()      # pyqtgraph's own menu (with SVG export) is off
    assert [a.text() for a in chart.build_menu().actions()] == ["Save chart as PNG..."]


# ----- states -----------------------------------------------------------------------------
def test_no_result_shows_an_empty_state_that_teaches(view, result):
    view.set_result(None, "USD")
    assert view.is_empty
    assert "Add a team and a workflow to see results" in view.empty_title.text()
    view.set_result(result, "USD")
    assert not view.is_empty
    view.set_result(None, "USD")
    assert view.is_empty


def test_stale_dims_and_says_why(view, result):
    view.show()
    view.set_result(result, "USD")
    message = "teams[2].roles[0].headcount: must be >= 0, got -4"
    view.set_stale(True, message)
    assert view.is_stale and view.stale_message == message
    assert view.banner.isVisible() and message in view.banner.text()
    assert "last valid plan" in view.banner.text()
    tile = view.tile("payroll_savings")
    assert tile.value_label.palette().color(QPalette.ColorRole.WindowText) == tile._theme.muted
    assert all(chart.item.opacity() < 1 for chart in view.charts)
    assert view.tile("payback").value_text() == "month 7"   # figures of the last valid plan stay
    view.set_stale(False)
    assert not view.banner.isVisible()
    assert tile.value_label.palette().color(QPalette.ColorRole.WindowText) == tile._theme.saving
    assert all(chart.item.opacity() == 1 for chart in view.charts)


def test_plan_without_workflows_shows_dashes_not_errors(view, northwind_data):
    result = _no_workflows(northwind_data)
    view.set_result(result, "USD")
    assert view.tile("fte_freed").value_text() == "0.0"
    assert view.tile("payback").value_text() == "–"
    assert view.tile("payback").detail_text() == "not within 36 months"
    assert view.tile("compression").value_text() == "1.00x"
    assert not view.cash_chart.payback_line.isVisible()
    assert view.team_chart.showing_placeholder
    assert "Add a workflow" in view.team_chart.placeholder.text()
    for chart in view.charts:
        chart.hover_text(3, 0)


def test_plan_with_no_compute_and_no_people_change(view):
    data = tiny_plan()
    data["workflows"] = []
    result = compute(parse_plan(data))
    view.set_result(result, "GBP")
    assert view.tile("compute").value_text() == "£0 / yr"
    assert view.tile("net").value_text() == "£0"
    assert view.model_chart.showing_placeholder
    assert view.tile("layers").value_text() == "1 → 1"   # one team: one layer
    # nothing is saved or spent: no "paid back in month 1" that would read as a win
    assert view.tile("payback").value_text() == "–"
    assert view.tile("payback").detail_text() == "nothing changes yet"
    assert view.tile("net").kpi.title == "1-year net cash"


def test_horizon_names_the_net_tile(view):
    result = compute(parse_plan(tiny_plan(horizon_months=18)))
    view.set_result(result, "USD")
    assert view.tile("net").kpi.title == "18-month net cash"
    assert "Net cash over 18 months" in view.tile("net").toolTip()


def test_many_teams_fold_into_one_bar(view):
    data = tiny_plan()
    team = data["teams"][0]
    data["teams"] = [dict(team, id=f"t{i}", name=f"Team {i}") for i in range(40)]
    data["workflows"] = [dict(data["workflows"][0], id=f"w{i}", team=f"t{i}",
                              volume_per_month=100 + i * 10) for i in range(40)]
    result = compute(parse_plan(data))
    view.set_result(result, "USD")
    chart = view.team_chart
    assert len(chart.values) == chart.max_bars
    assert chart.full_names[0] == "Team 39"
    assert chart.rest_count == 40 - chart.max_bars
    assert chart.values.sum() + chart.rest_total == pytest.approx(result.fte[:, -1].sum())
    assert f"the other {chart.rest_count} free" in chart.legend_label.text()


def test_dark_palette_restyles_charts_and_tiles(view, result, qapp):
    view.set_result(result, "USD")
    chart = view.cash_chart
    light_bg = chart.plot.backgroundBrush().color()
    old = QApplication.palette()
    dark = QPalette(old)
    for role, rgb in ((QPalette.ColorRole.Window, (40, 40, 43)),
                      (QPalette.ColorRole.WindowText, (230, 230, 230)),
                      (QPalette.ColorRole.Base, (28, 28, 30)),
                      (QPalette.ColorRole.Text, (230, 230, 230))):
        dark.setColor(role, QColor(*rgb))
    try:
        qapp.setPalette(dark)
        qapp.processEvents()
        bg = chart.plot.backgroundBrush().color()
        assert bg.lightness() < 80 and bg != light_bg
        assert chart.theme.dark
        assert view.tile("payroll_savings")._theme.dark
        axis_text = chart.item.getAxis("left").textPen().color()
        assert axis_text.lightness() > 128
        assert view.tile("compute").value_label.palette().color(
            QPalette.ColorRole.WindowText) == view.tile("compute")._theme.cost
    finally:
        qapp.setPalette(old)
        qapp.processEvents()
    assert not chart.theme.dark or old.color(QPalette.ColorRole.Window).lightness() < 128


def test_dock_at_360_px_truncates_no_tile_text(qtbot, result):
    panel = ResultsPanel()
    qtbot.addWidget(panel)
    panel.resize(360, 700)
    panel.set_result(result, "USD")
    panel.show()
    qtbot.waitExposed(panel)
    assert panel.minimumSizeHint().width() <= 360
    for tile in panel.tiles.tiles.values():
        for label in (tile.title_label, tile.value_label):
            assert label.width() >= label.sizeHint().width(), (tile.key, label.text())


def test_wheel_over_a_chart_scrolls_the_overview(qtbot, result):
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QWheelEvent

    page = OverviewPage()
    qtbot.addWidget(page)
    page.resize(1100, 640)
    page.set_result(result, "USD")
    page.show()
    qtbot.waitExposed(page)
    bar = page.scroll_area.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    viewport = page.money_chart.plot.viewport()
    pos = QPointF(viewport.width() / 2, viewport.height() / 2)
    event = QWheelEvent(pos, viewport.mapToGlobal(pos), QPoint(0, 0), QPoint(0, -120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(viewport, event)
    assert bar.value() > 0


# ----- the v2 story: the organisation without AI, where savings come from ---------------
def test_headcount_chart_shows_the_plan_without_ai_and_today_in_distinct_styles(view,
                                                                                northwind_data):
    northwind_data["settings"]["volume_growth_per_year"] = 0.2     # the work grows
    result = compute(_plan(northwind_data))
    view.set_result(result, "USD")
    chart = view.headcount_chart
    s = result.series
    _, plan = chart.total_curve.getData()
    _, without = chart.without_ai_curve.getData()
    assert np.allclose(plan, s["_ic_all"] + s["_mgr_all"])
    assert np.allclose(without, s["_hc_without_ai_all"])
    assert without[-1] > without[0] and without[-1] > plan[-1]     # hiring avoided
    assert chart.baseline.value() == plan[0]
    styles = {chart.total_curve.opts["pen"].style(), chart.without_ai_curve.opts["pen"].style(),
              chart.baseline.pen.style()}
    assert len(styles) == 3                                        # readable in greyscale
    text = chart.hover_text(36, 0)
    assert f"Without AI: {without[-1]:,.0f}" in text and "hires avoided" in text


def test_savings_chart_splits_ai_and_structure(view, result):
    view.set_result(result, "USD")
    chart = view.savings_chart
    s = result.series
    assert np.allclose(chart.ai_curve.getData()[1], s["payroll_savings_ai"])
    assert np.allclose(chart.structure_curve.getData()[1], s["payroll_savings_structure"])
    assert np.allclose(chart.total_curve.getData()[1], s["payroll_savings"])
    assert chart.ai_curve.opts["pen"].style() != chart.structure_curve.opts["pen"].style()
    assert "from structure" in chart.hover_text(36, 0)


def test_an_empty_plan_shows_clean_empty_charts(view):
    data = tiny_plan()
    data["workflows"] = []
    result = compute(parse_plan(data))
    view.set_result(result, "USD")
    assert view.tile("payback").detail_text() == "nothing changes yet"
    for chart in (view.money_chart, view.cash_chart, view.savings_chart):
        assert chart.showing_placeholder, chart.default_name
        assert "Nothing is saved or spent yet" in chart.placeholder.text()
        assert chart.legend_label.isHidden()                        # no key to an empty plot
    assert not view.cash_chart.payback_line.isVisible()
    assert "payback" not in view.cash_chart.title_label.text().lower()
    assert not view.headcount_chart.showing_placeholder            # 12 people, flat


def test_money_ticks_near_zero_read_zero():
    from planner.ui.dashboard.axes import short_money

    assert short_money(-0.2, "USD") == "$0" and short_money(0.4, "USD") == "$0"
    assert short_money(-30_000, "USD") == "-$30k"


def test_a_plan_that_reaches_zero_then_falls_below_does_not_read_as_paid_back(view):
    """MODEL.md's payback month is the first month the running net cash reaches 0; the bundled
    "Bets go wrong" reaches it in month 8 and ends below 0, so the tile warns instead of
    showing a green payback."""
    import json

    from conftest import BUNDLED

    from planner import formatting as fmt
    from planner.plan import scenarios as S

    data = S.resolved(json.loads(BUNDLED.read_text(encoding="utf-8")), "bets-fail")
    result = compute(parse_plan(data))
    s = result.summary
    assert s["payback_month"] is not None and s["cumulative_net_cash"] < 0
    view.set_result(result, "USD")
    tile = view.tile("payback")
    assert tile.value_text() == f"month {s['payback_month']}"
    assert f"below 0 again by month {s['horizon_months']}" in tile.detail_text()
    assert "does not stay paid back" in tile.toolTip()
    assert tile.value_label.palette().color(QPalette.ColorRole.WindowText) == tile._theme.problem
    assert fmt.payback(8, -1.0) == "month 8, then below 0" and fmt.payback(8, 0.0) == "month 8"
    assert fmt.payback(None, 5.0) == "never" and fmt.payback(None, -1.0, never="–") == "–"


def test_a_plan_that_spends_but_saves_no_whole_person_says_why(view):
    """Not "nothing is saved or spent yet": compute is spent, and AI frees under a person."""
    data = tiny_plan()
    wf = data["workflows"][0]
    wf["volume_per_month"] = 100                           # 100 h a month, 0.8 x 0.5 of it freed
    wf["compute"] = {"model": "m", "calls_per_unit": 1, "input_tokens": 1000,
                     "output_tokens": 200}
    data["models"] = [{"id": "m", "hosting": "api", "input_per_mtok": 1.0,
                       "output_per_mtok": 4.0}]
    result = compute(parse_plan(data))
    assert not result.series["payroll_savings"].any() and result.series["api_cost"].any()
    view.set_result(result, "USD")
    chart = view.savings_chart
    assert chart.showing_placeholder
    text = chart.placeholder.text()
    assert "Nothing is saved or spent" not in text and "no team sheds a whole person" in text
    assert not view.money_chart.showing_placeholder           # the compute is drawn


def test_net_cash_says_when_layoffs_cost_nothing(view):
    """Layoffs with severance 0 and no one-off cost (the defaults) flatter the net cash: the
    tile says so, and stops saying it once either is set."""
    data = tiny_plan()
    data["settings"].update(severance_months=0, implementation_cost=0)
    result = compute(parse_plan(data))
    assert result.series["headcount"].min() < result.summary["baseline"]["headcount"]
    view.set_result(result, "USD")
    tile = view.tile("net")
    assert "no severance or one-off cost set" in tile.detail_text()
    assert "severance is 0 months" in tile.toolTip()
    data["settings"]["severance_months"] = 3
    view.set_result(compute(parse_plan(data)), "USD")
    assert tile.detail_text().endswith("after costs")


def test_headcount_says_when_attrition_lags_behind_what_the_work_needs(view):
    """Attrition leaves people the work no longer needs on the payroll for a while: the tile
    says how many are still to leave instead of only "290 -> 277.2"."""
    data = tiny_plan()
    data["settings"].update(reduction="attrition", attrition_per_year=0.05)
    result = compute(parse_plan(data))
    needed = result.series["_hc_needed"][-1]
    final = result.summary["final"]["headcount"]
    assert final - needed > 0.05                   # 5% a year is slower than the plan
    view.set_result(result, "USD")
    tile = view.tile("headcount")
    assert "above need: attrition lags" in tile.detail_text()
    assert f"the work needs {needed:g} people" in tile.toolTip()
    data["settings"]["reduction"] = "layoffs"
    view.set_result(compute(parse_plan(data)), "USD")
    assert "attrition" not in tile.detail_text()
