"""Override layers and ranges are addressed by id: they stay with their item."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner.model import check
from planner.plan import layers as L
from planner.plan import scenarios as S
from planner.plan.edits import insert_in, move_in, remove_in, set_in

V1 = Path(__file__).resolve().parents[1] / "data" / "northwind.v1.orgplan.json"


@pytest.fixture
def data() -> dict:
    d = json.loads(V1.read_text(encoding="utf-8"))
    d["scenarios"] = [{"id": "bear", "name": "Bear", "overrides": []}]
    return d


def tickets(d: dict) -> int:
    return next(i for i, w in enumerate(d["workflows"]) if w["id"] == "tickets")


@pytest.mark.parametrize(("loc", "path"), [
    (("settings", "pue"), "settings.pue"),
    (("workflows", "TICKETS", "ai", "adoption"), "workflows[tickets].ai.adoption"),
    (("workflows", "TICKETS", "volume_per_month"), "workflows[tickets].volume_per_month"),
    (("teams", 4, "roles", 0, "annual_cost"), "teams[support].roles[Support agent].annual_cost"),
    (("teams", 4, "ai_seats", "coverage"), "teams[support].ai_seats.coverage"),
    (("teams", 4, "name"), None),                       # text: not a value to override
    (("workflows", 999, "ai", "adoption"), None),
])
def test_a_cell_is_named_by_ids(data, loc, path):
    loc = tuple(tickets(data) if x == "TICKETS" else x for x in loc)
    assert L.path_of(data, loc) == path


def test_an_override_stays_with_its_item_when_rows_move(data):
    i = tickets(data)
    path = L.path_of(data, ("workflows", i, "ai", "adoption"))
    overrides = L.set_override([], path, 0.95)
    d = set_in(data, ("scenarios", 0, "overrides"), overrides)
    assert L.overridden_cells(d, "bear") == {("workflows", i, "ai", "adoption"): 0}
    d = insert_in(d, ("workflows",), 0, {"id": "new", "team": "support", "name": "New",
                                          "volume_per_month": 1, "minutes_per_unit": 1})
    assert L.overridden_cells(d, "bear") == {("workflows", i + 1, "ai", "adoption"): 0}
    d = move_in(d, ("workflows",), i + 1, 0)
    assert L.overridden_cells(d, "bear") == {("workflows", 0, "ai", "adoption"): 0}
    d = remove_in(d, ("workflows",), 1)                 # another row deleted
    assert L.overridden_cells(d, "bear") == {("workflows", 0, "ai", "adoption"): 0}
    assert S.resolved(d, "bear")["workflows"][0]["ai"]["adoption"] == 0.95
    assert not [p for p in check(d) if p.severity == "error"]


def test_setting_the_same_cell_twice_keeps_one_override_and_reset_removes_it():
    ovs = L.set_override([], "settings.pue", 1.5)
    ovs = L.set_override(ovs, "settings.pue", 1.6)
    assert ovs == [{"path": "settings.pue", "value": 1.6}]
    assert L.drop_override(ovs, "settings.pue") == []


def test_renaming_an_id_rewrites_the_paths_that_use_it(data):
    data["scenarios"][0]["overrides"] = [{"path": "workflows[tickets].ai.adoption", "value": 0.9},
                                         {"path": "workflows[*].ai.time_saved", "scale": 0.5}]
    data["ranges"] = [{"path": "workflows[tickets].ai.time_saved", "low": 0.1, "high": 0.5}]
    changed = L.rename_in_paths(data, "workflows", "tickets", "support-tickets")
    assert changed["scenarios"][0]["overrides"][0]["path"] == "workflows[support-tickets].ai.adoption"
    assert changed["scenarios"][0]["overrides"][1]["path"] == "workflows[*].ai.time_saved"
    assert changed["ranges"][0]["path"] == "workflows[support-tickets].ai.time_saved"
    assert data["ranges"][0]["path"] == "workflows[tickets].ai.time_saved"   # input untouched
    roles = L.rename_in_paths({"ranges": [{"path": "teams[a].roles[Agent].headcount"}]},
                              "roles", "Agent", "Advisor")
    assert roles["ranges"][0]["path"] == "teams[a].roles[Advisor].headcount"


def test_deleting_an_item_drops_its_overrides_and_ranges(data):
    data["scenarios"][0]["overrides"] = [{"path": "workflows[tickets].ai.adoption", "value": 0.9},
                                         {"path": "settings.pue", "value": 1.4}]
    data["ranges"] = [{"path": "workflows[tickets].ai.time_saved", "low": 0.1, "high": 0.5},
                      {"path": "settings.pue", "low": 1.1, "high": 1.5}]
    out = L.without_item(data, "workflows", "tickets")
    assert out["scenarios"][0]["overrides"] == [{"path": "settings.pue", "value": 1.4}]
    assert out["ranges"] == [{"path": "settings.pue", "low": 1.1, "high": 1.5}]
    assert L.without_item(data, "teams", "nobody") == {}


def test_ranges_are_set_replaced_and_dropped_by_path():
    rgs = L.set_range([], "settings.pue", {"low": 1.1, "high": 1.5})
    rgs = L.set_range(rgs, "settings.pue", {"low_scale": 0.9, "high_scale": 1.2})
    assert rgs == [{"path": "settings.pue", "low_scale": 0.9, "high_scale": 1.2}]
    assert L.drop_range(rgs, "settings.pue") == []
    assert L.ranged_cells({"settings": {}, "ranges": rgs}) == {("settings", "pue"): 0}


def test_scenario_ids_never_take_baseline(data):
    assert L.unique_scenario_id(data, "bear") == "bear-2"
    assert L.unique_scenario_id(data, "baseline") == "baseline-2"
