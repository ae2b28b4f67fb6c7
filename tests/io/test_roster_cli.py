"""``orgplanner roster`` and ``orgplanner import-roster`` as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ADVENTUREWORKS

from planner.cli import main

AW = ADVENTUREWORKS
DATA = Path(__file__).resolve().parents[1] / "data" / "rosters"
needs_aw = pytest.mark.skipif(not AW.exists(), reason="AdventureWorks roster not available")


@needs_aw
def test_roster_json(capsys):
    assert main(["roster", str(AW), "--json"]) == 0
    j = json.loads(capsys.readouterr().out)
    assert (j["employees"], j["managers"], j["layers"], j["median_span"]) == (290, 47, 5, 5)
    assert j["mean_span"] == pytest.approx(6.149, rel=1e-3)
    assert j["span_distribution"]["22"] == 1 and j["layer_counts"]["5"] == 190
    assert j["problems"] == []


@needs_aw
def test_roster_text(capsys):
    assert main(["roster", str(AW)]) == 0
    out = capsys.readouterr().out
    assert "roster.csv: 290 people (290.0 FTE), 47 managers, 243 individual contributors, 5 layers" in out
    assert "mean 6.15, median 5" in out
    assert "Peter Krebs (id 26), Production Control Manager: 22 reports" in out
    assert "Terri Duffy (id 2) -> Roberto Tamburello (id 3)" in out
    assert "Problems: none" in out


@needs_aw
@pytest.mark.parametrize("mode", ["department", "manager"])
def test_import_roster_writes_a_valid_plan(tmp_path, capsys, mode):
    out = tmp_path / "aw.orgplan.json"
    assert main(["import-roster", str(AW), "-o", str(out), "--teams", mode, "--name", "AW",
                 "--currency", "eur"]) == 0
    text = capsys.readouterr().out
    assert f"Wrote {out}:" in text and "Nobody was left out." in text
    assert main(["validate", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["name"] == "AW" and data["currency"] == "EUR"


def test_import_lists_what_was_left_out(tmp_path, capsys):
    out = tmp_path / "p.orgplan.json"
    assert main(["import-roster", str(DATA / "cycle.csv"), "-o", str(out)]) == 0
    text = capsys.readouterr().out
    assert "Left out of the plan (2 rows):" in text
    assert "cycle.csv line 3: id 2, in a reporting cycle" in text
    assert "cycle.csv line 5: Dee Below (id 4) reports to id 3, who was left out" in text


def test_map_option(tmp_path, capsys):
    assert main(["roster", str(DATA / "two_roots.csv"), "--json", "--map", "team=title"]) == 0
    j = json.loads(capsys.readouterr().out)
    assert j["mapping"]["team"] == "title"
    assert {d["department"] for d in j["departments"]} == {"CEO", "Analyst", "Head of Lab", "Scientist"}


@pytest.mark.parametrize(("args", "message"), [
    (["roster", "missing.csv"], "orgplanner: missing.csv: no such file; check the path"),
    (["roster", str(DATA / "empty.csv")], "empty.csv: the file is empty"),
    (["roster", str(DATA / "cycle.csv"), "--map", "boss=x"], '--map "boss=x": write FIELD=COLUMN'),
    (["roster", str(DATA / "cycle.csv"), "--sheet", "People"], "a sheet was chosen (People) but this is a text file"),
    (["import-roster", str(DATA / "cycle.csv"), "-o", "x.json", "--currency", "dollars"], "give a 3-letter code"),
])
def test_errors_are_one_line_without_traceback(tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    proc = subprocess.run([sys.executable, "-m", "planner", *args], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 1
    assert message in proc.stderr
    assert "Traceback" not in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


def test_binary_roster_via_cli(tmp_path):
    path = tmp_path / "data.csv"
    path.write_bytes(bytes(range(256)) * 8)
    proc = subprocess.run([sys.executable, "-m", "planner", "roster", str(path)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert proc.stderr.strip() == ("orgplanner: data.csv: this is not a text file (it holds binary "
                                   "data); export the roster as CSV or .xlsx")


def test_large_roster_via_cli(tmp_path):
    from planner.io.roster.synthetic import generate_roster

    path = tmp_path / "big.csv"
    spoiled = generate_roster(path, 100_000, bad_rows=10)
    proc = subprocess.run([sys.executable, "-m", "planner", "roster", str(path), "--json"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    j = json.loads(proc.stdout)
    assert j["employees"] == 99_995 and len(j["problems"]) == 10
    for line in spoiled["cycle"]:
        assert any(p.startswith(f"big.csv line {line}: ") and "reporting cycle" in p
                   for p in j["problems"])


def test_import_never_replaces_an_existing_plan_silently(tmp_path, capsys):
    out = tmp_path / "plan.orgplan.json"
    out.write_text("{}", encoding="utf-8")
    assert main(["import-roster", str(AW), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "already exists" in err and "--force" in err
    assert out.read_text(encoding="utf-8") == "{}"
    assert main(["import-roster", str(AW), "-o", str(out), "--force"]) == 0
    assert '"format": "orgplan"' in out.read_text(encoding="utf-8")
