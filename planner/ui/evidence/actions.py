"""The evidence library's commands in the window: Add workflow from template, Add model /
GPU from catalog (Edit menu and the pages' buttons), File > Import prices.

Each opens its dialog, then makes the edit as one undo step and shows the new row.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QFileDialog, QMenu

from .. import dialogs
from .citation import short_citation

if TYPE_CHECKING:
    from .adding import CatalogChoice, TemplateChoice

PRICE_FILTER = "LiteLLM price files (*.json);;All files (*)"


class CatalogActions(QObject):
    """The actions and what they do; ``window`` is the MainWindow."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.doc = window.doc
        self.task = None
        self.template = self._action("Add &workflow from template...", self.add_workflow,
                                     "Add a workflow from the evidence catalog, with the study "
                                     "behind its values")
        self.model = self._action("Add &model from catalog...", lambda: self.add_from_catalog("api"),
                                  "Add an API or self-hosted model from the catalog, with its "
                                  "prices or measured speed and their sources")
        self.gpu = self._action("Add &GPU from catalog...", lambda: self.add_from_catalog("gpu"),
                                "Add a GPU from the catalog, rented or bought, with its sources")
        self.prices = self._action("Import &Prices...", lambda: self.import_prices(),
                                   "Update the API models' prices from a LiteLLM price file")

    def _action(self, text: str, slot, tip: str) -> QAction:
        a = QAction(text, self.window)
        a.setStatusTip(tip)
        a.setToolTip(tip)
        a.triggered.connect(lambda _=False: slot())
        return a

    # ----- hooks the tests replace ------------------------------------------------------
    def run_dialog(self, dialog: QDialog) -> bool:
        """Show ``dialog`` modally; True when the user accepted it."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def ask_price_file(self) -> str:
        path, _ = QFileDialog.getOpenFileName(self.window, "Import prices from a LiteLLM price file",
                                              str(self.window.default_dir()), PRICE_FILTER)
        return path

    # ----- workflows ----------------------------------------------------------------------------
    def add_workflow(self) -> None:
        from .template_dialog import TemplateDialog

        if not self.doc.ids("teams"):
            dialogs.inform(self.window, "Add workflow from template",
                           "Add a team first: a workflow is work a team does.")
            self.window.show_page("Teams")
            return
        page = self.window.workflows_page
        team = page.proxy.team
        if team is None:
            row = page.current_row()
            items = self.doc.items("workflows")
            team = items[row].get("team") if 0 <= row < len(items) and isinstance(items[row], dict) \
                else None
        self._ask(TemplateDialog(self.doc, self.window, team=team), self.apply_template)

    def _ask(self, dialog: Any, apply: Any) -> None:
        """Show ``dialog``; when the user accepts a choice, ``apply`` it."""
        try:
            if self.run_dialog(dialog) and dialog.choice() is not None:
                apply(dialog.choice())
        finally:
            dialog.deleteLater()

    def apply_template(self, choice: TemplateChoice) -> str:
        from .adding import add_workflow_from_template  # the catalog loads on first use

        wid, rng = add_workflow_from_template(self.doc, choice)
        row = self.doc.ids("workflows")[wid]
        page = self.window.workflows_page
        self.window.show_page("Workflows")
        if page.proxy.filterAcceptsRow(row, QModelIndex()):
            page.table.select_source_row(row)
        else:
            page.show_path(("workflows", row))
        spread = (f"; its time saved ranges {rng['low']:.0%} to {rng['high']:.0%} on the Risk page"
                  if rng else "")
        cite = short_citation(choice.template["source"])
        self.window.show_message(f"Added {choice.template['name']} from the catalog ({cite})"
                                 f"{spread}. Ctrl+Z undoes it.", 12000)
        return wid

    # ----- models and GPUs ----------------------------------------------------------------------
    def add_from_catalog(self, kind: str) -> None:
        from .catalog_dialog import CatalogDialog

        self._ask(CatalogDialog(self.doc, self.window, show=kind), self.apply_catalog)

    def apply_catalog(self, choice: CatalogChoice) -> str:
        from .adding import add_from_catalog

        key, ident = add_from_catalog(self.doc, choice)
        self.window.show_page("Compute")
        self.window.compute_page.show_path((key, self.doc.ids(key)[ident]))
        self.window.show_message(f"Added {ident} from the catalog; hover its cells for the "
                                 "source. Ctrl+Z undoes it.", 10000)
        return ident

    # ----- prices --------------------------------------------------------------------------------
    def import_prices(self, path: str | Path | None = None) -> None:
        """Read the file on a worker (the real one is 1.5 MB), then show what would change."""
        from ...io.pricebook import read_price_file

        path = path or self.ask_price_file()
        if not path:
            return
        self.window.show_message(f"Reading {Path(path).name}...", 0)
        self.task = self.window.recomputer.runner.submit(
            read_price_file, str(path), on_done=self._prices_read, on_error=self._prices_failed)

    def _prices_failed(self, exc: BaseException) -> None:
        self.task = None
        self.window.show_message("")
        dialogs.warn(self.window, "Cannot import prices", str(exc) or type(exc).__name__)

    def _prices_read(self, prices: Any) -> None:
        from ...io.pricebook import compare
        from .prices_dialog import PricesDialog

        self.task = None
        self.window.show_message("")
        report = compare(self.doc.data, prices)
        if not (report.matched or report.refused or report.unmatched):
            dialogs.inform(self.window, "Import prices", "The plan has no API models to price: "
                           "add one (Compute > Add model from catalog), then import again.")
            return
        dialog = PricesDialog(report, self.window, currency=self.doc.currency)
        try:
            if not self.run_dialog(dialog) or not dialog.changes():
                return
        finally:
            dialog.deleteLater()
        from .adding import apply_prices

        changed = apply_prices(self.doc, report)
        self.window.show_message(f"New prices for {', '.join(changed)} from {report.file}. "
                                 "Ctrl+Z undoes it.", 12000)


def _menu(window: Any, title: str) -> QMenu | None:
    for a in window.menuBar().actions():
        if a.menu() is not None and a.text().replace("&", "") == title:
            return a.menu()
    return None


def install_catalog_actions(window: Any) -> CatalogActions:
    """Put the catalog's commands in the Edit and File menus and on the Workflows and Compute
    pages; returns them (``window.catalog_actions``)."""
    actions = CatalogActions(window)
    edit = _menu(window, "Edit")
    if edit is not None:
        edit.addSeparator()
        for a in (actions.template, actions.model, actions.gpu):
            edit.addAction(a)
    file = _menu(window, "File")
    if file is not None:
        roster = getattr(window, "a_roster", None)
        items = file.actions()
        after = items.index(roster) + 1 if roster in items else len(items)
        if after < len(items):
            file.insertAction(items[after], actions.prices)
        else:
            file.addAction(actions.prices)
    window.workflows_page.add_catalog_action(actions.template)
    window.compute_page.set_catalog_actions(actions.model, actions.gpu)
    window.catalog_actions = actions
    return actions
