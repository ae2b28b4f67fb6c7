"""Generated hostile inputs: whatever the bytes, a clean message or a result, never a crash."""
# ruff: noqa: F811 - the fixture is imported from hostile_cli

from __future__ import annotations

import json

from hostile_cli import EXAMPLE, cli  # noqa: F401 - fixture
from hostile_files import SHEET_HEAD, write_xlsx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.io.planfile import PlanFileError, parse_plan_text
from planner.io.roster import RosterError, load_roster
from planner.model import check

FAST = settings(max_examples=200, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
SLOW = settings(FAST, max_examples=60)

# Text near JSON: the parser's edges (NaN, huge numbers, escapes, nesting) come up often.
def _tokens(tokens: list[str], most: int) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(tokens), max_size=most).map("".join)


JSONISH = _tokens(list('{}[]":,.0123456789eE+- \n') + ["NaN", "Infinity", "\\ud800", "\\u",
                                                       "9" * 400, "1e400"], 300)


@FAST
@given(st.one_of(st.binary(max_size=600).map(lambda b: b.decode("utf-8", "replace")), JSONISH))
def test_any_text_as_a_plan_is_data_or_one_plan_file_error(text):
    try:
        data = parse_plan_text(text, source="fuzz.orgplan.json")
    except PlanFileError as exc:
        assert str(exc).startswith("fuzz.orgplan.json")
        return
    check(data)  # messages, never an exception


BASE = json.loads(EXAMPLE.read_text(encoding="utf-8"))
NUMBER_PATHS = [("teams", 0, "roles", 0, "headcount"), ("teams", 1, "roles", 0, "annual_cost"),
                ("workflows", 0, "volume_per_month"), ("workflows", 2, "minutes_per_unit"),
                ("settings", "discount_rate_per_year"), ("settings", "hours_per_fte_year")]
NAME_PATHS = [("name",), ("teams", 0, "name"), ("teams", 2, "id"), ("workflows", 1, "name")]
HOSTILE_NUMBERS = (st.floats(allow_nan=False, allow_infinity=False) | st.booleans()
                   | st.integers(-10**40, 10**300) | st.sampled_from([0, -0.0, 5e-324, 1e308]))
HOSTILE_TEXT = st.text(st.characters(codec=None, categories=("Cc", "Cs", "Zs", "L", "So")),
                       max_size=12)


def _set(data, path, value):
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value


@SLOW
@given(st.lists(st.tuples(st.sampled_from(NUMBER_PATHS), HOSTILE_NUMBERS), max_size=3),
       st.lists(st.tuples(st.sampled_from(NAME_PATHS), HOSTILE_TEXT), max_size=2))
def test_hostile_values_in_a_plan_give_a_summary_or_a_message(tmp_path_factory, cli, numbers,
                                                              names):
    data = json.loads(json.dumps(BASE))
    for path, value in numbers + names:
        _set(data, path, value)
    path = tmp_path_factory.mktemp("fuzz") / "plan.orgplan.json"
    path.write_text(json.dumps(data), encoding="utf-8")  # escapes spell surrogates and controls
    valid = cli("validate", path).assert_clean(0, 1).code == 0
    result = cli("summary", path, "--json").assert_clean(0 if valid else 1)
    if valid:
        json.loads(result.out)  # strict JSON: null where a figure overflowed


CSV_TEXT = _tokens(list('",;\t\n\r ab1234') + ["Employee ID", "Manager ID", "Name", "\x00",
                                               "\ufeff"], 200)


@FAST
@given(st.one_of(CSV_TEXT, st.binary(max_size=400).map(lambda b: b.decode("latin-1"))))
def test_any_text_as_a_roster_is_read_or_one_roster_error(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("fuzz") / "roster.csv"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        load_roster(path)
    except RosterError as exc:
        assert str(exc).startswith("roster.csv"), str(exc)


XMLISH = _tokens(['<row r="1">', '<row r="2">', "</row>", '<c r="A1">',
                                  '<c r="B2" t="s">', '<c r="C1" t="inlineStr"><is><t>',
                                  "</t></is>", "</c>", "<v>", "</v>", "1", "x", "&lt;", "&amp;",
                                  "<sheetData>", "</sheetData>", '<c r="XFD9">', "<!--", "-->"],
                 30)


@SLOW
@given(XMLISH.map(lambda body: SHEET_HEAD + "<sheetData>" + body + "</sheetData></worksheet>"))
def test_any_sheet_xml_is_read_or_one_roster_error(tmp_path_factory, sheet):
    path = write_xlsx(tmp_path_factory.mktemp("fuzz") / "roster.xlsx", sheet=sheet)
    try:
        load_roster(path)
    except RosterError as exc:
        assert str(exc).startswith("roster.xlsx"), str(exc)
