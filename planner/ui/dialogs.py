"""Every question and message box the app shows, in one place (tests replace these helpers)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"
WITH_WORKFLOWS, KEEP_WORKFLOWS = "with-workflows", "keep-workflows"


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


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


def _listing(names: list[str], most: int = 8) -> str:
    shown = ", ".join(names[:most])
    return shown + (f" and {len(names) - most} more" if len(names) > most else "")


def delete_teams_text(teams: list[str], workflows: list[str]) -> str:
    """What deleting teams that workflows use does, in words (the question's body)."""
    whose = teams[0] if len(teams) == 1 else f"These {len(teams)} teams"
    return (f"{whose} {'has' if len(teams) == 1 else 'have'} {_plural(len(workflows), 'workflow')}"
            f": {_listing(workflows)}.\n\nDelete the workflows too, or keep them to give them "
            "another team: until then they are listed in Problems and the results stay those of "
            "the last valid plan. Teams reporting to a deleted team move up a level. Ctrl+Z "
            "undoes either.")


def ask_delete_teams(parent: QWidget | None, teams: list[str], workflows: list[str]) -> str:
    """WITH_WORKFLOWS, KEEP_WORKFLOWS or CANCEL, before deleting teams that workflows use."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Delete teams" if len(teams) != 1 else "Delete team")
    box.setText(f"Delete {_listing(teams, 3)}?")
    box.setInformativeText(delete_teams_text(teams, workflows))
    n = len(workflows)
    both = box.addButton(f"Delete team{'s' if len(teams) != 1 else ''} and "
                         f"{_plural(n, 'workflow')}", QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(f"Keep the workflow{'s' if n != 1 else ''}",
                         QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    return WITH_WORKFLOWS if clicked is both else KEEP_WORKFLOWS if clicked is keep else CANCEL


def warn(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


def inform(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def offer_open(parent: QWidget | None, path: Path) -> None:
    """After an export: offer to open the file or its folder, and do it."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    choice = ask_open_export(parent, path)
    if choice:
        target = path if choice == "file" else path.parent
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))
