"""Hostile plan files: invalid, extreme and strange JSON gets exit 1 and its place, or works."""
# ruff: noqa: F811 - the fixture is imported from hostile_cli

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
import zipfile

import pytest
from hostile_cli import EXAMPLE, cli  # noqa: F401 - fixture

BASE = json.loads(EXAMPLE.read_text(encoding="utf-8"))
TEXT = EXAMPLE.read_text(encoding="utf-8")


def _mutated(fn) -> str:
    data = json.loads(TEXT)
    fn(data)
    return json.dumps(data, indent=1)


def _role0(key, value):
    return _mutated(lambda d: d["teams"][0]["roles"][0].__setitem__(key, value))


# (case, file content, what the message says) for files refused with exit 1
REFUSED = [
    ("empty", b"", "the file is empty"),
    ("only whitespace", b" \n\t\n", "the file is empty"),
    ("null", b"null", "a plan must be a JSON object"),
    ("a list", b"[]", "a plan must be a JSON object"),
    ("a number", b"42", "a plan must be a JSON object"),
    ("truncated", TEXT[:500].encode(), "not valid JSON"),
    ("trailing comma", b'{"name": "x",}', "line 1 column 14: not valid JSON"),
    ("a comment", b'{"name": "x" // note\n}', "not valid JSON"),
    ("extra data", (TEXT + "garbage").encode(), "not valid JSON (Extra data)"),
    ("UTF-16", TEXT.encode("utf-16"), "saved as UTF-16"),
    ("Latin-1", TEXT.replace("Northwind", "Nörthwind").encode("latin-1"), "not UTF-8 text"),
    ("binary", bytes(range(256)) * 8, "binary file, not a plan"),
    ("100,000 nested lists", b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    ("5,000 nested objects", b'{"a":' * 5000 + b"1" + b"}" * 5000, "nested too deeply"),
    ("900 nested lists in a field", (TEXT.rstrip()[:-1] + ', "note": ' + "[" * 900 + "]" * 900
                                     + "}").encode(), "note: must be text in quotes"),
    ("NaN", _role0("headcount", 0).replace('"headcount": 0', '"headcount": NaN').encode(),
     "teams[0].roles[0].headcount: NaN is not allowed; write a finite number"),
    ("-Infinity", _role0("annual_cost", 0).replace('"annual_cost": 0', '"annual_cost": -Infinity')
     .encode(), "teams[0].roles[0].annual_cost: -Infinity is not allowed"),
    ("5,000-digit integer", _role0("headcount", 0).replace('"headcount": 0', '"headcount": '
                                                           + "7" * 5000).encode(),
     "headcount: a 5,000-digit number is too large to be a plan value"),
    ("1e400", _role0("headcount", 0).replace('"headcount": 0', '"headcount": 1e400').encode(),
     "headcount: 1e400 is too large to be a plan value"),
    ("true as a headcount", _role0("headcount", True).encode(),
     "teams[0].roles[0].headcount: must be a number, got true"),
    ("false as a cost", _role0("annual_cost", False).encode(),
     "teams[0].roles[0].annual_cost: must be a number, got false"),
    ("text as a number", _role0("headcount", "12").encode(), 'must be a number, got "12"'),
    ("a list as a name", _mutated(lambda d: d["teams"][0].__setitem__("name", [1])).encode(),
     "teams[0].name: must be text in quotes"),
    ("a lone surrogate as a key", b'{"\\ud800": 1}', "\ufffd: unknown key"),
    ("horizon of a billion months", _mutated(lambda d: d["settings"].__setitem__(
        "horizon_months", 10**9)).encode(), "settings.horizon_months: must be <= 120"),
]


@pytest.mark.parametrize(("case", "content", "says"), REFUSED, ids=[c[0] for c in REFUSED])
def test_a_hostile_plan_is_refused_with_its_place(tmp_path, cli, case, content, says):
    path = tmp_path / "hostile.orgplan.json"
    path.write_bytes(content)
    out = tmp_path / "out.xlsx"
    for command in (["validate"], ["summary", "--json"], ["export", "-o", out]):
        result = cli(command[0], path, *command[1:]).assert_clean(1)
        assert "hostile.orgplan.json" in result.err and says in result.err, result.err
        assert result.out == ""
    assert not out.exists() and sorted(p.name for p in tmp_path.iterdir()) == [path.name]


def _hostile_names(d: dict) -> None:
    d["name"] = "Plan \x07bell \x1b[31mred\ud800"
    d["teams"][0]["name"] = "Lead\x0bership \udfff"
    d["teams"][1]["function"] = "Dept\x1b\x00"
    d["workflows"][0]["name"] = "Work\x7fflow\ufffe"
    d["teams"][0]["roles"][0]["name"] = "x" * 100_000


def test_control_characters_and_lone_surrogates_in_names_work_everywhere(tmp_path, cli):
    path = tmp_path / "names.orgplan.json"
    path.write_text(_mutated(_hostile_names), encoding="ascii")  # JSON escapes spell them
    cli("validate", path).assert_clean(0)
    table = cli("summary", path).assert_clean(0).out
    assert "\x1b" not in table and "\x07" not in table and "\ufffd" in table
    assert "\ufffd" in json.loads(cli("summary", path, "--json").assert_clean(0).out)["name"]
    out = tmp_path / "names.xlsx"
    cli("export", path, "-o", out).assert_clean(0)
    with zipfile.ZipFile(out) as z:
        for part in z.namelist():
            if part.endswith((".xml", ".rels")):
                ET.fromstring(z.read(part))


def test_absurd_but_finite_numbers_are_refused_at_their_place_with_the_bound(tmp_path, cli):
    path = tmp_path / "absurd.orgplan.json"
    path.write_text(_role0("annual_cost", 1e308), encoding="utf-8")
    result = cli("summary", path, "--json").assert_clean(1)
    assert "teams[0].roles[0].annual_cost: must be <= 100000000, got 1e+308" in result.err


def test_every_quantity_at_its_largest_allowed_value_still_gives_finite_results(tmp_path, cli):
    """The bounds of the field registry keep every result finite (MODEL.md ranges table)."""
    from planner.plan import fields as F

    d = json.loads(TEXT)
    d["schema_version"] = 2
    for spec in F.of("settings"):
        if spec.kind == "number" and spec.maximum is not None and spec.key not in (
                "discount_rate_per_year", "hours_per_fte_year"):
            d["settings"][spec.key] = spec.maximum - (1e-9 if spec.max_open else 0)
    d["settings"]["hours_per_fte_year"] = 1                      # the smallest: most FTE freed
    d["settings"]["horizon_months"] = 120
    for team in d["teams"]:
        for role in team["roles"]:
            role.update(headcount=1e7, annual_cost=1e8)
    for wf in d["workflows"]:
        wf.update(volume_per_month=1e12, minutes_per_unit=1e5, volume_growth_per_year=10)
        if "compute" in wf:
            wf["compute"].update(calls_per_unit=1e4, input_tokens=1e8, output_tokens=1e8)
    for m in d["models"]:
        if m["hosting"] == "api":
            m.update(input_per_mtok=1e5, output_per_mtok=1e5, price_decline_per_year=-1)
        else:
            m.update(prefill_tokens_per_s=0.001, decode_tokens_per_s=0.001, utilization=0.001,
                     throughput_gain_per_year=-0.999999)
    path = tmp_path / "largest.orgplan.json"
    path.write_text(json.dumps(d), encoding="utf-8")
    result = cli("summary", path, "--json").assert_clean(0)
    assert "too large" not in result.err
    s = json.loads(result.out)   # strict JSON: no NaN, no Infinity
    assert s["final"]["headcount"] > 0 and s["npv_net_cash"] is not None


def _chain(n: int, *, closed: bool) -> str:
    role = {"name": "Engineer", "kind": "ic", "headcount": 1, "annual_cost": 100000}
    d = json.loads(TEXT)
    d["teams"] = [{"id": f"t{i}", "name": f"Team {i}", "roles": [role]}
                  | ({"parent": f"t{i - 1}"} if i or closed else {}) for i in range(n)]
    if closed:
        d["teams"][0]["parent"] = f"t{n - 1}"
    d["workflows"] = [w | {"team": "t0"} for w in d["workflows"]]
    return json.dumps(d)


def test_a_10000_deep_team_tree_validates_and_its_cycle_is_named_once(tmp_path, cli):
    path = tmp_path / "deep.orgplan.json"
    path.write_text(_chain(10_000, closed=False), encoding="utf-8")
    cli("validate", path).assert_clean(0)
    path.write_text(_chain(10_000, closed=True), encoding="utf-8")
    err = cli("validate", path).assert_clean(1).err
    assert err.count("the team tree has a cycle (t0 -> t9999 -> t9998 -> ") == 1
    assert "deep.orgplan.json: teams[0].parent:" in err
