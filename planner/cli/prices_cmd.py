"""``orgplanner prices PLAN --from FILE [--apply -o OUT] [--force] [--json]``: compare the
plan's API model prices with a LiteLLM price file, and write a copy with the new prices."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .common import CliError

if TYPE_CHECKING:
    from ..io.pricebook import PriceReport


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "prices", help="update API model prices from a LiteLLM price file",
        description="Match the plan's API models to a LiteLLM price file "
                    "(model_prices_and_context_window.json) by id: the exact key, else the longest "
                    "key the id starts with, provider-prefixed keys last. Print old and new prices "
                    "per million tokens; entries with absurd prices are refused and listed. With "
                    "--apply -o OUT, write the plan with the new prices.")
    p.add_argument("plan", help="a .orgplan.json file")
    p.add_argument("--from", dest="price_file", required=True, metavar="FILE",
                   help="the LiteLLM price file (JSON, prices per token)")
    p.add_argument("--apply", action="store_true", help="write the plan with the new prices to -o OUT")
    p.add_argument("-o", "--output", metavar="OUT", help="where --apply writes the updated plan")
    p.add_argument("--force", action="store_true",
                   help="replace OUT if it exists (OUT may then be the plan itself)")
    p.add_argument("--json", action="store_true", help="print the comparison as JSON on stdout")
    p.set_defaults(handler=run_prices)


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return Path(a).resolve() == Path(b).resolve()


def _check_output(args: argparse.Namespace) -> None:
    if args.apply and not args.output:
        raise CliError("--apply needs -o OUT, the file to write the updated plan to")
    if args.output and not args.apply:
        raise CliError("-o is only used with --apply (which writes the updated plan)")
    if not args.output or args.force:
        return
    if _same_file(args.output, args.plan):
        raise CliError(f"{args.output} is the plan being read; write the updated plan to another "
                       "file, or add --force to update it in place")
    if Path(args.output).exists():
        raise CliError(f"{args.output} already exists; choose another file name, or add --force "
                       "to replace it")


def run_prices(args: argparse.Namespace) -> int:
    from ..io.planfile import read_plan_data, save_plan
    from ..io.pricebook import PriceFileError, apply, compare, read_price_file

    _check_output(args)
    data = read_plan_data(args.plan)
    if not isinstance(data, dict):
        raise CliError(f"{Path(args.plan).name}: not a plan: a plan is a JSON object {{...}}")
    try:
        prices = read_price_file(args.price_file)
    except PriceFileError as exc:
        raise CliError(str(exc)) from None
    report = compare(data, prices)
    written = None
    if args.apply:
        save_plan(apply(data, report), args.output)
        written = args.output
    if args.json:
        json.dump({**report.to_json(), "written": written}, sys.stdout, indent=1, allow_nan=False)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(report_text(report, written))
    return 0


def _arrow(old: float | None, new: float | None) -> str:
    def show(x: float | None) -> str:
        return "-" if x is None else f"{x:g}"
    return f"{show(old)} -> {show(new)}"


def report_text(report: PriceReport, written: str | None = None) -> str:
    """The comparison for a person: a table, then notes, unmatched and refused models."""
    when = f" ({report.date})" if report.date else ""
    lines = [f"Prices per million tokens from {report.file}{when}", ""]
    rows = [("model", "matched key", "input", "output", "cached input")]
    rows += [(m.model, f"{m.key} ({m.how})", _arrow(m.old.input, m.new.input),
              _arrow(m.old.output, m.new.output),
              _arrow(m.old.cached, m.new.cached if m.new.cached is not None else m.old.cached))
             for m in report.matched]
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    if report.matched:
        lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows]
        if any(m.old.cached is None for m in report.matched):
            lines.append("(cached input -: the plan gives none, so cached tokens cost the input price)")
    else:
        lines.append("No API model of the plan matched a key in the file.")
    notes = [f"  {m.model}: {n}" for m in report.matched for n in m.notes]
    if notes:
        lines += ["", "Notes", *notes]
    lines.append("")
    lines.append(f"Unmatched ({len(report.unmatched)}), left as they are:" if report.unmatched
                 else "Unmatched: none")
    lines += [f"  {u.model}: {u.reason}" for u in report.unmatched]
    lines.append(f"Refused ({len(report.refused)}), left as they are:" if report.refused
                 else "Refused: none")
    lines += [f"  {r.model}: {r.reason}" for r in report.refused]
    changed = sum(m.changed for m in report.matched)
    lines.append("")
    if written:
        lines.append(f"Wrote {written}: new prices for {changed} of {len(report.matched)} matched models.")
    else:
        lines.append(f"{changed} of {len(report.matched)} matched models have new prices; nothing "
                     "written (add --apply -o OUT to write the plan with them).")
    return "\n".join(lines) + "\n"
