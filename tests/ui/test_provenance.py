"""Where a value comes from, on hover: every cell of a row with a note shows the note (its
source in bold) above what the cell means; rows without one keep their plain tooltip."""

# ruff: noqa: F811 - the fixtures are imported from app_helpers

from __future__ import annotations

from app_helpers import make_window, plain, window  # noqa: F401 - fixtures
from PySide6.QtCore import Qt

from planner.ui.doc import catalog as editor
from planner.ui.qt_models.cells import note_html, with_note

TIP = Qt.ItemDataRole.ToolTipRole


def test_every_cell_of_a_noted_row_shows_the_note_first(window):
    m = window.workflows_page.model
    row = window.doc.ids("workflows")["tickets"]
    note = window.doc.data["workflows"][row]["note"]
    for col in range(m.columnCount()):
        tip = m.index(row, col).data(TIP)
        assert tip.startswith("<p><b>"), (m.fields[col].header, tip)
        assert plain(tip).startswith(note)
    volume = plain(m.index(row, m.column_of(("volume_per_month",))).data(TIP))
    assert volume.split("\n")[1].startswith("How many times a month this work is done")   # then its meaning


def test_the_source_is_bold_and_the_rest_follows():
    assert note_html("Cui et al. (2026): +26.1% completed tasks. Checked 2026-12-02.") == \
        "<b>Cui et al. (2026):</b> +26.1% completed tasks. Checked 2026-12-02."
    assert note_html("Our own estimate\nfrom the 2025 time study") == \
        "<b>Our own estimate</b><br>from the 2025 time study"
    assert note_html("a <b> & c") == "<b>a &lt;b&gt; &amp; c</b>"


def test_a_long_note_gets_a_wider_tooltip():
    long = "Brynjolfsson, Li, Raymond (QJE 2025): " + "5,172 support agents, +15% per hour. " * 5
    tip = with_note("Share of a unit's time AI saves.", long)
    assert tip.startswith("<table width='460'><tr><td><p><b>Brynjolfsson, Li, Raymond (QJE 2025):</b>")
    assert plain(tip).endswith("Share of a unit's time AI saves.")
    assert with_note("x", "short note").startswith("<p><b>short note</b>")


def test_rows_without_a_note_keep_their_plain_tooltip(window):
    m = window.workflows_page.model
    row = window.doc.ids("workflows")["code-review"]
    assert "note" not in window.doc.data["workflows"][row]
    tip = m.index(row, m.column_of(("volume_per_month",))).data(TIP)
    assert tip.startswith("How many times a month this work is done") and "<p>" not in tip


def test_a_problem_comes_before_the_note(window):
    w = window
    row = w.doc.ids("workflows")["tickets"]
    w.doc.set(("workflows", row, "team"), "nobody")
    w.recomputer.flush()
    tip = plain(w.workflows_page.model.index(row, w.workflows_page.model.column_of(("team",)))
                .data(TIP))
    assert tip.startswith("Problem: ") and 'no team with id "nobody"' in tip
    assert w.doc.data["workflows"][row]["note"] in tip


def test_notes_are_columns_of_the_tables_that_have_them():
    for fields in (editor.WORKFLOW_FIELDS, editor.MODEL_FIELDS, editor.GPU_FIELDS,
                   editor.ROLE_FIELDS, editor.TEAM_DETAIL_FIELDS):
        assert any(f.path == ("note",) for f in fields)


def test_the_settings_form_does_not_repeat_the_plans_note(window):
    from planner.ui.qt_models.table import FormModel

    window.doc.set(("note",), "Figures agreed with finance on 2026-11-30")
    model = next(m for m in window.settings_page.findChildren(FormModel))
    for r in range(model.rowCount()):
        tip = model.index(r, 1).data(TIP) or ""
        assert window.doc.data["note"] not in tip or model.fields[r].path == ("note",)
