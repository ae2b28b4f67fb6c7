"""What one cell shows for each Qt role, shared by the table, form and tree models."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QPalette

from ..doc import edits
from ..doc.edits import MISSING
from ..doc.fields import Field

ERROR_TINT = QColor(220, 50, 47, 70)
WARNING_TINT = QColor(230, 160, 0, 70)
RAW_ROLE = Qt.ItemDataRole.UserRole + 1
PATH_ROLE = Qt.ItemDataRole.UserRole + 2

_italic = QFont()
_italic.setItalic(True)


def _muted() -> QBrush:
    pal = QGuiApplication.palette()
    return QBrush(pal.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))


def _na_brush() -> QBrush:
    pal = QGuiApplication.palette()
    c = QColor(pal.color(QPalette.ColorRole.Mid))
    c.setAlpha(60)
    return QBrush(c)


def cell_data(doc: Any, item: Any, field: Field, path: tuple, role: int) -> Any:
    """``path`` is the cell's absolute path in the document (for problem lookup)."""
    applicable = field.is_applicable(item)
    value = edits.get_in(item, field.path) if applicable else MISSING
    if role == Qt.ItemDataRole.DisplayRole:
        if not applicable:
            return "–"
        text = field.display(value, doc)
        return text
    if role == Qt.ItemDataRole.EditRole:
        if field.kind in ("choice", "ref"):
            return value if value is not MISSING else None
        return field.edit_text(value)
    if role == RAW_ROLE:
        return value
    if role == PATH_ROLE:
        return path
    if role == Qt.ItemDataRole.ToolTipRole:
        problems = doc.problems_at(path)
        if problems:
            return "\n".join(f"{'Problem' if p.severity == 'error' else 'Warning'}: {p.message}"
                             for p in problems)
        if not applicable:
            return field.na_text or "Not used for this row."
        about = field.describe(doc)
        if field.kind == "text" and isinstance(value, str) and len(value) > 24:
            return f"{value}\n\n{about}"      # long text is elided in the cell
        return about or None
    if role == Qt.ItemDataRole.BackgroundRole:
        problems = doc.problems_at(path)
        if problems:
            return QBrush(ERROR_TINT if any(p.severity == "error" for p in problems) else WARNING_TINT)
        if not applicable:
            return _na_brush()
        return None
    if role == Qt.ItemDataRole.ForegroundRole:
        if not applicable or (value is MISSING or value is None):
            return _muted()
        return None
    if role == Qt.ItemDataRole.FontRole:
        if applicable and (value is MISSING or value is None) \
                and field.fallback(doc) is not MISSING:
            return _italic
        return None
    if role == Qt.ItemDataRole.TextAlignmentRole:
        if field.kind in ("number", "int", "percent"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return None


def write_field(doc: Any, item_path: tuple, field: Field, value: Any) -> None:
    """Store a parsed value, creating the parent object (e.g. ``ai``) when it is absent."""
    if field.writer is not None:
        field.writer(doc, item_path, value)
        return
    full = (*item_path, *field.path)
    if len(field.path) > 1:
        container_path = full[:-1]
        container = doc.get(container_path)
        if not isinstance(container, dict):
            if value is MISSING:
                return
            new = dict(field.container or {})
            new[field.path[-1]] = value
            doc.set(container_path, new, f"Edit {field.header.lower()}")
            return
        if value is MISSING and field.drops_block:
            doc.set(container_path, MISSING, "Remove AI seats")
            return
    doc.set(full, value, f"Edit {field.header.lower()}")


def header_text(field: Field, currency: str, *, full: bool = False) -> str:
    """The column header: the short one for tables (``full``: the header with its unit)."""
    from ...formatting import symbol

    if field.short and not full:
        return field.short.replace("{cur}", symbol(currency).strip())
    unit = field.unit
    if field.money:
        unit = f"{symbol(currency).strip()} {unit}".strip()
    return f"{field.header}\n({unit})" if unit and field.kind not in ("percent",) else field.header
