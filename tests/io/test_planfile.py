"""Plan files: canonical, atomic saves that never lose the old file."""

from __future__ import annotations

import json
import os

import pytest
from conftest import EXAMPLE

from planner.io.atomic import WriteFailed
from planner.io.planfile import dumps_plan, load_plan, plan_to_data, read_plan_data, save_plan
from planner.model import SCHEMA_VERSION, PlanInvalid


def test_northwind_round_trip_is_stable(tmp_path, northwind):
    path = tmp_path / "nw.orgplan.json"
    save_plan(northwind, path)
    first = path.read_bytes()
    again = load_plan(path)
    assert again == northwind
    save_plan(again, path)
    assert path.read_bytes() == first
    data = json.loads(first)
    assert data["schema_version"] == SCHEMA_VERSION and data["format"] == "orgplan"
    assert data["teams"][0]["roles"][0]["headcount"] == 6      # whole numbers stay whole
    assert "parent" not in data["teams"][0]                      # nulls are left out


def test_saved_file_keeps_notes_and_unicode(tmp_path, northwind_data):
    northwind_data["name"] = "Plan für Zürich"
    northwind_data["teams"][0]["note"] = "Board approved 2026-10"
    path = tmp_path / "z.orgplan.json"
    from planner.model import parse_plan
    save_plan(parse_plan(northwind_data), path)
    text = path.read_text(encoding="utf-8")
    assert "Plan für Zürich" in text and "Board approved" in text


def test_failed_save_leaves_the_old_file_and_no_temp(tmp_path, northwind, monkeypatch):
    path = tmp_path / "nw.orgplan.json"
    save_plan(northwind, path)
    before = path.read_bytes()

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(WriteFailed) as info:
        save_plan(plan_to_data(northwind) | {"name": "changed"}, path)
    assert "permission denied" in str(info.value)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["nw.orgplan.json"]


def test_save_into_a_missing_folder_says_so(tmp_path, northwind):
    with pytest.raises(WriteFailed) as info:
        save_plan(northwind, tmp_path / "no" / "such" / "x.orgplan.json")
    assert "does not exist" in str(info.value)


def test_raw_data_can_be_saved_even_when_invalid(tmp_path, northwind_data):
    northwind_data["workflows"][0]["team"] = "nobody"
    path = tmp_path / "draft.orgplan.json"
    save_plan(northwind_data, path)
    # read back at the current schema version (the example file is version 1)
    assert read_plan_data(path) == {**json.loads(dumps_plan(northwind_data)), "schema_version": 2}
    with pytest.raises(PlanInvalid):
        load_plan(path)


def test_file_with_bom_loads(tmp_path):
    path = tmp_path / "bom.orgplan.json"
    path.write_bytes(b"\xef\xbb\xbf" + EXAMPLE.read_bytes())
    assert load_plan(path).name == "Northwind Software 2027"


def test_future_version_says_update(tmp_path, northwind_data):
    northwind_data["schema_version"] = 3
    northwind_data["portfolio"] = []           # a new feature of that version
    path = tmp_path / "new.orgplan.json"
    path.write_text(json.dumps(northwind_data))
    with pytest.raises(PlanInvalid) as info:
        load_plan(path)
    assert len(info.value.errors) == 1
    assert "newer OrgPlanner" in str(info.value) and "update OrgPlanner" in str(info.value)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_utf16_file_says_save_as_utf8(tmp_path, encoding):
    # Notepad's "Unicode" is UTF-16 with a BOM; it used to be called "a binary file".
    path = tmp_path / "notepad.orgplan.json"
    text = EXAMPLE.read_text(encoding="utf-8")
    path.write_bytes(("\ufeff" + text).encode(encoding) if encoding.endswith("be")
                     else text.encode(encoding))
    from planner.io.planfile import PlanFileError

    with pytest.raises(PlanFileError, match=r"notepad.orgplan.json: the file is saved as UTF-16 .*"
                                            "save it as UTF-8"):
        read_plan_data(path)


def test_an_override_that_empties_a_value_keeps_its_value_when_the_plan_is_saved(northwind_data):
    """`"value": null` is the override's whole point: dropping nulls must not drop it (the
    override would be neither a value nor a scale, and the saved file would not load)."""
    from planner.model import parse_plan

    northwind_data["scenarios"] = [{"id": "flat", "name": "Flat", "overrides": [
        {"path": "settings.target_span", "value": None}]}]
    data = plan_to_data(parse_plan(northwind_data))
    assert data["scenarios"][0]["overrides"][-1] == {"path": "settings.target_span", "value": None}
    assert parse_plan(data).scenarios[0].overrides[-1].value is None
