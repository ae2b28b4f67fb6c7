"""Numbers a plan cannot hold (NaN, Infinity, hundreds of digits) are refused at their place."""

from __future__ import annotations

import json

import pytest
from conftest import EXAMPLE

from planner.cli import main as cli_main
from planner.io.planfile import PlanFileError, read_plan_data

TEXT = EXAMPLE.read_text(encoding="utf-8")


def _plan_with(tmp_path, old: str, new: str, count: int = 1):
    assert TEXT.count(old) >= count
    path = tmp_path / "plan.orgplan.json"
    path.write_text(TEXT.replace(old, new, count), encoding="utf-8")
    return path


def _refusal(path) -> str:
    with pytest.raises(PlanFileError) as info:
        read_plan_data(path)
    return str(info.value)


def _line_of(path, needle: str) -> int:
    return next(i for i, ln in enumerate(path.read_text().splitlines(), 1) if needle in ln)


@pytest.mark.parametrize("token", ["NaN", "Infinity", "-Infinity"])
def test_a_constant_is_refused_at_its_path_and_line(tmp_path, token):
    path = _plan_with(tmp_path, '"headcount": 120', f'"headcount": {token}')
    data = json.loads(TEXT)
    i, j = next((i, j) for i, t in enumerate(data["teams"])
                for j, r in enumerate(t["roles"]) if r["headcount"] == 120)
    line = _line_of(path, f'"headcount": {token}')
    msg = _refusal(path)
    assert msg.startswith(f"plan.orgplan.json line {line} column ")
    assert msg.endswith(f"teams[{i}].roles[{j}].headcount: {token} is not allowed; "
                        "write a finite number")


def test_nan_inside_a_string_does_not_move_the_reported_line(tmp_path):
    text = '{"name": "NaN, -Infinity and 1e999 in a name",\n "teams": [\n  {"x": [1, NaN]}]}'
    path = tmp_path / "p.orgplan.json"
    path.write_text(text, encoding="utf-8")
    assert _refusal(path) == ("p.orgplan.json line 3 column 13: teams[0].x[1]: NaN is not "
                              "allowed; write a finite number")


def test_several_refused_values_name_the_first_and_count_the_rest(tmp_path):
    path = tmp_path / "p.orgplan.json"
    path.write_text('{"a": Infinity, "b": [NaN, 1e999]}', encoding="utf-8")
    assert _refusal(path) == ("p.orgplan.json line 1 column 7: a: Infinity is not allowed; "
                              "write a finite number (2 more such values below)")


def test_a_5000_digit_integer_is_refused_without_python_advice(tmp_path, capsys):
    path = _plan_with(tmp_path, '"headcount": 120', '"headcount": ' + "9" * 5000)
    assert cli_main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert "a 5,000-digit number is too large to be a plan value" in err
    assert ".headcount:" in err and f"line {_line_of(path, '9' * 5000)} " in err
    assert "set_int_max_str_digits" not in err and "unexpected" not in err


def test_a_float_that_overflows_is_refused_like_infinity(tmp_path):
    path = _plan_with(tmp_path, '"headcount": 120', '"headcount": 1e400')
    assert "headcount: 1e400 is too large to be a plan value" in _refusal(path)


def test_large_but_plausible_numbers_still_read(tmp_path):
    path = _plan_with(tmp_path, '"headcount": 120', '"headcount": 1e15')
    assert isinstance(read_plan_data(path), dict)
