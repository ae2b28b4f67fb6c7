"""check_and_parse: the problems of check() and, without errors, the plan of parse_plan()."""

from __future__ import annotations

import copy

from planner.model import check, check_and_parse, parse_plan


def test_a_valid_plan_gives_its_warnings_and_the_plan(northwind_data):
    problems, plan = check_and_parse(northwind_data)
    assert problems == check(northwind_data)
    assert plan == parse_plan(northwind_data)


def test_a_plan_with_errors_gives_them_and_no_plan(northwind_data):
    data = copy.deepcopy(northwind_data)
    data["workflows"][0]["team"] = "nowhere"          # a dangling reference
    data["settings"]["horizon_months"] = -1           # a schema error
    problems, plan = check_and_parse(data)
    assert plan is None
    assert problems == check(data)
    assert {p.path for p in problems if p.severity == "error"} >= {
        "workflows[0].team", "settings.horizon_months"}


def test_not_a_plan_at_all():
    problems, plan = check_and_parse([1, 2])
    assert plan is None and len(problems) == 1 and "JSON object" in problems[0].message


def test_an_edit_rechecks_only_the_item_it_changed_and_finds_the_same_problems(northwind_data):
    from planner.model import check
    from planner.model.items import ItemCache
    from planner.plan.edits import set_in

    cache = ItemCache()
    check_and_parse(northwind_data, cache=cache)
    assert cache.validated == len(northwind_data["teams"]) + len(northwind_data["workflows"]) + \
        len(northwind_data["models"]) + len(northwind_data["gpus"])
    edited = set_in(northwind_data, ("workflows", 2, "ai", "adoption"), 1.5)
    problems, plan = check_and_parse(edited, cache=cache)
    assert cache.validated == 1                       # only the edited workflow
    assert plan is None
    assert [str(p) for p in problems] == [str(p) for p in check(edited)]
    fixed = set_in(edited, ("workflows", 2, "ai", "adoption"), 0.5)
    problems, plan = check_and_parse(fixed, cache=cache)
    assert cache.validated == 1 and plan is not None
    assert plan == parse_plan(fixed)                 # the same plan as one whole validation
