"""Broken rosters: every problem names the row as the file shows it and says what happens;
what is valid is still imported, and nothing ends in a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.io.roster import RosterError, build_plan, load_roster
from planner.io.roster.synthetic import generate_roster
from planner.model import parse_plan

DATA = Path(__file__).resolve().parents[1] / "data" / "rosters"


def _messages(name: str) -> list[str]:
    return load_roster(DATA / name).roster.messages


def test_cycle_members_are_left_out_and_those_below_become_tops():
    a = load_roster(DATA / "cycle.csv")
    msgs = a.roster.messages
    assert "cycle.csv line 3: Ben Loop (id 2) is in a reporting cycle (2 -> 3 -> 2); this row is left out" in msgs
    assert any(m.startswith("cycle.csv line 4: Cy Loop (id 3) is in a reporting cycle") for m in msgs)
    assert any(m.startswith("cycle.csv line 5: Dee Below (id 4) reports to id 3, who was left out")
               and "top of a separate tree" in m for m in msgs)
    assert a.roster.left_out == [(3, "2", "in a reporting cycle"), (4, "3", "in a reporting cycle")]
    assert a.employees == 3 and sorted(a.roster.ids) == ["1", "4", "5"]
    assert a.layer_counts == {1: 2, 2: 1}


def test_two_roots():
    a = load_roster(DATA / "two_roots.csv")
    assert a.roster.messages == [
        "two_roots.csv line 5: Dee Orphan (id 4) has no manager: a second top besides Ada Root "
        "(id 1) (line 2); kept as the top of a separate tree of 2 people"]
    assert a.employees == 5 and len(a.roots) == 2 and a.layer_counts == {1: 2, 2: 3}


def test_unknown_manager_and_bad_costs_and_fte():
    a = load_roster(DATA / "unknown_manager.csv")
    assert a.roster.messages == [
        "unknown_manager.csv line 4: manager id 991 matches nobody; Cy (id 3) is kept as the top "
        "of a separate tree",
        "unknown_manager.csv line 5: annual cost -5 is negative; the role's average cost is used",
        "unknown_manager.csv line 6: annual cost \"lots\" is not a number; the role's average cost is used",
        "unknown_manager.csv line 6: FTE \"abc\" is not a number; counted as 1 FTE",
        "unknown_manager.csv line 7: annual cost missing for Fay (id 6); the role's average cost is used",
        "unknown_manager.csv line 7: FTE 1.5 is outside 0 < FTE <= 1; counted as 1 FTE",
    ]
    assert a.employees == 6 and a.roster.left_out == []
    data = build_plan(a)
    analysts = next(r for t in data["teams"] for r in t["roles"] if r["name"] == "Analyst")
    # Only Ben and Cy have a usable cost: the analysts' average comes from them.
    assert analysts["headcount"] == 5 and analysts["annual_cost"] == 60000
    assert "3 of 5 people had no known cost" in analysts["note"]


def test_duplicate_and_missing_ids():
    a = load_roster(DATA / "duplicate_id.csv")
    assert a.roster.messages == [
        "duplicate_id.csv line 4: employee id 2 is used again (first on line 3); this row is left out",
        "duplicate_id.csv line 5: no employee id (No Id); this row is left out",
    ]
    assert a.roster.left_out == [(4, "2", "repeated employee id"), (5, "", "no employee id")]
    assert a.employees == 3 and a.layers == 3  # Cy reports to the first Ben


def test_managers_matched_by_name_with_an_ambiguous_one():
    a = load_roster(DATA / "by_manager_name.csv")
    r = a.roster
    assert r.mapping["manager_name"] == "Reports To"
    assert r.messages == [
        'by_manager_name.csv line 8: manager name "Sam Twin" matches 2 people (lines 6, 7); Eve is '
        "kept as the top of a separate tree (add a manager id column to tell them apart)"]
    assert a.span_distribution == {1: 1, 4: 1}  # "ben boss" matches "Ben Boss"
    assert list(r.fte) == [1, 1, 0.5, 1, 1, 1, 1]  # the "FTE %" column read as percent
    assert float(r.cost[0]) == 200000  # "$200,000"


@pytest.mark.parametrize(("name", "expected"), [
    ("empty.csv", "empty.csv: the file is empty"),
    ("header_only.csv", "header_only.csv: there is a header row but no people below it"),
])
def test_empty_files(name, expected):
    with pytest.raises(RosterError, match=expected):
        load_roster(DATA / name)


def test_binary_file_is_refused(tmp_path):
    path = tmp_path / "photo.csv"
    path.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(RosterError, match="photo.csv: this is not a text file"):
        load_roster(path)


def test_old_xls_and_broken_xlsx(tmp_path):
    xls = tmp_path / "roster.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    with pytest.raises(RosterError, match="old Excel .xls workbook; save it as .xlsx or CSV"):
        load_roster(xls)
    bad = tmp_path / "roster.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(RosterError, match="roster.xlsx: not a readable .xlsx workbook"):
        load_roster(bad)


def test_no_manager_column(tmp_path):
    path = tmp_path / "flat.csv"
    path.write_text("Employee ID,Name,Title\n1,Ada,CEO\n", encoding="utf-8")
    with pytest.raises(RosterError, match=r"no manager column found .*--map manager_id=COLUMN"):
        load_roster(path)


def test_unknown_map_column(tmp_path):
    with pytest.raises(RosterError, match='no column "Boss" for manager_id; the columns are "id"'):
        load_roster(DATA / "cycle.csv", mapping={"manager_id": "Boss"})


def test_ragged_row_names_its_line(tmp_path):
    path = tmp_path / "ragged.csv"
    path.write_text("id,name,manager\n1,Ada,\n2,Ben,1\n3,Cy, Jr,1\n", encoding="utf-8")
    with pytest.raises(RosterError, match="ragged.csv line 4: 4 fields where the header has 3"):
        load_roster(path)


def test_one_fte_typo_does_not_turn_the_column_into_percent(tmp_path):
    # A column of fractions with one "50" (meant 0.5 or 50%): the others stay 1 FTE and
    # the typo is reported, rather than everyone becoming 0.01 FTE.
    path = tmp_path / "fte.csv"
    path.write_text("id,name,manager,FTE\n1,Ada,,1\n2,Ben,1,1\n3,Cy,1,0.5\n4,Dee,1,50\n",
                    encoding="utf-8")
    r = load_roster(path).roster
    assert list(r.fte) == [1, 1, 0.5, 1]
    assert r.messages == ["fte.csv line 5: FTE 50 is outside 0 < FTE <= 1; counted as 1 FTE"]
    assert not any("percent" in n for n in r.notes)


def test_self_managed_top(tmp_path):
    path = tmp_path / "self.csv"
    path.write_text("id,name,manager\n1,Ada,1\n2,Ben,1\n", encoding="utf-8")
    a = load_roster(path)
    assert a.roster.messages == ["self.csv line 2: Ada (id 1) reports to themself; treated as the "
                                 "top of the tree"]
    assert a.layer_counts == {1: 1, 2: 1}


def test_large_roster_with_ten_bad_rows(tmp_path):
    path = tmp_path / "big.csv"
    spoiled = generate_roster(path, 100_000, bad_rows=10)
    a = load_roster(path)
    r = a.roster
    bad_lines = sorted(line for lines in spoiled.values() for line in lines)
    assert len(bad_lines) == 10
    # One message per spoiled row, each naming its line; nothing else is reported.
    assert sorted(p.line for p in r.problems) == bad_lines
    assert all(m.startswith(f"big.csv line {p.line}: ") for m, p in zip(r.messages, r.problems, strict=True))
    left = {line for line, _, _ in r.left_out}
    assert left == set(spoiled["duplicate_id"] + spoiled["cycle"] + spoiled["missing_id"])
    assert a.employees == 100_000 - 5
    assert len(a.roots) == 3  # the top and the two people whose manager matches nobody
    data = build_plan(a)
    plan = parse_plan(data)
    assert sum(r.headcount for t in plan.teams for r in t.roles) == pytest.approx(a.fte)
