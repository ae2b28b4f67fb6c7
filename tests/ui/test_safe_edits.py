"""Edits that must never change a plan silently: taken ids, decimal commas, no-change plans."""
# ruff: noqa: F811 - the fixtures are imported from app_helpers

from __future__ import annotations

import pytest
from app_helpers import dumps, make_window, window  # noqa: F401 - fixtures

from planner.cli import main as cli_main
from planner.ui.doc.fields import parse_number


def test_renaming_a_team_onto_a_taken_id_is_refused_and_changes_nothing(window):
    w = window
    before = dumps(w.doc.data)
    messages = []
    tm = w.teams_page.tree_model
    tm.message.connect(messages.append)
    idx = tm.index_of_team(w.doc.ids("teams")["support"], 1)
    assert not tm.setData(idx, "marketing")
    assert dumps(w.doc.data) == before
    assert messages and 'the id "marketing" is already used by Marketing' in messages[-1]
    assert not w.doc.undo_stack.canUndo()


def test_renaming_a_workflow_onto_a_taken_id_is_refused_in_the_table(window):
    w = window
    model = w.workflows_page.model
    column = next(i for i, f in enumerate(model.fields) if f.kind == "id")
    before = dumps(w.doc.data)
    message = model.write_text(1, column, "coding")
    assert message and "already used" in message
    assert dumps(w.doc.data) == before


@pytest.mark.parametrize(("text", "value"), [
    ("62.000,50", 62000.5), ("62,000.50", 62000.5), ("0,35", 0.35), ("1,5", 1.5),
    ("62,000", 62000), ("1.234.567", 1234567), ("$62 000", 62000), ("12,5k", 12500), ("-3", -3)])
def test_numbers_typed_the_european_or_the_english_way(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["1,2,3", "abc", "1.2.3,4,5", ""])
def test_ambiguous_numbers_are_refused(text):
    with pytest.raises(ValueError):
        parse_number(text)


def test_a_plan_that_changes_nothing_shows_no_payback(make_window, tmp_path, northwind_data, capsys):
    import json

    from planner.ui.dashboard.kpis import build_kpis

    northwind_data["workflows"] = []
    for team in northwind_data["teams"]:
        team.pop("ai_seats", None)
    northwind_data["settings"].update(implementation_cost=0, target_span=None)
    path = tmp_path / "still.orgplan.json"
    path.write_text(json.dumps(northwind_data))
    w = make_window(path)
    w.recomputer.flush()
    assert w.doc.result.payback_month is None       # MODEL.md 5: null when nothing changes
    tile = build_kpis(w.doc.result, "USD")["payback"]
    assert (tile.value, tile.detail, tile.tone) == ("–", "nothing changes yet", "neutral")
    assert cli_main(["summary", str(path)]) == 0
    assert "– (nothing changes)" in capsys.readouterr().out

