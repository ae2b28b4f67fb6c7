"""The bundled example reproduces the expected summary to rel 1e-6, via the engine and the CLI."""

from __future__ import annotations

import json

import pytest
from conftest import EXAMPLE
from helpers import diff_paths

from planner.cli import main as cli_main
from planner.engine import compute

# The contract's worked example: a version 1 file and the version 2 results expected of it.
DATA = EXAMPLE.parent.parent.parent / "tests" / "data"
V1_PLAN = DATA / "northwind.v1.orgplan.json"
EXPECTED = DATA / "northwind.summary.json"


@pytest.fixture(scope="module")
def expected() -> dict:
    return json.loads(EXPECTED.read_text(encoding="utf-8"))


def test_engine_reproduces_every_number(northwind, expected):
    got = json.loads(json.dumps(compute(northwind).summary))
    assert diff_paths(got, expected) == []


def test_headline_figures(northwind):
    s = compute(northwind).summary
    assert s["baseline"]["headcount"] == 430 and s["final"]["headcount"] == 398
    assert s["baseline"]["layers"] == 3 and s["final"]["layers"] == 3   # the team tree's depth
    assert s["final"]["headcount_without_ai"] == 430 and s["compression_ratio"] == 430 / 398
    assert s["payback_month"] == 7
    assert s["monthly"][0]["month"] == "2027-01" and s["monthly"][-1]["month"] == "2029-12"


def test_cli_json_equals_expected(capsys, expected):
    assert cli_main(["summary", str(EXAMPLE), "--json"]) == 0
    out = capsys.readouterr().out
    assert diff_paths(json.loads(out), expected) == []


def test_cli_table_for_a_person(capsys):
    assert cli_main(["summary", str(EXAMPLE)]) == 0
    out = capsys.readouterr().out
    for text in ("Headcount", "430", "398", "1.08x", "month 7", "$4,597,000", "Payback"):
        assert text in out
