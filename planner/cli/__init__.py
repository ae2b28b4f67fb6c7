"""The command line: headless commands over plan files (no Qt here).

Each command module has ``register(subparsers)``; a command's handler returns an exit
code. Errors reach the user as one line on stderr naming the file and place; a
traceback only with ``--debug``.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from collections.abc import Sequence

from .. import __version__
from .common import CliError, report_error, tolerant_stdout

# Command modules, in the order their commands appear in --help.
COMMAND_MODULES = ("plan_cmds", "risk_cmds", "export_cmd", "roster_cmds", "prices_cmd",
                   "hosting_cmd")


def build_parser() -> argparse.ArgumentParser:
    import importlib

    parser = argparse.ArgumentParser(
        prog="orgplanner",
        description="Plan an organisation's move to AI: compression, compute and money. "
                    "Run without a command to open the app.",
    )
    parser.add_argument("--version", action="version", version=f"OrgPlanner {__version__}")
    parser.add_argument("--debug", action="store_true", help="show a traceback on errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise
            continue
        module.register(sub)
    # ``orgplanner summary PLAN --debug`` works too (the README says "add --debug");
    # SUPPRESS keeps ``orgplanner --debug summary PLAN`` from being reset to False.
    for command in sub.choices.values():
        command.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                             help="show a traceback on errors")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if not args_list:
        parser.print_help()
        return 0
    args = parser.parse_args(args_list)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 0
    try:
        with tolerant_stdout(), warnings.catch_warnings():
            # numpy's "overflow encountered in multiply" on absurd inputs is noise for a
            # person: the summary says which results could not be computed.
            warnings.simplefilter("ignore", RuntimeWarning)
            return int(args.handler(args) or 0)
    except KeyboardInterrupt:
        print("orgplanner: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # noqa: BLE001 - every error becomes a message, never a traceback
        return report_error(exc, debug=args.debug)


__all__ = ["main", "build_parser", "CliError"]
