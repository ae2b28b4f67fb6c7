"""The Risk page and the range dialog speak plain words; raw paths only on hover."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "risk"))
from risk_plans import risky_data  # noqa: E402

from planner.ui.doc.document import PlanDocument  # noqa: E402
from planner.ui.workers import SyncRunner  # noqa: E402


@pytest.fixture
def doc(qtbot):
    return PlanDocument(risky_data())


def test_the_range_dialog_names_the_input_in_words_and_reads_the_range(qtbot, doc):
    from planner.ui.risk.range_dialog import RangeDialog
    from planner.ui.risk.ranges_list import _field

    path = "settings.price_decline_per_year"
    dialog = RangeDialog(doc, path, _field(path), 0.0)
    qtbot.addWidget(dialog)
    assert path not in dialog.where.text() and "API prices" in dialog.where.text()
    assert path in dialog.where.toolTip()                 # for experts, on hover
    dialog.low.setText("-25%")
    dialog.high.setText("30%")
    assert dialog.reading.text() == "API prices: from rising 25% a year to falling 30% a year"
    dialog.high.setText("")                                # incomplete: nothing to read
    assert dialog.reading.text() == ""
    assert dialog.minimumWidth() >= 400                    # was 282 px and cramped


def test_the_stress_form_says_what_each_value_means(qtbot, doc):
    from planner.ui.risk.risk_page import RiskPage

    page = RiskPage(doc, runner=SyncRunner())
    qtbot.addWidget(page)
    labels = [page.stress_form.itemAt(r, page.stress_form.ItemRole.LabelRole).widget().text()
              for r in range(page.stress_form.rowCount())]
    assert "Demand falls to:" not in labels and "API prices fall at most:" not in labels
    assert page.stress_readings["price_decline_per_year"].text() == \
        "API prices rise 25% a year or more"
    edit = page.stress_edits["volume_growth_per_year"]
    edit.setText("-20%")
    edit.editingFinished.emit()
    assert page.stress_readings["volume_growth_per_year"].text() == \
        "work volume shrinks 20% a year or more"


def test_the_tornado_names_inputs_in_words_and_shows_the_path_on_hover(qtbot, doc):
    from planner.ui.risk.risk_page import RiskPage

    page = RiskPage(doc, runner=SyncRunner())
    qtbot.addWidget(page)
    page.draws.setValue(200)
    page.run()
    t = page.tornado_chart.payload
    assert t is not None and t.labels
    assert not any("[" in label or "settings." in label for label in t.labels)
    i = next(i for i, e in enumerate(t.ends) if "price_decline" in e)
    assert t.labels[i] == "API prices"
    assert "from rising" in t.ends[i] and "settings.price_decline_per_year" in t.ends[i]
