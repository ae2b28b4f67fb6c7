"""The main window: navigation | editor pages | results dock, menus, files, undo, export."""

from __future__ import annotations

import importlib
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QSaveFile, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QStyle,
    QToolButton,
    QWidget,
)

from . import dialogs
from .brief.action import BriefController
from .doc.document import PlanDocument, new_plan_data
from .evidence import install_catalog_actions
from .export import ExportController
from .icons import app_icon
from .pages.compute import ComputePage
from .pages.settings import SettingsPage
from .pages.teams import TeamsPage
from .pages.workflows import WorkflowsPage
from .recompute import Recomputer
from .recovery import Recoverable, Session
from .settings import AppSettings
from .theme import apply_theme
from .widgets.problems import ProblemsView
from .workers import _Runner

FILE_FILTER = "OrgPlanner plans (*.orgplan.json);;JSON files (*.json);;All files (*)"
EXAMPLE = Path(__file__).resolve().parents[2] / "resources" / "examples" / "northwind.orgplan.json"
ROSTER_SUFFIXES = (".csv", ".xlsx", ".xlsm", ".tsv", ".txt")

PAGE_OF = {"teams": "Teams", "workflows": "Workflows", "models": "Compute", "gpus": "Compute",
           "settings": "Settings", "name": "Settings", "currency": "Settings",
           "scenarios": "Compare", "ranges": "Risk", "stress": "Risk"}


def _dashboard() -> tuple[type, type]:
    from .dashboard import OverviewPage, ResultsPanel

    return ResultsPanel, OverviewPage


def roster_ui() -> Any:
    """``planner.ui.roster``, imported on first use (its page and the roster import)."""
    return importlib.import_module("planner.ui.roster")


class MainWindow(QMainWindow):
    shown = Signal()
    painted = Signal()  # the first paint: the window is on screen


    def __init__(self, *, settings: AppSettings | None = None, runner: _Runner | None = None,
                 autosave_s: int | None = None) -> None:
        super().__init__()
        self._dock_stepped_aside = False   # the Results dock hidden while Overview shows
        self.settings = settings or AppSettings()
        self.doc = PlanDocument(new_plan_data(), parent=self)
        self.recomputer = Recomputer(self.doc, runner=runner, parent=self)
        self.session = Session(self.doc, runner=runner,
                               interval_s=autosave_s or self.settings.autosave_seconds, parent=self)
        self.exporter = ExportController(self, runner=runner)
        self.runner = runner
        self.brief_exporter = BriefController(self, runner=runner)
        self._shown_once = False
        self.painted_once = False
        self.installEventFilter(self)  # until the first paint
        self._opened: str | None = None
        self._recovered_from: Path | None = None  # a restored plan whose file is gone
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowTabbedDocks)

        self._build_pages()
        self._build_docks()
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_status()
        self._connect()
        install_catalog_actions(self)
        self._restore_layout()
        self._update_title()

    # ----- construction ------------------------------------------------------------------
    def _build_pages(self) -> None:
        ResultsPanel, OverviewPage = _dashboard()
        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName("Sections")
        self.nav.setSpacing(2)
        self.nav.setFrameShape(QListWidget.Shape.NoFrame)
        f = self.nav.font()
        f.setPointSizeF(f.pointSizeF() * 1.1)
        self.nav.setFont(f)
        self.stack = QStackedWidget(self)
        self._overview_cls = OverviewPage
        self.overview: QWidget | None = None  # built on first show (its charts cost ~0.1 s)
        self.teams_page = TeamsPage(self.doc, self)
        self.workflows_page = WorkflowsPage(self.doc, self)
        self.compute_page = ComputePage(self.doc, self)
        self.settings_page = SettingsPage(self.doc, self)
        self.pages: dict[str, QWidget] = {}
        style = self.style()
        icons = {
            "Overview": QStyle.StandardPixmap.SP_FileDialogInfoView,
            "Teams": QStyle.StandardPixmap.SP_DirHomeIcon,
            "Workflows": QStyle.StandardPixmap.SP_FileDialogDetailedView,
            "Compute": QStyle.StandardPixmap.SP_DriveNetIcon,
            "Settings": QStyle.StandardPixmap.SP_FileDialogContentsView,
            "Organisation": QStyle.StandardPixmap.SP_DirIcon,
        }
        for name, page, tip in (
            ("Overview", None, "The results for leadership: KPIs and charts"),
            ("Teams", self.teams_page, "Teams, their roles and reporting lines"),
            ("Workflows", self.workflows_page, "The work AI changes, team by team"),
            ("Compute", self.compute_page, "AI models and GPUs"),
            ("Settings", self.settings_page, "Horizon, policy, prices and other settings"),
        ):
            self._add_page(name, page, tip, style.standardIcon(icons[name]))
        self.organisation_page = None
        # the roster package is imported when its page is first shown (~30 ms at start-up)
        self._add_page("Organisation", None, "The organisation from an HR roster",
                       style.standardIcon(icons["Organisation"]))
        # scenarios side by side and what happens when the bets fail: built on first show
        self._add_page("Compare", None, "The plan's scenarios side by side",
                       style.standardIcon(QStyle.StandardPixmap.SP_FileDialogListView))
        self._add_page("Risk", None, "What happens when the plan's bets fail",
                       style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
        self._lazy_pages = {"Compare": self._make_compare_page, "Risk": self._make_risk_page}
        self.nav.setIconSize(QSize(20, 20))
        fm = self.nav.fontMetrics()
        self.nav.setMinimumWidth(fm.horizontalAdvance("Organisation") + 70)
        self.nav.setMaximumWidth(fm.horizontalAdvance("Organisation") + 140)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(1, False)
        self.setCentralWidget(self.splitter)
        self.results = ResultsPanel(self)

    def _add_page(self, name: str, page: QWidget | None, tip: str, icon: QIcon) -> None:
        item = QListWidgetItem(icon, name)
        item.setToolTip(tip)
        item.setSizeHint(QSize(0, self.fontMetrics().height() * 2 + 6))
        self.nav.addItem(item)
        if page is None:
            page = QWidget(self)  # placeholder, replaced on first show
        self.stack.addWidget(page)
        self.pages[name] = page

    def _build_docks(self) -> None:
        self.results_dock = QDockWidget("Results", self)
        self.results_dock.setObjectName("results")
        self.results_dock.setWidget(self.results)
        self.results_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                                      | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                                      | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.results_dock)
        self.problems = ProblemsView(self.doc, self)
        self.problems_dock = QDockWidget("Problems", self)
        self.problems_dock.setObjectName("problems")
        self.problems_dock.setWidget(self.problems)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.problems_dock)
        # the results dock runs the full height; the problems list sits under the editor
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.problems_dock.hide()

    def _action(self, text: str, slot, shortcut=None, tip: str = "", icon=None) -> QAction:
        a = QAction(text, self)
        if shortcut is not None:
            if isinstance(shortcut, list):
                a.setShortcuts(shortcut)
            else:
                a.setShortcut(shortcut)
        if tip:
            a.setStatusTip(tip)
            a.setToolTip(tip)
        if icon is not None:
            a.setIcon(self.style().standardIcon(icon))
        a.triggered.connect(slot)
        return a

    def _build_actions(self) -> None:
        SP = QStyle.StandardPixmap
        K = QKeySequence.StandardKey
        self.a_new = self._action("&New", self.new_plan, K.New, "Start a new, empty plan", SP.SP_FileIcon)
        self.a_open = self._action("&Open...", self.open_dialog, K.Open, "Open a plan file",
                                   SP.SP_DialogOpenButton)
        self.a_example = self._action("Open &Example (Northwind)", lambda: self.open_plan(EXAMPLE),
                                      None, "Open the bundled Northwind example plan")
        self.a_save = self._action("&Save", self.save, K.Save, "Save the plan", SP.SP_DialogSaveButton)
        self.a_save_as = self._action("Save &As...", self.save_as, K.SaveAs, "Save the plan under a new name")
        self.a_export = self._action("&Export to Excel...", self.export_excel, QKeySequence("Ctrl+E"),
                                     "Export the plan and its results to an Excel workbook",
                                     SP.SP_ArrowDown)
        self.a_brief = self._action("Export &Brief (PDF)...", self.export_brief,
                                    QKeySequence("Ctrl+Shift+E"),
                                    "Export a one-page brief for leadership as a PDF")
        self.a_roster = self._action("Import &Roster...", self.import_roster, None,
                                     "Build a new plan from an HR roster (CSV or Excel)")
        self.a_quit = self._action("&Quit", self.close, K.Quit, "Quit OrgPlanner")
        self.a_undo = self.doc.undo_stack.createUndoAction(self, "&Undo")
        self.a_undo.setShortcuts([QKeySequence(K.Undo)])
        self.a_undo.setIcon(self.style().standardIcon(SP.SP_ArrowBack))
        self.a_redo = self.doc.undo_stack.createRedoAction(self, "&Redo")
        self.a_redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.a_redo.setIcon(self.style().standardIcon(SP.SP_ArrowForward))
        self.a_about = self._action("&About OrgPlanner", self.about, None, "Version and credits")
        self.a_problems = self._action("&Problems", self.toggle_problems, QKeySequence("Ctrl+Shift+P"),
                                       "Show or hide the list of problems")

    def _build_menus(self) -> None:
        mb = self.menuBar()
        f = mb.addMenu("&File")
        for a in (self.a_new, self.a_open):
            f.addAction(a)
        self.recent_menu = f.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        f.addAction(self.a_example)
        f.addSeparator()
        f.addAction(self.a_save)
        f.addAction(self.a_save_as)
        f.addSeparator()
        f.addAction(self.a_export)
        f.addAction(self.a_brief)
        f.addAction(self.a_roster)
        f.addSeparator()
        f.addAction(self.a_quit)
        e = mb.addMenu("&Edit")
        e.addAction(self.a_undo)
        e.addAction(self.a_redo)
        e.addSeparator()
        # these act on the focused table; the table owns the shortcuts, the menu shows them
        self.table_actions: dict[str, QAction] = {}
        for key, text, keys in (("copy_selection", "&Copy", "Ctrl+C"),
                                ("paste_clipboard", "&Paste", "Ctrl+V"),
                                ("add_row", "&Insert row", "Ins"),
                                ("duplicate_rows", "D&uplicate rows", "Ctrl+D"),
                                ("delete_rows", "&Delete rows", "Del")):
            a = QAction(f"{text}\t{keys}", self)
            a.setStatusTip("Acts on the table that has the keyboard focus")
            a.triggered.connect(lambda _=False, k=key: self.table_command(k))
            e.addAction(a)
            self.table_actions[key] = a
        e.aboutToShow.connect(self._update_table_actions)
        v = mb.addMenu("&View")
        for i in range(self.nav.count()):
            name = self.nav.item(i).text()
            a = self._action(name, lambda _=False, n=name: self.show_page(n),
                             QKeySequence(f"Ctrl+{i + 1}"), f"Go to {name}")
            v.addAction(a)
        v.addSeparator()
        self.a_results = self.results_dock.toggleViewAction()
        self.a_results.setText("&Results panel")
        self.a_results.setShortcut(QKeySequence("Ctrl+Shift+R"))
        v.addAction(self.a_results)
        v.addAction(self.a_problems)
        v.addAction(self.workflows_page.compute_action)
        theme = v.addMenu("&Theme")
        group = QActionGroup(self)
        self.theme_actions: dict[str, QAction] = {}
        for key, label in (("system", "&System"), ("light", "&Light"), ("dark", "&Dark")):
            a = QAction(label, self, checkable=True)
            a.triggered.connect(lambda _=False, k=key: self.set_theme(k))
            group.addAction(a)
            theme.addAction(a)
            self.theme_actions[key] = a
        self.theme_actions[self.settings.theme].setChecked(True)
        from .help.install import install_help

        install_help(self, mb.addMenu("&Help"))

    def _build_toolbar(self) -> None:
        tb = self.addToolBar("Main")
        tb.setObjectName("main-toolbar")
        tb.setMovable(False)
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        tb.setIconSize(QSize(18, 18))
        for a in (self.a_open, self.a_save):
            tb.addAction(a)
        tb.addSeparator()
        tb.addAction(self.a_undo)
        tb.addAction(self.a_redo)
        tb.addSeparator()
        from .scenarios.install import install_scenarios

        install_scenarios(self, tb)
        spacer = QWidget(tb)
        spacer.setSizePolicy(spacer.sizePolicy().horizontalPolicy().Expanding,
                             spacer.sizePolicy().verticalPolicy().Preferred)
        tb.addWidget(spacer)
        tb.addAction(self.a_export)
        self.toolbar = tb

    def _build_status(self) -> None:
        sb = self.statusBar()
        self.problems_button = QToolButton(self)
        self.problems_button.setAutoRaise(True)
        self.problems_button.setToolTip("Show the list of problems (Ctrl+Shift+P)")
        self.problems_button.clicked.connect(self.toggle_problems)
        self.recalc_label = QLabel("", self)
        self.autosave_label = QLabel("", self)
        self.autosave_label.setToolTip("Unsaved changes are copied every minute to a recovery file")
        sb.addPermanentWidget(self.problems_button)
        sb.addPermanentWidget(self.recalc_label)
        sb.addPermanentWidget(self.autosave_label)
        self._update_problems_button()

    def _connect(self) -> None:
        self.nav.currentRowChanged.connect(self._nav_changed)
        self.doc.undo_stack.cleanChanged.connect(self._update_title)
        # an edit clears what the status bar said about the last one (e.g. a refused value)
        self.doc.undo_stack.indexChanged.connect(self._edit_done)
        self.a_undo.triggered.connect(self._said_undo)
        self.a_redo.triggered.connect(self._said_redo)
        self.doc.pathChanged.connect(self._update_title)
        self.doc.pathChanged.connect(lambda: setattr(self, "_recovered_from", None))
        self.doc.changed.connect(self._doc_changed)
        self.doc.problemsChanged.connect(self._update_problems_button)
        self.doc.resultChanged.connect(self._show_result)
        self.recomputer.finished.connect(self._recomputed)
        self.session.autosaved.connect(lambda t: self.autosave_label.setText(f"Autosaved {t}"))
        self.session.failed.connect(self.show_message)
        self.exporter.message.connect(self.show_message)
        self.brief_exporter.message.connect(self.show_message)
        self.doc.notice.connect(lambda text: self.show_message(text, 6000))
        self.problems.activated_loc.connect(self.go_to_problem)
        for page in (self.teams_page, self.workflows_page, self.compute_page, self.settings_page):
            page.message.connect(self.show_message)
        self.teams_page.openExample.connect(lambda: self.open_plan(EXAMPLE))
        self.workflows_page.show_compute_columns(self.settings.workflow_compute_columns)
        self.workflows_page.compute_action.toggled.connect(
            lambda on: setattr(self.settings, "workflow_compute_columns", on))

    def _restore_layout(self) -> None:
        s = self.settings
        if not s.geometry.isEmpty():
            self.restoreGeometry(s.geometry)
        else:
            screen = QApplication.primaryScreen()
            avail = screen.availableGeometry() if screen else None
            w, h = 1440, 900
            if avail is not None:
                w, h = min(w, int(avail.width() * 0.95)), min(h, int(avail.height() * 0.92))
            self.resize(w, h)
        if not s.window_state.isEmpty():
            self.restoreState(s.window_state)
        if not s.splitter_state.isEmpty():
            self.splitter.restoreState(s.splitter_state)
        else:
            self.splitter.setSizes([self.nav.minimumWidth() + 10, 800])
        self.resizeDocks([self.results_dock], [max(340, int(self.width() * 0.28))],
                         Qt.Orientation.Horizontal)
        self.resizeDocks([self.problems_dock], [self.fontMetrics().height() * 9],
                         Qt.Orientation.Vertical)
        self.show_page(s.page if s.page in self.pages else "Teams")

    # ----- pages -----------------------------------------------------------------------------
    def show_page(self, name: str) -> None:
        names = list(self.pages)
        if name in names:
            self.nav.setCurrentRow(names.index(name))

    def current_page(self) -> str:
        return list(self.pages)[self.stack.currentIndex()]

    def _nav_changed(self, row: int) -> None:
        name = list(self.pages)[row]
        if name == "Organisation" and self.organisation_page is None:
            self._make_organisation_page()
        if name == "Overview" and self.overview is None:
            self._make_overview()
        if name in self._lazy_pages and type(self.pages[name]) is QWidget:
            self._swap_page(name, self._lazy_pages[name]())
        self._dock_for_page(name)
        self.stack.setCurrentIndex(row)
        self.settings.page = name

    # Pages that are results themselves, wide: the Results dock would only repeat or crowd them.
    WIDE_PAGES = ("Overview", "Compare", "Risk")

    def _dock_for_page(self, name: str) -> None:
        """The Results dock steps aside while a wide results page shows and comes back when
        the user leaves it, unless they had closed it themselves."""
        # isHidden, not isVisible: at start-up the window (and so the dock) is not shown yet,
        # and a window that reopens on Overview would show every tile twice
        if name in self.WIDE_PAGES and not self.results_dock.isHidden():
            self._dock_stepped_aside = True
            self.results_dock.hide()
        elif name not in self.WIDE_PAGES and self._dock_stepped_aside:
            self._dock_stepped_aside = False
            self.results_dock.show()

    def _make_overview(self) -> None:
        page = self._overview_cls(self)
        self._swap_page("Overview", page)
        self.overview = page
        self._show_result()
        getattr(self, "retitle_for_scenario", lambda: None)()   # name the scenario shown

    def _swap_page(self, name: str, page: QWidget) -> None:
        placeholder = self.pages[name]
        i = self.stack.indexOf(placeholder)
        self.stack.insertWidget(i, page)
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        self.pages[name] = page

    def _make_compare_page(self) -> QWidget:
        from .risk.compare_page import ComparePage

        return ComparePage(self.doc, self, runner=self.runner)

    def _make_risk_page(self) -> QWidget:
        from .risk.risk_page import RiskPage

        page = RiskPage(self.doc, self, runner=self.runner)
        page.message.connect(self.show_message)
        return page

    def _make_organisation_page(self) -> None:
        try:
            page = roster_ui().OrganisationPage(self)
            page.set_document(self.doc)
        except Exception as exc:  # noqa: BLE001 - a page that fails to build must not break the app
            page = QLabel(f"The Organisation page could not be shown: {exc}", self)
        self._swap_page("Organisation", page)
        self.organisation_page = page

    def go_to_problem(self, loc: tuple) -> None:
        page = PAGE_OF.get(str(loc[0]) if loc else "", "Settings")
        self.show_page(page)
        target = self.pages[page]
        if hasattr(target, "show_path"):
            target.show_path(tuple(loc))

    def focused_table(self) -> Any:
        """The table (or team tree) with the keyboard focus, else None."""
        from .widgets.table import PlanTable

        w = QApplication.focusWidget()
        while w is not None:
            if isinstance(w, PlanTable) or w is self.teams_page.tree:
                return w
            w = w.parentWidget()
        return None

    def _update_table_actions(self) -> None:
        table = self.focused_table()
        tree = table is self.teams_page.tree
        for key, a in self.table_actions.items():
            if tree:
                a.setEnabled(key in ("add_row", "duplicate_rows", "delete_rows"))
            elif table is None:
                a.setEnabled(False)
            else:
                a.setEnabled(table.row_actions or key not in ("add_row", "duplicate_rows"))

    def table_command(self, key: str) -> None:
        table = self.focused_table()
        if table is None:
            self.show_message("Click in a table first, then use the Edit menu on it")
            return
        if table is self.teams_page.tree:
            {"add_row": self.teams_page.add_team, "duplicate_rows": self.teams_page.duplicate_selected,
             "delete_rows": self.teams_page.delete_selected}.get(key, lambda: None)()
            return
        getattr(table, key)()

    # ----- status ------------------------------------------------------------------------------
    def show_message(self, text: str, ms: int = 8000) -> None:
        self.statusBar().showMessage(text, ms)

    def is_blank(self) -> bool:
        """A plan with no teams yet whose only error is that: the start, not a problem."""
        doc = self.doc
        return not doc.items("teams") and bool(doc.problems) and all(
            tuple(p.loc) == ("teams",) for p in doc.problems if p.severity == "error")

    def _edit_done(self, _index: int) -> None:
        self.statusBar().clearMessage()

    def _said_undo(self) -> None:
        stack = self.doc.undo_stack
        if stack.text(stack.index()):
            self.show_message(f"Undid: {stack.text(stack.index())}")

    def _said_redo(self) -> None:
        stack = self.doc.undo_stack
        if stack.index() > 0 and stack.text(stack.index() - 1):
            self.show_message(f"Redid: {stack.text(stack.index() - 1)}")

    def _update_problems_button(self) -> None:
        problems = self.doc.problems
        errors = self.doc.error_count
        warnings = len(problems) - errors
        if self.is_blank() and not warnings:
            self.problems_button.setText("Add a team to begin")
            self.problems_button.setStyleSheet("")
        elif not problems:
            self.problems_button.setText("No problems")
            self.problems_button.setStyleSheet("")
        else:
            parts = []
            if errors:
                parts.append(f"{errors} problem{'s' if errors != 1 else ''}")
            if warnings:
                parts.append(f"{warnings} warning{'s' if warnings != 1 else ''}")
            self.problems_button.setText(", ".join(parts))
            self.problems_button.setStyleSheet("color: #d0392f; font-weight: bold;" if errors else
                                               "color: #c27c00;")
        self.problems_dock.setWindowTitle(f"Problems ({len(problems)})" if problems else "Problems")

    def toggle_problems(self) -> None:
        self.problems_dock.setVisible(not self.problems_dock.isVisible())
        if self.problems_dock.isVisible():
            self.problems.setFocus()

    def _recomputed(self, outcome: Any) -> None:
        if self._opened:
            self._report_opened()
        if outcome.result is not None:
            self.recalc_label.setText(f"Recalculated in {outcome.ms:.0f} ms")
        elif self.is_blank():
            self.recalc_label.setText("")
        else:
            self.recalc_label.setText("Not recalculated: fix the problems")

    def _show_result(self) -> None:
        doc = self.doc
        for panel in (self.results, self.overview):
            if panel is None:
                continue
            if doc.result is None and self.recomputer.pending:
                panel.show_calculating()
                continue
            panel.set_result(doc.result, doc.currency)
            panel.set_stale(bool(doc.stale_message) and doc.result is not None, doc.stale_message)

    def _doc_changed(self, change: Any) -> None:
        if change.kind == "reset":  # another plan: its problems and results follow
            self.problems_button.setText("Checking...")
            self.problems_button.setStyleSheet("")
            for panel in (self.results, self.overview):
                if panel is not None:
                    panel.show_calculating()

    def _update_title(self, *_: Any) -> None:
        doc = self.doc
        file = doc.path.name if doc.path else "not saved"
        self.setWindowTitle(f"{doc.name} ({file})[*] — OrgPlanner")
        self.setWindowModified(doc.is_modified())

    # ----- files -------------------------------------------------------------------------------
    def maybe_save(self) -> bool:
        """True when it is fine to drop the current plan (saved, discarded, or unchanged)."""
        if not self.doc.is_modified():
            return True
        answer = dialogs.ask_save_changes(self, self.doc.path.name if self.doc.path else self.doc.name)
        if answer == dialogs.SAVE:
            return self.save()
        return answer == dialogs.DISCARD

    def new_plan(self) -> None:
        if not self.maybe_save():
            return
        self.doc.replace(new_plan_data(), None)
        self.show_page("Teams")
        self.show_message("New plan: add your first team")

    def open_dialog(self) -> None:
        if not self.maybe_save():
            return
        start = str(self.default_dir())
        path, _ = QFileDialog.getOpenFileName(self, "Open plan", start, FILE_FILTER)
        if path:
            self.open_plan(path, ask=False)

    def open_plan(self, path: str | Path, *, ask: bool = True) -> bool:
        """Open a plan file. A file that is not JSON (or not an object) is refused with a
        message and the current plan stays; a plan with problems opens with them listed."""
        from ..io.atomic import clean_stale
        from ..io.planfile import PlanFileError, read_plan_data

        if ask and not self.maybe_save():
            return False
        path = Path(path)
        try:
            data = read_plan_data(path)
        except PlanFileError as exc:
            dialogs.warn(self, "Cannot open the plan", str(exc))
            return False
        if not isinstance(data, dict):
            dialogs.warn(self, "Cannot open the plan",
                         f"{path.name}: a plan must be a JSON object {{...}}; this file holds "
                         f"{type(data).__name__ if data is not None else 'null'}.")
            return False
        self.doc.replace(data, path, copy=False)
        clean_stale(path)  # temp files a killed save of this plan left behind
        self._remember_file(path)
        self._opened = path.name
        if self.recomputer.flush():
            self._report_opened()
        else:
            self.show_message(f"Opened {path.name}; checking and computing the plan...", 0)
        return True

    def _report_opened(self) -> None:
        name, self._opened = self._opened, None
        if not name:
            return
        n = self.doc.error_count
        if n and self.is_blank():
            self.show_message(f"Opened {name}: it has no teams yet; add a team to begin")
        elif n:
            self.problems_dock.show()
            self.show_message(f"Opened {name} with {n} problem{'s' if n != 1 else ''}: "
                              "fix them in the Problems list")
        else:
            self.show_message(f"Opened {name}")

    def _remember_file(self, path: Path) -> None:
        if path.resolve() != EXAMPLE:
            self.settings.add_recent(path)
        self.settings.last_plan = str(path.resolve())
        if _usable_dir(path.resolve().parent):
            self.settings.last_dir = str(path.resolve().parent)

    def default_dir(self, near: Path | None = None) -> Path:
        """Where Save As and Export start: next to ``near`` (the open plan) or the last folder
        used, when it is a writable folder of the user's; else the Documents folder."""
        for candidate in (near.parent if near is not None else None, self.settings.last_dir):
            if candidate and _usable_dir(Path(candidate)):
                return Path(candidate)
        return documents_dir()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        files = self.settings.recent_files
        for i, f in enumerate(files):
            a = self.recent_menu.addAction(f"&{i + 1} {Path(f).name}")
            a.setStatusTip(f)
            a.triggered.connect(lambda _=False, p=f: self._open_recent(p))
        if not files:
            self.recent_menu.addAction("No recent plans").setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction("Clear list", self.settings.clear_recent)

    def _open_recent(self, path: str) -> None:
        if not Path(path).exists():
            self.settings.remove_recent(path)
            dialogs.warn(self, "Open recent", f"{path} no longer exists; it was removed from the list.")
            return
        self.open_plan(path)

    def save(self) -> bool:
        if self.doc.path is None or self.doc.path.resolve() == EXAMPLE:
            return self.save_as()
        return self.save_to(self.doc.path)

    def save_as(self) -> bool:
        near = self.doc.path or self._recovered_from  # a restored plan: where its file was
        start = self.default_dir(near)
        base = near.name if near else _file_name(self.doc.name)
        path, _ = QFileDialog.getSaveFileName(self, "Save plan as", str(start / base), FILE_FILTER)
        if not path:
            return False
        p = Path(path)
        if not p.name.endswith(".json"):
            p = p.with_name(p.name + ".orgplan.json")
        return self.save_to(p)

    def save_to(self, path: str | Path) -> bool:
        """Write the raw data (even with problems: nothing is lost) with QSaveFile."""
        from ..io.atomic import clean_stale, explain_os_error
        from ..io.planfile import dumps_plan

        path = Path(path)
        name = self.doc.get(("name",), "")
        if path != self.doc.path and (not isinstance(name, str) or name.strip() in ("", "Untitled plan")):
            # a new plan is named after its file: "myplan", not "Untitled plan"
            stem = path.name.removesuffix(".json").removesuffix(".orgplan")
            if stem:
                self.doc.set(("name",), stem, "Name the plan")
        text = dumps_plan(self.doc.data).encode("utf-8")
        clean_stale(path)
        f = QSaveFile(str(path))
        if not f.open(QSaveFile.OpenModeFlag.WriteOnly) or f.write(QByteArray(text)) != len(text) \
                or not f.commit():
            reason = f.errorString()
            f.cancelWriting()
            msg = explain_os_error(OSError(reason), path) if reason else f"cannot write {path}"
            dialogs.warn(self, "Cannot save the plan", msg[0].upper() + msg[1:])
            return False
        self.doc.undo_stack.setClean()
        if self.doc.path != path:
            self.doc.set_path(path)
        self._remember_file(path)
        self._update_title()
        self.recomputer.flush()
        n = self.doc.error_count
        if n and not self.is_blank():
            self.show_message(f"Saved {path.name}; it has {n} problem{'s' if n != 1 else ''} "
                              "to fix before it can be computed")
        else:
            self.show_message(f"Saved {path.name}")
        return True

    def restore(self, rec: Recoverable) -> bool:
        from ..io.planfile import PlanFileError, read_plan_data

        try:
            data = read_plan_data(rec.autosave)
        except PlanFileError as exc:
            dialogs.warn(self, "Cannot restore", str(exc))
            return False
        gone = rec.original is not None and not rec.original_exists
        # A file that is no longer there (moved, deleted, or a path an older version kept
        # relative): the plan comes back unsaved and the first Save asks where to save it.
        self.doc.replace(data, None if gone else rec.original, copy=False)
        self.doc.undo_stack.resetClean()
        self._recovered_from = rec.original if gone else None
        self._update_title()
        self.session.autosave(sync=True)  # in this session's autosave before the old goes
        rec.discard()
        if gone:
            self.show_message(f"Restored the unsaved changes to {rec.original.name}, which is no "
                              f"longer at {rec.original.parent}: Save will ask where to save it", 0)
        else:
            self.show_message("Restored the unsaved changes; save them to keep them")
        return True

    # ----- export and roster --------------------------------------------------------------
    def export_excel(self, *, path: Path | None = None) -> Any:
        if not self.recomputer.flush():
            self.show_message("The plan is still being computed: export again in a moment")
            return None
        if self.is_blank():
            dialogs.inform(self, "Export to Excel", "The plan has no teams yet: add a team and a "
                           "workflow first, then export the results.")
            return None
        if self.doc.plan is None or self.doc.error_count:
            n = self.doc.error_count
            dialogs.warn(self, "Export to Excel", f"The plan has {n} problem{'s' if n != 1 else ''}. "
                         "Fix them first (see the Problems list), then export.")
            self.problems_dock.show()
            return None
        stem = self.doc.path.name.removesuffix(".json").removesuffix(".orgplan") if self.doc.path \
            else _file_name(self.doc.name).removesuffix(".orgplan.json")
        folder = self.default_dir(self.doc.path)
        return self.exporter.export(self.doc.plan, folder / f"{stem}.xlsx", path=path,
                                    source=self.doc.path.name if self.doc.path else None)

    def export_brief(self, *, path: Path | None = None, ask_open: bool = True) -> None:
        """File > Export brief: the one-page PDF of the plan (or the scenario shown)."""
        if not self.recomputer.flush():
            self.show_message("The plan is still being computed: export again in a moment")
            return
        if self.is_blank() or self.doc.plan is None or self.doc.error_count:
            n = self.doc.error_count
            dialogs.warn(self, "Export brief", "The plan has no results yet: add a team and a "
                         "workflow first." if not n else f"The plan has {n} problem"
                         f"{'s' if n != 1 else ''}. Fix them first (see the Problems list).")
            return
        stem = self.doc.path.name.removesuffix(".json").removesuffix(".orgplan") if self.doc.path \
            else _file_name(self.doc.name).removesuffix(".orgplan.json")
        folder = self.default_dir(self.doc.path)
        self.brief_exporter.export(self.doc.data, folder / f"{stem} brief.pdf", self.doc.scenario,
                                   path=path, ask_open=ask_open)

    def import_roster(self, *, path: Path | None = None) -> None:
        mod = roster_ui()
        if not self.maybe_save():
            return
        data = mod.import_roster_dialog(self, path=path) if path else mod.import_roster_dialog(self)
        if isinstance(data, dict):
            self.doc.replace(data, None, copy=False)
            self.doc.undo_stack.resetClean()
            self._update_title()
            self.show_page("Teams")
            self.show_message("Imported the roster as a new plan: saving keeps its teams, roles "
                              "and costs; the people's chart (Organisation) stays until the plan "
                              "is closed, the people themselves live in the roster file", 15000)

    # ----- window events ---------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:
        if any(_droppable(u.toLocalFile()) for u in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:
        for url in event.mimeData().urls():
            path = url.toLocalFile()
            kind = _droppable(path)
            if kind == "plan":
                event.acceptProposedAction()
                QTimer.singleShot(0, lambda p=path: self.open_plan(p))
                return
            if kind == "roster":
                event.acceptProposedAction()
                QTimer.singleShot(0, lambda p=path: self.import_roster(path=Path(p)))
                return
        event.ignore()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt naming
        if obj is self and event.type() == QEvent.Type.Paint and not self.painted_once:
            self.painted_once = True
            self.removeEventFilter(self)
            # after this paint pass: compute what start-up held back (see app.main)
            QTimer.singleShot(0, self.recomputer.release)
            self.painted.emit()
        return super().eventFilter(obj, event)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            # a safety net should a platform never send the window itself a paint event
            QTimer.singleShot(500, self.recomputer.release)
            self.shown.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.maybe_save():
            event.ignore()
            return
        self.settings.geometry = self.saveGeometry()
        if self._dock_stepped_aside:
            self.results_dock.show()           # saved as the user left it, not as Overview hid it
        self.settings.window_state = self.saveState()
        self.settings.splitter_state = self.splitter.saveState()
        self.settings.sync()
        self.session.close()
        event.accept()

    def set_theme(self, mode: str) -> None:
        self.settings.theme = mode
        apply_theme(mode)
        self.theme_actions[mode].setChecked(True)
        self._show_result()

    def about(self) -> None:
        from .about import show_about

        show_about(self)


def _droppable(path: str) -> str:
    low = path.lower()
    if low.endswith(".json"):
        return "plan"
    if low.endswith(ROSTER_SUFFIXES):
        return "roster"
    return ""


def documents_dir() -> Path:
    """The user's Documents folder (their home when there is none)."""
    from PySide6.QtCore import QStandardPaths

    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if docs and Path(docs).is_dir():
        return Path(docs)
    return Path.home()


def _usable_dir(folder: Path) -> bool:
    """A folder to propose for saving: exists, writable, and not the app's own files."""
    import os

    try:
        folder = folder.resolve()
        if folder == EXAMPLE.parent or EXAMPLE.parents[1] in (folder, *folder.parents):
            return False
        return folder.is_dir() and os.access(folder, os.W_OK)
    except OSError:
        return False


def _file_name(name: str) -> str:
    safe = "".join(c if c.isalnum() or c in "-_ " else "" for c in name).strip().replace(" ", "-")
    return f"{safe.lower() or 'plan'}.orgplan.json"


__all__ = ["MainWindow", "EXAMPLE", "time"]
