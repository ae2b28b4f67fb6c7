"""Set range…: how unsure a value is, as low / high values or as -x% / +y% of it.

A range is stored by the value's id path (``workflows[tickets].ai.time_saved``), so it stays
with its item; setting, changing and removing a range are each one undo step.
"""

from __future__ import annotations

import html
import math
from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ..doc.edits import MISSING
from ..doc.fields import parse_number


def _share(text: str) -> float:
    """``-30%`` / ``-30`` -> -0.3 (a relative change in percent)."""
    t = text.strip().rstrip("%").strip()
    if not t:
        raise ValueError("type a percentage, for example -30% or +20%")
    v = parse_number(t)
    return v / 100.0


def cell_value(doc: Any, path: tuple, field: Any) -> Any:
    """The value in force at a cell (its default or the value it follows when empty)."""
    value = doc.get(path)
    if value is MISSING or value is None:
        fallback = field.fallback(doc) if hasattr(field, "fallback") else MISSING
        value = fallback if fallback is not MISSING else None
    return value


def existing_range(doc: Any, target: str) -> dict:
    for rg in doc.base_get(("ranges",), []) or []:
        if isinstance(rg, dict) and rg.get("path") == target:
            return rg
    return {}


class RangeDialog(QDialog):
    """Ask for the range of ``target`` (an id path); ``value`` is the plan's value there (None
    for a path over several items: each item's own value is then its mode)."""

    def __init__(self, doc: Any, target: str, field: Any, value: Any,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc, self.target, self.field = doc, target, field
        self.setWindowTitle(f"Range of {field.header.lower()}")
        self.value = value
        existing = existing_range(doc, target)
        self.absolute = QRadioButton("Between two values", self)
        self.relative = QRadioButton("A share below and above today's value", self)
        group = QButtonGroup(self)
        group.addButton(self.absolute)
        group.addButton(self.relative)
        self.low = QLineEdit(self)
        self.high = QLineEdit(self)
        self.minus = QLineEdit(self)
        self.plus = QLineEdit(self)
        if "low_scale" in existing:
            self.relative.setChecked(True)
            self.minus.setText(f"{(existing['low_scale'] - 1) * 100:+g}%")
            self.plus.setText(f"{(existing['high_scale'] - 1) * 100:+g}%")
        elif "low" in existing:
            self.absolute.setChecked(True)
            self.low.setText(field.edit_text(existing["low"]))
            self.high.setText(field.edit_text(existing["high"]))
        else:
            self.relative.setChecked(True)
            self.minus.setText("-30%")
            self.plus.setText("+20%")
        if value is not None:
            lead = (f"<b>{field.header}</b> is {field.display(value, doc)} in the plan: the most "
                    "likely value.")
        else:
            lead = (f"<b>{field.header}</b> of every item this range covers: each item's own "
                    "value is its most likely value.")
        intro = QLabel(
            f"{lead} The Risk page draws it between a low and a high end (a triangle peaking at "
            "the plan's value) and shows how much each range moves the NPV.", self)
        intro.setWordWrap(True)
        from planner.risk.words import path_words

        # the input in words; its path in the plan file for experts, on hover
        where = QLabel(f"Applies to: <b>{html.escape(path_words(self.target))}</b>", self)
        where.setToolTip(f"In the plan file: {self.target}")
        self.where = where
        self.reading = QLabel(self)             # the range as typed, in words
        self.reading.setWordWrap(True)
        self.reading.setStyleSheet("color: palette(placeholder-text);")
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.absolute)
        form.addRow("Low:", self.low)
        form.addRow("High:", self.high)
        form.addRow(self.relative)
        form.addRow("Down to:", self.minus)
        form.addRow("Up to:", self.plus)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(where)
        layout.addLayout(form)
        layout.addWidget(self.reading)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        for edit in (self.low, self.high):
            edit.textEdited.connect(lambda _t: self.absolute.setChecked(True))
        for edit in (self.minus, self.plus):
            edit.textEdited.connect(lambda _t: self.relative.setChecked(True))
        for edit in (self.low, self.high, self.minus, self.plus):
            edit.textChanged.connect(lambda _t: self._read())
        self.absolute.toggled.connect(lambda _on: self._read())
        self._read()
        # room for the explanation and the reading: the dialog was 282 px wide and cramped
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("x") * 62)

    def _read(self) -> None:
        """Say the range as typed in words ("API prices: from rising 25% a year to falling 30%
        a year"), or nothing while it is incomplete."""
        from planner.risk.words import path_words, range_words

        try:
            entry = self.spec()
        except ValueError:
            self.reading.setText("")
            return
        if "low_scale" in entry:
            text = range_words(self.target, entry["low_scale"], entry["high_scale"], scale=True)
        else:
            text = range_words(self.target, entry["low"], entry["high"],
                               show=lambda x: self.field.display(x, self.doc))
        self.reading.setText(f"{path_words(self.target)}: {text}")

    def spec(self) -> dict:
        """The range entry (without its path), or ValueError saying what to fix."""
        if self.relative.isChecked():
            down, up = _share(self.minus.text()), _share(self.plus.text())
            low, high = 1 + down, 1 + up
            if not 0 <= low <= 1:
                raise ValueError("Down to: give a share between -100% and 0%")
            if high < 1 or not math.isfinite(high):
                raise ValueError("Up to: give a share of 0% or more")
            return {"low_scale": round(low, 12), "high_scale": round(high, 12)}
        low = self.field.parse(self.low.text(), self.doc)
        high = self.field.parse(self.high.text(), self.doc)
        if low is MISSING or high is MISSING or low is None or high is None:
            raise ValueError("give both a low and a high value")
        if low > high:
            raise ValueError("the low value is above the high one: swap them")
        if self.value is not None and not low <= self.value <= high:
            shown = self.field.display(self.value, self.doc)
            raise ValueError(f"the plan's value ({shown}) must lie between the low and the high "
                             "value: widen the range, or change the value first")
        return {"low": low, "high": high}

    def _accept(self) -> None:
        try:
            entry = self.spec()
        except ValueError as exc:
            self.error.setText(str(exc))
            return
        write_range(self.doc, self.target, entry, self.field)
        self.accept()


def write_range(doc: Any, target: str, entry: dict, field: Any) -> None:
    """Set the range of ``target`` (replacing one of the same path): one undo step."""
    from planner.plan import layers

    ranges = doc.base_get(("ranges",), [])
    ranges = ranges if isinstance(ranges, list) else []
    doc.set(("ranges",), layers.set_range(ranges, target, entry),
            f"Set the range of {field.header.lower()}")


def set_range(doc: Any, path: tuple, entry: dict, field: Any) -> None:
    """Set the range of the value at a cell's ``path``."""
    write_range(doc, doc.path_text(path), entry, field)


def drop_range(doc: Any, target: str, field: Any) -> bool:
    """Remove the range of ``target``: one undo step."""
    from planner.plan import layers

    ranges = doc.base_get(("ranges",), [])
    return doc.set(("ranges",), layers.drop_range(ranges, target),
                   f"Remove the range of {field.header.lower()}")


def remove_range(doc: Any, path: tuple, field: Any) -> bool:
    """Remove the range that varies the value at a cell's ``path``."""
    rg = doc.range_at(path)
    return rg is not None and drop_range(doc, rg.get("path"), field)
