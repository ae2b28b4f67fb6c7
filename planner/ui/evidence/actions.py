"""The evidence library's commands in the window: Add workflow from template, Add model /
GPU from catalog (Edit menu and the pages' buttons), File > Import prices.

Each opens its dialog, then makes the edit as one undo step and shows the new row.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu

from .. import dialogs
from .adding import (
    CatalogChoice,
    TemplateChoice,
    add_from_catalog,
    add_workflow_from_template,
)


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
        dialog = TemplateDialog(self.doc, self.window, team=team)
        try:
            if self.run_dialog(dialog) and dialog.choice() is not None:
                self.apply_template(dialog.choice())
        finally:
            dialog.deleteLater()

    def apply_template(self, choice: TemplateChoice) -> str:
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
        self.window.show_message(f"Added {choice.template['name']} from the catalog "
                                 f"({choice.template['source'].split(',')[0]}){spread}. Ctrl+Z undoes it.",
                                 12000)
        return wid

    # ----- models and GPUs ----------------------------------------------------------------------
    def add_from_catalog(self, kind: str) -> None:
        from .catalog_dialog import CatalogDialog

        dialog = CatalogDialog(self.doc, self.window, show=kind)
        try:
            if self.run_dialog(dialog) and dialog.choice() is not None:
                self.apply_catalog(dialog.choice())
        finally:
            dialog.deleteLater()

    def apply_catalog(self, choice: CatalogChoice) -> str:
        key, ident = add_from_catalog(self.doc, choice)
        self.window.show_page("Compute")
        self.window.compute_page.show_path((key, self.doc.ids(key)[ident]))
        self.window.show_message(f"Added {ident} from the catalog; hover its cells for the "
                                 "source. Ctrl+Z undoes it.", 10000)
        return ident


def _menu(window: Any, title: str) -> QMenu | None:
    for a in window.menuBar().actions():
        if a.menu() is not None and a.text().replace("&", "") == title:
            return a.menu()
    return None


def install_catalog_actions(window: Any) -> CatalogActions:
    """Put the catalog's commands in the Edit menu and on the Workflows and Compute
    pages; returns them (``window.catalog_actions``)."""
    actions = CatalogActions(window)
    edit = _menu(window, "Edit")
    if edit is not None:
        edit.addSeparator()
        for a in (actions.template, actions.model, actions.gpu):
            edit.addAction(a)
    window.workflows_page.add_catalog_action(actions.template)
    window.compute_page.set_catalog_actions(actions.model, actions.gpu)
    window.catalog_actions = actions
    return actions
