"""``orgplanner hosting PLAN [--json]`` as a person uses it."""

from __future__ import annotations

import json

from conftest import EXAMPLE

from planner.cli import main


def test_hosting_prints_a_table_crossovers_and_verdicts(capsys):
    assert main(["hosting", str(EXAMPLE)]) == 0
    out = capsys.readouterr().out
    assert "at month 1" in out.split("\n\n")[0]
    assert out.index("open-70b (self-hosted on h100-owned)") < out.index("small-api (API)")
    assert "673M (plan)" in out
    assert "Mix: 91% input and 9% output tokens, 0% of input read from cache" in out
    assert "open-70b on h100-owned: small-api 3.8B, mid-api 1.1B, frontier-api 380M" in out
    assert "open-70b on h100-cloud (what if): small-api never" in out
    assert "self-hosting pays only above 3.8B tokens a month" in " ".join(out.split())
    verdict = [line for line in out.splitlines() if "the owned h100-owned fleet" in line][0]
    assert len(verdict) <= 100                           # verdicts are wrapped for a terminal


def test_hosting_json_has_the_same_content(capsys):
    assert main(["hosting", str(EXAMPLE), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    first = data["workloads"][0]
    assert first["model"] == "open-70b" and "busy 1.2% of the time" in first["verdict"]
    x = next(x for x in first["crossovers"]
             if x["fleet"] == "owned:open-70b@h100-owned" and x["api"] == "api:small-api")
    assert 3.7e9 < x["cheaper_from"] < 3.9e9
    assert {o["kind"] for o in first["options"]} == {"api", "owned", "cloud"}


def test_hosting_with_the_catalog_names_its_cheapest_models(capsys):
    assert main(["hosting", str(EXAMPLE), "--catalog"]) == 0
    out = capsys.readouterr().out
    assert "(catalog)" in out and "deepseek-v4-flash" in out


def test_hosting_unknown_scenario_is_one_line(capsys):
    assert main(["hosting", str(EXAMPLE), "--scenario", "nope"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nope" in err
