"""``orgplanner --smoke [PLAN]``: check that this build of the app works, without a display.

Run on the PyInstaller bundle (``dist/orgplanner/orgplanner --smoke``, in CI after
``make package``) and from a checkout (``python -m planner --smoke``). In an offscreen Qt
it imports the modules the app loads by name, reads the bundled catalog, opens the
Northwind example (or PLAN) in the real window, computes it, visits every page, then writes
the Excel workbook and the leadership brief into a temp folder and checks both files.
It prints one line per step with its time and exits 0; on a failure it names the step and
the error and exits 1. Settings, autosave and outputs live in a temp folder that is removed
afterwards: a smoke run never touches the user's settings or recent files.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

# Modules the app imports by name (importlib), which PyInstaller cannot find by reading the
# code: packaging/orgplanner.spec makes them its hiddenimports, and the smoke check imports
# them first. The CLI's command modules come from the CLI's own list.
NAMED_MODULES = ("planner.ui.app", "planner.ui.brief.cli", "planner.ui.roster",
                 "planner.io.excel")
TIMEOUT_S = 120.0  # for the window to compute the plan


def loaded_by_name() -> list[str]:
    from ..cli import COMMAND_MODULES

    return [*(f"planner.cli.{name}" for name in COMMAND_MODULES), *NAMED_MODULES]


def example_plan() -> Path:
    from ..catalog.paths import resources_dir

    return resources_dir() / "examples" / "northwind.orgplan.json"


class SmokeFailed(Exception):
    """A check that did not hold; ``str()`` says what was expected."""


class Smoke:
    """The steps, run in order; each returns the detail printed on its line."""

    def __init__(self, plan: Path, work: Path) -> None:
        self.plan_path = plan
        self.stem = plan.name.split(".")[0] or "plan"
        self.work = work
        self.window = None
        self.plan = None
        self.data = None
        self.previous_handler = None

    def steps(self) -> list[tuple[str, Callable[[], str]]]:
        return [("version", self.version), ("modules", self.modules),
                ("resources", self.resources),
                ("window", self.open_window), ("workbook", self.workbook),
                ("brief", self.brief)]

    def version(self) -> str:
        from .. import __version__
        from .about import metadata_version

        found = metadata_version()
        if found is None and getattr(sys, "frozen", False):
            raise SmokeFailed("the bundle has no orgplanner package metadata (copy_metadata in "
                              "packaging/orgplanner.spec)")
        if found is not None and found != __version__:
            raise SmokeFailed(f"the package metadata says {found} but planner.__version__ is "
                              f"{__version__}: reinstall (make clean, then make test)")
        return (f"package metadata {found} = planner.__version__" if found
                else f"no package metadata; planner.__version__ {__version__}")

    def modules(self) -> str:
        import importlib

        names = loaded_by_name()
        for name in names:
            importlib.import_module(name)
        return f"{len(names)} modules loaded by name"

    def resources(self) -> str:
        from ..catalog.loader import load_catalog

        if not self.plan_path.is_file():
            raise SmokeFailed(f"no plan at {self.plan_path}")
        cat = load_catalog()
        return (f"{self.plan_path.name}; catalog {len(cat.templates)} workflow templates, "
                f"{len(cat.api_models) + len(cat.self_hosted)} models, {len(cat.gpus)} GPUs")

    def open_window(self) -> str:
        from PySide6.QtCore import QCoreApplication, QDeadlineTimer

        from .app import make_app
        from .icons import app_icon
        from .main_window import MainWindow

        app = make_app([])
        self.previous_handler = _quiet_offscreen_warnings()
        if app_icon().pixmap(64, 64).isNull():
            raise SmokeFailed("the app icon did not render (resources/icons/orgplanner.svg, "
                              "or Qt's SVG plugins, missing)")
        w = self.window = MainWindow()
        if not w.open_plan(self.plan_path, ask=False):
            raise SmokeFailed(f"the window could not open {self.plan_path}")
        w.resize(1280, 800)
        w.show()
        deadline = QDeadlineTimer(int(TIMEOUT_S * 1000))
        while (w.recomputer.pending or w.doc.result is None) and not deadline.hasExpired():
            if w.doc.error_count:
                break
            QCoreApplication.processEvents()
            time.sleep(0.005)
        if w.doc.error_count:
            first = w.doc.problems[0]
            raise SmokeFailed(f"{self.plan_path.name} has {w.doc.error_count} problem(s), "
                              f"the first: {first}")
        if w.doc.result is None:
            raise SmokeFailed(f"no results after {TIMEOUT_S:.0f} s")
        for row in range(w.nav.count()):  # every page, built on first show
            w.nav.setCurrentRow(row)
            QCoreApplication.processEvents()
        shot = w.grab()
        if shot.isNull():
            raise SmokeFailed("the window did not paint")
        self.plan, self.data = w.doc.plan, w.doc.data
        p = self.plan
        return (f"{app.platformName()}; {p.name}: {len(p.teams)} teams, {len(p.workflows)} "
                f"workflows, {p.settings.horizon_months} months computed; "
                f"{w.nav.count()} pages painted")

    def workbook(self) -> str:
        from ..io.excel import export_workbook

        out = export_workbook(self.plan, self.work / f"{self.stem}.xlsx")
        size = _nonempty(out)
        if not zipfile.is_zipfile(out):
            raise SmokeFailed(f"{out.name} is not an xlsx (zip) file")
        import openpyxl

        book = openpyxl.load_workbook(out, read_only=True)
        try:
            sheets = book.sheetnames
        finally:
            book.close()
        if "Summary" not in sheets:
            raise SmokeFailed(f"{out.name} has no Summary sheet (sheets: {', '.join(sheets)})")
        return f"{out.name} {size:,} bytes, {len(sheets)} sheets"

    def brief(self) -> str:
        from .brief import export_brief

        out = self.work / f"{self.stem}-brief.pdf"
        pages = export_brief(self.data, out)
        size = _nonempty(out)
        raw = out.read_bytes()
        if not raw.startswith(b"%PDF-") or b"%%EOF" not in raw[-1024:]:
            raise SmokeFailed(f"{out.name} is not a complete PDF")
        return f"{out.name} {size:,} bytes, {pages} page{'s' if pages != 1 else ''}"

    def close(self) -> None:
        w, self.window = self.window, None
        if w is not None:
            w.doc.undo_stack.setClean()  # never ask to save
            w.close()
            w.deleteLater()
        if self.previous_handler is not None:
            from PySide6.QtCore import QCoreApplication, qInstallMessageHandler

            QCoreApplication.processEvents()  # the closing window's messages, still quiet
            qInstallMessageHandler(self.previous_handler)


def _quiet_offscreen_warnings():
    """Drop the offscreen platform's "does not support propagateSizeHints()" (one per
    window, harmless); every other Qt message still reaches stderr. Returns the handler
    it replaced."""
    from PySide6.QtCore import qInstallMessageHandler

    def handler(_kind, _context, message: str) -> None:
        if "propagateSizeHints" not in message:
            print(message, file=sys.stderr, flush=True)

    return qInstallMessageHandler(handler)


def _nonempty(path: Path) -> int:
    if not path.is_file():
        raise SmokeFailed(f"{path.name} was not written")
    size = path.stat().st_size
    if size == 0:
        raise SmokeFailed(f"{path.name} is empty")
    return size


def _build() -> str:
    if getattr(sys, "frozen", False):
        return f"bundle {Path(sys.executable).resolve().parent}"
    return f"source {Path(__file__).resolve().parents[2]}"


def run(plan: Path | None = None, *, out=print) -> int:
    """Run every step, reporting through ``out``; 0 when all passed, else 1."""
    from .about import versions

    t0 = time.perf_counter()
    plan = Path(plan) if plan else example_plan()
    env = {"QT_QPA_PLATFORM": "offscreen", "QT_LOGGING_RULES": "qt.qpa.*=false"}
    saved = {k: os.environ.get(k) for k in (*env, "ORGPLANNER_CONFIG_DIR", "ORGPLANNER_DATA_DIR")}
    with tempfile.TemporaryDirectory(prefix="orgplanner-smoke-",
                                     ignore_cleanup_errors=True) as tmp:
        work = Path(tmp)
        os.environ.update(env, ORGPLANNER_CONFIG_DIR=str(work / "config"),
                          ORGPLANNER_DATA_DIR=str(work / "data"))
        smoke = Smoke(plan, work)
        try:
            out(f"OrgPlanner smoke check: {_build()}")
            out("  versions   " + " · ".join(f"{k} {v}" for k, v in versions().items()))
            for name, step in smoke.steps():
                t = time.perf_counter()
                try:
                    detail = step()
                except Exception as exc:  # noqa: BLE001 - reported as the failed step
                    what = "" if isinstance(exc, SmokeFailed) else f"{type(exc).__name__}: "
                    out(f"FAILED at {name}: {what}{exc}")
                    return 1
                out(f"  {name:<10} {time.perf_counter() - t:5.2f} s  {detail}")
        finally:
            smoke.close()
            for k, v in saved.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v
    out(f"OK in {time.perf_counter() - t0:.2f} s")
    return 0


def main(argv: Sequence[str] = ()) -> int:
    """``orgplanner --smoke [PLAN]``."""
    args = [a for a in argv if a != "--smoke"]
    if len(args) > 1 or any(a.startswith("-") for a in args):
        print("usage: orgplanner --smoke [PLAN.orgplan.json]", file=sys.stderr)
        return 2

    def say(line: str) -> None:
        print(line, file=sys.stderr if line.startswith("FAILED") else sys.stdout, flush=True)

    return run(Path(args[0]) if args else None, out=say)
