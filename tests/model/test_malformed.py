"""A corpus of malformed plans: each is refused with exit 1 and a message naming the place.

Never a traceback, never a half-loaded plan.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLE, ROOT

from planner.cli import main as cli_main
from planner.io.planfile import load_plan

BASE = json.loads(EXAMPLE.read_text(encoding="utf-8"))


def mutate(fn):
    data = json.loads(json.dumps(BASE))
    fn(data)
    return json.dumps(data, indent=1)


def setp(path, value):
    def fn(d):
        node = d
        for k in path[:-1]:
            node = node[k]
        node[path[-1]] = value
    return fn


def delp(path):
    def fn(d):
        node = d
        for k in path[:-1]:
            node = node[k]
        del node[path[-1]]
    return fn


def cycle(d):
    d["teams"][0]["parent"] = "support"


def dup_team(d):
    d["teams"][3]["id"] = "eng-platform"


def dup_workflow(d):
    d["workflows"][1]["id"] = "coding"


def self_parent(d):
    d["teams"][4]["parent"] = "support"


# (case name, file text, text the message must contain)
CASES = [
    ("bad json", '{"format": "orgplan", "name": }', "line 1 column 31: not valid JSON"),
    ("truncated json", EXAMPLE.read_text()[:500], "not valid JSON"),
    ("empty file", "", "the file is empty"),
    ("whitespace only", "  \n\n ", "the file is empty"),
    ("json array", "[1, 2, 3]", "a plan must be a JSON object"),
    ("json string", '"plan"', "a plan must be a JSON object"),
    ("NaN literal", mutate(lambda d: None).replace('"headcount": 120', '"headcount": NaN'), "NaN is not allowed"),
    ("wrong format", mutate(setp(["format"], "spreadsheet")), "format: must be 'orgplan'"),
    ("future version", mutate(setp(["schema_version"], 9)), "newer OrgPlanner (schema_version 9)"),
    ("version as text", mutate(setp(["schema_version"], "1")), "schema_version: must be 1"),
    ("missing name", mutate(delp(["name"])), "name: is required"),
    ("missing teams", mutate(delp(["teams"])), "teams: is required"),
    ("no teams", mutate(setp(["teams"], [])), "teams: must not be empty"),
    ("negative headcount", mutate(setp(["teams", 2, "roles", 0, "headcount"], -4)),
     "teams[2].roles[0].headcount: must be >= 0, got -4"),
    ("headcount as text", mutate(setp(["teams", 2, "roles", 0, "headcount"], "sixty")),
     'teams[2].roles[0].headcount: must be a number, got "sixty"'),
    ("headcount as bool", mutate(setp(["teams", 2, "roles", 0, "headcount"], True)),
     "teams[2].roles[0].headcount: must be a number, got true"),
    ("bad role kind", mutate(setp(["teams", 2, "roles", 0, "kind"], "contractor")),
     "teams[2].roles[0].kind: must be 'ic' or 'manager'"),
    ("adoption above 1", mutate(setp(["workflows", 0, "ai", "adoption"], 1.5)),
     "workflows[0].ai.adoption: must be <= 1, got 1.5"),
    ("time saved below -1", mutate(setp(["workflows", 0, "ai", "time_saved"], -2)),
     "workflows[0].ai.time_saved: must be >= -1"),
    ("cached share negative", mutate(setp(["workflows", 0, "compute", "cached_share"], -0.1)),
     "workflows[0].compute.cached_share: must be >= 0"),
    ("fractional horizon", mutate(setp(["settings", "horizon_months"], 12.5)),
     "settings.horizon_months: must be a whole number, got 12.5"),
    ("horizon too long", mutate(setp(["settings", "horizon_months"], 240)),
     "settings.horizon_months: must be <= 120, got 240"),
    ("price decline of 100%", mutate(setp(["settings", "price_decline_per_year"], 1)),
     "settings.price_decline_per_year: must be < 1"),
    ("pue below 1", mutate(setp(["settings", "pue"], 0.9)), "settings.pue: must be >= 1"),
    ("bad policy", mutate(setp(["settings", "headcount_policy"], "fire")),
     "settings.headcount_policy: must be 'reduce' or 'redeploy'"),
    ("bad month", mutate(setp(["settings", "start_month"], "2027-13")), "settings.start_month: must be a month"),
    ("zero utilization", mutate(setp(["models", 3, "utilization"], 0)), "models[3].utilization: must be >= 0.001"),
    ("zero replicas", mutate(setp(["models", 3, "gpus_per_replica"], 0)), "models[3].gpus_per_replica: must be >= 1"),
    ("unknown key typo", mutate(setp(["teams", 1, "nmae"], "x")),
     'teams[1].nmae: unknown key: remove it or fix its spelling (did you mean "name"?)'),
    ("unknown top-level key", mutate(setp(["scenario"], {})), "scenario: unknown key"),
    ("api key on a self-hosted model", mutate(setp(["models", 3, "input_per_mtok"], 1)),
     "models[3].input_per_mtok: unknown key"),
    ("bad hosting", mutate(setp(["models", 0, "hosting"], "cloud")), "models[0]: hosting must be one of"),
    ("bad pricing", mutate(setp(["gpus", 0, "pricing"], "leased")), "gpus[0]: pricing must be one of"),
    ("missing gpu price", mutate(delp(["gpus", 0, "per_gpu_hour"])), "gpus[0].per_gpu_hour: is required"),
    ("dangling team", mutate(setp(["workflows", 5, "team"], "suport")),
     'workflows[5].team: no team with id "suport" (did you mean "support"?)'),
    ("dangling model", mutate(setp(["workflows", 0, "compute", "model"], "gpt-9")),
     'workflows[0].compute.model: no model with id "gpt-9"'),
    ("dangling gpu", mutate(setp(["models", 3, "gpu"], "h100-own")),
     'models[3].gpu: no GPU with id "h100-own" (did you mean "h100-owned"?)'),
    ("dangling parent", mutate(setp(["teams", 3, "parent"], "engg")), 'teams[3].parent: no team with id "engg"'),
    ("cycle", mutate(cycle), "the team tree has a cycle (exec -> support -> exec)"),
    ("own parent", mutate(setp(["teams", 4, "parent"], "support")), "teams[4].parent: a team cannot be its own parent"),
    ("duplicate team id", mutate(dup_team), 'teams[3].id: duplicate id "eng-platform" (also teams[2])'),
    ("duplicate workflow id", mutate(dup_workflow), 'workflows[1].id: duplicate id "coding"'),
    ("roles not a list", mutate(setp(["teams", 0, "roles"], {"name": "x"})), "teams[0].roles: must be a list"),
    ("team not an object", mutate(setp(["teams", 0], "exec")), "teams[0]: must be an object"),
    ("lowercase currency", mutate(setp(["currency"], "eur")),
     'currency: must be a 3-letter currency code such as "USD" or "EUR", got "eur" (write "EUR")'),
    ("currency word", mutate(setp(["currency"], "EURO")), 'currency: must be a 3-letter currency code'),
    ("blank team name", mutate(setp(["teams", 3, "name"], "  ")), "teams[3].name: must not be empty"),
    ("blank role name", mutate(setp(["teams", 3, "roles", 1, "name"], "")),
     "teams[3].roles[1].name: must not be empty"),
    ("infinite cost", mutate(lambda d: None).replace('"annual_cost": 420000', '"annual_cost": 1e999'),
     # refused as it is read: the app could not save it back (JSON has no infinity)
     "teams[0].roles[0].annual_cost: 1e999 is too large to be a plan value"),
]


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_malformed_plan_is_refused_with_its_place(tmp_path, capsys, name, text, expected):
    path = tmp_path / "bad.orgplan.json"
    path.write_text(text, encoding="utf-8")
    assert cli_main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert expected in err
    assert "bad.orgplan.json" in err
    assert "Traceback" not in err
    assert cli_main(["summary", str(path)]) == 1
    err = capsys.readouterr().err
    assert expected in err and "Traceback" not in err


def test_corpus_is_large_enough():
    assert len(CASES) >= 30


def test_every_problem_is_reported_at_once(tmp_path, capsys):
    def many(d):
        d["teams"][2]["roles"][0]["headcount"] = -4
        d["workflows"][5]["team"] = "suport"
        d["settings"]["pue"] = 0.5
        d["models"][3]["gpu"] = "nope"
    path = tmp_path / "many.orgplan.json"
    path.write_text(mutate(many), encoding="utf-8")
    assert cli_main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    for text in ("teams[2].roles[0].headcount", "workflows[5].team", "settings.pue", "models[3].gpu",
                 "4 problems; the plan was not loaded"):
        assert text in err


def test_binary_file(tmp_path, capsys):
    path = tmp_path / "photo.orgplan.json"
    path.write_bytes(bytes(range(256)) * 40)
    assert cli_main(["summary", str(path)]) == 1
    assert "binary file, not a plan" in capsys.readouterr().err


def test_latin1_file_names_the_line(tmp_path, capsys):
    path = tmp_path / "old.orgplan.json"
    path.write_bytes(EXAMPLE.read_text().replace("Leadership", "Direcci\u00f3n").encode("latin-1"))
    assert cli_main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert "not UTF-8 text" in err and "line" in err


def test_fifty_megabyte_file(tmp_path, capsys):
    path = tmp_path / "huge.orgplan.json"
    with path.open("w") as fh:
        fh.write('{"format": "orgplan", "name": "')
        fh.write("x" * (50 * 1024 * 1024))
        fh.write('"}')
    assert cli_main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert "huge.orgplan.json: teams: is required" in err and "Traceback" not in err


def test_oversized_file_is_refused_before_reading(tmp_path, capsys):
    path = tmp_path / "disk-image.orgplan.json"
    with path.open("wb") as fh:
        fh.truncate(150 * 1024 * 1024)      # sparse: costs no disk
    assert cli_main(["summary", str(path)]) == 1
    assert "the file is 157.3 MB; a plan file is at most 100 MB" in capsys.readouterr().err


def test_missing_file_and_folder(tmp_path, capsys):
    assert cli_main(["summary", str(tmp_path / "nope.orgplan.json")]) == 1
    assert "no such file" in capsys.readouterr().err
    assert cli_main(["summary", str(tmp_path)]) == 1
    assert "is a folder" in capsys.readouterr().err


def test_never_half_loaded(tmp_path):
    path = tmp_path / "bad.orgplan.json"
    path.write_text(mutate(setp(["workflows", 5, "team"], "suport")))
    with pytest.raises(Exception) as info:
        load_plan(path)
    assert "suport" in str(info.value)


def test_process_exit_code_and_no_traceback(tmp_path):
    path = tmp_path / "bad.orgplan.json"
    path.write_text("{not json", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "planner", "summary", str(path)], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1
    assert proc.stderr.count("\n") == 1 and "bad.orgplan.json line 1 column 2" in proc.stderr
    assert "Traceback" not in proc.stderr and proc.stdout == ""


def test_debug_flag_shows_the_traceback(tmp_path, capsys):
    path = Path(tmp_path) / "bad.orgplan.json"
    path.write_text("{", encoding="utf-8")
    assert cli_main(["--debug", "summary", str(path)]) == 1
    assert "Traceback" in capsys.readouterr().err


def test_whole_numbers_written_with_a_decimal_point_are_accepted():
    # JSON has one number type: 36.0 months is 36 months (tools such as Python write it so),
    # while 36.5 is still refused.
    from planner.model import check, parse_plan

    data = json.loads(mutate(lambda d: None))
    data["settings"]["horizon_months"] = 36.0
    data["workflows"][0]["ai"]["ramp_months"] = 9.0
    data["models"][3]["gpus_per_replica"] = 2.0
    data["gpus"][1]["amortization_months"] = 48.0
    plan = parse_plan(data)
    assert plan.settings.horizon_months == 36 and isinstance(plan.settings.horizon_months, int)
    assert plan.workflows[0].ai.ramp_months == 9 and plan.models[3].gpus_per_replica == 2
    data["settings"]["horizon_months"] = 36.5
    assert [str(p) for p in check(data)] == ["settings.horizon_months: must be a whole number, got 36.5"]


def test_a_key_of_the_other_model_or_gpu_kind_says_so():
    # "gpu" on an API model used to read: unknown key (did you mean "gpu"?).
    from planner.model import check

    data = json.loads(mutate(lambda d: None))
    data["models"][0]["gpu"] = "h100-cloud"
    data["gpus"][0]["capex_per_gpu"] = 30000
    assert [str(p) for p in check(data)] == [
        'gpus[0].capex_per_gpu: unknown key for pricing "cloud" (only pricing "owned" has it): '
        "remove it, or change pricing",
        'models[0].gpu: unknown key for hosting "api" (only hosting "self" has it): '
        "remove it, or change hosting",
    ]
