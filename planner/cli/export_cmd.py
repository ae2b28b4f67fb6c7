"""``orgplanner export PLAN -o OUT.xlsx [--values]``: the Excel workbook for leadership."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..io.planfile import read_plan_data
from ..model import PlanInvalid, check_and_parse
from .common import CliError, say


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "export", help="write the plan as an Excel workbook (live formulas, charts)",
        description="Write the plan as an Excel workbook: a one-page Summary with charts, the "
                    "assumptions as named input cells, teams, workflows, models, GPUs, a Monthly "
                    "table and Years. Every result is a formula over the inputs, so a reader who "
                    "changes an assumption, or picks a scenario on the Summary, sees every figure "
                    "update. Scenarios, Risk and Hosting hold figures computed at export. "
                    "--values writes numbers instead of formulas (faster for very large plans).")
    p.add_argument("plan", help="a .orgplan.json file")
    p.add_argument("-o", "--output", required=True, metavar="OUT.xlsx", help="the workbook to write")
    p.add_argument("--values", action="store_true",
                   help="write values instead of formulas (same layout; does not recalculate)")
    p.add_argument("--draws", type=_positive, default=None, metavar="N",
                   help="Monte Carlo draws of the Risk sheet (default 2,000)")
    p.add_argument("--seed", type=int, default=1, help="the Monte Carlo's seed (default 1)")
    p.add_argument("--quiet", action="store_true", help="print nothing on success")
    p.set_defaults(handler=run_export)


def _positive(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number >= 1, got {text!r}")
    return n


def run_export(args: argparse.Namespace) -> int:
    out = Path(args.output)
    if out.suffix.lower() != ".xlsx":
        raise CliError(f"{out}: the output must be an .xlsx file (for example plan.xlsx)")
    name = Path(args.plan).name
    data = read_plan_data(args.plan)
    problems, plan = check_and_parse(data)  # validated once: a large plan takes seconds
    if plan is None:
        raise PlanInvalid(problems, name)
    for problem in problems:  # e.g. ids that differ only in case, which Excel would mix
        say(f"{name}: warning: {problem}")
    from ..io.excel import DRAWS, ExportError, export_workbook

    try:
        path = export_workbook(plan, out, values_only=args.values, data=data, source=name,
                               draws=args.draws or DRAWS, seed=args.seed)
    except ExportError as exc:
        raise CliError(str(exc)) from exc
    if not args.quiet:
        kind = "values" if args.values else "live formulas"
        print(f"Wrote {path} ({kind}; {len(plan.teams)} teams, {len(plan.workflows)} workflows, "
              f"{plan.settings.horizon_months} months)", file=sys.stdout)
    return 0
