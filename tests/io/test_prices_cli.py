"""``orgplanner prices`` as a user runs it: the table, --json, --apply -o and --force."""

from __future__ import annotations

import json

import pytest
from prices_data import SMALL, api, plan

from planner.cli import main
from planner.io.pricebook.matching import NO_MATCH


@pytest.fixture
def plan_path(tmp_path):
    path = tmp_path / "plan.orgplan.json"
    path.write_text(json.dumps(plan(api("gpt-4o-mini", 0.1, 0.5),
                                    api("claude-haiku-4-5-20251001", 0.8, 4, 0.08),
                                    api("wandb/meta-llama/Llama-3.3-70B-Instruct", 0.7, 0.7),
                                    api("acme-internal", 1, 2))), encoding="utf-8")
    return path


def test_the_table_lists_matches_notes_unmatched_and_refused(plan_path, capsys):
    assert main(["prices", str(plan_path), "--from", str(SMALL)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Prices per million tokens from small_prices.json (2026-07-24)\n")
    lines = out.splitlines()
    assert lines[2].split() == ["model", "matched", "key", "input", "output", "cached", "input"]
    assert lines[3].split() == ["gpt-4o-mini", "gpt-4o-mini", "(exact)", "0.1", "->", "0.15",
                                "0.5", "->", "0.6", "-", "->", "0.075"]
    assert lines[4].split() == ["claude-haiku-4-5-20251001", "claude-haiku-4-5", "(prefix)", "0.8",
                                "->", "1", "4", "->", "5", "0.08", "->", "0.1"]
    assert "(cached input -: the plan gives none, so cached tokens cost the input price)" in out
    assert "  claude-haiku-4-5-20251001: cache writes cost 1.25 per Mtok (1.25x input)" in out
    assert f"Unmatched (1), left as they are:\n  acme-internal: {NO_MATCH}" in out
    assert "Refused (1), left as they are:\n  wandb/meta-llama/Llama-3.3-70B-Instruct: " \
           "wandb/meta-llama/Llama-3.3-70B-Instruct: input_cost_per_token 0.071 is $71,000" in out
    assert out.endswith("2 of 2 matched models have new prices; nothing written (add --apply -o "
                        "OUT to write the plan with them).\n")


def test_json(plan_path, capsys):
    assert main(["prices", str(plan_path), "--from", str(SMALL), "--json"]) == 0
    j = json.loads(capsys.readouterr().out)
    assert (j["file"], j["date"], j["written"]) == ("small_prices.json", "2026-07-24", None)
    assert j["matched"][0] == {"model": "gpt-4o-mini", "key": "gpt-4o-mini", "how": "exact",
                               "old": {"input": 0.1, "output": 0.5, "cached": None},
                               "new": {"input": 0.15, "output": 0.6, "cached": 0.075},
                               "notes": ["batch prices 0.075/0.3 per Mtok (50% off) in the file: "
                                         "not applied"], "changed": True}
    assert [u["model"] for u in j["unmatched"]] == ["acme-internal"]
    assert [r["key"] for r in j["refused"]] == ["wandb/meta-llama/Llama-3.3-70B-Instruct"]


def test_apply_writes_a_new_plan_and_leaves_the_input_alone(plan_path, tmp_path, capsys):
    before = plan_path.read_bytes()
    out = tmp_path / "updated.orgplan.json"
    assert main(["prices", str(plan_path), "--from", str(SMALL), "--apply", "-o", str(out)]) == 0
    assert f"Wrote {out}: new prices for 2 of 2 matched models." in capsys.readouterr().out
    assert plan_path.read_bytes() == before
    models = json.loads(out.read_text(encoding="utf-8"))["models"]
    assert (models[0]["input_per_mtok"], models[0]["cached_input_per_mtok"]) == (0.15, 0.075)
    assert models[1]["input_per_mtok"] == 1  # saved canonically: whole floats as ints
    assert models[2:] == json.loads(before)["models"][2:]
    assert main(["validate", str(out)]) == 0


def test_apply_refuses_an_existing_file_or_the_plan_itself_without_force(plan_path, tmp_path, capsys):
    out = tmp_path / "exists.orgplan.json"
    out.write_text("{}")
    assert main(["prices", str(plan_path), "--from", str(SMALL), "--apply", "-o", str(out)]) == 1
    assert f"orgplanner: {out} already exists; choose another file name, or add --force to " \
           "replace it" in capsys.readouterr().err
    assert out.read_text() == "{}"
    assert main(["prices", str(plan_path), "--from", str(SMALL), "--apply", "-o", str(plan_path)]) == 1
    assert "is the plan being read; write the updated plan to another file, or add --force to " \
           "update it in place" in capsys.readouterr().err
    assert main(["prices", str(plan_path), "--from", str(SMALL), "--apply", "-o", str(out),
                 "--force"]) == 0
    assert json.loads(out.read_text())["models"][0]["input_per_mtok"] == 0.15
    assert main(["prices", str(plan_path), "--from", str(SMALL), "--apply", "-o", str(plan_path),
                 "--force"]) == 0
    assert json.loads(plan_path.read_text())["models"][0]["input_per_mtok"] == 0.15


@pytest.mark.parametrize("extra, message", [
    (["--apply"], "orgplanner: --apply needs -o OUT, the file to write the updated plan to"),
    (["-o", "x.orgplan.json"], "orgplanner: -o is only used with --apply"),
])
def test_apply_and_output_go_together(plan_path, capsys, extra, message):
    assert main(["prices", str(plan_path), "--from", str(SMALL), *extra]) == 1
    assert message in capsys.readouterr().err


def test_bad_inputs_give_one_line_and_exit_1(plan_path, tmp_path, capsys):
    assert main(["prices", str(plan_path), "--from", str(tmp_path / "missing.json")]) == 1
    assert capsys.readouterr().err.strip() == f"orgplanner: {tmp_path / 'missing.json'}: no such " \
                                              "file; check the path"
    listed = tmp_path / "list.json"
    listed.write_text("[]")
    assert main(["prices", str(plan_path), "--from", str(listed)]) == 1
    assert "orgplanner: list.json: not a LiteLLM price file: it holds a list" in capsys.readouterr().err
    not_a_plan = tmp_path / "p.orgplan.json"
    not_a_plan.write_text("[1]")
    assert main(["prices", str(not_a_plan), "--from", str(SMALL)]) == 1
    assert "orgplanner: p.orgplan.json: not a plan: a plan is a JSON object {...}" in \
        capsys.readouterr().err


def test_from_is_required(plan_path, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["prices", str(plan_path)])
    assert exc.value.code == 2
    assert "the following arguments are required: --from" in capsys.readouterr().err


def test_help_lists_the_prices_command(capsys):
    assert main([]) == 0
    assert "update API model prices from a LiteLLM price file" in capsys.readouterr().out
