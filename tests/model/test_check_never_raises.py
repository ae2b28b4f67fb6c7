"""Whatever JSON a file holds, checking it gives messages, never an exception."""

from __future__ import annotations

import copy
import json

import pytest
from conftest import EXAMPLE
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.model import PlanInvalid, check, parse_plan

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20,
)


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _paths(v, (*prefix, i))


@settings(max_examples=200, deadline=None)
@given(json_values)
def test_arbitrary_json_never_raises(value):
    problems = check(value)
    assert problems and all(str(p) for p in problems)


@settings(max_examples=300, deadline=None)
@given(st.data(), json_values)
def test_any_value_anywhere_in_a_real_plan_never_raises(northwind_json, data, value):
    plan = copy.deepcopy(northwind_json)
    paths = [p for p in _paths(plan) if p]
    path = data.draw(st.sampled_from(paths))
    node = plan
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    try:
        parse_plan(plan)
    except PlanInvalid as exc:
        assert exc.errors and all(p.path or p.loc == () for p in exc.errors)


@pytest.fixture(scope="module")
def northwind_json():
    return json.loads(EXAMPLE.read_text(encoding="utf-8"))
