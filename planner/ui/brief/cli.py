"""``orgplanner brief PLAN -o OUT.pdf``: the one-page leadership brief, without a display.

Routed here by planner.launch (the brief draws with Qt, which the core commands never
import); errors are reported like every other command's.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="orgplanner brief",
        description="Write the plan's one-page leadership brief as a PDF (landscape A4, or "
                    "Letter where the system uses US units): headline figures, headcount and "
                    "cash charts, the scenarios, the four bets, break-even values, the Monte "
                    "Carlo range and the evidence warnings.")
    p.add_argument("plan", help="a .orgplan.json file")
    p.add_argument("-o", "--output", required=True, metavar="OUT.pdf", help="the PDF to write")
    p.add_argument("--scenario", metavar="ID", help="brief one of the plan's scenarios")
    p.add_argument("--draws", type=int, default=2000, metavar="N",
                   help="Monte Carlo draws (default 2,000)")
    p.add_argument("--seed", type=int, default=1, metavar="S", help="random seed (default 1)")
    p.add_argument("--quiet", action="store_true", help="print nothing on success")
    p.add_argument("--debug", action="store_true", help="show a traceback on errors")
    return p


def main(argv: Sequence[str]) -> int:
    from ...cli.common import CliError, report_error

    args = build_parser().parse_args(list(argv))
    try:
        return run(args)
    except Exception as exc:  # noqa: BLE001 - every error becomes a message
        if isinstance(exc, KeyError):
            exc = CliError(f"{Path(args.plan).name}: {exc.args[0]}")
        return report_error(exc, debug=args.debug)


def run(args: argparse.Namespace) -> int:
    from ...cli.common import CliError
    from ...cli.plan_cmds import load_scenario
    from .export import export_brief

    out = Path(args.output)
    if out.suffix.lower() != ".pdf":
        raise CliError(f"{out}: the output must be a .pdf file (for example brief.pdf)")
    if not 1 <= args.draws <= 1_000_000:
        raise CliError("--draws must be between 1 and 1,000,000")
    data, plan = load_scenario(args.plan, args.scenario)
    pages = export_brief(data, out, draws=args.draws, seed=args.seed, scenario=args.scenario)
    if not args.quiet:
        print(f"Wrote {out} ({pages} page{'s' if pages != 1 else ''}; {plan.name})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
