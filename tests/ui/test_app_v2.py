"""The Model v2 inputs in the app: editable with undo, refused in place outside the registry's
bounds; the dashboard and the Compute page show the engine's v2 figures."""
# ruff: noqa: F811 - the fixtures are imported from app_helpers

from __future__ import annotations

import copy

import numpy as np
import pytest
from app_helpers import dumps, make_window, plain, window  # noqa: F401 - fixtures
from PySide6.QtCore import Qt

from planner.engine import compute
from planner.model import parse_plan
from planner.ui.dashboard import build_kpis
from planner.ui.doc.edits import MISSING


def _settings_row(w, key):
    return w.settings_page.model.row_of(("settings", key))


def _set_setting(w, key, text) -> bool:
    m = w.settings_page.model
    return m.setData(m.index(_settings_row(w, key), 1), text)


def _expected(w):
    return compute(parse_plan(w.doc.data))


def test_volume_growth_moves_the_without_ai_line_and_the_tiles_and_undo_restores(window):
    w = window
    before = copy.deepcopy(w.doc.data)
    chart = w.results.headcount_chart
    flat = chart.without_ai_curve.getData()[1].copy()
    assert np.allclose(flat, flat[0])                    # no growth: without AI stays today's

    assert _set_setting(w, "volume_growth_per_year", "20%")
    assert w.doc.data["settings"]["volume_growth_per_year"] == 0.2
    w.recomputer.flush()
    expected = _expected(w)
    s = expected.series
    _, without = chart.without_ai_curve.getData()
    assert np.allclose(without, s["_hc_without_ai_all"])
    assert without[-1] > flat[-1]                        # the work grows: so would headcount
    _, plan = chart.total_curve.getData()
    assert np.allclose(plan, s["_ic_all"] + s["_mgr_all"])
    kpis = build_kpis(expected, "USD")
    for key in ("headcount", "compression", "payroll_savings", "net", "npv", "span", "layers"):
        assert w.results.tile(key).value_text() == kpis[key].value, key
        assert w.results.tile(key).detail_text() == kpis[key].detail, key
    assert w.doc.result.summary == expected.summary
    assert w.a_undo.text() == "&Undo Edit work volume growth"

    # a workflow's own growth overrides the plan's; empty shows the plan's, greyed
    model = w.workflows_page.model
    col = model.column_of(("volume_growth_per_year",))
    cell = model.index(0, col)
    assert cell.data() == "20%"
    assert cell.data(Qt.ItemDataRole.FontRole).italic()
    assert "the plan's volume growth, now 20%" in cell.data(Qt.ItemDataRole.ToolTipRole)
    assert model.setData(cell, "5%")
    assert w.doc.data["workflows"][0]["volume_growth_per_year"] == 0.05
    assert not cell.data(Qt.ItemDataRole.FontRole)
    w.recomputer.flush()
    assert w.doc.result.summary == _expected(w).summary

    w.doc.undo_stack.undo()
    w.doc.undo_stack.undo()
    assert dumps(w.doc.data) == dumps(before)            # bit for bit
    w.recomputer.flush()
    assert np.allclose(chart.without_ai_curve.getData()[1], flat)


# (page, list path or None for settings, key path, a refused text, what the reason says)
REFUSED = [
    ("settings", ("reduction",), "fired", "is not one of Layoffs (with severance)"),
    ("settings", ("attrition_per_year",), "150%", "Attrition must be at most 100%"),
    ("settings", ("wage_growth_per_year",), "-60%", "Wage growth must be at least -50%"),
    ("settings", ("discount_rate_per_year",), "1e300", "Discount rate must be at most 100%"),
    ("settings", ("volume_growth_per_year",), "-100%", "Work volume growth must be more than -100%"),
    ("settings", ("price_decline_per_year",), "100%", "API price decline must be less than 100%"),
    ("settings", ("throughput_gain_per_year",), "1001%", "Serving speed gain must be at most 1000%"),
    ("settings", ("gpu_price_decline_per_year",), "-1e300", "GPU price decline must be at least -100%"),
    ("settings", ("token_growth_per_year",), "lots", '"lots" is not a number'),
    ("workflows", ("volume_growth_per_year",), "-1", "Volume growth must be more than -100%"),
    ("models", ("price_decline_per_year",), "1", "Price decline must be less than 100%"),
    ("models", ("throughput_gain_per_year",), "1e300", "Speed gain must be at most 1000%"),
    ("gpus", ("overhead_per_gpu_month",), "1e300", "Overhead must be at most 1,000,000"),
    ("gpus", ("overhead_per_gpu_month",), "-5", "Overhead must be at least 0"),
]


def _cell(w, page, rel):
    """(table, model, source index) of the first row where the field applies."""
    if page == "settings":
        t, m = w.settings_page.table, w.settings_page.model
        return t, m, m.index(_settings_row(w, rel[0]), 1)
    t, m = {"workflows": (w.workflows_page.table, w.workflows_page.model),
            "models": (w.compute_page.models, w.compute_page.models_model),
            "gpus": (w.compute_page.gpus, w.compute_page.gpus_model)}[page]
    col = m.column_of(rel)
    row = next(r for r in range(m.rowCount()) if m.flags(m.index(r, col))
               & Qt.ItemFlag.ItemIsEditable)
    return t, m, m.index(row, col)


@pytest.mark.parametrize("page, rel, text, reason", REFUSED,
                         ids=[f"{p}.{r[0]}={t}" for p, r, t, _ in REFUSED])
def test_each_new_editor_refuses_out_of_range_values_in_place(window, qtbot, page, rel, text,
                                                              reason):
    from PySide6.QtWidgets import QLineEdit, QToolTip

    w = window
    w.show_page({"models": "Compute", "gpus": "Compute"}.get(page, page.capitalize()))
    table, model, index = _cell(w, page, rel)
    before = dumps(w.doc.data)
    # typed into the cell: Enter keeps the editor open and says why beside it
    if model.field(index.column(), index.row()).kind not in ("choice", "ref"):
        table.setCurrentIndex(table.model().index(index.row(), index.column())
                              if table.model() is model else
                              table.model().mapFromSource(index))
        table.edit(table.currentIndex())
        editor = table.findChild(QLineEdit)
        assert editor is not None and editor.isVisible()
        editor.setText(text)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        assert editor.isVisible()                         # still editing: fix it in place
        assert reason in table.delegate.last_refusal
        assert reason in QToolTip.text() or not QToolTip.isVisible()
        assert reason in w.statusBar().currentMessage()
        assert "border" in editor.styleSheet() and reason in editor.toolTip()   # the cell marked
        qtbot.keyClicks(editor, "0")                     # typing again clears the mark
        assert editor.styleSheet() == "" and editor.toolTip() == ""
        qtbot.keyClick(editor, Qt.Key.Key_Escape)
    # pasted or set: refused, the status bar says why, nothing changes
    assert not model.setData(index, text)
    assert reason in w.statusBar().currentMessage()
    assert dumps(w.doc.data) == before
    assert w.doc.undo_stack.count() == 0


def test_new_inputs_show_their_unit_meaning_and_range_on_hover(window):
    w = window
    m = w.compute_page.models_model
    col = m.column_of(("throughput_gain_per_year",))
    row = next(r for r in range(m.rowCount()) if w.doc.data["models"][r]["hosting"] == "self")
    tip = plain(m.index(row, col).data(Qt.ItemDataRole.ToolTipRole))
    assert "tokens/s per GPU improve" in tip and "Allowed: > -100% and <= 1000%." in tip
    assert "Default: the plan's serving speed gain" in tip
    assert "a bare number up to 1 is a share" in tip
    g = w.compute_page.gpus_model
    tip = plain(g.index(1, g.column_of(("overhead_per_gpu_month",))).data(Qt.ItemDataRole.ToolTipRole))
    assert "Unit: per GPU / month (plan currency)." in tip and "Source: colocation" in tip
    api_row = 0
    assert m.index(api_row, col).data() == "–"            # N/A for an API model
    # the row's note (where its figures come from) first, then why the cell is empty
    assert plain(m.index(api_row, col).data(Qt.ItemDataRole.ToolTipRole)).split("\n") == \
        [w.doc.data["models"][api_row]["note"], "Only for self-hosted models."]


def test_a_model_price_decline_edit_and_undo(window):
    w = window
    m = w.compute_page.models_model
    col = m.column_of(("price_decline_per_year",))
    before = dumps(w.doc.data)
    cell = m.index(0, col)
    assert cell.data() == "40%" and cell.data(Qt.ItemDataRole.FontRole).italic()   # the plan's
    assert m.setData(cell, "-25%")                        # prices rise 25% a year
    assert w.doc.data["models"][0]["price_decline_per_year"] == -0.25
    w.recomputer.flush()
    assert w.doc.result.summary == _expected(w).summary
    assert m.setData(cell, "")                            # back to the plan's
    assert "price_decline_per_year" not in w.doc.data["models"][0]
    w.doc.undo_stack.undo()
    w.doc.undo_stack.undo()
    assert dumps(w.doc.data) == before


# ----- drop-downs and undo labels --------------------------------------------------------
@pytest.mark.parametrize("page, rel, shown", [
    ("workflows", ("ai", "ramp"), "linear"),
    ("workflows", ("compute", "model"), "(no compute)"),
    ("settings", ("headcount_policy",), "Reduce (fewer people)"),
    ("settings", ("reduction",), "Layoffs (with severance)"),
])
def test_drop_downs_offer_no_missing_entry_and_preselect_the_default(window, page, rel, shown):
    from PySide6.QtWidgets import QComboBox

    w = window
    w.show_page(page.capitalize())
    if page == "settings":
        w.doc.set(("settings", rel[0]), MISSING)          # the default applies
        table, model, index = _cell(w, page, rel)
    else:
        table, model = w.workflows_page.table, w.workflows_page.model
        col = model.column_of(rel)
        row = 12                                           # meetings: no compute, default ramp
        w.doc.set(("workflows", row, "ai", "ramp"), MISSING)
        if rel == ("compute", "model"):
            w.workflows_page.show_compute_columns(True)
        index = model.index(row, col)
        index = table.model().mapFromSource(index)
    table.setCurrentIndex(index)
    table.edit(index)
    combo = table.findChild(QComboBox)
    assert combo is not None
    items = [combo.itemText(i) for i in range(combo.count())]
    assert not any("MISSING" in x or "(missing)" in x for x in items), items
    assert combo.currentText() == shown


def test_undo_names_the_kind_as_the_table_shows_it(window):
    w = window
    m = w.compute_page.models_model
    assert m.setData(m.index(0, m.column_of(("hosting",))), "self")
    assert w.doc.undo_stack.undoText() == "Change hosting to Self-hosted"
    g = w.compute_page.gpus_model
    assert g.setData(g.index(0, g.column_of(("pricing",))), "owned")
    assert w.doc.undo_stack.undoText() == "Change pricing to Owned"


# ----- Compute page and the workflow impact panel ------------------------------------------
def test_compute_page_shows_each_self_hosted_fleet(window):
    w = window
    w.show_page("Compute")
    fm = w.compute_page.fleets_model
    r = w.doc.result
    assert fm.rowCount() == 1 and w.compute_page.fleets_box.isVisible()
    j = r.model_ids.index("open-70b")
    text = [fm.index(0, c).data() for c in range(fm.columnCount())]
    assert text[0] == "open-70b" and text[1] == "h100-owned (owned)"
    assert text[2] == f"{r.fleet[j, -1]:,.0f}"
    assert text[3] == f"{r.busy_share(j)[-1] * 100:.1f}%"
    assert text[4] == f"{r.kwh[j, -1]:,.0f}"
    assert text[8] == f"${r.capex[j].sum():,.0f}"
    assert text[9] == f"${r.depreciation[j, -1]:,.0f}"
    fleet = r.rental[j, -1] + r.energy_cost[j, -1] + r.overhead[j, -1] + r.depreciation[j, -1]
    assert text[10] == f"${fleet:,.0f}"
    for c in range(fm.columnCount()):
        assert fm.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "busy" in fm.index(0, 3).data(Qt.ItemDataRole.ToolTipRole).lower()
    assert "GPU-hours" in fm.index(0, 2).data(Qt.ItemDataRole.ToolTipRole)


def test_a_self_hosted_workflow_shows_its_share_of_the_fleet_cost(window):
    w = window
    w.show_page("Workflows")
    page = w.workflows_page
    r = w.doc.result
    row = next(i for i, x in enumerate(w.doc.data["workflows"])
               if (x.get("compute") or {}).get("model") == "open-70b")
    page.table.select_source_row(row, 1)
    text = page.impact.text()
    j = r.model_ids.index("open-70b")
    fleet = r.rental[j, -1] + r.energy_cost[j, -1] + r.overhead[j, -1] + r.depreciation[j, -1]
    assert "API cost" not in text
    assert "self-hosted on open-70b" in text
    assert f"of the fleet's ${fleet:,.0f} a month" in text
    # two workflows on one fleet split it by busy time
    second = copy.deepcopy(w.doc.data["workflows"][row])
    second.update(id="chat-2", name="Second chat")
    second["compute"]["output_tokens"] = second["compute"]["output_tokens"] * 3
    w.doc.insert(("workflows",), row + 1, second)
    w.recomputer.flush()
    r = w.doc.result
    tin, tout = r.wf_tokens_in[:, -1], r.wf_tokens_out[:, -1]
    m = w.doc.data["models"][j]

    def load(i):
        return tin[i] / m["prefill_tokens_per_s"] + tout[i] / m["decode_tokens_per_s"]

    share = load(row) / (load(row) + load(row + 1))
    fleet = r.rental[j, -1] + r.energy_cost[j, -1] + r.overhead[j, -1] + r.depreciation[j, -1]
    page.table.select_source_row(row, 1)
    text = page.impact.text()
    assert f"<b>{share * 100:.0f}%</b> of its fleet's busy time" in text
    assert f"<b>${share * fleet:,.0f}</b> of the fleet's ${fleet:,.0f}" in text
