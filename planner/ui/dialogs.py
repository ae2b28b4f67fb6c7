"""Every question and message box the app shows, in one place (tests replace these helpers)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"


def ask_save_changes(parent: QWidget | None, name: str) -> str:
    """Save / Discard / Cancel for unsaved changes."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Unsaved changes")
    box.setText(f"Save the changes to {name}?")
    box.setInformativeText("Your changes will be lost if you don't save them.")
    box.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                           | QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        return SAVE
    if answer == QMessageBox.StandardButton.Discard:
        return DISCARD
    return CANCEL


def ask_restore(parent: QWidget | None, description: str) -> bool:
    answer = QMessageBox.question(
        parent, "Restore unsaved changes?",
        f"OrgPlanner did not close properly last time.\n\nRestore the unsaved changes to "
        f"{description}?\n\nIf you don't, they are deleted.",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes)
    return answer == QMessageBox.StandardButton.Yes


def ask_open_export(parent: QWidget | None, path: Path) -> str:
    """After an export: "file", "folder" or "" (close)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle("Export finished")
    box.setText(f"Exported {path.name}")
    box.setInformativeText(str(path.parent))
    open_file = box.addButton("Open file", QMessageBox.ButtonRole.AcceptRole)
    open_folder = box.addButton("Open folder", QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    clicked = box.clickedButton()
    return "file" if clicked is open_file else "folder" if clicked is open_folder else ""


def warn(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


def inform(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)
