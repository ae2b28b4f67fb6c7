"""Start the desktop app: ``main(argv) -> int``.

Opens the plan given on the command line, else the last plan, else the bundled Northwind
example; after a crash it first offers to restore the autosaved changes. Start-up imports
no pandas or openpyxl (the engine builds its tables lazily; the export imports openpyxl
when used); pyqtgraph comes in through the dashboard (and the Organisation
page's spans view, when that page is first shown).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

_T0 = time.perf_counter()


def make_app(argv: Sequence[str] | None = None):
    from PySide6.QtWidgets import QApplication

    from .icons import app_icon
    from .settings import APP, ORG

    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0] if sys.argv else "orgplanner", *(argv or [])])
    app.setApplicationName(APP)
    app.setOrganizationName(ORG)
    app.setApplicationDisplayName("OrgPlanner")
    app.setDesktopFileName("orgplanner")
    app.setWindowIcon(app_icon())
    return app


def open_initial(window, argv: Sequence[str]) -> None:
    """Recovery first, then the plan named on the command line, the last plan or the example."""
    from . import dialogs
    from .main_window import EXAMPLE
    from .recovery import find_recoverable

    recs = find_recoverable(exclude=window.session.id)
    if recs:
        newest = recs[0]  # the others are offered at the next start: never deleted unseen
        if dialogs.ask_restore(window, newest.describe()):
            if window.restore(newest):
                return
        else:
            newest.discard()
    args = [a for a in argv if not a.startswith("-")]
    if args:
        if window.open_plan(Path(args[0]), ask=False):
            return
    last = window.settings.last_plan
    if last and Path(last).is_file() and window.open_plan(Path(last), ask=False):
        return
    if EXAMPLE.is_file():
        window.open_plan(EXAMPLE, ask=False)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    app = make_app(argv)
    from .main_window import MainWindow
    from .theme import apply_theme

    window = MainWindow()
    from . import crash

    crash.install(lambda: window)
    apply_theme(window.settings.theme)
    # The window paints first (its editors show the plan's data as read); checking and
    # computing the plan, and importing the engine for it, follow on the next turn.
    window.recomputer.hold()
    open_initial(window, argv)
    if os.environ.get("ORGPLANNER_EXIT_AFTER_SHOW"):
        _exit_after_results(window)
    window.show()
    return int(app.exec())


def _exit_after_results(window) -> None:
    """Benchmark hook: print the times to the first paint and to the first results, then quit."""
    from PySide6.QtCore import QTimer

    def stamp(name: str) -> None:
        print(f"{name}_at={time.time():.4f} {name}_ms={(time.perf_counter() - _T0) * 1000:.0f}",
              flush=True)

    def computed(_outcome) -> None:
        stamp("results")
        window.doc.undo_stack.setClean()
        QTimer.singleShot(0, window.close)

    window.painted.connect(lambda: stamp("shown"))
    window.recomputer.finished.connect(computed)


if __name__ == "__main__":
    raise SystemExit(main())
