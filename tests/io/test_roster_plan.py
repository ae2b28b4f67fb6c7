"""Plans built from the AdventureWorks roster validate and keep its people and payroll."""

from __future__ import annotations

import pytest
from conftest import ADVENTUREWORKS

from planner.engine import compute
from planner.io.planfile import load_plan
from planner.io.roster import build_plan, load_roster
from planner.model import parse_plan

AW = ADVENTUREWORKS
pytestmark = pytest.mark.skipif(not AW.exists(), reason="AdventureWorks roster not available")


@pytest.fixture(scope="module")
def analysis():
    return load_roster(AW)


@pytest.mark.parametrize("mode", ["department", "manager"])
def test_plan_validates_and_keeps_headcount_and_payroll(analysis, mode):
    data = build_plan(analysis, teams=mode, name="AdventureWorks", currency="USD")
    plan = parse_plan(data)
    base = compute(plan).summary["baseline"]
    assert base["headcount"] == 290
    assert base["managers"] == 47 and base["ic"] == 243
    assert base["payroll_annual"] == pytest.approx(10_971_158)
    assert plan.workflows == [] and all(t.min_ic == 0 for t in plan.teams)
    assert "roster.csv" in plan.note


def test_department_teams_follow_the_reporting_lines(analysis):
    plan = parse_plan(build_plan(analysis))
    by_name = {t.name: t for t in plan.teams}
    assert len(plan.teams) == 16
    assert by_name["Executive"].parent is None
    # Purchasing's head (Sheela Word) reports to Wendy Kahn in Finance.
    assert by_name["Purchasing"].parent == by_name["Finance"].id
    # Production's head is James Hamilton (VP of Production), who reports to the CEO.
    assert by_name["Production"].parent == "executive"
    assert by_name["Research and Development"].id == "research-and-development"
    roles = {r.name: r for r in by_name["Executive"].roles}
    assert roles["Chief Executive Officer"].kind == "manager"
    assert roles["Chief Executive Officer"].annual_cost == 261040


def test_manager_teams(analysis):
    plan = parse_plan(build_plan(analysis, teams="manager"))
    assert len(plan.teams) == 47
    top = plan.teams[0]
    assert top.name == "Ken Sánchez's team" and top.parent is None
    krebs = next(t for t in plan.teams if t.name.startswith("Peter Krebs"))
    assert sum(r.headcount for r in krebs.roles) == 1 + sum(
        1 for i in range(290) if analysis.roster.parent[i] == _index(analysis, "Peter Krebs")
        and analysis.span[i] == 0)
    assert len({t.id for t in plan.teams}) == 47


def _index(a, name):
    return int(list(a.roster.names).index(name))


def test_plan_file_round_trip(analysis, tmp_path):
    from planner.io.planfile import save_plan

    path = tmp_path / "aw.orgplan.json"
    save_plan(build_plan(analysis), path)
    assert compute(load_plan(path)).summary["baseline"]["headcount"] == 290
