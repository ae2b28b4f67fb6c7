"""Every figure on the Compare and Risk pages says on hover what it is and how it is computed."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from app_helpers import plain

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "risk"))
from risk_plans import risky_data  # noqa: E402

from planner.ui.dashboard import meaning as M  # noqa: E402
from planner.ui.doc.document import PlanDocument  # noqa: E402
from planner.ui.workers import SyncRunner  # noqa: E402


@pytest.fixture
def doc(qtbot):
    return PlanDocument(risky_data())


def tip(item) -> str:
    return plain(item.toolTip())


def _cells(table):
    for r in range(table.rowCount()):
        for c in range(table.columnCount()):
            item = table.item(r, c)
            if item is not None and item.text().strip():
                yield r, c, item


def _row(table, label):
    return next(r for r in range(table.rowCount()) if table.item(r, 0).text().strip() == label)


def test_every_compare_cell_has_a_tooltip_with_its_meaning_and_formula(qtbot, doc):
    from planner.ui.risk.compare_page import ComparePage

    page = ComparePage(doc, runner=SyncRunner())
    qtbot.addWidget(page)
    page.refresh()
    table = page.table
    cells = list(_cells(table))
    assert len(cells) >= 10 * 4
    bare = [(r, c, i.text()) for r, c, i in cells if not tip(i).strip()]
    assert not bare
    npv = _row(table, "NPV of net cash")
    # the figure's formula is the dashboard tile's, from one home
    assert M.NPV in tip(table.item(npv, 0))
    assert M.NPV in tip(table.item(npv, 1))
    assert tip(table.item(npv, 1)).startswith("Baseline: " + table.item(npv, 1).text())
    delta = tip(table.item(npv, 3))
    assert "change from the baseline" in delta
    assert table.item(npv, 3).text() in delta
    assert M.PAYBACK in tip(table.item(_row(table, "Payback month"), 2))
    assert M.WITHOUT_AI in tip(table.item(_row(table, "without AI"), 1))


def test_every_risk_table_cell_explains_its_figure_and_p10_p50_p90(qtbot, doc):
    from planner.ui.risk.risk_page import RiskPage

    page = RiskPage(doc, runner=SyncRunner())
    qtbot.addWidget(page)
    page.draws.setValue(500)
    page.run()
    for table in (page.percentiles, page.bets):
        cells = list(_cells(table))
        assert len(cells) >= 30
        assert not [(r, c, i.text()) for r, c, i in cells if not tip(i).strip()]
    pct = page.percentiles
    npv = _row(pct, "NPV of net cash")
    assert "1 draw in 10 came out worse than this" in tip(pct.item(npv, 1))
    assert "median" in tip(pct.item(npv, 2))
    assert "1 draw in 10 came out better than this" in tip(pct.item(npv, 3))
    assert M.NPV in tip(pct.item(npv, 1))
    # a cost's low end is its good end
    compute = _row(pct, "Compute per month (final)")
    assert "1 draw in 10 came out lower (better)" in tip(pct.item(compute, 1))
    assert "P10" in tip(pct.horizontalHeaderItem(1))
    bets = page.bets
    assert M.PAYBACK in tip(bets.item(1, 3))
    assert bets.item(1, 0).text() in tip(bets.item(1, 1))


def test_the_tiles_and_the_tables_share_the_formula_text(northwind):
    from planner.engine import compute
    from planner.ui.dashboard.kpis import build_kpis

    kpis = build_kpis(compute(northwind), "USD")
    assert kpis["npv"].tooltip[0] == M.NPV
    assert kpis["payback"].tooltip[0] == M.PAYBACK
    assert kpis["headcount"].tooltip[0] == M.HEADCOUNT
    assert M.API in kpis["compute"].tooltip
