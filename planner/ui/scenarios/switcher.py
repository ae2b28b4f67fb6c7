"""The Scenario box on the toolbar: Baseline and the plan's scenarios, and a menu to make,
copy, rename and delete them. While a scenario is shown, the editors show its values, mark
what it changes and write every change of a value into it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from . import ops


class ScenarioSwitcher(QWidget):
    message = Signal(str)

    def __init__(self, doc: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self._filling = False
        self.label = QLabel("Scenario:", self)
        self.combo = QComboBox(self)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.setMinimumContentsLength(14)
        self.combo.setToolTip("The scenario shown and edited. While a scenario is shown, every "
                              "value you change belongs to it alone (changed cells are tinted); "
                              "Baseline is the plan itself.")
        self.combo.setAccessibleName("Scenario")
        self.combo.currentIndexChanged.connect(self._picked)
        self.button = QToolButton(self)
        self.button.setText("Scenarios \u25be")
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        # the style's own menu arrow is drawn over the text's last letter: the text carries it
        self.button.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0px; }")
        self.button.setToolTip("New, duplicate, rename or delete a scenario")
        self.menu = QMenu(self)
        self.a_new = self.menu.addAction("New scenario...", self.new)
        self.a_duplicate = self.menu.addAction("Duplicate this scenario...", self.duplicate)
        self.a_rename = self.menu.addAction("Rename this scenario...", self.rename)
        self.a_delete = self.menu.addAction("Delete this scenario", self.delete)
        self.button.setMenu(self.menu)
        self.menu.aboutToShow.connect(self._update_actions)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        layout.setSpacing(6)
        layout.addWidget(self.label)
        layout.addWidget(self.combo)
        layout.addWidget(self.button)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        doc.changed.connect(lambda *_: self.refresh())
        doc.scenarioChanged.connect(self.refresh)
        self.refresh()

    # ----- state --------------------------------------------------------------------
    def entries(self) -> list[tuple[str | None, str]]:
        return [(None, "Baseline"), *[(sid, self.doc.scenario_name(sid))
                                      for sid in self.doc.scenario_ids()]]

    def refresh(self) -> None:
        entries = self.entries()
        current = self.doc.scenario
        self._filling = True
        try:
            if [self.combo.itemText(i) for i in range(self.combo.count())] != \
                    [name for _, name in entries] or \
                    [self.combo.itemData(i) for i in range(self.combo.count())] != \
                    [sid for sid, _ in entries]:
                self.combo.clear()
                for sid, name in entries:
                    self.combo.addItem(name, sid)
            for i in range(self.combo.count()):
                if self.combo.itemData(i) == current:
                    self.combo.setCurrentIndex(i)
        finally:
            self._filling = False
        shown = current is not None
        self.combo.setStyleSheet("QComboBox { font-weight: bold; }" if shown else "")

    def _picked(self, index: int) -> None:
        if self._filling or index < 0:
            return
        sid = self.combo.itemData(index)
        if sid != self.doc.scenario:
            self.doc.set_scenario(sid)
            self.message.emit("Showing the baseline" if sid is None else
                              f"Showing the scenario {self.doc.scenario_name(sid)}: changes to "
                              "values now belong to it")

    def _update_actions(self) -> None:
        shown = self.doc.scenario is not None
        for a in (self.a_duplicate, self.a_rename, self.a_delete):
            a.setEnabled(shown)

    # ----- commands -------------------------------------------------------------------
    def new(self, name: str | None = None) -> str | None:
        if name is None:
            n = len(self.doc.scenario_ids()) + 1
            name, ok = QInputDialog.getText(self, "New scenario", "Name of the scenario:",
                                            text=f"Scenario {n}")
            if not ok:
                return None
        sid = ops.create(self.doc, name)
        self.message.emit(f"New scenario {self.doc.scenario_name(sid)}: change values to make "
                          "it differ from the baseline (Ctrl+Z to undo)")
        return sid

    def duplicate(self) -> str | None:
        sid = self.doc.scenario
        if sid is None:
            return None
        new = ops.duplicate(self.doc, sid)
        self.message.emit(f"Duplicated as {self.doc.scenario_name(new)}")
        return new

    def rename(self, name: str | None = None) -> None:
        sid = self.doc.scenario
        if sid is None:
            return
        if name is None:
            name, ok = QInputDialog.getText(self, "Rename scenario", "New name:",
                                            text=self.doc.scenario_name(sid))
            if not ok:
                return
        try:
            ops.rename(self.doc, sid, name)
        except ValueError as exc:
            self.message.emit(str(exc))

    def delete(self, *, ask: bool = True) -> None:
        sid = self.doc.scenario
        if sid is None:
            return
        name = self.doc.scenario_name(sid)
        if ask:
            answer = QMessageBox.question(
                self, "Delete scenario",
                f"Delete the scenario \u201c{name}\u201d and its changes? You can undo it with "
                "Ctrl+Z.", QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Yes:
                return
        ops.delete(self.doc, sid)
        self.message.emit(f"Deleted the scenario {name} (Ctrl+Z to undo)")


