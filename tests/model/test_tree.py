"""The team tree's cycle check: each cycle once, in order, and linear in the tree's depth."""

from __future__ import annotations

from planner.model import check
from planner.model.tree import find_cycles


def test_no_links_no_cycles():
    assert find_cycles({}) == []
    assert find_cycles({"a": "root", "b": "a"}) == []


def test_a_self_loop_is_a_cycle_of_one():
    # validate.py reports "its own parent" before building the links; the function still sees it
    assert find_cycles({"a": "a"}) == [["a"]]


def test_two_separate_cycles_each_once_from_their_first_id():
    parents = {"x": "y", "a": "b", "b": "c", "c": "a", "y": "x"}
    assert find_cycles(parents) == [["x", "y"], ["a", "b", "c"]]


def test_a_cycle_with_tails_hanging_off_it_is_reported_once():
    # t1 -> t2 -> b and u -> c hang off the cycle b -> c -> d -> b
    parents = {"t1": "t2", "t2": "b", "u": "c", "c": "d", "b": "c", "d": "b"}
    assert find_cycles(parents) == [["c", "d", "b"]]


def test_a_100000_deep_chain_has_no_cycle_and_its_closed_twin_has_one():
    n = 100_000
    chain = {f"t{i}": f"t{i - 1}" for i in range(1, n)}
    assert find_cycles(chain) == []
    closed = chain | {"t0": f"t{n - 1}"}
    [loop] = find_cycles(closed)
    assert len(loop) == n and loop[:3] == ["t1", "t0", f"t{n - 1}"]


def _team(i: int, parent: str | None) -> dict:
    role = {"name": "Engineer", "kind": "ic", "headcount": 1, "annual_cost": 100000}
    team = {"id": f"t{i}", "name": f"Team {i}", "roles": [role]}
    return team | ({"parent": parent} if parent else {})


def test_plan_message_names_the_first_team_of_each_cycle(northwind_data):
    d = northwind_data
    d["teams"] = [_team(0, None), _team(1, "t3"), _team(2, "t1"), _team(3, "t2"),
                  _team(4, "t5"), _team(5, "t4"), _team(6, "t2")]
    d["workflows"] = [w | {"team": "t0"} for w in d["workflows"]]
    msgs = [str(p) for p in check(d) if "cycle" in p.message]
    assert msgs == [
        "teams[1].parent: the team tree has a cycle (t1 -> t3 -> t2 -> t1): set one parent to "
        "null or another team",
        "teams[4].parent: the team tree has a cycle (t4 -> t5 -> t4): set one parent to null or "
        "another team",
    ]


def test_a_deep_team_chain_validates(northwind_data):
    d = northwind_data
    d["teams"] = [_team(i, f"t{i - 1}" if i else None) for i in range(20_000)]
    d["workflows"] = [w | {"team": "t0"} for w in d["workflows"]]
    assert [p for p in check(d) if p.severity == "error"] == []


def test_a_cycle_through_a_blank_id_is_reported_without_crashing():
    problems = check({"teams": [{"id": " ", "parent": "x"}, {"id": "x", "parent": " "}]})
    assert any("cycle ( " in p.message and p.loc == ("teams", 1, "parent") for p in problems)
