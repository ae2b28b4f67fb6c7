"""The roster import dialog and the Organisation page, driven as a user would (offscreen)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ADVENTUREWORKS

pytest.importorskip("PySide6")

from PySide6.QtCore import QObject, Signal  # noqa: E402

from planner.engine import compute  # noqa: E402
from planner.model import parse_plan  # noqa: E402

AW = ADVENTUREWORKS
DATA = Path(__file__).resolve().parents[1] / "data" / "rosters"
needs_aw = pytest.mark.skipif(not AW.exists(), reason="AdventureWorks roster not available")


class FakeDoc(QObject):
    changed = Signal(object)

    def __init__(self, data: dict) -> None:
        super().__init__()
        self.data = data


@pytest.fixture(autouse=True)
def _no_roster_between_tests():
    from planner.ui.roster import set_last_import

    set_last_import(None)
    yield
    set_last_import(None)


@needs_aw
def test_dialog_maps_adventureworks_and_imports_a_valid_plan(qtbot):
    from planner.ui.roster import RosterImportDialog, last_import

    dlg = RosterImportDialog(None, AW)
    qtbot.addWidget(dlg)
    assert dlg.combos["employee_id"].currentText() == "employee_id"
    assert dlg.combos["manager_id"].currentText() == "manager_id"
    assert dlg.combos["manager_name"].currentData() is None
    assert "290 people" in dlg.summary.text() and "5 layers" in dlg.summary.text()
    assert dlg.problems_label.text() == "Problems: none"
    assert dlg.preview.rowCount() == 200 and dlg.preview.verticalHeaderItem(0).text() == "2"
    dlg.set_teams_mode("manager")
    data = dlg.accept_import()
    plan = parse_plan(data)
    assert len(plan.teams) == 47
    assert compute(plan).summary["baseline"]["headcount"] == 290
    assert last_import() is dlg.analysis


def test_dialog_shows_problems_with_line_numbers_and_remaps(qtbot):
    from planner.ui.roster import RosterImportDialog

    dlg = RosterImportDialog(None, DATA / "cycle.csv")
    qtbot.addWidget(dlg)
    texts = [dlg.problems.item(i).text() for i in range(dlg.problems.count())]
    assert texts[0].startswith("cycle.csv line 3: Ben Loop (id 2) is in a reporting cycle")
    assert "2 rows will be left out" in dlg.summary.text()
    # Unmapping the manager column leaves nothing to build a tree from: Import is disabled.
    dlg.set_mapping("manager_id", None)
    dlg.set_mapping("manager_name", None)
    assert not dlg.import_button.isEnabled()
    assert "no manager column found" in dlg.summary.text()
    dlg.combos["manager_id"].setCurrentIndex(dlg.combos["manager_id"].findData("manager"))
    assert dlg.import_button.isEnabled()


def test_dialog_xlsx_sheet_choice(qtbot, tmp_path, monkeypatch):
    from openpyxl import Workbook
    from PySide6.QtWidgets import QMessageBox

    from planner.ui.roster import RosterImportDialog

    wb = Workbook()
    wb.active.title = "Cover"
    wb.active.append(["nothing here"])
    ws = wb.create_sheet("Staff")
    ws.append(["Worker ID", "Full Name", "Supervisor ID", "Dept"])
    ws.append([1, "Ada", None, "Exec"])
    ws.append([2, "Ben", 1, "Ops"])
    path = tmp_path / "hr.xlsx"
    wb.save(path)
    dlg = RosterImportDialog(None, path)
    qtbot.addWidget(dlg)
    # The cover sheet holds no roster: the sheet with the headers is chosen.
    assert not dlg.sheet_combo.isHidden() and dlg.sheet_combo.count() == 2
    assert dlg.sheet_combo.currentText() == "Staff"
    assert dlg.analysis is not None and dlg.analysis.employees == 2
    assert dlg.combos["manager_id"].currentText() == "Supervisor ID"
    # Choosing the cover sheet says why it cannot be used, and keeps the good one.
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    dlg.sheet_combo.setCurrentText("Cover")
    assert shown and "there is a header row but no people below it" in shown[0]
    assert dlg.table.sheet == "Staff" and dlg.sheet_combo.currentText() == "Staff"


def test_import_dialog_reports_an_unreadable_file(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from planner.ui.roster import import_roster_dialog

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    assert import_roster_dialog(None, DATA / "empty.csv") is None
    assert shown == ["empty.csv: the file is empty; it should have a header row and one row per person"]


def test_page_empty_state(qtbot):
    from planner.ui.roster import OrganisationPage

    page = OrganisationPage()
    qtbot.addWidget(page)
    page.set_document(None)
    assert page.stack.currentIndex() == 0
    assert page.import_button.text().startswith("Import a roster")


@needs_aw
def test_page_shows_the_org_chart_and_spans(qtbot):
    from planner.io.roster import build_plan, load_roster
    from planner.ui.roster import OrganisationPage, set_last_import
    from planner.ui.roster.colors import fill

    a = load_roster(AW)
    page = OrganisationPage()
    qtbot.addWidget(page)
    page.resize(1200, 800)
    data = build_plan(a)
    data["workflows"] = [{"id": "paperwork", "team": "production", "name": "Paperwork",
                          "volume_per_month": 20000, "minutes_per_unit": 30,
                          "ai": {"time_saved": 0.5, "adoption": 0.9}}]
    page.set_document(FakeDoc(data))
    set_last_import(a)
    assert page.stack.currentIndex() == 1
    chart = page.chart
    # Layers 1-3 are drawn at first: 1 + 6 + 27 people.
    assert len(chart.items) == 34
    names = {str(a.roster.names[i]): i for i in chart.items}
    # Terri Duffy has a span of 1: amber; Peter Krebs 22: red; a VP with 4 reports: green.
    assert chart.items[names["Terri Duffy"]].health == "narrow"
    assert chart.box_colour(names["Terri Duffy"]) == fill("narrow")
    assert chart.items[names["Peter Krebs"]].health == "wide"
    assert chart.items[names["James Hamilton"]].health == "ok"
    assert "Span: 1 direct report" in chart.items[names["Terri Duffy"]].toolTip()
    # Opening Peter Krebs shows his 22 reports; closing hides them again.
    chart.toggle(names["Peter Krebs"])
    assert len(chart.items) == 34 + 22
    chart.toggle(names["Peter Krebs"])
    assert len(chart.items) == 34
    page.open_layers.setValue(4)
    assert len(chart.items) == 290
    # The spans view shows the analysis as "before" and the plan's month 36 as "after".
    fig = page.spans.figures
    assert fig.before_spans == a.span_distribution
    assert dict(zip(fig.before_layers.layers, fig.before_layers.people, strict=True)) == {
        k: float(v) for k, v in a.layer_counts.items()}
    final = compute(parse_plan(data)).summary["final"]
    assert sum(fig.after_layers.people) == pytest.approx(final["headcount"])
    assert sum(fig.after_spans.values()) <= final["managers"]
    assert "month 36" in page.spans.caption.text()


def test_page_lays_out_a_large_roster_collapsed(qtbot, tmp_path):
    from planner.io.roster import load_roster
    from planner.io.roster.synthetic import generate_roster
    from planner.ui.roster import OrganisationPage, set_last_import

    path = tmp_path / "big.csv"
    generate_roster(path, 100_000)
    a = load_roster(path)
    page = OrganisationPage()
    qtbot.addWidget(page)
    set_last_import(a)
    drawn = len(page.chart.items)
    assert 0 < drawn < 5_000  # layers 1-3 only
    assert page.shown_label.text() == f"{drawn:,} of 100,000 people drawn"
