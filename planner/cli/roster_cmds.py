"""``orgplanner roster ROSTER`` (spans and layers of an HR export) and
``orgplanner import-roster ROSTER -o PLAN`` (a plan built from it)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..textsafe import plain_text
from .common import CliError

if TYPE_CHECKING:
    from ..io.roster import RosterAnalysis

_FIELDS_HELP = "employee_id, name, manager_id, manager_name, team, job_title, annual_cost, fte"


def register(sub: argparse._SubParsersAction) -> None:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("roster", help="the roster: .csv (any delimiter and encoding) or .xlsx")
    common.add_argument("--map", action="append", default=[], metavar="FIELD=COLUMN",
                        help=f"which column holds a field (repeatable); FIELD is one of "
                             f"{_FIELDS_HELP}; FIELD= leaves it unmapped")
    common.add_argument("--sheet", metavar="NAME", help="the sheet of an .xlsx (default: the first)")

    p = sub.add_parser("roster", parents=[common], help="spans of control and layers of an HR roster",
                       description="Read an HR roster (one row per person with a manager column), "
                                   "check it and print its spans of control, layers and problems.")
    p.add_argument("--json", action="store_true", help="print the analysis as JSON on stdout")
    p.set_defaults(handler=run_roster)

    p = sub.add_parser("import-roster", parents=[common], help="build a plan from an HR roster",
                       description="Build a plan from an HR roster: teams by department (or by "
                                   "manager), roles from job titles, costs averaged per role. "
                                   "Rows with problems are left out and listed.")
    p.add_argument("-o", "--output", required=True, metavar="PLAN",
                   help="the plan file to write (.orgplan.json)")
    p.add_argument("--teams", choices=("department", "manager"), default="department",
                   help="a team per department (default) or per manager's direct-report group")
    p.add_argument("--name", help="the plan's name (default: from the file name)")
    p.add_argument("--currency", default="USD", help="the currency of the costs (default USD)")
    p.add_argument("--force", action="store_true", help="replace PLAN if it already exists")
    p.set_defaults(handler=run_import)


def _analyse(args: argparse.Namespace) -> RosterAnalysis:
    from ..io.roster import RosterError, load_roster, parse_map_options

    try:
        overrides = parse_map_options(args.map)
        return load_roster(args.roster, mapping=overrides, sheet=args.sheet)
    except (RosterError, ValueError) as exc:
        raise CliError(str(exc)) from None
    except MemoryError:
        raise CliError(f"{Path(args.roster).name}: out of memory reading the roster") from None


def run_roster(args: argparse.Namespace) -> int:
    analysis = _analyse(args)
    if args.json:
        json.dump(analysis.to_json(), sys.stdout, indent=1, ensure_ascii=False, allow_nan=False)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(analysis_text(analysis))
    return 0


def run_import(args: argparse.Namespace) -> int:
    from ..io.planfile import save_plan
    from ..io.roster import build_plan

    currency = args.currency.strip().upper()
    if not currency.isalpha() or len(currency) != 3:
        raise CliError(f'--currency "{args.currency}": give a 3-letter code such as USD or EUR')
    if Path(args.output).exists() and not args.force:
        # A plan holds work (workflows, models) that a roster cannot give back: never replace
        # it silently.
        raise CliError(f"{args.output} already exists; choose another file name, or add --force "
                       "to replace it")
    analysis = _analyse(args)
    try:
        data = build_plan(analysis, teams=args.teams, name=args.name, currency=currency)
    except ValueError as exc:
        raise CliError(str(exc)) from None
    save_plan(data, args.output)
    r = analysis.roster
    out = sys.stdout
    out.write(f"Wrote {args.output}: {len(data['teams'])} teams, {analysis.employees:,} people "
              f"({analysis.fte:,.1f} FTE), {analysis.managers:,} managers, teams by {args.teams}\n")
    _write_problems(out, analysis)
    if r.left_out:
        out.write(f"Left out of the plan ({len(r.left_out):,} rows):\n")
        for line, ident, why in r.left_out[:200]:
            out.write(f"  {r.source} {r.unit} {line}: {('id ' + ident + ', ') if ident else ''}{why}\n")
        if len(r.left_out) > 200:
            out.write(f"  ... and {len(r.left_out) - 200:,} more\n")
    else:
        out.write("Nobody was left out.\n")
    return 0


# -- the analysis for a person ----------------------------------------------------------------

def _bar(value: float, top: float, width: int = 30) -> str:
    if top <= 0 or value <= 0:
        return ""
    return "#" * max(1, round(value / top * width))


def _num(x: float | None, digits: int = 2) -> str:
    if x is None:
        return "-"
    return f"{x:.{digits}f}".rstrip("0").rstrip(".") if x != int(x) else f"{int(x)}"


def analysis_text(a: RosterAnalysis) -> str:
    from ..io.roster import FIELD_LABELS

    r = a.roster
    lines: list[str] = []
    add = lines.append
    add(f"{r.source}: {a.employees:,} people ({a.fte:,.1f} FTE), {a.managers:,} managers, "
        f"{a.employees - a.managers:,} individual contributors, {a.layers} layers")
    mapped = ", ".join(f"{FIELD_LABELS[f]} = {c!r}" for f, c in r.mapping.items())
    add(f"Columns: {mapped}")
    for note in r.notes:
        add(f"Note: {note}")
    if len(a.roots) > 1:
        add(f"Separate trees: {len(a.roots):,} (the largest has {int(a.size[a.roots].max()):,} people)")
    add("")
    add("Layers (1 = top)")
    add(f"  {'layer':>5}  {'people':>8}  {'managers':>8}")
    counts, mgrs = a.layer_counts, a.managers_per_layer
    top = max(counts.values(), default=0)
    for layer, people in counts.items():
        add(f"  {layer:>5}  {people:>8,}  {mgrs.get(layer, 0):>8,}  {_bar(people, top)}")
    add("")
    add(f"Span of control (direct reports of the {a.managers:,} managers): "
        f"mean {_num(a.mean_span)}, median {_num(a.median_span)}")
    add(f"  {'span':>5}  {'managers':>8}")
    dist = a.span_distribution
    top = max(dist.values(), default=0)
    for span, k in dist.items():
        flag = "  narrow" if span <= 2 else ("  wide" if span >= 16 else "")
        add(f"  {span:>5}  {k:>8,}  {_bar(k, top)}{flag}")
    add("")
    add("Manager archetypes (McKinsey 2017): " +
        ", ".join(f"{label} {k:,}" for label, k in a.archetypes.items()))
    add("")
    add("Flags")
    _flag_list(add, a, a.narrow, "narrow span (1-2 reports): a layer that adds little")
    _flag_list(add, a, a.wide, "wide span (16+ reports): little time per report")
    chains = a.single_report_chains
    if chains:
        add(f"  {len(chains):,} single-report chain{'s' if len(chains) != 1 else ''} "
            "(a manager whose only report is a manager):")
        for m, c in chains[:20]:
            add(f"    {r.label(m)} -> {r.label(c)}")
        if len(chains) > 20:
            add(f"    ... and {len(chains) - 20:,} more")
    if not (len(a.narrow) or len(a.wide) or chains):
        add("  none")
    if a.departments:
        add("")
        add("Departments")
        add(f"  {'department':<30} {'people':>7} {'managers':>8} {'mean span':>9} {'layers':>7}")
        for d in a.departments[:60]:
            layers = (f"{d['top_layer']}-{d['bottom_layer']}" if d["top_layer"] != d["bottom_layer"]
                      else str(d["top_layer"]))
            add(f"  {d['department'][:30]:<30} {d['employees']:>7,} {d['managers']:>8,} "
                f"{_num(d['mean_span']):>9} {layers:>7}")
        if len(a.departments) > 60:
            add(f"  ... and {len(a.departments) - 60:,} more departments (see --json)")
    add("")
    text = "\n".join(lines) + "\n"
    import io

    buf = io.StringIO()
    _write_problems(buf, a)
    return plain_text(text + buf.getvalue())  # names from the file: no ESC sequences


def _flag_list(add, a: RosterAnalysis, idx, what: str) -> None:
    if not len(idx):
        return
    r = a.roster
    add(f"  {len(idx):,} manager{'s' if len(idx) != 1 else ''} with a {what}:")
    for i in idx[:20]:
        title = f", {r.titles[i]}" if r.titles[i] else ""
        add(f"    {r.label(int(i))}{title}: {int(a.span[i])} report{'s' if a.span[i] != 1 else ''}")
    if len(idx) > 20:
        add(f"    ... and {len(idx) - 20:,} more")


def _write_problems(out, a: RosterAnalysis) -> None:
    messages = a.roster.messages
    if not messages:
        out.write("Problems: none\n")
        return
    total = sum(a.roster.problem_counts.values())
    out.write(f"Problems ({total:,}):\n")
    for m in messages:
        out.write(f"  {m}\n")
