"""Take the README's screenshots from the real app: `make screenshots` runs this under Xvfb.

Writes docs/images/main-window.png (the Teams page with the Results panel on Northwind) and
docs/images/risk-page.png (the Risk page: Monte Carlo, tornado, the four bets), at 1440x900.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "resources" / "examples" / "northwind.orgplan.json"


def main(out: Path) -> int:
    import tempfile

    scratch = tempfile.mkdtemp(prefix="orgplanner-screenshots-")   # no settings of the user's
    os.environ["ORGPLANNER_CONFIG_DIR"] = str(Path(scratch) / "config")
    os.environ["ORGPLANNER_DATA_DIR"] = str(Path(scratch) / "data")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from planner.ui.main_window import MainWindow
    from planner.ui.workers import SyncRunner

    out.mkdir(parents=True, exist_ok=True)
    w = MainWindow(runner=SyncRunner())
    assert w.open_plan(EXAMPLE, ask=False)
    w.resize(1440, 900)
    w.show()
    w.recomputer.flush(wait=True)

    def settle() -> None:
        for _ in range(20):
            app.processEvents()

    settle()
    w.show_page("Teams")
    settle()
    w.grab().save(str(out / "main-window.png"))
    w.show_page("Risk")
    settle()
    page = w.pages["Risk"]
    if getattr(page, "task", None) is None and page.last is None:
        page.run()
    settle()
    w.grab().save(str(out / "risk-page.png"))
    for name in ("main-window.png", "risk-page.png"):
        print(f"wrote {out / name}")
    w.doc.undo_stack.setClean()
    w.close()
    import shutil

    shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "images"))
