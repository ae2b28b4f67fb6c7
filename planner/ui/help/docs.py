"""Help > How the numbers are calculated: docs/model.md rendered in the app."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ..widgets.common import fit_to_screen


def docs_dir() -> Path:
    """The folder holding the user documents (``model.md``, ``app.md``...): ``docs/`` beside
    the package in a checkout, copied to the same place in the packaged app."""
    return Path(__file__).resolve().parents[3] / "docs"


def read_doc(name: str) -> str:
    path = docs_dir() / name
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return (f"# {name}\n\nThis document is not installed with this copy of OrgPlanner "
                f"(looked for {path}).")


class DocViewer(QDialog):
    """A markdown document in a browser: links to other documents open inside it."""

    def __init__(self, name: str = "model.md", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("How the numbers are calculated")
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._link)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.show_doc(name)
        # within the available screen with room for the title bar: at 1366x768 the Close
        # button of a 765 px tall window sat below the screen's edge
        fit_to_screen(self, 900, 820)

    def show_doc(self, name: str) -> None:
        text = read_doc(name)
        # design/MODEL.md is the contract behind docs/model.md; name it plainly here
        text = re.sub(r"`design/([A-Z]+)\.md`", r"the planning model contract (\1.md)", text)
        self.browser.setMarkdown(text)
        self.current = name

    def _link(self, url: QUrl) -> None:
        target = url.toString()
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
        elif target.endswith(".md") and (docs_dir() / Path(target).name).exists():
            self.show_doc(Path(target).name)
        elif target.startswith("#"):
            self.browser.scrollToAnchor(target[1:])
