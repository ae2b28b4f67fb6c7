"""``orgplanner validate PLAN`` and ``orgplanner summary PLAN [--json]``."""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path
from typing import Any

from ..engine import compute
from ..io.planfile import read_plan_data
from ..model import check_and_parse, parse_plan
from ..textsafe import encodable_data
from .common import CliError, say
from .format import summary_table


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("validate", help="check a plan file and list every problem",
                       description="Check a plan file. Exit 0 and one line when it is valid; "
                                   "exit 1 listing every problem (file: place: what and how to fix).")
    p.add_argument("plan", help="a .orgplan.json file")
    p.set_defaults(handler=run_validate)

    p = sub.add_parser("summary", help="compression, compute and money of a plan",
                       description="Compute a plan and print its summary for a person, "
                                   "or the MODEL.md summary object with --json.")
    p.add_argument("plan", help="a .orgplan.json file")
    p.add_argument("--json", action="store_true", help="print the summary as JSON on stdout")
    p.add_argument("--scenario", metavar="ID",
                   help="compute one of the plan's scenarios instead of the baseline")
    p.set_defaults(handler=run_summary)


def run_validate(args: argparse.Namespace) -> int:
    name = Path(args.plan).name
    data = read_plan_data(args.plan)
    problems, plan = check_and_parse(data)  # validated once: a large plan takes seconds
    errors = [p for p in problems if p.severity == "error"]
    for p in problems:
        if p.severity == "warning":
            say(f"{name}: warning: {p}")
    if plan is None:  # some problem is an error
        for p in errors:
            say(f"{name}: {p}")
        n = len(errors)
        say(f"{name}: {n} problem{'s' if n != 1 else ''}; the plan was not loaded")
        return 1
    from ..model.evidence import evidence_warnings

    for p in evidence_warnings(plan, compute(plan)):   # beyond the cited evidence: advice
        say(f"{name}: warning: {p}")
    print(f"OK: {name} is a valid plan ({len(plan.teams)} teams, {len(plan.workflows)} workflows, "
          f"{len(plan.models)} models, {len(plan.gpus)} GPUs)")
    return 0


def load_scenario(path: str, scenario: str | None):
    """The validated plan of a scenario of the plan file (the baseline when None)."""
    from ..plan import scenarios as S

    name = Path(path).name
    data = read_plan_data(path)
    base = parse_plan(data, source=name)  # the whole plan first: every problem, with its place
    if scenario in (None, S.BASELINE):
        return data, base
    try:
        return data, parse_plan(S.resolved(data, scenario), source=name)
    except KeyError as exc:
        raise CliError(f"{name}: {exc.args[0]}") from None


def run_summary(args: argparse.Namespace) -> int:
    name = Path(args.plan).name
    _, plan = load_scenario(args.plan, args.scenario)
    summary = encodable_data(compute(plan).summary)  # a lone surrogate in a name: U+FFFD
    as_json, overflowed = finite_or_null(summary)
    if overflowed:
        # Valid but far beyond real numbers (a cost of 1e308): JSON has no infinity.
        say(f"{name}: warning: {overflowed} result{'s are' if overflowed != 1 else ' is'} too "
            "large to compute and shown as null (or -); check the plan for numbers far beyond real "
            "ones")
    if args.json:
        json.dump(as_json, sys.stdout, indent=1, allow_nan=False)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(summary_table(summary))
    return 0


def finite_or_null(value: Any) -> tuple[Any, int]:
    """JSON-like data with every non-finite float as None, and how many there were."""
    count = 0

    def walk(v: Any) -> Any:
        nonlocal count
        if isinstance(v, float) and not math.isfinite(v):
            count += 1
            return None
        if isinstance(v, dict):
            return {k: walk(x) for k, x in v.items()}
        if isinstance(v, list):
            return [walk(x) for x in v]
        return v

    return walk(value), count
