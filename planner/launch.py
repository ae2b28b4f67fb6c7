"""``orgplanner`` / ``python -m planner``: the app when given no command, else the CLI.

``orgplanner`` opens the app on the last plan (Northwind the first time),
``orgplanner PLAN.orgplan.json`` opens that plan, and ``orgplanner COMMAND ...`` runs a
headless command; ``orgplanner --smoke`` checks the build (app, exports) offscreen. This
module sits outside the core so that the core never imports Qt.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence


def _wants_app(args: list[str]) -> bool:
    if not args:
        return True
    if len(args) == 1 and args[0].lower().endswith(".json") and os.path.isfile(args[0]):
        return True  # a plan file: skip building the command parser (faster start-up)
    from .cli import build_parser

    commands: set[str] = set()
    for action in build_parser()._subparsers._group_actions:  # type: ignore[union-attr]
        commands.update(getattr(action, "choices", {}) or {})
    first = args[0]
    return not first.startswith("-") and first not in commands and len(args) == 1


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["--smoke"]:  # check this build works (offscreen): planner/ui/smoke.py
        from .ui.smoke import main as smoke_main

        return smoke_main(args[1:])
    if args[:1] == ["brief"]:
        # The brief draws with Qt (offscreen without a display); the core commands never do.
        from .ui.brief.cli import main as brief_main

        return brief_main(args[1:])
    if _wants_app(args):
        try:
            from .ui.app import main as app_main
        except ImportError as exc:
            if not (exc.name or "").startswith("planner.ui"):
                print(f"orgplanner: the app cannot start ({exc}); the commands still work:",
                      file=sys.stderr)
            from .cli import main as cli_main

            return cli_main(["summary", *args] if args else [])
        return int(app_main(args) or 0)
    from .cli import main as cli_main

    return cli_main(args)
