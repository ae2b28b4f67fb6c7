"""Pure path edits: new roots, nothing mutated, deleted keys put back in place."""

from __future__ import annotations

import copy
import json

from planner.ui.doc import edits
from planner.ui.doc.edits import MISSING


def test_set_in_copies_the_path_and_shares_the_rest(northwind_data):
    before = copy.deepcopy(northwind_data)
    new = edits.set_in(northwind_data, ("workflows", 0, "ai", "adoption"), 0.5)
    assert northwind_data == before  # input untouched
    assert new["workflows"][0]["ai"]["adoption"] == 0.5
    assert new["teams"] is northwind_data["teams"]  # untouched branches are shared
    assert new["workflows"][1] is northwind_data["workflows"][1]


def test_deleting_and_restoring_a_key_keeps_its_position(northwind_data):
    path = ("settings", "redeploy_share")
    index = edits.key_index(northwind_data, path)
    old = edits.get_in(northwind_data, path)
    gone = edits.set_in(northwind_data, path, MISSING)
    assert "redeploy_share" not in gone["settings"]
    back = edits.set_in(gone, path, old, index=index)
    assert json.dumps(back) == json.dumps(northwind_data)


def test_list_edits_round_trip(northwind_data):
    item = {"id": "x", "name": "X"}
    added = edits.insert_in(northwind_data, ("teams",), 2, item)
    assert added["teams"][2] == item and len(added["teams"]) == len(northwind_data["teams"]) + 1
    assert edits.remove_in(added, ("teams",), 2) == northwind_data
    moved = edits.move_in(northwind_data, ("teams",), 0, 3)
    assert moved["teams"][3] == northwind_data["teams"][0]
    assert edits.move_in(moved, ("teams",), 3, 0) == northwind_data


def test_get_in_tolerates_wrong_shapes():
    data = {"a": [1, {"b": 2}]}
    assert edits.get_in(data, ("a", 1, "b")) == 2
    assert edits.get_in(data, ("a", 5)) is MISSING
    assert edits.get_in(data, ("a", 0, "b")) is MISSING
    assert edits.get_in(data, ("zz",), None) is None


def test_unique_ids():
    assert edits.unique_id("team", set()) == "team"
    assert edits.unique_id("team", {"team", "team-2"}) == "team-3"
    assert edits.unique_id("tickets-2", {"tickets-2"}) == "tickets-3"
