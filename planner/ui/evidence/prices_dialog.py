"""Import prices: what a LiteLLM price file would change in the plan's API models, before
anything changes. Each matched model with its old and new prices per million tokens, the key
that priced it and how it was matched, and the notes (cache writes, batch prices: listed,
not applied); the refused entries with their figure; the unmatched models (left alone).
"""

from __future__ import annotations

from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...io.pricebook import PriceReport
from ..dashboard.theme import theme_for
from ..widgets.common import fit_to_screen, heading, hint

MATCHED_HEADERS = ["Model", "Price-file key", "Matched", "Input", "Output", "Cached input", "Notes"]
HOW = {"exact": "exactly", "prefix": "by prefix", "provider": "by provider"}


def _price(x: float | None) -> str:
    return "–" if x is None else f"${x:,.4g}"


def change_text(old: float | None, new: float | None, *, kept: bool = False) -> str:
    """``$0.25 → $0.75 ↑``; ``$0.30 (kept)`` when the file gives none."""
    if kept or new is None:
        return f"{_price(old)} (kept)"
    if old == new:
        return _price(new)
    arrow = "" if old is None else (" ↑" if new > old else " ↓")
    return f"{_price(old)} → {_price(new)}{arrow}"


def _tree(parent: QWidget, headers: list[str]) -> QTreeWidget:
    tree = QTreeWidget(parent)
    tree.setRootIsDecorated(False)
    tree.setHeaderLabels(headers)
    tree.setAlternatingRowColors(True)
    tree.setUniformRowHeights(False)        # a row is as tall as its wrapped notes
    return tree


def wrapped(lines: list[str] | tuple[str, ...], width: int = 80) -> str:
    """Notes or a reason, one per line and wrapped: a tree cuts long text off instead (its
    rows do not wrap on their own)."""
    import textwrap

    if len(lines) > 1:                      # several notes: a bullet each
        return "\n".join(textwrap.fill(x, width, initial_indent="• ", subsequent_indent="  ")
                         for x in lines)
    return "\n".join(textwrap.fill(x, width) for x in lines) or "–"


def summary(report: PriceReport) -> str:
    changed = sum(1 for m in report.matched if m.changed)
    dated = f", dated {report.date}" if report.date else ""
    parts = [f"{len(report.matched)} matched ({changed} with new prices)",
             f"{len(report.refused)} refused", f"{len(report.unmatched)} not in the file"]
    return f"{report.file}{dated}: of the plan's API models, " + ", ".join(parts) + "."


class PricesDialog(QDialog):
    """The report of one price file against the plan; Apply sets the new prices (one undo
    step, done by the caller) and is offered only when some price changes."""

    def __init__(self, report: PriceReport, parent: QWidget | None = None, *,
                 currency: str = "USD") -> None:
        super().__init__(parent)
        self.report = report
        self.setWindowTitle("Import prices")
        theme = theme_for(self)
        up, down = QBrush(theme.cost), QBrush(theme.saving)   # dearer amber, cheaper green

        self.matched = _tree(self, MATCHED_HEADERS)
        for m in report.matched:
            cached_kept = m.new.cached is None
            row = [m.model, m.key, HOW.get(m.how, m.how), change_text(m.old.input, m.new.input),
                   change_text(m.old.output, m.new.output),
                   change_text(m.old.cached, m.new.cached, kept=cached_kept),
                   wrapped(m.notes, 64)]
            item = QTreeWidgetItem(self.matched, row)
            item.setToolTip(6, "\n".join(m.notes))
            for col, (old, new) in ((3, (m.old.input, m.new.input)), (4, (m.old.output, m.new.output)),
                                    (5, (m.old.cached, m.new.cached))):
                if old is not None and new is not None and new != old:
                    item.setForeground(col, up if new > old else down)
        self.refused = _tree(self, ["Model", "Price-file key", "Why it was refused"])
        for r in report.refused:
            reason = r.reason.removeprefix(f"{r.key}: ")        # the key has its own column
            QTreeWidgetItem(self.refused, [r.model, r.key, wrapped([reason])]).setToolTip(2, r.reason)
        self.unmatched = _tree(self, ["Model", "Why"])
        for u in report.unmatched:
            QTreeWidgetItem(self.unmatched, [u.model, wrapped([u.reason], 110)]).setToolTip(1, u.reason)
        for tree in (self.matched, self.refused, self.unmatched):
            for c in range(tree.columnCount() - 1):
                tree.resizeColumnToContents(c)

        v = QVBoxLayout(self)
        self.headline = QLabel(summary(report), self)
        self.headline.setWordWrap(True)
        v.addWidget(self.headline)
        from .adding import currency_caveat

        self.currency_note = None
        if currency_caveat(currency):
            self.currency_note = hint(currency_caveat(currency).replace("catalog's", "file's"), self)
            self.currency_note.setStyleSheet(f"color: {theme.cost.name()};")
            v.addWidget(self.currency_note)
        v.addWidget(hint("Prices per million tokens, in USD as the file gives them. Cache writes, "
                         "batch prices and long-context prices are listed in the notes and not "
                         "applied: how much of your traffic is cached or batched is a planning "
                         "choice (the workflows' cached share).", self))
        for title, tree, empty in (
                ("New prices", self.matched, "No API model of the plan is in this file."),
                ("Refused (prices kept)", self.refused, ""),
                ("Not in the file (left alone)", self.unmatched, "")):
            # room as the lines need it: the notes of a match run to several lines
            stretch = sum(tree.topLevelItem(i).text(tree.columnCount() - 1).count("\n") + 1
                          for i in range(tree.topLevelItemCount()))
            if tree.topLevelItemCount() == 0 and not empty:
                tree.hide()
                continue
            v.addWidget(heading(f"{title}: {tree.topLevelItemCount()}", self, size=1.05))
            if tree.topLevelItemCount() == 0:
                tree.hide()
                v.addWidget(hint(empty, self))
                continue
            v.addWidget(tree, max(2, stretch))
        self.buttons = QDialogButtonBox(self)
        n = self.changes()
        self.apply_button = self.buttons.addButton(
            f"Apply {n} new price{'s' if n != 1 else ''}" if n else "Nothing to apply",
            QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.setEnabled(n > 0)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel if n else
                               QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        v.addWidget(self.buttons)
        fit_to_screen(self, 1100, 600)

    def changes(self) -> int:
        """How many matched models get a new price."""
        return sum(1 for m in self.report.matched if m.changed)
