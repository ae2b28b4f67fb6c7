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
OVERRIDE_TINT = QColor(61, 106, 168, 55)     # a value the shown scenario changes
RAW_ROLE = Qt.ItemDataRole.UserRole + 1
PATH_ROLE = Qt.ItemDataRole.UserRole + 2

_italic = QFont()
_italic.setItalic(True)
_bold = QFont()
_bold.setBold(True)
_range_icon = None


def range_icon():
    """The small mark of a value that has a range (a ± in the cell's corner)."""
    global _range_icon
    if _range_icon is None:
        from PySide6.QtCore import QRect
        from PySide6.QtGui import QIcon, QPainter, QPixmap

        pix = QPixmap(14, 14)
        pix.fill(QColor(0, 0, 0, 0))
        p = QPainter(pix)
        f = QFont()
        f.setPixelSize(12)
        f.setBold(True)
        p.setFont(f)
        p.setPen(QColor(61, 106, 168))
        p.drawText(QRect(0, 0, 14, 14), int(Qt.AlignmentFlag.AlignCenter), "±")
        p.end()
        _range_icon = QIcon(pix)
    return _range_icon


_brushes: dict[tuple[int, str], QBrush] = {}


def _palette_brush(kind: str) -> QBrush:
    """A brush from the application palette, made once per palette (cells ask for it often)."""
    pal = QGuiApplication.palette()
    key = (pal.cacheKey(), kind)
    brush = _brushes.get(key)
    if brush is None:
        if kind == "muted":
            brush = QBrush(pal.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        else:
            c = QColor(pal.color(QPalette.ColorRole.Mid))
            c.setAlpha(60)
            brush = QBrush(c)
        if len(_brushes) > 16:
            _brushes.clear()
        _brushes[key] = brush
    return brush


def _muted() -> QBrush:
    return _palette_brush("muted")


def _na_brush() -> QBrush:
    return _palette_brush("na")


class OneCallPerCell:
    """Answer all the roles a view asks for a cell in one Python call (``multiData``).

    A view asks some eight roles per cell it paints; each call from C++ into Python takes the
    GIL, and while a big plan is evaluated on the worker each take waits for a thread switch.
    One call per cell instead of eight keeps painting (scrolling a 50,000-row table) smooth.
    """

    def multiData(self, index, span) -> None:  # noqa: N802 - Qt naming
        if not index.isValid():
            return
        data = self.data
        for i in range(len(span)):
            slot = span[i]
            value = data(index, slot.role())
            if value is not None:
                slot.setData(value)
            else:
                slot.clearData()   # a view may reuse the span: never leave another cell's value


DISPLAY, EDIT, TOOLTIP = (int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.EditRole),
                          int(Qt.ItemDataRole.ToolTipRole))
DECORATION = int(Qt.ItemDataRole.DecorationRole)
BACKGROUND, FOREGROUND, FONT, ALIGN = (int(Qt.ItemDataRole.BackgroundRole),
                                       int(Qt.ItemDataRole.ForegroundRole),
                                       int(Qt.ItemDataRole.FontRole),
                                       int(Qt.ItemDataRole.TextAlignmentRole))
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_NUMBERS = ("number", "int", "percent")


def cell_data(doc: Any, item: Any, field: Field, path: tuple, role: int) -> Any:
    """``path`` is the cell's absolute path in the document (for problem lookup)."""
    return cell_values(doc, item, field, path, (role,))[0]


def cell_values(doc: Any, item: Any, field: Field, path: tuple, roles) -> list:
    """What the cell shows for each of ``roles`` (the facts they share are read once)."""
    applicable = field.is_applicable(item)
    value = edits.get_in(item, field.path) if applicable else MISSING
    empty = value is MISSING or value is None
    problems = None
    out = []
    for r in roles:
        role = int(r)
        if role == DISPLAY:
            out.append(field.display(value, doc) if applicable else "–")
        elif role == EDIT:
            if field.kind in ("choice", "ref"):
                out.append(value if value is not MISSING else None)
            else:
                out.append(field.edit_text(value))
        elif role == FOREGROUND:
            out.append(_muted() if not applicable or empty else None)
        elif role == FONT:
            if applicable and _overridden(doc, path):
                out.append(_bold)
            else:
                out.append(_italic if applicable and empty and field.fallback(doc) is not MISSING
                           else None)
        elif role == DECORATION:
            out.append(range_icon() if applicable and _ranged(doc, path) else None)
        elif role == ALIGN:
            out.append(_RIGHT if field.kind in _NUMBERS else _LEFT)
        elif role == BACKGROUND:
            if problems is None:
                problems = doc.problems_at(path)
            if problems:
                out.append(QBrush(ERROR_TINT if any(p.severity == "error" for p in problems)
                                  else WARNING_TINT))
            elif applicable and _overridden(doc, path):
                out.append(QBrush(OVERRIDE_TINT))
            else:
                out.append(None if applicable else _na_brush())
        elif role == TOOLTIP:
            if problems is None:
                problems = doc.problems_at(path)
            tip = _with_layers(doc, field, path, applicable,
                               _tooltip(doc, field, value, applicable, problems))
            note = _row_note(item, path)
            out.append(with_note(tip, note) if note else tip)
        elif role == RAW_ROLE:
            out.append(value)
        elif role == PATH_ROLE:
            out.append(path)
        else:
            out.append(None)
    return out


def _overridden(doc: Any, path: tuple) -> bool:
    at = getattr(doc, "overridden_at", None)
    return bool(at is not None and at(path))


def _ranged(doc: Any, path: tuple) -> bool:
    at = getattr(doc, "range_at", None)
    return bool(at is not None and at(path) is not None)


def _with_layers(doc: Any, field: Field, path: tuple, applicable: bool, tip: Any) -> Any:
    """The tooltip, with what the shown scenario changes and the value's range."""
    if not applicable:
        return tip
    lines = []
    if _overridden(doc, path):
        base = doc.base_get(path)
        lines.append(f"Changed in the scenario \u201c{doc.scenario_name()}\u201d "
                     f"(baseline: {field.display(base, doc) or 'empty'}). Right-click > Reset to "
                     "baseline to use the baseline's value.")
    rg = getattr(doc, "range_at", lambda p: None)(path)
    if rg is not None:
        if "low_scale" in rg:
            span = (f"{(rg['low_scale'] - 1) * 100:+.0f}% to {(rg['high_scale'] - 1) * 100:+.0f}% "
                    "of its value")
        else:
            span = f"{field.display(rg.get('low'), doc)} to {field.display(rg.get('high'), doc)}"
        lines.append(f"Range: {span} ({rg.get('path')}); the Risk page draws it.")
    if not lines:
        return tip
    return "\n".join([*lines, "", tip]) if tip else "\n".join(lines)


def _tooltip(doc: Any, field: Field, value: Any, applicable: bool, problems: list) -> Any:
    if problems:
        return "\n".join(f"{'Problem' if p.severity == 'error' else 'Warning'}: {p.message}"
                         for p in problems)
    if not applicable:
        return field.na_text or "Not used for this row."
    about = field.describe(doc)
    if field.kind == "text" and isinstance(value, str) and len(value) > 24:
        return f"{value}\n\n{about}"      # long text is elided in the cell
    return about or None


def _row_note(item: Any, path: tuple) -> str:
    """The note of the row a cell belongs to (a workflow, model, GPU, role or team: an item
    of a list), else "" (the settings form does not repeat the plan's note on every row)."""
    if len(path) < 2 or not isinstance(path[1], int) or not isinstance(item, dict):
        return ""
    note = item.get("note")
    return note.strip() if isinstance(note, str) else ""


def note_html(note: str) -> str:
    """A note as rich text, its first line bold: on a one-line note, the part before its
    first colon (a catalog note's source: ``Cui, Demirer... (2026): +26.1% ...``)."""
    import html

    lines = note.strip().splitlines()
    first, rest = lines[0], [x for x in lines[1:] if x.strip()]
    cut = first.find(": ")
    if not rest and 0 < cut <= 160:
        head, tail = first[: cut + 1], first[cut + 2:]
    else:
        head, tail = first, ""
    body = [f"<b>{html.escape(head, quote=False)}</b>"
            + (f" {html.escape(tail, quote=False)}" if tail else "")]
    body += [html.escape(x, quote=False) for x in rest]
    return "<br>".join(body)


def with_note(tip: str | None, note: str) -> str:
    """The cell's own tooltip (its problems, or what the field means) after the row's note:
    where a value comes from is what a hover on a number asks first (problems go first)."""
    import html

    own = html.escape(tip or "", quote=False).replace("\n", "<br>")
    note_part = f"<p>{note_html(note)}</p>"
    if own and tip and any(line.startswith(("Problem: ", "Warning: "))
                           for line in tip.splitlines()):
        body = f"<p>{own}</p>{note_part}"
    else:
        body = note_part + (f"<p>{own}</p>" if own else "")
    # a long note reads better a little wider than Qt's own choice for rich tooltips
    return body if len(note) < 160 else f"<table width='460'><tr><td>{body}</td></tr></table>"


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
