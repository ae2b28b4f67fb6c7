"""The command line as a person uses it."""

from __future__ import annotations

from planner.cli import main


def test_validate_ok_is_one_line(capsys):
    from conftest import BUNDLED

    assert main(["validate", str(BUNDLED)]) == 0      # the bundled example rests on the evidence
    captured = capsys.readouterr()
    assert captured.out.count("\n") == 1
    assert captured.out.startswith("OK: northwind.orgplan.json is a valid plan")
    assert captured.err == ""                           # not even an evidence warning


def test_warnings_do_not_fail_validation(tmp_path, capsys, northwind_data):
    northwind_data["workflows"][0]["ai"]["review_overhead"] = 0.5
    import json
    path = tmp_path / "slow.orgplan.json"
    path.write_text(json.dumps(northwind_data))
    assert main(["validate", str(path)]) == 0
    captured = capsys.readouterr()
    assert "warning: workflows[0].ai.time_saved: review overhead (0.5) exceeds time saved" in captured.err


def test_help_lists_the_commands(capsys):
    assert main([]) == 0
    out = capsys.readouterr().out
    for command in ("validate", "summary"):
        assert command in out


def test_unknown_command_exits_non_zero(capsys):
    try:
        main(["frobnicate"])
    except SystemExit as exc:
        assert exc.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_debug_works_before_or_after_the_command(tmp_path, capsys):
    missing = str(tmp_path / "missing.orgplan.json")
    assert main(["validate", missing]) == 1
    assert "Traceback" not in capsys.readouterr().err
    for argv in (["--debug", "validate", missing], ["validate", missing, "--debug"]):
        assert main(argv) == 1
        err = capsys.readouterr().err
        assert "Traceback" in err and "missing.orgplan.json: no such file" in err
