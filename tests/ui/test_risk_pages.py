"""The Compare and Risk pages show the engine's scenario and risk figures."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "risk"))
from risk_plans import risky_data  # noqa: E402

from planner import formatting as fmt  # noqa: E402
from planner.risk import analyse, compare  # noqa: E402
from planner.ui.doc.document import PlanDocument  # noqa: E402
from planner.ui.workers import SyncRunner  # noqa: E402


@pytest.fixture
def doc(qtbot):
    return PlanDocument(risky_data())


def test_compare_shows_every_scenario_and_its_change_from_the_baseline(qtbot, doc):
    from planner.ui.risk.compare_page import ComparePage

    page = ComparePage(doc, runner=SyncRunner())
    qtbot.addWidget(page)
    page.resize(1300, 900)
    page.refresh()
    rows = compare(doc.data)
    headers = [page.table.horizontalHeaderItem(c).text() for c in range(page.table.columnCount())]
    assert headers[:3] == ["Figure", "Baseline", "Bets go wrong"]
    assert len([h for h in headers if h == "change"]) == len(rows) - 1   # 4 scenarios at once
    npv_row = next(r for r in range(page.table.rowCount())
                   if page.table.item(r, 0).text() == "NPV of net cash")
    bear = next(x for x in rows if x.id == "bear").summary
    base = rows[0].summary
    assert page.table.item(npv_row, 2).text() == fmt.money(bear["npv_net_cash"], "USD", short=True)
    assert page.table.item(npv_row, 3).text() == fmt.money(
        bear["npv_net_cash"] - base["npv_net_cash"], "USD", short=True, sign=True)
    assert len(page.cash_chart.curves) == len(rows)
    page.boxes[1].setChecked(False)                 # untick "Bets go wrong"
    assert len(page.cash_chart.curves) == len(rows) - 1


def test_risk_page_shows_the_engines_percentiles_bets_and_break_even(qtbot, doc):
    from planner.ui.risk.risk_page import RiskPage

    page = RiskPage(doc, runner=SyncRunner())
    qtbot.addWidget(page)
    page.draws.setValue(1000)
    page.run()
    report = analyse(doc.data, draws=1000, seed=1)
    p = report.monte_carlo.percentiles()["npv_net_cash"]
    assert page.percentiles.item(0, 1).text() == fmt.money(p["p10"], "USD", short=True)
    assert page.percentiles.item(0, 3).text() == fmt.money(p["p90"], "USD", short=True)
    assert page.bets.rowCount() == 6
    assert page.bets.item(5, 0).text() == "All four fail"
    assert "18% of the time planned" in page.break_even.text()
    assert not page.tornado_chart.showing_placeholder
    assert "1,000 draws" in page.status.text()


def test_risk_results_follow_the_scenario_shown(qtbot, doc):
    """Switching scenario is not an edit of the plan's data, but the results shown must be the
    new scenario's (or marked as out of date), never the old one's under the new name."""
    from planner.ui.risk.risk_page import RiskPage

    page = RiskPage(doc, runner=SyncRunner())
    qtbot.addWidget(page)
    page.draws.setValue(500)
    page.run()
    base_npv = page.bets.item(0, 1).text()
    doc.set_scenario("bear")
    assert page._stale() and "changed since these results" in page.status.text()
    page.run()
    assert not page._stale() and "Bets go wrong" in page.scenario_label.text()
    bear = analyse(doc.data, scenario="bear", draws=500, seed=1)
    assert page.bets.item(0, 1).text() == fmt.money(bear.bets[0]["npv_net_cash"], "USD", short=True)
    assert page.bets.item(0, 1).text() != base_npv
    # the plan's own payback and the odds read as everywhere else ("month 8, then below 0")
    from planner.risk.words import payback_odds

    s = compare(doc.data)[1].summary
    row = next(r for r in range(page.percentiles.rowCount())
               if page.percentiles.item(r, 0).text().startswith("Payback"))
    assert page.percentiles.item(row, 4).text() == fmt.payback(s["payback_month"],
                                                               s["cumulative_net_cash"])
    mc = bear.monte_carlo
    assert page.probability.text() == payback_odds(mc.payback_probability,
                                                   mc.below_again_probability, 36, "500 draws")


def test_editing_a_stress_value_is_one_undo_step_and_refuses_nonsense(qtbot, doc):
    from planner.ui.risk.risk_page import RiskPage

    page = RiskPage(doc, runner=SyncRunner())
    qtbot.addWidget(page)
    said = []
    page.message.connect(said.append)
    before = doc.data
    edit = page.stress_edits["time_saved_scale"]
    edit.setText("40%")
    edit.editingFinished.emit()
    assert doc.data["stress"]["time_saved_scale"] == pytest.approx(0.4)
    doc.undo_stack.undo()
    assert doc.data == before
    edit.setText("140%")
    edit.editingFinished.emit()
    assert said and "must be" in said[-1]
    assert "stress" not in doc.data or "time_saved_scale" not in doc.data.get("stress", {})


def test_the_ranges_list_edits_and_removes_ranges_with_undo(qtbot, doc):
    from planner.ui.risk.range_dialog import RangeDialog
    from planner.ui.risk.ranges_list import RangesList

    before = json.dumps(doc.data)
    ranges = RangesList(doc)
    qtbot.addWidget(ranges)
    assert ranges.table.rowCount() == len(doc.data["ranges"])
    assert ranges.table.item(0, 0).text() == "adoption (every workflow)"
    assert ranges.table.item(0, 1).text() == "-50% to +20% of its value"   # the range in words
    row = next(i for i, r in enumerate(doc.data["ranges"]) if r["path"].startswith("settings.price"))
    ranges.table.selectRow(row)
    assert ranges.selected_path() == "settings.price_decline_per_year"
    field = __import__("planner.ui.risk.ranges_list", fromlist=["_field"])._field(
        "settings.price_decline_per_year")
    dialog = RangeDialog(doc, "settings.price_decline_per_year", field, 0.4)
    dialog.low.setText("-20%")
    dialog.high.setText("60%")
    dialog._accept()
    rg = next(r for r in doc.data["ranges"] if r["path"] == "settings.price_decline_per_year")
    assert (rg["low"], rg["high"]) == (-0.2, 0.6)
    dialog = RangeDialog(doc, "settings.price_decline_per_year", field, 0.4)
    dialog.low.setText("50%")                       # above the plan's 40%: refused in place
    dialog._accept()
    assert "must lie between" in dialog.error.text()
    ranges.table.selectRow(row)
    ranges.remove()
    assert not any(r["path"] == "settings.price_decline_per_year" for r in doc.data["ranges"])
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert json.dumps(doc.data) == before
