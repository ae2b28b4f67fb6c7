"""The Help menu: Getting started, How the numbers are calculated, Keyboard shortcuts, About."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction, QKeySequence


def install_help(window: Any, menu: Any) -> None:
    def action(text: str, slot, keys: str | None = None, tip: str = "") -> QAction:
        a = QAction(text, window)
        if keys:
            a.setShortcut(QKeySequence(keys))
        if tip:
            a.setStatusTip(tip)
        a.triggered.connect(slot)
        menu.addAction(a)
        return a

    window.a_tour = action("&Getting started", lambda: show_tour(window), "F1",
                           "A short tour: from your teams to the brief for leadership")
    window.a_model_doc = action("How the &numbers are calculated", lambda: show_model(window),
                                None, "Every formula, its units and its limits")
    window.a_shortcuts = action("&Keyboard shortcuts", lambda: show_shortcuts(window),
                                "Ctrl+/", "Every key the app knows")
    menu.addSeparator()
    menu.addAction(window.a_about)


def show_tour(window: Any) -> Any:
    from .tour import TourDialog

    def go(where: str) -> None:
        if where == "export":
            window.export_excel()
        else:
            window.show_page(where)

    dialog = TourDialog(go, window)
    dialog.setModal(False)
    dialog.show()
    window._tour = dialog          # kept alive while shown
    return dialog


def show_model(window: Any) -> Any:
    from .docs import DocViewer

    dialog = DocViewer("model.md", window)
    dialog.setModal(False)
    dialog.show()
    window._doc_viewer = dialog
    return dialog


def show_shortcuts(window: Any) -> Any:
    from .shortcuts import ShortcutsDialog

    dialog = ShortcutsDialog(window.findChildren(QAction), window,
                             pages=dict(getattr(window, "pages", {}) or {}))
    dialog.setModal(False)
    dialog.show()
    window._shortcuts = dialog
    return dialog
