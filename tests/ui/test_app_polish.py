"""What a new user notices first: clean model updates, a calm empty plan, readable hints in
both themes, sensible folders, columns that fit, and small comforts in the menus."""
# ruff: noqa: F811 - the fixtures are imported from app_helpers

from __future__ import annotations

from pathlib import Path

import pytest
from app_helpers import make_window, window  # noqa: F401 - fixtures
from PySide6.QtCore import Qt, QtMsgType, qInstallMessageHandler


class _QtMessages:
    """Every Qt warning printed while the block runs."""

    def __enter__(self):
        self.lines: list[str] = []
        self._old = qInstallMessageHandler(self._handle)
        return self

    def _handle(self, kind, _context, text) -> None:
        if kind != QtMsgType.QtDebugMsg:
            self.lines.append(text)

    def __exit__(self, *exc) -> None:
        qInstallMessageHandler(self._old)


def test_deleting_the_shown_team_and_new_plan_print_no_model_warnings(window):
    w = window
    page = w.teams_page
    w.show_page("Teams")
    page.select_team(1)
    assert page.roles_model.rowCount() > 0
    with _QtMessages() as log:
        page.delete_selected()
        w.doc.undo_stack.undo()
        w.doc.undo_stack.redo()
        w.doc.undo_stack.setClean()
        w.new_plan()
    assert not [m for m in log.lines if "ResetModel" in m], log.lines
    assert page.roles_model.rowCount() == 0


def test_a_new_plan_invites_a_first_team_instead_of_reporting_a_problem(window):
    w = window
    w.new_plan()
    w.recomputer.flush()
    assert w.teams_page.stack.currentWidget() is w.teams_page.empty
    assert w.problems_button.text() == "Add a team to begin"
    assert "color" not in w.problems_button.styleSheet()
    assert "problem" not in w.recalc_label.text().lower()
    w.teams_page.add_team()
    w.recomputer.flush()
    assert w.problems_button.text() != "Add a team to begin"


def _contrast(a, b) -> float:
    def lum(c):
        def ch(v):
            v /= 255
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        return 0.2126 * ch(c.red()) + 0.7152 * ch(c.green()) + 0.0722 * ch(c.blue())
    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_hints_stay_readable_after_switching_theme_at_run_time(window, qapp):
    from PySide6.QtGui import QPalette

    from planner.ui.widgets.common import Hint

    w = window
    before = qapp.palette()
    try:
        for mode in ("dark", "light", "dark"):
            w.set_theme(mode)
            qapp.processEvents()
            hints = w.findChildren(Hint)
            assert hints
            for h in hints:
                fg = h.palette().color(QPalette.ColorRole.WindowText)
                bg = w.palette().color(QPalette.ColorRole.Window)
                assert _contrast(fg, bg) >= 4.0, (mode, h.text()[:40], fg.name(), bg.name())
                # and it stays secondary: softer than the normal text
                assert _contrast(fg, bg) < _contrast(w.palette().color(QPalette.ColorRole.WindowText), bg)
    finally:
        qapp.setPalette(before)
        qapp.setProperty("orgplanner_dark", False)


def test_save_as_and_export_of_the_bundled_example_propose_the_documents_folder(
        make_window, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    from planner.ui.main_window import EXAMPLE, documents_dir

    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda _parent, _title, start, _filter: asked.append(start) or ("", "")))
    w = make_window(EXAMPLE)
    w.recomputer.flush()
    resources = EXAMPLE.parents[1]
    assert w.settings.last_dir in ("", None) or resources not in Path(w.settings.last_dir).parents
    w.save_as()
    w.export_excel()
    assert len(asked) == 2
    for start in asked:
        assert Path(start).parent == documents_dir()
        assert resources not in Path(start).parents
    assert asked[0].endswith("northwind.orgplan.json") and asked[1].endswith("northwind.xlsx")

    # a plan of the user's: next to it
    mine = tmp_path / "mine.orgplan.json"
    assert w.save_to(mine)
    w.save_as()
    assert Path(asked[-1]).parent == tmp_path


def _fits(table, column: int, text: str) -> bool:
    return table.horizontalHeader().sectionSize(column) >= table.fontMetrics().horizontalAdvance(text)


def test_first_rows_of_a_new_plan_are_not_truncated(make_window):
    w = make_window()
    w.new_plan()
    page = w.teams_page
    page.add_team()
    team = w.doc.data["teams"][0]["name"]
    labels = [page.details_model.index(r, 0).data() for r in range(page.details_model.rowCount())]
    assert labels and all(_fits(page.details, 0, text) for text in labels), \
        (page.details.columnWidth(0), max(labels, key=len))
    assert page.tree.columnWidth(0) >= page.tree.fontMetrics().horizontalAdvance(team)
    page.roles.add_row()
    roles = page.roles_model
    for c in range(roles.columnCount()):
        text = roles.index(0, c).data()
        if text:
            assert _fits(page.roles, c, str(text)), (c, text)

    w.show_page("Workflows")
    wf = w.workflows_page
    wf.table.add_row()
    m = wf.model
    for c in (m.column_of(("name",)), m.column_of(("team",))):
        text = wf.table.model().index(0, c).data()
        assert text and _fits(wf.table, c, str(text)), (c, text)


def _in_view(table, column: int) -> bool:
    x = table.columnViewportPosition(column)
    return not table.isColumnHidden(column) and x >= 0 \
        and x + table.columnWidth(column) <= table.viewport().width()


def test_workflow_effect_columns_fit_a_1366_screen_with_the_results_open(window, qapp):
    w = window
    w.resize(1366, 768)
    w.show_page("Workflows")
    qapp.processEvents()
    assert w.results_dock.isVisible()
    page = w.workflows_page
    m = page.model
    for rel in (("ai", "adoption"), ("ai", "review_overhead"), ("ai", "time_saved")):
        assert _in_view(page.table, m.column_of(rel)), rel
    # the compute columns are one View toggle away, and a problem there opens them
    model_col = m.column_of(("compute", "model"))
    assert page.table.isColumnHidden(model_col)
    w.workflows_page.compute_action.trigger()
    assert not page.table.isColumnHidden(model_col)
    assert w.settings.workflow_compute_columns
    page.compute_action.trigger()
    page.show_path(("workflows", 0, "compute", "input_tokens"))
    assert not page.table.isColumnHidden(m.column_of(("compute", "input_tokens")))
    # the header tooltip keeps the full name and unit
    tip = m.headerData(m.column_of(("volume_per_month",)), Qt.Orientation.Horizontal,
                       Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Volume / month\n") and "Unit: units / month." in tip


def test_model_prices_are_not_clipped(window, qapp):
    w = window
    w.show_page("Compute")
    qapp.processEvents()
    t, m = w.compute_page.models, w.compute_page.models_model
    for r in range(m.rowCount()):
        for c in range(m.columnCount()):
            text = m.index(r, c).data()
            if text and m.fields[c].key != "note":   # a free-text note may be elided
                assert _fits(t, c, str(text) + "0"), (r, c, text)


def test_tiny_fte_bars_get_ticks_and_labels_that_differ(qtbot):
    import numpy as np

    from planner.ui.dashboard.bar_charts import TeamFteChart

    chart = TeamFteChart()
    qtbot.addWidget(chart)
    chart.resize(420, 300)
    chart.show()
    chart.set_bars(["Legal", "Marketing"], np.array([0.034, 0.012]), ["saving", "saving"], ["", ""])
    axis = chart.item.getAxis("bottom")
    lo, hi = chart.view.viewRange()[0]
    levels = axis.tickValues(lo, hi, 300)
    spacing, values = levels[0]
    labels = axis.tickStrings(values, 1, spacing)
    assert len(labels) >= 2 and len(set(labels)) == len(labels), labels
    assert [chart._labels[i].textItem.toPlainText() for i in range(2)] == ["0.034", "0.012"]


def test_organisation_page_fits_its_chart_and_keeps_keys_and_caption_clear(make_window, qapp):
    from conftest import ADVENTUREWORKS

    from planner.io.roster import build_plan, load_roster
    from planner.ui.roster import set_last_import

    a = load_roster(ADVENTUREWORKS)
    w = make_window()
    w.resize(1366, 768)
    w.doc.replace(build_plan(a), None)
    w.recomputer.flush()
    try:
        set_last_import(a)
        w.show_page("Organisation")
        qapp.processEvents()
        page = w.organisation_page
        chart, spans = page.chart, page.spans
        # the chart opens fitted: everything drawn is inside the view
        seen = chart.mapToScene(chart.viewport().rect()).boundingRect()
        assert seen.adjusted(-1, -1, 1, 1).contains(chart.scene().itemsBoundingRect())
        # the keys are beside the plots, not drawn over their bars
        for plot, key in ((spans.pyramid, spans.pyramid_legend), (spans.histogram, spans.histogram_legend)):
            assert "roster" in key.text() and not plot.isAncestorOf(key)
            assert key.mapTo(spans, key.rect().bottomLeft()).y() <= plot.mapTo(spans, plot.rect().topLeft()).y()
        # the caption sits below the axis titles and speaks words; the formula is in its tooltip
        bottom = max(p.mapTo(spans, p.rect().bottomLeft()).y() for p in (spans.pyramid, spans.histogram))
        assert spans.caption.geometry().top() >= bottom
        assert "ceil" not in spans.caption.text() and "fewest layers" in spans.caption.text()
        assert "ceil(ln N / ln span)" in spans.caption.toolTip()
    finally:
        set_last_import(None)


def test_currency_is_stored_as_an_upper_case_code_and_other_text_is_refused(window):
    w = window
    m = w.settings_page.model
    row = m.row_of(("currency",))
    assert m.setData(m.index(row, 1), "eur")
    assert w.doc.data["currency"] == "EUR"
    assert not m.setData(m.index(row, 1), "euro")
    assert w.doc.data["currency"] == "EUR"
    assert "3-letter code" in w.statusBar().currentMessage()


def test_status_bar_follows_edits_and_undo(window):
    w = window
    m = w.workflows_page.model
    col = m.column_of(("ai", "adoption"))
    assert not m.setData(m.index(0, col), "-5%")
    assert "at least 0%" in w.statusBar().currentMessage()
    assert m.setData(m.index(0, col), "45%")
    assert w.statusBar().currentMessage() == ""  # the refusal is gone once a value is accepted
    w.a_undo.trigger()
    assert w.statusBar().currentMessage() == "Undid: Edit adoption"
    w.a_redo.trigger()
    assert w.statusBar().currentMessage() == "Redid: Edit adoption"


def test_saving_a_new_plan_names_it_after_its_file(make_window, tmp_path):
    w = make_window()
    w.new_plan()
    w.teams_page.add_team()
    assert w.save_to(tmp_path / "myplan.orgplan.json")
    assert w.doc.data["name"] == "myplan"
    assert w.windowTitle().startswith("myplan (myplan.orgplan.json)")
    assert not w.isWindowModified()
    # a plan that has a name keeps it
    w.doc.set(("name",), "Northwind 2027")
    assert w.save_to(tmp_path / "other.orgplan.json")
    assert w.doc.data["name"] == "Northwind 2027"


def test_edit_menu_offers_the_table_commands_on_the_focused_table(window, qapp):
    w = window
    texts = [a.text().split("\t")[0].replace("&", "") for a in w.menuBar().actions()[1].menu().actions()]
    for text in ("Undo", "Redo", "Copy", "Paste", "Insert row", "Duplicate rows", "Delete rows"):
        assert any(t.startswith(text) for t in texts), (text, texts)
    w.show_page("Workflows")
    table = w.workflows_page.table
    table.setFocus()
    qapp.processEvents()
    table.setCurrentIndex(table.model().index(0, 0))
    n = len(w.doc.data["workflows"])
    w.table_actions["duplicate_rows"].trigger()
    assert len(w.doc.data["workflows"]) == n + 1
    w.table_actions["delete_rows"].trigger()
    assert len(w.doc.data["workflows"]) == n


def test_empty_problems_list_says_so(make_window):
    from conftest import BUNDLED

    w = make_window(BUNDLED)           # the bundled example: no problems, not even a warning
    w.recomputer.flush(wait=True)
    assert not w.doc.problems
    assert w.problems.topLevelItem(0).text(2) == "No problems"


@pytest.mark.parametrize("size", [(1440, 900), (1366, 768)])
def test_every_word_of_a_settings_meaning_shows(window, qapp, size):
    from PySide6.QtCore import QRect

    w = window
    w.resize(*size)
    w.show_page("Settings")
    qapp.processEvents()
    t = w.settings_page.table
    m = t.model()
    assert sum(t.columnWidth(c) for c in range(4)) <= t.viewport().width()
    fm = t.fontMetrics()
    for r in range(m.rowCount()):
        text = m.index(r, 3).data()
        need = fm.boundingRect(QRect(0, 0, t.columnWidth(3) - 8, 10_000),
                               int(Qt.TextFlag.TextWordWrap), text)
        assert need.height() <= t.rowHeight(r), (r, text)


def test_results_dock_steps_aside_for_the_overview_and_comes_back(window):
    w = window
    w.show_page("Teams")
    assert w.results_dock.isVisible()
    w.show_page("Overview")
    assert not w.results_dock.isVisible()          # the Overview page is the results, large
    w.show_page("Workflows")
    assert w.results_dock.isVisible()
    w.results_dock.close()                         # closed by the user: stays closed
    w.show_page("Overview")
    w.show_page("Teams")
    assert not w.results_dock.isVisible()


def test_compute_columns_do_not_widen_the_window(window, qapp):
    w = window
    w.show_page("Workflows")
    qapp.processEvents()
    before = w.minimumSizeHint().width()
    w.workflows_page.compute_action.setChecked(True)
    qapp.processEvents()
    assert w.minimumSizeHint().width() == before
    w.workflows_page.compute_action.setChecked(False)


def test_roster_import_dialog_keeps_its_buttons_on_a_small_screen(window, qapp):
    from conftest import ADVENTUREWORKS
    from PySide6.QtWidgets import QDialogButtonBox

    from planner.ui.roster.dialog import RosterImportDialog

    d = RosterImportDialog(window, ADVENTUREWORKS)
    d.show()
    qapp.processEvents()
    avail = d.screen().availableGeometry()
    # room is left for a title bar and a panel: 1366x768 keeps ~90 px free
    assert d.height() <= avail.height() * 0.9
    assert avail.contains(d.geometry())
    buttons = d.findChild(QDialogButtonBox)
    bottom = buttons.mapTo(d, buttons.rect().bottomLeft()).y() + d.geometry().top()
    assert bottom < avail.bottom() - 30
    d.reject()


def test_a_window_that_reopens_on_the_overview_shows_its_tiles_once(qtbot):
    """Reopened on Overview (the last page shown), the Results dock stood beside it, every
    tile twice, and at 1366 px the Overview's payback was cut."""
    from planner.ui.main_window import MainWindow
    from planner.ui.settings import AppSettings
    from planner.ui.workers import SyncRunner

    settings = AppSettings()
    settings.page = "Overview"
    w = MainWindow(settings=settings, runner=SyncRunner())
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    assert w.current_page() == "Overview"
    assert not w.results_dock.isVisible()
    w.show_page("Teams")
    assert w.results_dock.isVisible()                  # and it comes back on an editor page
    w.doc.undo_stack.setClean()
