"""The Organisation page shows a hand-built plan's own team tree when no roster is loaded."""
# ruff: noqa: F811 - the fixtures are imported from app_helpers

from __future__ import annotations

import json

import pytest
from app_helpers import make_window  # noqa: F401 - fixtures

from planner.engine import compute
from planner.io.roster import span_health
from planner.model import parse_plan

HAND_BUILT = {
    "format": "orgplan", "schema_version": 2, "name": "Hand-built", "currency": "EUR",
    "settings": {"target_span": 12, "volume_growth_per_year": 0.15},
    "teams": [
        {"id": "ceo", "name": "Office of the CEO", "parent": None,
         "roles": [{"name": "CEO", "kind": "manager", "headcount": 1, "annual_cost": 300000}]},
        {"id": "ops", "name": "Operations", "parent": "ceo",
         "roles": [{"name": "Clerk", "kind": "ic", "headcount": 40, "annual_cost": 50000},
                   {"name": "Lead", "kind": "manager", "headcount": 8, "annual_cost": 90000}]},
        {"id": "care", "name": "Customer care", "parent": "ceo",
         "roles": [{"name": "Agent", "kind": "ic", "headcount": 60, "annual_cost": 45000},
                   {"name": "Lead", "kind": "manager", "headcount": 3, "annual_cost": 80000}]},
        {"id": "fin", "name": "Finance", "parent": "ceo",
         "roles": [{"name": "Accountant", "kind": "ic", "headcount": 2, "annual_cost": 70000},
                   {"name": "Controller", "kind": "manager", "headcount": 2, "annual_cost": 110000}]},
    ],
    "workflows": [
        {"id": "w1", "team": "care", "name": "Answer mail", "volume_per_month": 20000,
         "minutes_per_unit": 10, "ai": {"time_saved": 0.4, "adoption": 0.7, "ramp_months": 6}},
        {"id": "w2", "team": "ops", "name": "Process orders", "volume_per_month": 8000,
         "minutes_per_unit": 20, "ai": {"time_saved": 0.3, "adoption": 0.6}}],
}


@pytest.fixture
def org(make_window, tmp_path):
    from planner.ui.roster import set_last_import

    set_last_import(None)
    path = tmp_path / "hand.orgplan.json"
    path.write_text(json.dumps(HAND_BUILT))
    w = make_window(path)
    w.show_page("Organisation")
    return w, w.organisation_page


def _expected_health(result, t: int, children: list[int]) -> str:
    ic, mgr = result.ic[t, -1], result.mgr[t, -1]
    span = (ic + sum(result.mgr[c, -1] for c in children)) / mgr
    return span_health(max(1, round(span)))


def test_a_hand_built_plan_shows_its_team_tree(org):
    from planner.ui.roster.colors import fill

    w, page = org
    assert page.stack.currentWidget() is page.plan_view
    chart = page.plan_view.chart
    assert sorted(chart.items) == [0, 1, 2, 3]           # the CEO's office and its 3 teams
    result = compute(parse_plan(HAND_BUILT))
    H = result.horizon
    kids = {0: [1, 2, 3], 1: [], 2: [], 3: []}
    for t, item in chart.items.items():
        name, today, final = chart.box_lines(t)
        assert name == HAND_BUILT["teams"][t]["name"]
        people = result.hc[t, -1]
        assert final.startswith(f"M{H} {people:,.0f},"), final
        assert today.startswith(f"Today {result.hc[t, 0]:,.0f} people")
        assert item.health == _expected_health(result, t, kids[t])
        assert chart.box_colour(t) == fill(item.health)
        tip = item.toolTip()
        assert f"Month {H}: {result.ic[t, -1]:,.0f} ICs + {result.mgr[t, -1]:,.0f} managers" in tip
    assert "layer 2" in chart.items[2].toolTip()         # under the CEO's office
    # the headline gives the plan's layers and span of control (MODEL.md 3.4)
    s = result.summary
    text = page.plan_view.headline.text()
    assert f"layers {s['baseline']['layers']} → {s['final']['layers']}" in text
    assert f"span of control {s['baseline']['avg_span']:.1f} → {s['final']['avg_span']:.1f}" in text


def test_the_team_tree_follows_edits(org):
    w, page = org
    chart = page.plan_view.chart
    w.doc.set(("teams", 3, "name"), "Money")
    w.recomputer.flush()
    assert chart.box_lines(3)[0] == "Money"
    assert chart.items[3].toolTip().startswith("<b>Money</b>")
    chart.toggle(0)                                       # close the CEO's office
    assert sorted(chart.items) == [0]
    w.doc.set(("teams", 1, "name"), "Ops")                # an edit keeps what was closed
    w.recomputer.flush()
    assert sorted(chart.items) == [0]


def test_a_plan_without_teams_shows_the_import_invitation(make_window):
    from planner.ui.roster import set_last_import

    set_last_import(None)
    w = make_window()
    w.new_plan()
    w.show_page("Organisation")
    page = w.organisation_page
    assert page.stack.currentIndex() == 0
    w.teams_page.add_team()
    w.recomputer.flush()
    assert page.stack.currentWidget() is page.plan_view
    assert len(page.plan_view.chart.items) == 1
